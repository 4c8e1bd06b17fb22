from __future__ import annotations

import re
from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_archive_missing_date import same_as_url
from citelint.rules.cs1_content import expandable, on_value, subject, with_metas


_SCHEME = re.compile(r"^(?:https?:)?//", re.IGNORECASE)  # an address without a scheme is invalid-url's


class Cs1ArchiveUrl(Rule):
    """A CS1/CS2 ``|archive-url=`` is malformed, is the ``|url=`` itself, or is not on a web archive.

    Malformed (CS1: "|archive-url= is malformed: save command" — or ``liveweb``, ``timestamp``, ``path``,
    ``flag``; error key ``err_archive_url``, Help:CS1 errors ``#archive_url``): a Wayback Machine URL that
    would make a new snapshot (``/save/``), the retired ``liveweb.archive.org``, or a timestamp that is not
    14 digits (``/web/2019/…``, ``/web/*/…``: a calendar or search page, not a snapshot). The same URL as
    ``|url=`` or ``|chapter-url=`` (CS1: "Check |archive-url= value", ``err_bad_url``, ``#bad_url``; CS1 then
    drops the archive). And, a warning of citelint's own (CS1 does not check it), an address on no known web
    archive (the Wayback Machine, archive.today, WebCite, archive-it, national libraries' archives, perma.cc,
    Ghostarchive…): usually the original URL, or a mirror, pasted into the wrong parameter.

    Why: readers who follow the "Archived" link must land on a fixed copy of the page as it was cited.

    Fix: use the snapshot's full address (``https://web.archive.org/web/20190304123456/https://example.org/a``);
    put the original address in ``|url=``.

    Example::

        {{cite web |url=https://example.org/a |title=A
         |archive-url=https://web.archive.org/web/2019/https://example.org/a |archive-date=2019-03-04}}   ← cs1-archive-url
    """

    name = "cs1-archive-url"
    code = "CL527"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1archive import is_archive, malformed
        from citelint.cs1config import config

        cfg = config()
        text = ctx.text
        for c, m in with_metas(model, ctx):
            au = m.get("ArchiveURL")
            if au is None or not au.value or expandable(au.value):
                continue
            if same_as_url(c, au, text, cfg):
                yield Hit(on_value(au), f"|{au.name}= is the same address as the |url=: CS1 shows "
                          f"{cfg.shows('err_bad_url', '|' + au.name + '=')} and drops the archive; put the "
                          f"snapshot's address in |{au.name}=", subject=subject(c, text, "archive-url-same"))
                continue
            bad = malformed(au.value)
            if bad is not None:
                detail = cfg.archive_details[bad]
                what = {"save": "it would make a new snapshot instead of showing one",
                        "liveweb": "liveweb.archive.org no longer serves pages",
                        "timestamp": "its timestamp is not the 14 digits of one snapshot (YYYYMMDDhhmmss)",
                        "path": "the part before its timestamp is not /web/",
                        "flag": "the letters after its timestamp are not a Wayback flag such as id_"}[bad]
                yield Hit(on_value(au), f"|{au.name}= is malformed: {what}; CS1 shows "
                          f"{cfg.shows('err_archive_url', detail)}; use the full address of one snapshot "
                          f"(https://web.archive.org/web/YYYYMMDDhhmmss/original-url)",
                          subject=subject(c, text, "archive-url-" + bad))
                continue
            if _SCHEME.match(au.value) and not is_archive(au.value):
                yield Hit(on_value(au), f"|{au.name}= is not on a known web archive: put the original address in "
                          f"|url= and the address of an archived snapshot (Wayback Machine, archive.today…) in "
                          f"|{au.name}= (CS1 does not check this)", subject=subject(c, text, "archive-url-not-archive"),
                          severity=Severity.WARNING)
