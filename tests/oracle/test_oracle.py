"""citelint against a real MediaWiki 1.39 with Cite (issue 8): the oracle, generated pages, the Cite
parser tests and the real articles.

Needs php and MediaWiki (``.ci/install-mediawiki`` installs them); elsewhere every test here skips with
one reason. Generated pages: 700 for each of the seeds 1, 2 and 3, 2,100 in all
(``CITELINT_ORACLE_PAGES=20000`` runs more per seed, ``CITELINT_ORACLE_SEEDS=4,5`` other seeds).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cite_regressions import CASES
from oracle import differential as dt
from oracle.mediawiki import Wiki, errors_from_html, errors_from_qqx, unavailable
from paths import CORPUS, need

HERE = Path(__file__).parent
REASON = unavailable()
if REASON is not None:
    pytest.skip(f"MediaWiki oracle: {REASON}", allow_module_level=True)
PAGES = int(os.environ.get("CITELINT_ORACLE_PAGES", "700"))
SEEDS = [int(s) for s in os.environ.get("CITELINT_ORACLE_SEEDS", os.environ.get("CITELINT_ORACLE_SEED", "1,2,3"))
         .split(",") if s.strip()]


@pytest.fixture(scope="session")
def wiki(tmp_path_factory):
    w = Wiki(tmp_path_factory.mktemp("mediawiki"))
    yield w
    w.close()


def _conformance_cases():
    from conformance_harness import HELD_OUT, case_id, load_cases

    need(CORPUS / "conformance" / "cite_cases.jsonl")
    return [c for c in load_cases() if c["has_php_output"] and case_id(c) not in HELD_OUT]


# -- the oracle itself -------------------------------------------------------------------------

def test_messages_map_back_to_the_keys_qqx_shows(wiki):
    """Every Cite error the parser tests provoke reads back, through en.json, as the key and parameters
    that the qqx language (message keys instead of texts) shows for it."""
    seen = set()
    for case in _conformance_cases():
        en = errors_from_html(wiki.render(case["wikitext"]))
        qqx = errors_from_qqx(wiki.render(case["wikitext"], lang="qqx"))
        assert [k for k, _ in en] == [k for k, _ in qqx], case["wikitext"]
        assert all(k != "?" for k, _ in en), en
        for (_, p_en), (_, p_qqx) in zip(en, qqx):
            if len(p_qqx) == len(p_en):
                assert p_en == p_qqx, case["wikitext"]
        seen.update(k for k, _ in en)
    assert len(seen) >= 12, f"only {sorted(seen)}: the cases should provoke most of Cite's errors"


def test_missing_templates_pass_their_parameters_through(wiki):
    page = "{{Infobox thing|caption=A.<ref name=a>Smith 2001.</ref>}} B.<ref name=a/>\n{{reflist}}"
    assert wiki.cite_errors(page) == []
    # without the stand-in the ref inside the infobox vanishes and Cite reports its reuse
    raw = wiki._ask({"text": page, "lang": "en", "templates": {}})["html"]
    assert [k for k, _ in errors_from_html(raw)] == ["cite_error_references_no_text"]


@pytest.mark.parametrize("page,keys", [
    ("A.{{efn|A note.}} B.<ref>Smith.</ref>\n{{notelist}}\n{{reflist}}", []),
    ("A.{{efn|A note.}}\n{{reflist}}", ["cite_error_group_refs_without_references"]),
    ("A.{{efn-ua|Note.}}{{NoteTag|Tag.}}\n{{notelist-ua}}\n{{reflist|group=note}}", []),
    ("A.{{r|a}}{{r|b|group=g}}\n{{reflist|refs=<ref name=a>x</ref>}}{{reflist|group=g|refs=<ref name=b>y</ref>}}", []),
    ("A.<ref name=a/>{{Refn|x|name=a}}{{rp|12}}\n{{References}}", []),
    ("A.<ref>x</ref>\n{{Verwysings}}", []),
    ("A.<ref name=u/>\n{{Reflist|refs=<ref name=v>x</ref>}}",
     ["cite_error_references_no_text", "cite_error_references_missing_key"]),
])
def test_reference_templates_work_as_on_wikipedia(wiki, page, keys):
    assert [k for k, _ in wiki.cite_errors(page)] == keys


@pytest.mark.parametrize("name,page,mediawiki,citelint", CASES, ids=[c[0] for c in CASES])
def test_regression_cases_are_what_mediawiki_says(wiki, name, page, mediawiki, citelint):
    """tests/test_cite_agreement.py's expectations are MediaWiki's, and where citelint differs an
    intended difference explains it."""
    outcome = dt.compare(wiki, page)
    assert set(outcome.cite) == mediawiki, outcome.keys
    if citelint is not None:
        assert dt.explained(outcome, dt.load_intended())[0]


# -- generated pages ---------------------------------------------------------------------------

def test_intended_differences_are_real(wiki):
    """Each intended difference's example disagrees with MediaWiki, and that entry explains it."""
    entries = dt.load_intended()
    assert len({e.id for e in entries}) == len(entries)
    for e in entries:
        outcome = dt.compare(wiki, e.example)
        assert not outcome.agrees, f"{e.id}: its example agrees with MediaWiki"
        ok, used = dt.explained(outcome, entries)
        assert ok and e.id in used, f"{e.id}: example {e.example!r} differs by {outcome.diff}, used {used}"


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_pages_agree_or_differ_as_intended(wiki, seed):
    result = dt.run(wiki, seed, PAGES)
    print(f"\noracle, seed {seed}: {result.summary()}")
    if result.unexplained:
        intended = dt.load_intended()
        lines = []
        for diff, pages in sorted(result.unexplained.items(), key=lambda kv: -len(kv[1]))[:10]:
            small = dt.join(dt.shrink(wiki, list(pages[0]), diff, intended))
            lines.append(f"{len(pages)} pages: MediaWiki only {list(diff[0])}, citelint only {list(diff[1])}; "
                         f"smallest: {small!r}")
        pytest.fail("disagreements no intended difference explains:\n" + "\n".join(lines))
    assert result.pages == PAGES and result.agree > PAGES // 2


