"""``{"version": 1, "findings": [...], "summary": {...}}``."""

from __future__ import annotations

import json


def render(result, stream, *, color: bool = False) -> None:
    doc = {
        "version": 1,
        "findings": [f.to_dict() for f in result.findings],
        "summary": result.summary(),
    }
    json.dump(doc, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
