"""Checking one document: parse it into the citation model, run the rules, place the findings.

``check_document`` is a pure function of picklable inputs, so a process pool (``--jobs``) or a
distributed job can call it as it is. The model is made once per document and handed on: a caller that
has parsed the document already (the link pass, on the way in) passes a ``parse.Parsed``; a caller that
needs the model afterwards (the link collection in a worker) calls ``check_parsed``.
"""

from __future__ import annotations

from typing import Optional

from citelint.deadline import PageTimeout, deadline
from citelint.findings import Finding, LineIndex, content_hash, fingerprint, stable_place
from citelint.model import CitationModel, Document
from citelint.parse import Parsed, parse_document
from citelint.rules import BY_NAME, RULES, Context
from citelint.settings import Settings

#: what rules that report as others (leaked-diagnostic) may report as
_RULE_NAMES = frozenset(BY_NAME)

__all__ = ["check_document", "check_parsed", "parse_document", "Parsed"]


def check_document(doc: Document | Parsed, settings: Settings) -> list[Finding]:
    """The document's findings; a document too large to read, or whose check runs past
    ``settings.parse_timeout``, gets one unchecked-page finding instead. Given a ``Parsed``, its model
    is used (the deadline then covers the rules only, the parse having had its own)."""
    return check_parsed(doc, settings)[0]


def check_parsed(doc: Document | Parsed, settings: Settings) -> tuple[list[Finding], CitationModel | None]:
    """``check_document``, and the model the rules read (None when there is none: a document not read, a
    parse that ran out of time), for the stage that comes next (``links.sites.collect(…, model=…)``)."""
    model = None
    if isinstance(doc, Parsed):
        doc, model = doc.doc, doc.model
        if model is None:  # its parse ran out of time already: not parsed again
            return unchecked(doc, settings, timed_out(settings.parse_timeout), "parse-timeout"), None
    if doc.unchecked is not None:
        return unchecked(doc, settings, doc.unchecked, "max-page-size"), None
    try:
        with deadline(settings.parse_timeout):
            if model is None:
                model = parse_document(doc, settings)
            return _check(doc, model, settings), model
    except PageTimeout:
        return unchecked(doc, settings, timed_out(settings.parse_timeout), "parse-timeout"), model


def timed_out(seconds) -> str:
    return (f"checking this page took longer than the parse-timeout of {seconds:g} s, so none of its "
            f"citations were checked; its markup is probably broken (templates or tags by the thousand "
            f"that are never closed): repair it, or raise --parse-timeout")


def unchecked(doc: Document, settings: Settings, message: str, why: str) -> list[Finding]:
    """The one finding of a document that could not be checked (rule unchecked-page), if selected."""
    from citelint.findings import Hit
    from citelint.model import Span
    from citelint.rules.unchecked_page import UncheckedPage

    if not settings.enabled(UncheckedPage.name):
        return []
    where = doc.page if doc.page is not None else stable_place(doc.path)
    hit = Hit(Span(0, 1), message, subject=why)
    return [_place(UncheckedPage, hit, doc, LineIndex(doc.text), where, settings)]


def _check(doc: Document, model: CitationModel, settings: Settings) -> list[Finding]:
    lines = LineIndex(doc.text)
    ctx = Context(doc.text, lines, sub_referencing=settings.sub_referencing, namespace=doc.namespace,
                  today=revision_day(doc.timestamp),
                  cs1_templates=settings.cs1_templates, cs1_parameters=settings.cs1_parameters,
                  identifier_limits=settings.identifier_limits, rule_names=_RULE_NAMES)
    where = doc.page if doc.page is not None else stable_place(doc.path)
    hits = []
    for rule_cls in RULES:
        # a rule whose hits are reported as other rules (leaked-diagnostic) runs when any could be selected
        reports_as = getattr(rule_cls, "reports_as_others", False)
        if doc.kind not in rule_cls.formats or (not reports_as and not settings.enabled(rule_cls.name)):
            continue
        if getattr(rule_cls, "network", False):  # judged by the link pass (citelint.links.linkpass)
            continue
        for hit in rule_cls().check(model, ctx):
            named = BY_NAME.get(hit.rule, rule_cls) if hit.rule is not None else rule_cls
            if reports_as and not settings.enabled(named.name):
                continue  # reported as another rule: selected (or not) as that rule
            hits.append((named, hit))
    if model.comments and settings.inline_suppressions:
        hits = _apply_suppressions(doc, model, hits, settings)
    findings = [_place(rule_cls, hit, doc, lines, where, settings) for rule_cls, hit in hits]
    findings.sort(key=lambda f: (f.line, f.column, f.rule))
    return findings


def revision_day(timestamp: Optional[str]):
    """The UTC day of a dump revision's ``<timestamp>`` (``2022-09-17T12:00:00Z``), or None."""
    if not timestamp:
        return None
    from datetime import date

    try:
        return date.fromisoformat(timestamp.strip()[:10])
    except ValueError:
        return None


def _apply_suppressions(doc: Document, model: CitationModel, hits: list, settings: Settings) -> list:
    """The decide stage's inline part: drop suppressed hits, add unused-suppression hits."""
    from citelint.findings import Hit
    from citelint.rules.unused_suppression import UnusedSuppression
    from citelint.suppressions import for_document

    sup = for_document(doc.text, model.comments)
    if sup is None:
        return hits
    kept = [(r, h) for r, h in hits if not sup.suppressed(r.name, h.span.start)]
    if settings.enabled(UnusedSuppression.name):
        applicable = [r.name for r in RULES if doc.kind in r.formats and r is not UnusedSuppression
                      and not getattr(r, "network", False)]  # link rules: the link pass applies them
        selected = lambda name: settings.enabled(name) and name in applicable  # noqa: E731
        # an unused-suppression finding can itself be silenced (on purpose, for a kept comment)
        kept.extend((UnusedSuppression, Hit(d.span, msg, subject=d.text))
                    for d, msg in sup.unused(selected, applicable)
                    if not sup.suppressed(UnusedSuppression.name, d.span.start, about=d))
    return kept


def _place(rule_cls, hit, doc: Document, lines: LineIndex, where: str, settings: Settings) -> Finding:
    line, col = lines.position(hit.span.start)
    end = max(hit.span.end, hit.span.start + 1)
    end_line, end_col = lines.position(end - 1)
    excerpt, excerpt_col, line_length = lines.excerpt(line, col, end_line, end_col + 1)
    return Finding(
        rule=rule_cls.name,
        code=rule_cls.code,
        severity=settings.severities.get(rule_cls.name) or hit.severity or rule_cls.severity,
        message=hit.message,
        path=doc.path,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col + 1,
        fingerprint=fingerprint(where, rule_cls.name, hit.subject),
        page=doc.page,
        revision=doc.revision,
        source_line=excerpt,
        content_hash=content_hash(rule_cls.name, hit.subject),
        source_column=excerpt_col,
        line_length=line_length,
        fix=hit.fix.placed(lines.position) if hit.fix is not None else None,
    )
