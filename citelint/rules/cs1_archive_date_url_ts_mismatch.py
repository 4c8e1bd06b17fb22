from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import expandable, on_value, subject, with_metas


class Cs1ArchiveDateUrlTsMismatch(Rule):
    """A CS1/CS2 ``|archive-date=`` is not the date in the ``|archive-url=``'s timestamp.

    The archive URLs that record their capture time: the Wayback Machine and the archives on its software
    (``/web/20190304123456/…``: archive-it, the Library of Congress, the UK Web Archive, the UK Government
    Web Archive, Arquivo.pt), archive.today (``/20190304123456/…``, ``/2019.03.04-123456/…``) and WebCite (its
    id is the capture time). Only whole dates in ``|archive-date=`` are compared (a malformed one is
    ``cs1-bad-date``). Later versions of Module:Citation/CS1 show "|archive-date= / |archive-url= timestamp
    mismatch; <date> suggested" (error key ``err_archive_date_url_ts_mismatch``, Help:CS1 errors
    ``#archive_date_url_ts_mismatch``); the 2022 module citelint follows does not, hence a warning.

    Why: the archive date tells the reader which version of the page was cited; a wrong one sends them
    (and bots) looking for the wrong snapshot.

    Fix: set ``|archive-date=`` to the snapshot's date (the one the message names), or the ``|archive-url=``
    to the snapshot the date means.

    Example::

        {{cite web |url=https://example.org/a |title=A
         |archive-url=https://web.archive.org/web/20190304000000/https://example.org/a
         |archive-date=2019-04-03}}   ← cs1-archive-date-url-ts-mismatch (the snapshot is of 2019-03-04)
    """

    name = "cs1-archive-date-url-ts-mismatch"
    code = "CL528"
    severity = Severity.WARNING
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1archive import malformed, snapshot_date
        from citelint.cs1config import config
        from citelint.cs1dates import whole_date

        cfg = config()
        text = ctx.text
        for c, m in with_metas(model, ctx):
            au = m.get("ArchiveURL")
            ad = m.get("ArchiveDate")
            if au is None or ad is None or expandable(au.value) or expandable(ad.value) or malformed(au.value):
                continue
            snap = snapshot_date(au.value)
            when = whole_date(ad.value)
            if snap is None or when is None or snap[0] == when:
                continue
            yield Hit(on_value(ad), f"|{ad.name}={clip(ad.value)} but the snapshot in |{au.name}= is of "
                      f"{snap[0].isoformat()} ({snap[1]}): set |{ad.name}= to {_like(ad.value, snap[0])} (later CS1 "
                      f"versions show \"|archive-date= / |archive-url= timestamp mismatch\", Help:CS1 errors"
                      f"#archive_date_url_ts_mismatch)", subject=subject(c, text, "archive-date-mismatch"))


def _like(written: str, d) -> str:
    """The date in the format the editor used."""
    import re

    from citelint.cs1config import config

    months = sorted(config().long_months, key=lambda m: config().months[m])
    if re.match(r"^[0-9]{4}-", written):
        return d.isoformat()
    name = months[d.month - 1]
    if re.match(r"^[0-9]", written):
        return f"{d.day} {name} {d.year}"
    return f"{name} {d.day}, {d.year}"
