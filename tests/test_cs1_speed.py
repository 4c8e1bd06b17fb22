"""The CS1 layer's shortcuts give what the plain computation gives (issue 9, the speed work).

The layer memoises what is a function of a citation's text (its parameter layout, its parameter issues), of a
set of names (``cs1params._plan``) or of a value (dates, generic names and titles, archive URLs), and reads
each meta-parameter once per citation (``cs1_content.metas``). Each test compares a shortcut with the
computation it replaces, on the real corpus or on a case built to catch a memo that keeps a wrong offset.
"""

from __future__ import annotations

import json
import subprocess
import sys

from citelint import cs1, cs1params
from citelint.cs1config import _ASCII_LOWER, _generic, config, generic
from citelint.engine import check_document, parse_document
from citelint.model import Document
from citelint.rules.cs1_content import first, metas
from citelint.settings import Settings
from paths import CORPUS, data_files, need

ARTICLES = data_files(CORPUS / "wikitext", "*.wiki")


def _model(text: str):
    return parse_document(Document("t.wiki", text, "wikitext"), Settings())


def test_metas_gives_what_first_gives_for_every_meta_parameter():
    cfg = config()
    n = 0
    for path in ARTICLES:
        text = need(path).read_text(encoding="utf-8")
        for c in cs1.citations(_model(text), text):
            m = metas(c, text)
            for meta in cfg.aliases:
                assert m.get(meta) is first(c, cfg.names(meta), text), (path.name, c.start, meta)
            # two meta-parameters at once: the first set of the first, else of the second
            assert (m.get("URL") or m.get("ChapterURL")) is first(c, cfg.names("URL", "ChapterURL"), text)
            n += 1
    assert n > 2500


def test_metas_takes_the_last_occurrence_and_skips_an_empty_one():
    text = ("<ref>{{cite web |url=https://a.example/ |title=A |title=<!-- c --> |work=W |website=S |URL=x}}</ref>"
            "\n{{reflist}}\n")
    (c,) = cs1.citations(_model(text), text)
    m = metas(c, text)
    assert "Title" not in m  # the last |title= holds only a comment: CS1 sees it empty
    assert m["URL"].name == "url" and m["Periodical"].name == "website"  # CS1's order: website before work


def test_generic_answers_as_the_ordered_scan():
    cfg = config()
    values = {"Staff", "Author", "Editors", "ed.", "eds", "(eds.)", "Superuser", "User", "News", "Archived copy",
              "Page not found", "404 Error", "Wayback Machine", "unknown", "[[Jane Roe (author)|Jane Roe]]", "Reed",
              "Editorial board", "Advisory", "Authority", "Fred Anderson", ""}
    for path in ARTICLES:
        text = need(path).read_text(encoding="utf-8")
        for c in cs1.citations(_model(text), text):
            values.update(p.value for p in c.params if p.value)
    assert len(values) > 10000
    hits = 0
    for table in (cfg.generic_names, cfg.generic_titles):
        for v in values:
            want = _generic(table, v, v.translate(_ASCII_LOWER))
            assert generic(table, v) == want, v
            hits += want is not None
    assert hits > 15  # the comparison saw matching values, not only misses


