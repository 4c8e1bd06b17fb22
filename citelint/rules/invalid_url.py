from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity, Span
from citelint.rules.base import Context, Rule
from citelint.rules.link_rule import shorten


class InvalidUrl(Rule):
    """A citation's URL is not a valid http(s) URL.

    Looks at ``|url=``, ``|archive-url=`` and the other ``*-url`` parameters, ``[http://… title]``
    links and bare URLs inside references: a missing scheme (``www.example.com``), white space, the
    scheme twice, an empty or malformed host name, a bad port, an external link or a wikilink inside
    ``|url=``, a ``|`` instead of a space between a link's URL and its title. Checked without the
    network, so also with ``--offline``. Values built by templates are skipped; ``ftp://`` and other
    schemes MediaWiki links are valid but not checked.

    Why: the link is broken for every reader, whatever the site does; CS1 shows "Check |url= value".

    Fix: write the full URL, scheme included (``https://www.example.com/page``), with no spaces
    (encode a needed space as ``%20``), and the link's title in ``|title=`` or after a space.

    Example::

        <ref>{{cite web |url=www.example.com/report |title=Report}}</ref>   ← invalid-url (no scheme)
    """

    name = "invalid-url"
    code = "CL504"
    severity = Severity.ERROR

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.citations import cited_urls

        for cited_list in cited_urls(model, ctx.text):
            for c in cited_list:
                if c.problem:
                    subject = f"{c.param or c.kind}\0{c.raw}"
                    yield Hit(Span(c.start, c.end), _message(c), subject=subject)


def _message(c) -> str:
    if c.param:
        return f'|{c.param}= value "{shorten(c.raw)}" {c.problem}'
    return f'{"link" if c.kind == "link" else "URL"} "{shorten(c.raw)}" {c.problem}'
