"""MediaWiki XML exports: schemas 0.3 to 0.11, compression, stdin, filters, broken and hostile files,
folders, --jobs, the progress bar, and the defects of real Anarchism revisions placed exactly."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from citelint.dumps import DumpError, DumpStats, NotAnExport, iter_dump, looks_like_export
from paths import CORPUS, REPO, need

XML = CORPUS / "xml"
SELECTED = XML / "wikiwho__Anarchism_selected_revisions.xml"
FULL = XML / "wikiwho__Anarchism_full_history_15180revs.xml.lzma"



def citelint(*args, input=None, env=None, cwd=REPO):
    e = dict(os.environ)
    e.pop("FORCE_COLOR", None)
    e["PYTHONPATH"] = str(REPO)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "citelint", *args], cwd=cwd, capture_output=True,
                          input=input, env=e, timeout=120)


def findings_json(*args, **kw):
    r = citelint("check", "--offline", "--format", "json", *args, **kw)
    assert r.returncode in (0, 1, 2), r.stderr
    return r, json.loads(r.stdout)


def one_line_error(r) -> str:
    err = r.stderr.decode()
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.startswith("citelint: error:")]
    assert len(lines) == 1, err
    return lines[0]


def export(pages: str, version: str = "0.10", siteinfo: str = "") -> str:
    return (f'<mediawiki xmlns="http://www.mediawiki.org/xml/export-{version}/" version="{version}" xml:lang="en">\n'
            f"{siteinfo}{pages}</mediawiki>\n")


def page(title: str, *revisions: str, ns: int | None = 0) -> str:
    ns_el = f"<ns>{ns}</ns>" if ns is not None else ""
    return f"<page><title>{title}</title>{ns_el}<id>1</id>{''.join(revisions)}</page>\n"


def revision(rev_id: int, text: str, ts: str = "2020-01-01T00:00:00Z", extra: str = "") -> str:
    from xml.sax.saxutils import escape

    return (f"<revision><id>{rev_id}</id><timestamp>{ts}</timestamp><contributor><id>99</id></contributor>"
            f"{extra}<text xml:space=\"preserve\">{escape(text)}</text></revision>")


# -- the real Anarchism revisions: every defect the corpus README lists, placed exactly --------

# (revision, rule, line, what the message names)
ANARCHISM = [
    ("40734102", "malformed-ref", 181, "</ref> without an opening <ref>"),
    # the <ref> opened at 179:466 is never closed; it swallows the text up to the </ref> of line 192
    ("40738376", "malformed-ref", 179, "closes it with the </ref> on line 192"),
    ("41042242", "undefined-ref", 179, '"molinari"'),
    ("41042242", "undefined-ref", 179, '"david-hart"'),
    ("79759080", "conflicting-ref", 88, '"Madison"'),
    ("79759080", "conflicting-ref", 204, '"Madison"'),
    # the Britannica "Proudhon" article cited again as a link, not reused (same-source)
    ("79759080", "same-source", 210, '"EB-Proudhon"'),
    ("196417015", "missing-reflist", 3, "125 references"),
    ("196417015", "duplicate-ref", 41, "Patsouras"),
    ("196417015", "conflicting-ref", 128, '"Platformtext"'),
    ("338518808", "undefined-ref", 130, '"woodcock20"'),
    ("338518808", "undefined-ref", 130, '"carlson"'),
    ("341408830", "conflicting-ref", 13, '"brooks"'),
    ("341408830", "conflicting-ref", 159, '"revival"'),
]


# the citation rules (reference structure); link rules are tested with the link checker
CITATION_RULES = ("--select", "CL1,CL2,CL3")


@pytest.fixture(scope="module")
def anarchism_all():
    r, data = findings_json("--all-revisions", *CITATION_RULES, str(need(SELECTED)))
    assert r.returncode == 1
    return data


def test_anarchism_every_listed_defect_and_nothing_else(anarchism_all):
    got = [(f["revision"], f["rule"], f["line"]) for f in anarchism_all["findings"]]
    assert got == [(rev, rule, line) for rev, rule, line, _ in ANARCHISM]
    for f, (_, _, _, named) in zip(anarchism_all["findings"], ANARCHISM):
        assert named in f["message"]
        assert f["page"] == "Anarchism"
        assert f["path"] == str(SELECTED)
    s = anarchism_all["summary"]
    assert (s["files_checked"], s["pages_checked"], s["revisions_checked"]) == (1, 1, 8)


def test_anarchism_columns_are_inside_the_revision_text(anarchism_all):
    texts = {d.revision: d.text for d in iter_dump(str(need(SELECTED)), all_revisions=True)}
    for f in anarchism_all["findings"]:
        line = texts[f["revision"]].split("\n")[f["line"] - 1]
        at = line[f["column"] - 1:]
        if f["rule"] in ("malformed-ref",):
            assert at.startswith("</ref>") or at.startswith("<ref>")
        else:
            assert at.startswith("<ref"), (f, at[:40])
    stray = anarchism_all["findings"][0]
    assert (stray["line"], stray["column"]) == (181, 62)
    unclosed = anarchism_all["findings"][1]
    assert (unclosed["line"], unclosed["column"]) == (179, 466)


def test_default_checks_only_the_newest_revision():
    r, data = findings_json(*CITATION_RULES, str(need(SELECTED)))
    assert r.returncode == 1
    assert {f["revision"] for f in data["findings"]} == {"341408830"}
    assert [f["line"] for f in data["findings"]] == [13, 159]
    assert data["summary"]["revisions_checked"] == 1


# -- schemas 0.3 to 0.11 ----------------------------------------------------------------------

@pytest.mark.parametrize("name, version, latest, all_count, pages", [
    ("pywikibot__article-pear.xml", "0.3", [("Pear", "188924", 0)], 4, 1),
    ("wikiwho__Anarchism_selected_revisions.xml", "0.4", [("Anarchism", "341408830", 0)], 8, 1),
    ("mwxml__dump.xml", "0.8", [("Foo", "2", 0), ("Bar", "3", 1)], 3, 2),
    ("mwcites__mw_dump_stub.xml", "0.9", [("Nagamaki naomi", "10730833", 0)], 4, 1),
    ("pywikibot__article-pear-0.10.xml", "0.10", [("Pear", "638548877", 0)], 1, 1),
    ("pywikibot__dummy-reflinks.xml", "0.10", [("Fake page", "123456789", 0), ("Talk:Fake page", "987654321", 1)],
     2, 2),
])
def test_corpus_schemas(name, version, latest, all_count, pages):
    path = need(XML / name)
    assert f"export-{version}/" in path.read_text(encoding="utf-8")[:600]
    stats = DumpStats(str(path))
    docs = list(iter_dump(str(path), stats=stats))
    assert [(d.page, d.revision, d.namespace) for d in docs] == latest
    assert all(d.path == str(path) and d.kind == "wikitext" and d.text.strip() for d in docs)
    assert stats.pages == pages
    assert len(list(iter_dump(str(path), all_revisions=True))) == all_count


def test_schema_011_slots_models_deleted_redirects_and_empty_texts():
    extra_slot = ("<content><role>mediainfo</role><origin>7</origin><model>wikibase-mediainfo</model>"
                  "<format>application/json</format><text>{\"x\": \"&lt;ref&gt;\"}</text></content>")
    xml = export(
        page("Good", revision(7, "A<ref>x</ref>\n<references/>",
                              extra="<model>wikitext</model><format>text/x-wiki</format>")[:-len("</revision>")]
             + extra_slot + "</revision>")
        + page("MediaWiki:Common.css", revision(8, ".ref { color: red } <ref name=a/>",
                                                extra="<model>css</model><format>text/css</format>"), ns=8)
        + page("Module:X", revision(9, "-- <ref name=b/>", extra="<model>Scribunto</model><format>text/plain</format>"),
               ns=828)
        + page("Gone", revision(10, "<ref name=c/>")[:-len("</revision>")].replace(
            '<text xml:space="preserve">&lt;ref name=c/&gt;</text>', '<text deleted="deleted" />') + "</revision>")
        + page("Redirect", revision(11, "#REDIRECT [[Good]] <ref name=d/>"))
        + page("Weiterleitung", revision(12, "#WEITERLEITUNG [[Good]]"))
        + page("Blank", revision(13, "  \n"))
        + page("Stub", "<revision><id>14</id><text bytes=\"5\" sha1=\"x\" location=\"tt:1\" /></revision>"),
        version="0.11")
    stats = DumpStats("x")
    import io

    docs = list(iter_dump(io.BytesIO(xml.encode()), "x.xml", stats=stats))
    assert [(d.page, d.revision, d.text) for d in docs] == [("Good", "7", "A<ref>x</ref>\n<references/>")]
    assert stats.skipped == {"not wikitext": 2, "deleted": 1, "redirect": 2, "empty": 2}


def test_newest_revision_by_timestamp_whatever_the_order():
    import io

    xml = export(page("P", revision(3, "new<ref name=n/>", "2021-05-01T00:00:00Z"),
                      revision(2, "old", "2019-05-01T00:00:00Z")))
    docs = list(iter_dump(io.BytesIO(xml.encode()), "x.xml"))
    assert [d.revision for d in docs] == ["3"]


def test_namespace_from_title_prefix_in_old_schemas(tmp_path):
    siteinfo = ('<siteinfo><namespaces><namespace key="0" /><namespace key="1">Talk</namespace>'
                '<namespace key="4">Wikipedia</namespace></namespaces></siteinfo>')
    xml = export(page("Talk:Foo", revision(1, "<ref name=a/>"), ns=None)
                 + page("Wikipedia:Bar: baz", revision(2, "<ref name=b/>"), ns=None)
                 + page("Foo: a colon in an article title", revision(3, "<ref name=c/>"), ns=None),
                 version="0.3", siteinfo=siteinfo)
    p = tmp_path / "old.xml"
    p.write_text(xml, encoding="utf-8")
    assert [(d.page, d.namespace) for d in iter_dump(str(p))] == [
        ("Talk:Foo", 1), ("Wikipedia:Bar: baz", 4), ("Foo: a colon in an article title", 0)]
    assert [d.page for d in iter_dump(str(p), namespaces=frozenset({0, 4}))] == [
        "Wikipedia:Bar: baz", "Foo: a colon in an article title"]


def test_namespace_option_filters_pages():
    # both pages hold a lone <ref> and no list: a warning on the article; none on the talk page,
    # where MediaWiki's automatic list is the norm
    r, data = findings_json("--namespace", "1", str(need(XML / "pywikibot__dummy-reflinks.xml")))
    assert data["findings"] == [] and data["summary"]["revisions_checked"] == 1
    r, data = findings_json("--namespace", "0", "--namespace", "1", str(need(XML / "pywikibot__dummy-reflinks.xml")))
    assert [f["page"] for f in data["findings"]] == ["Fake page"]
    assert data["summary"]["revisions_checked"] == 2
    r, data = findings_json("--namespace", "4", str(need(XML / "pywikibot__dummy-reflinks.xml")))
    assert r.returncode == 0 and data["findings"] == []


# -- compression and standard input -----------------------------------------------------------

def _compressed(tmp_path, suffix: str) -> Path:
    raw = need(SELECTED).read_bytes()
    p = tmp_path / f"anarchism.xml{suffix}"
    if suffix == ".bz2":
        p.write_bytes(bz2.compress(raw))
    elif suffix == ".gz":
        p.write_bytes(gzip.compress(raw))
    elif suffix == ".xz":
        p.write_bytes(lzma.compress(raw, format=lzma.FORMAT_XZ))
    elif suffix == ".lzma":
        p.write_bytes(lzma.compress(raw, format=lzma.FORMAT_ALONE))
    return p


def _where(data):
    return [(f["revision"], f["rule"], f["line"], f["column"]) for f in data["findings"]]


@pytest.mark.parametrize("suffix", [".bz2", ".gz", ".xz", ".lzma"])
def test_compressed_dumps(tmp_path, suffix, anarchism_all):
    p = _compressed(tmp_path, suffix)
    r, data = findings_json("--all-revisions", *CITATION_RULES, str(p))
    assert r.returncode == 1, r.stderr
    assert _where(data) == _where(anarchism_all)
    assert {f["path"] for f in data["findings"]} == {str(p)}


def test_compressed_dump_recognised_by_magic_bytes(tmp_path, anarchism_all):
    p = tmp_path / "download"  # no extension at all
    p.write_bytes(bz2.compress(need(SELECTED).read_bytes()))
    r, data = findings_json("--all-revisions", *CITATION_RULES, str(p))
    assert _where(data) == _where(anarchism_all)


def test_stdin_dump_named_by_stdin_filename(anarchism_all):
    r, data = findings_json("--all-revisions", *CITATION_RULES, "--stdin-filename", "enwiki-Anarchism.xml", "-",
                            input=need(SELECTED).read_bytes())
    assert r.returncode == 1, r.stderr
    assert _where(data) == _where(anarchism_all)
    assert {f["path"] for f in data["findings"]} == {"enwiki-Anarchism.xml"}
    assert {f["page"] for f in data["findings"]} == {"Anarchism"}


def test_stdin_compressed_and_unnamed_dumps():
    raw = need(XML / "pywikibot__dummy-reflinks.xml").read_bytes()
    r, data = findings_json("--stdin-filename", "export.xml.bz2", "-", input=bz2.compress(raw))
    # (the talk page's lone ref is no finding: talk pages rely on MediaWiki's automatic list)
    assert [(f["path"], f["page"]) for f in data["findings"]] == [("export.xml.bz2", "Fake page")]
    assert data["summary"]["revisions_checked"] == 2
    # no name: recognised by content (XML, or gzip magic)
    for payload in (raw, gzip.compress(raw)):
        r, data = findings_json("-", input=payload)
        assert [(f["path"], f["page"]) for f in data["findings"]] == [("-", "Fake page")]
        assert data["summary"]["revisions_checked"] == 2


def test_stdin_wikitext_still_read_as_wikitext():
    r, data = findings_json("--stdin-filename", "Article.wiki", "-", input=b'Text<ref name="x"/>\n<references/>\n')
    assert [(f["path"], f["rule"], "page" in f) for f in data["findings"]] == [("Article.wiki", "undefined-ref", False)]


# -- broken, foreign and hostile files --------------------------------------------------------

def test_truncated_dump_keeps_findings_so_far(tmp_path):
    text = need(SELECTED).read_text(encoding="utf-8")
    cut = text.index("<id>338518808</id>")  # in the middle of the 7th revision
    p = tmp_path / "cut.xml"
    p.write_text(text[:cut], encoding="utf-8")
    r, data = findings_json("--all-revisions", *CITATION_RULES, str(p))
    assert r.returncode == 2
    assert [f["revision"] for f in data["findings"]][-1] == "196417015"
    assert len(data["findings"]) == 10  # the first 10 of ANARCHISM
    line = one_line_error(r)
    assert line.startswith(f"citelint: error: {p}: XML error at line ")
    assert "truncated" in line


def test_truncated_multi_page_dump_latest_mode(tmp_path):
    xml = export(page("One", revision(1, "a<ref name=x/>")) + page("Two", revision(2, "b<ref name=y/>")))
    p = tmp_path / "two.xml"
    p.write_text(xml[: xml.index("<text", xml.index("Two"))], encoding="utf-8")
    r, data = findings_json(str(p))
    assert r.returncode == 2
    assert {f["page"] for f in data["findings"]} == {"One"}
    assert 'page "Two" was cut off' in one_line_error(r)


def test_truncated_and_corrupt_compressed_dumps(tmp_path):
    p = tmp_path / "cut.xml.lzma"
    p.write_bytes(need(FULL).read_bytes()[:10_000])
    r = citelint("check", "--offline", "--format", "json", "--all-revisions", "--select", "CL3", str(p))
    assert r.returncode == 2
    assert "the compressed data ends early" in one_line_error(r)
    assert json.loads(r.stdout)["summary"]["revisions_checked"] > 20  # what came before is checked
    q = tmp_path / "bad.xml.gz"
    q.write_bytes(b"this is not gzip data at all")
    r = citelint("check", "--offline", str(q))
    assert r.returncode == 2
    assert f"{q}: corrupt compressed data" in one_line_error(r)


def test_malformed_xml_names_line_and_column(tmp_path):
    p = tmp_path / "bad.xml"
    p.write_text(export(page("A", revision(1, "x")).replace("</title>", "</titl>")), encoding="utf-8")
    r = citelint("check", "--offline", str(p))
    assert r.returncode == 2
    assert re.fullmatch(rf"citelint: error: {re.escape(str(p))}: XML error at line 2, column \d+: mismatched tag",
                        one_line_error(r))


def test_other_xml_named_on_the_command_line_is_an_error(tmp_path):
    p = tmp_path / "pom.xml"
    p.write_text("<?xml version='1.0'?>\n<!-- build -->\n<project><modelVersion>4</modelVersion></project>\n")
    r = citelint("check", "--offline", str(p))
    assert r.returncode == 2
    assert one_line_error(r) == f"citelint: error: {p}: not a MediaWiki XML export (root element <project>)"
    assert looks_like_export(p.read_bytes()) == "not a MediaWiki XML export (root element <project>)"
    assert looks_like_export(need(SELECTED).read_bytes()[:4096]) is None


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE mediawiki [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<mediawiki><page><title>X</title><ns>0</ns><revision><id>1</id><text>&lol9;</text></revision></page></mediawiki>
"""


