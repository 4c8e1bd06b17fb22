"""The shared layer every rule reads (ref contents parsed, their URLs, URL judgements), made faster without
changing what it finds: each shortcut against the slow way it stands in for, on the real corpus and on
garbage; the bounded memos that let a history dump's revisions re-parse only their new refs; the
immutable shapes those memos hand out."""

from __future__ import annotations

import dataclasses
import random
import re
import tracemalloc

import pytest

from citelint import citations, memo
from citelint.engine import check_document, parse_document
from citelint.links import extract, urls
from citelint.links.extract import CitedUrl, Template, extract_urls, mask, scan_templates, trimmed_value
from citelint.model import Document, normalize
from citelint.settings import Settings
from paths import CORPUS, need

def _corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(need(CORPUS / "wikitext").glob("*.wiki"))]


def _corpus_refs() -> list[str]:
    """Every ref content of the 15 articles, and each article's text outside its refs."""
    out = []
    for text in _corpus_texts():
        model = parse_document(Document("a.wiki", text, "wikitext"), Settings())
        out.extend(r.definition.content for r in citations.parsed_refs(model, text))
        out.append(citations.outside_refs(model, text).masked)
    return out


def _garbage(seed: int, n: int, pieces: list[str], most: int = 40) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, most))) for _ in range(n)]


def _shape(templates) -> list:
    return [(t.start, t.end, t.name, tuple(t.params)) for t in templates]


def test_template_shortcuts_find_what_the_token_scan_finds():
    """A flat template (no template inside, whole links only) split at once, and a whole link taken as one
    token, give the templates and parameters the token-by-token scan gives."""
    pieces = ["{{", "}}", "{{{", "}}}", "[[", "]]", "[", "]", "|", "=", "a", " ", "{", "}", "x=y", "\x00",
              "cite web|url=", "[[a|b]]", "[[c=d]]", "\n"]
    texts = [mask(t) for t in _corpus_refs()] + _garbage(20261201, 20000, pieces)
    flat = 0
    for s in texts:
        slow = _shape(scan_templates(s, fast=False))
        assert _shape(scan_templates(s)) == slow, repr(s[:200])
        assert _shape(scan_templates(s, base=1000)) == slow, repr(s[:200])  # (with the layouts)
        flat += bool(extract._FLAT_TEMPLATE.match(s, max(s.find("{{"), 0)))
    assert flat > 2000  # the shortcut is what most real citations take


def test_layouts_made_by_the_scan_are_the_ones_cs1_makes():
    """The Params the template scan makes while it splits a flat template (``Template.layout``) are the
    ones ``cs1`` lays out from the split template (its own way, for the templates without a layout):
    names, values and every offset, on the corpus and on garbage with links, comments, odd white space."""
    from citelint import cs1
    from citelint.links.extract import Param

    pieces = ["{{", "}}", "[[", "]]", "|", "=", "a", " ", "\t", "\u3000", "x=y", "\x00", "cite web|url=",
              "[[a|b]]", "[[c=d]]", "\n", "[[ e ]]", "\x1c", " = ", "b ", "\xa0"]
    rnd = random.Random(5)
    made = links = 0
    for s in [mask(t) for t in _corpus_refs()] + _garbage(20261202, 20000, pieces):
        base = rnd.randint(0, 1000)
        for t in scan_templates(s, base=base):
            if t.layout is None:
                continue
            made += 1
            links += "[[" in s[t.start:t.end]
            b0, name_start, name_end, params = t.layout
            ns, ne, rows = cs1._layout_now(s, t)
            o = base + t.start
            assert b0 == base and all(type(p) is Param for p in params)
            assert (name_start, name_end, params) == (o + ns, o + ne, tuple(
                Param(n, i, o + a, o + b, o + c, o + d, v, o + e, o + f) for n, i, a, b, c, d, v, e, f in rows)), \
                repr(s[t.start:t.end])
    assert made > 6000 and links > 1000
    assert scan_templates("{{cite web|url=x}}")[0].layout is None  # (only when asked, with a base)
    # a comment inside, or a link in a parameter's name: no layout (cs1 makes its own)
    assert [t.layout for t in scan_templates("{{a|b=\x00\x00|c}}{{a|[[b|c]]=d}}{{[[a]]|b}}", base=0)] == [None] * 3


