"""``{"version": 1, "findings": [...], "summary": {...}}``."""

from __future__ import annotations

from citelint.report._json import write_json


def render(result, stream, *, color: bool = False) -> None:
    doc = {
        "version": 1,
        "findings": [f.to_dict() for f in result.findings],
        "summary": result.summary(),
    }
    write_json(doc, stream)
