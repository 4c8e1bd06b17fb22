"""Reading an input safely, the part both :mod:`citelint.sources` (files and folders) and :mod:`citelint.dumps`
(XML exports) need: the one-line ``InputError``, the kind an extension names, opening only regular files,
and the messages of read errors and oversized pages. A module of its own below both, so that neither
imports the other back (``sources`` finds dumps in folders; ``dumps`` opens files as ``sources`` does).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from typing import BinaryIO, Optional

WIKITEXT_EXTENSIONS = (".wiki", ".wikitext", ".mediawiki", ".mw")
PLAINTEXT_EXTENSIONS = (".txt",)
TEXT_EXTENSIONS = WIKITEXT_EXTENSIONS + PLAINTEXT_EXTENSIONS


@dataclass(frozen=True)
class InputError:
    path: str
    message: str
    #: False for a note (an input skipped with a reason) that does not make the exit status 2
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def kind_from_extension(path: str) -> Optional[str]:
    lower = path.lower()
    if lower.endswith(WIKITEXT_EXTENSIONS):
        return "wikitext"
    if lower.endswith(PLAINTEXT_EXTENSIONS):
        return "plaintext"
    return None


class NotRegularFile(OSError):
    """A path that is a device, a named pipe or a socket: never read (it may never end, or block)."""


def _what(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_regular(mode: int) -> str:
    """The one-line reason a file of this mode is not read."""
    return f"not a regular file ({_what(mode)}): only regular files are checked"


def open_regular(path: str) -> BinaryIO:
    """Open a file for reading only if it is a regular file, judged on the opened descriptor (so a
    file swapped after a check cannot slip through) and opened without blocking (so a named pipe
    with no writer cannot hang the run). Raises ``NotRegularFile``, ``IsADirectoryError`` or OSError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            raise NotRegularFile(not_regular(mode))
        if getattr(os, "O_NONBLOCK", 0) and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_error(e: OSError) -> str:
    if isinstance(e, NotRegularFile):
        return str(e)
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    if isinstance(e, PermissionError):
        return "permission denied"
    return f"cannot read: {e.strerror or e}"


def too_large(size: int, limit: int, what: str = "file") -> str:
    """The message of an unchecked-page finding for a page over ``max-page-size``."""
    return (f"this {what} is {human_size(size)}, over the {human_size(limit)} limit of max-page-size: "
            f"not checked; split it, or raise --max-page-size (max-page-size in the configuration) "
            f"to check it")


def human_size(n: int) -> str:
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".0 ", " ")
    return f"{n:,} bytes"
