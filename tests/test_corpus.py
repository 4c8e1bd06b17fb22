"""Real articles (tests/data/corpus/wikitext): the known defects are found at their lines, and nothing else.

Every finding listed here was checked by hand against the article text. The traps — local
reference-list templates ({{Verwysings}}, {{fotnoteliste}}), the HTML-escaped anarchism article, refs
in section headings, refs in comments — must stay silent.
"""

from __future__ import annotations

import pytest

from citelint.engine import check_document
from citelint.settings import Settings
from citelint.model import Document
from citelint.sources import read_document
from paths import CORPUS, need, read_data

WIKITEXT = CORPUS / "wikitext"

BAZOOKA_DUPLICATES = [  # German short citations pasted again instead of reused (Check Wikipedia #81)
    "31:734", "171:1167", "173:523", "175:517", "183:144", "218:328", "222:1577", "249:639", "251:874",
    "253:81", "311:325", "316:133", "316:305", "316:569", "318:1227",
]

EXPECTED = {
    # README: clean big baseline. Two true findings the README's quick scan missed:
    # the same {{cite journal}} pasted twice on line 183, and name=APJ-20200722" (Check Wikipedia #104).
    "wpcleaner__en_2020_in_science.wiki": {"183:1385 duplicate-ref", "506:569 malformed-ref"},
    # README defect, line 5134: <references group="" responsive="0">{{reflist}}</div></div>, never closed
    "wpcleaner__en_Windows_10_version_history.wiki": {"5134:1 malformed-ref"},
    "wpcleaner__fr_Liste_des_noms_de_famille_basques.wiki": set(),
    "wtf__Bazooka.wiki": {f"{p} duplicate-ref" for p in BAZOOKA_DUPLICATES},  # each verified below
    "wtf__Bodmin.wiki": set(),
    "wtf__Chemical-biology.wiki": set(),
    "wtf__Clint-Murchison-Sr.wiki": set(),
    # trap: {{Verwysings|2}} is the Afrikaans reference list; refs in headings count. One true duplicate.
    "wtf__Mark-Behr.wiki": {"56:1196 duplicate-ref"},
    "wtf__Mozilla-Firefox.wiki": set(),
    # README defect, line 367: stray }}</ref> whose <ref>{{ was lost; plus the pop2015 source pasted again
    "wtf__United-Kingdom.wiki": {"367:1487 malformed-ref", "468:404 duplicate-ref"},
    "wtf__al_Haytham.wiki": set(),
    "wtf__anarchism.wiki": set(),  # trap: the whole article is HTML-escaped (&lt;ref&gt;): no refs at all
    "wtf__earthquakes.wiki": set(),  # list-defined refs inside {{Reflist|…}}'s first parameter
    "wtf__statoil.wiki": set(),  # trap: {{fotnoteliste}} is the Nynorsk reference list
    "wtf__toronto.wiki": set(),
}


def findings_for(name: str):
    doc = read_document(str(need(WIKITEXT / name)))
    assert isinstance(doc, Document), f"{name}: could not be read: {doc}"
    return check_document(doc, Settings())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article(name):
    got = {f"{f.line}:{f.column} {f.rule}" for f in findings_for(name)}
    assert got == EXPECTED[name]


def test_corpus_is_all_here():
    assert sorted(p.name for p in need(WIKITEXT).glob("*.wiki")) == sorted(EXPECTED)


def test_bazooka_duplicates_are_true():
    """Each duplicate-ref names an earlier line whose ref has exactly the same normalised text."""
    fs = [f for f in findings_for("wtf__Bazooka.wiki")]
    assert {f.rule for f in fs} == {"duplicate-ref"}
    text = read_data(WIKITEXT / "wtf__Bazooka.wiki").splitlines()
    for f in fs:
        quoted = f.message.split(': "', 1)[1].split('";')[0].rstrip("…")
        earlier = int(f.message.split("line ")[1].split(":")[0])
        assert quoted in " ".join(text[f.line - 1].split())
        assert quoted in " ".join(text[earlier - 1].split())
