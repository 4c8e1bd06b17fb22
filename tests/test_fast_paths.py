"""The shortcuts of the rules that compare references give what the plain computation gives.

``duplicate-ref`` buckets refs by the byte sum of their text, computed in C (``_byte_sum``); ``same-source``
normalises URLs without urlsplit when it can (``url_key``). Each is compared here with the computation it
replaces, on real and mutated inputs.
"""

from __future__ import annotations

import random
import re
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from citelint.rules import same_source
from citelint.model import normalize
from citelint.rules.duplicate_ref import _WEIGHT, _bucket, _byte_sum, _normalized, _rough_bucket
from paths import CORPUS, need


def test_byte_sum_is_sum():
    rnd = random.Random(3)
    for n in [*range(40), 300, 4367, 4368, 4369, 9000]:
        for _ in range(20):
            b = bytes(rnd.choice((rnd.randrange(256), 255)) for _ in range(n))
            assert _byte_sum(b) == sum(b), n


def test_buckets_are_length_and_byte_sum_of_the_lowered_text():
    rnd = random.Random(4)
    alphabet = "abcXYZ {}|=/.-_09\u00e9\u0130\u00df\u4e2d"
    for n in [*range(30), 500, 4368, 4369, 6000]:
        for ascii_only in (True, False):
            chars = alphabet[:17] if ascii_only else alphabet
            for _ in range(10):
                norm = "".join(rnd.choice(chars) for _ in range(n))
                b = norm.replace(" ", "").lower().encode("utf-8")
                assert _bucket(norm) == (len(b), sum(b)), norm
                assert _rough_bucket(norm) == (len(b), sum(b) % 65521, sum(_WEIGHT[x] for x in b) % 65521), norm


def _reference_url_key(url: str):
    """same-source's URL identity as first written: every URL through urlsplit."""
    ss = same_source
    m = ss._WAYBACK.match(url)
    if m:
        inner = m.group(1)
        url = inner if ss._SCHEME.match(inner) else "http://" + inner
    m = ss._DOI_URL.match(url)
    if m:
        return "doi", unquote(m.group(1)).lower()
    m = ss._ARXIV_URL.match(url)
    if m:
        return "arxiv", re.sub(r"v\d+$", "", m.group(1)).lower()
    m = ss._PUBMED_URL.match(url)
    if m:
        return "pmid", m.group(1)
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError:
        return None
    labels = host.split(".")
    while len(labels) > 2 and labels[0] in ("www", "m", "mobile", "amp"):
        labels.pop(0)
    if len(labels) > 2 and labels[1] in ("m", "mobile"):
        labels.pop(1)
    host = ".".join(labels)
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = re.sub(r"/amp/?$", "/", parts.path or "/").rstrip("/") or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not ss._TRACKING.match(k)) if parts.query else []
    if path == "/" and not query:
        return None
    return "url", host + path + ("?" + urlencode(query) if query else "") + \
        ("#" + parts.fragment if parts.fragment else "")


def test_url_key_is_the_urlsplit_computation():
    urls = set()
    for p in sorted(need(CORPUS / "wikitext").glob("*.wiki")):
        urls.update(re.findall(r"(?i)https?://[^\s|\]}<>\"']+", p.read_text(encoding="utf-8")))
    rnd = random.Random(1)
    tails = ["/amp", "/amp/", "/", "?utm_source=x", "#frag", "?b=2&a=1", ":8080", "%20", "/AMP", "?", "#", ".",
             "\u00e9", "\u017f", "?a=%2F&b", "/x/amp/amp"]
    heads = ["www.", "m.", "mobile.", "amp.", "WWW.", "en.m.", "x.mobile.", "web.archive.org/web/2020/",
             "doi.org/", "dx.doi.org/", "arxiv.org/abs/", "pubmed.ncbi.nlm.nih.gov/", "user@", "[::1]/"]
    cases = sorted(urls)
    for u in sorted(urls)[:3000]:
        at = u.find("//") + 2
        cases += [u[:at] + rnd.choice(heads) + u[at:], u + rnd.choice(tails), u.upper(), u[:rnd.randrange(len(u) + 1)]]
    assert len(cases) > 5000
    for u in cases:
        assert same_source.url_key(u) == _reference_url_key(u), u
    # the rough identity same-source counts first is the identity's, found without normalising the URL
    for u in cases:
        key = same_source.url_key(u)
        assert same_source._rough_url(u) == (same_source._rough(key) if key else ("url", "")), u


def test_normalized_is_normalize():
    rnd = random.Random(2)
    alphabet = "ab {}|\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\xa0\u2003x<!-- -->"
    for _ in range(5000):
        content = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(40)))
        assert _normalized(content) == normalize(content), repr(content)


def _reference_template_spans(text: str) -> list[tuple[int, int]]:
    """rules.base._template_spans as first written: one pass of the tokens, comments skipped."""
    out, depth, start = [], 0, 0
    for m in re.finditer(r"<!--.*?(?:-->|\Z)|\{\{|\}\}", text, re.DOTALL):
        if m.group() == "{{":
            start = m.start() if depth == 0 else start
            depth += 1
        elif m.group() == "}}" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, m.end()))
    return out


