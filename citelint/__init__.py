"""citelint: a citation-integrity linter for wiki-style text."""

__version__ = "0.1.0"