def test_billion_laughs_refused_before_any_expansion(tmp_path):
    p = tmp_path / "lol.xml"
    p.write_text(BILLION_LAUGHS)
    with pytest.raises(DumpError, match=r"declares an entity \(<!ENTITY lol …>\).*refused"):
        list(iter_dump(str(p)))
    r = citelint("check", "--offline", str(p), env={"PYTHONUTF8": "1"})
    assert r.returncode == 2
    assert "refused" in one_line_error(r)


def test_external_entities_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT <ref name=leak/>")
    general = (f'<?xml version="1.0"?>\n<!DOCTYPE mediawiki [ <!ENTITY xxe SYSTEM "{secret.as_uri()}"> ]>\n'
               '<mediawiki><page><title>X</title><ns>0</ns><revision><id>1</id><text>&xxe;</text></revision></page>'
               '</mediawiki>\n')
    parameter = (f'<?xml version="1.0"?>\n<!DOCTYPE mediawiki [ <!ENTITY % pe SYSTEM "{secret.as_uri()}"> %pe; ]>\n'
                 '<mediawiki/>\n')
    for name, body in (("xxe.xml", general), ("pe.xml", parameter)):
        p = tmp_path / name
        p.write_text(body)
        r = citelint("check", "--offline", "--format", "json", str(p))
        assert r.returncode == 2
        line = one_line_error(r)
        assert "external entity" in line and "refused" in line
        assert b"TOP-SECRET" not in r.stdout + r.stderr
    # an external DTD is never fetched: the file is read as if it had none
    p = tmp_path / "dtd.xml"
    p.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE mediawiki SYSTEM "{secret.as_uri()}">\n'
                 + export(page("X", revision(1, "t<ref name=a/>\n<references/>"))))
    r, data = findings_json(str(p))
    assert [f["rule"] for f in data["findings"]] == ["undefined-ref"]
    assert b"TOP-SECRET" not in r.stdout + r.stderr


