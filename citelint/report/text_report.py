"""``path:line:col: CODE rule-name message``: one line per finding, for editors and grep."""

from __future__ import annotations


def location(f) -> str:
    path = f.path
    if f.page is not None:
        path = f"{path}[{f.page}@{f.revision}]" if f.revision else f"{path}[{f.page}]"
    return f"{path}:{f.line}:{f.column}"


def render(result, stream, *, color: bool = False) -> None:
    for f in result.findings:
        stream.write(f"{location(f)}: {f.code} {f.rule} {f.message}\n")
