from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule
from citelint.rules.cs1_content import expandable, on_value, subject


class Cs1GenericTitle(Rule):
    """A CS1/CS2 citation's title is a placeholder: "Archived copy", "Page not found", "Log into Facebook"…

    CS1 shows "Cite uses generic title" (error key ``err_generic_title``, Help:CS1 errors ``#generic_title``)
    for the titles in Module:Citation/CS1/Configuration's ``generic_titles`` list: titles that bots and
    reference-filling tools copy from error, login, cookie-wall and parked-domain pages ("404…", "Page not
    found", "Are you a robot", "Subscribe to read", "Log into Facebook", "Login • Instagram", "Wayback
    Machine", "Redirecting...", "Website is for sale", "Usurped title", "No title", "Unknown"…). The title
    "Archived copy" (with an ``|archive-url=``), which InternetArchiveBot writes when it knows no title, is a
    warning: CS1 files it under "CS1 maint: archived copy as title" (``maint_archived_copy``). A title wrapped
    in CS1's accept-as-written markup ``((…))`` is left alone.

    Why: the title is the reader's only description of the source; a placeholder tells nothing, and says the
    citation was never looked at.

    Fix: replace it with the real title of the page (open the archived copy to find it).

    Example::

        {{cite web |url=https://example.org/a |title=Page Not Found |website=Example}}   ← cs1-generic-title
    """

    name = "cs1-generic-title"
    code = "CL530"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config, generic, generic_candidates
        from citelint.rules.cs1_citation_missing_title import with_titles

        cfg = config()
        text = ctx.text
        found = []  # (citation, title param, title as CS1 tests it, archived copy?), in order
        for c, m, state in with_titles(model, ctx):
            t = state.title
            if t is None or not t.value or expandable(t.value):
                continue
            v = t.value
            if v.startswith("((") and v.endswith("))"):
                continue  # accept-as-written
            if v.endswith(".") and not v.endswith("..."):
                v = v[:-1]  # CS1 strips a trailing separator first
            found.append((c, t, v, "ArchiveURL" in m and cfg.archived_copy.search(v.lower())))
        maybe = set(generic_candidates(cfg.generic_titles, [v for _c, _t, v, copy in found if not copy]))
        k = -1
        for c, t, v, copy in found:
            if copy:
                yield Hit(on_value(t), f"|{t.name}={clip(t.value)} is a placeholder a bot wrote: CS1 files the page "
                          f"under {cfg.shows('maint_archived_copy')}; replace it with the page's real title "
                          f"(open the archived copy to find it)", subject=subject(c, text, "archived-copy"),
                          severity=Severity.WARNING)
                continue
            k += 1
            if k not in maybe or generic(cfg.generic_titles, v) is None:
                continue
            yield Hit(on_value(t), f"|{t.name}={clip(t.value)} is a generic title (copied from an error, login or "
                      f"parked page): CS1 shows {cfg.shows('err_generic_title')}; replace it with the "
                      f"source's real title", subject=subject(c, text, "generic-title"))
