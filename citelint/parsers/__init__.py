"""One parser per input kind, each producing a ``CitationModel``."""