def test_template_spans_are_the_token_scans():
    from citelint.rules.base import _template_spans

    rnd = random.Random(7)
    pieces = ["{", "}", "{{", "}}", "<!--", "-->", "<", "!", "-", "a", " ", "<!-->", "{{{", "}}}", "\n"]
    for _ in range(50_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(25)))
        assert _template_spans(text) == _reference_template_spans(text), repr(text)
    for p in sorted(need(CORPUS / "wikitext").glob("*.wiki")):
        text = p.read_text(encoding="utf-8")
        assert _template_spans(text) == _reference_template_spans(text), p.name


def test_refs_that_are_one_citation_share_a_bucket():
    """duplicate-ref parses into canonical form only the refs that share a bucket (``_rough_bucket``, then
    ``_bucket``): every ref of the corpus whose canonical content another ref has is among them, and a ref with
    its parameters shuffled and its white space changed falls in the bucket of the ref it was made from."""
    from collections import Counter

    from citelint.citations import canonical_content, parsed_refs
    from citelint.engine import parse_document
    from citelint.model import Document
    from citelint.rules.duplicate_ref import _canonical_where_needed
    from citelint.settings import Settings

    twins = parsed = 0
    for path in sorted((CORPUS / "wikitext").glob("*.wiki")):
        text = need(path).read_text(encoding="utf-8")
        model = parse_document(Document(path.name, text, "wikitext"), Settings())
        norms = [_normalized(d.content) for d in model.definitions]
        refs = [r for r in parsed_refs(model, text) if r.templates]
        canon = {r.index: canonical_content(r) for r in refs}
        counts = Counter(canon.values())
        got = _canonical_where_needed(model, text, norms)
        for i, c in canon.items():
            if counts[c] > 1:
                assert got.get(i) == c, (path.name, i)
                twins += 1
        parsed += len(got)
    assert twins >= 8 and parsed < 40  # the twins found, and few others parsed
    rnd = random.Random(5)
    for _ in range(300):
        params = [f"{rnd.choice('abcxyz')}{k}={rnd.choice(['T', 'Ünï', 'x y', '[[L|l]]', 'İ'])}" for k in range(6)]
        name = rnd.choice(["cite web", "Cite web", "citation"])
        a = "{{" + name + "|" + "|".join(params) + "}}"
        rnd.shuffle(params)
        b = "{{ " + name[0].swapcase() + name[1:] + " | " + " |".join(params) + " }}"
        assert _rough_bucket(normalize(a)) == _rough_bucket(normalize(b)), (a, b)


def test_same_source_finds_what_it_finds_without_the_rough_identities():
    """same-source computes the identities only of the refs that share a rough one with another ref: it reports
    what it reports when every ref's identities are computed, on the corpus and on a page of refs that cite one
    source in different spellings (URL forms, DOI and ISBN forms)."""
    from citelint.engine import parse_document
    from citelint.findings import LineIndex
    from citelint.model import Document
    from citelint.rules.base import Context
    from citelint.settings import Settings

    cites = ["{{cite web |url=https://www.example.org/a/b/ |title=T |website=W}}",
             "{{cite web |url=http://example.org/a/b?utm_source=x |title=T}}",
             "{{cite web |url=https://web.archive.org/web/2020/https://example.org/a/b |title=T. Site}}",
             "{{cite web |url=https://m.example.org/a/b/amp |title=T |date=2020}}",
             "{{cite journal |title=J |doi=10.1000/XYZ |year=2020}}", "Smith (2020), doi:10.1000/xyz",
             "{{cite web |url=https://doi.org/10.1000/xyz |title=J}}",
             "{{cite book |title=B |isbn=0-306-40615-2}}", "{{cite book |title=B. |isbn=978-0-306-40615-7}}",
             "{{cite web |url=https://example.org/c?b=2&a=1#f |title=Q}}",
             "{{cite web |url=https://example.org/c?a=1&b=2#f |title=Q}}",
             "{{cite web |url=https://example.org/other/b |title=Other}}"]
    made = "".join(f"S{i}.<ref>{c}</ref>\n" for i, c in enumerate(cites)) + "{{reflist}}\n"
    texts = [made] + [need(p).read_text(encoding="utf-8") for p in sorted((CORPUS / "wikitext").glob("*.wiki"))]
    settings = Settings()
    real = same_source._rough_keys
    found = 0
    for text in texts:
        model = parse_document(Document("t.wiki", text, "wikitext"), settings)
        ctx = Context(text, LineIndex(text), sub_referencing=False, namespace=None, today=None)
        got = [(h.span, h.message) for h in same_source.SameSource().check(model, ctx)]
        same_source._rough_keys = lambda ids, urls: {("every ref", "")}
        try:
            want = [(h.span, h.message) for h in same_source.SameSource().check(model, ctx)]
        finally:
            same_source._rough_keys = real
        assert got == want
        found += len(got)
    assert found >= 20
