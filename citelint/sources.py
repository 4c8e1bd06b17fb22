"""Where documents come from: files and folders, each read safely into a ``Document``.

Bad input never raises out of here: it becomes an ``InputError`` that the CLI prints as one line,
and the run goes on with the other inputs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from citelint.model import Document

WIKITEXT_EXTENSIONS = (".wiki", ".wikitext", ".mediawiki", ".mw")
PLAINTEXT_EXTENSIONS = (".txt",)
TEXT_EXTENSIONS = WIKITEXT_EXTENSIONS + PLAINTEXT_EXTENSIONS
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".citelint_cache", ".tox"}


@dataclass(frozen=True)
class InputError:
    path: str
    message: str
    #: False for a note (an input skipped with a reason) that does not make the exit status 2
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


Item = Union[Document, InputError]


def kind_from_extension(path: str) -> Optional[str]:
    lower = path.lower()
    if lower.endswith(WIKITEXT_EXTENSIONS):
        return "wikitext"
    if lower.endswith(PLAINTEXT_EXTENSIONS):
        return "plaintext"
    return None


def sniff_kind(text: str) -> str:
    """Wikitext or a plain-text rendering, judged from the content."""
    head = text[:200_000]
    if "<ref" in head or "<REF" in head or "{{" in head or "[[" in head:
        return "wikitext"
    return "plaintext"


def detect_kind(path: str, text: str, input_format: Optional[str] = None) -> str:
    """The kind of a file: as told, else by extension, else by content.

    A ``.txt`` file is a plain-text rendering unless its content is plainly wikitext: wikis are often
    saved as ``.txt`` too.
    """
    if input_format:
        return input_format
    kind = kind_from_extension(path)
    if kind == "plaintext":
        return sniff_kind(text)
    return kind or sniff_kind(text)


def decode(data: bytes, path: str) -> Union[str, InputError]:
    if not data:
        return InputError(path, "empty file: nothing to check")
    if b"\x00" in data[:8192]:
        return InputError(path, "binary file (contains NUL bytes): not wiki text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return InputError(path, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}, line {line}): "
                                f"convert the file to UTF-8")
    if not text.strip():
        return InputError(path, "empty file: nothing to check")
    return text.replace("\r\n", "\n")


def read_document(path: str, input_format: Optional[str] = None, display: Optional[str] = None) -> Item:
    shown = display or path
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return InputError(shown, "no such file or directory")
    except IsADirectoryError:
        return InputError(shown, "is a directory")
    except PermissionError:
        return InputError(shown, "permission denied")
    except OSError as e:
        return InputError(shown, f"cannot read: {e.strerror or e}")
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
            if kind_from_extension(name) is not None:
                found.append(os.path.join(root, name))
            elif is_dump_name(name):
                path = os.path.join(root, name)
                reason = sniff_file(path)
                if reason is None:
                    found.append(path)
                elif skipped is not None:
                    skipped.append((path, reason))
    return found


def expand_paths(paths: Iterable[str], skip: Optional[Callable[..., bool]] = None
                 ) -> Iterator[Union[str, InputError]]:
    """Each path as it is, or a folder's wiki files; errors for what is not there."""
    for p in paths:
        if p == "-":
            yield p
        elif skip is not None and os.path.exists(p) and skip(p, explicit=True):
            continue  # --force-exclude: a configured exclude applies to paths given by name too
        elif os.path.isdir(p):
            skipped: list = []
            files = walk_folder(p, skipped, skip)
            for path, reason in skipped:
                yield InputError(path, f"skipped: {reason}", fatal=False)
            if not files and not (skip is not None and walk_folder(p)):  # all excluded: not an error
                yield InputError(p, f"folder holds no wiki files ({', '.join(TEXT_EXTENSIONS)}) "
                                    f"or MediaWiki XML exports")
            yield from files
        elif not os.path.exists(p):
            yield InputError(p, "no such file or directory")
        else:
            yield str(Path(p))
