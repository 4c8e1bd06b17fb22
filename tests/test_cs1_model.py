"""citelint.cs1: the CS1/CS2 citations of a document, with parameters placed exactly."""

from citelint import cs1
from citelint.engine import parse_document
from citelint.model import Document
from citelint.settings import Settings
from paths import CORPUS, data_files


def _cites(text):
    model = parse_document(Document("t.wiki", text, "wikitext"), Settings())
    return cs1.citations(model, text)


def test_params_placed_and_case_kept():
    text = ("Intro.<ref>{{Cite_web |URL= http://a.example/x <!-- c --> |title=T|Url=x| access-date =2020-01-01"
            "|positional}}</ref>\n{{reflist}}\n== Bibliography ==\n* {{citation |last=Smith |year=2001}}\n")
    c1, c2 = _cites(text)
    assert (c1.template, c1.cls, c1.in_ref) == ("cite web", "web", True)
    assert text[c1.name_start:c1.name_end] == "Cite_web"
    names = [p.name for p in c1.params]
    assert names == ["URL", "title", "Url", "access-date", None]
    url = c1.params[0]
    assert url.value == "http://a.example/x" and text[url.value_start:url.value_end] == url.value
    assert text[url.start:url.name_end] == "URL"
    ad = c1.get("access-date")
    assert text[ad.start:ad.name_end] == "access-date" and ad.value == "2020-01-01"
    assert c1.params[-1].value == "positional"
    assert (c2.template, c2.cls, c2.in_ref) == ("citation", "citation", False)
    assert c2.value("last", "author") == "Smith"


def test_get_prefers_a_non_empty_alias():
    (c,) = _cites("<ref>{{cite news |title= |script-title=ja:X |work=W}}</ref>{{reflist}}")
    assert c.get("title", "script-title").name == "script-title"
    assert c.get("title").value == ""


def test_nested_and_extra_templates():
    text = "<ref>{{harvc |in={{cite book |title=B}} }}{{Cite Webpage|title=W}}</ref>{{reflist}}"
    model = parse_document(Document("t.wiki", text, "wikitext"), Settings())
    (c,) = cs1.citations(model, text)
    assert c.nested and c.template == "cite book"
    both = cs1.citations(model, text, extra={"Cite_Webpage": "web"})
    assert [x.template for x in both] == ["cite book", "cite webpage"]


def test_real_corpus_names_and_values_placed():
    n = 0
    for path in data_files(CORPUS / "wikitext", "*.wiki"):
        text = path.read_text(encoding="utf-8")
        for c in _cites(text):
            n += 1
            assert text[c.start:c.start + 2] == "{{" and text[c.end - 2:c.end] == "}}"
            for p in c.named():
                assert text[p.start:p.name_end] == p.name
    assert n > 2500
