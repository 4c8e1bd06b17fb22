"""Configuration files: discovery, every key, errors, command-line overrides, `citelint config`.

Real files in temporary folders, the real CLI (click's CliRunner in-process, and a subprocess
through ``python -m citelint`` where the exit path through ``main`` matters).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citelint.cli import cli
from paths import CORPUS, read_data

UNDEF = 'A.<ref name="x"/>\n<references/>\n'  # undefined-ref (error)
DUP = "A.<ref>Same.</ref> B.<ref>Same.</ref>\n<references/>\n"  # duplicate-ref (warning)
UNUSED = 'Text.\n<references>\n<ref name="u">U.</ref>\n</references>\n'  # unused-ref (warning)


def put(root: Path, rel: str, text: str) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def run(*args, cwd: Path):
    """`citelint check --format json …` in ``cwd``: (exit code, findings as (path, rule, severity), result)."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        r = CliRunner().invoke(cli, ["check", "--format", "json", "--offline", "--jobs", "1", *args])
    finally:
        os.chdir(old)
    found = set()
    if r.stdout.strip().startswith("{"):
        data = json.loads(r.stdout)
        found = {(Path(f["path"]).as_posix(), f["rule"], f["severity"]) for f in data["findings"]}
    return r.exit_code, found, r


def cmd(*args, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)


def subprocess_citelint(*args, cwd: Path):
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "citelint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


def rules_of(found):
    return {(p, r) for p, r, _ in found}


# -- discovery ----------------------------------------------------------------------------------

def test_closest_configuration_wins_and_each_project_gets_its_own(tmp_path):
    put(tmp_path, "pyproject.toml", '[project]\nname = "w"\n[tool.citelint]\nignore = ["undefined-ref"]\n')
    put(tmp_path, "a.wiki", UNDEF)
    put(tmp_path, "sub/citelint.toml", 'select = ["undefined-ref"]\n')
    put(tmp_path, "sub/b.wiki", UNDEF + DUP)
    put(tmp_path, "sub/deeper/c.wiki", UNDEF)
    code, found, _ = run(".", cwd=tmp_path)
    assert rules_of(found) == {("sub/b.wiki", "undefined-ref"), ("sub/deeper/c.wiki", "undefined-ref")}
    assert code == 1


def test_pyproject_without_our_table_is_not_a_configuration(tmp_path):
    put(tmp_path, "pyproject.toml", '[tool.citelint]\nignore = ["undefined-ref"]\n')
    put(tmp_path, "sub/pyproject.toml", '[project]\nname = "other"\n[tool.ruff]\nline-length = 99\n')
    put(tmp_path, "sub/b.wiki", UNDEF)
    code, found, _ = run("sub/b.wiki", cwd=tmp_path)
    assert found == set() and code == 0


@pytest.mark.parametrize("winner,loser", [("citelint.toml", "pyproject.toml"), (".citelint.toml", "citelint.toml")])
def test_precedence_in_one_folder(tmp_path, winner, loser):
    body = 'ignore = ["duplicate-ref"]\n'
    other = 'ignore = ["undefined-ref"]\n'
    put(tmp_path, winner, body)
    put(tmp_path, loser, "[tool.citelint]\n" + other if loser == "pyproject.toml" else other)
    put(tmp_path, "a.wiki", UNDEF + DUP)
    _, found, _ = run("a.wiki", cwd=tmp_path)
    assert rules_of(found) == {("a.wiki", "undefined-ref")}


def test_configuration_is_found_from_the_file_not_the_current_folder(tmp_path):
    proj = tmp_path / "proj"
    put(proj, "citelint.toml", 'ignore = ["undefined-ref"]\n')
    put(proj, "docs/a.wiki", UNDEF)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _, found, _ = run(str(proj / "docs" / "a.wiki"), cwd=elsewhere)
    assert found == set()


def test_isolated_and_no_config_ignore_every_file(tmp_path):
    put(tmp_path, "citelint.toml", 'ignore = ["undefined-ref"]\n')
    put(tmp_path, "a.wiki", UNDEF)
    for flag in ("--isolated", "--no-config"):
        _, found, _ = run(flag, "a.wiki", cwd=tmp_path)
        assert rules_of(found) == {("a.wiki", "undefined-ref")}


