"""Documents checked elsewhere (a worker of a multistream dump, a Dask task, a resumed run), as the
runner receives them. A module of its own, so that a run over a few small files imports neither the
dump readers nor :mod:`citelint.multistream` (start-up, issue 9)."""

from __future__ import annotations

from dataclasses import dataclass

from citelint.model import Document


@dataclass
class Checked:
    """A document checked elsewhere (a worker, a cluster, a resumed run): its place, its result
    (findings or ``parallel.Failed``) and its collected links (``links.sites.DocLinks``) if any."""

    doc: Document
    result: object
    links: object = None


class Replay:
    """In the item stream in place of a unit's documents: the unit's stored results (``--resume``)."""

    __slots__ = ("items",)

    def __init__(self, items: list) -> None:
        self.items = items


#: what a worker does with links: "none" (no link pass), "offline" (only documents with suppression
#: comments, whose unused-suppression judgement needs their cited URLs), "online", "online-newest"
#: (--all-revisions with link checks: the newest revision of each page only)
def link_mode(link_pass, settings) -> str:
    if link_pass is None:
        return "none"
    if getattr(link_pass, "offline", False):
        return "offline"
    return "online-newest" if getattr(settings, "all_revisions", False) else "online"
