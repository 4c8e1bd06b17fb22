"""Plain-text renderings of wiki pages → citation model (placeholder until the scanner lands)."""

from citelint.model import CitationModel


def parse_plaintext(text: str) -> CitationModel:
    return CitationModel(kind="plaintext")
