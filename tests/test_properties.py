"""Property tests: generated citation-heavy wikitext, plain-text pages and small XML dumps never crash
citelint, and every finding points at a real place in the text it names.

For each generated input, in process (the whole run: reading, parsing, rules, suppressions, the offline
link rules) and, for fewer examples, through the real CLI in a subprocess:

* no exception, no traceback; the exit status is 0, 1 or 2 and agrees with the findings and errors;
* every finding's line and column are inside the document, on the line it names (lines end at LF, CRLF
  or a lone CR, as in MediaWiki and editors; columns count code points), its end after its start;
* every span of the citation model lies inside the text, and each use starts with its markup;
* every report format renders (JSON and JUnit parse, SARIF validates against the OASIS schema, the text
  report has one line per finding);
* ``--jobs 1`` and ``--jobs 2`` give the same findings in the same order, on a folder of generated
  files and on a generated dump; two runs give the same report;
* the peak memory of a CLI run on a generated worst-ish input stays under a generous bound.

The examples are fixed (``derandomize``) and few in CI; ``CITELINT_PROPERTY_EXAMPLES=2000`` runs more
(profiles in conftest.py). A failure prints the minimal input hypothesis found.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import strategies as gen
from citelint.model import Severity
from citelint.report import FORMATS, RunResult, get_reporter
from citelint.runner import run
from citelint.settings import Settings
from paths import REPO, SCHEMAS, need

#: a CLI example costs a subprocess (about half a second here): far fewer of them than in-process ones
FEW = max(3, settings.default.max_examples // 12)
#: a folder of 70 files and a dump, checked five times: fewer still
FEWEST = max(2, settings.default.max_examples // 20)
#: generating a dump or a folder of pages draws many documents: hypothesis may find that slow, and
#: it is the size the property needs, not an accident of the strategy
SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]

_TMP = tempfile.TemporaryDirectory(prefix="citelint-props-")
TMP = Path(_TMP.name)


# -- what the text says -----------------------------------------------------------------------------------

def as_read(data: bytes) -> str:
    """The text of a file as citelint documents reading it: UTF-8, a BOM dropped, CRLF one line end."""
    text = data.decode("utf-8")
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


_EOL = re.compile(r"\r\n|\r|\n")


class Lines:
    """Where each line of ``text`` starts, with LF, CRLF and a lone CR ending a line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _EOL.finditer(text)]
        self.ends = [m.start() for m in _EOL.finditer(text)] + [len(text)]

    def length(self, line: int) -> int:
        return self.ends[line - 1] - self.starts[line - 1]

    def check(self, f, where: str = "") -> None:
        """``f``'s line and column are inside the text, on the line it names; its end is after its start."""
        text = self.text
        n = len(self.starts)
        about = f"{where}{f.line}:{f.column}-{f.end_line}:{f.end_column} {f.rule}: {f.message[:120]!r}"
        assert 1 <= f.line <= n, f"line out of the document ({n} lines): {about}"
        # a column may name the line's end (a span that starts at the newline), no further
        assert 1 <= f.column <= self.length(f.line) + 1, f"column past the end of line {f.line}: {about}"
        start = self.starts[f.line - 1] + f.column - 1
        assert start < len(text), f"starts past the end of the text ({len(text)} chars): {about}"
        assert f.line <= f.end_line <= n, f"end line out of order or out of the document: {about}"
        # end_column is exclusive: the last character it covers is on end_line (its line end at most)
        assert 2 <= f.end_column <= self.length(f.end_line) + 2, f"end column off line {f.end_line}: {about}"
        end = self.starts[f.end_line - 1] + f.end_column - 1
        assert start < end <= len(text) + 1, f"end not after start: {about}"
        if getattr(f, "source_line", None) is not None and not isinstance(f, dict):
            # the line, or for a long line an excerpt of it around the span (Finding.source_line)
            line = text[self.starts[f.line - 1]:self.ends[f.line - 1]]
            skipped = f.source_column - 1
            assert f.source_line == line[skipped:skipped + len(f.source_line)] and f.line_length == len(line), \
                f"source line is not (part of) line {f.line}: {f.source_line[:80]!r}: {about}"
            assert skipped <= f.column - 1 <= skipped + len(f.source_line), f"excerpt misses the span: {about}"