def test_flat_templates_found_with_find_are_the_regex_ones():
    """``_flat_end`` (str.find, the regex only where a bracket is) ends a flat template where
    ``_FLAT_TEMPLATE`` does, at every "{{" of the corpus and of garbage."""
    pieces = ["{{", "}}", "{", "}", "[[", "]]", "[", "]", "|", "a", " ", "[[a|b]]", "{{{", "}}}", "x=y", "\n"]
    tried = 0
    for s in [mask(t) for t in _corpus_refs()] + _garbage(20261204, 20000, pieces, 30):
        pos = s.find("{{")
        while pos >= 0:
            m = extract._FLAT_TEMPLATE.match(s, pos)
            assert extract._flat_end(s, pos) == (m.end() if m else -1), repr(s[pos:pos + 200])
            tried += 1
            pos = s.find("{{", pos + 1)
    assert tried > 50000


def test_a_flat_template_with_links_splits_outside_them():
    s = "{{cite web |title=[[A|B=c]] and [[D]] |url=http://x.org/ |publisher=[[E|F]]}}"
    (t,) = scan_templates(s)
    assert [(k, s[vs:ve]) for k, _w, vs, ve in t.params] == [
        ("title", "[[A|B=c]] and [[D]] "), ("url", "http://x.org/ "), ("publisher", "[[E|F]]")]
    assert extract._FLAT_TEMPLATE.match(s)  # (taken by the shortcut, not the token loop)


def test_a_run_of_links_inside_a_template_is_one_token_and_splits_as_the_token_scan():
    """A run of whole links with text between them that holds no token and no "=" is one token of the fast
    scan (a list of links inside a template is not gone through link by link); the parameters split as the
    token-by-token scan splits them, with "=" and "|" between links, inside links and at the run's ends."""
    rows = "".join(f"* [[N{i}]] ([[M{i}|m]])\n" for i in range(500))
    s = "{{Colonnes|n=3|1=\n" + rows + "{{page h'|X}} [[a]] b=c [[d=e]] | [[f]]=g [[h|i=j]] k | l [[m]]}}"
    assert _shape(scan_templates(s)) == _shape(scan_templates(s, fast=False))
    (outer,) = [t for t in scan_templates(s) if t.name == "colonnes"]
    assert [(k, s[vs:ve].strip()[-14:]) for k, _w, vs, ve in outer.params] == [
        ("n", "3"), ("1", "{{page h'|X}} [[a]] b=c [[d=e]]"[-14:]), ("[[f]]", "g [[h|i=j]] k"), (None, "l [[m]]")]
    runs = [m.group() for m in extract._TOKENS_FAST.finditer(s) if m.group().startswith("[[")]
    assert runs[0] == rows[2:-2] and len(runs) < 10
    pieces = ["[[a]]", "[[b|c]]", "[[d=e]]", " ", "x", "=", "|", "[[", "]]", "{{f}}", "{{", "}}", "\n", "["]
    for g in _garbage(20261205, 20000, pieces, 30):
        t = "{{t|{{u}}" + g + "}}"
        assert _shape(scan_templates(t)) == _shape(scan_templates(t, fast=False)), repr(t)


_URL_PIECES = ["http", "https", "HTTP", "HtTpS", "://", "//", ":", "/", "?", "#", "&", "=", "%", "%20", "a", "B",
               "0", "-", "_", ".", "..", "~", "!", "$", "'", "(", ")", "*", "+", ",", ";", "@", "[", "]", "{", "}",
               "|", "\\", "^", "`", '"', "<", ">", " ", "ä", "\t", "x" * 64, "www.", ".com", ":80", ":8080",
               "\x00", "\x7f", "example", "org", "/path", "?q=1", "\u0130", "\u0131", "\u017f", "\u212a"]


