"""citelint agrees with MediaWiki on the pages the MediaWiki oracle found it disagreeing on (issue 8).

Each case of tests/cite_regressions.py failed before the fix it names; tests/oracle/test_oracle.py
checks the expected values against a real MediaWiki where one is installed.
"""

import pytest

from cite_regressions import CASES
from oracle.differential import citelint_rules


@pytest.mark.parametrize("name,page,mediawiki,citelint", CASES, ids=[c[0] for c in CASES])
def test_citelint_agrees(name, page, mediawiki, citelint):
    assert set(citelint_rules(page)) == (mediawiki if citelint is None else citelint), page


def test_broken_quoting_is_reported_as_what_it_is():
    """Junk after a value is dropped by MediaWiki: the finding says so and gives MediaWiki's reading,
    not an "unknown attribute" that MediaWiki never sees."""
    from citelint.engine import check_document
    from citelint.model import Document
    from citelint.settings import Settings

    page = '<ref name=a group=g 1">x</ref><references group=g/>'
    found = [f for f in check_document(Document(path="p.wiki", text=page, kind="wikitext"), Settings())
             if f.rule == "malformed-ref"]
    assert len(found) == 1 and (found[0].line, found[0].column) == (1, 6)
    assert "unknown attribute" not in found[0].message
    assert 'MediaWiki reads them as name="a" group="g"' in found[0].message


def test_missing_gt_is_one_finding_at_the_tag():
    """An opening tag without its ">" is reported once, at the tag, saying where MediaWiki ends it,
    not as unknown attributes or a stray </ref>."""
    from citelint.engine import check_document
    from citelint.model import Document
    from citelint.settings import Settings

    page = "Text.<ref name=a Smith 2001.\n<ref>Jones.</ref>"
    found = [f for f in check_document(Document(path="p.wiki", text=page, kind="wikitext"), Settings())
             if f.rule == "malformed-ref"]
    assert len(found) == 1 and (found[0].line, found[0].column) == (1, 6), found
    assert "no closing > of its own" in found[0].message and "(line 2)" in found[0].message
