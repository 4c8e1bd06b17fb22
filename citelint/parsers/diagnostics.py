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
_SEE_HELP = re.compile(r"\s*\(see the help page\)\.?")

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
_HELP = re.compile(r"[ \t]*\(help\)")
_CS1_PREFIX = re.compile(r"\{\{([^{}\n]{1,60})\}\}:[ \t]*\Z")
_LIMIT = 300  # characters of a message read back from its "(help)" (the longest CS1 message is ~150)


@lru_cache(maxsize=1)
def cs1_messages() -> dict[str, dict]:
    """The CS1 error conditions of ``data/cs1_messages.toml``: key → {message, anchor, category, hidden}."""
    data = tomllib.loads(pkgutil.get_data("citelint", "data/cs1_messages.toml").decode("utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, dict)}


@lru_cache(maxsize=1)
def _cs1_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(key, pattern) for each CS1 error message that has a text, longest literal part first (so
    "Unknown parameter |x= ignored (|y= suggested)" wins over "Unknown parameter |x= ignored")."""
    out = []
    for key, entry in cs1_messages().items():
        msg = entry.get("message")
        if not msg or not key.startswith("err_"):
            continue
        parts = re.split(r"\$\d", msg)
        body = r"[^\n]{0,120}?".join(re.escape(p) for p in parts)
        if msg.startswith("$"):  # "$1 missing title": a parameter name ("|url=") or a few words
            body = r"(?:\S{1,30} ){0,3}\S{1,30}?" + body[len(r"[^\n]{0,120}?"):]
        out.append((len("".join(parts)), key, re.compile(body.replace(r"\ ", r"[ \t]+") + r"\Z")))
    out.sort(key=lambda t: -t[0])
    return tuple((k, p) for _, k, p in out)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, (len(text) if b < 0 else b)


def _scan_cite(text: str, out: list[Leak]) -> None:
    for m in _CITE.finditer(text):
        _, line_end = _line_bounds(text, m.start(), m.end())
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
    for m in _FOOTNOTES.finditer(text):
        _, line_end = _line_bounds(text, m.start(), m.end())
        end = min(line_end, m.end() + _LIMIT)
        nxt = _FOOTNOTES.search(text, m.end(), end)
        if nxt:
            end = nxt.start()
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        body = text[m.end():end]
        key = next((k for k, p in _FOOTNOTES_KEYS if p.search(body)), "")
        out.append(Leak("Footnotes", key, Span(m.start(), end), text[m.start():end]))


def _scan_cs1(text: str, out: list[Leak]) -> None:
    patterns = _cs1_patterns()
    floor = 0  # where the previous message ended
    for m in _HELP.finditer(text):
        line_start, _ = _line_bounds(text, m.start(), m.start())
        lo = max(line_start, floor, m.start() - _LIMIT)
        window = text[lo:m.start()]
        # a message starts after the "; " that separates it from the previous one, or after the
        # "{{cite …}}: " that names the template; without either, the window is tried from its start
        cut = window.rfind("; ")
        pre = window.rfind("}}:")
        if pre > cut:
            cut = pre + 3
        elif cut >= 0:
            cut += 2
        else:
            cut = 0
        starts = [cut] if cut else [0]
        if not cut:  # no separator: the message may start at any word of the window
            starts += [i + 1 for i, c in enumerate(window) if c == " "]
        for s in starts:
            body = window[s:].strip()
            key = next((k for k, p in patterns if p.match(body)), None)
            if key is not None:
                break
        else:
            continue
        start = lo + s + (len(window[s:]) - len(window[s:].lstrip()))
        if key == "err_bad_paramlink" and not re.search(r"link\d*=\Z", body[len("Check "):-len(" value")]):
            key = "err_bad_url"  # "Check |url= value": the same words; only a |…-link= is a parameter link
        elif key in ("err_disp_name", "err_invalid_param_val"):  # "Invalid |$1=$2", both
            key = "err_disp_name" if body.startswith("Invalid |display-") else "err_invalid_param_val"
        elif key in ("err_extra_text_issue", "err_extra_text_pages"):  # "|$1= has extra text", both
            key = "err_extra_text_pages" if re.match(r"\|(?:pages?|pp?|at|quote-pages?)=", body) else "err_extra_text_issue"
        template = ""
        pm = _CS1_PREFIX.search(text, max(line_start, start - 70), start)
        if pm is not None:
            template = " ".join(pm.group(1).split()).lower()
        elif out and out[-1].source == "CS1" and text[out[-1].span.end:start].strip() == ";":
            template = out[-1].template  # the next message of the same citation
        out.append(Leak("CS1", key, Span(start, m.end()), text[start:m.end()].strip(), template))
        floor = m.end()


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
