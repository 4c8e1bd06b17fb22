from __future__ import annotations

from citelint.model import Severity
from citelint.rules.cs1_param_rule import CS1ParamRule, template


class Cs1DeprecatedParameter(CS1ParamRule):
    """A CS1/CS2 citation parameter that CS1 still reads but has deprecated.

    The deprecated names are those the pinned Module:Citation/CS1/Whitelist marks ``false``: in the
    2022-09-17 revision ``|lay-url=``, ``|lay-date=``, ``|lay-source=``, ``|lay-format=`` and ``{{cite
    episode}}``'s ``|transcripturl=``. (``|accessdate=``, ``|archiveurl=`` and ``|archivedate=`` are still
    supported there; ``|deadurl=`` and the other removed names are ``cs1-parameter-ignored``.) An empty
    deprecated parameter is an empty unknown one (``cs1-param-unknown-empty``), as CS1 counts it.

    CS1 shows "Cite uses deprecated parameter |lay-url=" and files the page under "CS1 errors: deprecated
    parameters" (``err_deprecated_params``; Help:CS1 errors#deprecated_params).

    Why: a deprecated parameter stops working when CS1 removes it, and the page is listed for cleanup
    meanwhile.

    Fix: use the parameter's replacement (``|transcripturl=`` → ``|transcript-url=``), or remove it (lay
    summaries are no longer shown).

    Example::

        {{cite journal |title=T |journal=J |lay-url=https://example.org/summary}}   ← cs1-deprecated-params
    """

    name = "cs1-deprecated-params"
    code = "CL506"
    severity = Severity.WARNING
    kind = "deprecated"
    anchor = "deprecated_params"

    def message(self, issue) -> str:
        name = issue.param.name
        repl = issue.data.get("replacement")
        fix = f"rename it |{repl}=" if repl else "remove it (CS1 will drop it)"
        return (f"|{name}= is deprecated in {template(issue)}: CS1 shows \"Cite uses deprecated parameter "
                f"|{name}=\"; {fix}")
