"""The README's ``.pre-commit-config.yaml`` and GitHub Actions workflow work as printed.

Both are taken out of README.md itself. The pre-commit snippet runs, unchanged, with the real
``pre-commit run --all-files`` on a temporary wiki repository. The workflow's structure is checked (the link
cache kept between runs with actions/cache, a gate that no remote site can fail), its pinned install line is
installed, and each of its ``run:`` steps runs with bash, as the runner would, on a small wiki. pip may use
only a wheelhouse built from this checkout (``PIP_NO_INDEX``), so the requirement on ``citelint-wiki`` can
only resolve to this project.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import citelint
from links_server import Server, can_bind, ok, status
from paths import REPO
from test_precommit import BAD, GOOD, NOTES, _env, _run

README = REPO / "README.md"
CACHE_DIR = ".citelint_cache"  # where citelint keeps its link cache in a checkout (README, "The cache")


def readme_block(heading: str, lang: str) -> str:
    """The first ```lang fenced block under ``## heading`` in README.md."""
    text = README.read_text(encoding="utf-8")
    section = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert section, f"README.md has no section '## {heading}'"
    block = re.search(rf"^```{lang}\n(.*?)^```", section.group(1), re.M | re.S)
    assert block, f"README.md: no ```{lang} block under '## {heading}'"
    return block.group(1)


def _requirement_is_this_project(text: str) -> None:
    req = Requirement(text)
    assert canonicalize_name(req.name) == canonicalize_name(citelint.DISTRIBUTION), text
    assert str(req.specifier) == f"=={citelint.__version__}" and not req.url, f"{text}: pin this release"


def _only_the_wheelhouse(env: dict, wheelhouse: Path) -> dict:
    env = {k: v for k, v in env.items() if k not in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_REQUIRE_VIRTUALENV")}
    env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheelhouse))
    return env


# -- pre-commit ------------------------------------------------------------------------------------------------


def test_readme_precommit_config_runs_as_printed(tmp_path, wheelhouse):
    config = readme_block("pre-commit", "yaml")
    [repo] = yaml.safe_load(config)["repos"]
    [hook] = repo["hooks"]
    # the same hook as the one this repository publishes in .pre-commit-hooks.yaml
    # (the second hook there, citelint-fix, is tested in test_precommit)
    [defined] = [h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
                 if h["id"] == "citelint"]
    assert repo["repo"] == "local"
    assert {k: hook[k] for k in ("id", "name", "entry", "language", "types", "files")} == \
        {k: defined[k] for k in ("id", "name", "entry", "language", "types", "files")}
    [dep] = hook["additional_dependencies"]
    _requirement_is_this_project(dep)

    env = _only_the_wheelhouse(_env(tmp_path), wheelhouse)
    wiki = tmp_path / "wiki"
    wiki.mkdir()
    (wiki / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")  # as printed
    (wiki / "Gold.wiki").write_text(GOOD)
    (wiki / "Silver.wiki").write_text(BAD)
    (wiki / "notes.txt").write_text(NOTES)  # a .txt is not checked unless the commented `files:` is used
    for cmd in (["git", "init", "-q"], ["git", "add", "."]):
        assert _run(cmd, wiki, env).returncode == 0
    run = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]

    r = _run(run, wiki, env)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert "citelint (citations)" in out and "Failed" in out, out
    column = BAD.index('<ref name="deleted"') + 1
    assert "Silver.wiki" in out and f"1:{column}" in out and "CL101 undefined-ref" in out, out
    assert "Gold.wiki" not in out.split("hook id: citelint", 1)[1], out  # checked, clean
    assert "nowhere" not in out, out

    (wiki / "Silver.wiki").write_text(BAD.replace('<ref name="deleted" />', "<ref>Smith, J. (2001).</ref>"))
    r = _run(run, wiki, env)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert "citelint (citations)" in out and "Passed" in out, out


# -- GitHub Actions --------------------------------------------------------------------------------------------


def workflow() -> dict:
    return yaml.safe_load(readme_block("A CI gate with GitHub Actions", "yaml"))


def _steps() -> list[dict]:
    [job] = workflow()["jobs"].values()
    return job["steps"]


def _citelint_steps() -> list[dict]:
    return [s for s in _steps() if "citelint check" in s.get("run", "")]


