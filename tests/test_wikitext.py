"""The wikitext parser: what counts as a ref, list or reuse, and exact spans on real pages."""

from __future__ import annotations

import pytest

from citelint.engine import check_document
from citelint.model import Document
from citelint.parsers.templates import default_table
from citelint.parsers.wikitext import parse_wikitext
from citelint.settings import Settings
from paths import CORPUS, data_files, read_data


def rules(text: str) -> list[str]:
    return [f"{f.line}:{f.column} {f.rule}" for f in check_document(Document("t.wiki", text, "wikitext"), Settings())]


@pytest.mark.parametrize("quoted", ['name="a b"', "name='a b'", 'name = "a b"', "NAME=\"a b\""])
def test_name_quoting_styles(quoted):
    m = parse_wikitext(f"x<ref {quoted}>Text</ref> y<ref name=\"a b\"/>")
    assert [(u.key, u.origin) for u in m.uses] == [("a b", "ref"), ("a b", "reuse")]


def test_unquoted_name_and_case_insensitive_tag():
    m = parse_wikitext("x<REF name=smith>Text</REF> y<ref name=smith />")
    assert [u.key for u in m.uses] == ["smith", "smith"]


@pytest.mark.parametrize("wrapper", [
    "<!-- {} -->", "<nowiki>{}</nowiki>", "<pre>{}</pre>", "<syntaxhighlight lang=html>{}</syntaxhighlight>",
    "<source lang=html>{}</source>", "<math>{}</math>",
])
def test_refs_in_opaque_places_do_not_count(wrapper):
    text = "Para.<ref>A</ref>\n" + wrapper.format('<ref name="gone" />') + "\n{{reflist}}\n"
    assert rules(text) == []


def test_refs_in_headings_links_and_templates_count():
    text = ("== Title<ref name=h>H</ref> ==\n[[File:X.jpg|thumb|Caption<ref name=c>C</ref>]]\n"
            "{{Infobox|field=Value<ref name=i>I</ref>}}\n<ref name=h/><ref name=c/><ref name=i/>\n{{reflist}}\n")
    m = parse_wikitext(text)
    assert sorted(d.key for d in m.definitions) == ["c", "h", "i"]
    assert rules(text) == []


def test_efn_and_notelist_groups():
    assert rules("A.{{efn|Note}}\n{{notelist}}\nB.<ref>R</ref>\n{{reflist}}\n") == []
    assert rules("A.{{efn|Note}}\nB.<ref>R</ref>\n{{reflist}}\n") == ["1:3 missing-reflist"]


def test_tag_ref_and_r_template():
    text = "A.{{#tag:ref|Text|name=t}} B.{{r|t}} C.{{r|missing}}\n{{reflist}}\n"
    assert rules(text) == ["1:40 undefined-ref"]


def test_reflist_refs_parameter_defines():
    text = 'A.<ref name="x" />\n{{reflist|refs=\n<ref name="x">X</ref>\n<ref name="y">Y</ref>\n}}\n'
    assert rules(text) == ["4:1 unused-ref"]


def test_refs_after_last_list_warn():
    assert rules("A.<ref>R</ref>\n<references />\nB.<ref>Late</ref>\n") == ["3:3 missing-reflist"]


def test_local_templates_from_configuration():
    text = "A.<ref>R</ref>\n{{Bronnen}}\n"
    assert rules(text) == ["1:3 missing-reflist"]
    table = default_table().extended({"reflist": {"Bronnen": {}}})
    m = parse_wikitext(text, table)
    assert [r.group for r in m.reflists] == [""]


def test_pathological_input_finishes():
    text = "{{" * 20000 + "<ref>x" * 20000 + "[[" * 20000
    parse_wikitext(text)  # must return, not hang or overflow


@pytest.mark.parametrize("path", data_files(CORPUS / "wikitext", "*.wiki"), ids=lambda p: p.name)
def test_spans_are_exact_on_real_pages(path):
    text = read_data(path)
    m = parse_wikitext(text)
    for tag in m.tags:
        s = text[tag.span.start:tag.span.end]
        assert s[:4].lower() == "<ref" or s.startswith("{{"), s[:80]
        if s.startswith("<") and not tag.self_closing:
            assert s.rstrip().lower().endswith(f"</{tag.name}>")
        for a in tag.attrs:
            if s.startswith("<"):
                assert text[a.span.start:a.span.end].lower().startswith(a.name)
    for d in m.definitions:
        if d.content_start >= 0:
            assert text[d.content_start:d.content_start + len(d.content)] == d.content
    for u in m.uses:
        s = text[u.span.start:u.span.end]
        assert s[:4].lower() == "<ref" or s.startswith("{{")
