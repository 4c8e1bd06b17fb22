"""Conformance with MediaWiki's Cite extension: its own parser tests, errors mapped to rule names.

Every case in tests/data/corpus/conformance/cite_cases.jsonl runs through the real parser and rules; the
set of citelint rules reported must equal the set of Cite errors expected (mapped by
tests/conformance/cite_error_map.json). Held-out cases, each with its reason, are in
tests/conformance/held_out.json.
"""

from __future__ import annotations

import pytest

from conformance_harness import CASES_FILE, HELD_OUT, MAP, actual_rules, case_id, expected_rules, load_cases
from paths import need

CASES = load_cases()
IN_SCOPE = [c for c in CASES if case_id(c) not in HELD_OUT and (c["has_php_output"] or c["has_parsoid_output"])]
# with the data file missing, one case that fails naming it rather than no test at all
PARAMS = IN_SCOPE or [pytest.param(None, id="cite_cases.jsonl")]


def test_suite_is_complete():
    need(CASES_FILE)
    assert len(CASES) == 255
    assert all(k in MAP for c in CASES for k in c["expected_errors"]), "an expected Cite error has no rule mapping"
    assert set(HELD_OUT) <= {case_id(c) for c in CASES}, "a held-out case does not exist"


@pytest.mark.parametrize("case", PARAMS, ids=[case_id(c) for c in IN_SCOPE] or None)
def test_case_agrees(case):
    need(CASES_FILE)
    assert actual_rules(case) == expected_rules(case), case["wikitext"]


def test_agreement_figure():
    need(CASES_FILE)
    agree = sum(actual_rules(c) == expected_rules(c) for c in IN_SCOPE)
    print(f"\nconformance: {agree}/{len(IN_SCOPE)} in-scope cases agree "
          f"({len(CASES) - len(IN_SCOPE)} of {len(CASES)} held out or without expected output)")
    assert agree == len(IN_SCOPE)