# -- folders ----------------------------------------------------------------------------------

def test_folder_walk_includes_exports_and_skips_other_xml_with_a_note(tmp_path):
    (tmp_path / "wiki" / "deep").mkdir(parents=True)
    (tmp_path / "wiki" / "deep" / "dump.xml.gz").write_bytes(gzip.compress(need(XML / "pywikibot__dummy-reflinks.xml")
                                                                           .read_bytes()))
    (tmp_path / "wiki" / "pom.xml").write_text("<project/>\n")
    (tmp_path / "wiki" / "Article.wiki").write_text("Text.<ref>Source</ref>\n\n== References ==\n{{reflist}}\n")
    r, data = findings_json("wiki", cwd=tmp_path)
    assert r.returncode == 1, r.stderr  # a note is not an error
    assert r.stderr.decode().splitlines() == [
        f"citelint: note: {os.path.join('wiki', 'pom.xml')}: skipped: not a MediaWiki XML export "
        "(root element <project>)"]
    assert [(f["path"], f["page"]) for f in data["findings"]] == [
        (os.path.join("wiki", "deep", "dump.xml.gz"), "Fake page")]
    assert data["summary"]["files_checked"] == 2


# -- reports ----------------------------------------------------------------------------------

def test_text_and_rich_reports_name_page_and_revision():
    r = citelint("check", "--offline", "--format", "text", "--all-revisions", *CITATION_RULES, str(need(SELECTED)))
    lines = r.stdout.decode().splitlines()
    assert lines[0].startswith(f"{SELECTED}[Anarchism@40734102]:181:62: CL302 malformed-ref")
    r = citelint("check", "--offline", "--format", "rich", "--all-revisions", *CITATION_RULES, str(need(SELECTED)),
                 str(need(XML / "pywikibot__dummy-reflinks.xml")))
    out = r.stdout.decode()
    # one heading per page; revisions under it in dump order (not sorted as text)
    # (the page beside the path, or under it when the two do not fit in the width)
    assert len(re.findall(rf"^{re.escape(str(SELECTED))}(?:  |\n  )Anarchism$", out, flags=re.M)) == 1
    revs = re.findall(r"^  revision (\d+)$", out, flags=re.M)
    assert revs == ["40734102", "40738376", "41042242", "79759080", "196417015", "338518808", "341408830"]
    assert "Fake page (revision 123456789)" in out
    assert "(3 pages, 10 revisions)" in out