def test_config_option_forces_one_file_for_every_input(tmp_path):
    put(tmp_path, "citelint.toml", 'ignore = ["undefined-ref"]\n')
    put(tmp_path, "sub/citelint.toml", 'ignore = ["duplicate-ref"]\n')
    put(tmp_path, "sub/a.wiki", UNDEF + DUP)
    put(tmp_path, "strict/pyproject.toml", '[tool.citelint]\nselect = ["duplicate-ref"]\n')
    _, found, _ = run("--config", "strict/pyproject.toml", "sub/a.wiki", cwd=tmp_path)
    assert rules_of(found) == {("sub/a.wiki", "duplicate-ref")}
    _, found, _ = run("--config", "citelint.toml", "sub/a.wiki", cwd=tmp_path)
    assert rules_of(found) == {("sub/a.wiki", "duplicate-ref")}


def test_config_option_errors(tmp_path):
    put(tmp_path, "a.wiki", UNDEF)
    put(tmp_path, "pyproject.toml", '[project]\nname = "w"\n')
    code, _, r = run("--config", "pyproject.toml", "a.wiki", cwd=tmp_path)
    assert code == 2 and "has no [tool.citelint] table" in r.stderr and "pyproject.toml" in r.stderr
    code, _, r = run("--config", "nope.toml", "a.wiki", cwd=tmp_path)
    assert code == 2 and "nope.toml" in r.stderr and "no such configuration file" in r.stderr
    code, _, r = run("--config", "pyproject.toml", "--isolated", "a.wiki", cwd=tmp_path)
    assert code == 2 and "contradict" in r.stderr


def test_extend_inherits_and_overrides(tmp_path):
    put(tmp_path, "base.toml", 'ignore = ["duplicate-ref"]\nexclude = ["old"]\nfail-on = "error"\n')
    put(tmp_path, "wiki/citelint.toml", 'extend = "../base.toml"\nfail-on = "warning"\n')
    put(tmp_path, "wiki/a.wiki", UNDEF + DUP + "\n" + UNUSED)
    put(tmp_path, "wiki/old/b.wiki", UNDEF)
    put(tmp_path, "old/c.wiki", UNDEF)  # base.toml's "old" is a name pattern: matches at any depth
    code, found, _ = run("wiki", cwd=tmp_path)
    assert rules_of(found) == {("wiki/a.wiki", "undefined-ref"), ("wiki/a.wiki", "unused-ref")}
    r = cmd("config", "--json", "wiki/a.wiki", cwd=tmp_path)
    assert json.loads(r.stdout)["settings"]["fail-on"] == "warning"
    put(tmp_path, "base.toml", 'extend = "wiki/citelint.toml"\n')
    code, _, r = run("wiki", cwd=tmp_path)
    assert code == 2 and "extends itself" in r.stderr


# -- keys ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("toml,expected", [
    ('select = ["undefined-ref"]', {"undefined-ref"}),
    ('select = ["CL101", "CL2"]', {"undefined-ref", "duplicate-ref"}),
    ('select = ["CL1"]\nignore = ["CL101"]', {"unused-ref"}),
    ('select = ["undefined-ref"]\nextend-select = ["unused-ref"]', {"undefined-ref", "unused-ref"}),
    ('ignore = ["duplicate-ref", "unused-ref"]', {"undefined-ref"}),
    ("select = []", set()),
    ('select = ["ALL"]\nignore = ["CL1"]', {"duplicate-ref"}),
])
def test_selection_keys(tmp_path, toml, expected):
    put(tmp_path, "citelint.toml", toml + "\n")
    put(tmp_path, "a.wiki", UNDEF + DUP + "\n" + UNUSED)
    _, found, _ = run("a.wiki", cwd=tmp_path)
    assert {r for _, r in rules_of(found)} == expected


def test_severity_and_fail_on(tmp_path):
    put(tmp_path, "a.wiki", DUP)
    put(tmp_path, "citelint.toml", 'fail-on = "error"\n')
    code, found, _ = run("a.wiki", cwd=tmp_path)
    assert found == {("a.wiki", "duplicate-ref", "warning")} and code == 0
    put(tmp_path, "citelint.toml", 'fail-on = "error"\n[severity]\nduplicate-ref = "error"\n')
    code, found, _ = run("a.wiki", cwd=tmp_path)
    assert found == {("a.wiki", "duplicate-ref", "error")} and code == 1
    put(tmp_path, "citelint.toml", '[severity]\nCL2 = "info"\n')  # a code prefix works too
    code, found, _ = run("a.wiki", cwd=tmp_path)
    assert found == {("a.wiki", "duplicate-ref", "info")} and code == 0
    code, _, _ = run("--fail-on", "info", "a.wiki", cwd=tmp_path)  # the command line overrides
    assert code == 1


