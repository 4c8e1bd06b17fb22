"""What the fix tests compare: the references a reader sees, in order of use."""

from __future__ import annotations

from citelint.citations import canonical_content, parse_ref
from citelint.parsers.wikitext import parse_wikitext


def reader_view(text: str) -> list[tuple[str, str]]:
    """(group, citation) for each place a reader sees a footnote marker, in order: a reuse shows the text its
    name was given. Citations are compared as citations (parameter order and white space aside), so merging
    two copies into one name and a reuse leaves this list as it was."""
    model = parse_wikitext(text)
    text_of: dict[tuple, str] = {}
    at: dict[int, str] = {}
    for d in model.definitions:
        if not d.content.strip():
            continue
        c = canonical_content(parse_ref(d, 0, 0))
        at.setdefault(d.span.start, c)
        if d.key is not None:
            text_of.setdefault(d.ident, c)
    out = []
    for u in model.uses:
        c = text_of.get(u.ident) if u.key is not None else at.get(u.span.start)
        out.append((u.group, c if c is not None else at.get(u.span.start, "")))
    return out