def test_plain_urls_are_judged_as_urlsplit_judges_them():
    """The common URL, judged without urlsplit, gets the judgement and normal form of the full way."""
    rnd = random.Random(7)
    written = []
    for text in _corpus_texts():
        written.extend(m.group() for m in re.finditer(r"(?i)https?://[^\s\[\]<>\"|{}]+", text))
    for _ in range(25000):
        host = ".".join(rnd.choice(["a", "ex-ample", "B_c", "x" * rnd.randint(1, 70), "0"]) for _ in range(3))
        written.append(rnd.choice(["http://", "https://", "HTTP://", "hTTps://"]) + host
                       + "".join(rnd.choice(_URL_PIECES) for _ in range(rnd.randint(0, 10))))
    plain = 0
    for url in written:
        m = urls._PLAIN.fullmatch(url)
        if m is not None and len(m.group(2)) <= 63:
            plain += 1
            assert urls._plain(m) == urls._judge(url), url
        assert urls.judge(url) == urls._judge(url), url
        short = urls.plain_url(url)  # (what the link extraction takes first)
        assert short == (urls._plain(m).url if m is not None and len(m.group(2)) <= 63 else None), url
    assert plain > 4000
    # the four letters IGNORECASE folds into [A-Za-z]: "httpſ" is no scheme, the others are quoted or punycoded
    for url in ["http\u017f://a.org/", "https://\u0131a.org/", "https://a.org/\u0130", "https://a.org/x?\u017f",
                "https://\u212a.org/#\u0131"]:
        assert urls.judge(url) == urls._judge(url), url
    assert urls.judge("http\u017f://a.org/").url is None and urls.judge("https://a.org/\u0130").url == \
        "https://a.org/%C4%B0"


def test_bare_url_search_is_the_lookbehind_search():
    old = re.compile(r"(?<![A-Za-z0-9_/])https?://[^\s\[\]<>\"\x00{}|]+", re.IGNORECASE)
    pieces = ["http://", "HTTPS://", "hTTp://", "a", "/", "_", "-", ".", " ", "x.org", "|", "[", "9", "://", "h"]
    for s in _corpus_texts() + _garbage(11, 20000, pieces, 20):
        assert [m.span() for m in extract._bare_urls(s)] == [m.span() for m in old.finditer(s)], s[:100]


def test_bracket_search_is_the_lookbehind_search():
    old = re.compile(r"(?<!\[)\[((?:https?:)?//[^\s\[\]<>\"\x00{}]+)([^\]\n]*)\]", re.IGNORECASE)
    pieces = ["[", "[[", "]", "http://", "HTTPS://", "//", "x.org", " ", "t", "\n", "{", "|"]
    for s in _corpus_texts() + _garbage(12, 20000, pieces, 20):
        assert [m.span(1) + m.span(2) for m in extract._BRACKET.finditer(s)] == \
               [m.span(1) + m.span(2) for m in old.finditer(s)], s[:100]


def test_urls_found_without_searching_where_no_link_can_be_are_the_full_search():
    """Where no "//" is left outside a ref's URL parameters, its links and bare URLs are not searched for:
    what is found is what the full search finds, on the corpus and on garbage."""
    pieces = ["{{cite web", "|url=", "|archive-url=", "|url-status=dead", "http://", "https://a.org/", "//b.org",
              "[", "]", "[[", "]]", "}}", "{{", " ", "|", "=", "x", "/", ":", "\x00", "{{dead link}}", "[//c.org t]",
              "|title=", "''", "&lt;"]
    texts = _corpus_refs() + _garbage(20261203, 20000, pieces, 30)
    found = 0
    for content in texts:
        got = extract_urls(content, 17)
        assert got == extract_urls(content, 17, fast=False), repr(content[:200])
        found += len(got)
    assert found > 5000


def test_a_ref_seen_at_another_place_gets_its_own_offsets():
    """The memos keep a ref's templates, Params and URLs as first made (at its first place): the same ref
    further down another page gets them at its own place, as if parsed there."""
    from citelint import cs1

    ref = "<ref>{{cite web |url=http://a.org/1 |title=One |work=[[W|w]]}} [http://b.org/ B] http://c.org/</ref>"
    first = "Intro." + ref + "\n<references/>\n"
    later = "A longer intro, and more." + ref + "\n<references/>\n"
    settings = Settings()

    def seen(text):
        model = parse_document(Document("p", text, "wikitext"), settings)
        return ([(c.start, c.end, c.name_start, c.name_end, c.params) for c in cs1.citations(model, text)],
                citations.cited_urls(model, text))

    memo.clear_all()
    seen(first)
    warm = seen(later)
    assert citations._PARSED.hits and citations._URLS.hits
    memo.clear_all()
    assert warm == seen(later)
    (_s, _e, ns, ne, params), = warm[0]
    assert later[ns:ne] == "cite web" and [later[p.value_start:p.value_end] for p in params] == [
        "http://a.org/1", "One", "[[W|w]]"]
    assert [later[c.start:c.end] for c in warm[1][0]] == ["http://a.org/1", "http://b.org/", "http://c.org/"]


