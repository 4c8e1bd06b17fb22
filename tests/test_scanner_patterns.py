"""The scanner's cheaper forms of its own searches find what the forms they replace found, on the real corpus
and on random strings of the characters the patterns mention (the differential tests then check the models).

- the candidate search (``_CANDIDATE``): the tag's ``<`` written outside its ``(?-i:…)``, so that every
  alternative starts with a literal and the regex engine skips to the next of their first characters, where it
  tried every alternative at every character of the page;
- ``wikitext._COUNTED_TAGS``: the three tag patterns ``_defuse_needed`` counted in three passes, in one.
"""

from __future__ import annotations

import random
import re

from citelint.parsers import scanner
from paths import CORPUS, need

ALPHABET = ["<", "/", " ", "\n", "\t", ":", "r", "R", "e", "f", "ref", "<ref", "</ref>", ">", "a", "Z", "{", "}",
            "{{", "}}", "[[", "]]", "[", "]", "|", "//", "http:", "HTTP:", "ftp:", "<!--", "-->", "\ue000", "{|",
            "|}", "-", "=", '"', "<br/>", "<nowiki>", "b"]


def texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted(need(CORPUS / "wikitext").glob("*.wiki"))]
    rnd = random.Random(11)
    out += ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randrange(1, 80))) for _ in range(4_000)]
    return out


OLD_CANDIDATE = re.compile(scanner._CANDIDATE.pattern.replace("|<(?-i:" + scanner._TAG.pattern[1:] + ")",
                                                               "|(?-i:" + scanner._TAG.pattern + ")", 1),
                           scanner._CANDIDATE.flags)


def test_the_candidate_search_finds_what_it_found():
    """``_CANDIDATE`` against its form before the ``<`` moved: the same matches, spans and groups, searched
    from each candidate's end as the scan does, with the stretch's end some way on or cut short at random."""
    assert OLD_CANDIDATE.pattern != scanner._CANDIDATE.pattern
    rnd = random.Random(3)
    checked = 0
    for t in texts():
        assert [(m.span(), m.groups()) for m in OLD_CANDIDATE.finditer(t)] == [
            (m.span(), m.groups()) for m in scanner._CANDIDATE.finditer(t)], t[:200]
        starts = range(len(t)) if len(t) < 80 else [m.end() for m in scanner._CANDIDATE.finditer(t)]
        for pos in starts:
            end = rnd.randrange(pos, min(len(t), pos + 2_000) + 1)
            a, b = OLD_CANDIDATE.search(t, pos, end), scanner._CANDIDATE.search(t, pos, end)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (t[:200], pos, end)
            checked += 1
    assert checked > 50_000


def test_the_candidate_search_is_linear_on_runs_of_one_character():
    """``_CANDIDATE`` on 200,000 copies of each character it mentions: well under a second each (a pattern
    that backtracked would take minutes)."""
    import time

    for c in sorted(set("".join(ALPHABET))):
        text = c * 200_000
        t0 = time.perf_counter()
        list(scanner._CANDIDATE.finditer(text))
        assert time.perf_counter() - t0 < 5, repr(c)


def test_the_counted_tags_are_the_three_patterns_found_apart():
    """``wikitext._COUNTED_TAGS`` (one pass for ``_defuse_needed``) finds, at the same places, what ``_PAIRS``,
    ``_NO_GT_OVER_LINES`` and ``_PAIRED_TAG`` find apart (``test_scanner_prepass`` then checks the answer)."""
    from citelint.parsers import wikitext

    rnd = random.Random(5)
    extra = ["<div", "<div>", "</div>", "<references>", "</references >", "<REF/>", "<li>", "<a-b", "\n", "<ref\n"]
    for t in texts() + ["".join(rnd.choice(ALPHABET + extra) for _ in range(60)) for _ in range(3_000)]:
        apart = sorted([(m.start(), "pair", m.group()) for p in wikitext._PAIRS.values() for m in p.finditer(t)]
                       + [(m.start(), "no-gt", m.group()) for m in wikitext._NO_GT_OVER_LINES.finditer(t)]
                       + [(m.start(), "paired", m.group()) for m in wikitext._PAIRED_TAG.finditer(t)])
        together = [(m.start(), "pair" if m.group(1) or m.group(3) else "no-gt" if m.group(4) else "paired",
                     m.group()) for m in wikitext._COUNTED_TAGS.finditer(t)]
        assert together == apart, t[:200]


def test_the_counted_tags_are_linear_on_runs_of_one_character():
    import time

    from citelint.parsers import wikitext

    for c in sorted(set("<ref/>references \n\ta-Z")) + ["<ref ", "<a\n", "</ref "]:
        t0 = time.perf_counter()
        list(wikitext._COUNTED_TAGS.finditer(c * (200_000 // len(c))))
        assert time.perf_counter() - t0 < 5, repr(c)
