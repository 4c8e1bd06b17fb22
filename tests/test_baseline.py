"""Baselines: write today's findings, then report only new ones, whatever moved and wherever citelint runs."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from citelint.baseline import Baseline, BaselineError, dumps, finding_key, load
from citelint.engine import check_document
from citelint.model import Document
from citelint.settings import Settings

ARTICLE = """Lead paragraph.<ref name="gone"/>

== History ==
First claim.<ref>Smith, J. (2001). ''Book''.</ref>
Second claim.<ref>Smith, J. (2001). ''Book''.</ref>

== References ==
<references/>
"""

# the same defects, text added above and paragraphs moved, and one new defect ("missing2")
ARTICLE_EDITED = """A new opening sentence.

Another new paragraph, with no references at all.

== History ==
Second claim, reworded.<ref>Smith, J. (2001). ''Book''.</ref>
Lead paragraph, now further down.<ref name="gone"/>
New claim.<ref name="missing2"/>
First claim.<ref>Smith,   J. (2001).
''Book''.</ref>

== References ==
<references/>
"""

CLEAN = """A claim.<ref>Jones, K. (1999). ''Other book''.</ref>

== References ==
<references/>
"""


def citelint(*args, cwd):
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "citelint", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


def findings_of(r) -> list[dict]:
    assert r.stdout, r.stderr
    return json.loads(r.stdout)["findings"]


@pytest.fixture
def wiki(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "A.wiki").write_text(ARTICLE)
    (tmp_path / "articles" / "B.wiki").write_text(CLEAN)
    return tmp_path


def test_round_trip_moved_text_stays_known_new_defect_reported(wiki: Path):
    before = citelint("check", "--format", "json", "articles", cwd=wiki)
    assert before.returncode == 1
    assert sorted(f["rule"] for f in findings_of(before)) == ["duplicate-ref", "undefined-ref"]

    w = citelint("check", "articles", "--write-baseline", "citelint-baseline.json", cwd=wiki)
    assert w.returncode == 0, w.stderr  # writing a baseline succeeds although there are findings
    assert w.stdout == ""  # no report: only a line on stderr
    assert "wrote baseline citelint-baseline.json: 2 findings in 1 file" in w.stderr

    r = citelint("check", "--format", "json", "articles", "--baseline", "citelint-baseline.json", cwd=wiki)
    assert r.returncode == 0, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    assert doc["findings"] == []
    assert doc["summary"]["baseline"] == {"file": "citelint-baseline.json", "suppressed": 2, "unmatched": 0}

    (wiki / "articles" / "A.wiki").write_text(ARTICLE_EDITED)
    moved = findings_of(citelint("check", "--format", "json", "articles", cwd=wiki))
    assert len(moved) == 3  # the two old defects (at other lines now) and the new one
    assert {f["line"] for f in moved if f["rule"] == "duplicate-ref"} != {5}

    r = citelint("check", "--format", "json", "articles", "--baseline", "citelint-baseline.json", cwd=wiki)
    assert r.returncode == 1
    new = json.loads(r.stdout)["findings"]
    assert [(f["rule"], f["line"]) for f in new] == [("undefined-ref", 8)]
    assert '"missing2"' in new[0]["message"]
    assert json.loads(r.stdout)["summary"]["baseline"]["suppressed"] == 2


def test_fingerprints_ignore_line_numbers_and_working_directory(wiki: Path):
    def prints(cwd, target):
        return {(f["rule"], f["fingerprint"]) for f in findings_of(citelint("check", "--format", "json", target,
                                                                           cwd=cwd))}

    first = prints(wiki, "articles/A.wiki")
    assert prints(wiki, "./articles/A.wiki") == first
    assert prints(wiki, str(wiki / "articles" / "A.wiki")) == first
    (wiki / "articles" / "A.wiki").write_text(ARTICLE_EDITED)
    after = prints(wiki, "articles/A.wiki")
    assert first < after and len(after - first) == 1  # moved findings keep their fingerprints


def test_baseline_works_from_another_working_directory(wiki: Path):
    (wiki / ".citelint").mkdir()
    w = citelint("check", "articles", "--write-baseline", ".citelint/baseline.json", cwd=wiki)
    assert w.returncode == 0, w.stderr
    entries = json.loads((wiki / ".citelint" / "baseline.json").read_text())["entries"]
    assert {e["path"] for e in entries} == {"../articles/A.wiki"}  # relative to the baseline's folder

    # from inside the articles folder, from the baseline's folder, and with absolute paths from elsewhere
    for cwd, target, base in [
        (wiki / "articles", ".", "../.citelint/baseline.json"),
        (wiki / "articles", "A.wiki", "../.citelint/baseline.json"),
        (wiki / ".citelint", "../articles", "baseline.json"),
        ("/", str(wiki / "articles"), str(wiki / ".citelint" / "baseline.json")),
    ]:
        r = citelint("check", "--format", "json", target, "--baseline", base, cwd=cwd)
        assert r.returncode == 0, (cwd, target, r.stdout, r.stderr)
        assert json.loads(r.stdout)["summary"]["baseline"]["suppressed"] == 2

    # a copy of the whole project at another absolute path (a CI clone) matches too
    clone = wiki.parent / (wiki.name + "-clone")
    subprocess.run(["cp", "-r", str(wiki), str(clone)], check=True)
    r = citelint("check", "--format", "json", "articles", "--baseline", ".citelint/baseline.json", cwd=clone)
    assert r.returncode == 0 and json.loads(r.stdout)["findings"] == []


def test_same_defect_in_another_file_is_new(wiki: Path):
    assert citelint("check", "articles", "--write-baseline", "b.json", cwd=wiki).returncode == 0
    (wiki / "articles" / "B.wiki").write_text('Claim.<ref name="gone"/>\n\n<references/>\n')
    r = citelint("check", "--format", "json", "articles", "--baseline", "b.json", cwd=wiki)
    new = json.loads(r.stdout)["findings"]
    assert [(Path(f["path"]).name, f["rule"]) for f in new] == [("B.wiki", "undefined-ref")]


def test_multiplicity_one_entry_covers_one_finding(tmp_path: Path):
    ref = "<ref>Smith, J. (2001). ''Book''.</ref>"
    (tmp_path / "a.wiki").write_text(f"One.{ref}\nTwo.{ref}\n\n<references/>\n")
    assert citelint("check", "a.wiki", "--write-baseline", "b.json", cwd=tmp_path).returncode == 0
    [entry] = json.loads((tmp_path / "b.json").read_text())["entries"]
    assert entry["rule"] == "duplicate-ref" and entry["count"] == 1

    # a third copy: a second duplicate-ref finding identical to the first (same place, rule and content)
    (tmp_path / "a.wiki").write_text(f"One.{ref}\nTwo.{ref}\nThree.{ref}\n\n<references/>\n")
    allf = findings_of(citelint("check", "--format", "json", "a.wiki", cwd=tmp_path))
    assert [f["rule"] for f in allf] == ["duplicate-ref", "duplicate-ref"]
    assert allf[0]["fingerprint"] == allf[1]["fingerprint"]
    r = citelint("check", "--format", "json", "a.wiki", "--baseline", "b.json", cwd=tmp_path)
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    assert [(f["rule"], f["line"]) for f in doc["findings"]] == [("duplicate-ref", 3)]
    assert doc["summary"]["baseline"]["suppressed"] == 1

    # written again, the entry counts both
    assert citelint("check", "a.wiki", "--write-baseline", "b.json", cwd=tmp_path).returncode == 0
    [entry] = json.loads((tmp_path / "b.json").read_text())["entries"]
    assert entry["count"] == 2
    r = citelint("check", "--format", "json", "a.wiki", "--baseline", "b.json", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["findings"] == []


def test_file_is_sorted_stable_and_written_atomically(tmp_path: Path):
    for name, text in [("z.wiki", ARTICLE), ("a.wiki", ARTICLE), ("m,n: o.wiki", ARTICLE)]:
        (tmp_path / name).write_text(text)
    assert citelint("check", ".", "--write-baseline", "b.json", cwd=tmp_path).returncode == 0
    text1 = (tmp_path / "b.json").read_text()
    os.chmod(tmp_path / "b.json", 0o640)
    assert citelint("check", "z.wiki", "m,n: o.wiki", "a.wiki", "--write-baseline", "b.json",
                    cwd=tmp_path).returncode == 0
    assert (tmp_path / "b.json").read_text() == text1  # same findings, same bytes, whatever the input order
    assert stat.S_IMODE(os.stat(tmp_path / "b.json").st_mode) == 0o640  # rewriting keeps permissions
    doc = json.loads(text1)
    assert doc["citelint-baseline"] == 1
    keys = [(e["path"], e["rule"], e["hash"]) for e in doc["entries"]]
    assert keys == sorted(keys) and len(keys) == 6
    assert {e["path"] for e in doc["entries"]} == {"a.wiki", "m,n: o.wiki", "z.wiki"}
    assert all(set(e) == {"path", "rule", "hash", "count"} for e in doc["entries"])
    assert text1.count("\n") == 6 + 5  # one entry a line: diffs show one line per finding
    assert sorted(p.name for p in tmp_path.iterdir() if not p.suffix == ".wiki") == ["b.json"]  # no temp files


def test_ratchet_drops_fixed_entries_and_never_admits_new_ones(wiki: Path):
    assert citelint("check", "articles", "--write-baseline", "b.json", cwd=wiki).returncode == 0
    fixed = ARTICLE.replace('<ref name="gone"/>', "").replace("Second claim.<ref>", "Second claim.<ref>Other ")
    (wiki / "articles" / "A.wiki").write_text(fixed + 'Late claim.<ref name="new"/>\n')
    r = citelint("check", "--format", "json", "articles", "--baseline", "b.json", cwd=wiki)
    assert "2 entries no longer found" in r.stderr
    assert json.loads(r.stdout)["summary"]["baseline"]["unmatched"] == 2
    # put one old defect back, then ratchet: the new defect is reported, the fixed one is dropped
    (wiki / "articles" / "A.wiki").write_text(ARTICLE.replace("Second claim.<ref>", "Second claim.<ref>Other ")
                                              + 'Late claim.<ref name="new"/>\n')
    r = citelint("check", "--format", "json", "articles", "--baseline", "b.json", "--write-baseline", "b.json",
                 cwd=wiki)
    assert r.returncode == 1
    assert [f["rule"] for f in json.loads(r.stdout)["findings"]] == ["missing-reflist", "undefined-ref"]
    entries = json.loads((wiki / "b.json").read_text())["entries"]
    assert [e["rule"] for e in entries] == ["undefined-ref"]


@pytest.mark.parametrize("content, expected", [
    (None, "no such file (create it with --write-baseline"),
    ("{", "not valid JSON (line 1, column 2"),
    ("[]", 'not a citelint baseline (no "citelint-baseline" key)'),
    ('{"citelint-baseline": 99, "entries": []}', "version 99 is not supported"),
    ('{"citelint-baseline": 1, "entries": {}}', '"entries" must be a list'),
    ('{"citelint-baseline": 1, "entries": [{"rule": "x", "hash": "y"}]}', 'entry 1 needs exactly one of "path"'),
    ('{"citelint-baseline": 1, "entries": [{"path": "a", "rule": "x", "hash": "y", "count": 0}]}', 'bad "count"'),
    ('{"citelint-baseline": 1, "entries": [{"path": "a", "rule": "x", "hash": "y", "line": 3}]}',
     "unknown key 'line'"),
    (b"\xff\xfe", "not UTF-8"),
])
def test_bad_baseline_is_one_clear_line_and_exit_2(tmp_path: Path, content, expected):
    (tmp_path / "a.wiki").write_text(ARTICLE)
    if isinstance(content, bytes):
        (tmp_path / "b.json").write_bytes(content)
    elif content is not None:
        (tmp_path / "b.json").write_text(content)
    r = citelint("check", "a.wiki", "--baseline", "b.json", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stdout == ""  # nothing checked, nothing reported
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr
    assert "b.json" in lines[0] and expected in lines[0], lines[0]


def test_unwritable_baseline_is_exit_2(tmp_path: Path):
    (tmp_path / "a.wiki").write_text(ARTICLE)
    r = citelint("check", "a.wiki", "--write-baseline", "no/such/folder/b.json", cwd=tmp_path)
    assert r.returncode == 2
    assert "cannot write" in r.stderr and "no/such/folder/b.json" in r.stderr and "Traceback" not in r.stderr


def test_dump_pages_are_keyed_by_title_not_dump_file():
    """A page's findings match across dumps (file names change with every dump) and revisions."""
    settings = Settings()
    old = Document(path="enwiki-20240101.xml", text=ARTICLE, kind="wikitext", page="Foo, Bar: Baz", revision="100")
    new = Document(path="enwiki-20250101.xml", text=ARTICLE_EDITED, kind="wikitext", page="Foo, Bar: Baz",
                   revision="205")
    other = Document(path="enwiki-20250101.xml", text=ARTICLE, kind="wikitext", page="Other", revision="7")
    old_findings = check_document(old, settings)
    assert {finding_key(f, "/")[:2] for f in old_findings} == {("page", "Foo, Bar: Baz")}
    base = Baseline(path="/tmp/b.json", counts=__import__("collections").Counter(
        finding_key(f, "/tmp") for f in old_findings))
    outcome = base.apply(check_document(new, settings) + check_document(other, settings))
    assert outcome.suppressed == 2 and outcome.unmatched == 0
    assert sorted((f.page, f.rule) for f in outcome.kept) == [
        ("Foo, Bar: Baz", "undefined-ref"), ("Other", "duplicate-ref"), ("Other", "undefined-ref")]
    # and the text form round-trips through load()
    text = dumps(old_findings, "/tmp")
    assert '"page": "Foo, Bar: Baz"' in text


