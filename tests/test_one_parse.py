"""One parse per document, handed on as an argument (issue 9, item 8), and history dumps that do not check
the same text twice or pickle whole documents to the workers (item 3)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from xml.sax.saxutils import escape

from citelint.citations import cited_urls
from citelint.dumps import iter_dump
from citelint.engine import check_document, check_parsed
from citelint.links.sites import collect
from citelint.model import Document
from citelint.parallel import Repeats, check_all, decode_batch, encode_batch
from citelint.parse import Parsed, parse_document
from citelint.settings import Settings
from paths import REPO

LINK_RULES = ("dead-link", "unreachable-link", "url-status-mismatch")

TEXT = ("A claim.<ref>{{cite web |url=www.example.org/a |title=A}}</ref> Again.<ref name=\"b\"/>\n"
        "Another.<ref>[https://example.org/b B]</ref>\n\n== References ==\n{{reflist}}\n")


def test_the_rules_and_the_link_collection_read_the_model_they_are_handed():
    doc = Document(path="a.wiki", text=TEXT, kind="wikitext")
    model = parse_document(doc, Settings())
    found = check_document(Parsed(doc, model), Settings())
    assert {f.rule for f in found} == {"invalid-url", "undefined-ref"}
    urls = cited_urls(model, doc.text)  # what invalid-url read, kept on the model
    links = collect(doc, Settings(), LINK_RULES, model=model)
    assert [s.cited for s in links.sites] == [c for lst in urls for c in lst]
    assert all(a is b for a, b in zip((s.cited for s in links.sites), (c for lst in urls for c in lst)))
    # the same findings as a check that parses for itself, and the model it made is handed back
    alone, made = check_parsed(doc, Settings())
    assert alone == found and made is not None and made is not model
    assert [s.cited for s in collect(doc, Settings(), LINK_RULES, model=made).sites] == [s.cited for s in links.sites]


def test_a_parse_that_ran_out_of_time_is_reported_unchecked_without_a_second_parse():
    doc = Document(path="a.wiki", text=TEXT, kind="wikitext")
    [f] = check_document(Parsed(doc, None), Settings(parse_timeout=5))
    assert f.rule == "unchecked-page" and "parse-timeout of 5 s" in f.message


def history(n: int, texts: list[str], page: str = "P", start: int = 1) -> list[Document]:
    return [Document(path="h.xml", text=texts[i % len(texts)], kind="wikitext", page=page, revision=str(start + i),
                     namespace=0) for i in range(n)]


TEXTS = ["One.<ref name=\"x\"/>\n", "Two.<ref></ref> three.<ref name=\"y\">Y</ref>\n\n<references/>\n",
         "Three é 𝄞.<ref>{{cite web |url=http//bad.example |title=T}}</ref>\n\n{{reflist}}\n"]


def _placed(found) -> list:
    return [(f.rule, f.page, f.revision, f.line, f.column, f.fingerprint, f.message) for f in found]


def test_a_revision_repeating_an_earlier_text_of_its_page_takes_its_findings_placed_at_its_revision():
    docs = history(6, TEXTS[:2]) + history(2, TEXTS[:1], page="Q", start=7)  # Q: the same text, another page
    repeats = Repeats()
    got = [(d, r) for d, r in check_all(iter(docs), Settings(), 1, repeats=repeats)]
    assert [d for d, _ in got] == docs
    # P: revisions 3 to 6 repeat 1 and 2; Q: its revision 8 repeats its 7, never P's texts
    assert repeats.hits == 5
    for doc, result in got:
        assert _placed(result) == _placed(check_document(doc, Settings())), doc.revision
        assert result and {f.revision for f in result} == {doc.revision} and {f.page for f in result} == {doc.page}


def test_repeats_with_worker_processes_give_what_each_revision_gives_alone():
    docs = history(150, TEXTS)  # three batches: the pool starts
    repeats = Repeats()
    got = list(check_all(iter(docs), Settings(), 2, repeats=repeats))
    assert repeats.hits == 147
    assert [d for d, _ in got] == docs
    assert [_placed(r) for _, r in got] == [_placed(check_document(d, Settings())) for d in docs]


def test_workers_are_sent_bytes_not_documents():
    docs = [Document("a.wiki", "é 𝄞 \ud800 lone surrogate", "wikitext"),
            Document("h.xml", "", "wikitext", page="P", revision="2", namespace=1, unchecked="too large"),
            Document("h.xml", "plain [1]\n", "plaintext", page="P:x", revision="3", namespace=0,
                     timestamp="2010-06-01T23:00:00Z")]
    places, buffer = encode_batch(docs)
    assert isinstance(buffer, bytes) and all(isinstance(p, tuple) for p in places)
    assert b"Document" not in pickle.dumps((places, buffer))
    assert list(decode_batch(places, buffer)) == docs


def test_the_cli_history_with_repeats_is_what_each_revision_gives_alone(tmp_path):
    revs = "".join(f"<revision><id>{i}</id><timestamp>2020-01-01T00:00:{i % 60:02d}Z</timestamp>"
                   f"<text xml:space=\"preserve\">{escape(TEXTS[i % 3] if i % 5 else TEXTS[1] + str(i))}</text>"
                   f"</revision>" for i in range(1, 140))
    p = tmp_path / "h.xml"
    p.write_text('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">'
                 f"<page><title>P</title><ns>0</ns><id>1</id>{revs}</page></mediawiki>", encoding="utf-8")
    want = [(f.rule, f.revision, f.line, f.column, f.fingerprint) for d in iter_dump(str(p), all_revisions=True)
            for f in check_document(d, Settings())]
    assert len({w[1] for w in want}) == 139
    for jobs in ("1", "2"):
        r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--all-revisions", "--jobs", jobs,
                            "--format", "json", str(p)], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                           env={**os.environ, "PYTHONPATH": str(REPO)})
        assert r.returncode == 1, r.stderr
        got = [(f["rule"], f["revision"], f["line"], f["column"], f["fingerprint"])
               for f in json.loads(r.stdout)["findings"]]
        assert got == want, jobs
