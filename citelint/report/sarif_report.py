"""SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers.

- ``tool.driver.rules`` describes every rule (id = code, name = rule name, descriptions and help from
  the rule's docstring, default level); each result points at its rule by ``ruleId`` and ``ruleIndex``.
- Locations are relative URIs under ``%SRCROOT%`` (the working directory), with 1-based lines and
  columns counted in Unicode code points (``run.columnKind``); ``endColumn`` is exclusive.
- A finding in a dump page gives the dump file as its artifact, the page and revision as a logical
  location, and no region: its line and column are inside that revision's text, not lines of the
  dump file (they are in the message and in the location's properties).
- ``partialFingerprints["citelint/v1"]`` is the finding's fingerprint (place, rule, normalised content;
  no line numbers), so a viewer tracks a finding as text moves.
- Input errors become ``toolExecutionNotifications`` and ``executionSuccessful: false``; run-wide
  notices (links not checked: no network) are ``warning`` notifications with the notice's id as
  descriptor, and the execution still succeeded.
"""

from __future__ import annotations

import inspect
import os
import re

from citelint import __version__
from citelint.report._json import write_json
from citelint.report._locations import file_uri, relative_to, uri_path
from citelint.rules.base import plain_doc

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
ROOT_ID = "%SRCROOT%"
FINGERPRINT_KEY = "citelint/v1"


def render(result, stream, *, color: bool = False) -> None:
    write_json(build(result), stream)


def build(result, root: str | None = None) -> dict:
    root = root or os.getcwd()
    rules, index = _rules(result.findings)
    baseline_used = "baseline" in result.extra
    results = [_result(f, index, root, baseline_used) for f in result.findings]
    invocation = {"executionSuccessful": not result.errors}
    notifications = [_error_notification(e, root) for e in result.errors]
    notifications += [{"level": "warning", "message": {"text": n["message"]}, "descriptor": {"id": n["id"]}}
                      for n in result.notices]
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {
            "driver": {
                "name": "citelint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {ROOT_ID: {"uri": file_uri(root)}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"summary": _summary(result)},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _summary(result) -> dict:
    s = result.summary()
    s.pop("notices", None)  # they are the invocation's notifications
    return s


# --- rules -------------------------------------------------------------------------------------------------


def _rules(findings) -> tuple[list[dict], dict[str, int]]:
    from citelint.rules import RULES

    descriptors, index = [], {}
    for r in RULES:
        index[r.name] = len(descriptors)
        descriptors.append(_descriptor(r))
    for f in findings:  # rules from passes outside the registry (links, …): described from the finding
        if f.rule not in index:
            index[f.rule] = len(descriptors)
            descriptors.append({
                "id": f.code,
                "name": f.rule,
                "shortDescription": {"text": f.rule},
                "defaultConfiguration": {"level": LEVEL[f.severity.label]},
            })
    return descriptors, index


def _descriptor(rule) -> dict:
    doc = inspect.cleandoc(rule.__doc__ or rule.name)
    paragraphs = [p for p in re.split(r"\n\s*\n", doc) if p.strip()]
    short = rule.summary()
    full = []
    for p in paragraphs[1:]:  # details, why, how to fix: everything after the summary, before the example
        if p.lstrip().startswith("Example"):
            break
        full.append(plain_doc(" ".join(p.split())))
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": "\n\n".join(full) or short},
        "help": {"text": rule.documentation(), "markdown": _markdown(doc)},
        "defaultConfiguration": {"level": LEVEL[rule.severity.label]},
        "properties": {"tags": ["citations", *sorted(rule.formats)]},
    }


def _markdown(doc: str) -> str:
    """The docstring (reStructuredText-ish) as Markdown: ````x```` → ```x```, ``Example::`` blocks fenced."""
    out: list[str] = []
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.rstrip().endswith("::"):
            out.append(line.rstrip()[:-1])
            i += 1
            block = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                block.append(lines[i])
                i += 1
            while block and not block[0].strip():
                block.pop(0)
            while block and not block[-1].strip():
                block.pop()
            out += ["", "```", *inspect.cleandoc("\n".join(block)).splitlines(), "```", ""]
            continue
        out.append(line.replace("``", "`"))
        i += 1
    return "\n".join(out).strip() + "\n"


# --- results -----------------------------------------------------------------------------------------------


def _artifact(path: str, root: str) -> dict:
    rel = relative_to(path, root)
    if rel is None:
        return {"uri": file_uri(path)}
    return {"uri": uri_path(rel), "uriBaseId": ROOT_ID}


def _result(f, index: dict[str, int], root: str, baseline_used: bool) -> dict:
    physical: dict = {"artifactLocation": _artifact(f.path, root)}
    location: dict = {"physicalLocation": physical}
    message = f.message
    if f.page is None:
        physical["region"] = {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
        }
        if f.source_line and f.end_line == f.line:  # the region's own text (SARIF §3.30.13)
            skipped = f.source_column - 1  # source_line is an excerpt of the line from that column
            lo, hi = f.column - 1 - skipped, f.end_column - 1 - skipped
            snippet = f.source_line[lo:hi] if 0 <= lo and hi <= len(f.source_line) else ""  # whole, or none
            if snippet:
                physical["region"]["snippet"] = {"text": snippet}
    else:
        where = f"page {f.page!r}" + (f", revision {f.revision}" if f.revision else "")
        message = f"{where}, line {f.line}, column {f.column}: {f.message}"
        logical = {"name": f.page, "fullyQualifiedName": f"{f.page}@{f.revision}" if f.revision else f.page,
                   "kind": "page"}
        if f.revision:
            logical["properties"] = {"revision": f.revision}
        location["logicalLocations"] = [logical]
        location["properties"] = {"page": f.page, "revision": f.revision, "line": f.line, "column": f.column,
                                  "endLine": f.end_line, "endColumn": f.end_column}
    out = {
        "ruleId": f.code,
        "ruleIndex": index[f.rule],
        "level": LEVEL[f.severity.label],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"rule": f.rule, "severity": f.severity.label},
    }
    if f.fix is not None and f.page is None:  # SARIF §3.55: the edits, as replacements in the artifact
        out["fixes"] = [{
            "description": {"text": f.fix.description + ("" if f.fix.safety == "safe" else " (unsafe fix)")},
            "artifactChanges": [{
                "artifactLocation": physical["artifactLocation"],
                "replacements": [{
                    "deletedRegion": {"startLine": e.line, "startColumn": e.column, "endLine": e.end_line,
                                      "endColumn": e.end_column},
                    "insertedContent": {"text": e.text},
                } for e in f.fix.edits],
            }],
        }]
        out["properties"]["fixApplicability"] = f.fix.safety
    if baseline_used:
        out["baselineState"] = "new"
    return out


def _error_notification(err, root: str) -> dict:
    return {
        "level": "error",
        "message": {"text": str(err.message)},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(err.path, root)}}],
    }
