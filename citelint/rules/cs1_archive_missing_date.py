from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import metas, on_param, subject, with_metas


class Cs1ArchiveMissingDate(Rule):
    """A CS1/CS2 citation has an ``|archive-url=`` but no ``|archive-date=``.

    CS1 shows "|archive-url= requires |archive-date=" (error key ``err_archive_missing_date``, Help:CS1 errors
    ``#archive_missing_date``). An ``|archive-url=`` identical to the ``|url=`` is ``cs1-archive-url``
    instead (CS1 then drops both).

    Why: the date tells the reader which version of the page the archived copy is.

    Fix: add ``|archive-date=`` with the date of the snapshot (for the Wayback Machine, the first eight digits
    of the URL's timestamp: ``/web/20190304…/`` → ``2019-03-04``).

    Example::

        {{cite web |url=https://example.org/a |title=A
         |archive-url=https://web.archive.org/web/20190304000000/https://example.org/a}}   ← cs1-archive-missing-date
    """

    name = "cs1-archive-missing-date"
    code = "CL525"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1archive import snapshot_date
        from citelint.cs1config import config

        cfg = config()
        text = ctx.text
        for c, m in with_metas(model, ctx):
            au = m.get("ArchiveURL")
            if au is None or "ArchiveDate" in m or same_as_url(c, au, text, cfg):
                continue
            snap = snapshot_date(au.value)
            hint = f" (the archive URL says {snap[0].isoformat()})" if snap else ""
            yield Hit(on_param(au), f"|{au.name}= without |archive-date=: CS1 shows "
                      f"{cfg.shows('err_archive_missing_date')}; add |archive-date= with the date of the "
                      f"snapshot{hint}", subject=subject(c, text, "archive-missing-date"))


def same_as_url(c, au, text: str, cfg) -> bool:
    """CS1's is_unique_archive_url: an |archive-url= that is the |url= or |chapter-url= itself."""
    for meta in ("URL", "ChapterURL"):
        p = metas(c, text).get(meta)
        if p is not None and p.value == au.value:
            return True
    return False
