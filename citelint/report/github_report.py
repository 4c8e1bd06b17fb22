"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding.

``::error file=articles/Foo.wiki,line=3,col=5,endLine=3,endColumn=20,title=CL101 undefined-ref::message``

Escaping follows actions/toolkit (``packages/core/src/command.ts``): in the message ``%``, CR and LF
become ``%25``, ``%0D``, ``%0A``; in properties (``file``, ``title``) ``:`` and ``,`` also become
``%3A`` and ``%2C``, since wiki file names and page titles are full of both (``Washington,_D.C.``,
``Category:Physics``). Paths are relative to ``$GITHUB_WORKSPACE`` (else the working directory) so the
annotation lands on the file in the pull request.

A finding in a dump page is annotated on the dump file without a line (its line is inside the page's
revision text, not a line of the dump); the page, revision, line and column lead the message.
"""

from __future__ import annotations

import os

from citelint.report._locations import relative_to

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict, message: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _root() -> str:
    return os.environ.get("GITHUB_WORKSPACE") or os.getcwd()


def _file(path: str, root: str) -> str:
    rel = relative_to(path, root)
    return rel if rel is not None else path


def annotation(f, root: str) -> str:
    title = f"{f.code} {f.rule}"
    props: dict = {"file": _file(f.path, root)}
    message = f.message
    if f.page is None:
        props["line"] = f.line
        props["col"] = f.column
        props["endLine"] = f.end_line
        if f.end_line == f.line:  # GitHub uses an end column only for a range on one line
            props["endColumn"] = f.end_column
    else:
        rev = f", revision {f.revision}" if f.revision else ""
        message = f"[[{f.page}]]{rev}, line {f.line}, column {f.column}: {f.message}"
        title = f"{title} ({f.page})"
    props["title"] = title
    return command(COMMAND[f.severity.label], props, message)


def render(result, stream, *, color: bool = False) -> None:
    root = _root()
    for err in result.errors:
        stream.write(command("error", {"file": _file(err.path, root), "title": "citelint: input error"},
                             str(err.message)) + "\n")
    for notice in result.notices:  # run-wide: no file
        stream.write(command("warning", {"title": f"citelint: {notice['id']}"}, notice["message"]) + "\n")
    for f in result.findings:
        stream.write(annotation(f, root) + "\n")
    n = len(result.findings)
    counts = ", ".join(f"{c} {s}{'s' if c != 1 and s != 'info' else ''}"
                       for s, c in result.counts_by_severity().items() if c)
    summary = f"citelint: {n} finding{'s' if n != 1 else ''}" + (f" ({counts})" if counts else "")
    summary += f" in {result.files_checked} file{'s' if result.files_checked != 1 else ''}"
    base = result.extra.get("baseline")
    if isinstance(base, dict) and base.get("suppressed"):
        summary += f"; {base['suppressed']} more covered by the baseline"
    # a plain line (not a command); it must not start with "::"
    stream.write(summary + "\n")
