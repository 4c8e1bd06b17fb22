"""Nothing in a checked tree can weaken the link guard or make citelint write elsewhere.

``allow-private-hosts`` and an absolute or escaping ``cache-dir`` are honoured only from the command line,
the environment (CITELINT_ALLOW_PRIVATE_HOSTS, CITELINT_CACHE_DIR) and the user's own configuration file
($XDG_CONFIG_HOME/citelint/config.toml); a project's file that sets them gets a warning and the safe value.
Real subprocesses of the CLI and a real HTTP server on loopback that counts the requests it gets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from links_server import Server, ok


def citelint(*args, cwd: Path, env: dict | None = None, command: str = "check"):
    e = {k: v for k, v in os.environ.items()
         if k not in ("FORCE_COLOR", "NO_COLOR", "CITELINT_ALLOW_PRIVATE_HOSTS", "CITELINT_CACHE_DIR",
                      "CITELINT_MAX_PAGE_SIZE", "CITELINT_PARSE_TIMEOUT")}
    e["CITELINT_NO_PROGRESS"] = "1"
    e.update(env or {})
    extra = ["--format", "json", "--jobs", "1"] if command == "check" else []
    return subprocess.run([sys.executable, "-m", "citelint", command, *extra, *args], cwd=cwd,
                          capture_output=True, text=True, env=e, timeout=120)


@pytest.fixture(scope="module")
def server():
    srv = Server("127.0.0.1", {"/page": ok()}).start()
    yield srv
    srv.stop()


@pytest.fixture
def tree(tmp_path: Path, server) -> Path:
    """A checked tree (a pull request's checkout) with one page citing a loopback URL, and an empty config home."""
    server.hits.clear()
    root = tmp_path / "checkout"
    (root / "wiki").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "wiki" / "a.wiki").write_text(f"Text.<ref>{{{{cite web |url={server.url('/page')} |title=T}}}}</ref>\n"
                                          "<references/>\n")
    (tmp_path / "home").mkdir()
    return root


def home_env(tree: Path, **extra) -> dict:
    return {"XDG_CONFIG_HOME": str(tree.parent / "home"), **extra}


def user_file(tree: Path, text: str) -> Path:
    p = tree.parent / "home" / "citelint" / "config.toml"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)
    return p


def warning_for(key: str, shown: str, reason: str) -> str:
    var = {"allow-private-hosts": "CITELINT_ALLOW_PRIVATE_HOSTS", "cache-dir": "CITELINT_CACHE_DIR"}[key]
    return (f"citelint: warning: {shown}: `{key}` is ignored in a project configuration ({reason}); set it on "
            f"the command line (--{key.split('tool.citelint.')[-1]}), in {var} or in ")


# -- allow-private-hosts ---------------------------------------------------------------------------

LAYOUTS = {
    "citelint.toml": ({"citelint.toml": "allow-private-hosts = true\ncache = false\n"}, (), "citelint.toml"),
    "pyproject.toml": ({"pyproject.toml": "[tool.citelint]\nallow-private-hosts = true\ncache = false\n"}, (),
                       "pyproject.toml"),
    "extend": ({"base.toml": "allow-private-hosts = true\n", "wiki/citelint.toml": 'extend = "../base.toml"\n'
                "cache = false\n"}, (), "base.toml"),
    "--config": ({"ci/ci.toml": "allow-private-hosts = true\ncache = false\n"}, ("--config", "ci/ci.toml"),
                 "ci/ci.toml"),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_project_file_cannot_switch_the_link_guard_off(tree, server, layout):
    files, args, shown = LAYOUTS[layout]
    for rel, text in files.items():
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (tree / rel).write_text(text)
    r = citelint(*args, "wiki/a.wiki", cwd=tree, env=home_env(tree))
    assert r.returncode in (0, 1), r.stderr
    assert server.hits == {}  # not one request reached the loopback server
    key = "tool.citelint.allow-private-hosts" if layout == "pyproject.toml" else "allow-private-hosts"
    lines = [ln for ln in r.stderr.splitlines() if "warning" in ln]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"citelint: warning: {shown}: `{key}` is ignored in a project configuration "
                               f"(it weakens the link guard); set it on the command line (--allow-private-hosts), "
                               f"in CITELINT_ALLOW_PRIVATE_HOSTS or in ")
    assert lines[0].endswith("/citelint/config.toml")
    assert json.loads(r.stdout)["summary"]["files_checked"] == 1  # the run went on


