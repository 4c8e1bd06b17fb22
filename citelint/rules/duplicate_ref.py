from __future__ import annotations

import re
from typing import Iterator
from zlib import adler32

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.fixes import Edit, Fix
from citelint.model import CitationModel, Definition, Severity, normalize
from citelint.rules.base import Context, Rule, describe_key, in_template, quoted

# Content that is meant to repeat: "Ibid." and friends refer to the citation before them.
_REPEATABLE = re.compile(r"^\W*(ibid|ibidem|id|op\.?\s*cit|loc\.?\s*cit)\b", re.IGNORECASE)


class DuplicateRef(Rule):
    """The same citation is written out twice instead of being defined once and reused.

    Two references (or two plain-text list entries) have the same content once whitespace is
    normalised (Check Wikipedia #81); two citation templates that differ only in the order of their
    parameters, in white space or in how the template's name is written (``{{cite_web}}``, ``{{Template:Cite
    web}}`` and ``{{cite web}}`` are one template) are the same citation too. Parameter names are compared as
    written (``accessdate`` and ``access-date`` differ). Reported at the later one, naming the line of the earlier.
    A name defined twice with the same text is only an info finding (MediaWiki accepts it, but an edit to
    one copy makes them conflict), and content meant to repeat, such as "Ibid.", is not flagged.

    Why: the reference list shows the source twice under two numbers; readers and editors cannot
    tell they are the same, and a fix to one copy misses the other.

    Fix: name the first (``<ref name="smith">…</ref>``) and replace the copy with ``<ref name="smith" />``.
    ``--fix`` does so when the first already has a name, or gives it one made from the citation (author
    and year, the site's domain or the title's first words) on a page that already names refs; on a page
    with no named refs (citation style follows the first editor: CITEVAR), and for refs inside templates,
    the merge is an unsafe fix (``--unsafe-fixes``). A copy with a name of its own is not merged.

    Example::

        A.<ref>Smith, J. (2001). Title.</ref>
        B.<ref>Smith, J. (2001). Title.</ref>   ← duplicate-ref: same as line 1
    """

    name = "duplicate-ref"
    code = "CL201"
    severity = Severity.WARNING
    fixable = "safe"

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        namer = _Namer(model, ctx) if model.kind == "wikitext" else None
        first: dict[tuple, object] = {}
        canonical: dict[int, str] = {}
        norms = [_normalized(d.content) for d in model.definitions]
        if model.kind == "wikitext":
            canonical = _canonical_where_needed(model, ctx.text, norms)
        for i, d in enumerate(model.definitions):
            norm = norms[i]
            if not norm or _REPEATABLE.match(norm):
                continue
            k = (d.group, d.segment, canonical.get(i, norm))
            prev = first.get(k)
            if prev is None:
                first[k] = d
                continue
            if prev.key is not None and prev.key == d.key:
                # same name, same text: MediaWiki accepts it, but an edit to one copy makes them conflict
                if namer is not None and prev.ident == d.ident and prev.content == d.content:
                    fix = namer.reuse(prev, d)
                    if fix is not None:
                        yield Hit(d.span, f"reference {describe_key(d.group, d.key)} is given its text again (same "
                                          f"as line {ctx.line(prev.span.start)}): replace this copy with "
                                          f"{_shown_reuse(d.key, d.group)} so that an edit to one copy "
                                          f"cannot make them conflict", subject=f"redefined\0{norm}",
                                  severity=Severity.INFO, fix=fix)
                continue
            line = ctx.line(prev.span.start)
            if model.kind == "plaintext":
                msg = (f"entry {clip(d.key)} repeats entry {clip(prev.key)} (line {line}): {quoted(norm)}; "
                       f"merge them into one entry and point both markers at it")
            else:
                if prev.key:
                    how = f'reuse it here with <ref name="{clip(prev.key)}" />'
                else:
                    how = 'give the first a name (<ref name="…">) and reuse it here with <ref name="…" />'
                msg = f"same citation as line {line}: {quoted(norm)}; {how}"
            yield Hit(d.span, msg, subject=norm, fix=namer.merge(prev, d) if namer is not None else None)


