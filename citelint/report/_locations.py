"""Paths as CI systems want them: relative to a root (the working directory, or the GitHub workspace)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional
from urllib.parse import quote


def relative_to(path: str, root: str) -> Optional[str]:
    """``path`` relative to ``root`` with ``/`` separators, or None when it lies outside ``root``."""
    if path == "-":
        return path
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, os.path.abspath(root))
    except ValueError:  # another drive (Windows)
        return None
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return None
    return rel.replace(os.sep, "/")


def uri_path(posix_path: str) -> str:
    """A relative path as a URI reference (RFC 3986): spaces, ``%``, ``#``, ``?``, non-ASCII and ``:`` are
    percent-encoded (``Category:Foo.wiki`` would otherwise read as a URI with scheme ``category``);
    ``,`` and the other sub-delimiters stay as they are."""
    return quote(posix_path, safe="/!$&'()*+,;=@")


def file_uri(path: str) -> str:
    """An absolute ``file://`` URI, ending with ``/`` for a folder."""
    uri = Path(os.path.abspath(path)).as_uri()
    if os.path.isdir(path) and not uri.endswith("/"):
        uri += "/"
    return uri