def test_a_memoised_citation_is_placed_where_it_is_written(tmp_path):
    """The same citation at another offset (another document, or later in the same one) gets its findings
    where it is, as a fresh process finds them."""
    cite = ("{{cite web |url=https://example.org/a |title=Page not found |Accessdate=2020-01-01 |date=31 April 2020"
            " |author=Site name |format=PDF |archive-url=https://web.archive.org/web/2019/https://example.org/a}}")
    first_doc = f"A.<ref>{cite}</ref>\n{{{{reflist}}}}\n"
    second_doc = f"Some text first.\n\n== B ==\nB.<ref>x</ref> C.<ref>{cite}</ref>\n{{{{reflist}}}}\n"
    settings = Settings()
    list(check_document(Document("a.wiki", first_doc, "wikitext"), settings))  # the memos now hold it
    warm = [(f.rule, f.line, f.column, f.end_line, f.end_column, f.message)
            for f in check_document(Document("b.wiki", second_doc, "wikitext"), settings)]
    path = tmp_path / "b.wiki"
    path.write_text(second_doc, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", str(path)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr
    fresh = [(f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["message"])
             for f in json.loads(r.stdout)["findings"]]
    assert warm == fresh
    assert {"cs1-parameter-ignored", "cs1-bad-date", "cs1-generic-title", "cs1-generic-name",
            "cs1-archive-url"} <= {f[0] for f in warm}
    assert all(line == 4 for rule, line, *_ in warm if rule.startswith("cs1-"))


def test_issues_memo_gives_the_plain_computation():
    wl = cs1params.whitelist()
    for path in ARTICLES[:5]:
        text = need(path).read_text(encoding="utf-8")
        for c in cs1.citations(_model(text), text):
            plain = cs1params._citation_issues(wl, c, text)
            for _ in range(2):  # a miss, then a hit
                got = cs1params._issues_of(wl, c, text)
                assert [(i.kind, i.param, i.start, i.end, i.data) for i in got] == \
                       [(i.kind, i.param, i.start, i.end, i.data) for i in plain]


def test_memos_are_bounded():
    cites = "".join(f"<ref>{{{{cite web |url=https://e.example/{i} |title=T{i}}}}}</ref>" for i in range(5000))
    text = cites + "\n{{reflist}}\n"
    model = _model(text)
    assert len(cs1params.issues(model, text)) == 0
    assert len(cs1._LAYOUTS.data) <= cs1._LAYOUTS.size == 4096
    memo = cs1params._issues_memo(cs1params.whitelist())
    assert len(memo) <= cs1params.ISSUES_MEMO == 4096


def test_param_is_immutable():
    text = "<ref>{{cite web |url=https://a.example/ |title=A}}</ref>\n{{reflist}}\n"
    (c,) = cs1.citations(_model(text), text)
    p = c.params[0]
    try:
        p.value = "x"
    except AttributeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("Param is mutable")
    assert (p.name, p.value, text[p.start:p.name_end]) == ("url", "https://a.example/", "url")


def _corpus_values() -> list[str]:
    values = []
    for path in ARTICLES:
        text = need(path).read_text(encoding="utf-8")
        for c in cs1.citations(_model(text), text):
            values.extend(p.value for p in c.params if p.value)
    return values


def test_generic_candidates_hold_every_generic_value():
    """The joined search (``generic_candidates``) leaves out no value ``generic`` flags, on the corpus's values
    and on cases made to fall between its pieces: an entry's text split by the joint, a capital İ (whose lower
    case is two characters) before a match, a NUL in a value, a regex entry anchored at the value's start."""
    from citelint.cs1config import generic_candidates

    cfg = config()
    made = ["Staff", "Jane Roe, ed.", "(eds.)", "[Ed.]", "eds.", "İİİ Site name", "İ", "Site\x00name", "about",
            "us", "News", "Superuser", "x User y", "Page not found", "404 Error", "wayback\t machine", "unknown",
            "İstanbul Home Page", "Reed", "Fred", "[[A (author)|A]]", "Log into Facebook", "no  title", "(Unknown)"]
    values = _corpus_values() + made
    hits = 0
    for table in (cfg.generic_names, cfg.generic_titles):
        for chunk in (values, made, made[::-1], ["Site", "name"], []):
            kept = set(generic_candidates(table, chunk))
            want = {k for k, v in enumerate(chunk) if generic(table, v) is not None}
            assert want <= kept, sorted(chunk[k] for k in want - kept)
            hits += len(want)
        assert len(generic_candidates(table, values)) < len(values) / 4  # and it leaves out the most
    assert hits > 30


def test_common_date_shapes_get_the_patterns_verdict():
    """check_date's one match for 2020-05-04, 4 May 2020 and May 4, 2020 gives what Date_validation's patterns,
    tried in turn, give: on every date of the corpus and on made ones (impossible days, 29 February, a month
    name CS1 does not know, a lower-case one, years out of range, each date parameter)."""
    from datetime import date

    from citelint.cs1dates import _COMMON, _check_date_patterns, check_date

    values = {"2020-05-04", "2020-13-01", "2020-00-10", "1500-01-01", "2020-02-30", "2021-02-29", "2020-02-29",
              "1900-02-29", "2000-02-29", "31 April 2020", "30 April 2020", "4 Mai 2020", "4 may 2020",
              "4 Sept 2020", "4 Sep 2020", "May 4, 2020", "May 40, 2020", "Sept 4, 2020", "June 31, 2099",
              "1 January 2001", "14 January 2001", "15 January 2001", "2001-01-14", "2001-01-15", "4 May 9999",
              "December 31, 2027", "4 May 2020a", "04 May 2020", "May 04, 2020"}
    for path in ARTICLES:
        text = need(path).read_text(encoding="utf-8")
        for c in cs1.citations(_model(text), text):
            values.update(p.value for p in c.params if p.value and p.value[:1].isalnum() and len(p.value) < 40)
    fast = 0
    for today in (date(2026, 12, 1), date(2019, 6, 1)):
        for param in ("date", "access-date", "archive-date", "publication-date", "pmc-embargo-date", "lay-date"):
            for v in values:
                assert check_date(v, param, today) == _check_date_patterns(v, param, today), (v, param, today)
                fast += _COMMON.match(v) is not None
    assert fast > 10000  # the shapes the one match takes are the common ones


def test_plain_urls_are_split_as_urlsplit_splits_them():
    """cs1archive reads the host and path of a plain URL with one match: what urlsplit gives, on every URL of
    the corpus and on made ones (a user, a port, upper case, no scheme, a tab, a query, IPv6, "www.")."""
    from citelint.cs1archive import _PLAIN_URL, _split, _split_slowly

    urls = {"https://web.archive.org/web/20190304000000/https://example.org/a", "//archive.today/2019.03.04-123456/x",
            "HTTP://WWW.Example.ORG/A?b=c#d", "https://user:pw@web.archive.org/web/2019/x", "http://a.org:8080/p",
            "web.archive.org/web/20190304000000/x", "https://a.org/p\tq", "https://a.org?x", "https://a.org#f",
            "https://[::1]/x", "https://a.org", "//", "https://", "https://a.org/b?c=/d/e", " https://a.org/x ",
            "https://a_b.org/x", "ftp://files.example.org/pub", "https://a.org/é/ü"}
    for path in ARTICLES:
        text = need(path).read_text(encoding="utf-8")
        for c in cs1.citations(_model(text), text):
            urls.update(p.value for p in c.params if p.value and "//" in p.value)
    plain = 0
    for url in urls:
        assert _split(url) == _split_slowly(url.strip()), url
        plain += _PLAIN_URL.match(url.strip()) is not None
    assert plain > len(urls) * 0.8


def test_a_names_status_when_empty_differs_only_when_deprecated():
    """cs1params asks status(empty=True) only of a deprecated name: for every name of the whitelist (numbered
    ones with 1 and 12), under every CitationClass, the answer is otherwise the same as with a value."""
    wl = cs1params.whitelist()
    classes = set(wl.preprint) | set(wl.unique) | {"web", "book", "citation", None}
    names = set(wl.basic) | {n.replace("#", i) for n in wl.numbered for i in ("1", "12")} | set(wl.limited_basic)
    for table in list(wl.preprint.values()) + list(wl.unique.values()):
        names |= set(table)
    names |= {"Title", "url#", "", "foo"}
    deprecated = 0
    for cls in classes:
        for name in names:
            st = cs1params.status(wl, name, cls)
            if st == cs1params.DEPRECATED:
                deprecated += 1
            else:
                assert cs1params.status(wl, name, cls, empty=True) == st, (name, cls)
    assert deprecated > 10


def test_the_redundancy_pretest_passes_every_redundant_name_set():
    """``_may_be_redundant`` says False only where ``_redundant`` finds nothing: on every name set of the corpus
    and on made ones (two aliases, a name list's second source, two locators, |minutes= with |time=, a bare
    name that stands for two aliases of one group)."""
    wl = cs1params.whitelist()
    sets = {("url", "URL"), ("last", "last1"), ("author", "vauthors"), ("page", "pages"), ("minutes", "time"),
            ("author-link",), ("author-link", "authorlink"), ("author-link1", "author1-link"), ("title", "url"),
            ("editor-last", "editor1-last"), ("work", "website"), ("access-date", "accessdate"), ("p", "at")}
    for path in ARTICLES:
        text = need(path).read_text(encoding="utf-8")
        for c in cs1.citations(_model(text), text):
            sets.add(tuple(dict.fromkeys(p.name for p in c.params if p.name and p.value)))
    flagged = redundant = 0
    for names in sets:
        may = cs1params._may_be_redundant(wl, names)
        full = _redundant_unfiltered(wl, names) if len(names) > 1 else []
        assert may or not full, (names, full)
        flagged += may
        redundant += bool(full)
    assert redundant >= 8 and flagged < len(sets) / 4  # the made ones found, the most sets passed over


def _redundant_unfiltered(wl, names):
    """``_redundant`` with its pretest answering "maybe" always."""
    real = cs1params._may_be_redundant
    cs1params._may_be_redundant = lambda wl, valid: True
    try:
        return cs1params._redundant(wl, dict.fromkeys(names))
    finally:
        cs1params._may_be_redundant = real


def test_classes_that_share_a_name_table_or_a_plan_get_the_same_answers():
    """cs1params shares one name table among the classes status() does not tell apart, and makes plans under one
    class of each group _plan does not tell apart: status, suggestion and the plan are the same for each class of
    a group, on every whitelist name and every name set of the corpus."""
    from citelint.cs1 import template_classes

    wl = cs1params.whitelist()
    classes = set(template_classes().values())
    ordinary = sorted(c for c in classes if c not in wl.preprint and c not in wl.unique)
    assert len(ordinary) > 10
    names = set(wl.basic) | {n.replace("#", "2") for n in wl.numbered} | {"Title", "URL", "Accessdate", "foo"}
    for name in names:
        want = (cs1params.status(wl, name, None), cs1params.suggestion(wl, name, None))
        for cls in ordinary:
            assert (cs1params.status(wl, name, cls), cs1params.suggestion(wl, name, cls)) == want, (name, cls)
    sets = set()
    for path in ARTICLES[:6]:
        text = need(path).read_text(encoding="utf-8")
        for c in cs1.citations(_model(text), text):
            sets.add(tuple(dict.fromkeys(p.name for p in c.params if p.name and p.value)))
    sets |= {("encyclopedia", "title", "website", "format"), ("chapter-format", "title"), ("format", "title")}
    for names in sets:
        for cls in classes:
            got = cs1params._plan.__wrapped__(wl, cs1params._plan_class(cls), names)
            assert got == cs1params._plan.__wrapped__(wl, cls, names), (cls, names)


def test_valid_gives_the_plain_verdict_on_common_dates():
    """``valid``'s shortcut for the common shapes gives what its branches (c., n.d., |year=, |pmc-embargo-date=,
    check_date by the patterns) give, for each date parameter."""
    from datetime import date

    from citelint import cs1dates

    values = {"2020-05-04", "4 May 2020", "May 4, 2020", "4 May 0000", "29 February 2100", "29 February 2000",
              "2020-02-30", "4 May 2028", "4 May 2027", "May 4, 2028", "1 January 2001", "2001-01-14", "c. 1900",
              "n.d.", "2020", "4 Foo 2020", "2029-01-01", "2028-01-01"}
    for path in ARTICLES[:5]:
        text = need(path).read_text(encoding="utf-8")
        for c in cs1.citations(_model(text), text):
            values.update(p.value for p in c.params if p.value and len(p.value) < 30)
    real = cs1dates.check_date
    for param in ("date", "year", "access-date", "archive-date", "pmc-embargo-date", "publication-date"):
        for v in values:
            got = cs1dates.valid.__wrapped__(param, v, date(2026, 12, 1))
            cs1dates.check_date = cs1dates._check_date_patterns
            try:
                want = _valid_without_shortcut(cs1dates, param, v, date(2026, 12, 1))
            finally:
                cs1dates.check_date = real
            assert got == want, (param, v)


def _valid_without_shortcut(cs1dates, param, value, today):
    """``valid`` as written before the shortcut (its branches only)."""
    if m := cs1dates._CIRCA.match(value):
        return cs1dates._year_ok(m.group(1), today) if param in ("date", "year") else False
    if param == "date":
        return bool(cs1dates._ND.match(value)) or cs1dates.check_date(value, param, today)
    if param == "year":
        return cs1dates._YEAR_ONLY.match(value) is not None
    if param == "pmc-embargo-date":
        return cs1dates.check_date(value, param, today) and bool(
            cs1dates._YMD.match(value) or cs1dates._MDY.match(value) or cs1dates._DMY.match(value))
    return cs1dates.check_date(value, param, today)