def test_workflow_structure():
    wf = workflow()
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` key as true
    assert {"push", "pull_request", "schedule"} <= set(on), on  # the schedule builds link history daily
    steps = _steps()
    uses = [s.get("uses", "") for s in steps]
    assert uses[:2] == ["actions/checkout@v4", "actions/setup-python@v5"]

    # the link cache: restored from the newest earlier run, saved under a new key after every run
    [restore] = [s for s in steps if s.get("uses", "").startswith("actions/cache/restore@")]
    [save] = [s for s in steps if s.get("uses", "").startswith("actions/cache/save@")]
    assert restore["with"]["path"] == save["with"]["path"] == CACHE_DIR
    key = restore["with"]["key"]
    assert key == save["with"]["key"] and "${{ github.run_id }}" in key and "${{ github.run_attempt }}" in key
    assert key.startswith(restore["with"]["restore-keys"]) and restore["with"]["restore-keys"].strip()
    assert save.get("if") == "always()"  # saved when the gate fails too
    gate, links, sarif = _citelint_steps()
    assert steps.index(restore) < steps.index(gate) < steps.index(links) < steps.index(save)

    # the gate cannot be failed by a remote site; the link step reports and tolerates findings
    assert "--offline" in shlex.split(gate["run"]) and "||" not in gate["run"] and "if" not in gate
    link_args = shlex.split(links["run"].split("||")[0])
    assert "--offline" not in link_args and links["run"].endswith("|| [ $? -eq 1 ]") and links["if"] == "always()"
    assert link_args[link_args.index("--cache-dir") + 1] == CACHE_DIR
    assert "--offline" in shlex.split(sarif["run"].split("||")[0])


@pytest.fixture()
def ci_tree(tmp_path):
    """A wiki repository as the checkout step leaves it: articles, an export, a dead and a flaky link."""
    if not can_bind("127.0.0.2"):
        pytest.fail("needs the loopback address 127.0.0.2 for the link servers")
    srv = Server("127.0.0.2", {"/ok": ok(), "/gone": status(404), "/flaky": status(500)}).start()
    tree = tmp_path / "checkout"
    (tree / "wiki").mkdir(parents=True)
    (tree / "exports").mkdir()
    (tree / "wiki" / "Gold.wiki").write_text(GOOD)
    (tree / "wiki" / "Silver.wiki").write_text(BAD)  # a defect the baseline will hold
    (tree / "wiki" / "Links.wiki").write_text(
        f"Fine.<ref>{srv.url('/ok')}</ref> Gone.<ref>{srv.url('/gone')}</ref>\n"
        f"Flaky.<ref>{{{{cite web |url={srv.url('/flaky')} |title=T}}}}</ref>\n\n== References ==\n<references/>\n")
    (tree / "exports" / "dump.xml").write_text(
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n'
        "<page><title>Tin</title><ns>0</ns><id>1</id><revision><id>7</id><timestamp>2020-01-01T00:00:00Z"
        '</timestamp><contributor><id>9</id></contributor><text xml:space="preserve">Tin.&lt;ref&gt;Smith '
        "2001.&lt;/ref&gt;\n&lt;references/&gt;</text></revision></page>\n</mediawiki>\n")
    assert subprocess.run(["git", "init", "-q", str(tree)]).returncode == 0
    yield tree, srv
    srv.stop()


def _step(tree: Path, env: dict, script: str):
    """A `run:` step as the runner runs it: bash -e on the script, in the checkout."""
    r = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-c", script], cwd=tree, env=env,
                       capture_output=True, text=True, timeout=300)
    return r, r.stdout + r.stderr


def test_workflow_steps_run(ci_tree, tmp_path, wheelhouse):
    tree, srv = ci_tree
    venv = tmp_path / "runner-python"  # what setup-python gives: a Python with pip, citelint not installed
    assert subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True).returncode == 0
    dropped = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "FORCE_COLOR", "NO_COLOR", "CITELINT_NO_PROGRESS")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env = _only_the_wheelhouse(env, wheelhouse)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"

    runs = [s["run"] for s in _steps() if "run" in s]
    install, gate, links, sarif = runs
    assert shlex.split(install)[:2] == ["pip", "install"] and len(shlex.split(install)) == 3
    _requirement_is_this_project(shlex.split(install)[2])
    r, out = _step(tree, env, install)
    assert r.returncode == 0, out
    assert (venv / "bin" / "citelint").exists()

    # the README's one-off baseline command, offline (it would check the links too)
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## A CI gate with GitHub Actions"):]
    section = " ".join(section[:section.index("\n## ", 1)].split())
    [record] = re.findall(r"`(citelint check [^`]*--write-baseline [^`]*)`", section)
    r, out = _step(tree, env, record + " --offline")
    assert r.returncode == 0 and (tree / "citelint-baseline.json").is_file(), out

    # the gate: the baselined defect passes, with the link server answering 500s all along
    r, out = _step(tree, env, gate)
    assert r.returncode == 0, out
    assert srv.hits == {}, "the gate made requests"
    # ... and a new problem fails it, as a GitHub annotation
    (tree / "wiki" / "New.wiki").write_text('New.<ref name="lost" />\n<references/>\n')
    r, out = _step(tree, env, gate)
    assert r.returncode == 1, out
    assert re.search(r"^::error file=wiki/New\.wiki,line=1,col=5,.*title=CL101 undefined-ref::", out, re.M), out
    (tree / "wiki" / "New.wiki").unlink()

    # the link step (private hosts allowed for the loopback servers): findings are annotations, not a failure
    r, out = _step(tree, env, links.replace("citelint check", "citelint check --allow-private-hosts", 1))
    assert r.returncode == 0, out
    assert re.search(r"^::error file=wiki/Links\.wiki,.*title=CL501 dead-link::", out, re.M), out
    assert re.search(r"^::warning file=wiki/Links\.wiki,.*title=CL502 unreachable-link::", out, re.M), out
    assert "CL101" not in out, out  # the citation rules are the gate's
    assert (tree / CACHE_DIR / "links.sqlite3").is_file()  # where the cache steps look for it
    assert srv.hits.get("/gone") and srv.hits.get("/flaky")

    # ... and an error (not findings) still fails the step
    r, out = _step(tree, env, links.replace("wiki/ exports/", "wiki/ missing/"))
    assert r.returncode != 0, out

    r, out = _step(tree, env, sarif)
    assert r.returncode == 0, out
    log = json.loads((tree / "citelint.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and log["runs"][0]["tool"]["driver"]["name"] == "citelint"
