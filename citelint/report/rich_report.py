"""The terminal report: findings grouped by file (or page), source line with the span marked, summary.

A dump's findings are grouped by page, and under a page by revision when several were checked,
in the order the dump holds them (oldest revision first).

Layout, fitted to the console's width (the terminal's, or ``COLUMNS``; 80 when neither is known)::

    article.wiki
       2:28  error    CL101 undefined-ref    reference "deleted" is used but never defined: give one use
                                             the full citation or restore the deleted definition
           │ It reuses a deleted source.<ref name="deleted" />
           │                            ^^^^^^^^^^^^^^^^^^^^^^

- columns line up within a file (or page): line numbers right-aligned and columns left-aligned around
  the ``:``, the severity and the rule padded to the widest in the group;
- the message is wrapped at word boundaries inside the width, with a hanging indent: under the message
  column when at least ``MIN_MESSAGE`` cells are left there, else under the severity column;
- the source line is cut to the width, centred on the span, with ``…`` where it is cut; the ``^`` marks sit
  under the span counted in terminal cells (wide CJK characters take two, combining marks none, a tab
  shows as ``TAB`` spaces); control and format characters of the page are shown harmlessly (control
  pictures, or dropped when invisible), so a page cannot send escape sequences to the terminal.

Speed: a finding is written as plain strings with the ANSI codes of its few styles worked out once per
run (rich does that, through the console); rich's Text, measuring and wrapping machinery is used only
for the few summary lines. Only a bounded window of the source line around the span is read
(``_snippet``), so a finding on a 5 MB line costs what one on a short line costs.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import groupby
from typing import Optional

from rich.cells import get_character_cell_size
from rich.console import Console
from rich.text import Text

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
#: a tab in the source line shows as this many spaces
TAB = 4
#: fewer cells than this left after the rule column: the message hangs under the severity column instead
MIN_MESSAGE = 50
#: narrower than this is laid out as if it were this wide (the terminal wraps the rest)
MIN_WIDTH = 40
SEVERITY_WIDTH = max(len(s) for s in STYLE)
ELLIPSIS = "…"
#: findings written per write() call
CHUNK = 2000


def _snippet(f, before: int, after: int) -> Optional[tuple[str, int, bool]]:
    """A bounded window of the finding's source line: ``(text, start, to_end)``, where ``text`` holds
    the line's characters from index ``start`` (0-based, in code points) for at most ``before``
    characters before the span's start and ``after`` from it, and ``to_end`` says whether ``text``
    runs to the end of the line. None when the finding has no source line.

    The only place the reporter reads the line. A Finding carries an excerpt of its line, not the
    whole of it (``source_line`` from column ``source_column``, of a line of ``line_length``
    characters; see ``LineIndex.excerpt``): the window is cut from what the excerpt holds.
    """
    line = f.source_line
    if not line:
        return None
    skipped = f.source_column - 1
    length = f.line_length if f.line_length >= 0 else skipped + len(line)
    c = f.column - 1
    lo = max(skipped, c - before)
    hi = min(c + after, skipped + len(line))
    return line[lo - skipped:hi - skipped], lo, hi >= length


# --- characters as a terminal shows them ---------------------------------------------------------------


@lru_cache(maxsize=8192)
def _glyph(ch: str) -> tuple[str, int]:
    """What to print for one source character, and how many terminal cells it takes."""
    if ch == "\t":
        return " " * TAB, TAB
    if ch.isprintable():
        return ch, get_character_cell_size(ch)
    o = ord(ch)
    if o < 0x20:
        return chr(0x2400 + o), 1  # a control picture: ␛ for ESC, ␍ for CR
    if o == 0x7F:
        return "\u2421", 1
    cat = unicodedata.category(ch)
    if cat == "Zs":  # no-break and other spaces
        return " ", 1
    if cat == "Cf":  # invisible format characters: joiners, direction marks and overrides, soft hyphen
        return "", 0
    return "\ufffd", 1  # C1 controls, line and paragraph separators, private use, unassigned, surrogates


def _clean(text: str) -> str:
    """``text`` with every character replaced by what the terminal should be sent for it."""
    if text.isascii() and text.isprintable():
        return text
    return "".join([_glyph(ch)[0] for ch in text])


def _cells(clean: str) -> int:
    """Terminal cells of a cleaned string."""
    if clean.isascii():
        return len(clean)
    return sum([_glyph(ch)[1] for ch in clean])


def _left(text: str, simple: bool, i: int, budget: int) -> tuple[int, int]:
    """Go left from index ``i`` while the characters fit in ``budget`` cells: (new index, cells used)."""
    if simple:
        a = max(0, i - max(budget, 0))
        return a, i - a
    used = 0
    while i > 0:
        w = _glyph(text[i - 1])[1]
        if used + w > budget:
            break
        used += w
        i -= 1
    return i, used


def _right(text: str, simple: bool, i: int, budget: int, limit: int) -> tuple[int, int]:
    """Go right from index ``i`` (up to ``limit``) while the characters fit in ``budget`` cells."""
    if simple:
        b = min(limit, i + max(budget, 0))
        return b, b - i
    used = 0
    while i < limit:
        w = _glyph(text[i])[1]
        if used + w > budget:
            break
        used += w
        i += 1
    return i, used


def _fit(text: str, s: int, e: int, at_start: bool, at_end: bool, avail: int):
    """Cut ``text`` (a window of a line) to ``avail`` cells around the span ``[s, e)``.

    ``at_start``/``at_end``: the window begins/ends where the line does (else it is cut there).
    Returns ``(lead, before, span, after, trail, caret_at, carets)``: the ellipsis or "" on each side,
    the three parts of the text shown, the cells before the first ``^`` and the number of ``^``.
    """
    n = len(text)
    simple = text.isascii() and text.isprintable()
    span_end, span_cells = _right(text, simple, s, avail, e)
    carets = max(1, span_cells)
    if span_end < e or carets > avail - 2:  # a span wider than the line shown: show its start
        bl = avail // 4  # and a little of what comes before it
        a, lu = _left(text, simple, s, bl)
        if a == 0 and at_start:
            lead = ""
        else:
            lead = ELLIPSIS
            a, lu = _left(text, simple, s, bl - 1)
        room = avail - len(lead) - lu
        b, used = _right(text, simple, s, room, n)
        trail = ""
        if b < n or not at_end:
            trail = ELLIPSIS
            b, used = _right(text, simple, s, room - 1, n)
        e = min(e, b)
        _, span_cells = _right(text, simple, s, avail, e)
        return lead, text[a:s], text[s:e], text[e:b], trail, len(lead) + lu, max(1, span_cells)
    budget = avail - carets
    bl = budget // 2
    br = budget - bl
    a, lu = _left(text, simple, s, budget)
    left_whole = at_start and a == 0
    b, ru = _right(text, simple, e, budget, n)
    right_whole = at_end and b == n
    if left_whole and lu <= bl:
        br = budget - lu
    elif right_whole and ru <= br:
        bl = budget - ru
    if left_whole and lu <= bl:
        lead = ""
    else:
        lead = ELLIPSIS
        a, lu = _left(text, simple, s, bl - 1)
    if right_whole and ru <= br:
        trail = ""
    else:
        trail = ELLIPSIS
        b, ru = _right(text, simple, e, br - 1, n)
    return lead, text[a:s], text[s:e], text[e:b], trail, len(lead) + lu, carets


def _cut(word: str, cap: int) -> tuple[str, str]:
    """The head of a cleaned word that fits in ``cap`` cells (at least one character), and the rest."""
    if word.isascii():
        k = max(1, cap)
        return word[:k], word[k:]
    used = 0
    for i, ch in enumerate(word):
        used += _glyph(ch)[1]
        if used > cap:
            k = max(1, i)
            return word[:k], word[k:]
    return word, ""


def _wrap_text(clean: str, first: int, rest: int) -> list[str]:
    """A cleaned message in lines of at most ``first`` cells, then ``rest`` cells, broken at spaces."""
    if not clean.isascii():
        return _wrap(clean.split(), first, rest)
    text = " ".join(clean.split())
    lines: list[str] = []
    cap = first
    while len(text) > cap:
        i = text.rfind(" ", 0, cap + 1)
        if i <= 0:  # a word longer than a line (a URL): cut it
            i = max(1, cap)
            lines.append(text[:i])
            text = text[i:].lstrip(" ")
        else:
            lines.append(text[:i])
            text = text[i + 1:]
        cap = rest
    if text or not lines:
        lines.append(text)
    return lines


def _wrap(words: list[str], first: int, rest: int, sep: str = " ") -> list[str]:
    """Cleaned words in lines of at most ``first`` cells, then ``rest`` cells; a word longer than a
    whole line (a URL) is cut."""
    lines: list[str] = []
    cur: list[str] = []
    used = 0
    cap = first
    gap = len(sep)
    for word in words:
        w = _cells(word)
        if cur:
            if used + gap + w <= cap:
                cur.append(word)
                used += gap + w
                continue
            lines.append(sep.join(cur))
            cur = []
            cap = rest
        while w > cap:
            head, word = _cut(word, cap)
            lines.append(head)
            cap = rest
            w = _cells(word)
        if word:
            cur = [word]
            used = w
    if cur:
        lines.append(sep.join(cur))
    return lines or [""]


# --- the report ----------------------------------------------------------------------------------------


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


class _Styles:
    """The ANSI codes that open and close each style, worked out once by the console (none without colour)."""

    def __init__(self, console: Console, color: bool) -> None:
        self._console = console
        self._color = color
        self._codes: dict[str, tuple[str, str]] = {}

    def __call__(self, style: str, text: str) -> str:
        opening, closing = self.codes(style)
        return f"{opening}{text}{closing}" if text and opening else text

    def codes(self, style: str) -> tuple[str, str]:
        codes = self._codes.get(style)
        if codes is None:
            codes = self._codes[style] = self._make(style)
        return codes

    def _make(self, style: str) -> tuple[str, str]:
        if not self._color:
            return "", ""
        with self._console.capture() as capture:
            self._console.print(Text("\x00", style=style), end="")
        opening, _, closing = capture.get().partition("\x00")
        return opening, closing


def render(result, stream, *, color: bool = False) -> None:
    console = Console(file=stream, no_color=not color, force_terminal=color, highlight=False,
                      soft_wrap=True, emoji=False)
    width = max(MIN_WIDTH, console.width)
    styles = _Styles(console, color)
    for (path, page), group in groupby(_ordered(result.findings), key=_page_key):
        group = list(group)
        revs = list(dict.fromkeys(f.revision for f in group))
        title = _clean(path)
        stream.write(styles("bold underline", title))
        if page is not None:
            about = _clean(page)
            if len(revs) == 1 and revs[0]:
                about += f" (revision {_clean(revs[0])})"
            # the page beside the path, or under it when both do not fit
            stream.write(styles("bold", ("  " if _cells(title) + 2 + _cells(about) <= width else "\n  ") + about))
        stream.write("\n")
        layout = _Layout(group, width, styles)
        if len(revs) > 1:
            for rev, in_rev in groupby(group, key=lambda f: f.revision):
                stream.write(styles("bold cyan", f"  revision {_clean(str(rev))}") + "\n")
                layout.write(stream, in_rev, "    ")
        else:
            layout.write(stream, group, "  ")
        stream.write("\n")
    _summary(console, result, width)


class _Layout:
    """The columns of one file's (or page's) findings, and how to write a finding in them."""

    def __init__(self, group: list, width: int, styles: _Styles) -> None:
        self.width = width
        self.styles = styles
        self.line_w = max(len(str(f.line)) for f in group)
        self.col_w = max(len(str(f.column)) for f in group)
        self.rule_w = max(len(f.code) + 1 + len(f.rule) for f in group)
        self._wrapped: dict = {}  # (message, first, rest) → lines: findings often repeat a message

    def write(self, stream, findings, indent: str) -> None:
        st = self.styles
        width = self.width
        sev_col = len(indent) + self.line_w + 1 + self.col_w + 2
        msg_col = sev_col + SEVERITY_WIDTH + 2 + self.rule_w + 2
        hang = msg_col if width - msg_col >= MIN_MESSAGE else sev_col
        first = width - msg_col
        rest = width - hang
        gutter = st("dim", " " * (sev_col - 2) + "│") + " "
        avail = width - sev_col
        before, after = 2 * avail, 3 * avail
        hang_pad = " " * hang
        bold_on, bold_off = st.codes("bold")
        # what follows the location, by severity and rule: the same few strings for every finding
        middles: dict = {}
        out: list[str] = []
        for k, f in enumerate(findings):
            sev = f.severity.label
            line, col = str(f.line), str(f.column)
            middle = middles.get((sev, f.code, f.rule))
            if middle is None:
                rule = f"{f.code} {f.rule}"
                middle = middles[(sev, f.code, f.rule)] = (
                    f"  {st(STYLE[sev], sev)}{' ' * (SEVERITY_WIDTH - len(sev))}"
                    f"  {st('magenta', rule)}{' ' * (self.rule_w - len(rule))}  ")
            head = (f"{indent}{' ' * (self.line_w - len(line))}{bold_on}{line}:{col}{bold_off}"
                    f"{' ' * (self.col_w - len(col))}{middle}")
            message = f.message if f.fix is None else ("[*] " if f.fix.safety == "safe" else "[-] ") + f.message
            lines = self._message(message, first, rest)
            if first < 12:  # no room beside the rule: the message starts below
                out.append(head.rstrip() + "\n")
                out.extend(f"{hang_pad}{m}\n" for m in lines)
            else:
                out.append(f"{head}{lines[0]}\n")
                out.extend(f"{hang_pad}{m}\n" for m in lines[1:])
            snippet = _snippet(f, before, after)
            if snippet is not None:
                out.append(self._source(f, snippet, gutter, avail, sev))
            if k % CHUNK == CHUNK - 1:
                stream.write("".join(out))
                out.clear()
        stream.write("".join(out))

    def _message(self, message: str, first: int, rest: int) -> list[str]:
        if first < 12:
            first = rest
        key = (message, first, rest)
        lines = self._wrapped.get(key)
        if lines is None:
            lines = self._wrapped[key] = _wrap_text(_clean(message), first, rest)
        return lines

    def _source(self, f, snippet: tuple[str, int, bool], gutter: str, avail: int, sev: str) -> str:
        text, start, to_end = snippet
        s = min(max(0, f.column - 1 - start), len(text))
        e = f.end_column - 1 - start if f.end_line == f.line else len(text)
        e = min(max(e, s), len(text))
        lead, pre, span, post, trail, caret_at, carets = _fit(text, s, e, start == 0, to_end, avail)
        st = self.styles
        return (f"{gutter}{st('dim', lead)}{_clean(pre)}{st('bold', _clean(span))}{_clean(post)}{st('dim', trail)}\n"
                f"{gutter}{' ' * caret_at}{st(STYLE[sev], '^' * carets)}\n")


def _summary(console: Console, result, width: int) -> None:
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
    safe, unsafe = result.fixable()
    fixed = result.extra.get("fixed")
    if fixed:
        console.print(f"  fixed {fixed['findings']} finding{'s' if fixed['findings'] != 1 else ''} in "
                      f"{fixed['files']} file{'s' if fixed['files'] != 1 else ''}", style="green")
    if safe or unsafe:
        note = f"  [*] {safe} fixable with --fix" if safe else "  [-] "
        if unsafe:
            note += f" ({unsafe} more with --fix --unsafe-fixes)" if safe else \
                f"{unsafe} fixable with --fix --unsafe-fixes"
        console.print(note, style="cyan", markup=False, highlight=False)
    by_rule = result.counts_by_rule()
    if by_rule:
        items = [f"{rule}: {n}" for rule, n in by_rule.items()]
        for row in _wrap(items, width - 2, width - 2, sep="  "):
            console.print("  " + row, style="dim")
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
