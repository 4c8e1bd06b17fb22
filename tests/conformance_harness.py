"""Run the MediaWiki Cite parser-test cases through citelint and compare rule sets."""

from __future__ import annotations

import json
from pathlib import Path

from citelint.engine import check_document
from citelint.model import Document, Severity
from citelint.settings import Settings
from paths import CORPUS, need

HERE = Path(__file__).parent
CASES_FILE = CORPUS / "conformance" / "cite_cases.jsonl"
MAP = json.loads((HERE / "conformance" / "cite_error_map.json").read_text())
MAP.pop("_comment")
HELD_OUT = json.loads((HERE / "conformance" / "held_out.json").read_text())
HELD_OUT.pop("_comment")


def case_id(case: dict) -> str:
    return f"{case['file']}::{case['test']}"


def load_cases() -> list[dict]:
    """The cases, or none when the data file is missing: this runs at import (collection), where a failure
    would stop the whole run; the tests then fail naming the file (``need(CASES_FILE)``)."""
    if not CASES_FILE.is_file():
        return []
    return [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").split("\n") if line.strip()]


def expected_rules(case: dict) -> set[str]:
    return {MAP[k] for k in case["expected_errors"]}


def actual_rules(case: dict) -> set[str]:
    config = case.get("config") or ""
    sub = "wgCiteSubReferencing=true" in config or (
        case["file"] == "subReferencingTests.txt" and "wgCiteSubReferencing=false" not in config)
    doc = Document(path="case.wiki", text=case["wikitext"], kind="wikitext")
    findings = check_document(doc, Settings(sub_referencing=sub))
    out = set()
    for f in findings:
        if f.rule in ("duplicate-ref", "same-source") or f.code.startswith(("CL6", "CL7")):
            continue  # not a MediaWiki error: citelint's own advice (CL6: CS1's identifier errors; CL7: Module:Footnotes')
        if f.rule == "missing-reflist" and f.severity < Severity.ERROR:
            continue  # default group without a list: MediaWiki appends one, citelint only warns
        if f.severity == Severity.INFO:
            continue  # advice on markup MediaWiki accepts (<ref name="x"></ref> as a reuse: empty-ref's info)
        out.add(f.rule)
    return out
