"""Ruff-style rule selection: by rule name, code, or code prefix (``CL1`` selects CL101, CL102…)."""

from __future__ import annotations

from typing import Iterable, Optional

from citelint.rules import RULES


class SelectionError(ValueError):
    pass


def match(selector: str) -> set[str]:
    """Rule names a selector stands for; raises SelectionError when it matches none."""
    s = selector.strip()
    if s.upper() == "ALL":
        return {r.name for r in RULES}
    hits = {r.name for r in RULES if r.name == s or r.code.upper().startswith(s.upper())}
    if not hits:
        names = ", ".join(r.name for r in RULES)
        raise SelectionError(f"unknown rule or code {selector!r} (rules: {names})")
    return hits


def resolve(select: Optional[Iterable[str]], ignore: Iterable[str] = (), extend_select: Iterable[str] = ()) -> frozenset[str]:
    chosen: set[str] = set()
    if select is None:
        chosen = {r.name for r in RULES}
    else:
        for s in select:
            chosen |= match(s)
    for s in extend_select:
        chosen |= match(s)
    for s in ignore:
        chosen -= match(s)
    return frozenset(chosen)
