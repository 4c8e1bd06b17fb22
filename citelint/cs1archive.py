"""Archive URLs in CS1 citations: CS1's own check of Wayback Machine URLs, the date an archive URL records, and
which hosts are web archives.

``malformed(url)`` is CS1.lua's ``archive_url_check`` (2022): for ``web.archive.org`` and ``liveweb.archive.org``
URLs, the detail CS1 shows after "|archive-url= is malformed:" (``save command``, ``liveweb``, ``timestamp``,
``path``, ``flag``), or None. ``snapshot_date(url)`` reads the capture date from the URLs of the services that
put it in the address: the Wayback Machine and the archives that run its software (archive-it, the Library of
Congress, the UK Web Archive, the UK Government Web Archive, Arquivo.pt…: a 14-digit ``YYYYMMDDhhmmss`` path
segment), archive.today (``/YYYYMMDDhhmmss/`` or ``/YYYY.MM.DD-hhmmss/``) and WebCite (its id is the capture
time in microseconds, in base 62).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Optional
from urllib.parse import urlsplit

#: CS1's '//web%.archive%.org/([^%d]*)(%d+)([^/]*)/': the first run of digits after the host, what follows it up
#: to the next "/" (the flag); written without backtracking (the Lua pattern's can only match this way)
_WAYBACK = re.compile(r"//web\.archive\.org/([^0-9]*)([0-9]+)")


def _wayback(url: str) -> Optional[re.Match]:
    """``_WAYBACK.search(url)`` in linear time: the pattern tried at the first "//web.archive.org/" only (at a
    later one it fails if it failed there: no digit after; the search scanned from each one to the end, an
    archive-url of "//web.archive.org/g" * 6,000 took 4.8 s)."""
    at = url.find("//web.archive.org/")
    return _WAYBACK.match(url, at) if at >= 0 else None

#: hosts of web archives (and their mirrors), lower case, without "www."
ARCHIVE_HOSTS = frozenset({
    "web.archive.org", "wayback.archive.org", "liveweb.archive.org", "archive.org",
    "archive.today", "archive.is", "archive.ph", "archive.li", "archive.vn", "archive.fo", "archive.md",
    "webcitation.org", "webarchive.loc.gov", "webarchive.org.uk", "webarchive.nationalarchives.gov.uk",
    "wayback.archive-it.org", "archive-it.org", "arquivo.pt", "perma.cc", "perma-archives.org",
    "ghostarchive.org", "archive.wikiwix.com", "webarchive.nla.gov.au", "pandora.nla.gov.au",
    "webarchive.bac-lac.gc.ca", "swap.stanford.edu", "web.archive.bibalex.org", "wayback.vefsafn.is",
    "webarchive.proni.gov.uk", "webarchive.parliament.uk", "freezepage.com", "haw.nsk.hr",
    "webarchive.nrscotland.gov.uk", "digar.ee", "veebiarhiiv.digar.ee", "archive.ec", "timetravel.mementoweb.org",
    "wayback.webarchiv.cz", "padicat.cat", "webarchiv.onb.ac.at", "webarchive.ssrc.ac.uk", "nukrobi2.nuk.uni-lj.si",
    "wayback.library.yorku.ca", "collectionscanada.gc.ca", "screenshots.com", "mementoweb.org",
})
_ARCHIVE_TODAY = frozenset({"archive.today", "archive.is", "archive.ph", "archive.li", "archive.vn", "archive.fo",
                            "archive.md"})
_STAMP = re.compile(r"^([0-9]{14})(?:[a-z]{2}_|\*)?$")
_DOTTED = re.compile(r"^([0-9]{4})\.([0-9]{2})\.([0-9]{2})-[0-9]{6}$")
_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


_SCHEME = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//")


def host(url: str) -> str:
    return _split(url)[0]


@lru_cache(maxsize=2048)  # pure: the rules ask it of the same URL two or three times (urlsplit is slow)
def _split(url: str) -> tuple[str, Optional[list]]:
    """(the URL's host name, lower case, without "www." ("" if none), the parts of its path split at "/", or None
    when urlsplit cannot read it)."""
    url = url.strip()
    m = _PLAIN_URL.match(url)
    if m is not None:  # what urlsplit makes of it, read at once
        h = m.group(1).lower()
        return (h[4:] if h.startswith("www.") else h), m.group(2).split("/")
    return _split_slowly(url)


#: a URL urlsplit reads plainly: an optional scheme, "//", a host of letters, digits, dots and hyphens (no user,
#: no port), a path without the characters urlsplit removes (tab, CR, LF), then a query, a fragment or the end
_PLAIN_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//([A-Za-z0-9.-]*)((?:/[^?#\t\n\r]*)?)(?=[?#]|\Z)")


def _split_slowly(url: str) -> tuple[str, Optional[list]]:
    """``_split`` by urlsplit (``url`` stripped)."""
    scheme = _SCHEME.match(url) is not None
    try:
        split = urlsplit(url if scheme else "//" + url)
        h = (split.hostname or "").lower()
    except ValueError:
        split, h = None, ""
    try:
        parts = (split if scheme and split is not None else urlsplit(url)).path.split("/")
    except ValueError:
        parts = None
    return (h[4:] if h.startswith("www.") else h), parts


def is_archive(url: str) -> bool:
    """The URL is on a known web archive (or one of its subdomains)."""
    return _on_archive(host(url))


def _on_archive(h: str) -> bool:
    while h:
        if h in ARCHIVE_HOSTS:
            return True
        _, _, h = h.partition(".")
        if "." not in h:
            return False
    return False


@lru_cache(maxsize=2048)  # pure: the same archive URLs recur in every revision of a page
def malformed(url: str) -> Optional[str]:
    """CS1.lua's archive_url_check: which part of a Wayback Machine URL is wrong (a key of
    ``cs1_config.toml``'s ``archive_url_details``), or None."""
    if "//web.archive.org/" not in url and "//liveweb.archive.org/" not in url:
        return None
    if "//web.archive.org/save/" in url:
        return "save"
    if "//liveweb.archive.org/" in url:
        return "liveweb"
    m = _wayback(url)
    slash = url.find("/", m.end()) if m else -1
    if m is None or slash < 0:
        return "timestamp"
    path, stamp = m.groups()
    flag = url[m.end():slash]
    if len(stamp) != 14:
        return "timestamp"
    if path and path != "web/":
        return "path"
    if flag and not path:
        return "flag"
    if flag and not re.match(r"[A-Za-z]{2}_", flag):
        return "flag"
    return None


