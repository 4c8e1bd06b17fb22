from __future__ import annotations

from citelint.model import Severity
from citelint.rules.cs1_param_rule import CS1ParamRule, template


class Cs1FormatWithoutUrl(CS1ParamRule):
    """A CS1/CS2 ``|format=`` (``|chapter-format=``, ``|archive-format=``…) without the URL it describes.

    Also ``|conference-format=``, ``|transcript-format=``, ``|map-format=`` and the chapter's aliases.

    ``|format=`` says what kind of file ``|url=`` points to (PDF, DOC…); ``|chapter-format=`` and its aliases
    go with ``|chapter-url=`` and its aliases (not checked in the templates that have no chapter: cite web,
    news, journal, magazine, press release, podcast…), ``|archive-format=`` with ``|archive-url=``. CS1
    shows "|format= requires |url=" and files the page under "CS1 errors: format without URL"
    (``err_format_missing_url``; Help:CS1 errors#format_missing_url).

    Why: the format is shown beside nothing to open, usually because the URL was removed or never added.

    Fix: add the URL, or remove the format parameter.

    Example::

        {{cite book |title=T |publisher=P |format=PDF}}   ← cs1-format-missing-url
    """

    name = "cs1-format-missing-url"
    code = "CL513"
    severity = Severity.WARNING
    kind = "format-without-url"
    anchor = "format_missing_url"

    def message(self, issue) -> str:
        fmt, url = issue.data["format"], issue.data["url"]
        return (f"|{fmt}= of {template(issue)} describes a link that is not there: CS1 shows \"|{fmt}= requires "
                f"|{url}=\"; add |{url}=, or remove |{fmt}=")