def test_fail_on_is_judged_per_file(tmp_path):
    put(tmp_path, "lax/citelint.toml", 'fail-on = "error"\n')
    put(tmp_path, "lax/a.wiki", DUP)
    put(tmp_path, "strict/b.wiki", DUP)
    assert run("lax", cwd=tmp_path)[0] == 0
    assert run("lax", "strict", cwd=tmp_path)[0] == 1


def test_command_line_overrides_configuration(tmp_path):
    put(tmp_path, "citelint.toml", 'select = ["duplicate-ref"]\ninput-format = "plaintext"\n')
    put(tmp_path, "a.wiki", UNDEF + DUP)
    _, found, _ = run("a.wiki", cwd=tmp_path)
    assert found == set()  # read as plain text: no <ref> tags there
    _, found, _ = run("--input-format", "wikitext", "a.wiki", cwd=tmp_path)
    assert rules_of(found) == {("a.wiki", "duplicate-ref")}
    _, found, _ = run("--input-format", "wikitext", "--select", "undefined-ref", "a.wiki", cwd=tmp_path)
    assert rules_of(found) == {("a.wiki", "undefined-ref")}
    # --ignore and --extend-select apply on top of the configuration's select
    _, found, _ = run("--input-format", "wikitext", "--extend-select", "CL101", "a.wiki", cwd=tmp_path)
    assert rules_of(found) == {("a.wiki", "undefined-ref"), ("a.wiki", "duplicate-ref")}
    _, found, _ = run("--input-format", "wikitext", "--ignore", "duplicate-ref", "a.wiki", cwd=tmp_path)
    assert found == set()


def test_per_file_ignores(tmp_path):
    put(tmp_path, "pyproject.toml", '[tool.citelint.per-file-ignores]\n'
                                    '"drafts/**" = ["undefined-ref"]\n'
                                    '"*.talk.wiki" = "CL2"\n'
                                    '"notes" = ["ALL"]\n')
    for rel in ("a.wiki", "drafts/b.wiki", "drafts/deep/c.wiki", "x/y.talk.wiki", "x/notes/n.wiki"):
        put(tmp_path, rel, UNDEF + DUP)
    _, found, _ = run(".", cwd=tmp_path)
    assert rules_of(found) == {
        ("a.wiki", "undefined-ref"), ("a.wiki", "duplicate-ref"),
        ("drafts/b.wiki", "duplicate-ref"), ("drafts/deep/c.wiki", "duplicate-ref"),
        ("x/y.talk.wiki", "undefined-ref"),
    }
    # globs are relative to the configuration's folder, wherever citelint runs from
    _, found, _ = run("b.wiki", cwd=tmp_path / "drafts")
    assert rules_of(found) == {("b.wiki", "duplicate-ref")}


def test_exclude_when_walking_and_force_exclude(tmp_path):
    put(tmp_path, "citelint.toml", 'exclude = ["archive/", "*.old.wiki", "/top-only.wiki"]\n')
    for rel in ("a.wiki", "archive/b.wiki", "sub/archive/c.wiki", "d.old.wiki", "top-only.wiki", "sub/top-only.wiki"):
        put(tmp_path, rel, UNDEF)
    _, found, r = run(".", cwd=tmp_path)
    assert {p for p, _ in rules_of(found)} == {"a.wiki", "sub/top-only.wiki"}
    # a file named on the command line is checked (as ruff does) …
    _, found, _ = run("archive/b.wiki", "d.old.wiki", cwd=tmp_path)
    assert {p for p, _ in rules_of(found)} == {"archive/b.wiki", "d.old.wiki"}
    # … unless --force-exclude (pre-commit passes files by name)
    code, found, r = run("--force-exclude", "archive/b.wiki", "d.old.wiki", "a.wiki", cwd=tmp_path)
    assert {p for p, _ in rules_of(found)} == {"a.wiki"}
    code, found, r = run("--force-exclude", "archive", cwd=tmp_path)
    assert found == set() and code == 0  # a folder excluded by name is said (tests/test_input_errors.py)
    assert r.stderr.startswith('citelint: note: archive: excluded by exclude = "archive/" in ')
    put(tmp_path, "citelint.toml", 'exclude = ["archive/"]\nforce-exclude = true\n')
    _, found, _ = run("archive/b.wiki", cwd=tmp_path)
    assert found == set()


