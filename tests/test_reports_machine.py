"""SARIF, GitHub workflow commands and JUnit XML, and --output.

Each machine report is checked against the JSON report of the same run (the same findings, places,
messages and fingerprints must come through), against its format's own rules (the SARIF 2.1.0 schema,
GitHub's escaping, well-formed XML), and on file names and page titles full of ``:`` and ``,``.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from paths import CORPUS, SCHEMAS, data_files, need, read_data

from citelint.engine import check_document
from citelint.model import Document, Severity
from citelint.report import FORMATS, RunResult, get_reporter
from citelint.report.github_report import escape_data, escape_property
from citelint.rules import RULES
from citelint.settings import Settings
from citelint.sources import InputError

SCHEMA_PATH = SCHEMAS / "sarif-schema-2.1.0.json"

# one error on one line, one error across two lines, one warning whose message quotes "%", "<", "&" and a
# control character from the page, in a file whose name has ":" and ","
ARTICLE = (
    'Claim.<ref name="deleted"/> Named.<ref name="a">Smith 2001.</ref> Again.<ref name="a">Jones\n'
    "1999.</ref>\n"
    "Growth.<ref>Up 50%25 & <b>more</b>\x01 in 2001.</ref> Same.<ref>Up 50%25 & <b>more</b>\x01 in 2001.</ref>\n"
    "\n== References ==\n<references/>\n"
)
NAME = "Category:Physics, general.wiki"
CLEAN = "A claim.<ref>Jones, K. (1999).</ref>\n\n<references/>\n"
CLEAN_NAME = "Washington,_D.C.wiki"


def citelint(*args, cwd, env=None):
    e = dict(os.environ)
    for k in ("FORCE_COLOR", "GITHUB_WORKSPACE", "NO_COLOR"):
        e.pop(k, None)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "citelint", *args], cwd=cwd, capture_output=True, text=True,
                          env=e, timeout=120)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / NAME).write_text(ARTICLE)
    (tmp_path / "pages" / CLEAN_NAME).write_text(CLEAN)
    return tmp_path


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(read_data(SCHEMA_PATH))  # a missing schema fails the test, naming it
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def json_findings(project: Path, *args) -> list[dict]:
    r = citelint("check", "--format", "json", *args, cwd=project)
    return json.loads(r.stdout)["findings"]


def test_formats_registered():
    assert {"sarif", "github", "junit"} <= set(FORMATS)
    for name in ("sarif", "github", "junit"):
        assert callable(get_reporter(name).render)


def test_fixture_has_the_cases_the_tests_need(project: Path):
    found = json_findings(project, "pages")
    assert {f["rule"] for f in found} == {"undefined-ref", "conflicting-ref", "duplicate-ref"}
    assert any(f["end_line"] > f["line"] for f in found)  # a region across lines
    assert any("%" in f["message"] and "\x01" in f["message"] for f in found)
    assert all(Path(f["path"]).name == NAME for f in found)


# --- SARIF -------------------------------------------------------------------------------------------------

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def test_sarif_is_valid_and_carries_the_json_findings(project: Path, sarif_validator):
    r = citelint("check", "--format", "sarif", "pages", cwd=project)
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    errors = sorted(sarif_validator.iter_errors(doc), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    assert doc["version"] == "2.1.0"
    [run] = doc["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.resolve().as_uri() + "/"
    assert run["invocations"] == [{"executionSuccessful": True}]

    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    by_name = {r.name: r for r in RULES}
    for desc in rules:
        rule = by_name[desc["name"]]
        assert desc["id"] == rule.code
        assert desc["shortDescription"]["text"] == rule.summary()
        assert desc["defaultConfiguration"]["level"] == LEVEL[rule.severity.label]
        assert "Fix" in desc["help"]["text"] and "```" in desc["help"]["markdown"]  # example fenced
        assert desc["fullDescription"]["text"] and desc["fullDescription"]["text"] != rule.summary()
    assert [d["name"] for d in rules] == [r.name for r in RULES]

    expected = json_findings(project, "pages")
    results = run["results"]
    assert len(results) == len(expected) > 0
    for res, f in zip(results, expected):
        assert res["ruleId"] == f["code"] == rules[res["ruleIndex"]]["id"]
        assert res["level"] == LEVEL[f["severity"]]
        assert res["message"]["text"] == f["message"]
        assert res["partialFingerprints"] == {"citelint/v1": f["fingerprint"]}
        [loc] = res["locations"]
        art = loc["physicalLocation"]["artifactLocation"]
        assert art["uriBaseId"] == "%SRCROOT%"
        assert urlsplit(art["uri"]).scheme == ""  # "Category:…" must not read as a URI scheme
        assert unquote(art["uri"]) == f"pages/{NAME}"
        region = loc["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            f["line"], f["column"], f["end_line"], f["end_column"])
        if f["line"] == f["end_line"]:  # the snippet is the region's own text
            line = ARTICLE.splitlines()[f["line"] - 1]
            assert region["snippet"]["text"] == line[f["column"] - 1:f["end_column"] - 1]
        else:
            assert "snippet" not in region


def test_sarif_uri_of_a_top_level_file_with_a_colon(project: Path, sarif_validator):
    r = citelint("check", "--format", "sarif", NAME, cwd=project / "pages")
    doc = json.loads(r.stdout)
    assert not list(sarif_validator.iter_errors(doc))
    uris = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in doc["runs"][0]["results"]}
    assert uris == {"Category%3APhysics,%20general.wiki"}
    [uri] = uris
    assert urlsplit(uri).scheme == "" and unquote(urlsplit(uri).path) == NAME  # not scheme "category"


def test_sarif_dump_page_has_logical_location_and_no_dump_region(sarif_validator):
    doc = Document(path="dumps/enwiki.xml", text=ARTICLE, kind="wikitext", page="Talk:Foo, Bar (band)",
                   revision="12345")
    findings = check_document(doc, Settings())
    result = RunResult(findings=findings, files_checked=1, elapsed=0.1)
    out = io.StringIO()
    get_reporter("sarif").render(result, out, color=False)
    sarif = json.loads(out.getvalue())
    assert not list(sarif_validator.iter_errors(sarif))
    results = sarif["runs"][0]["results"]
    assert len(results) == len(findings)
    for res, f in zip(results, findings):
        [loc] = res["locations"]
        assert loc["logicalLocations"] == [{"name": "Talk:Foo, Bar (band)",
                                            "fullyQualifiedName": "Talk:Foo, Bar (band)@12345",
                                            "kind": "page", "properties": {"revision": "12345"}}]
        assert "region" not in loc["physicalLocation"]
        assert unquote(loc["physicalLocation"]["artifactLocation"]["uri"]) == "dumps/enwiki.xml"
        assert loc["properties"]["line"] == f.line and loc["properties"]["column"] == f.column
        assert res["message"]["text"].startswith(f"page 'Talk:Foo, Bar (band)', revision 12345, line {f.line}, ")


def test_sarif_input_errors_and_baseline_state(project: Path, sarif_validator):
    assert citelint("check", "pages", "--write-baseline", "b.json", cwd=project).returncode == 0
    (project / "pages" / CLEAN_NAME).write_text('New.<ref name="new"/> ' + CLEAN)
    r = citelint("check", "--format", "sarif", "pages", "missing.wiki", "--baseline", "b.json", cwd=project)
    assert r.returncode == 2  # an unreadable input wins over findings
    doc = json.loads(r.stdout)
    assert not list(sarif_validator.iter_errors(doc))
    [run] = doc["runs"]
    [inv] = run["invocations"]
    assert inv["executionSuccessful"] is False
    [note] = inv["toolExecutionNotifications"]
    assert note["level"] == "error" and "no such file" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.wiki"
    [res] = run["results"]  # only the new finding; the baselined ones are not results
    assert res["baselineState"] == "new" and unquote(res["locations"][0]["physicalLocation"]["artifactLocation"]
                                                      ["uri"]) == f"pages/{CLEAN_NAME}"
    assert run["properties"]["summary"]["baseline"]["suppressed"] == 3


def test_sarif_path_outside_working_directory_is_an_absolute_file_uri(project: Path, sarif_validator):
    (project / "elsewhere").mkdir()
    r = citelint("check", "--format", "sarif", f"../pages/{NAME}", cwd=project / "elsewhere")
    doc = json.loads(r.stdout)
    assert not list(sarif_validator.iter_errors(doc))
    art = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert "uriBaseId" not in art
    assert art["uri"] == (project / "pages" / NAME).resolve().as_uri()
    assert unquote(urlsplit(art["uri"]).path) == str((project / "pages" / NAME).resolve())


# --- GitHub workflow commands --------------------------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def unescape_data(s: str) -> str:
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(s: str) -> str:
    return unescape_data(s.replace("%3A", ":").replace("%2C", ","))


def parse_commands(text: str) -> tuple[list[tuple[str, dict, str]], list[str]]:
    """Parse workflow commands as the runner does: properties split on ',' and the first '='."""
    commands, other = [], []
    for line in text.splitlines():
        m = COMMAND.match(line)
        if not m:
            assert not line.startswith("::"), line
            other.append(line)
            continue
        props = {}
        for part in (m.group(2) or "").split(","):
            key, _, value = part.partition("=")
            assert key not in props
            props[key] = unescape_property(value)
        commands.append((m.group(1), props, unescape_data(m.group(3))))
    return commands, other


def test_github_commands_round_trip(project: Path):
    r = citelint("check", "--format", "github", "pages", cwd=project)
    assert r.returncode == 1
    commands, other = parse_commands(r.stdout)
    expected = json_findings(project, "pages")
    assert len(commands) == len(expected) > 0
    for (kind, props, message), f in zip(commands, expected):
        assert kind == {"error": "error", "warning": "warning", "info": "notice"}[f["severity"]]
        assert props["file"] == f"pages/{NAME}"
        assert props["title"] == f"{f['code']} {f['rule']}"
        assert (int(props["line"]), int(props["col"]), int(props["endLine"])) == (f["line"], f["column"],
                                                                                  f["end_line"])
        if f["end_line"] == f["line"]:
            assert int(props["endColumn"]) == f["end_column"]
        else:
            assert "endColumn" not in props  # GitHub ignores columns of a range across lines
        assert message == f["message"]
    raw = r.stdout
    assert "Category%3APhysics%2C general.wiki" in raw  # ':' and ',' escaped in the file property
    assert "50%2525" in raw  # '%' escaped in the message
    assert other == ["citelint: 3 findings (2 errors, 1 warning) in 2 files"]


def test_github_escaping_of_cr_lf_percent_colon_comma():
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"
    assert escape_property("%3A") == "%253A"  # an escape sequence in the text is itself escaped
    for s in ["x%0Ay", "50%", "Washington, D.C.: the city\r\n", "::error::", "%%%"]:
        assert unescape_data(escape_data(s)) == s
        assert unescape_property(escape_property(s)) == s
        assert "\n" not in escape_data(s) and "\r" not in escape_data(s)
        assert ":" not in escape_property(s) and "," not in escape_property(s)


def test_github_pages_severities_and_errors():
    doc = Document(path="dumps/Foo, Bar: 2024.xml", text=ARTICLE, kind="wikitext", page="Category:A, B: C",
                   revision="77")
    settings = Settings(severities={"duplicate-ref": Severity.INFO})
    findings = check_document(doc, settings)
    errors = [InputError("bad\nname, x:y.wiki", "not valid UTF-8 (byte 0xff at offset 3, line 1)")]
    out = io.StringIO()
    get_reporter("github").render(RunResult(findings, 1, 0.1, errors=errors), out, color=False)
    commands, other = parse_commands(out.getvalue())
    assert commands[0] == ("error", {"file": "bad\nname, x:y.wiki", "title": "citelint: input error"},
                           "not valid UTF-8 (byte 0xff at offset 3, line 1)")
    kinds = {f.rule: kind for (kind, _, _), f in zip(commands[1:], findings)}
    assert kinds == {"undefined-ref": "error", "conflicting-ref": "error", "duplicate-ref": "notice"}
    for (kind, props, message), f in zip(commands[1:], findings):
        assert props["file"] == "dumps/Foo, Bar: 2024.xml"
        assert "line" not in props  # a line of the revision text is not a line of the dump file
        assert props["title"] == f"{f.code} {f.rule} (Category:A, B: C)"
        assert message == f"[[Category:A, B: C]], revision 77, line {f.line}, column {f.column}: {f.message}"
    assert len(other) == 1


def test_github_paths_relative_to_workspace(project: Path):
    r = citelint("check", "--format", "github", str(project / "pages" / NAME), cwd="/",
                 env={"GITHUB_WORKSPACE": str(project)})
    commands, _ = parse_commands(r.stdout)
    assert {props["file"] for _, props, _ in commands} == {f"pages/{NAME}"}


# --- JUnit XML ---------------------------------------------------------------------------------------------


def test_junit_is_well_formed_and_matches_findings(project: Path):
    r = citelint("check", "--format", "junit", "pages", cwd=project)
    assert r.returncode == 1
    assert r.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(r.stdout.encode("utf-8"))
    expected = json_findings(project, "pages")
    assert root.tag == "testsuites"
    assert int(root.get("tests")) == int(root.get("failures")) == len(expected)
    [suite] = root.findall("testsuite")  # the clean file has no suite of its own
    assert suite.get("name") == f"pages/{NAME}"
    cases = suite.findall("testcase")
    assert int(suite.get("tests")) == len(cases) == len(expected)
    for case, f in zip(cases, expected):
        failure = case.find("failure")
        assert failure.get("type") == f["rule"]
        # control characters cannot be in XML 1.0: written as \x01; everything else round-trips
        assert failure.get("message") == f["message"].replace("\x01", "\\x01")
        assert case.get("line") == str(f["line"]) and case.get("file") == f"pages/{NAME}"
        assert f"pages/{NAME}:{f['line']}:{f['column']}: {f['code']} {f['rule']} ({f['severity']})" in failure.text
    assert "<b>more</b>" in cases[-1].find("failure").get("message")


def test_junit_clean_run_and_input_errors(project: Path):
    r = citelint("check", "--format", "junit", f"pages/{CLEAN_NAME}", cwd=project)
    assert r.returncode == 0
    root = ET.fromstring(r.stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "0")
    [case] = root.iter("testcase")
    assert case.find("failure") is None and case.get("name") == "citation check of 1 file"

    r = citelint("check", "--format", "junit", f"pages/{CLEAN_NAME}", "gone & <lost>.wiki", cwd=project)
    assert r.returncode == 2
    root = ET.fromstring(r.stdout)
    assert root.get("errors") == "1"
    [err] = root.iter("error")
    assert err.get("type") == "input-error" and "gone & <lost>.wiki" in err.text


# --- --output ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["github", "text", "json", "sarif", "junit", "rich"])
def test_output_writes_the_report_to_a_file(project: Path, fmt: str):
    plain = citelint("check", "--format", fmt, "pages", cwd=project)
    (project / "reports").mkdir()
    target = project / "reports" / f"report.{fmt}"
    target.write_text("old report\n")
    r = citelint("check", "--format", fmt, "pages", "--output", "reports/" + target.name, cwd=project,
                 env={"FORCE_COLOR": "1"})
    assert r.returncode == plain.returncode == 1
    assert r.stdout == ""  # nothing else on standard output
    assert r.stderr.strip().splitlines() == [
        f"citelint: 3 findings in 2 files; {fmt} report written to reports/{target.name}"]
    written = target.read_text()
    assert "\x1b[" not in written  # a file gets no colour codes
    assert os.listdir(project / "reports") == [target.name]  # replaced in place, no temporary file left

    def stable(text: str) -> str:  # the elapsed time differs between two runs
        text = re.sub(r'"[a-z_]*seconds": [0-9.e-]+', "", text)
        text = re.sub(r'time="[0-9.]+"', "", text)
        return re.sub(r", [0-9.]+s\n", "\n", text)

    assert stable(written) == stable(plain.stdout)


def test_output_to_unwritable_place_is_exit_2(project: Path):
    r = citelint("check", "--format", "sarif", "pages", "--output", "no/such/dir/r.sarif", cwd=project)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [
        "citelint: error: cannot write the report to no/such/dir/r.sarif: No such file or directory"]


# --- the real corpus -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_run():
    from citelint.runner import run

    paths = [str(need(p)) for p in data_files(CORPUS / "wikitext", "*.wiki")]
    paths += [str(need(CORPUS / "xml" / "wikiwho__Anarchism_selected_revisions.xml")),
              str(need(CORPUS / "xml" / "pywikibot__article-pear-0.10.xml"))]
    errors: list = []
    result = run(paths, Settings(all_revisions=True), errors.append)
    assert not result.errors and result.files_checked == len(paths)
    assert any(f.page for f in result.findings) and any(f.page is None for f in result.findings)
    return result


def test_machine_reports_on_the_corpus(corpus_run, sarif_validator):
    result = corpus_run
    out = io.StringIO()
    get_reporter("sarif").render(result, out, color=False)
    sarif = json.loads(out.getvalue())
    errors = list(sarif_validator.iter_errors(sarif))
    assert not errors, errors[:3]
    results = sarif["runs"][0]["results"]
    assert [r["partialFingerprints"]["citelint/v1"] for r in results] == [f.fingerprint for f in result.findings]

    out = io.StringIO()
    get_reporter("github").render(result, out, color=False)
    commands, other = parse_commands(out.getvalue())
    assert [m for _, _, m in commands if not m.startswith("[[")] == [f.message for f in result.findings
                                                                      if f.page is None]
    assert len(commands) == len(result.findings) and len(other) == 1

    out = io.StringIO()
    get_reporter("junit").render(result, out, color=False)
    root = ET.fromstring(out.getvalue())
    assert int(root.get("failures")) == len(result.findings)
    assert len({s.get("name") for s in root.iter("testsuite")}) == len(
        {(f.path, f.page, f.revision) for f in result.findings})


def test_baseline_on_the_corpus(corpus_run, tmp_path: Path):
    from citelint.baseline import dumps, load

    found = corpus_run.findings
    (tmp_path / "b.json").write_text(dumps(found, str(tmp_path)))
    base = load(str(tmp_path / "b.json"))
    assert sum(base.counts.values()) == len(found)
    outcome = base.apply(found)
    assert outcome.kept == [] and outcome.suppressed == len(found) and outcome.unmatched == 0
    # one page's revisions repeat a defect: the entry counts each (a new revision repeating it is new)
    assert max(base.counts.values()) > 1
    assert any(k[0] == "page" for k in base.counts)


class _CountingStream(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, s: str) -> int:
        self.writes += 1
        return super().write(s)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_reports_are_written_in_large_pieces_with_json_dumps_text(fmt: str):
    """Where standard output is unbuffered (PYTHONUNBUFFERED=1, as in many CI images) every write is a system
    call: json.dump's one write per token made a dump's 46 MB report 3.4 s slower to a pipe than to a file.
    The text must stay exactly json.dump's (indent 2, UTF-8 kept), in a handful of writes."""
    text = "".join(f"x<ref name=né{i} />\n" for i in range(3000)) + "<references/>\n"
    findings = check_document(Document("many.wiki", text, "wikitext"), Settings())
    assert len(findings) >= 3000
    result = RunResult(findings=findings, files_checked=1, elapsed=0.1)
    stream = _CountingStream()
    get_reporter(fmt).render(result, stream, color=False)
    out = stream.getvalue()
    doc = json.loads(out)
    assert out == json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    assert "né17" in out
    assert stream.writes <= 1 + len(out) // (1 << 20) + 1, stream.writes


_json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                          st.text())
_json_keys = st.one_of(st.text(), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
_json_values = st.recursive(_json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.tuples(inner, inner), st.dictionaries(st.text(max_size=8), inner, max_size=5),
    st.dictionaries(_json_keys, inner, max_size=4)), max_leaves=40)


@hsettings(max_examples=400, deadline=None)
@given(_json_values)
def test_the_report_encoder_writes_json_dumps_text_for_any_value(value):
    """citelint's own encoder (report/_json.py: the standard library encodes an indented text in Python, token
    by token, 0.9 s for a 200 MB dump's report) gives exactly json.dump's text: every JSON type, tuples, keys
    that are not strings, NaN and infinities, strings with line breaks, quotes and any character, empty and
    nested containers at every depth."""
    from citelint.report._json import write_json

    out = io.StringIO()
    write_json({"findings": [value, {"a": value}], "x": value}, out)
    assert out.getvalue() == json.dumps({"findings": [value, {"a": value}], "x": value}, indent=2,
                                        ensure_ascii=False) + "\n"


def test_the_report_encoder_refuses_what_json_dump_refuses():
    from citelint.report._json import write_json

    with pytest.raises(TypeError):
        write_json({"findings": [{"a": object()}]}, io.StringIO())
