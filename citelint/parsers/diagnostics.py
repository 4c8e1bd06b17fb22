"""Diagnostics that leaked into a rendered page's text: what MediaWiki showed on the page, copied with it.

A page copied out of a browser keeps the error messages the wiki rendered into it. Three kinds are
recognised, each in the form it takes as text:

- **Cite** (the ``<ref>`` extension): ``Cite error: Invalid <ref> tag; no text was provided for refs named
  smith`` (and ``Cite warning: …``), in MediaWiki's own wording and in the English Wikipedia's
  (``The named reference smith was invoked but never defined (see the help page).``). The message is read
  up to the end of its line; ``key`` is the Cite message key it is (``cite_error_references_no_text``).
- **CS1** (Module:Citation/CS1): ``{{cite web}}: Check date values in: |access-date= (help)``; the
  messages (and the ``error_conditions`` keys they belong to) are those of ``data/cs1_messages.toml``,
  generated from the module's Configuration. A message counts only when CS1's ``(help)`` link follows it,
  so prose that quotes a message is not a finding. Several messages of one citation are separated by
  ``; `` and the first is preceded by the template's name.
- **Module:Footnotes** and the Harv errors script: ``sfn error: no target: CITEREFSmith2001``,
  ``Harv error: link from CITEREFSmith2001 doesn't point to any citation.``, ``Harv warning: There is no link
  pointing to this citation. The anchor is named CITEREFSmith2001.``

``scan(text)`` is linear: each kind is found by one ``finditer`` for its fixed marker (``Cite error:``,
``(help)``, `` error:``), skipped entirely when the text lacks it.
"""

from __future__ import annotations

import pkgutil
import re
import tomllib
from functools import lru_cache

from citelint.model import Leak, Span

# -- Cite ------------------------------------------------------------------------------------------
# the keywords of each Cite message, in MediaWiki's wording (en.json) and the English Wikipedia's
# overrides; more specific first
_CITE_KEYS: tuple[tuple[str, re.Pattern], ...] = tuple((k, re.compile(p, re.IGNORECASE)) for k, p in (
    ("cite_error_references_no_text", r"no text was provided for refs named|was invoked but never defined"),
    ("cite_error_references_duplicate_key", r"defined multiple times with different content"),
    ("cite_error_empty_references_define", r"defined in <references>.{0,80}? has no content|"
                                           r"list-defined reference .{0,80}?(?:has no content|is empty)"),
    ("cite_error_references_missing_key", r"is not used in (?:the )?(?:prior text|content)"),
    ("cite_error_references_no_key", r"defined in <references> has no name attribute"),
    ("cite_error_references_group_mismatch", r"has conflicting group attribute"),
    ("cite_error_group_refs_without_references", r"tags exist for a group named|"
                                                 r"references will not show without"),
    ("cite_error_ref_no_input", r"refs with no name must have content|tags on this page without content"),
    ("cite_error_ref_no_key", r"tag is malformed or has a bad name"),
    ("cite_error_included_ref", r"Closing </ref> missing"),
    ("cite_error_included_references", r"Closing tag missing for <references>"),
    ("cite_error_ref_numeric_key", r"name cannot be a simple integer"),
    ("cite_error_ref_parameter_suggestion", r"in <ref> tag\. Did you mean"),
    ("cite_error_ref_too_many_keys", r"Invalid parameter .{1,80}? in <ref> tag"),
    ("cite_error_references_invalid_parameters", r"Invalid parameter .{1,80}? in <references> tag"),
    ("cite_error_ref_invalid_dir", r"Invalid dir="),
    ("cite_error_ref_conflicting_dir", r"conflicting dir attribute"),
    ("cite_error_ref_follow_conflicts", r"continuation of a previous one"),
    ("cite_error_ref_with_details_no_name", r"along with a details attribute"),
    ("cite_error_details_missing_parent", r"with details must contain content"),
    ("cite_error_details_unsupported_context", r"cannot use details when inside"),
    ("cite_warning_sectionpreview_no_text", r"cannot be previewed because"),
))
_CITE = re.compile(r"\bCite (error|warning): ?")
_SEE_HELP = re.compile(r"(?<!\s)\s*\(see the help page\)\.?")  # (where a run of spaces begins: see _HELP)

# -- Module:Footnotes / Harv errors --------------------------------------------------------------
_FOOTNOTES = re.compile(r"\b(?:[Hh]arv(?:nb|txt|p|colnb|col|coltxt)?|[Ss]fnp?|[Ss]fnm|[Ss]fnref) "
                        r"(?:error|warning): ?")
