"""Parsing one document into its citation model: the one parser of each input kind.

The model is made once per document, by the first stage that reads it, and handed on as an argument: to
the rules (``engine.check_document``) and to the link collection (``links.sites.collect``). A stage that is
given no model parses the document itself; nothing is shared through module-level state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from citelint.deadline import PageTimeout, deadline
from citelint.model import CitationModel, Document


@dataclass(frozen=True, slots=True)
class Parsed:
    """A document and its model, parsed by one stage (the link pass, on the way in) for the next (the
    rules). ``model`` is None when the parse ran past the parse-timeout: the document is then reported
    unchecked at once, not parsed again."""

    doc: Document
    model: Optional[CitationModel]


def parse_document(doc: Document, settings) -> CitationModel:
    """The document's citation model. Raises ``PageTimeout`` when a deadline set around the call
    (``engine.check_document``, the link pass) runs out."""
    if doc.kind == "plaintext":
        from citelint.parsers.plaintext import parse_plaintext

        return parse_plaintext(doc.text)
    if getattr(settings, "parser", "scan") == "full":  # --parser full: mwparserfromhell's whole tree
        from citelint.parsers.wikitext import parse_wikitext

        return parse_wikitext(doc.text, settings.templates)
    from citelint.parsers.scanner import scan_wikitext

    return scan_wikitext(doc.text, settings.templates)


def parse_within(doc: Document, settings) -> Parsed:
    """The document parsed within ``settings.parse_timeout`` (``model`` None when it ran out).
    A document too deeply nested to parse raises ``RecursionError``, as ``parse_document`` does."""
    try:
        with deadline(getattr(settings, "parse_timeout", None)):
            return Parsed(doc, parse_document(doc, settings))
    except PageTimeout:
        return Parsed(doc, None)
