from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import expandable, on_value, subject, with_metas

#: the keyword parameters CS1.lua checks with is_valid_parameter_value: meta-parameter → keywords list
#: (``ref`` is inverted: its list holds the one value CS1 rejects, ``harv``)
KEYWORD_PARAMS = (("UrlStatus", "url-status"), ("UrlAccess", "url-access"), ("ChapterUrlAccess", "url-access"),
                  ("MapUrlAccess", "url-access"), ("NameListStyle", "name-list-style"), ("Mode", "mode"),
                  ("DF", "df"), ("NoTracking", "yes_true_y"), ("NoPP", "yes_true_y"), ("Ref", "ref"))

_KEYWORD_METAS = frozenset(meta for meta, _list in KEYWORD_PARAMS)


class Cs1InvalidParamVal(Rule):
    """A CS1/CS2 keyword parameter has a value CS1 does not accept (``|url-status=Dead``, ``|df=dmy-long``…).

    CS1 shows "Invalid |url-status=Dead" (error key ``err_invalid_param_val``, Help:CS1 errors
    ``#invalid_param_val``) and ignores the value. The values, exactly and in lower case, from
    Module:Citation/CS1/Configuration's ``keywords_lists``: ``|url-status=`` dead, deviated, live, unfit,
    usurped, bot: unknown; ``|url-access=`` (and ``|chapter-url-access=``, ``|map-url-access=``) subscription,
    limited, registration; ``|df=`` dmy, dmy-all, mdy, mdy-all, ymd, ymd-all; ``|mode=`` cs1, cs2;
    ``|name-list-style=`` amp, and, vanc (and their synonyms); ``|no-pp=`` and ``|no-tracking=`` yes, true,
    y; and ``|ref=harv``, which CS1 no longer accepts. Whether a URL really is dead or live is
    ``url-status-mismatch`` (the link check); ``|url-status=`` without ``|archive-url=`` is ``cs1-url-status``.

    Why: the value is ignored: with an invalid ``|url-status=`` the original URL is linked first, dead or not.

    Fix: use one of CS1's values (``|ref=harv``: remove it; CS1 makes the anchor itself).

    Example::

        {{cite web |url=https://example.org/a |title=A |archive-url=https://web.archive.org/web/20190304000000/https://example.org/a
         |archive-date=2019-03-04 |url-status=Dead}}   ← cs1-invalid-param-val
    """

    name = "cs1-invalid-param-val"
    code = "CL529"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config

        cfg = config()
        text = ctx.text
        for c, m in with_metas(model, ctx):
            if _KEYWORD_METAS.isdisjoint(m):
                continue  # (the most citations)
            for meta, list_name in KEYWORD_PARAMS:
                p = m.get(meta)
                if p is None or not p.value or expandable(p.value):
                    continue
                allowed = cfg.keywords_lists[list_name]
                if list_name == "ref":
                    if p.value not in allowed:
                        continue
                    fix = "remove it (CS1 makes the citation's anchor itself)"
                elif p.value in allowed:
                    continue
                else:
                    fix = "use " + ", ".join(allowed)
                yield Hit(on_value(p), f"|{p.name}={clip(p.value)} is not a value CS1 accepts: CS1 shows "
                          f"{cfg.shows('err_invalid_param_val', p.name, clip(p.value))} and ignores it; {fix}",
                          subject=subject(c, text, "invalid-param-val\0" + p.name))