class Finding:
    """A finding read back from a JSON report (the fields the checks need)."""

    source_line = None
    page = revision = None

    def __init__(self, d: dict) -> None:
        self.__dict__.update(d)


# -- in-process runs --------------------------------------------------------------------------------------

SETTINGS = Settings()  # every rule, offline: what `citelint check --offline` runs


def run_file(name: str, data: bytes, settings: Settings = SETTINGS) -> tuple[RunResult, list]:
    folder = Path(tempfile.mkdtemp(dir=TMP))
    path = folder / name
    path.write_bytes(data)
    errors: list = []
    result = run([str(path)], settings, errors.append)
    return result, errors


def check_model_spans(text: str, kind: str) -> None:
    """Every span of the citation model inside the text; each use starts with its own markup."""
    from citelint.engine import parse_document
    from citelint.model import Document

    model = parse_document(Document(path="x", text=text, kind=kind), SETTINGS)
    spans = [("use", u.span, u) for u in model.uses] + [("definition", d.span, d) for d in model.definitions] \
        + [("list", r.span, r) for r in model.reflists] + [("tag", t.span, t) for t in model.tags] \
        + [("problem", p.span, p) for p in model.problems] + [("comment", c, c) for c in model.comments]
    for what, span, item in spans:
        assert 0 <= span.start <= span.end <= len(text), f"{what} span {span} outside the text: {item}"
    for u in model.uses:
        at = text[u.span.start:u.span.end]
        if u.origin in ("ref", "reuse", "blank", "template") and kind == "wikitext":  # a tag or a template
            assert at[:4].lower() == "<ref" or at.startswith("{{"), f"a use not at its markup: {at[:40]!r} {u}"
        elif u.origin == "marker":
            assert at.startswith("["), f"a marker use does not start at its '[': {at[:40]!r} {u}"
    for c in model.comments:
        assert text.startswith("<!--", c.start), f"a comment span not at '<!--': {text[c.start:c.start + 20]!r}"


SCHEMA_VALIDATOR = None


def sarif_validator():
    global SCHEMA_VALIDATOR
    if SCHEMA_VALIDATOR is None:
        import jsonschema

        schema = json.loads(need(SCHEMAS / "sarif-schema-2.1.0.json").read_text())
        SCHEMA_VALIDATOR = jsonschema.Draft7Validator(schema)
    return SCHEMA_VALIDATOR


def check_reports(result: RunResult) -> None:
    """Every report format renders the run; the machine formats parse and say the same."""
    for name in sorted(FORMATS):
        out = io.StringIO()
        get_reporter(name).render(result, out, color=name == "rich")
        text = out.getvalue()
        if name == "json":
            doc = json.loads(text)
            assert len(doc["findings"]) == len(result.findings)
        elif name == "sarif":
            doc = json.loads(text)
            errors = sorted(sarif_validator().iter_errors(doc), key=str)
            assert not errors, f"SARIF does not validate: {errors[0].message[:300]}"
            assert len(doc["runs"][0]["results"]) == len(result.findings)
        elif name == "junit":
            ET.fromstring(text.encode("utf-8"))
        elif name == "text":
            lines = text.split("\n")[:-1] if text else []
            assert len(lines) == len(result.findings), "the text report is not one line per finding"
        elif name == "github":
            lines = text.split("\n")
            assert lines[-1] == "" and not lines[-2].startswith("::"), "the GitHub report ends with its summary"
            assert all(ln.startswith("::") for ln in lines[:-2]), "a GitHub annotation spans lines"
            assert len(lines) - 2 == len(result.findings) + len(result.errors)


