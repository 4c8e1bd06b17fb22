"""Inline suppressions: ``<!-- citelint-… -->`` comments in wikitext, applied in the decide stage.

Forms (rules by name, code or code prefix, separated by commas or spaces; none means every rule;
an optional ``-- reason`` after the rules is ignored)::

    <!-- citelint-disable-next-line undefined-ref -->   the next line of text (see below)
    <!-- citelint-disable-line CL201 -->                the line the comment is on
    <!-- citelint-disable unused-ref, CL201 -->         from here …
    <!-- citelint-enable unused-ref -->                 … to here (or to the end of the page)
    <!-- citelint-disable-file undefined-ref -->        the whole page, wherever the comment is

"Next line" is the next line that holds text: after the comment, blank lines and lines holding only
comments are skipped. So a comment alone on its line (or at the end of a line) covers the following
line of text; a comment with text after it on its own line covers the rest of that line. Findings
before the comment on its line are never covered (use ``disable-line`` for those).

Only comments MediaWiki sees as comments count: the wikitext parser lists them in
``CitationModel.comments`` (none inside ``<nowiki>``, ``<pre>`` and the like).

A directive that silences nothing is reported as ``unused-suppression`` — for the rules it names
that are selected in this run only, so ``--select undefined-ref`` does not flag suppressions of
other rules. Unknown directives (``citelint-disabel``) and unknown rule names are reported too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from citelint.quoting import clip
from citelint.model import Span

#: directive keyword → kind
KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_DIRECTIVE = re.compile(r"^\s*citelint-([a-z][a-z-]*)\b(.*)$", re.DOTALL | re.IGNORECASE)
_SPLIT = re.compile(r"[\s,]+")


@dataclass
class Selector:
    """One rule selector in a directive, with the rules it stands for and whether it was needed."""

    text: str
    rules: frozenset[str]
    used: bool = False


@dataclass
class Directive:
    kind: str  # one of KINDS, or "unknown"
    span: Span  # the whole comment
    text: str  # the comment as written
    selectors: list[Selector]  # empty: every rule
    unknown: list[str] = field(default_factory=list)  # selectors that name no rule
    keyword: str = ""  # as written, for messages about unknown directives
    used: bool = False  # for "every rule" directives and for enable

    @property
    def all_rules(self) -> bool:
        return not self.selectors and not self.unknown

    def covers(self, rule: str) -> bool:
        return self.all_rules or any(rule in s.rules for s in self.selectors)

    def mark(self, rule: str) -> None:
        self.used = True
        for s in self.selectors:
            if rule in s.rules:
                s.used = True


@dataclass
class _Region:
    """Offsets [start, end) a directive covers, for some rules (``None``: those the directive names)."""

    start: int
    end: int
    directive: Directive
    #: for a disable range: rule → offset where an enable closed it early (rules the directive names)
    closed: dict[str, int] = field(default_factory=dict)

    def covers(self, rule: str, offset: int) -> bool:
        if not self.directive.covers(rule):
            return False
        return self.start <= offset < self.closed.get(rule, self.end)


def parse_directives(text: str, comments: Iterable[Span],
                     resolve: Callable[[str], Optional[frozenset[str]]]) -> list[Directive]:
    """The ``citelint-`` directives among the comments, in text order.

    ``resolve`` maps a selector (name, code, prefix) to rule names, or None when it names none.
    """
    out = []
    for span in sorted(comments, key=lambda s: s.start):
        raw = text[span.start:span.end]
        body = raw[4:-3] if raw.endswith("-->") else raw[4:]
        m = _DIRECTIVE.match(body)
        if m is None:
            continue
        keyword, rest = m.group(1).lower(), m.group(2)
        rest = re.split(r"\s--(?:\s|$)", rest, maxsplit=1)[0]  # "-- reason" is for people
        kind = keyword if keyword in KINDS else "unknown"
        selectors, unknown = [], []
        for token in _SPLIT.split(rest.strip()):
            if not token:
                continue
            rules = resolve(token)
            if rules is None:
                unknown.append(token)
            else:
                selectors.append(Selector(token, rules))
        out.append(Directive(kind, span, raw, selectors, unknown, keyword=m.group(1)))
    return out


def _next_text_line_end(text: str, pos: int, comment_ends: dict[int, int]) -> int:
    """End of the first line holding text after ``pos``, skipping whitespace and comments."""
    n = len(text)
    while pos < n:
        c = text[pos]
        if c.isspace():
            pos += 1
        elif pos in comment_ends:
            pos = comment_ends[pos]
        else:
            break
    end = text.find("\n", pos)
    return n if end == -1 else end


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, (len(text) if le == -1 else le)


class Suppressions:
    """The regions a page's directives cover; ``suppressed`` also records which directives were needed."""

    def __init__(self, text: str, comments: Iterable[Span],
                 resolve: Callable[[str], Optional[frozenset[str]]]) -> None:
        comments = list(comments)
        self.directives = parse_directives(text, comments, resolve)
        self.regions: list[_Region] = []
        self.stray_enables: list[Directive] = []
        comment_ends = {c.start: c.end for c in comments}
        open_ranges: list[_Region] = []
        for d in self.directives:
            if d.kind == "disable-next-line":
                self.regions.append(_Region(d.span.end, _next_text_line_end(text, d.span.end, comment_ends), d))
            elif d.kind == "disable-line":
                self.regions.append(_Region(*_line_bounds(text, d.span.start, d.span.end), d))
            elif d.kind == "disable-file":
                self.regions.append(_Region(0, len(text) + 1, d))
            elif d.kind == "disable":
                r = _Region(d.span.end, len(text) + 1, d)
                self.regions.append(r)
                open_ranges.append(r)
            elif d.kind == "enable":
                self._enable(d, open_ranges)

    def _enable(self, d: Directive, open_ranges: list[_Region]) -> None:
        """Close what an enable names: whole ranges, or some rules of a range (``disable`` … ``enable x``)."""
        at = d.span.start
        for r in list(open_ranges):
            if d.all_rules:
                r.end = min(r.end, at)
                open_ranges.remove(r)
                d.used = True
                continue
            named = set().union(*(s.rules for s in d.selectors)) if d.selectors else set()
            if r.directive.all_rules:
                targets = named - set(r.closed)
            else:
                targets = {rule for s in r.directive.selectors for rule in s.rules} & named - set(r.closed)
            if not targets:
                continue
            for rule in targets:
                r.closed[rule] = at
            for s in d.selectors:
                if s.rules & targets:
                    s.used = True
            if not r.directive.all_rules:
                names = {rule for s in r.directive.selectors for rule in s.rules}
                if names <= set(r.closed):
                    r.end = min(r.end, at)
                    open_ranges.remove(r)

    def suppressed(self, rule: str, offset: int, about: Optional[Directive] = None) -> bool:
        """Whether a finding of ``rule`` at ``offset`` is silenced (and mark the directives that do it).

        ``about``: the finding is an unused-suppression report about this directive. Such a report is
        silenced only by another directive that names the rule, not by one for every rule.
        """
        hit = False
        for r in self.regions:
            if about is not None and (r.directive is about or r.directive.all_rules):
                continue
            if r.covers(rule, offset):
                r.directive.mark(rule)
                hit = True
        return hit

    def unused(self, selected: Callable[[str], bool], every_rule: Iterable[str]) -> list[tuple[Directive, str]]:
        """(directive, message) for each directive that silenced nothing.

        A selector counts as unused only when all its rules ran (are ``selected``): a rule left out
        of this run might have needed it. ``every_rule`` is what a directive naming no rule covers.
        """
        every_rule = list(every_rule)
        out = []
        for d in self.directives:
            if d.kind == "unknown":
                import difflib  # start-up: only for a misspelt directive

                close = difflib.get_close_matches(d.keyword.lower(), KINDS, n=1)
                hint = f"did you mean citelint-{close[0]}?" if close else \
                    "use one of " + ", ".join(f"citelint-{k}" for k in KINDS)
                out.append((d, f"citelint-{clip(d.keyword)} is not a citelint directive, so it silences nothing: {hint}"))
                continue
            if d.unknown:
                out.append((d, f"citelint-{d.kind} names no rule called {clip(', '.join(d.unknown))}: fix the name "
                               f"(`citelint rules` lists the rules) or remove it"))
            if d.kind == "enable":
                idle = [s.text for s in d.selectors if not s.used]
                if d.all_rules and not d.used:
                    out.append((d, "citelint-enable closes no citelint-disable before it: remove it"))
                elif idle:
                    out.append((d, f"citelint-enable {clip(' '.join(idle))}: {clip(' or '.join(idle))} "
                                   f"{'was' if len(idle) == 1 else 'were'} not disabled before it: remove "
                                   f"{'the comment' if len(idle) == len(d.selectors) else clip(', '.join(idle)) + ' from it'}"))
                continue
            where = {"disable-next-line": "on the next line of text", "disable-line": "on its line",
                     "disable-file": "in this page", "disable": "before the matching citelint-enable"}[d.kind]
            if d.all_rules:
                if not d.used and all(selected(r) for r in every_rule):
                    out.append((d, f"unused suppression: citelint-{d.kind} silences nothing, no finding {where}: "
                                   f"remove the comment"))
            else:
                idle = [s.text for s in d.selectors if not s.used and all(selected(r) for r in s.rules)]
                if idle:
                    fix = ("remove the comment" if len(idle) == len(d.selectors) and not d.unknown
                           else f"remove {clip(', '.join(idle))} from it")
                    out.append((d, f"unused suppression: no {clip(' or '.join(idle))} finding {where} for "
                                   f"citelint-{d.kind} to silence: {fix}"))
        return out


def for_document(text: str, comments: Iterable[Span], enabled: bool = True) -> Optional["Suppressions"]:
    """The suppressions a document's comments hold, or None when there are none (or they are ignored)."""
    if not comments or not enabled:
        return None
    from citelint.selection import SelectionError, match

    def resolve(selector: str):
        try:
            return frozenset(match(selector))
        except SelectionError:
            return None

    sup = Suppressions(text, comments, resolve)
    return sup if sup.directives else None
