from __future__ import annotations

from citelint.quoting import clip
from citelint.model import Severity
from citelint.rules.cs1_param_rule import CS1ParamRule, template


class Cs1EmptyUnknownParameter(CS1ParamRule):
    """An empty parameter the CS1/CS2 template does not have: ``|foo=``, or an extra ``|`` (``||``, ``|}}``).

    An extra ``|`` makes an empty positional parameter: a doubled ``||`` or a ``|`` before ``}}``.

    CS1 checks empty parameters too: an empty name it does not know (an empty deprecated one included) is
    listed in "Cite has empty unknown parameter: |foo=" (positional ones as ``|1=``, ``|2=``…) and the page is
    filed under "CS1 errors: empty unknown parameters" (``err_param_unknown_empty``; Help:CS1
    errors#param_unknown_empty). A value made only of templates is left alone (what they expand to is not
    known offline).

    Why: the citation shows an error message to readers although nothing is missing.

    Fix: delete the empty parameter (or the extra ``|``); if a value belongs there, give it under a name the
    template has.

    Example::

        {{cite web |url=https://example.org |title=T ||website=Example}}   ← cs1-param-unknown-empty (|1=)
    """

    name = "cs1-param-unknown-empty"
    code = "CL508"
    severity = Severity.WARNING
    kind = "empty-unknown"
    anchor = "param_unknown_empty"

    def message(self, issue) -> str:
        key = issue.data["key"]
        if not isinstance(key, str):
            if issue.param.name is None:
                return (f"an empty positional parameter in {template(issue)} (a doubled \"||\" or a \"|\" before "
                        f"\"}}}}\"): CS1 shows \"Cite has empty unknown parameter: |{key}=\"; remove the extra \"|\"")
            return (f"|{key}= is empty and not a parameter of {template(issue)}: CS1 shows \"Cite has empty "
                    f"unknown parameter: |{key}=\"; remove it")
        shown = clip(key) if key else "(empty string)"
        sugg = issue.data.get("suggest")
        hint = f" (a value for it belongs in |{sugg}=)" if sugg and sugg != key else ""
        return (f"|{shown}= is empty and not a parameter of {template(issue)}: CS1 shows \"Cite has empty unknown "
                f"parameter: |{shown}=\"; remove it{hint}")