def test_load_round_trip(tmp_path: Path):
    doc = Document(path=str(tmp_path / "a.wiki"), text=ARTICLE, kind="wikitext")
    found = check_document(doc, Settings())
    (tmp_path / "b.json").write_text(dumps(found, str(tmp_path)))
    base = load(str(tmp_path / "b.json"))
    assert base.apply(found).kept == [] and sum(base.counts.values()) == len(found) == 2
    with pytest.raises(BaselineError):
        load(str(tmp_path))  # a folder


def test_partial_run_leaves_other_files_entries_alone(wiki: Path):
    """pre-commit checks only the staged files: the rest of the baseline is out of that run's scope."""
    (wiki / "articles" / "B.wiki").write_text('Claim.<ref name="lost"/>\n\n<references/>\n')
    assert citelint("check", "articles", "--write-baseline", "b.json", cwd=wiki).returncode == 0
    entries = json.loads((wiki / "b.json").read_text())["entries"]
    assert sorted(e["path"] for e in entries) == ["articles/A.wiki", "articles/A.wiki", "articles/B.wiki"]

    # A's defects fixed, only A checked: A's entries are fixed, B's are not "no longer found"
    (wiki / "articles" / "A.wiki").write_text(CLEAN)
    r = citelint("check", "--format", "json", "articles/A.wiki", "--baseline", "b.json", cwd=wiki)
    assert r.returncode == 0
    assert json.loads(r.stdout)["summary"]["baseline"] == {"file": "b.json", "suppressed": 0, "unmatched": 2}
    # the ratchet over A alone drops A's fixed entries and keeps B's
    r = citelint("check", "articles/A.wiki", "--baseline", "b.json", "--write-baseline", "b.json", cwd=wiki)
    assert r.returncode == 0, r.stderr
    assert [e["path"] for e in json.loads((wiki / "b.json").read_text())["entries"]] == ["articles/B.wiki"]
    # checking the folder covers B again
    r = citelint("check", "--format", "json", "articles", "--baseline", "b.json", cwd=wiki)
    assert r.returncode == 0 and json.loads(r.stdout)["summary"]["baseline"]["suppressed"] == 1