def test_a_folder_whose_files_are_all_excluded_is_not_an_error(tmp_path):
    put(tmp_path, "citelint.toml", 'exclude = ["*.wiki"]\n')
    put(tmp_path, "a.wiki", UNDEF)
    code, found, r = run(".", cwd=tmp_path)
    assert code == 0 and found == set()
    assert r.stderr.startswith('citelint: note: .: excluded by exclude = "*.wiki" in '), r.stderr


def test_nested_configuration_decides_exclusion_below_it(tmp_path):
    put(tmp_path, "citelint.toml", 'exclude = ["generated"]\n')
    put(tmp_path, "generated/a.wiki", UNDEF)
    put(tmp_path, "wiki/citelint.toml", 'exclude = ["skip.wiki"]\n')
    put(tmp_path, "wiki/skip.wiki", UNDEF)
    put(tmp_path, "wiki/generated/b.wiki", UNDEF)  # the closer file has no "generated": checked
    _, found, _ = run(".", cwd=tmp_path)
    assert {p for p, _ in rules_of(found)} == {"wiki/generated/b.wiki"}


def mark_behr(tmp_path: Path, template: str) -> Path:
    text = read_data(CORPUS / "wikitext" / "wtf__Mark-Behr.wiki")
    assert "{{Verwysings|2}}" in text
    return put(tmp_path, "wiki/Mark-Behr.wiki", text.replace("{{Verwysings|2}}", "{{" + template + "|2}}"))


def test_templates_make_a_wikis_own_list_count(tmp_path):
    # Verwysings is in the built-in table; a wiki with its own list template (here "Bronnelys")
    # names it in configuration. Without that, every ref looks unlisted.
    mark_behr(tmp_path, "Bronnelys")
    _, found, _ = run("--isolated", "--select", "missing-reflist", "wiki", cwd=tmp_path)
    assert rules_of(found) == {("wiki/Mark-Behr.wiki", "missing-reflist")}
    put(tmp_path, "pyproject.toml", '[tool.citelint.templates.reflist]\n"Bronnelys" = {}\n')
    code, found, _ = run("--select", "missing-reflist", "wiki", cwd=tmp_path)
    assert found == set() and code == 0
    # and the opposite: a built-in list template the wiki uses for something else
    mark_behr(tmp_path, "Verwysings")
    put(tmp_path, "pyproject.toml", '[tool.citelint.templates.reflist]\n"Verwysings" = { ignore = true }\n')
    _, found, _ = run("--select", "missing-reflist", "wiki", cwd=tmp_path)
    assert rules_of(found) == {("wiki/Mark-Behr.wiki", "missing-reflist")}


def test_templates_for_refs_and_groups(tmp_path):
    put(tmp_path, "citelint.toml", '[templates.ref]\n"Voetnoot" = { group = "note" }\n'
                                   '[templates.reflist]\n"Notas" = { group = "note" }\n')
    put(tmp_path, "a.wiki", "Claim.{{Voetnoot|A note.}}\n\n== Notas ==\n{{Notas}}\n")
    code, found, _ = run("a.wiki", cwd=tmp_path)
    assert found == set() and code == 0
    put(tmp_path, "b.wiki", "Claim.{{Voetnoot|A note.}}\n")  # the note group has no list
    _, found, _ = run("b.wiki", cwd=tmp_path)
    assert rules_of(found) == {("b.wiki", "missing-reflist")}


def test_stdin_uses_the_configuration_of_its_filename(tmp_path):
    put(tmp_path, "wiki/citelint.toml", 'ignore = ["undefined-ref"]\n')
    (tmp_path / "wiki").mkdir(exist_ok=True)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        r = CliRunner().invoke(cli, ["check", "--format", "json", "--jobs", "1", "--stdin-filename", "wiki/p.wiki",
                                     "-"], input=UNDEF + DUP)
    finally:
        os.chdir(old)
    rules = {f["rule"] for f in json.loads(r.stdout)["findings"]}
    assert rules == {"duplicate-ref"}


def test_per_file_settings_survive_the_process_pool(tmp_path):
    """More than one batch of files: the pool checks them, each with its own configuration."""
    put(tmp_path, "a/citelint.toml", 'ignore = ["undefined-ref"]\n[severity]\nduplicate-ref = "info"\n')
    put(tmp_path, "b/citelint.toml", 'ignore = ["duplicate-ref"]\n')
    for i in range(80):
        put(tmp_path, f"a/{i:03}.wiki", UNDEF + DUP)
        put(tmp_path, f"b/{i:03}.wiki", UNDEF + DUP)
    one = run("--jobs", "1", ".", cwd=tmp_path)
    two = run("--jobs", "2", ".", cwd=tmp_path)
    assert one[1] == two[1] and len(one[1]) == 160
    assert {(p.split("/")[0], r, s) for p, r, s in two[1]} == {("a", "duplicate-ref", "info"),
                                                              ("b", "undefined-ref", "error")}


