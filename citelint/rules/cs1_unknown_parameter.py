from __future__ import annotations

from citelint.quoting import clip
from citelint.model import Severity
from citelint.rules.cs1_param_rule import CS1ParamRule, template, template_of_class


class Cs1UnknownParameter(CS1ParamRule):
    """A CS1/CS2 citation parameter the template does not have: a typo, a wrong case, or a removed name.

    The name may also be another language's, or a parameter of another template.

    Checks every named parameter of ``{{cite …}}`` and ``{{citation}}`` against Module:Citation/CS1's whitelist
    (pinned in ``citelint/data/cs1_whitelist.toml``): the general list, the smaller lists of the preprint
    templates (``{{cite arXiv}}``, ``{{cite bioRxiv}}``, ``{{cite CiteSeerX}}``, ``{{cite SSRN}}``) and the
    parameters only some templates have (``|episode=`` in ``{{cite serial}}``…). Names are case-sensitive
    (``|url=`` and ``|URL=`` are both fine, ``|Url=`` is not). Removed parameters (``|deadurl=``,
    ``|dead-url=``, ``|registration=``…) are unknown to CS1 too. ``|encyclopedia=`` outside ``{{cite
    encyclopedia}}`` and ``{{citation}}`` is ignored the same way. The suggestion is CS1's own: the name in
    lower case, or its Suggestions table and patterns. A wiki adds the names its module accepts in
    ``[tool.citelint.cs1] parameters``.

    CS1 shows "Unknown parameter |foo= ignored" (or "… (|bar= suggested)") and files the page under
    "CS1 errors: unsupported parameter" (error_conditions ``err_parameter_ignored`` and
    ``err_parameter_ignored_suggest``; Help:CS1 errors#parameter_ignored, #parameter_ignored_suggest).

    Why: the value is not shown in the citation, and the reader loses it.

    Fix: rename the parameter as suggested, or remove it.

    Example::

        {{cite web |url=https://example.org |title=T |Accessdate=2020-01-01}}   ← cs1-parameter-ignored (|accessdate= suggested)
    """

    name = "cs1-parameter-ignored"
    code = "CL505"
    severity = Severity.ERROR
    kind = "unknown"
    anchor = "parameter_ignored"

    def anchor_for(self, issue) -> str:
        return "parameter_ignored_suggest" if issue.data.get("suggest") else "parameter_ignored"

    def message(self, issue) -> str:
        from citelint.cs1params import removed, templates_accepting, whitelist

        p = issue.param
        name = p.name
        shown = clip(name)  # what the message quotes of a long name
        sugg = issue.data.get("suggest")
        if issue.data.get("encyclopedia"):
            return (f"|{shown}= is ignored by {template(issue)}: CS1 shows \"Unknown parameter |{shown}= ignored\"; "
                    f"cite an encyclopedia entry with {{{{cite encyclopedia}}}}, or give the work's name with "
                    f"|work= (or |website=)")
        if sugg is not None:
            old = " (CS1 no longer supports it)" if removed(whitelist(), name) and sugg != name.lower() else ""
            cs1 = f"CS1 shows \"Unknown parameter |{shown}= ignored (|{sugg}= suggested)\""
            value = p.value.strip().lower()
            archived = any(q.name in ("archive-url", "archiveurl") and q.value for q in issue.cite.params)
            if sugg == "url-status" and not archived:
                fix = "remove it (|url-status= matters only with |archive-url=)"
            elif value in _VALUES.get(name.lower(), {}):
                fix = f"replace it with |{sugg}={_VALUES[name.lower()][value]}"
            elif any(q.name == sugg and q.value for q in issue.cite.params):
                fix = f"this citation already has |{sugg}=: merge the two values there, or remove |{shown}="
            else:
                fix = f"rename it |{sugg}="
            return f"|{shown}= is not a parameter of {template(issue)}{old}: {cs1}; {fix}"
        wl = whitelist()
        where = templates_accepting(wl, name)
        cs1 = f"CS1 shows \"Unknown parameter |{shown}= ignored\""
        if where:
            names = ", ".join("{{" + (template_of_class(c) or c) + "}}" for c in where)
            return (f"|{shown}= is not a parameter of {template(issue)} (only of {names}): {cs1}; remove it, or use "
                    f"that template")
        if removed(wl, name):
            return f"|{shown}= is a parameter CS1 no longer supports: {cs1}; remove it"
        return (f"|{shown}= is not a parameter of {template(issue)}: {cs1}; check its spelling (names are "
                f"case-sensitive) in the template's documentation, or remove it")


#: removed parameters whose replacement takes other values: |deadurl=yes is |url-status=dead…
_DEAD = {"yes": "dead", "y": "dead", "true": "dead", "no": "live", "n": "live", "false": "live"}
_VALUES = {"deadurl": _DEAD, "dead-url": _DEAD,
           "subscription": {"yes": "subscription", "y": "subscription", "true": "subscription"},
           "registration": {"yes": "registration", "y": "registration", "true": "registration"}}
