from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import on_param, subject, with_metas


class Cs1ArchiveMissingUrl(Rule):
    """A CS1/CS2 citation has an ``|archive-url=`` but no ``|url=`` (nor ``|chapter-url=``) it archives.

    CS1 shows "|archive-url= requires |url=" (error key ``err_archive_missing_url``, Help:CS1 errors
    ``#archive_missing_url``) and shows no archive link.

    Why: the archived copy is only a copy of something; CS1 needs the original address to show both, and
    readers and bots need it to see what was archived.

    Fix: add the original ``|url=`` (for a Wayback Machine URL, the address after its timestamp).

    Example::

        {{cite web |title=A |archive-url=https://web.archive.org/web/20190304000000/https://example.org/a
         |archive-date=2019-03-04}}   ← cs1-archive-missing-url
    """

    name = "cs1-archive-missing-url"
    code = "CL526"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config

        cfg = config()
        text = ctx.text
        for c, m in with_metas(model, ctx):
            au = m.get("ArchiveURL")
            if au is None or "URL" in m or "ChapterURL" in m:
                continue
            orig = _original(au.value)
            hint = f" (the archive URL holds {clip(orig)})" if orig else ""
            yield Hit(on_param(au), f"|{au.name}= without a |url=: CS1 shows {cfg.shows('err_archive_missing_url')} "
                      f"and no archive link; add the original |url={hint}", subject=subject(c, text, "archive-missing-url"))


def _original(archive: str) -> str:
    import re

    m = re.search(r"/[0-9]{8,14}[a-z_*]*/((?:https?:)?//.+|[a-z0-9-]+\.[a-z].*)$", archive)
    return m.group(1) if m else ""
