"""Plain-text renderings of wiki pages → citation model.

A page copied out of a browser (or exported as text) keeps its footnote markers and its reference
lists, but loses all markup. This scanner finds them again:

- **markers** in the text: ``[12]`` (default group), ``[note 1]`` / ``[nb 2]`` (a named group),
  ``[a]`` / ``[A]`` / ``[iv]`` (lettered notes, ``{{efn}}`` style: groups ``lower-alpha``,
  ``upper-alpha``, ``lower-roman``, ``upper-roman``). ``[citation needed]``, ``[i.e., …]``,
  ``[edit]``, ``[W]hen`` are not markers.
- **reference lists**: runs of entry lines ``12. …`` / ``12) …`` / ``a. …`` / ``12 ^ …``, or lines that
  start with a backlink arrow ``^ …`` / ``↑ …`` and carry no number (a browser that does not copy list
  numbers); an entry goes on over indented lines. A list is numbered from 1; a number that does not go
  up starts a new list.
- **backlink labels** after the entry number: ``1.0 1.1 1.2`` (MediaWiki, zero-padded past ten),
  ``↑ 2.0 2.1``, a lone ``↑``, ``^ a b c``, a lone ``^``, ``^ Jump up to: a b`` and ``Jump up ^``.

Not every numbered list is a reference list. A run counts as one only with evidence: backlink
labels, a heading such as "References" or "Notes" just above it, or (for a bare numbered list of
three or more entries) being the last numbered list, cited by the markers before it. Lists are then
given to groups: a lettered list to its letter group; a numbered or unnumbered list to the default
group, a named group (``[note 1]``) or, if unnumbered, a letter group — whichever group's markers it
explains best (entries cited, marker keys it has, backlink counts that agree), a suitable heading
("Notes" for a named group, "References" for the default one) tipping the balance. One list per
group, one group per list.

Silence over noise: markers of a group with no list are dropped (a page copied without its list
gives no findings, not hundreds), a list whose group has no marker at all is left out (a copy that
lost its superscripts), and markers far beyond the end of their list are not markers (``[1994]``
in a page with 40 references is a year).

The scanner is linear: one pass over the lines with anchored regexes, one ``finditer`` for markers.

The error messages the wiki rendered into the page and that were copied with it (``Cite error: …``, CS1's
``Check date values in: … (help)``, ``Harv error: …``) are found by ``citelint.parsers.diagnostics`` and kept
as the model's ``leaks`` (rule leaked-diagnostic).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from citelint.model import DEFAULT_GROUP, CitationModel, Definition, RefList, Span, Use
from citelint.parsers.diagnostics import scan as scan_diagnostics

LETTER_GROUPS = ("lower-alpha", "upper-alpha", "lower-roman", "upper-roman")

# -- markers ----------------------------------------------------------------------------------
# [12], [note 1], [nb 2] | [a], [B], [iv] (a lettered marker must not run into a word: "[W]hen")
# (one leading "\[" for both, so the regex engine can skip to the next bracket quickly)
_MARKER = re.compile(
    r"\[(?:(?:([A-Za-z][A-Za-z-]{0,24}) )?([1-9][0-9]{0,3})\]"
    r"|([a-z]{1,5}|[A-Z]{1,5})\](?![A-Za-z0-9]))"
)

# -- list entries -----------------------------------------------------------------------------
_BULLETS = "•*·-–◦▪"
_ENTRY = re.compile(
    r"([ \t]*)(?:"
    r"([1-9][0-9]{0,3})(?:([.)])|(?=[ \t]+(?:Jump up[ \t]+)?[\^↑](?:[ \t]|$)))"
    r"|([a-z]{1,5}|[A-Z]{1,5})([.)])"
    r")(?:[ \t]+|$)"
)
_IMPLICIT = re.compile(r"([ \t]*)(?=(?:Jump up[ \t]+)?[\^↑](?:[ \t]|$)|Jump up to:)")
_ARROW = re.compile(r"(?:Jump up[ \t]+)?([\^↑])(?:[ \t]+|$)")
_PHRASE = re.compile(r"Jump up to:[ \t]*")
_TOKEN = re.compile(r"(\S+)[ \t]*")
_DOTTED = re.compile(r"([1-9][0-9]{0,3})[.,]([0-9]{1,3})")

# Section headings that introduce a reference list (as copied: maybe with "[edit]" after them).
_HEADING = re.compile(
    r"[ \t]*(?:(?:references?|notes?|footnotes?|endnotes?|citations?|sources?|bibliography|works cited|"
    r"literature cited|notes and references|references and notes|notes and citations|citations and notes|"
    r"explanatory notes|informational notes|reference notes|source notes|general references|"
    r"specific references|inline citations|nb|einzelnachweise|anmerkungen|fußnoten|belege|quellen|"
    r"примечания|сноски|источники|литература|références|notes et références|referencias|notas|"
    r"riferimenti|note|przypisy|bronnen|voetnoten)"
    r"[ \t]*(?::[ \t]*)?(?:(?:\[edit(?: source)?\]|edit)[ \t]*)?)",
    re.IGNORECASE,
)
_NOTES_HEADING = re.compile(
    r"[ \t]*(?:notes?|footnotes?|endnotes?|explanatory notes|informational notes|nb|anmerkungen|fußnoten|"
    r"сноски|notas|note)[ \t]*(?::[ \t]*)?(?:(?:\[edit(?: source)?\]|edit)[ \t]*)?",
    re.IGNORECASE,
)
# Headings that end a list when they follow it with no blank line in between.
_SECTION = re.compile(
    r"[ \t]*(?:external links|see also|further reading|bibliography|literature|sources|references|notes|"
    r"footnotes|navigation menu)[ \t]*(?:\[edit(?: source)?\][ \t]*)?",
    re.IGNORECASE,
)
_NOTE_GROUP = re.compile(r"(?:n|nb|nn|note|notes|fn|footnote|footnotes|efn|anm|nota)\.?", re.IGNORECASE)

MAX_GAP = 20  # entries may be missing from a list (that is what undefined-ref reports), but not this many
NUMBER_SLACK = 10  # markers up to this far past the last entry still count (lost trailing entries)
LETTER_SLACK = 3
MIN_BARE_LIST = 3  # a numbered list with no heading and no backlinks needs this many entries
MAX_NAMED_GROUPS = 20  # named groups beyond this many get no list (keeps group matching linear)


def _alpha_labels() -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return list(letters) + [a + b for a in letters for b in letters]


ALPHA = _alpha_labels()  # MediaWiki's backlink labels and lower-alpha list keys: a … z, aa … zz
_ALPHA_INDEX = {k: i + 1 for i, k in enumerate(ALPHA)}


def _to_roman(n: int) -> str:
    out = []
    for value, sym in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                       (4, "iv"), (1, "i")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


_ROMAN_INDEX = {_to_roman(n): n for n in range(1, 400)}


def letter_ordinal(key: str, style: str) -> Optional[int]:
    """1-based position of a letter key in an ``alpha`` or ``roman`` list, or None if it is not one."""
    low = key.lower()
    if style == "alpha":
        return _ALPHA_INDEX.get(low) if len(low) <= 2 else None
    return _ROMAN_INDEX.get(low)


def marker_label(group: str, key: Optional[str]) -> str:
    """How a rendering shows a marker: ``[12]``, ``[a]``, ``[note 1]``."""
    if not group or group in LETTER_GROUPS:
        return f"[{key}]"
    return f"[{group} {key}]"


# -- the scan ---------------------------------------------------------------------------------
@dataclass(slots=True)
class _Entry:
    start: int  # offset of the number (or the arrow, for an unnumbered entry)
    line_end: int  # end of the first line, trailing blanks dropped
    end: int  # end of the entry with its continuation lines
    indent: int
    key: Optional[str]  # "12", "a"; None for an unnumbered entry
    sep: str  # ".", ")", "" (number followed by an arrow), "^" (unnumbered)
    labels: Optional[tuple[str, ...]]
    content_start: int
    dotted: Optional[int] = None  # N of N.k labels


@dataclass
class _Run:
    kind: str  # "num", "lower", "upper" (letters), "implicit"
    entries: list[_Entry] = field(default_factory=list)
    style: Optional[str] = None  # letters: "alpha" or "roman"
    last: int = 0  # ordinal of the last entry
    heading: Optional[str] = None
    group: Optional[str] = None

    @property
    def start(self) -> int:
        return self.entries[0].start

    @property
    def end(self) -> int:
        return self.entries[-1].end

    @property
    def has_backlinks(self) -> bool:
        return any(e.labels is not None for e in self.entries)


def _parse_labels(line: str, pos: int, ordinal: Optional[int]) -> tuple[Optional[tuple[str, ...]], int, Optional[int]]:
    """Backlink labels at ``pos`` of an entry line: (labels or None, where the content starts, N of N.k)."""
    arrow = None
    m = _ARROW.match(line, pos)
    if m:
        arrow = m.group(1)
        pos = m.end()
    phrase = False
    m = _PHRASE.match(line, pos)
    if m:
        phrase = True
        pos = m.end()
    tokens: list[tuple[str, int]] = []  # (token, offset after it and its trailing blanks)
    p = pos
    while len(tokens) < len(ALPHA):
        t = _TOKEN.match(line, p)
        if not t:
            break
        tokens.append((t.group(1), t.end()))
        p = t.end()
        if len(tokens) >= 2 and not _could_continue(tokens):
            break
    need = 1 if phrase else 2
    # N.k labels: one parent number, k = 0, 1, 2 … (zero-padded to a common width past ten)
    dotted: list[str] = []
    parent = None
    for tok, _ in tokens:
        d = _DOTTED.fullmatch(tok)
        if not d:
            break
        n, k = int(d.group(1)), int(d.group(2))
        if parent is None:
            parent = n
        if n != parent or k != len(dotted) or (ordinal is not None and n != ordinal):
            break
        dotted.append(tok)
    if len(dotted) >= need:
        return tuple(dotted), tokens[len(dotted) - 1][1], parent
    if arrow is not None or phrase:
        for seq in (ALPHA, None):
            got = 0
            for tok, _ in tokens:
                expected = ALPHA[got] if seq is not None else str(got + 1)
                if got >= len(ALPHA) or tok != expected:
                    break
                got += 1
            if got >= need:
                return tuple(t for t, _ in tokens[:got]), tokens[got - 1][1], None
        if arrow is not None:
            return (arrow,), pos, None
    return None, pos, None


def _could_continue(tokens: list[tuple[str, int]]) -> bool:
    """Whether the tokens read so far can still be a label sequence (stops the scan early)."""
    first, last = tokens[0][0], tokens[-1][0]
    i = len(tokens) - 1
    if _DOTTED.fullmatch(first):
        return _DOTTED.fullmatch(last) is not None
    if i < len(ALPHA) and first == "a":
        return last == ALPHA[i]
    if first == "1":
        return last == str(i + 1)
    return False


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.runs: list[_Run] = []

    def scan_lists(self) -> None:
        text = self.text
        run: Optional[_Run] = None
        blanks = 0
        prev_nonblank: Optional[str] = None  # text of the last non-blank line not in a run
        offset = 0
        n = len(text)
        while offset <= n:
            nl = text.find("\n", offset)
            end = n if nl == -1 else nl
            line = text[offset:end]
            stripped = line.strip()
            if not stripped:
                blanks += 1
            else:
                entry = self._entry(line, offset)
                if entry is not None and run is not None and self._extends(run, entry):
                    run.entries.append(entry)
                    blanks = 0
                elif entry is not None and self._starts(entry):
                    if run is not None:
                        self._close(run)
                    run = self._new_run(entry, prev_nonblank)
                    blanks = 0
                elif run is not None and self._continues(run, line, blanks):
                    last = run.entries[-1]
                    last.end = offset + len(line.rstrip())
                    blanks = 0
                else:
                    if run is not None:
                        self._close(run)
                        run = None
                    prev_nonblank = line
                    blanks = 0
                if run is not None:
                    prev_nonblank = None
            if nl == -1:
                break
            offset = nl + 1
        if run is not None:
            self._close(run)

    # one line
    def _entry(self, line: str, offset: int) -> Optional[_Entry]:
        m = _ENTRY.match(line)
        if m:
            indent = len(m.group(1))
            if m.group(2):
                key, sep = m.group(2), m.group(3) or ""
                ordinal: Optional[int] = int(key)
            else:
                key, sep = m.group(4), m.group(5)
                ordinal = None
            labels, cpos, dotted = _parse_labels(line, m.end(), ordinal)
            if key.isalpha() and labels is None and not line[m.end():].strip():
                return None  # "A." alone on a line is not a note
            return self._make(line, offset, indent, key, sep, labels, cpos, dotted)
        m = _IMPLICIT.match(line)
        if m:
            labels, cpos, dotted = _parse_labels(line, m.end(), None)
            if labels is None:
                return None
            return self._make(line, offset, len(m.group(1)), None, "^", labels, cpos, dotted)
        return None

    @staticmethod
    def _make(line, offset, indent, key, sep, labels, cpos, dotted) -> _Entry:
        line_end = offset + len(line.rstrip())
        return _Entry(start=offset + indent, line_end=line_end, end=line_end, indent=indent, key=key, sep=sep,
                      labels=labels, content_start=min(offset + cpos, line_end), dotted=dotted)

    @staticmethod
    def _kind(entry: _Entry) -> str:
        if entry.key is None:
            return "implicit"
        if entry.key.isdigit():
            return "num"
        return "lower" if entry.key.islower() else "upper"

    def _starts(self, entry: _Entry) -> bool:
        kind = self._kind(entry)
        if kind == "num":
            return int(entry.key) <= MAX_GAP
        if kind == "implicit":
            return True
        low = entry.key.lower()
        return low in ("a", "b", "c", "i", "ii")

    def _new_run(self, entry: _Entry, prev: Optional[str]) -> _Run:
        kind = self._kind(entry)
        run = _Run(kind=kind, entries=[entry])
        if kind == "num":
            run.last = int(entry.key)
        elif kind == "implicit":
            run.last = entry.dotted or 1
        else:
            low = entry.key.lower()
            run.style = "roman" if low in ("i", "ii") else "alpha"
            run.last = letter_ordinal(low, run.style) or 1
        if prev is not None and _HEADING.fullmatch(prev):
            run.heading = prev.strip()
        return run

    def _extends(self, run: _Run, entry: _Entry) -> bool:
        kind = self._kind(entry)
        if kind != run.kind:
            return False
        first = run.entries[0]
        if abs(entry.indent - first.indent) > 3 or (entry.sep != first.sep and kind != "implicit"):
            return False
        if kind == "implicit":
            run.last = entry.dotted or run.last + 1
            return True
        if kind == "num":
            ordinal = int(entry.key)
        else:
            ordinal = letter_ordinal(entry.key, run.style)
            if ordinal is None:
                return False
        if not (run.last < ordinal <= run.last + MAX_GAP or (ordinal == run.last and ordinal > 1)):
            return False
        run.last = ordinal
        return True

    @staticmethod
    def _continues(run: _Run, line: str, blanks: int) -> bool:
        last = run.entries[-1]
        indent = len(line) - len(line.lstrip(" \t"))
        if indent > last.indent:
            # after a blank line, a bulleted line ("  • Official site") starts something else
            return blanks <= 3 and not (blanks and line.lstrip(" \t")[:1] in _BULLETS)
        if blanks == 0 and indent == last.indent and not _SECTION.fullmatch(line) and not _HEADING.fullmatch(line):
            return True  # a hard-wrapped entry
        return False

    def _close(self, run: _Run) -> None:
        self.runs.append(run)


# -- from runs to lists and groups --------------------------------------------------------------
# A marker as scanned: (start, end, group, key); group None for a letter marker, whose group the
# lists decide. Plain tuples: a long page has hundreds of thousands of markers.
_Marker = tuple


def _scan_markers(text: str) -> list[_Marker]:
    out = []
    append = out.append
    for m in _MARKER.finditer(text):
        word, number, letters = m.groups()
        start, end = m.span()
        if number is not None:
            append((start, end, word or DEFAULT_GROUP, number))
        else:
            append((start, end, None, letters))
    return out


class _MarkerIndex:
    """What the list finder needs to know about the markers, computed once (keeps the scan linear)."""

    def __init__(self, markers: list[_Marker]) -> None:
        self.default_positions = [start for start, _, group, _ in markers if group == DEFAULT_GROUP]  # ascending
        self.first_default: dict[str, int] = {}
        # marker counts by key: per named group ("" for [12]); letter markers per case ("lower", "upper")
        self.counts: dict[str, dict[str, int]] = {}
        self.letters: dict[str, dict[str, int]] = {}
        self.named: list[str] = []  # named groups in order of first use ([note 1], [nb 1]); a page has a few
        for start, _end, group, key in markers:
            if group is None:
                bucket = self.letters.setdefault("lower" if key.islower() else "upper", {})
            else:
                if group == DEFAULT_GROUP:
                    self.first_default.setdefault(key, start)
                elif group not in self.counts and len(self.named) >= MAX_NAMED_GROUPS:
                    continue
                elif group not in self.counts:
                    self.named.append(group)
                bucket = self.counts.setdefault(group, {})
            bucket[key] = bucket.get(key, 0) + 1

    def for_group(self, group: str) -> dict[str, int]:
        if group in LETTER_GROUPS:
            return self.letters.get(group.split("-")[0], {})
        return self.counts.get(group, {})


def _evidence(run: _Run, index: _MarkerIndex) -> int:
    """How sure we are this run is a reference list: 3 backlinks, 2 heading, 1 tail, 0 none."""
    if run.has_backlinks:
        return 3
    if run.heading is not None:
        if run.kind in ("lower", "upper"):
            return 2 if run.kind in index.letters else 0  # "A. Smith" under "References" is not a note
        return 2
    return 0


def _tail_ok(run: _Run, index: _MarkerIndex) -> bool:
    """A bare numbered list (no heading, no backlinks): most of its entries are cited before it, and few
    markers come after it."""
    if run.kind != "num" or run.entries[0].key != "1" or len(run.entries) < MIN_BARE_LIST:
        return False
    keys = [e.key for e in run.entries]
    cited = sum(1 for k in keys if index.first_default.get(k, run.start) < run.start)
    before = bisect.bisect_left(index.default_positions, run.start)
    after = len(index.default_positions) - bisect.bisect_left(index.default_positions, run.end)
    return cited * 2 >= len(keys) and after * 4 <= before + 1


def _candidates(run: _Run, index: _MarkerIndex) -> list[str]:
    """The groups a list could show, judged by its numbering alone."""
    if run.kind in ("lower", "upper"):
        return [f"{run.kind}-{run.style}"]
    groups = [DEFAULT_GROUP] + index.named
    if run.kind == "implicit":  # unnumbered: could be lettered notes too
        groups += [f"{case}-alpha" for case in ("lower", "upper") if case in index.letters]
    return groups


def _fit(run: _Run, group: str, index: _MarkerIndex) -> float:
    """How well the run explains the markers of the group (0 when the group has none).

    The sum of: the share of entries cited, the share of the group's marker keys the list has, the
    share of entries whose backlink count equals their marker count, and half a point when the heading
    suits the group ("Notes" a named or lettered group, "References" the default group).
    """
    counts = index.for_group(group)
    if not counts:
        return 0.0
    keys = _keys(run, group)
    n = len(keys)
    covered = sum(1 for k in keys if k is not None and k in counts)
    has = set(keys)
    explained = sum(1 for k in counts if k in has)
    agree = sum(1 for e, k in zip(run.entries, keys) if e.labels is not None and counts.get(k, 0) == len(e.labels))
    score = covered / n + explained / len(counts) + agree / n
    if run.heading is not None:
        notesish = _NOTES_HEADING.fullmatch(run.heading) is not None
        if notesish == (group != DEFAULT_GROUP):
            score += 0.5
    return score


def _assign(runs: list[_Run], markers: list[_Marker]) -> list[_Run]:
    """Pick the runs that are reference lists and give each a group: at most one list per group, and
    one group per list, best fit first. A list whose groups have no markers at all is left out."""
    index = _MarkerIndex(markers)
    strength = {id(r): _evidence(r, index) for r in runs}
    for r in reversed(runs):
        if r.kind == "num" and strength[id(r)] == 0 and _tail_ok(r, index):
            strength[id(r)] = 1
            break
    pairs = []
    for r in runs:
        if strength[id(r)] == 0:
            continue
        for group in _candidates(r, index):
            score = _fit(r, group, index)
            if score > 0:
                pairs.append((score, strength[id(r)], r.start, group, r))
    pairs.sort(key=lambda p: p[:3], reverse=True)
    taken: dict[str, _Run] = {}
    for _score, _strength, _start, group, r in pairs:
        if group in taken or r.group is not None:
            continue
        r.group = group
        taken[group] = r
    return sorted(taken.values(), key=lambda r: r.start)


def _keys(run: _Run, group: str) -> list[Optional[str]]:
    """Each entry's key in the group: numbers, or letters (an unnumbered run is counted through)."""
    letters = group in LETTER_GROUPS
    out: list[Optional[str]] = []
    ordinal = 0
    for e in run.entries:
        if e.key is not None:
            out.append(e.key)
            continue
        ordinal = e.dotted or ordinal + 1
        if letters:
            label = ALPHA[ordinal - 1] if ordinal <= len(ALPHA) else None
            if label is not None and group.startswith("upper"):
                label = label.upper()
            out.append(label)
        else:
            out.append(str(ordinal))
    return out