_FOOTNOTES_KEYS: tuple[tuple[str, re.Pattern], ...] = (
    ("sfn_multiple_targets", re.compile(r"multiple targets", re.IGNORECASE)),
    ("sfn_no_target", re.compile(r"no target|doesn't point to any citation|does not point to any citation",
                                 re.IGNORECASE)),
    ("uncited_fullcite", re.compile(r"no link pointing to this citation", re.IGNORECASE)),
)

# -- CS1 -------------------------------------------------------------------------------------------
# (tried only where a run of spaces and tabs begins, where its leftmost match begins: tried from each space of
# a long run, it scanned the rest of the run again)
_HELP = re.compile(r"(?<![ \t])[ \t]*\(help\)")
_CS1_PREFIX = re.compile(r"\{\{([^{}\n]{1,60})\}\}:[ \t]*\Z")
_LIMIT = 300  # characters of a message read back from its "(help)" (the longest CS1 message is ~150)


@lru_cache(maxsize=1)
def cs1_messages() -> dict[str, dict]:
    """The CS1 error conditions of ``data/cs1_messages.toml``: key → {message, anchor, category, hidden}."""
    data = tomllib.loads(pkgutil.get_data("citelint", "data/cs1_messages.toml").decode("utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, dict)}


@lru_cache(maxsize=1)
def _cs1_patterns() -> tuple[dict[str, tuple], tuple]:
    """The CS1 error messages as patterns, indexed so that a candidate text is tried against few of them:
    ``(by_first_word, by_tail)``. A message that starts with a literal word ("Check |doi= value") is under
    that word; one that starts with a filled-in part ("$1 missing title", "|$1= ignored") is in
    ``by_tail`` with the literal text it ends with. Longest literal first in each list (so "Unknown
    parameter |x= ignored (|y= suggested)" wins over "Unknown parameter |x= ignored")."""
    first: dict[str, list] = {}
    tails: list = []
    for key, entry in cs1_messages().items():
        msg = entry.get("message")
        if not msg or not key.startswith("err_"):
            continue
        parts = re.split(r"\$\d", msg)
        body = r"[^\n]{0,120}?".join(re.escape(p) for p in parts)
        if msg.startswith("$"):  # "$1 missing title": a parameter name ("|url=") or a few words
            body = r"(?:\S{1,30} ){0,3}\S{1,30}?" + body[len(r"[^\n]{0,120}?"):]
        pattern = re.compile(body.replace(r"\ ", r"[ \t]+") + r"\Z")
        size = len("".join(parts))
        word = msg.split(" ", 1)[0]
        if "$" in word:
            # a message starting "|$1=" wants a body that starts with "|"; one starting "$1" takes any
            tails.append((size, key, pattern, parts[-1], max(parts, key=len), None if msg[0] == "$" else True))
        else:
            first.setdefault(word, []).append((size, key, pattern))
    by_first = {w: tuple((k, p) for _, k, p in sorted(ps, key=lambda t: -t[0])) for w, ps in first.items()}
    by_tail = tuple(t[1:] for t in sorted(tails, key=lambda t: -t[0]))
    return by_first, by_tail


def _match_cs1(body: str, tails: tuple) -> str | None:
    """The key of the CS1 message ``body`` is, or None (``tails``: the messages that start with a filled-in
    part and can end where ``body`` ends)."""
    for key, pattern in _cs1_patterns()[0].get(body.split(" ", 1)[0], ()):
        if pattern.match(body):
            return key
    pipe = body.startswith("|")
    for key, pattern, _tail, literal, starts_with_pipe in tails:
        if (starts_with_pipe is None or pipe) and literal in body and pattern.match(body):
            return key
    return None


class _Lines:
    """The bounds of the line an offset is on, for offsets met in increasing order: each line is found
    once, so a page that is one very long line costs one pass, not one per message."""

    def __init__(self, text: str) -> None:
        self.text, self.start, self.end = text, 0, -1

    def bounds(self, offset: int) -> tuple[int, int]:
        if offset > self.end:
            self.start = self.text.rfind("\n", 0, offset) + 1 if offset > self.end + 1 or self.end < 0 else \
                self.end + 1
            b = self.text.find("\n", offset)
            self.end = len(self.text) if b < 0 else b
        return self.start, self.end


def _scan_cite(text: str, out: list[Leak]) -> None:
    lines = _Lines(text)
    for m in _CITE.finditer(text):
        _, line_end = lines.bounds(m.start())
        nxt = _CITE.search(text, m.end(), line_end)
        end = nxt.start() if nxt else line_end
        body = text[m.end():end]
        see = _SEE_HELP.search(body)
        if see:
            body, end = body[:see.start()], m.end() + see.end()
        body = body.strip()
        key = next((k for k, p in _CITE_KEYS if p.search(body)), "")
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        out.append(Leak("Cite", key, Span(m.start(), end), text[m.start():end]))


def _scan_footnotes(text: str, out: list[Leak]) -> None:
    lines = _Lines(text)
    for m in _FOOTNOTES.finditer(text):
        _, line_end = lines.bounds(m.start())
        end = min(line_end, m.end() + _LIMIT)
        nxt = _FOOTNOTES.search(text, m.end(), end)
        if nxt:
            end = nxt.start()
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        body = text[m.end():end]
        key = next((k for k, p in _FOOTNOTES_KEYS if p.search(body)), "")
        out.append(Leak("Footnotes", key, Span(m.start(), end), text[m.start():end]))


_TRIES = 8  # candidate starts tried per "(help)": a message starts at one of the first few


def _scan_cs1(text: str, out: list[Leak]) -> None:
    by_first, by_tail = _cs1_patterns()
    floor = 0  # a message never runs back over an earlier "(help)"
    lines = _Lines(text)
    for m in _HELP.finditer(text):
        line_start, _ = lines.bounds(m.start())
        lo = max(line_start, floor, m.start() - _LIMIT)
        floor = m.end()
        window = text[lo:m.start()]
        # a message starts after the "; " that separates it from the previous one, or after the
        # "{{cite …}}: " that names the template; without either, at one of the window's words
        cut = max(window.rfind("; ") + 2, window.rfind("}}:") + 3, 0)
        if cut > 1:
            starts = [cut]
        else:
            starts = [0] + [i + 1 for i, c in enumerate(window) if c == " "]
        end = window.rstrip()
        # the few messages that start with a filled-in part and can end here (usually none)
        tails = tuple(t for t in by_tail if end.endswith(t[2]) and t[3] in window)
        key, tries = None, 0
        for s in starts:
            while s < len(window) and window[s] in " \t":
                s += 1
            space = window.find(" ", s)
            if not tails and window[s:space if space >= 0 else len(window)] not in by_first:
                continue  # no message starts with this word
            body = window[s:].rstrip()
            key = _match_cs1(body, tails)
            tries += 1
            if key is not None or tries >= _TRIES:
                break
        if key is None:
            continue
        start = lo + s
        key = _disambiguate(key, body)
        template = ""
        pm = _CS1_PREFIX.search(text, max(line_start, start - 70), start)
        if pm is not None:
            template = " ".join(pm.group(1).split()).lower()
        elif out and out[-1].source == "CS1" and text[out[-1].span.end:start].strip() == ";":
            template = out[-1].template  # the next message of the same citation
        out.append(Leak("CS1", key, Span(start, m.end()), text[start:m.end()].strip(), template))


def _disambiguate(key: str, body: str) -> str:
    """Two CS1 errors with the very same words, told apart by the parameter they name."""
    if key == "err_bad_paramlink" and not re.search(r"link\d*=\Z", body[len("Check "):-len(" value")]):
        return "err_bad_url"  # "Check |url= value": only a |…-link= is a parameter link
    if key in ("err_disp_name", "err_invalid_param_val"):  # "Invalid |$1=$2"
        return "err_disp_name" if body.startswith("Invalid |display-") else "err_invalid_param_val"
    if key in ("err_extra_text_issue", "err_extra_text_pages"):  # "|$1= has extra text"
        return "err_extra_text_pages" if re.match(r"\|(?:pages?|pp?|at|quote-pages?)=", body) else "err_extra_text_issue"
    return key


def scan(text: str) -> list[Leak]:
    """Every leaked diagnostic of ``text``, in text order."""
    out: list[Leak] = []
    if "Cite " in text:
        _scan_cite(text, out)
    if "(help)" in text:
        _scan_cs1(text, out)
    if "rror: " in text or "arning: " in text:
        _scan_footnotes(text, out)
    out.sort(key=lambda leak: leak.span.start)
    return out