def _normalized(content: str) -> str:
    """``Definition.normalized``: without comments, ``normalize`` is ``str.split`` (the same white space), and
    for ASCII text whose only white space is single spaces (most refs), ``str.strip``."""
    if "<!--" in content:
        return normalize(content)
    if content.isascii() and "\n" not in content and "  " not in content and "\t" not in content \
            and "\r" not in content and not any(map(content.__contains__, _RARE_BREAKS)):
        return content.strip()
    return " ".join(content.split())


#: the ASCII white space other than the space, the line feed, two spaces and the tab (str.split splits at each)
_RARE_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def _canonical_where_needed(model: CitationModel, text: str, norms: list[str]) -> dict[int, str]:
    """Canonical content (parameter order, white space and the spelling of template names ignored) of the refs
    that could have a twin.

    Reordering parameters and changing white space keep the multiset of the other characters, so refs are
    first bucketed by the length and byte sums of their content without white space (lower case: a template
    name's first letter is case-insensitive), with each template's name written as ``canonical_content`` writes
    it when it may differ from what is written but for white space and case (``_NAME_MAY_RESOLVE``, then
    ``_with_canonical_names``: ``{{cite_web}}``, ``{{Template:Cite web}}`` and ``{{cite web}}`` are one
    template; 4 of the corpus's 2,961 refs with templates); only refs sharing a bucket are parsed into canonical
    form. Two refs with the same canonical content always share a bucket, whatever the other refs of the page.
    ``norms``: each definition's normalised content, by index (its only white space is single spaces)."""
    from citelint.citations import canonical_content, parsed_refs

    buckets: dict[tuple, list] = {}
    resolved: dict[int, str] = {}  # index → norm with its names as resolved, where they may differ (few refs)
    may_resolve = _NAME_MAY_RESOLVE.search
    for r in parsed_refs(model, text):
        if r.templates:
            if may_resolve(r.definition.content) is None:
                norm = norms[r.index]
            else:
                norm = resolved[r.index] = _with_canonical_names(r)
            buckets.setdefault(_rough_bucket(norm), []).append(r)
    canonical = {}
    for refs in buckets.values():
        if len(refs) > 1:
            exact: dict[tuple, list] = {}  # (the rough bucket's sums are modulo 65521: split it by the exact ones)
            for r in refs:
                exact.setdefault(_bucket(resolved.get(r.index) or norms[r.index]), []).append(r)
            canonical.update((r.index, canonical_content(r)) for same in exact.values() if len(same) > 1 for r in same)
    return canonical


def _with_canonical_names(ref) -> str:
    """The ref's content normalised, each top-level template's name as ``canonical_content`` writes it
    (``canonical_name``: no ``Template:`` prefix, underscores as spaces, first letter upper): what is left of
    the content once its templates are put into canonical form is its other characters reordered (parameters
    sorted) and its white space changed."""
    from citelint.parsers.templates import canonical_name

    content, masked = ref.definition.content, ref.masked
    parts = []
    pos = 0
    last_end = -1
    for t in ref.templates:
        if t.start < last_end:
            continue  # nested: its name is part of a value, kept as written by canonical_content too
        last_end = t.end
        start = t.start + 2
        end = masked.find("|", start, t.end) if t.params else t.end - 2  # (canonical_content's name_end)
        parts.append(content[pos:start])
        parts.append(canonical_name(normalize(content[start:end])))
        pos = end
    parts.append(content[pos:])
    return _normalized("".join(parts))


#: Where a template's name may hold what ``canonical_name`` changes beyond white space and ASCII case (an "_", a
#: namespace prefix, a first letter outside ASCII): a "{{" followed, before any "|", by "_", ":" or a character
#: outside ASCII. A name with parameters ends at the first "|" after its "{{" but for a "|" in a comment or tag,
#: a link or a template inside the name; in a name without parameters each "|" is in one of these: a "<", "["
#: or "{" before the first "|" is matched as well.
_NAME_MAY_RESOLVE = re.compile(r"\{\{[^|_:<\[{\x80-\U0010ffff]*+[_:<\[{\x80-\U0010ffff]")


