from __future__ import annotations

from citelint.model import Severity
from citelint.rules.cs1_param_rule import CS1ParamRule, shown, template


class Cs1UrlWikilinkConflict(CS1ParamRule):
    """A CS1/CS2 title linked twice: a wikilink in ``|title=`` with ``|url=``, or ``|title-link=`` with ``|url=``.

    The same holds for ``|chapter=`` with ``|chapter-url=``, ``|conference=`` with ``|conference-url=``…

    CS1 makes the title an external link to ``|url=``; a ``[[wikilink]]`` inside it cannot be shown
    (``safe_for_url``), and ``|title-link=`` cannot be used with ``|url=`` (it is dropped). CS1 shows
    "URL–wikilink conflict" and files the page under "CS1 errors: URL–wikilink conflict"
    (``err_wikilink_in_url``; Help:CS1 errors#wikilink_in_url).

    Why: the rendered title shows the wikilink's brackets, or loses one of the two links.

    Fix: keep one link: remove the ``[[ ]]`` from the title (or ``|title-link=``), or remove ``|url=`` and
    keep the wikilink.

    Example::

        {{cite web |url=https://example.org/a |title=[[Example]] history}}   ← cs1-wikilink-in-url
    """

    name = "cs1-wikilink-in-url"
    code = "CL512"
    severity = Severity.ERROR
    kind = "url-wikilink"
    anchor = "wikilink_in_url"

    def message(self, issue) -> str:
        d = issue.data
        if d.get("title-link"):
            return (f"|{d['label']}= and |{d['url']}= of {template(issue)} both link the title: CS1 shows "
                    f"\"URL–wikilink conflict\" and drops |{d['label']}=; keep one of them")
        return (f"|{d['label']}= of {template(issue)} holds a wikilink ({shown(d['link'])}) and |{d['url']}= links "
                f"it too: CS1 shows \"URL–wikilink conflict\"; remove the [[ ]] from |{d['label']}=, or remove "
                f"|{d['url']}=")
