"""Template names as MediaWiki resolves them (``parsers.templates.canonical_name``): spaces and underscores
alike, the first letter's case, and the ``Template:`` prefix in any case with spaces or underscores around its
colon (``{{Template : Reflist}}`` is Template:Reflist to MediaWiki's title parser)."""

from __future__ import annotations

import pytest

from citelint.engine import check_document
from citelint.model import Document
from citelint.parsers.templates import canonical_name
from citelint.settings import Settings


@pytest.mark.parametrize("written", ["Reflist", "reflist", " reflist ", "Template:Reflist", "template:reflist",
                                     "TEMPLATE: reflist", "Template : Reflist", "template_:_reflist",
                                     "_Template_:_reflist_"])
def test_spellings_of_one_template(written):
    assert canonical_name(written) == "Reflist"


@pytest.mark.parametrize("written", ["Templatereflist", "Template:: reflist", ":reflist", "Talk:Reflist"])
def test_other_names_stay_other(written):
    assert canonical_name(written) != "Reflist"


@pytest.mark.parametrize("parser", ["scan", "full"])
def test_a_reference_list_with_spaces_around_the_namespace_colon_shows_the_refs(parser):
    """``{{Template : Reflist}}`` was not known as a reference list: the page got a false missing-reflist."""
    text = "A claim.<ref>{{cite book |title=T |author=A |year=2001}}</ref>\n\n{{Template : Reflist}}\n"
    found = check_document(Document("p.wiki", text, "wikitext"), Settings(parser=parser))
    assert [f.rule for f in found if f.rule == "missing-reflist"] == []