# -- errors -------------------------------------------------------------------------------------

@pytest.mark.parametrize("body,key,words", [
    ("selct = []", "tool.citelint.selct", "did you mean 'select'?"),
    ("fail_on = 'error'", "tool.citelint.fail_on", "did you mean 'fail-on'? keys are written with -"),
    ('fail-on = "fatal"', "tool.citelint.fail-on", "must be one of error, warning, info, not 'fatal'"),
    ('fail-on = "eror"', "tool.citelint.fail-on", "did you mean 'error'?"),
    ('select = ["undefined-reff"]', "tool.citelint.select", "unknown rule or code 'undefined-reff' (did you mean 'undefined-ref'?)"),
    ('select = "undefined-ref"', "tool.citelint.select", "must be an array of rules"),
    ('ignore = [1]', "tool.citelint.ignore", "rules are strings"),
    ('input-format = "markdown"', "tool.citelint.input-format", "must be one of wikitext, plaintext"),
    ('sub-referencing = "yes"', "tool.citelint.sub-referencing", "must be true or false"),
    ('exclude = "drafts"', "tool.citelint.exclude", "must be an array of glob patterns"),
    ('exclude = ["[abc"]', "tool.citelint.exclude", "unclosed ["),
    ("offline = 1", "tool.citelint.offline", "must be true or false"),
    ("concurrency = 0", "tool.citelint.concurrency", "at least 1"),
    ('max-per-host = 2.5', "tool.citelint.max-per-host", "whole number"),
    ('timeout = "soon"', "tool.citelint.timeout", "number of seconds"),
    ('max-cache-age = "forever"', "tool.citelint.max-cache-age", "duration"),
    ('user-agent = ""', "tool.citelint.user-agent", "non-empty string"),
    ("retries = -1", "tool.citelint.retries", "at least 0"),
    ('cache = "no"', "tool.citelint.cache", "must be true or false"),
    ("dead-after-hours = -2", "tool.citelint.dead-after-hours", "at least 0"),
    ('[tool.citelint.severity]\nduplicate-reff = "error"', "tool.citelint.severity.duplicate-reff", "did you mean 'duplicate-ref'?"),
    ('[tool.citelint.severity]\nduplicate-ref = "loud"', "tool.citelint.severity.duplicate-ref", "must be one of error, warning, info"),
    ('[tool.citelint.per-file-ignores]\n"a/*.wiki" = ["nope"]', 'tool.citelint.per-file-ignores."a/*.wiki"', "unknown rule or code 'nope'"),
    ('[tool.citelint.templates.reflists]\n"X" = {}', "tool.citelint.templates.reflists", "did you mean 'reflist'?"),
    ('[tool.citelint.templates.reflist]\n"X" = { grup = "a" }', "tool.citelint.templates", "unknown key 'grup'"),
])
def test_bad_key_or_value_names_file_and_key(tmp_path, body, key, words):
    table = "" if body.startswith("[tool.citelint.") else "[tool.citelint]\n"
    put(tmp_path, "pyproject.toml", table + body + "\n")
    put(tmp_path, "a.wiki", UNDEF)
    code, found, r = run("a.wiki", cwd=tmp_path)
    assert code == 2, r.output
    err = r.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"citelint: error: {tmp_path / 'pyproject.toml'}: {key}: "), err
    assert words in err, err
    assert r.stdout == ""


