"""citelint: a citation-integrity linter for wiki-style text."""

__version__ = "0.1.0"
#: the distribution's name (pyproject.toml): on PyPI, ``citelint`` is an unrelated LaTeX tool. The command
#: and the import package stay ``citelint``.
DISTRIBUTION = "citelint-wiki"