def _rough_bucket(norm: str) -> tuple:
    """``_bucket`` with the sum modulo 65521, and a second sum of the same bytes, each weighted (``_WEIGHT``), modulo
    65521: the same for the same bytes in any order, as the first; two refs that are not one citation share the
    two sums far less often than the first alone (in the corpus, 110 refs shared a bucket of the first alone and
    were parsed into canonical form; 8 of them were one citation). In C for the most refs (ASCII: one
    translation lowers the letters and zeroes the spaces, another gives the weights of the lowered letters;
    Adler-32's first half is the sum modulo 65521)."""
    if norm.isascii():
        raw = norm.encode("ascii")
        return (len(raw) - raw.count(b" "), adler32(raw.translate(_LOWER_NO_SPACE), 0) % 65536,
                adler32(raw.translate(_LOWER_WEIGHT), 0) % 65536)
    b = norm.replace(" ", "").lower().encode("utf-8")
    return len(b), adler32(b, 0) % 65536, adler32(b.translate(_WEIGHT), 0) % 65536


def _bucket(norm: str) -> tuple[int, int]:
    """(length, byte sum) of ``norm`` without its spaces, in lower case, in UTF-8."""
    b = norm.replace(" ", "").lower().encode("utf-8")
    return len(b), _byte_sum(b)


_LOW = bytes(i & 15 for i in range(256))
_HIGH = bytes(i >> 4 for i in range(256))
#: ASCII: what str.lower() makes of each byte, and a space nothing
_LOWER_NO_SPACE = bytes(0 if i == 32 else i + 32 if 65 <= i <= 90 else i for i in range(256))
#: a byte's weight in the second sum (not a linear function of the byte, which the first sum would determine)
_WEIGHT = bytes((i * i * 31 + i * 7 + 11) % 251 for i in range(256))
#: ASCII: the weight of what str.lower() makes of each byte, and a space nothing
_LOWER_WEIGHT = bytes(0 if i == 32 else _WEIGHT[_LOWER_NO_SPACE[i]] for i in range(256))


def _byte_sum(b: bytes) -> int:
    """``sum(b)``, in C: Adler-32's first half is the sum of the bytes modulo 65521, exact for the sums of
    their low and high four bits while these stay below it (up to 4,368 bytes)."""
    if len(b) > 4368:
        return sum(b)
    return adler32(b.translate(_LOW), 0) % 65536 + 16 * (adler32(b.translate(_HIGH), 0) % 65536)