@pytest.mark.parametrize("how", ["flag", "env", "user-file", "user-file-over-project"])
def test_the_command_line_the_environment_and_the_users_own_file_can(tree, server, how):
    (tree / "citelint.toml").write_text("cache = false\n" + ("allow-private-hosts = false\n"
                                                             if how == "user-file-over-project" else ""))
    args, env = [], home_env(tree)
    if how == "flag":
        args = ["--allow-private-hosts"]
    elif how == "env":
        env["CITELINT_ALLOW_PRIVATE_HOSTS"] = "1"
    else:
        user_file(tree, "allow-private-hosts = true\n")
    r = citelint(*args, "wiki/a.wiki", cwd=tree, env=env)
    assert r.returncode == 0, r.stderr
    assert server.hits.get("/page", 0) >= 1
    assert "warning" not in r.stderr


def test_the_environment_beats_the_users_file_and_a_bad_value_is_one_error(tree, server):
    user_file(tree, "allow-private-hosts = true\ncache = false\n")
    r = citelint("wiki/a.wiki", cwd=tree, env=home_env(tree, CITELINT_ALLOW_PRIVATE_HOSTS="0"))
    assert r.returncode in (0, 1) and server.hits == {}
    r = citelint("wiki/a.wiki", cwd=tree, env=home_env(tree, CITELINT_ALLOW_PRIVATE_HOSTS="maybe"))
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip().splitlines() == [
        "citelint: error: CITELINT_ALLOW_PRIVATE_HOSTS: must be 1 or 0 (true/false, yes/no, on/off), not 'maybe'"]


# -- cache-dir -------------------------------------------------------------------------------------

def _cache_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


@pytest.mark.parametrize("kind", ["absolute", "escaping", "home", "symlink"])
def test_a_project_file_cannot_put_the_cache_outside_its_folder(tree, server, kind):
    outside = tree.parent / "outside"
    value = {"absolute": str(outside), "escaping": "../outside", "home": "~/outside", "symlink": "cache"}[kind]
    if kind == "symlink":
        outside.mkdir()
        (tree / "cache").symlink_to(outside)  # planted in the checked tree
    (tree / "citelint.toml").write_text(f'cache-dir = "{value}"\n')
    r = citelint("--allow-private-hosts", "wiki/a.wiki", cwd=tree, env=home_env(tree, HOME=str(tree.parent)))
    assert r.returncode == 0, r.stderr
    assert _cache_files(outside) == []  # nothing created there
    assert (tree / ".citelint_cache" / "links.sqlite3").is_file()  # the default cache folder instead
    reason = {"absolute": f"{value!r} is not a path relative to the file",
              "escaping": f"{value!r} leads outside the folder of the file",
              "home": f"{value!r} is not a path relative to the file",
              "symlink": f"{value!r} leads through a symbolic link to {outside}"}[kind]
    assert (f"citelint: warning: citelint.toml: `cache-dir` is ignored in a project configuration ({reason}); "
            f"set it on the command line (--cache-dir), in CITELINT_CACHE_DIR or in ") in r.stderr
    assert r.stderr.rstrip().endswith("; the default cache folder is used")


def test_a_relative_cache_dir_inside_the_project_is_fine(tree, server):
    (tree / "citelint.toml").write_text('cache-dir = "build/links"\n')
    r = citelint("--allow-private-hosts", "wiki/a.wiki", cwd=tree, env=home_env(tree))
    assert r.returncode == 0 and "warning" not in r.stderr, r.stderr
    assert (tree / "build" / "links" / "links.sqlite3").is_file()


@pytest.mark.parametrize("how", ["env", "user-file", "flag"])
def test_the_cache_may_go_anywhere_from_trusted_places(tree, server, how):
    elsewhere = tree.parent / "elsewhere" / "cache"
    nope = tree.parent / "nope"
    (tree / "citelint.toml").write_text(f'cache-dir = "{nope}"\n' if how == "user-file" else "")
    env, args = home_env(tree), ["--allow-private-hosts"]
    if how == "env":
        env["CITELINT_CACHE_DIR"] = str(elsewhere)
    elif how == "flag":
        args += ["--cache-dir", str(elsewhere)]
    else:
        user_file(tree, f'cache-dir = "{elsewhere}"\n')
    r = citelint(*args, "wiki/a.wiki", cwd=tree, env=env)
    assert r.returncode == 0, r.stderr
    assert (elsewhere / "links.sqlite3").is_file()
    assert not nope.exists()
    assert ("cache-dir" in r.stderr) == (how == "user-file")  # the project's own is still warned about