# -- --jobs and the progress bar ----------------------------------------------------------------

def test_jobs_give_the_same_findings_in_the_same_order(tmp_path):
    # 200 pages: enough batches for the process pool to start
    pages = "".join(page(f"Page {i}", revision(i, f"Text {i}.<ref name=\"n{i % 7}\"/> <ref>a{i % 3}</ref>"))
                    for i in range(200))
    p = tmp_path / "many.xml"
    p.write_text(export(pages), encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        r = citelint("check", "--offline", "--format", "json", "--jobs", jobs, str(p))
        assert r.returncode == 1, r.stderr
        data = json.loads(r.stdout)
        del data["summary"]["elapsed_seconds"]
        outs.append(data)
    assert outs[0] == outs[1]
    assert len(outs[0]["findings"]) == 400
    assert [f["page"] for f in outs[0]["findings"]][::2] == [f"Page {i}" for i in range(200)]


def test_progress_bar_only_on_a_terminal(tmp_path):
    r = citelint("check", "--offline", "--all-revisions", "--format", "json", str(need(SELECTED)))
    assert r.stderr == b""  # not a terminal: silent
    import pty

    master, slave = pty.openpty()
    try:
        e = dict(os.environ, PYTHONPATH=str(REPO), COLUMNS="150")
        proc = subprocess.Popen([sys.executable, "-m", "citelint", "check", "--offline", "--all-revisions",
                                 "--format", "json", str(need(SELECTED))], cwd=REPO, stdout=subprocess.PIPE,
                                stderr=slave, env=e)
        os.close(slave)
        out, _ = proc.communicate(timeout=120)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(master)
    assert json.loads(out)["summary"]["revisions_checked"] == 8
    text = seen.decode(errors="replace")
    assert "revisions" in text and "MB/s" in text and SELECTED.name[:11] in text


# -- links: only the newest revision of a page ----------------------------------------------------

def test_all_revisions_checks_links_of_the_newest_revision_only(tmp_path):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    asked = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            asked.append(self.path)
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        revs = [revision(i, f"Claim.<ref>[{base}/gone-{i} Source {i}]</ref>\n\n<references/>\n",
                         f"202{i}-01-01T00:00:00Z") for i in (1, 2, 3)]
        p = tmp_path / "history.xml"
        p.write_text(export(page("Article", *revs)), encoding="utf-8")
        r = citelint("check", "--all-revisions", "--allow-private-hosts", "--no-cache", "--format", "json", str(p),
                     cwd=tmp_path)
    finally:
        server.shutdown()
    data = json.loads(r.stdout)
    assert asked == ["/gone-3"], r.stderr
    assert [(f["rule"], f["revision"]) for f in data["findings"]] == [("dead-link", "3")]
    assert data["summary"]["revisions_checked"] == 3


def test_a_history_s_findings_share_their_repeated_strings_and_keep_their_values():
    """runner._shared keeps one copy of each source line and message across a dump's findings (a long history
    repeats them in finding after finding); it sets the kept copy in place, so each finding is the same value."""
    from citelint.findings import Finding
    from citelint.model import Severity
    from citelint.runner import _shared

    def make(i):  # equal strings, built apart (as findings unpickled from a worker are)
        return Finding(rule="undefined-ref", code="CL101", severity=Severity.ERROR, message="".join(["no ", "ref"]),
                       path="d.xml", line=i, column=1, end_line=i, end_column=2, fingerprint="f",
                       source_line="".join(["a", "b"]))

    found = [make(i) for i in range(3)]
    before = [(f, hash(f)) for f in found]
    assert found[0].message is not found[1].message
    strings: dict = {}
    out = _shared(found, strings) + _shared([make(9)], strings)
    assert len({id(f.message) for f in out}) == 1 and len({id(f.source_line) for f in out}) == 1
    assert [(f, hash(f)) for f in out[:3]] == before and out[3] == make(9)
