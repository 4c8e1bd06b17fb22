from __future__ import annotations

from citelint.model import Severity
from citelint.rules.cs1_param_rule import CS1ParamRule, template


class Cs1MissingPipe(CS1ParamRule):
    """A CS1/CS2 parameter value holds ``name=`` of another parameter: the ``|`` before it is missing.

    For example ``|title=Title access-date=2016-03-17``.

    As Module:Citation/CS1's ``missing_pipe_check``: after HTML tags are removed, the first word followed
    by ``=`` that comes after white space (or starts the value) is looked up in the whitelist; if it is a CS1
    parameter name, the pipe is missing. Templates nested in the value are left out (their output is not
    known offline).

    CS1 shows "Missing pipe in: |title=" and files the page under "CS1 errors: missing pipe"
    (``err_missing_pipe``; Help:CS1 errors#missing_pipe).

    Why: the second parameter's value becomes part of the first one's (a title ending in
    "access-date=2016-03-17"), and the second parameter is missing.

    Fix: add the ``|`` before the name.

    Example::

        {{cite web |url=https://example.org |title=Title access-date=2016-03-17}}   ← cs1-missing-pipe
    """

    name = "cs1-missing-pipe"
    code = "CL510"
    severity = Severity.ERROR
    kind = "missing-pipe"
    anchor = "missing_pipe"

    def message(self, issue) -> str:
        key = issue.data["key"]
        name = issue.data["name"]
        return (f"|{key}= of {template(issue)} holds \"{name}=\": CS1 shows \"Missing pipe in: |{key}=\"; add "
                f"the missing \"|\" before {name}=")