def _ordinal(key: str, group: str) -> Optional[int]:
    if group in LETTER_GROUPS:
        return letter_ordinal(key, "roman" if group.endswith("roman") else "alpha")
    return int(key) if key.isdigit() else None


def _marker_group(key: str, lists: dict[str, int]) -> Optional[str]:
    """The group of a letter marker, given the lists the page has (group → highest ordinal)."""
    case = "lower" if key.islower() else "upper"
    for style in ("alpha", "roman"):
        group = f"{case}-{style}"
        if group in lists:
            ordinal = letter_ordinal(key, style)
            if ordinal is not None and ordinal <= lists[group] + LETTER_SLACK:
                return group
    return None


def _decide(group: Optional[str], key: str, highest: dict[str, int]) -> Optional[str]:
    """The group a marker belongs to, or None when it is not to be counted."""
    if group is None:
        group = _marker_group(key, highest)
    if group is None or group not in highest:
        return None  # no list for this group: say nothing rather than flag every marker
    ordinal = _ordinal(key, group)
    slack = LETTER_SLACK if group in LETTER_GROUPS else NUMBER_SLACK
    if ordinal is None or ordinal > highest[group] + slack:
        return None  # "[1994]" past a 40-entry list is a year, not a marker
    return group


def parse_plaintext(text: str) -> CitationModel:
    model = CitationModel(kind="plaintext")
    scanner = _Scanner(text)
    scanner.scan_lists()
    markers = _scan_markers(text)
    runs = _assign(scanner.runs, markers)

    highest: dict[str, int] = {}
    for run in runs:
        keys = _keys(run, run.group)
        span = Span(run.start, run.end)
        model.reflists.append(RefList(run.group, span, "list"))
        top = 0
        for entry, key in zip(run.entries, keys):
            content = text[entry.content_start:entry.end].strip() if entry.content_start < entry.end else ""
            model.definitions.append(Definition(
                group=run.group, key=key, span=Span(entry.start, entry.line_end), content=content, origin="entry",
                list_defined=True, list_start=run.start, backlinks=entry.labels, content_start=entry.content_start,
            ))
            if key is not None:
                top = max(top, _ordinal(key, run.group) or 0)
        highest[run.group] = top

    decided: dict[tuple, Optional[str]] = {}  # (group as scanned, key) → group of the use, or None: not a marker
    uses = model.uses
    for start, end, scanned, key in markers:
        k = (scanned, key)
        if k not in decided:
            decided[k] = _decide(scanned, key, highest)
        group = decided[k]
        if group is not None:
            uses.append(Use(group, key, Span(start, end), "marker"))
    model.leaks = scan_diagnostics(text)
    return model

