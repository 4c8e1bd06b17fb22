"""Where documents come from: files and folders, each read safely into a ``Document``.

Bad input never raises out of here: it becomes an ``InputError`` that the CLI prints as one line,
and the run goes on with the other inputs.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from citelint.inputs import (  # noqa: F401 (the names sources has always offered)
    PLAINTEXT_EXTENSIONS,
    TEXT_EXTENSIONS,
    WIKITEXT_EXTENSIONS,
    InputError,
    NotRegularFile,
    human_size,
    kind_from_extension,
    not_regular,
    open_regular,
    read_error,
    too_large,
)
from citelint.model import Document

SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".citelint_cache", ".tox"}


Item = Union[Document, InputError]


# Evidence that a text is wikitext, each pattern a piece of markup that is whole (opened and closed).
_W_PAIRED_REF = re.compile(r"<ref(?:\s[^<>]{0,300})?>(?:(?!<ref[\s>/]).){0,3000}?</ref\s*>"
                           r"|<ref\s+name\s*=[^<>]{1,200}/>", re.IGNORECASE | re.DOTALL)
_W_REFLIST = re.compile(r"<references\s*/?>|<references\s[^<>]*>|\{\{\s*(?:reflist|notelist|refbegin|references"
                        r"|reference list)\s*[|}]", re.IGNORECASE)
_W_CITE = re.compile(r"\{\{\s*(?:cite[ _][a-z]+|citation|sfn|harvnb|efn|r)\s*\|[^{}]{0,3000}\}\}", re.IGNORECASE)
_W_TEMPLATE = re.compile(r"\{\{[^{}|\n]{1,100}(?:\|[^{}]{0,3000})?\}\}")
_W_LINK = re.compile(r"\[\[[^\[\]\n|]{1,255}(?:\|[^\[\]\n]{0,500})?\]\]")
_W_HEADING = re.compile(r"^(={2,6})[^=\n]{1,200}\1[ \t]*$", re.MULTILINE)
_W_BOLD = re.compile(r"'''[^'\n]{1,200}'''")
_WIKI_EVIDENCE = (("ref", _W_PAIRED_REF, 3), ("reflist", _W_REFLIST, 3), ("cite", _W_CITE, 2),
                  ("template", _W_TEMPLATE, 1), ("link", _W_LINK, 1), ("heading", _W_HEADING, 1),
                  ("bold", _W_BOLD, 1))
# where prose puts markup to talk about it: Markdown code (fenced and inline) and quotes; a piece of
# markup there is not evidence
_CODE = re.compile(r"^```.*?^```[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
_QUOTED = re.compile(r"[\"“‘«„](?=<ref|\{\{|\[\[)")
_ANY_MARKUP = re.compile(r"<ref|\{\{|\[\[", re.IGNORECASE)


@dataclass(frozen=True)
class WikiEvidence:
    """How much of a text is whole wiki markup (for ``sniff_kind``)."""

    score: int  # weighted count of whole pieces of markup
    kinds: frozenset  # which kinds (ref, reflist, cite, template, link, heading, bold)
    covered: float  # share of the text's non-blank characters inside them
    lines: float  # share of the non-blank lines holding one


def wiki_evidence(text: str) -> WikiEvidence:
    text = _CODE.sub(lambda m: "\n" * m.group().count("\n"), text)
    quoted = {m.end() for m in _QUOTED.finditer(text)}  # markup that starts right after a quote is talked about
    score, kinds, spans = 0, set(), []
    for kind, pattern, weight in _WIKI_EVIDENCE:
        for m in pattern.finditer(text):
            if m.start() in quoted:
                continue
            score += weight
            kinds.add(kind)
            spans.append((m.start(), m.end()))
    spans.sort()
    covered, end, marked = 0, -1, set()
    for a, b in spans:
        if b > end:
            covered += b - max(a, end)
            end = b
        marked.add(a)
    newlines = [m.start() for m in re.finditer("\n", text)] if spans else []
    lines = {bisect.bisect_left(newlines, a) for a in marked}
    chars = len(text) - text.count(" ") - text.count("\t") - text.count("\n")
    nonblank = sum(1 for ln in text.split("\n") if ln.strip())
    return WikiEvidence(score, frozenset(kinds), covered / max(chars, 1), len(lines) / max(nonblank, 1))


def sniff_kind(text: str) -> str:
    """Wikitext or a plain-text rendering, judged from the content (of a ``.txt`` file).

    Wikitext saved as text is full of whole markup: paired ``<ref>…</ref>``, a reference list, citation
    templates, ``[[links]]``, ``== headings ==``, ``'''bold'''``. Prose that talks about markup (a README
    explaining ``<ref name="x">``) mentions a piece here and there, often in code or quotes, which do not
    count. Wikitext: at least two kinds of markup, and a good share of the text inside it (15 % of its
    non-blank characters, or 40 % of its lines)."""
    ev = wiki_evidence(text[:20_000])
    if not _wiki_enough(ev) and len(text) > 20_000:  # the start decides most pages; else read on
        ev = wiki_evidence(text[:200_000])
    return "wikitext" if _wiki_enough(ev) else "plaintext"


def _wiki_enough(ev: WikiEvidence) -> bool:
    # measured: the 15 corpus articles have 30-90 % of their characters inside whole markup, the rule
    # fixtures 18-90 %; prose about markup (tests/data/prose) 6-8 % and at most 20 % of its lines
    return ev.score >= 4 and len(ev.kinds) >= 2 and (ev.covered >= 0.15 or ev.lines >= 0.40)


def detect_kind(path: str, text: str, input_format: Optional[str] = None) -> str:
    """The kind of a file: as told, else by extension, else by content.

    A ``.txt`` file is a plain-text rendering unless its content is plainly wikitext (wikis are often
    saved as ``.txt`` too): see ``sniff_kind``. Input with no known extension (standard input) is
    wikitext as soon as it holds any markup, since a plain-text rendering holds none.
    """
    if input_format:
        return input_format
    kind = kind_from_extension(path)
    if kind == "plaintext":
        return sniff_kind(text)
    if kind is None:
        return "wikitext" if _ANY_MARKUP.search(text, 0, 200_000) else "plaintext"
    return kind


#: byte-order marks and the encodings they announce (UTF-32 first: its little-endian mark starts like UTF-16's)
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
         (b"\xef\xbb\xbf", "utf-8", "UTF-8"), (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"))


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, path: str) -> Union[str, InputError]:
    """The text of a file: UTF-8 (with or without a byte-order mark), or UTF-16 / UTF-32 with one;
    line ends CRLF, LF or a lone CR all become LF, so lines are counted as an editor shows them.

    A NUL byte anywhere (or a NUL character in UTF-16/32 text) is an error, not a silent stop: no wiki text
    holds one, and reading on would check a binary or corrupt file as if it were a page."""
    if not data:
        return InputError(path, "empty file: nothing to check")
    encoding, label, skip = "utf-8", "UTF-8", 0
    for bom, enc, name in _BOMS:
        if data.startswith(bom):
            encoding, label, skip = enc, name, len(bom)
            break
    if encoding == "utf-8":
        nul = data.find(b"\x00")
        if nul != -1:
            return InputError(path, _binary_message(data, nul))
    try:
        text = (data[skip:] if skip else data).decode(encoding)
    except UnicodeDecodeError as e:
        at = e.start + skip
        if encoding == "utf-8":
            return InputError(path, f"not valid UTF-8 (byte 0x{data[at]:02x} at offset {at}, line {_line_of(data, at)}): "
                                    f"convert the file to UTF-8")
        return InputError(path, f"not valid {label} after its byte-order mark (at offset {at}: {e.reason}): "
                                f"convert the file to UTF-8")
    if encoding != "utf-8":
        nul = text.find("\x00")
        if nul != -1:
            line = text.count("\n", 0, nul) + 1
            return InputError(path, f"binary file (a NUL character in {label} text, line {line}): not wiki text")
    if not text.strip():
        return InputError(path, "empty file: nothing to check")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _binary_message(data: bytes, nul: int) -> str:
    head = data[:512]
    half = len(head) // 2
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if half >= 4 and (odd >= 0.9 * half and even <= 0.1 * half or even >= 0.9 * half and odd <= 0.1 * half):
        return (f"binary file (NUL bytes from offset {nul}): UTF-16 without a byte-order mark? "
                f"Save it as UTF-8 (or UTF-16 with a byte-order mark)")
    return f"binary file (a NUL byte at offset {nul}, line {_line_of(data, nul)}): not wiki text"


def read_document(path: str, input_format: Optional[str] = None, display: Optional[str] = None,
                  max_size: Optional[int] = None) -> Item:
    """A file as a Document. Only a regular file is read; one over ``max_size`` bytes is not read at
    all: it becomes a Document with no text whose ``unchecked`` says why."""
    shown = display or path
    try:
        with open_regular(path) as fh:
            size = os.fstat(fh.fileno()).st_size
            if max_size is not None and size > max_size:
                data = None
            else:  # read no more than the limit allows, even if the file grows meanwhile
                data = fh.read(max_size + 1) if max_size is not None else fh.read()
                if max_size is not None and len(data) > max_size:
                    size, data = max(size, len(data)), None
    except OSError as e:
        return InputError(shown, read_error(e))
    if data is None:
        return Document(path=shown, text="", kind=input_format or kind_from_extension(path) or "wikitext",
                        unchecked=too_large(size, max_size))
    text = decode(data, shown)
    if isinstance(text, InputError):
        return text
    kind = detect_kind(path, text, input_format)
    return Document(path=shown, text=text, kind=kind)


def walk_folder(folder: str, skipped: Optional[list] = None,
                skip: Optional[Callable[[str], bool]] = None) -> list[str]:
    """Wiki files under ``folder``, and XML exports (``.xml``, ``.xml.bz2``…) that look like
    MediaWiki exports; other XML files go to ``skipped`` as ``(path, reason)``.
    ``skip(path)``: files and folders the configuration excludes (pruned, not reported)."""
    from citelint.dumps import is_dump_name, sniff_file

    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                         and not (skip is not None and skip(os.path.join(root, d))))
        for name in sorted(files):
            if skip is not None and skip(os.path.join(root, name)):
                continue
            wanted = kind_from_extension(name) is not None
            if not wanted and not is_dump_name(name):
                continue
            path = os.path.join(root, name)
            try:
                mode = os.stat(path).st_mode  # through a symbolic link: what would be read
            except OSError:
                mode = None  # a dangling link: reading it says what is wrong
            if mode is not None and not stat.S_ISREG(mode):
                if skipped is not None:
                    skipped.append((path, not_regular(mode)))
                continue
            if wanted:
                found.append(path)
            else:
                reason = sniff_file(path)
                if reason is None:
                    found.append(path)
                elif skipped is not None:
                    skipped.append((path, reason))
    return found


def _excluded(folder: str, why: Optional[str], files: int) -> InputError:
    return InputError(folder, f"excluded by {why or 'the configuration'}: "
                              f"{files} file{' is' if files == 1 else 's are'} not checked in it "
                              f"(--isolated ignores the configuration)", fatal=False)


def expand_paths(paths: Iterable[str], skip: Optional[Callable[..., bool]] = None,
                 excluded_by: Optional[Callable[..., Optional[str]]] = None) -> Iterator[Union[str, InputError]]:
    """Each path as it is, or a folder's wiki files; errors for what is not there.

    A folder named on the command line whose files the configuration all excludes gets a note naming
    the pattern (``excluded_by(path)`` says which), not an error: as ruff, such a run exits 0."""
    for p in paths:
        if p == "-":
            yield p
        elif skip is not None and os.path.exists(p) and skip(p, explicit=True):
            # --force-exclude: a configured exclude applies to paths given by name too (a file quietly, as
            # pre-commit passes them; a folder with a note)
            if os.path.isdir(p):
                yield _excluded(p, excluded_by and excluded_by(p, True), len(walk_folder(p)))
            continue
        elif os.path.isdir(p):
            skipped: list = []
            files = walk_folder(p, skipped, skip)
            for path, reason in skipped:
                yield InputError(path, f"skipped: {reason}", fatal=False)
            every = walk_folder(p) if not files and skip is not None else []
            if every:  # all excluded: not an error, but said
                why = excluded_by and (excluded_by(p) or excluded_by(every[0]))
                yield _excluded(p, why, len(every))
            elif not files:
                yield InputError(p, f"folder holds no wiki files ({', '.join(TEXT_EXTENSIONS)}) "
                                    f"or MediaWiki XML exports")
            yield from files
        elif not os.path.exists(p):
            if os.path.islink(p):
                yield InputError(p, f"broken symbolic link (to {os.readlink(p)}, which does not exist)")
            else:
                yield InputError(p, "no such file or directory")
        elif not stat.S_ISREG(mode := os.stat(p).st_mode):  # a device or pipe named on the command line
            yield InputError(p, not_regular(mode))
        else:
            yield str(Path(p))