def test_trimmed_value_trims_what_isspace_calls_white_space():
    import sys

    assert extract._WHITE == "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    s = "\u3000\x00 a\x00b \xa0\x00\n"
    assert trimmed_value(s, 0, len(s)) == (3, 6, "ab")
    assert trimmed_value("x", 1, 1) == (1, 1, "")


def test_made_fast_is_made_the_same():
    """``memo.maker``'s constructors (slots set directly) make what the dataclasses' own make: equal, hashed
    alike, every field in its place, still frozen."""
    from citelint import cs1

    rnd = random.Random(6)
    for cls in (CitedUrl, citations.ParsedRef, Template, cs1.Citation):
        make = memo.maker(cls)
        for _ in range(200):
            values = [rnd.choice([None, 0, 7, "x", "url", (), (1, 2), True]) for _ in dataclasses.fields(cls)]
            a, b = make(*values), cls(*values)
            assert type(a) is cls and a == b and dataclasses.astuple(a) == dataclasses.astuple(b) == tuple(values)
            if cls is not cs1.Citation:  # (a Citation holds dicts: not hashable)
                assert hash(a) == hash(b)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(a, dataclasses.fields(cls)[0].name, 1)


def test_the_url_word_is_found_as_the_lower_case_copy_finds_it():
    """``may_hold_urls`` looks for "url" in any case without a lower-case copy of the content: no character
    but u, r, l and their capitals lower-cases to one holding u, r or l."""
    import sys

    assert [c for c in map(chr, range(sys.maxunicode + 1)) if set(c.lower()) & set("url")] == list("LRUlru")
    pieces = ["u", "U", "r", "R", "l", "L", "/", "//", "x", "\u0130", "\u212a", "ur", "RL", " "]
    for content in _corpus_refs() + _garbage(20261206, 20000, pieces, 12):
        assert extract.may_hold_urls(content) == ("//" in content or "url" in content.lower()), content