def test_ratchet_into_another_folder_rebases_paths(wiki: Path):
    assert citelint("check", "articles", "--write-baseline", "b.json", cwd=wiki).returncode == 0
    (wiki / "ci").mkdir()
    r = citelint("check", "articles", "--baseline", "b.json", "--write-baseline", "ci/b.json", cwd=wiki)
    assert r.returncode == 0, r.stderr
    assert {e["path"] for e in json.loads((wiki / "ci" / "b.json").read_text())["entries"]} == {"../articles/A.wiki"}
    r = citelint("check", "--format", "json", "articles", "--baseline", "ci/b.json", cwd=wiki)
    assert r.returncode == 0 and json.loads(r.stdout)["summary"]["baseline"]["suppressed"] == 2


def test_stdin_with_a_filename_matches_the_file_entries(wiki: Path):
    assert citelint("check", "articles", "--write-baseline", "b.json", cwd=wiki).returncode == 0
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--format", "json", "-", "--stdin-filename",
                        "articles/A.wiki", "--baseline", "b.json"], cwd=wiki, input=ARTICLE_EDITED,
                       capture_output=True, text=True, timeout=120)
    doc = json.loads(r.stdout)
    assert [f["rule"] for f in doc["findings"]] == ["undefined-ref"] and doc["summary"]["baseline"]["suppressed"] == 2