def test_bad_configuration_through_main_exits_2_without_traceback(tmp_path):
    put(tmp_path, "citelint.toml", 'selct = ["undefined-ref"]\n')
    put(tmp_path, "a.wiki", UNDEF)
    r = subprocess_citelint("check", "--offline", "a.wiki", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip() == (f"citelint: error: {tmp_path / 'citelint.toml'}: selct: unknown key 'selct' "
                                f"(did you mean 'select'?); known keys: " + ", ".join(_keys())), r.stderr
    r = subprocess_citelint("config", "a.wiki", cwd=tmp_path)
    assert r.returncode == 2 and "selct" in r.stderr and "Traceback" not in r.stderr


def _keys():
    from citelint.config import BY_KEY

    return list(BY_KEY)


def test_tool_table_in_citelint_toml_gets_a_hint(tmp_path):
    put(tmp_path, "citelint.toml", '[tool.citelint]\nselect = ["CL1"]\n')
    put(tmp_path, "a.wiki", UNDEF)
    code, _, r = run("a.wiki", cwd=tmp_path)
    assert code == 2 and "takes the keys at its top level, without [tool.citelint]" in r.stderr


def test_invalid_toml(tmp_path):
    put(tmp_path, "citelint.toml", 'select = ["CL1"\n')
    put(tmp_path, "a.wiki", UNDEF)
    code, _, r = run("a.wiki", cwd=tmp_path)
    assert code == 2 and f"{tmp_path / 'citelint.toml'}: not valid TOML" in r.stderr


def test_a_bad_file_deep_in_a_walk_stops_the_run(tmp_path):
    put(tmp_path, "a.wiki", UNDEF)
    put(tmp_path, "z/citelint.toml", "bogus = 1\n")
    put(tmp_path, "z/b.wiki", UNDEF)
    code, _, r = run(".", cwd=tmp_path)
    assert code == 2 and "bogus" in r.stderr and r.stdout == ""


# -- run-wide (link) options ----------------------------------------------------------------------

def test_link_options_are_typed_and_reported(tmp_path):
    put(tmp_path, "pyproject.toml", '[tool.citelint]\noffline = true\ntimeout = 5\nconcurrency = 8\n'
                                    'max-per-host = 2\ncache-dir = "cache"\nmax-cache-age = "1d"\n'
                                    'user-agent = "wikibot/1.0"\nallow-private-hosts = false\n')
    put(tmp_path, "a.wiki", UNDEF)
    r = cmd("config", "--json", "a.wiki", cwd=tmp_path)
    s = json.loads(r.stdout)["settings"]
    assert s["offline"] is True and s["timeout"] == 5.0 and s["concurrency"] == 8 and s["max-per-host"] == 2
    assert s["cache-dir"] == str(tmp_path / "cache") and s["max-cache-age"] == "1d"
    assert s["user-agent"] == "wikibot/1.0" and s["allow-private-hosts"] is False
    code, found, _ = run("a.wiki", cwd=tmp_path)
    assert code == 1 and found


# -- citelint config / rules / rule ---------------------------------------------------------------

def test_config_command_text_and_json(tmp_path):
    put(tmp_path, "pyproject.toml", '[tool.citelint]\nignore = ["backlink-mismatch"]\nfail-on = "error"\n'
                                    'exclude = ["old"]\n[tool.citelint.severity]\nduplicate-ref = "error"\n'
                                    '[tool.citelint.per-file-ignores]\n"talk/*" = ["unused-ref"]\n'
                                    '[tool.citelint.templates.reflist]\n"Bronnelys" = {}\n')
    put(tmp_path, "talk/a.wiki", UNDEF)
    r = cmd("config", "talk/a.wiki", cwd=tmp_path)
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert out.startswith("# configuration in effect for talk/a.wiki\n"
                          f"# from {tmp_path / 'pyproject.toml'} [tool.citelint]\n# excluded: no\n")
    from citelint.rules import RULES

    running = [r.name for r in RULES if r.name not in ("backlink-mismatch", "unused-ref")]
    assert "select = [" + ", ".join(f'"{n}"' for n in running) + "]" in out
    assert 'fail-on = "error"' in out and 'exclude = ["old"]' in out
    assert '[severity]\nundefined-ref = "error"\nempty-ref = "error"\nduplicate-ref = "error"' in out
    assert '[per-file-ignores]\n"talk/*" = ["unused-ref"]' in out
    assert '[templates.reflist]\nBronnelys = {}' in out
    data = json.loads(cmd("config", "--json", "talk/a.wiki", cwd=tmp_path).stdout)
    assert data["config"] == str(tmp_path / "pyproject.toml") and data["excluded"] is False
    assert "unused-ref" not in data["settings"]["select"] and data["settings"]["severity"]["duplicate-ref"] == "error"
    # a folder: before per-file-ignores; an excluded file says so
    data = json.loads(cmd("config", "--json", "talk", cwd=tmp_path).stdout)
    assert "unused-ref" in data["settings"]["select"] and "excluded" not in data
    put(tmp_path, "old/b.wiki", UNDEF)
    assert json.loads(cmd("config", "--json", "old/b.wiki", cwd=tmp_path).stdout)["excluded"] is True


def test_config_command_without_a_file_and_isolated(tmp_path):
    r = cmd("config", cwd=tmp_path)
    assert r.exit_code == 0 and "# no configuration file found" in r.stdout and 'fail-on = "warning"' in r.stdout
    put(tmp_path, "citelint.toml", 'fail-on = "info"\n')
    assert 'fail-on = "info"' in cmd("config", cwd=tmp_path).stdout
    r = cmd("config", "--isolated", cwd=tmp_path)
    assert "--isolated" in r.stdout and 'fail-on = "warning"' in r.stdout
    r = cmd("config", "--config", "citelint.toml", "--json", "/", cwd=tmp_path)
    assert json.loads(r.stdout)["config"] == str(tmp_path / "citelint.toml")


def test_rules_json_and_rule_with_example(tmp_path):
    from citelint.rules import RULES

    r = cmd("rules", "--json", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert [d["name"] for d in data] == [r.name for r in RULES]
    assert {"name", "code", "severity", "formats", "summary", "description"} <= set(data[0])
    unused = next(d for d in data if d["name"] == "unused-suppression")
    assert unused["code"] == "CL901" and unused["severity"] == "warning" and unused["formats"] == ["wikitext"]
    for rule in RULES:
        out = cmd("rule", rule.code, cwd=tmp_path).stdout
        assert out.startswith(f"{rule.name} ({rule.code})") and "Example" in out and "←" in out, rule.name


def test_link_keys_reach_the_link_checker_and_the_command_line_wins(tmp_path, monkeypatch):
    """A real server on loopback: the configuration's run-wide keys decide how links are checked (loopback
    allowed through the environment: a project's file cannot allow it, see test_trusted_config)."""
    from links_server import Server, ok

    monkeypatch.setenv("CITELINT_ALLOW_PRIVATE_HOSTS", "1")
    srv = Server("127.0.0.1", {"/fine": ok()}).start()
    try:
        put(tmp_path, "a.wiki", f"Text.<ref>{{{{cite web |url={srv.url('/gone')} |title=Gone}}}}</ref>\n"
                                f"More.<ref>{{{{cite web |url={srv.url('/fine')} |title=Fine}}}}</ref>\n"
                                "<references />\n")
        put(tmp_path, "citelint.toml", 'cache = false\ntimeout = 5\n'
                                       'user-agent = "ExampleWikiBot/1.0 (config)"\n')

        def links(*args):
            old = os.getcwd()
            os.chdir(tmp_path)
            try:
                r = CliRunner().invoke(cli, ["check", "--format", "json", "--jobs", "1", *args, "a.wiki"])
            finally:
                os.chdir(old)
            return r.exit_code, sorted(f["rule"] for f in json.loads(r.stdout)["findings"])

        assert links() == (1, ["dead-link"])
        assert srv.user_agents == {"ExampleWikiBot/1.0 (config)"}
        srv.user_agents.clear()
        assert links("--user-agent", "cli-agent/2") == (1, ["dead-link"])
        assert srv.user_agents == {"cli-agent/2"}
        # without allow-private-hosts the checker refuses loopback: nothing is fetched
        monkeypatch.delenv("CITELINT_ALLOW_PRIVATE_HOSTS")
        put(tmp_path, "citelint.toml", 'cache = false\n')
        srv.hits.clear()
        code, rules = links()
        assert "dead-link" not in rules and srv.hits == {}
        # offline in the configuration: no request at all
        put(tmp_path, "citelint.toml", 'cache = false\noffline = true\n')
        assert links("--allow-private-hosts") == (0, []) and srv.hits == {}
    finally:
        srv.stop()


README_EXAMPLE = '''
[tool.citelint]
select = ["ALL"]                      # names, codes (CL101) or code prefixes (CL1)
ignore = ["backlink-mismatch"]
fail-on = "error"                     # warnings are shown but do not fail the gate
exclude = ["archive/", "*.old.wiki"]
force-exclude = true                  # also for files pre-commit names
offline = false
timeout = 10
max-per-host = 2
user-agent = "ExampleWikiBot/1.0 (+https://wiki.example.org/wiki/User:ExampleBot)"
cache-dir = ".citelint_cache"
max-cache-age = "1d"

[tool.citelint.severity]
duplicate-ref = "error"
CL102 = "info"                        # unused-ref

[tool.citelint.per-file-ignores]
"drafts/**" = ["unused-ref", "missing-reflist"]
"Talk_*.wiki" = ["ALL"]

[tool.citelint.templates.reflist]
"Bronnelys" = {}                      # {{Bronnelys}} renders the reference list
"Notas" = { group = "note" }

[tool.citelint.templates.ref]
"Voetnoot" = { group = "note" }       # {{Voetnoot|text}} makes a note
'''


def test_readme_example_and_every_documented_example_value_load(tmp_path):
    from citelint.config import KEYS, key_of, load_config, parse_table

    put(tmp_path, "pyproject.toml", README_EXAMPLE)
    cfg = load_config(str(tmp_path / "pyproject.toml"))
    assert cfg.fail_on == "error" and cfg.severity["unused-ref"].label == "info"
    examples = {key_of(f): f.metadata["example"] for f in KEYS if key_of(f) != "extend"}
    parse_table(examples, str(tmp_path / "citelint.toml"))
    assert all(f.metadata["doc"] and f.metadata["example"] is not None for f in KEYS)


# -- [tool.citelint.cs1]: the wiki's CS1 templates, parameters and identifier limits ---------------------

CS1_PAGE = ("A.<ref>{{Cite Webpage |url=https://example.org/a |title=T |website=W |Accessdate=2020 |my-param=1}}</ref>"
            " B.<ref>{{cite journal |title=J |journal=J |pmid=39999999}}</ref>\n<references/>\n")


def test_cs1_table_reaches_the_rules(tmp_path):
    put(tmp_path, "a.wiki", CS1_PAGE)
    _, found, _ = run("--isolated", "a.wiki", cwd=tmp_path)
    assert found == {("a.wiki", "invalid-identifier", "warning")}  # {{Cite Webpage}} is no CS1 template here
    put(tmp_path, "pyproject.toml", '[tool.citelint.cs1]\ntemplates = { "cite webpage" = "web" }\n'
                                    'parameters = ["my-param"]\n'
                                    '[tool.citelint.cs1.identifier-limits]\npmid = 40000000\n')
    code, found, r = run("a.wiki", cwd=tmp_path)
    assert found == {("a.wiki", "cs1-parameter-ignored", "error")} and code == 1, r.output  # |Accessdate= only
    data = json.loads(cmd("config", "--json", "a.wiki", cwd=tmp_path).stdout)
    assert data["settings"]["cs1"] == {"templates": {"cite webpage": "web"}, "parameters": ["my-param"],
                                       "identifier-limits": {"pmid": 40000000}}
    out = cmd("config", "a.wiki", cwd=tmp_path).stdout
    assert ('[cs1]\nparameters = ["my-param"]\n\n[cs1.templates]\n"cite webpage" = "web"\n\n'
            '[cs1.identifier-limits]\npmid = 40000000\n') in out


@pytest.mark.parametrize("body, key, words", [
    ('[tool.citelint.cs1]\ntemplate = {}', "tool.citelint.cs1.template", "did you mean 'templates'?"),
    ('[tool.citelint.cs1.templates]\n"cite webpage" = "webb"', 'tool.citelint.cs1.templates."cite webpage"',
     "'webb' is not a CS1 class (did you mean 'web'?)"),
    ('[tool.citelint.cs1]\nparameters = "my-param"', "tool.citelint.cs1.parameters", "must be an array"),
    ('[tool.citelint.cs1]\nparameters = ["a=b"]', "tool.citelint.cs1.parameters", "must be an array"),
    ('[tool.citelint.cs1.identifier-limits]\npmdi = 1', "tool.citelint.cs1.identifier-limits.pmdi",
     "did you mean 'pmid'?"),
    ('[tool.citelint.cs1.identifier-limits]\npmid = "many"', "tool.citelint.cs1.identifier-limits.pmid",
     "whole number of at least 1"),
])
def test_bad_cs1_value_names_file_and_key(tmp_path, body, key, words):
    put(tmp_path, "pyproject.toml", body + "\n")
    put(tmp_path, "a.wiki", UNDEF)
    code, _, r = run("a.wiki", cwd=tmp_path)
    err = r.stderr.strip()
    assert code == 2 and len(err.splitlines()) == 1, r.output
    assert err.startswith(f"citelint: error: {tmp_path / 'pyproject.toml'}: {key}: "), err
    assert words in err, err


def test_readme_configuration_block_loads_with_its_cs1_table(tmp_path):
    import re

    from citelint.config import load_config
    from paths import REPO

    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^## Configuration\n.*?```toml\n(.*?)```", text, re.DOTALL | re.MULTILINE).group(1)
    put(tmp_path, "pyproject.toml", block)
    cfg = load_config(str(tmp_path / "pyproject.toml"))
    assert cfg.cs1 == {"templates": (("cite webpage", "web"),), "parameters": frozenset({"my-param"}),
                       "identifier-limits": (("pmid", 40000000),)}