@lru_cache(maxsize=2048)
def snapshot_date(url: str) -> Optional[tuple[date, str]]:
    """(capture date, service) for an archive URL that records one in its address; else None."""
    h, parts = _split(url)
    if not _on_archive(h) or parts is None:
        return None
    if h == "webcitation.org":
        ident = parts[1] if len(parts) > 1 else ""
        if re.fullmatch(r"[0-9A-Za-z]{9,10}", ident) and not ident.isdigit():
            n = 0
            for ch in ident:
                n = n * 62 + _B62.index(ch)
            try:
                when = datetime.fromtimestamp(n / 1e6, tz=timezone.utc).date()
            except (OverflowError, OSError, ValueError):
                return None
            return (when, "WebCite") if date(1998, 1, 1) <= when <= date(2030, 1, 1) else None
        return None
    for seg in parts[1:6]:
        m = _STAMP.match(seg)
        if m:
            s = m.group(1)
            try:
                return date(int(s[:4]), int(s[4:6]), int(s[6:8])), _service(h)
            except ValueError:
                return None
        if h in _ARCHIVE_TODAY and (m := _DOTTED.match(seg)):
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "archive.today"
            except ValueError:
                return None
    return None


def _service(h: str) -> str:
    if h.endswith("archive.org"):
        return "the Wayback Machine"
    if h in _ARCHIVE_TODAY:
        return "archive.today"
    return h