def test_shared_shapes_are_immutable():
    """The memos hand the same templates and URLs to every revision: nobody may change them."""
    (t,) = scan_templates("{{cite web|url=http://a.org/}}")
    assert isinstance(t.params, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.name = "x"
    s, templates = citations.parse_content("{{cite web|url=http://a.org/}}")
    assert isinstance(templates, tuple) and all(isinstance(x, Template) for x in templates)
    assert isinstance(citations.content_urls("http://a.org/"), tuple)


def test_urls_moved_to_their_place_keep_every_field():
    content = "{{cite web |url=http://a.org/x |url-status=dead |archive-url=ftp://b.org/}} {{dead link}} [//c.org t]"
    for c in citations._shifted(citations.content_urls(content), 1000):
        here = next(x for x in extract_urls(content, 1000) if x.start == c.start)
        assert c == here
        assert dataclasses.astuple(c)[2:] == dataclasses.astuple(here)[2:]
    names = [f.name for f in dataclasses.fields(CitedUrl)]
    assert names[:2] == ["start", "end"] and len(names) == 13  # _shifted passes all 13, in this order


def _revisions() -> list[Document]:
    """Revisions of a real article, as a history dump holds them: refs edited, added, moved, removed."""
    text = need(CORPUS / "wikitext" / "wtf__Bazooka.wiki").read_text(encoding="utf-8")  # 127 refs in 69 KB
    refs = [m.span() for m in re.finditer(r"<ref[^>/]*>.*?</ref>", text, re.DOTALL)]
    (a1, b1), (a2, b2), (a3, _b3) = refs[3], refs[10], refs[20]
    edited = text[:a1] + text[a1:b1].replace("|", " |", 1) + text[b1:]
    revs = [text, edited, edited[:a2] + edited[b2:], text[:a3] + "<ref>{{cite web |url=http://new.org/ |title=New"
            "}}</ref>" + text[a3:], text[len(text) // 3:]]
    return [Document("p.wiki", t, "wikitext", page="P", revision=str(i)) for i, t in enumerate(revs)]


def test_a_later_revision_parses_only_its_new_refs():
    page = ("Intro.<ref>{{cite web |url=http://a.org/1 |title=One}}</ref> More.<ref>{{cite book |title=Two "
            "|isbn=0-306-40615-2}}</ref>\n<references/>\n")
    later = page.replace("More.", "More.<ref>{{cite news |url=http://c.org/3 |title=Three}}</ref> And.")
    memo.clear_all()
    settings = Settings()
    first = parse_document(Document("p", page, "wikitext"), settings)
    citations.cited_urls(first, page)
    before = citations._PARSED.misses, citations._URLS.misses
    second = parse_document(Document("p", later, "wikitext"), settings)
    got = citations.cited_urls(second, later)
    assert (citations._PARSED.misses - before[0], citations._URLS.misses - before[1]) == (1, 1)  # the new ref only
    assert [later[c.start:c.end] for lst in got for c in lst] == ["http://a.org/1", "http://c.org/3"]


def test_history_findings_are_the_same_with_and_without_the_memos():
    """The memos change nothing but time: the same findings, fingerprints and fixes, whether each revision
    finds its refs already parsed or not."""
    docs = _revisions()
    settings = Settings()
    memo.clear_all()
    warm = [check_document(d, settings) for d in docs]
    hits = citations._PARSED.hits
    assert hits > 200  # (the revisions did share their refs)
    cold = []
    for d in docs:
        memo.clear_all()
        cold.append(check_document(d, settings))
    assert warm == cold and sum(map(len, warm)) > 5
    assert [[(f.fingerprint, f.source_line, f.fix) for f in fs] for fs in warm] == \
           [[(f.fingerprint, f.source_line, f.fix) for f in fs] for fs in cold]


def test_memo_is_bounded_by_weight_and_its_weight_is_honest():
    m = memo.Memo(lambda s: citations._parse_content(s), citations._parsed_weight, 2_000_000)
    rnd = random.Random(3)
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        for i in range(6000):  # ~3x the budget
            m(f"{{{{cite web |url=http://x{i}.org/ |title={rnd.random()} |date={i} |last={i}|first=A}}}}"
              + " <!-- c -->" * (i % 3))
        kept = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    assert m.weight <= 2_000_000 and len(m) < 6000
    assert kept <= 1.5 * 2_000_000  # the estimate does not undercount what is kept
    big = "{{a|b}}" * 100_000  # heavier than a sixteenth of the budget: computed, never kept
    assert m(big)[1] and big not in m._items


def test_normalize_is_the_same_through_the_memo():
    for s in ["  a <!-- x -->  b  " * 10, "x" * 47, "y " * 30, "z\n" * 5000]:
        assert normalize(s) == " ".join(re.sub(r"<!--.*?(?:-->|$)", "", s, flags=re.DOTALL).split())


def _bracket_old(s: str) -> list:
    return [(m.start(), m.end(), m.start(1), m.end(1), m.group(1), m.group(2)) for m in extract._BRACKET.finditer(s)]


def test_bracketed_links_found_in_linear_time_are_the_patterns_matches():
    """``_bracket_links`` (the URL by a pattern, the closing "]" by str.find) gives ``_BRACKET.finditer``'s
    matches, on the corpus and on random strings of the characters that decide them."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(need(CORPUS / "wikitext").glob("*.wiki"))]
    assert sum(len(_bracket_old(t)) for t in texts) > 300
    rnd = random.Random(9)
    pieces = ["[", "]", "[[", "//", "http:", "HTTPS:", "a", " ", "\n", "<", "{", "|", "x", "]]", '"', "é"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 30))) for _ in range(30_000)]
    for t in texts:
        assert list(extract._bracket_links(t)) == _bracket_old(t), t


def test_claimed_spans_answer_as_the_list_they_replace():
    """``_Claimed`` (the union of the spans read as URLs) says a position is in one exactly when some span
    of the list holds it, as spans are added one by one or all at once, overlapping or not."""
    def held(spans, pos):
        return any(a <= pos < b for a, b in spans)

    rnd = random.Random(4)
    for _ in range(3_000):
        spans: list = []
        claimed = extract._Claimed([])
        for _ in range(rnd.randrange(1, 12)):
            a = rnd.randrange(0, 60)
            spans.append((a, a + rnd.randrange(0, 15)))
            if rnd.random() < 0.5:
                claimed.add(*spans[-1])
            else:
                claimed = extract._Claimed(list(spans))
            assert [p in claimed for p in range(80)] == [held(spans, p) for p in range(80)], spans
