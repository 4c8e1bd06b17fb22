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

# {{harvnb|sabra|1989}} and the like: anchors are case-sensitive, the full citation is CITEREFSabra1989
HAYTHAM_NO_TARGET = ["54:1244", "54:1631", "56:667", "56:948", "62:1472", "69:354", "70:744", "80:1800", "80:2210",
                     "93:399", "102:97", "102:405", "112:252", "116:846", "120:332", "122:212", "145:209", "149:436",
                     "151:399", "168:291", "168:601", "247:3858"]
# bibliography entries under "Sources" that no short citation names (Simon 2006, El-Bizri 2009a/b, Grant 2008…)
HAYTHAM_UNCITED = ["288:3", "300:3", "312:3", "327:3", "338:3", "427:3", "509:3", "520:3", "549:3", "671:3",
                   "704:3", "915:3", "944:3", "1046:3", "1071:3", "1141:3", "1206:3", "1346:3", "1391:3"]
# the same work listed again under "Further reading" (Sabra 1989, Smith 2001…), and Falco's two 2007 papers
HAYTHAM_MULTIPLE = ["634:3", "1433:3", "1448:3", "1462:3", "1478:3", "1492:3", "1565:4"]

#: same-source (CL203), each checked by hand: one URL cited twice with different text (access dates, author
#: order, a subtitle added to the title, {{cite web}} vs {{cite news}}), or one ISBN at the same page. The 1,371
#: identifiers of the 15 articles (DOI 494, PMID 277, ISBN 227, bibcode 104, PMC 105, ISSN 80, arXiv 49, OCLC 26,
#: JSTOR 7, HDL 2) are all valid: no invalid-isbn/-issn/-doi/-identifier finding.
SAME_SOURCE = {
    # ZDNet "Intel CSME bug…" (title with and without its subtitle); the Guardian "Ecosystems the size of
    # Amazon…" ({{cite news}} and {{cite web}}); CNN "Marine life…" (access dates 14 and 23 May)
    "wpcleaner__en_2020_in_science.wiki": {"140:2021", "149:758", "209:2147"},
    # blogs.windows.com build post (last/first swapped), the Edge changelog ("…build 10240" and "…10240 1"),
    # Ars Technica "November Update" (with and without the archive), "Announcing … Build 19628" (access dates)
    "wpcleaner__en_Windows_10_version_history.wiki": {"63:991", "239:238", "668:313", "5035:47"},
    # the Netwerk24 obituary: "Netwerk24: URL" and "Gerrit Olivier in Netwerk24 op 29 November 2015: URL"
    "wtf__Mark-Behr.wiki": {"63:976"},
    # Firefox 49 release notes, {{Internetquelle}} twice with different access dates
    "wtf__Mozilla-Firefox.wiki": {"77:288"},
    # Porter's Oxford History vol. III at p. 8 twice (ISBN 0-19-924678-5); Marshall's Cambridge Illustrated
    # History at pp. 156–57 twice; the ONS "2011 UK censuses" page; BBC "Short history of immigration";
    # BFI screenonline Chaplin; Media Newsline "BBC: World's largest broadcaster" (cite journal vs cite web)
    "wtf__United-Kingdom.wiki": {"391:1124", "391:1419", "468:57", "550:3267", "744:3799", "753:428"},
    # geonames.nrcan.gc.ca "The real story of how Toronto got its name" (with "| Earth Sciences")
    "wtf__toronto.wiki": {"150:783"},
}

