from __future__ import annotations

import re

from citelint.model import Severity
from citelint.rules.cs1_param_rule import CS1ParamRule, shown, template


class Cs1TextIgnored(CS1ParamRule):
    """Text in a CS1/CS2 citation that is in no parameter (no ``name=``): CS1 ignores it.

    It is usually a parameter whose ``=`` is missing, or text typed after a stray ``|``.

    CS1 has no positional parameters: it shows 'Text "…" ignored' and files the page under "CS1 errors:
    unrecognized parameter" (``err_text_ignored``; Help:CS1 errors#text_ignored). An explicit ``|1=…`` is the
    same. A value made only of templates is left alone (what they expand to is not known offline).

    Why: the text is not shown in the citation.

    Fix: give the text the parameter it belongs to (``|title Foo`` → ``|title=Foo``), or remove it.

    Example::

        {{cite book |title=T |publisher=P |2001}}   ← cs1-text-ignored (it belongs in |year= or |date=)
    """

    name = "cs1-text-ignored"
    code = "CL509"
    severity = Severity.ERROR
    kind = "text-ignored"
    anchor = "text_ignored"

    def message(self, issue) -> str:
        from citelint.cs1params import status, whitelist

        value = issue.param.value
        cs1 = f"CS1 shows 'Text \"{shown(value)}\" ignored'"
        m = re.match(r"([A-Za-z][A-Za-z0-9-]+)[ \t]+\S", value)
        if m and status(whitelist(), m.group(1), issue.cite.cls):
            return (f"text \"{shown(value)}\" in {template(issue)} is in no parameter: {cs1}; add the missing "
                    f"\"=\" after |{m.group(1)}")
        return (f"text \"{shown(value)}\" in {template(issue)} is in no parameter (no \"name=\"): {cs1}; give it "
                f"the parameter it belongs to, or remove it")