_OPENING = re.compile(r"<ref(?=[\s>])", re.IGNORECASE)
_CLOSING = re.compile(r"</ref\s*>\Z", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_SURNAME_COMMA = re.compile(r"^\s*[^\W\d_][\w'-]*(?=,)")  # "Smith, J. (2001)": the word before the comma
_ODD_NAME = re.compile(r'["{}\[\]<>|]')
#: "Andrew van der Vlies (2011) …": the word before a parenthesised year is the surname
_SURNAME_PAREN = re.compile(r"[^\W\d_][\w'-]*(?=\.?\s*\((?:1[5-9]\d\d|20\d\d)\))")
_NAME_CHARS = re.compile(r"[^\w.-]+")
_URL_HOST = re.compile(r"https?://(?:www\d?\.)?([^/\s|\]}<>:]+)", re.IGNORECASE)
_MARKUP = re.compile(r"<[^>]*>|\[\[(?:[^|\]]*\|)?|\]\]|'{2,}|&\w+;|\{\{[^{}]*\}\}|\[\S+")
# _MARKUP's heads: what follows a "<" (to its ">") and a "[[" (to its "|" if one comes before any "]") is
# found by str.find from positions that only move forwards, as _strip_markup does: the pattern scanned each
# to the end of the text when no ">" or "|"/"]" came ('[[' * 50,000 in a ref took 11 s: quadratic)
_MARKUP_HEAD = re.compile(r"<|\[\[|\]\]|'{2,}|&\w+;|\{\{[^{}]*\}\}|\[\S+")


def _strip_markup(text: str) -> str:
    """``_MARKUP.sub(" ", text)`` in linear time (the same result; tests compare them)."""
    n = len(text)
    out = []
    last = pos = 0
    gt = bar = rb = -1  # the next ">", "|", "]" at or after where they were last looked for (n: none)
    while (m := _MARKUP_HEAD.search(text, pos)) is not None:
        start, end = m.span()
        if text[start] == "<":
            if gt < end:
                gt = text.find(">", end)
                gt = n if gt < 0 else gt
            if gt == n:  # no ">": nothing of _MARKUP matches at this "<"
                pos = end
                continue
            end = gt + 1
        elif end - start == 2 and text.startswith("[[", start):
            if bar < end:
                bar = text.find("|", end)
                bar = n if bar < 0 else bar
            if rb < end:
                rb = text.find("]", end)
                rb = n if rb < 0 else rb
            if bar < rb:
                end = bar + 1
        out.append(text[last:start])
        out.append(" ")
        last = pos = end
    out.append(text[last:])
    return "".join(out)
_STOP = frozenset("a an and at by for from in of on the to with der die das und le la les des du de el los".split())
_SURNAME_KEYS = ("last", "last1", "surname", "surname1", "author", "author1", "authors", "editor-last",
                 "editor1-last", "editor", "vauthors")


def _group(d: Definition) -> str:
    return f' group="{d.group}"' if d.group else ""


def _shown_reuse(name: str, group: str) -> str:
    """``<ref name="…" group="…" />`` as a message shows it (a long name or group clipped: quoting.clip)."""
    return f'<ref name="{clip(name)}"' + (f' group="{clip(group)}"' if group else "") + " />"


class _Namer:
    """Names for the first copies of duplicates, and the merge edits (one ``_Namer`` per page)."""

    def __init__(self, model: CitationModel, ctx: Context) -> None:
        self.model, self.text = model, ctx.text
        self.taken = {k.lower() for k in (
            *(d.key for d in model.definitions if d.key), *(u.key for u in model.uses if u.key))}
        self.named_page = bool(self.taken)  # CITEVAR: a page that names no ref gets no new name safely
        self.given: dict[int, str] = {}  # span start of a first copy → the name made for it
        self.suffix: dict[str, int] = {}  # a name made → the number of its last copy given (Smith2001-3: 3)
        self.defined: dict[tuple, int] = {}  # ident → how many definitions give it
        for d in model.definitions:
            if d.key is not None:
                self.defined[d.ident] = self.defined.get(d.ident, 0) + 1
        self._parsed = None

    def merge(self, prev: Definition, d: Definition) -> Fix | None:
        if not (self._tag(prev) and self._tag(d)) or '"' in d.group:
            return None
        if d.key is not None and (prev.key is not None or self.defined.get(d.ident, 0) > 1):
            return None  # two names for one citation: turning one into the other is an editor's call
        name, edits = prev.key, []
        if name is None:
            # the copy's own name, when it has one (its reuses keep working), else one made for it
            name = self.given.get(prev.span.start)
            if name is None:
                name = self.given[prev.span.start] = d.key or self._derive(prev)
            if name is None or (d.key is not None and name != d.key):
                return None
            edits.append(Edit(prev.span.start + 4, prev.span.start + 4, f' name="{name}"'))
        if _ODD_NAME.search(name):
            return None  # a name with markup in it ('{{harvnb|…}}'): not one to spread
        group = _group(d)
        edits.append(Edit(d.span.start, d.span.end, f'<ref name="{name}"{group} />'))
        fix = Fix.safe(f'reuse "{clip(name)}" here with {_shown_reuse(name, d.group)}'
                       + ("" if prev.key else f' (naming the first copy "{clip(name)}")'), *edits)
        if d.key is not None and d.key.isdigit():
            return None
        if (prev.key is None and d.key is None and not self.named_page) or in_template(self.model, self.text, prev.span.start) \
                or in_template(self.model, self.text, d.span.start):
            return fix.as_unsafe()
        return fix

    def reuse(self, prev: Definition, d: Definition) -> Fix | None:
        """A named ref given its text a second time, as a reuse."""
        if not self._tag(d) or _ODD_NAME.search(d.key) or d.key.isdigit() or _ODD_NAME.search(d.group):
            return None
        fix = Fix.safe(f"replace the copy with {_shown_reuse(d.key, d.group)}",
                       Edit(d.span.start, d.span.end, f'<ref name="{d.key}"{_group(d)} />'))
        return fix.as_unsafe() if in_template(self.model, self.text, d.span.start) else fix

    def _tag(self, d: Definition) -> bool:
        """A plain ``<ref …>…</ref>`` in the text (not a template, not in a reference list)."""
        if d.origin != "ref" or d.list_defined:
            return False
        return (_OPENING.match(self.text, d.span.start) is not None
                and _CLOSING.search(self.text[max(d.span.start, d.span.end - 12):d.span.end]) is not None)

    def _derive(self, d: Definition) -> str | None:
        for candidate in self._candidates(d):
            name = _NAME_CHARS.sub("", candidate.replace(" ", "-")).strip(".-")
            if len(name) < 3 or name.isdigit():
                continue
            # name, name-2, name-3…: the first not taken; those before the last one given stay taken (the set
            # only grows), so the count goes on from there (thousands of Smith2001s: not from 1 each time)
            n = self.suffix.get(name, 1)
            unique = name if n == 1 else f"{name}-{n}"
            while unique.lower() in self.taken:
                n += 1
                unique = f"{name}-{n}"
            self.suffix[name] = n
            self.taken.add(unique.lower())
            return unique
        return None

    def _candidates(self, d: Definition) -> Iterator[str]:
        """Readable names for a citation, best first: surname and year, the site's domain, title words."""
        params = self._params(d)
        content = d.content
        surname = next((params[k] for k in _SURNAME_KEYS if params.get(k)), None)
        year_src = params.get("year") or params.get("date") or params.get("2") or params.get("3") or ""
        if params.get("#positional"):  # {{harvnb|Smith|Jones|2001}}: surnames, then the year
            pos = params["#positional"]
            surname = surname or next((p for p in pos if not _YEAR.fullmatch(p.strip())), None)
            year_src = year_src or next((p for p in pos if _YEAR.fullmatch(p.strip())), "")
        year = _YEAR.search(year_src)
        if not params:  # plain text: "Smith, J. (2001). Title." — its first word and first year
            plain = _strip_markup(content)
            word = _SURNAME_COMMA.search(plain) or _SURNAME_PAREN.search(plain[:80]) or _WORD.search(plain)
            year = _YEAR.search(plain)
            if word and year and word.start() < year.start():
                surname = word.group()
        if surname:
            word = _WORD.search(_strip_markup(surname))
            if word and year:
                yield word.group() + year.group()
        host = _URL_HOST.search(params.get("url", "") or content)
        if host:
            yield host.group(1).lower()
        title = params.get("title") or _strip_markup(content)
        words = [w for w in _WORD.findall(_strip_markup(title)) if w.lower() not in _STOP][:3]
        if words:
            yield " ".join(words)

    def _params(self, d: Definition) -> dict:
        """The named parameters (lower-case name → value) of the ref's first template, and its positional
        ones under ``#positional``; {} for a ref with no template."""
        from citelint.citations import parsed_refs

        if self._parsed is None:
            self._parsed = {r.definition.span.start: r for r in parsed_refs(self.model, self.text)
                            if r.definition is not None}
        ref = self._parsed.get(d.span.start)
        if ref is None or not ref.templates:
            return {}
        t = ref.top_level()[0]
        out: dict = {"#positional": []}
        for key, written, vs, ve in t.params:
            value = ref.value(vs, ve)[2]
            if written is None:
                out["#positional"].append(value)
            else:
                out.setdefault(written.strip().lower(), value)
        return out
