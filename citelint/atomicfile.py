"""Writing a file all at once: a temporary file beside it, then ``os.replace``.

A reader (a CI step, an editor, a second citelint) sees the old file or the new one, never half of one,
and a failed write leaves the old file as it was. What the path names decides how it is written:

- a regular file, or nothing yet: replaced atomically, keeping its permissions;
- a symbolic link: the file it points to (``os.path.realpath``) is replaced atomically, beside itself,
  and the link stays a link (a dangling link gets its target created);
- a character device or a FIFO (``/dev/null``, ``/dev/full``, a terminal, a named pipe), or a path
  naming an open descriptor (``/dev/stdout``, ``/dev/fd/N``, ``/proc/self/fd/N``): streamed to, never
  replaced (a full device is an ``OSError`` "No space left on device");
- anything else (a block device, a socket): ``OSError`` "not a regular file"; a folder: "Is a directory".

The temporary file is ``.NAME.citelint-PID-XXXXXXXX.tmp``. A process killed while writing (SIGKILL,
power loss) leaves it behind; the next write to the same target removes those whose process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from typing import IO, Iterator

#: characters of the target's name kept in a temporary file's name (the whole must fit NAME_MAX)
_NAME_KEPT = 150
_TAIL = re.compile(r"(\d+)-[a-z0-9_]+\.tmp")


def write_atomic(path: str, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically. Raises ``OSError`` (with the path) when it cannot."""
    with open_atomic(path, encoding) as fh:
        fh.write(text)


@contextlib.contextmanager
def open_atomic(path: str, encoding: str = "utf-8", before_replace=None) -> Iterator[IO[str]]:
    """A text stream whose content becomes ``path`` when the block ends without an exception.

    ``before_replace()``, if given, is called after the new content is on disk and just before it takes
    the old file's place: raising there leaves the old file as it is (``--fix``: a file changed since it
    was read is not overwritten)."""
    streamed, target = _target(path)
    if streamed:
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "w", encoding=encoding, newline="\n") as fh:
            yield fh
        return
    folder, name = os.path.split(target)
    remove_stale(target)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(name), suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        if before_replace is not None:
            before_replace()
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def temp_prefix(name: str, pid: int | None = None) -> str:
    """The start of this process's temporary files for a target named ``name``."""
    return f".{name[:_NAME_KEPT]}.citelint-{os.getpid() if pid is None else pid}-"


def remove_stale(target: str) -> list[str]:
    """Remove the temporary files left beside ``target`` by citelint processes that no longer run.

    Returns the paths removed. Files of running processes (this one included) are left alone.
    """
    folder, name = os.path.split(target)
    start = f".{name[:_NAME_KEPT]}.citelint-"
    removed = []
    try:
        entries = os.scandir(folder or ".")
    except OSError:
        return removed
    with entries:
        for entry in entries:
            if not entry.name.startswith(start):
                continue
            m = _TAIL.fullmatch(entry.name, len(start))
            if m is None or _alive(int(m.group(1))):
                continue
            try:
                if entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
                    removed.append(entry.path)
            except OSError:
                pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it runs, as another user
        return True
    return True


def _target(path: str) -> tuple[bool, str]:
    """(stream to it?, the path to open or replace)."""
    given = os.path.abspath(path)
    hop = given
    for _ in range(40):  # a link to an open descriptor: write to what is open, whatever it is
        if hop.startswith(("/proc/", "/dev/fd/")):
            return True, given
        try:
            link = os.readlink(hop)
        except OSError:
            break
        hop = os.path.normpath(os.path.join(os.path.dirname(hop), link))
    target = os.path.realpath(given)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return False, target
    if stat.S_ISREG(st.st_mode):
        return False, target
    if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        return True, given
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", path)
    raise OSError(errno.EINVAL, "not a regular file", path)


def _mode_for(target: str) -> int:
    """Keep an existing file's permissions; a new file gets what ``open`` would give it (0666 & ~umask)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
