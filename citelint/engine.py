"""Checking one document: parse it into the citation model, run the rules, place the findings.

``check_document`` is a pure function of picklable inputs, so a process pool (``--jobs``) or a
distributed job can call it as it is.
"""

from __future__ import annotations

from citelint.findings import Finding, LineIndex, fingerprint
from citelint.model import CitationModel, Document
from citelint.rules import RULES, Context
from citelint.settings import Settings


def parse_document(doc: Document, settings: Settings) -> CitationModel:
    if doc.kind == "plaintext":
        from citelint.parsers.plaintext import parse_plaintext

        return parse_plaintext(doc.text)
    from citelint.parsers.wikitext import parse_wikitext

    return parse_wikitext(doc.text, settings.templates)


def check_document(doc: Document, settings: Settings) -> list[Finding]:
    model = parse_document(doc, settings)
    lines = LineIndex(doc.text)
    ctx = Context(doc.text, lines, sub_referencing=settings.sub_referencing)
    where = doc.page if doc.page is not None else doc.path
    findings: list[Finding] = []
    for rule_cls in RULES:
        if doc.kind not in rule_cls.formats or not settings.enabled(rule_cls.name):
            continue
        override = settings.severities.get(rule_cls.name)
        for hit in rule_cls().check(model, ctx):
            line, col = lines.position(hit.span.start)
            end = max(hit.span.end, hit.span.start + 1)
            end_line, end_col = lines.position(end - 1)
            findings.append(
                Finding(
                    rule=rule_cls.name,
                    code=rule_cls.code,
                    severity=override or hit.severity or rule_cls.severity,
                    message=hit.message,
                    path=doc.path,
                    line=line,
                    column=col,
                    end_line=end_line,
                    end_column=end_col + 1,
                    fingerprint=fingerprint(where, rule_cls.name, hit.subject),
                    page=doc.page,
                    revision=doc.revision,
                    source_line=lines.line_text(line),
                )
            )
    findings.sort(key=lambda f: (f.line, f.column, f.rule))
    return findings