#: the CS1 content rules (CL52x-CL53x), each checked by hand: tests/test_cs1_content.py says what each one is
CS1_CONTENT = {
    "wpcleaner__en_2020_in_science.wiki": {
        "160:451 cs1-url-status", "160:758 cs1-url-status", "262:685 cs1-missing-periodical",
        "320:848 cs1-missing-periodical", "338:702 cs1-cite-web-url", "338:1019 cs1-accessdate-missing-url",
        "373:636 cs1-cite-web-url", "373:3352 cs1-accessdate-missing-url", "431:894 cs1-generic-name",
        "440:4989 cs1-accessdate-missing-url", "472:564 cs1-cite-web-url", "472:1315 cs1-accessdate-missing-url",
        "477:714 cs1-accessdate-missing-url", "482:851 cs1-cite-web-url", "482:1139 cs1-accessdate-missing-url",
    },
    "wtf__Bodmin.wiki": {
        "28:444 cs1-bad-date", "32:334 cs1-bad-date",
    },
    "wtf__United-Kingdom.wiki": {
        "107:26 cs1-missing-periodical", "180:1295 cs1-citation-missing-title", "232:477 cs1-missing-periodical",
        "698:941 cs1-missing-periodical",
    },
    "wtf__al_Haytham.wiki": {
        "23:418 cs1-invalid-param-val", "26:325 cs1-invalid-param-val", "546:8 cs1-invalid-param-val",
    },
    "wtf__anarchism.wiki": {
        "7:419 cs1-invalid-param-val", "9:323 cs1-invalid-param-val", "10:307 cs1-bad-date",
        "11:226 cs1-invalid-param-val", "15:3332 cs1-bad-date", "17:1740 cs1-invalid-param-val",
        "17:2523 cs1-invalid-param-val", "17:2674 cs1-invalid-param-val", "19:1572 cs1-archive-url",
        "42:3962 cs1-bad-date", "66:1244 cs1-invalid-param-val", "75:1078 cs1-bad-date", "75:1795 cs1-bad-date",
        "116:757 cs1-bad-date", "116:1596 cs1-bad-date", "144:10 cs1-invalid-param-val",
        "165:11 cs1-invalid-param-val", "186:7 cs1-invalid-param-val", "218:2054 cs1-invalid-param-val",
        "264:642 cs1-bad-date", "270:724 cs1-bad-date", "294:415 cs1-bad-date", "304:1572 cs1-invalid-param-val",
        "308:616 cs1-invalid-param-val", "308:1212 cs1-bad-date", "310:1769 cs1-invalid-param-val",
    },
    "wtf__statoil.wiki": {
        "43:389 cs1-bad-date",
    },
    "wtf__toronto.wiki": {
        "142:533 cs1-generic-name", "142:3046 cs1-archive-date-url-ts-mismatch", "653:14 cs1-bad-date",
    },
}

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
    # 148 Harvard short citations ({{harvnb}}, {{harv}}, {{harvtxt}}, {{harvs}}): each finding verified below
    "wtf__al_Haytham.wiki": {f"{p} sfn-no-target" for p in HAYTHAM_NO_TARGET}
    | {f"{p} uncited-fullcite" for p in HAYTHAM_UNCITED}
    | {f"{p} sfn-multiple-targets" for p in HAYTHAM_MULTIPLE}
    | {"9:87 sfn-unverifiable"}  # {{harvnb|Rosenthal|1960–1961}}: a range of years, not modelled
    # the same short citation twice, {{Harvnb|…}} and {{harvnb|…}}: one template to MediaWiki (first letter)
    | {"37:332 duplicate-ref", "145:198 duplicate-ref"},
    # trap: the whole article is HTML-escaped (&lt;ref&gt;): no refs at all. Its templates still render:
    # Paul Thomas's 1985 book is cited in full twice (lines 66 and 218) and {{Harvnb|Thomas|1985}} links to it
    "wtf__anarchism.wiki": {"218:2370 sfn-multiple-targets"},
    "wtf__earthquakes.wiki": set(),  # list-defined refs inside {{Reflist|…}}'s first parameter
    "wtf__statoil.wiki": set(),  # trap: {{fotnoteliste}} is the Nynorsk reference list
    "wtf__toronto.wiki": set(),
}
for _name, _places in SAME_SOURCE.items():
    EXPECTED[_name] = EXPECTED[_name] | {f"{p} same-source" for p in _places}
for _name, _found in CS1_CONTENT.items():
    EXPECTED[_name] = EXPECTED[_name] | _found