def check_run(result: RunResult, errors: list, texts) -> None:
    """The findings of a run placed in ``texts`` (a function finding → its document's text)."""
    assert all(not str(e).count("Traceback") for e in errors)
    for f in result.findings:
        Lines(texts(f)).check(f)
    check_reports(result)


# -- in-process properties --------------------------------------------------------------------------------

encodings = st.sampled_from(["plain", "plain", "bom"])


def file_bytes(text: str, encoding: str) -> bytes:
    return ("\ufeff" if encoding == "bom" else "").encode() + text.encode("utf-8", "surrogatepass")


@given(text=gen.wikitext(), encoding=encodings, read_as=st.sampled_from(["page.wiki", "page.wiki", "page.txt"]))
def test_wikitext_pages_run_and_place_findings(text, encoding, read_as):
    data = file_bytes(text, encoding)
    result, errors = run_file(read_as, data)
    seen = as_read(data)
    check_run(result, errors, lambda f: seen)
    if not errors:
        check_model_spans(seen, "wikitext")


@given(text=gen.plaintext(), encoding=encodings, forced=st.booleans())
def test_plaintext_pages_run_and_place_findings(text, encoding, forced):
    data = file_bytes(text, encoding)
    result, errors = run_file("page.txt", data, Settings(input_format="plaintext") if forced else SETTINGS)
    seen = as_read(data)
    check_run(result, errors, lambda f: seen)
    if not errors and text.strip():
        check_model_spans(seen, "plaintext")


@settings(suppress_health_check=SLOW_OK)
@given(dump=gen.dumps(), all_revisions=st.booleans(), namespace=st.sampled_from([None, 0, 1]))
def test_dumps_run_and_place_findings(dump, all_revisions, namespace):
    s = Settings(all_revisions=all_revisions, namespaces=frozenset([namespace]) if namespace is not None else None)
    result, errors = run_file("export" + dump.suffix, dump.data, s)
    assert not [e for e in errors if e.fatal], errors
    for f in result.findings:
        assert (f.page, f.revision) in dump.texts, f"a finding on a page or revision not in the dump: {f}"
    check_run(result, errors, lambda f: dump.texts[(f.page, f.revision)])


# -- the real CLI -----------------------------------------------------------------------------------------