def test_a_default_cache_folder_planted_as_a_symlink_is_not_followed(tree, server):
    outside = tree.parent / "outside"
    outside.mkdir()
    (tree / "citelint.toml").write_text("")
    (tree / ".citelint_cache").symlink_to(outside)
    r = citelint("--allow-private-hosts", "wiki/a.wiki", cwd=tree, env=home_env(tree))
    assert r.returncode == 0, r.stderr
    assert _cache_files(outside) == []
    assert f"a symbolic link to {outside}, outside its project; checking without it" in r.stderr


def test_files_planted_inside_the_cache_folder_are_not_written_through(tree, server):
    outside = tree.parent / "outside"
    outside.mkdir()
    cache = tree / ".citelint_cache"
    cache.mkdir()
    (tree / "citelint.toml").write_text("")
    (cache / ".gitignore").symlink_to(outside / "gitignore")  # dangling: writing it would create the target
    (cache / "links.sqlite3").symlink_to(outside / "db")
    r = citelint("--allow-private-hosts", "wiki/a.wiki", cwd=tree, env=home_env(tree))
    assert r.returncode == 0, r.stderr
    assert _cache_files(outside) == []
    assert "links.sqlite3 is a symbolic link" in r.stderr


# -- extend ----------------------------------------------------------------------------------------

def test_a_project_file_extends_only_toml_files_inside_its_repository(tree, tmp_path):
    (tmp_path / "secret.toml").write_text('fail-on = "error"\n')
    (tree / "citelint.toml").write_text(f'extend = "{tmp_path / "secret.toml"}"\n')
    r = citelint("wiki/a.wiki", "--offline", cwd=tree, env=home_env(tree))
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [
        f"citelint: error: {tree / 'citelint.toml'}: extend: {str(tmp_path / 'secret.toml')!r} is outside the "
        f"repository {tree}: a project configuration extends only files inside it (shared settings of your own "
        f"go in {tree.parent / 'home' / 'citelint' / 'config.toml'})"]
    (tree / "citelint.toml").write_text('extend = "/etc/passwd"\n')
    r = citelint("wiki/a.wiki", "--offline", cwd=tree, env=home_env(tree))
    assert r.returncode == 2 and "'/etc/passwd' is not a .toml file" in r.stderr
    # inside the repository: fine
    (tree / "base.toml").write_text('fail-on = "error"\n')
    (tree / "wiki" / "citelint.toml").write_text('extend = "../base.toml"\n')
    (tree / "citelint.toml").write_text("")
    assert citelint("wiki/a.wiki", "--offline", cwd=tree, env=home_env(tree)).returncode == 0


# -- the user's own file, and `citelint config` -----------------------------------------------------

def test_the_users_file_is_the_configuration_where_no_project_file_is(tree):
    user_file(tree, 'fail-on = "info"\nignore = ["missing-reflist"]\n')
    (tree / "wiki" / "b.wiki").write_text('A.<ref name="x"/>\n<references/>\n')  # an error: fails either way
    env = home_env(tree)
    cfg = json.loads(citelint("--json", "wiki/b.wiki", cwd=tree, env=env, command="config").stdout)
    assert cfg["config"] == str(tree.parent / "home" / "citelint" / "config.toml")
    assert cfg["settings"]["fail-on"] == "info"
    (tree / "citelint.toml").write_text('fail-on = "error"\n')  # a project file: the user's ordinary keys step back
    cfg = json.loads(citelint("--json", "wiki/b.wiki", cwd=tree, env=env, command="config").stdout)
    assert cfg["config"] == str(tree / "citelint.toml") and cfg["settings"]["fail-on"] == "error"
    cfg = json.loads(citelint("--json", "--isolated", "wiki/b.wiki", cwd=tree, env=env, command="config").stdout)
    assert cfg["config"] is None and cfg["user-config"] is None and cfg["settings"]["fail-on"] == "warning"


