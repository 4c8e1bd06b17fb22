"""``path:line:col: CODE rule-name message``: one line per finding, for editors and grep."""

from __future__ import annotations


def location(f) -> str:
    path = f.path
    if f.page is not None:
        path = f"{path}[{f.page}@{f.revision}]" if f.revision else f"{path}[{f.page}]"
    return f"{path}:{f.line}:{f.column}"


def render(result, stream, *, color: bool = False) -> None:
    """A finding ``--fix`` repairs is marked ``[*]`` before its message, as ruff does (``[-]``: only with
    ``--unsafe-fixes``)."""
    for f in result.findings:
        mark = "" if f.fix is None else ("[*] " if f.fix.safety == "safe" else "[-] ")
        stream.write(f"{location(f)}: {f.code} {f.rule} {mark}{f.message}\n")
