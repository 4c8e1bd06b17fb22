"""How a message quotes a user value (a name, a parameter, a value, an attribute, an anchor): ``clip``.

A leaf (it imports nothing of citelint): the rules use it, and so does ``citelint.links.urls``, which the rules
may import only as a leaf.
"""

from __future__ import annotations

#: characters of a user value (a name, a parameter, a value, an attribute) a message quotes (see ``clip``): every
#: value of the corpus whole (the longest, an editor list of 101 characters, says why it is generic at its end)
QUOTE = 200


def clip(text: str, limit: int = QUOTE) -> str:
    """A user value as a message (or a fix's description) quotes it: whole when it has at most ``limit``
    characters; a longer one with its runs of white space made one space, and if still too long its first
    ``limit`` characters, "…" and its length: ``aaaa… (200,000 characters)``. A message says what is wrong
    in a readable line, whatever the page holds; a fix's edits (data) are never clipped, nor the subject a
    fingerprint keys on."""
    text = str(text)  # (a missing key: as an f-string shows it)
    if len(text) <= limit:
        return text
    short = " ".join(text.split())
    if len(short) <= limit:
        return short
    return f"{short[:limit]}… ({len(text):,} characters)"