def test_citelint_config_says_where_each_trusted_key_came_from(tree):
    user = user_file(tree, 'cache-dir = "/var/cache/citelint"\n')
    (tree / "citelint.toml").write_text("allow-private-hosts = true\n")
    env = home_env(tree)
    r = citelint("--json", cwd=tree, env=env, command="config")
    info = json.loads(r.stdout)
    assert info["origins"] == {"allow-private-hosts": "default", "cache-dir": str(user), "max-page-size": "default",
                               "parse-timeout": "default"}
    assert info["settings"]["allow-private-hosts"] is False and info["settings"]["cache-dir"] == "/var/cache/citelint"
    assert "`allow-private-hosts` is ignored in a project configuration" in r.stderr
    r = citelint(cwd=tree, env=dict(env, CITELINT_ALLOW_PRIVATE_HOSTS="yes"), command="config")
    assert "allow-private-hosts = true  # from CITELINT_ALLOW_PRIVATE_HOSTS\n" in r.stdout
    assert f'cache-dir = "/var/cache/citelint"  # from {user}\n' in r.stdout
    assert f"# and, for allow-private-hosts, cache-dir, max-page-size, parse-timeout, {user}\n" in r.stdout


def test_the_users_own_file_named_with_config_is_still_trusted(tree, server):
    user = user_file(tree, "allow-private-hosts = true\ncache = false\n")
    r = citelint("--config", str(user), "wiki/a.wiki", cwd=tree, env=home_env(tree))
    assert r.returncode == 0 and "warning" not in r.stderr, r.stderr
    assert server.hits.get("/page", 0) >= 1


# --- the resource limits: a checked tree may make them stricter, never lift them -------------------------

def _limits(tree: Path, env: dict | None = None) -> tuple[dict, str]:
    r = citelint("--json", "wiki", cwd=tree, env=home_env(tree, **(env or {})), command="config")
    assert r.returncode == 0, r.stderr
    from citelint.config import parse_size

    settings = json.loads(r.stdout)["settings"]
    return {"max-page-size": parse_size(settings["max-page-size"]), "parse-timeout": settings["parse-timeout"]}, r.stderr


@pytest.mark.parametrize("setting", ["max-page-size = 0", 'max-page-size = "1GB"', "parse-timeout = 0",
                                     "parse-timeout = 3600"])
def test_a_project_file_cannot_lift_a_resource_limit(tree, setting):
    """A pull request's citelint.toml that removes or raises max-page-size / parse-timeout would let one page
    exhaust the gate's memory or time: the default stays, with a warning naming the key."""
    (tree / "citelint.toml").write_text(setting + "\n")
    limits, err = _limits(tree)
    assert limits == {"max-page-size": 50_000_000, "parse-timeout": 10.0}
    key = setting.split(" ")[0]
    assert f"citelint.toml: `{key}` is ignored in a project configuration" in err
    assert "may lower this limit, not raise or remove it" in err


def test_a_project_file_may_make_a_limit_stricter(tree):
    (tree / "citelint.toml").write_text('max-page-size = "1KB"\nparse-timeout = 2\n')
    limits, err = _limits(tree)
    assert limits == {"max-page-size": 1000, "parse-timeout": 2.0} and "warning" not in err
    (tree / "wiki" / "big.wiki").write_text("x" * 3000 + "\n")
    r = citelint("wiki", cwd=tree, env=home_env(tree))
    found = json.loads(r.stdout)["findings"]
    assert [f["rule"] for f in found if f["path"].endswith("big.wiki")] == ["unchecked-page"]


def test_limits_from_trusted_places(tree):
    """The command line, CITELINT_MAX_PAGE_SIZE / CITELINT_PARSE_TIMEOUT and the user's own file may lift them."""
    (tree / "citelint.toml").write_text("parse-timeout = 0\n")
    limits, _ = _limits(tree, {"CITELINT_PARSE_TIMEOUT": "0", "CITELINT_MAX_PAGE_SIZE": "0"})
    assert limits == {"max-page-size": 0, "parse-timeout": 0.0}
    user_file(tree, 'max-page-size = "200MB"\nparse-timeout = 60\n')
    limits, _ = _limits(tree)
    assert limits == {"max-page-size": 200_000_000, "parse-timeout": 60.0}
    r = citelint("--json", "wiki", cwd=tree, env=home_env(tree, CITELINT_PARSE_TIMEOUT="soon"), command="config")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "CITELINT_PARSE_TIMEOUT" in r.stderr