def citelint(*args, cwd=None, timeout=120, limit_bytes=None) -> tuple[int, bytes, bytes, int]:
    """Run the CLI: (exit status, stdout, stderr, peak RSS in bytes), under an address-space cap."""
    env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1", COLUMNS="100")
    env.pop("FORCE_COLOR", None)
    cmd = [sys.executable, "-m", "citelint", *args]
    if limit_bytes:
        cmd = ["prlimit", f"--as={limit_bytes}", "--", *cmd]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd or TMP, env=env)
        try:
            _, status, usage = _wait4(p.pid, timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            raise
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return p.returncode, out.read(), err.read(), usage.ru_maxrss * 1024


def _wait4(pid: int, timeout: float):
    import time

    deadline = time.monotonic() + timeout
    while True:
        got, status, usage = os.wait4(pid, os.WNOHANG)
        if got:
            return got, status, usage
        if time.monotonic() > deadline:
            raise subprocess.TimeoutExpired(str(pid), timeout)
        time.sleep(0.02)


def cli_json(*args, **kw) -> tuple[int, dict, str]:
    code, out, err, _ = citelint("check", "--offline", "--format", "json", *args, **kw)
    stderr = err.decode("utf-8", "replace")
    assert code in (0, 1, 2), f"exit status {code}: {stderr[-2000:]}"
    assert "Traceback" not in stderr, stderr[-3000:]
    report = json.loads(out)
    failing = any(Severity.parse(f["severity"]) >= Severity.WARNING for f in report["findings"])
    expected = 2 if report["summary"]["errors"] else (1 if failing else 0)
    assert code == expected, f"exit status {code}, findings and errors say {expected}: {stderr[-500:]}"
    return code, report, stderr


def without_time(text: str) -> str:
    return re.sub(r'("elapsed_seconds": |in )[0-9.]+( ?s)?', r"\1T", text)


NAMES = ["a.wiki", "b.txt", "c.mediawiki", "Ünï 𝔘.wiki", "e f.wikitext", "g.mw", "h.txt"]


def write_folder(folder: Path, docs: list[str], count: int) -> dict:
    """``count`` files cycling through ``docs`` (more than one batch, so --jobs 2 uses its pool)."""
    texts = {}
    for i in range(count):
        name = f"{i:03d}-{NAMES[i % len(NAMES)]}"
        data = docs[i % len(docs)].encode("utf-8")
        (folder / name).write_bytes(data)
        texts[str(folder / name)] = as_read(data)
    return texts


@st.composite
def folders(draw):
    docs = draw(st.lists(st.one_of(gen.wikitext(max_size=20), gen.plaintext()), min_size=2, max_size=5))
    history = draw(st.lists(st.one_of(gen.wikitext(max_size=12), gen.plaintext()), min_size=2, max_size=4))
    # more than one batch of revisions (64), so --jobs 2 checks the dump in its pool
    dump = draw(gen.dumps(min_pages=3, max_pages=4, min_revisions=22, max_revisions=25,
                          text=st.sampled_from(history)))
    fmt = draw(st.sampled_from(sorted(FORMATS)))
    return docs, dump, fmt


@settings(max_examples=FEWEST, suppress_health_check=SLOW_OK)
@given(case=folders())
def test_cli_same_findings_with_one_or_two_jobs_and_twice(case):
    docs, dump, fmt = case
    folder = Path(tempfile.mkdtemp(dir=TMP))
    texts = write_folder(folder, docs, 70)
    dump_path = folder / ("zz-export" + dump.suffix)
    dump_path.write_bytes(dump.data)

    code1, one, _ = cli_json("--jobs", "1", "--all-revisions", str(folder))
    code2, two, _ = cli_json("--jobs", "2", "--all-revisions", str(folder))
    assert code1 == code2
    assert one["findings"] == two["findings"], "--jobs 2 found something else than --jobs 1"
    assert without_time(json.dumps(one["summary"])) == without_time(json.dumps(two["summary"]))
    for d in one["findings"]:
        f = Finding(d)
        if f.page is None:
            Lines(texts[f.path]).check(f, f"{f.path}:")
        else:
            assert f.path == str(dump_path) and (f.page, f.revision) in dump.texts, d
            Lines(dump.texts[(f.page, f.revision)]).check(f, f"{f.page}@{f.revision}:")
    # the same content gives the same findings whichever file of the same kind (.txt or wiki) holds it
    by_text: dict = {}
    for path in texts:
        found = [(d["rule"], d["line"], d["column"], d["message"]) for d in one["findings"] if d["path"] == path]
        kind = path.endswith(".txt")
        by_text.setdefault((int(Path(path).name[:3]) % len(docs), kind), set()).add(repr(found))
    assert all(len(v) == 1 for v in by_text.values()), "files holding the same text got different findings"

    # the dump alone, its revisions spread over two processes: the same findings as in the folder
    code3, alone, _ = cli_json("--jobs", "2", "--all-revisions", str(dump_path))
    assert alone["findings"] == [d for d in one["findings"] if d.get("page") is not None]

    # determinism: the same report twice, in any format
    runs = [citelint("check", "--offline", "--format", fmt, "--jobs", "1", "--all-revisions", str(folder))
            for _ in range(2)]
    for code, out, err, _ in runs:
        assert code == code1 and b"Traceback" not in err, err.decode()[-2000:]
    assert without_time(runs[0][1].decode()) == without_time(runs[1][1].decode()), f"two {fmt} reports differ"


@settings(max_examples=FEW, suppress_health_check=SLOW_OK)
@given(text=st.one_of(gen.wikitext(), gen.plaintext()), name=st.sampled_from(NAMES),
       fmt=st.sampled_from(sorted(FORMATS)))
def test_cli_single_file_any_format(text, name, fmt):
    folder = Path(tempfile.mkdtemp(dir=TMP))
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    code, out, err, _ = citelint("check", "--offline", "--format", fmt, str(path))
    assert code in (0, 1, 2) and b"Traceback" not in err, err.decode()[-3000:]
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "junit":
        ET.fromstring(out)
    _, report, _ = cli_json(str(path))
    seen = as_read(text.encode("utf-8"))
    for d in report["findings"]:
        Lines(seen).check(Finding(d))


# -- memory ------------------------------------------------------------------------------------------------

MB = 1 << 20
#: generous: citelint on a few hundred KB of text; the interpreter with its imports takes about 35 MB
MEMORY_BOUND = 300 * MB
#: the cap the subprocess runs under, so a runaway input fails the test instead of the machine
MEMORY_CAP = 1500 * MB


def worst(shape: str):
    """Worst-ish inputs of a few hundred KB, each made to cost as much as it can."""
    word = gen.plain.filter(lambda s: not gen.EOL_CHARS.intersection(s) and 0 < len(s) < 12)
    if shape == "many-findings-one-line":  # 6,000 unclosed refs on one line of 100 KB or more
        return word.map(lambda w: "".join(f"<ref>{w} Smith {i}" for i in range(6000)) + "\n== Notes ==\n")
    if shape == "nested-templates":  # {{a|<ref>x</ref> × 3,500, then }} × 3,500 (60 KB or more)
        return word.map(lambda w: f"{{{{a|<ref>{w}</ref>" * 3500 + "}}" * 3500 + "\n")
    if shape == "many-lines":  # 5,000 lines of refs, reuses, lists and broken markup
        return st.lists(st.one_of(gen.inline_ref(), gen.stray(), gen.reflist(), gen.note_template()),
                        min_size=40, max_size=40).map(
            lambda parts: "\n".join(parts[i % len(parts)] + f" {i}" for i in range(5000)))
    if shape == "plaintext":  # 4,000 markers and 2,000 entries
        return word.map(lambda w: f"Title\n\n{w}" + "".join(f" claim[{i % 2500}]" for i in range(4000))
                        + "\n\nReferences\n" + "\n".join(f"^ a b {w} {i}" for i in range(2000)))
    raise ValueError(shape)


@pytest.mark.parametrize("shape", [
    "many-findings-one-line",
    "nested-templates",
    "many-lines",
    "plaintext",
])
def test_memory_stays_bounded_on_worst_ish_input(shape):
    # one example per shape, not shrunk: the shape is what makes the input costly, and each try is a
    # subprocess of seconds
    @settings(max_examples=1, suppress_health_check=SLOW_OK, database=None,
              phases=[Phase.explicit, Phase.generate])
    @given(text=worst(shape))
    def once(text):
        folder = Path(tempfile.mkdtemp(dir=TMP))
        path = folder / ("worst.txt" if shape == "plaintext" else "worst.wiki")
        path.write_text(text, encoding="utf-8")
        code, out, err, peak = citelint("check", "--offline", "--format", "json", "--jobs", "1", str(path),
                                        limit_bytes=MEMORY_CAP, timeout=300)
        assert code in (0, 1, 2) and b"Traceback" not in err, err.decode()[-2000:]
        assert peak < MEMORY_BOUND, (f"{shape}: peak RSS {peak / MB:.0f} MB on {len(text) / 1024:.0f} KB of text "
                                     f"(bound {MEMORY_BOUND / MB:.0f} MB)")

    once()