#: the CS1 parameter rules (CL505–CL513), each checked by hand against Module:Citation/CS1's 2022-09-17 whitelist:
#: |deadurl= (59) and |dead-url= (9), removed for |url-status=; |trans_title=, |chapterurl=, |displayauthors=,
#: |name-list-format=, |subscription=, |editors=, |editor1link= (old names, each with CS1's suggestion);
#: |coauthors= (removed; 4 of them empty); an empty |work= in {{cite arXiv}} (not in its smaller set); and three
#: external links in |work= (twice) and |title= (statoil: [http://www.dn.no/… Nå har Statoil…]). No redundant
#: aliases, positional text, missing pipes, URL–wikilink conflicts or formats without URLs in the 2,939 citations.
CS1_PARAMS = {
    "wpcleaner__en_2020_in_science.wiki": {
        "cs1-param-unknown-empty": ["111:1101"],
        "cs1-parameter-ignored": ["13:1700", "131:4693", "401:396", "428:514"],
    },
    "wtf__Bodmin.wiki": {"cs1-parameter-ignored": ["26:251", "30:242", "106:621"]},
    "wtf__Clint-Murchison-Sr.wiki": {"cs1-param-has-ext-link": ["5:267"]},
    "wtf__United-Kingdom.wiki": {
        "cs1-parameter-ignored": ["155:1929", "155:2942", "155:4312", "166:1962", "265:361", "279:2695", "285:864",
                              "308:707", "312:1844", "330:1019", "339:1117", "339:1912", "360:1267", "371:2144",
                              "389:1628", "389:2192", "389:3056", "389:3669", "396:2114", "396:2512", "403:1048",
                              "413:776", "437:363", "452:1453", "466:432", "478:1703", "525:649", "527:329",
                              "529:2656", "540:996", "552:1527", "554:1282", "561:853", "561:1490", "662:373",
                              "662:1589", "667:666", "673:793", "680:425", "698:2309", "709:634", "718:1537",
                              "718:2919", "725:453", "748:327", "752:554", "753:1144", "753:1589", "753:2166",
                              "755:1441", "769:850"],
    },
    "wtf__al_Haytham.wiki": {
        "cs1-parameter-ignored": ["39:256", "49:1115", "389:3", "406:3", "543:4", "1150:3", "1237:3", "1572:133"],
    },
    "wtf__anarchism.wiki": {
        "cs1-param-unknown-empty": ["42:6534", "139:401", "139:737", "262:672"],
        "cs1-param-has-ext-link": ["114:1577"],
        "cs1-parameter-ignored": ["7:375", "9:178", "14:1290", "17:648", "19:1749", "114:1463", "218:2865", "304:1155"],
    },
    "wtf__statoil.wiki": {"cs1-param-has-ext-link": ["43:300"]},
    "wtf__toronto.wiki": {
        "cs1-parameter-ignored": ["142:2029", "303:1185", "348:766", "620:500", "640:185", "685:339", "685:654",
                              "687:382", "735:2"],
    },
}
for _name, _by_rule in CS1_PARAMS.items():
    EXPECTED[_name] = EXPECTED[_name] | {f"{p} {rule}" for rule, places in _by_rule.items() for p in places}


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


def test_haytham_short_citations_are_true():
    """Each sfn-no-target differs from an anchor of the page in capitals only (named in its message); each
    uncited-fullcite's anchor is named by no short citation in any spelling; each sfn-multiple-targets
    names an earlier full citation with the same surname and year."""
    import re

    fs = findings_for("wtf__al_Haytham.wiki")
    text = read_data(WIKITEXT / "wtf__al_Haytham.wiki")
    lines = text.splitlines()
    shorts = re.findall(r"\{\{\s*(?:harv\w*|sfn\w*)\s*\|([^{}]*)\}\}", text, re.IGNORECASE)
    for f in fs:
        if f.rule == "sfn-no-target":
            target, near = re.search(r"anchor (CITEREF\S+) \(the page has (CITEREF[^:,)]+)", f.message).groups()
            assert target != near and target.casefold() == near.casefold(), f.message
        elif f.rule == "uncited-fullcite":
            anchor = re.search(r"anchor (CITEREF[^)]+)\)", f.message).group(1)
            surname = re.match(r"CITEREF([A-Z][a-z'-]+?)(?=[A-Z_]|\d)", anchor).group(1)
            year = re.search(r"\d{4}[a-z]?$", anchor).group()
            assert not any(surname.lower() in s.lower() and year in s for s in shorts), anchor
            assert re.match(r"\*\s*\{\{\s*(citation|cite )", lines[f.line - 1], re.IGNORECASE)  # a list entry
        elif f.rule == "sfn-multiple-targets":
            anchor, first = re.search(r"anchor (CITEREF\S+) as the one on line (\d+)", f.message).groups()
            surname = re.match(r"CITEREF([A-Za-z'-]+)", anchor).group(1)
            for n in (int(first), f.line):
                entry = " ".join(lines[n - 1:n + 12])
                assert re.search(r"last\s*=\s*" + re.escape(surname), entry), (anchor, n)