# -- the Cite parser tests and real articles ---------------------------------------------------

def test_conformance_cases_agree_with_mediawiki_1_39(wiki):
    from conformance_harness import actual_rules, case_id

    versions = json.loads((HERE / "version_differences.json").read_text(encoding="utf-8"))
    differ, agree, listed = [], 0, 0
    cases = _conformance_cases()
    for case in cases:
        cid = case_id(case)
        known = case["file"] in versions["files"] or cid in versions["cases"]
        mw = dt.cite_rules(wiki.cite_errors(case["wikitext"]))
        same = mw == actual_rules(case)
        agree += same
        if known:
            listed += 1
        elif not same:
            differ.append(f"{cid}: MediaWiki 1.39 {sorted(mw)}, citelint {sorted(actual_rules(case))}")
        if cid in versions["cases"]:
            assert not same, f"{cid} is listed as a version difference but agrees"
    print(f"\nconformance cases vs MediaWiki 1.39: {agree}/{len(cases)} agree, {listed} listed version differences")
    assert not differ, "\n".join(differ)


ARTICLES = sorted((CORPUS / "wikitext").glob("*.wiki"))


def test_real_articles(wiki):
    listed = json.loads((HERE / "articles.json").read_text(encoding="utf-8"))["differ"]
    assert len(need(CORPUS / "wikitext") and ARTICLES) == 15
    problems = []
    for path in ARTICLES:
        o = dt.compare(wiki, path.read_text(encoding="utf-8"))
        want = listed.get(path.name)
        got = {"cite_only": list(o.diff[0]), "citelint_only": list(o.diff[1])}
        expected = {"cite_only": want.get("cite_only", []), "citelint_only": want.get("citelint_only", [])} \
            if want else {"cite_only": [], "citelint_only": []}
        if got != expected:
            problems.append(f"{path.name}: differs by {got}, articles.json says {expected}")
    assert not problems, "\n".join(problems)
