"""Judging and normalising one citation URL, without touching the network.

``judge(text)`` says whether a URL as a citation gives it is checkable (http or https, well formed),
another kind of link citelint does not check (ftp, mailto…), or broken (no scheme, spaces, a bad
host or port), and gives the normalised form the link checker uses as its key: lower-case scheme
and host, no default port, no fragment (never sent to the server), illegal characters quoted.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Optional
from urllib.parse import quote, urlsplit, urlunsplit

from citelint.quoting import clip
from citelint.memo import Memo

#: schemes MediaWiki links and CS1 accepts in |url=, that citelint does not check
OTHER_SCHEMES = frozenset({
    "ftp", "ftps", "sftp", "gopher", "news", "nntp", "telnet", "mailto", "irc", "ircs", "git", "svn", "mms",
    "sip", "sips", "sms", "ssh", "tel", "urn", "worldwind", "xmpp", "magnet", "bitcoin", "geo", "matrix",
})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_HOST_CHARS = re.compile(r"^[A-Za-z0-9_-]+$")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Judgement:
    url: Optional[str] = None  # normalised, checkable http(s) URL
    problem: Optional[str] = None  # why it is not a valid URL (for invalid-url)
    skipped: Optional[str] = None  # why it is valid but not checked (another scheme)


#: the common case, judged without urlsplit: http(s), a host of ASCII letters, digits, "-" and "_" in dotted
#: labels, no port or user, and a path and query of characters ``quote`` leaves as they are; the rest
#: (and any host longer than 63 characters, where the length limits come in) takes the full way. Case-sensitive,
#: the scheme's case spelled out: with IGNORECASE, [A-Za-z] also matched "İ", "ı", "ſ" and the Kelvin sign, and
#: "httpſ://" passed for a scheme (those URLs were called valid unquoted, a non-ASCII host left as written)
_PLAIN = re.compile(r"([Hh][Tt][Tt][Pp][Ss]?)://([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)"
                    r"(/[A-Za-z0-9_.~!$%&'()*+,/:;=@\[\]-]*)?"
                    r"(?:\?([A-Za-z0-9_.~!$%&'()*+,/:;=?@\[\]-]*))?(?:#[!-~]*)?")
#: URLs longer than this are judged without the memo (it keeps what it judged; a dump repeats its URLs)
_MEMO_MAX = 2048


def judge(text: str) -> Judgement:
    """Judge a URL as written (entities already decoded, surrounding whitespace removed)."""
    m = _PLAIN.fullmatch(text)
    if m is not None and len(m.group(2)) <= 63:
        return Judgement(url=_plain_url(m))  # (the common case: cheaper made again than looked up in the memo)
    if len(text) <= _MEMO_MAX:
        return _judge_memo(text)
    return _judge_safely(text)


def _judge_safely(text: str) -> Judgement:
    try:
        m = _PLAIN.fullmatch(text)
        if m is not None and len(m.group(2)) <= 63:
            return _plain(m)
        return _judge(text)
    except Exception as e:  # pragma: no cover - the parser libraries must never crash a run
        return Judgement(problem=f"is not a valid URL ({type(e).__name__})")


def _judgement_weight(text: str, j: Judgement) -> int:
    return 200 + 2 * len(text) + (len(j.url) if j.url else 0)


#: a pure function of a short string, returning a frozen value: kept, since a dump repeats its URLs
_judge_memo = Memo(_judge_safely, _judgement_weight, 4_000_000)


def _plain(m: re.Match) -> Judgement:
    """What ``_judge`` says of a ``_PLAIN`` URL: valid, and normalised as ``_normalise`` would."""
    return Judgement(url=_plain_url(m))


def _plain_url(m: re.Match) -> str:
    scheme, host, path, query = m.groups()
    url = f"{scheme.lower()}://{host.lower()}{path or '/'}"
    return url + "?" + query if query else url


def plain_url(text: str) -> Optional[str]:
    """``judge(text).url`` when ``text`` is a plain URL (the common case, valid: no problem, not skipped),
    else None (then ``judge`` says what it is): for the callers that make their own record of it."""
    m = _PLAIN.fullmatch(text)
    if m is not None and len(m.group(2)) <= 63:
        return _plain_url(m)
    return None


def _judge(text: str) -> Judgement:
    if not text:
        return Judgement(problem="is empty")
    if _SPACE.search(text):
        return Judgement(problem="contains white space: remove it, or encode a needed space as %20")
    if text.startswith("//"):
        text = "https:" + text  # protocol-relative, as MediaWiki allows
    m = _SCHEME.match(text)
    if m is None or (m.group(1).lower() not in ("http", "https") and "." in m.group(1)):
        if text.lower().startswith("www.") or re.match(r"^[\w-]+(\.[\w-]+)+(/|$)", text):
            return Judgement(problem="has no scheme: begin it with https:// (or http://)")
        return Judgement(problem="is not a URL: it should begin with https:// (or http://)")
    scheme = m.group(1).lower()
    if scheme not in ("http", "https"):
        if scheme in OTHER_SCHEMES:
            return Judgement(skipped=f"{scheme}: links are not checked")
        return Judgement(problem=f"has the unknown scheme {clip(m.group(1))!r}: use https:// (or http://)")
    rest = text[m.end():]
    if not rest.startswith("//"):
        return Judgement(problem=f"needs two slashes after {m.group(1)}: (write {scheme}://…)")
    try:
        parts = urlsplit(text)
    except ValueError:
        return Judgement(problem="has an invalid host (a bad [IPv6] address?)")
    netloc = parts.netloc
    hostport = netloc.rpartition("@")[2]
    if not hostport:
        return Judgement(problem="has no host name")
    if re.match(r"(?i)https?:/*", rest[2:]):
        return Judgement(problem="has the scheme twice (http://http://…): remove one")
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:
        return Judgement(problem=f"has an invalid port in {clip(hostport)!r}")
    if not host:
        return Judgement(problem="has no host name")
    problem = _host_problem(host, hostport)
    if problem:
        return Judgement(problem=problem)
    return Judgement(url=_normalise(scheme, parts, host, port))


def _host_problem(host: str, hostport: str) -> Optional[str]:
    if hostport.startswith("["):
        try:
            ipaddress.IPv6Address(host.split("%")[0])
            return None
        except ValueError:
            return f"has an invalid IPv6 address {host!r}"
    name = host[:-1] if host.endswith(".") else host
    if not name:
        return "has no host name"
    try:
        ascii_name = name.encode("ascii").decode()
    except UnicodeEncodeError:
        ascii_name = _idna(name)
        if ascii_name is None:
            return f"has a host name that is not a valid international domain name: {host!r}"
    if len(ascii_name) > 253:
        return "has a host name longer than 253 characters"
    for label in ascii_name.split("."):
        if not label:
            return f"has an empty part in the host name {host!r} (two dots in a row?)"
        if len(label) > 63:
            return f"has a host name part longer than 63 characters in {host!r}"
        if not _HOST_CHARS.match(label):
            bad = next((c for c in label if not (c.isalnum() or c in "-_")), "?")
            return f"has the character {bad!r} in its host name {host!r}"
    return None


def _idna(name: str) -> Optional[str]:
    try:
        import idna

        return idna.encode(name, uts46=True).decode("ascii")
    except Exception:
        pass
    try:
        return name.encode("idna").decode("ascii")
    except Exception:
        return None


def _normalise(scheme: str, parts, host: str, port: Optional[int]) -> str:
    host_l = host.lower()
    if ":" in host_l:  # IPv6
        host_l = f"[{host_l}]"
    elif not host_l.isascii():
        host_l = _idna(host_l) or host_l
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = (userinfo + "@" if userinfo else "") + host_l
    if port is not None and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc += f":{port}"
    path = parts.path or "/"
    url = urlunsplit((scheme, netloc, path, parts.query, ""))
    # quote what may not appear in a URL (non-ASCII, spaces, quotes, braces); leave escapes as written
    return quote(url, safe="!#$%&'()*+,/:;=?@[]~")


def host_of(url: str) -> str:
    """The host part of a normalised URL (the key for per-host limits)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
