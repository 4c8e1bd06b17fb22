"""The terminal report: findings grouped by file (or page), source line with the span marked, summary.

A dump's findings are grouped by page, and under a page by revision when several were checked,
in the order the dump holds them (oldest revision first).
"""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.text import Text

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _page_key(f):
    return (f.path, f.page)


def _ordered(findings: list) -> list:
    """Files by path; within a dump, pages and revisions in the order the run met them."""
    pages: dict = {}
    revisions: dict = {}
    for f in findings:
        pages.setdefault((f.path, f.page), len(pages))
        revisions.setdefault((f.path, f.page, f.revision), len(revisions))
    return sorted(findings, key=lambda f: (f.path, pages[(f.path, f.page)], revisions[(f.path, f.page, f.revision)],
                                           f.line, f.column))


def render(result, stream, *, color: bool = False) -> None:
    console = Console(file=stream, no_color=not color, force_terminal=color, highlight=False,
                      soft_wrap=True, emoji=False)
    for (path, page), group in groupby(_ordered(result.findings), key=_page_key):
        group = list(group)
        revs = list(dict.fromkeys(f.revision for f in group))
        title = Text(path, style="bold underline")
        if page is not None:
            title.append(f"  {page}", style="bold")
            if len(revs) == 1 and revs[0]:
                title.append(f" (revision {revs[0]})", style="bold")
        console.print(title)
        if len(revs) > 1:
            for rev, in_rev in groupby(group, key=lambda f: f.revision):
                console.print(Text(f"  revision {rev}", style="bold cyan"))
                _findings(console, in_rev, "    ")
        else:
            _findings(console, group, "  ")
        console.print()
    _summary(console, result)


def _findings(console: Console, findings, indent: str) -> None:
    for f in findings:
        sev = f.severity.label
        head = Text(indent)
        head.append(f"{f.line}:{f.column}", style="bold")
        head.append("  ")
        head.append(f"{sev:<7}", style=STYLE[sev])
        head.append(" ")
        head.append(f"{f.code} {f.rule}", style="magenta")
        head.append("  ")
        head.append(f.message)
        console.print(head)
        if f.source_line:
            console.print(_source(f, indent + "  "))


def _source(f, indent: str = "    ") -> Text:
    line = f.source_line.expandtabs(1)
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    # keep long lines readable: a window around the span
    width = 100
    lo = max(0, start - 30)
    hi = min(len(line), max(end, start + 1) + 30, lo + width)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    shown = line[lo:hi]
    t = Text(f"{indent}│ ", style="dim")
    t.append(prefix, style="dim")
    seg_start = start - lo
    seg_end = max(seg_start + 1, min(end, hi) - lo)
    t.append(shown[:seg_start])
    t.append(shown[seg_start:seg_end], style="bold")
    t.append(shown[seg_end:])
    t.append(suffix, style="dim")
    mark = Text(f"{indent}│ ", style="dim")
    mark.append(" " * (len(prefix) + seg_start))
    mark.append("^" * max(1, seg_end - seg_start), style="bold red")
    return Text.assemble(t, "\n", mark)


def _summary(console: Console, result) -> None:
    counts = result.counts_by_severity()
    total = len(result.findings)
    files = result.files_checked
    line = Text()
    if total:
        line.append(f"{total} finding{'s' if total != 1 else ''}", style="bold")
        parts = [f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in counts.items() if n]
        line.append(" (" + ", ".join(parts) + ")")
    else:
        line.append("No findings", style="bold green")
    line.append(f" in {files} file{'s' if files != 1 else ''}")
    pages = result.extra.get("pages_checked")
    if pages:
        revisions = result.extra.get("revisions_checked", pages)
        line.append(f" ({pages} page{'s' if pages != 1 else ''}"
                    + (f", {revisions} revisions" if revisions != pages else "") + ")")
    line.append(f", {result.elapsed:.2f}s")
    console.print(line)
    by_rule = result.counts_by_rule()
    if by_rule:
        console.print("  " + "  ".join(f"{rule}: {n}" for rule, n in by_rule.items()), style="dim")
    if "links" in result.extra:
        _links_summary(console, result.extra["links"], result.extra.get("links_not_verified"))
    for notice in result.notices:
        console.print(Text("  warning: ", style=STYLE["warning"]) + Text(notice["message"]))
    if result.errors:
        console.print(f"{len(result.errors)} input error{'s' if len(result.errors) != 1 else ''} "
                      f"(see messages above)", style="bold red")


def _links_summary(console: Console, links, not_verified) -> None:
    """``links: 120 URLs (80 from cache), 110 ok, 3 dead, 2 unreachable, 5 not verified`` and, with
    --verbose, the links that could not be verified."""
    if not isinstance(links, dict):
        console.print(f"  links: {links}", style="dim")
        return
    n = links.get("urls", 0)
    if not n and not links.get("invalid") and not links.get("not_checked"):
        return
    line = f"  links: {n} URL{'s' if n != 1 else ''}"
    if links.get("not_checked_reason"):  # the notice below says why
        console.print(line + ", not checked", style="dim")
        return
    if links.get("from_cache"):
        line += f" ({links['from_cache']} from cache)"
    parts = [f"{links.get(k, 0)} {label}" for k, label in
             (("ok", "ok"), ("dead", "dead"), ("unreachable", "unreachable"), ("not_verified", "not verified"),
              ("blocked", "blocked (private address)")) if links.get(k)]
    if links.get("invalid"):
        parts.append(f"{links['invalid']} invalid")
    if links.get("not_checked"):
        parts.append(f"{links['not_checked']} not http(s)")
    if parts:
        line += ": " + ", ".join(parts)
    line += f", {links.get('elapsed_seconds', 0):.2f}s"
    console.print(line, style="dim")
    unverified = links.get("not_verified", 0) + links.get("blocked", 0)
    if not_verified:
        console.print("  could not be verified (never a failure):", style="dim")
        for item in not_verified:
            where = item["path"] + (f"[{item['page']}]" if item.get("page") else "")
            console.print(f"    {where}:{item['line']}:{item['column']}  {item['url']}  {item['reason']}",
                          style="dim")
    elif unverified:
        console.print("  (--verbose lists the links that could not be verified)", style="dim")
