"""Identifiers in citations: where they are written, whether CS1 accepts them, and their canonical forms.

The checks follow the English Wikipedia's Module:Citation/CS1/Identifiers (the functions named in each
docstring); the numeric limits and parameter aliases come from its Configuration module, pinned in
``citelint/data/identifiers.toml`` (``scripts/regen_identifiers.py`` regenerates it). ISBN, ISSN and ISMN
check digits are computed as python-stdnum computes them (and tested against it); CS1's stricter rules
(characters, 630/631 and 9790 groups, the ISSN's trailing ``X`` in upper case…) are applied on top.

``check(kind, value)`` returns ``None`` for a value CS1 accepts, else a :class:`Problem`: what is wrong and
what to do. Messages never suggest a recomputed check digit: a wrong checksum is usually a typo elsewhere in
the number, and only the source can tell which digit.

``ref_identifiers(ref)`` finds the identifiers of one parsed reference (``citelint.citations.ParsedRef``):
citation template parameters (``|isbn=``, ``|doi=``…), ``{{ISBN|…}}``, ISBN/PMID/RFC magic links in the text
of wikitext refs, and labelled identifiers (``ISBN …``, ``ISSN …``, ``doi:…``, ``PMID …``, ``arXiv:…``) in
plain-text entries.
"""

from __future__ import annotations

import re
import sys
import time
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter, itemgetter
from typing import NamedTuple, Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: citelint's identifier kinds → the CS1 handler key in identifiers.toml
KINDS = {"isbn": "ISBN", "issn": "ISSN", "eissn": "EISSN", "ismn": "ISMN", "doi": "DOI", "pmid": "PMID",
         "pmc": "PMC", "arxiv": "ARXIV", "oclc": "OCLC", "lccn": "LCCN", "bibcode": "BIBCODE", "jstor": "JSTOR",
         "hdl": "HDL", "s2cid": "S2CID", "ssrn": "SSRN", "osti": "OSTI", "rfc": "RFC", "zbl": "ZBL"}
#: how a message names the identifier
LABELS = {"isbn": "ISBN", "issn": "ISSN", "eissn": "eISSN", "ismn": "ISMN", "doi": "DOI", "pmid": "PMID",
          "pmc": "PMC", "arxiv": "arXiv", "oclc": "OCLC", "lccn": "LCCN", "bibcode": "bibcode", "jstor": "JSTOR",
          "hdl": "HDL", "s2cid": "S2CID", "ssrn": "SSRN", "osti": "OSTI", "rfc": "RFC", "zbl": "Zbl"}


@dataclass(frozen=True)
class Limits:
    source: str
    params: dict  # parameter name as written → kind
    limits: dict  # kind → upper limit (id_limit)
    configured: frozenset = frozenset()  # kinds whose limit comes from configuration, not the module


#: the identifiers CS1 tests against an upper limit (``id_limit``): the keys of
#: ``[tool.citelint.cs1.identifier-limits]``
LIMITED_KINDS = ("osti", "pmc", "pmid", "rfc", "s2cid", "ssrn")


@lru_cache(maxsize=8)
def limits(overrides: tuple = ()) -> Limits:
    """The pinned parameters and limits; ``overrides`` — ``((kind, limit), …)`` from
    ``[tool.citelint.cs1.identifier-limits]`` — replaces the module's limit for those kinds."""
    if overrides:
        base = limits()
        return Limits(base.source, base.params, {**base.limits, **dict(overrides)},
                      frozenset(k for k, _ in overrides))
    # pkgutil, not importlib.resources: as parsers/templates.py, no importlib.readers at start-up
    import pkgutil

    raw = pkgutil.get_data("citelint", "data/identifiers.toml").decode("utf-8")
    data = tomllib.loads(raw)
    params: dict[str, str] = {}
    lims: dict[str, int] = {}
    for kind, key in KINDS.items():
        entry = data.get(key, {})
        for p in entry.get("parameters", []):
            params[p] = kind
        if "id_limit" in entry:
            lims[kind] = int(entry["id_limit"])
    return Limits(data.get("source", "?"), params, lims)


@dataclass(frozen=True, slots=True)
class Problem:
    what: str  # what is wrong
    fix: str  # what to do
    stale_limit: bool = False  # above the pinned limit only: the number may simply be newer than the data
    detail: str = ""  # CS1's detail for |isbn= and |bibcode= ("checksum", "length"…)


def _p(what: str, fix: str, detail: str = "") -> Problem:
    return Problem(what, fix, detail=detail)


# ---------------------------------------------------------------------------------------------- ISBN, ISSN, ISMN

# (compiled once: a run checks thousands of identifiers, and each re.match(pattern, …) looks its pattern up)
_ISBN_LABEL = re.compile(r"(?i)isbn")
_ISBN_BAD = re.compile(r"[^\s0-9X-]")
_SPACE_OR_HYPHEN = re.compile(r"[\s-]")
_ISBN10 = re.compile(r"\d{9}[\dX]")
_ISSN_LABEL = re.compile(r"(?i)e?issn")
_ISSN_SEVERAL = re.compile(r"[,;/]")
_ISSN = re.compile(r"\d{7}[\dX]")
_SPACE = re.compile(r"\s")
_DIGITS = re.compile(r"\d+")
_PMC = re.compile(r"[Pp][Mm][Cc](\d+)")
_ARXIV_LABEL = re.compile(r"(?i)arxiv:")
_URL_START = re.compile(r"(?i)(?:https?:)?//")
_BIBCODE = re.compile(r"(\d{4})[A-Za-z][\w&.]{3}[\w.]{10}[A-Za-z.]", re.ASCII)
_ARXIV_VERSION = re.compile(r"v\d+$")

_CHECK_FIX = ("compare it with the book itself (the copyright page) or a library catalogue; do not just "
              "change the last digit, the typo is usually elsewhere")


def check_isbn(v: str) -> Optional[Problem]:
    """CS1 ``isbn()``: digits, hyphens, spaces and an upper-case X only; 10 or 13 digits; checksum; an
    ISBN-13 starts 978 or 979, and 979-0 is the ISMN's; an ISBN-10 starting 630/631 is an Amazon ASIN."""
    if _ISBN_LABEL.match(v):
        return _p("has the label 'ISBN' in the value", "give only the number", "invalid character")
    bad = _ISBN_BAD.search(v)
    if bad:
        ch = bad.group()
        if ch == "x":
            return _p("has a lower-case 'x'", "write the check digit as an upper-case X", "invalid character")
        return _p(f"has an invalid character {ch!r}", "keep only digits, hyphens and a final X", "invalid character")
    digits = _SPACE_OR_HYPHEN.sub("", v)
    if len(digits) not in (10, 13):
        return _p(f"has {len(digits)} digits, not 10 or 13", "copy the full ISBN from the book or its catalogue "
                  "record", "length")
    if len(digits) == 10:
        if not _ISBN10.fullmatch(digits):
            return _p("has an X that is not the last character", "an X can only be an ISBN-10's check digit", "invalid form")
        if not _valid("isbn", digits):
            return _p("checksum is wrong (a digit is mistyped)", _CHECK_FIX, "checksum")
        if digits.startswith(("630", "631")):
            return _p("begins 630/631, which is an Amazon ASIN, not an ISBN", "use |asin= for it, or find the "
                      "book's ISBN", "invalid group id")
        return None
    if not digits.isdigit():
        return _p("has an X in an ISBN-13", "an ISBN-13 has digits only", "invalid character")
    if not digits.startswith(("978", "979")):
        return _p("has 13 digits but does not begin 978 or 979", "check the number: it may be an EAN or ISSN "
                  "barcode, not an ISBN", "invalid prefix")
    if digits.startswith("9790"):
        return _p("begins 979-0, which is reserved for ISMNs (printed music)", "if it is sheet music, give it "
                  "as |ismn=", "invalid group id")
    if not _valid("isbn", digits):
        return _p("checksum is wrong (a digit is mistyped)", _CHECK_FIX, "checksum")
    return None


def check_issn(v: str) -> Optional[Problem]:
    """CS1 ``issn()``: 8 characters once spaces and hyphens are removed, digits with an upper-case X as the
    check digit only, and a valid checksum."""
    if _ISSN_LABEL.match(v):
        return _p("has the label 'ISSN' in the value", "give only the number, as 1234-5678")
    if _ISSN_SEVERAL.search(v):
        return _p("holds more than one ISSN", "give the print ISSN in |issn= and the online one in |eissn=")
    compact = _SPACE_OR_HYPHEN.sub("", v)
    if len(compact) != 8:
        return _p(f"has {len(compact)} characters, not 8", "an ISSN is 8 digits, written 1234-5678")
    if not _ISSN.fullmatch(compact):
        if re.fullmatch(r"\d{7}x", compact):
            return _p("has a lower-case 'x'", "write the check digit as an upper-case X")
        return _p("has characters other than digits and a final X", "an ISSN is 8 digits, written 1234-5678")
    if not _valid("issn", compact):
        return _p("checksum is wrong (a digit is mistyped)", "compare it with the journal's ISSN in the ISSN "
                  "portal or the journal itself; do not just change the last digit")
    return None


def check_ismn(v: str) -> Optional[Problem]:
    """CS1 ``ismn()``: 13 digits beginning 9790 once spaces and hyphens are removed, valid checksum (the old
    10-character ``M-…`` form that python-stdnum accepts is not accepted by CS1)."""
    compact = re.sub(r"[\s-]", "", v)
    if compact[:1] in ("M", "m"):
        return _p("is in the old 10-character M- form", "write it as 13 digits, 979-0-… (replace M with 979-0)")
    if not (len(compact) == 13 and compact.isdigit() and compact.startswith("9790")):
        return _p("is not 13 digits beginning 979-0", "copy the ISMN from the score")
    if not _valid("ismn", compact):
        return _p("checksum is wrong (a digit is mistyped)", "compare it with the printed score; do not just "
                  "change the last digit")
    return None


#: the digits python-stdnum reads as ASCII ones (its ``util._char_map``): full-width and mathematical digits
_WIDE_DIGITS = {base + i: 48 + i for base in (0xFF10, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6) for i in range(10)}
_ASCII_DIGITS = re.compile(r"[0-9]+")


def _valid(name: str, compact: str) -> bool:
    """python-stdnum's ``validate`` of ``isbn``, ``issn`` or ``ismn`` on a value of the right shape (the callers
    test the length and characters first), computed here: importing stdnum (its util module imports ssl and
    pydoc) cost a run ~25 ms, more than every identifier check of a page together. The same verdicts
    (tests/test_identifiers.py compares them with stdnum's)."""
    if not compact.isascii():
        compact = compact.translate(_WIDE_DIGITS)
    if name == "issn":
        if len(compact) != 8 or not _ASCII_DIGITS.fullmatch(compact, 0, 7):
            return False
        check = (11 - sum((8 - i) * (ord(c) - 48) for i, c in enumerate(compact[:7]))) % 11
        return compact[7] == ("X" if check == 10 else chr(48 + check))
    if name == "isbn" and len(compact) == 10:
        if not _ASCII_DIGITS.fullmatch(compact, 0, 9):
            return False
        check = sum((i + 1) * (ord(c) - 48) for i, c in enumerate(compact[:9])) % 11
        return compact[9] == ("X" if check == 10 else chr(48 + check))
    if len(compact) != 13 or not _ASCII_DIGITS.fullmatch(compact):
        return False  # (an ISMN here has 13 digits: the callers refuse the old M- form)
    if name == "isbn" and not compact.startswith(("978", "979")):
        return False
    if name == "ismn" and not compact.startswith("9790"):
        return False
    return compact[12] == _ean_check(compact[:12])


def _ean_check(digits: str) -> str:
    """The EAN-13 check digit of 12 digits (weights 1, 3, 1, 3… from the left)."""
    total = sum(ord(c) - 48 for c in digits[0::2]) + 3 * sum(ord(c) - 48 for c in digits[1::2])
    return chr(48 + (10 - total) % 10)


def _isbn13(compact: str) -> str:
    """A valid ISBN, digits only, as ISBN-13 (python-stdnum's ``isbn.to_isbn13``)."""
    if len(compact) == 13:
        return compact
    core = "978" + compact[:9]
    return core + _ean_check(core)


# ---------------------------------------------------------------------------------------------- DOI

_RESOLVER = re.compile(r"^(?:https?:)?//(?:dx\.)?doi\.org/|^doi:\s*", re.IGNORECASE)


def check_doi(v: str) -> Optional[Problem]:
    """CS1 ``doi()``: ``10.`` + a registrant code CS1 knows + ``/`` + a suffix without spaces or en dashes
    that does not end with ``.`` or ``,``. Registrants: 1000–9999 and 10000–59999 (a sub-code after a dot is
    allowed, 10000–39999 for five digits; fewer than four digits only with a sub-code); 5555 is the test
    registrant that never resolves."""
    m = _RESOLVER.match(v)
    if m:
        return _p(f"starts with {m.group().strip()!r}", "give only the DOI itself, 10.xxxx/…")
    if not v.startswith("10."):
        return _p("does not begin with '10.'", "a DOI is 10.<registrant>/<suffix>; check what was pasted")
    if "/" not in v:
        return _p("has no '/' between registrant and suffix", "a DOI is 10.<registrant>/<suffix>")
    registrant, suffix = v[3:].split("/", 1)
    if _SPACE.search(v):
        return _p("contains a space", "remove it (a DOI has no spaces; a space often means two values were "
                  "pasted together)")
    if "–" in v:
        return _p("contains an en dash (–)", "DOIs use the plain hyphen (-)")
    if not suffix:
        return _p("has nothing after the '/'", "copy the full DOI")
    if v[-1] in ".,":
        return _p(f"ends with {v[-1]!r}", "remove the trailing punctuation")
    if _bad_registrant(registrant):
        if registrant == "5555":
            return _p("uses the test registrant 10.5555, which never resolves", "find the real DOI")
        return _p(f"registrant code '{registrant}' is not one DOIs are issued under", "check the digits after '10.'")
    return None


_REGISTRANT_ERRORS = tuple(re.compile(p) for p in (
    r"^[^1-3]\d{4}\.\d+$",  # 5 digits with subcode: accepts 10000–39999
    r"^[^1-5]\d{4}$",  # 5 digits without subcode: accepts 10000–59999
    r"^[^1-9]\d{3}\.\d+$",  # 4 digits with subcode
    r"^[^1-9]\d{3}$",  # 4 digits without subcode
    r"^\d{6,}",  # 6 or more digits
    r"^\d{1,3}$",  # fewer than 4 digits without subcode
    r"^5555$",  # test registrant
    r"[^\d.]",  # anything but digits and dots
))


#: any of them, in one search
_REGISTRANT_ERROR = re.compile("|".join(f"(?:{p.pattern})" for p in _REGISTRANT_ERRORS))


def _bad_registrant(registrant: str) -> bool:
    return _REGISTRANT_ERROR.search(registrant) is not None


# ---------------------------------------------------------------------------------------------- numbered ids

def _numbered(kind: str, v: str, low: int, fix: str, lim: Limits, pattern: str = r"\d+") -> Optional[Problem]:
    label = LABELS[kind]
    if not (_DIGITS.fullmatch(v) if pattern == r"\d+" else re.fullmatch(pattern, v)):
        if re.match(rf"(?i){label}\s*[:=]?\s*", v) and kind != "pmc":
            return _p(f"has the label '{label}' in the value", "give only the number")
        return _p("is not a plain number", fix)
    n = int(v)
    limit = lim.limits.get(kind)
    if n < low:
        return _p(f"is below {low}, the lowest {label} CS1 accepts", fix)
    if limit is not None and n > limit:
        if kind in lim.configured:
            return Problem(f"is above {limit}, the limit configured in [tool.citelint.cs1.identifier-limits]",
                           f"{fix}; if the number is right and newer, raise the configured limit", stale_limit=True)
        return Problem(f"is above {limit}, the highest {label} CS1 knew of ({lim.source.split(',')[0]})",
                       f"{fix}; if the number is right and newer, nothing is wrong (or raise the limit in "
                       f"[tool.citelint.cs1.identifier-limits])", stale_limit=True)
    return None


def check_pmid(v: str, lim: Optional[Limits] = None) -> Optional[Problem]:
    """CS1 ``pmid()``: digits only, 1 to the limit."""
    return _numbered("pmid", v, 1, "check the number in PubMed", lim or limits())


def check_pmc(v: str, lim: Optional[Limits] = None) -> Optional[Problem]:
    """CS1 ``pmc()``: digits (a ``PMC`` prefix is tolerated), 1 to the limit."""
    m = _PMC.fullmatch(v)
    return _numbered("pmc", m.group(1) if m else v, 1, "check the number in PubMed Central", lim or limits())


def check_rfc(v: str, lim: Optional[Limits] = None) -> Optional[Problem]:
    return _numbered("rfc", v, 1, "check the RFC number", lim or limits())


def check_s2cid(v: str, lim: Optional[Limits] = None) -> Optional[Problem]:
    """CS1 ``s2cid()``: digits not starting with 0, up to the limit."""
    if re.fullmatch(r"0\d*", v):
        return _p("begins with 0", "check the Semantic Scholar corpus ID")
    return _numbered("s2cid", v, 1, "check the Semantic Scholar corpus ID", lim or limits())


def check_ssrn(v: str, lim: Optional[Limits] = None) -> Optional[Problem]:
    return _numbered("ssrn", v, 100, "check the SSRN abstract number", lim or limits())


def check_osti(v: str, lim: Optional[Limits] = None) -> Optional[Problem]:
    return _numbered("osti", v, 1018, "check the OSTI identifier", lim or limits())


# ---------------------------------------------------------------------------------------------- the rest

_ARXIV_OLD = re.compile(r"[A-Za-z][A-Za-z.-]+/([90]\d)([01]\d)\d{3}(?:v\d+)?")
_ARXIV_0704 = re.compile(r"(\d\d)([01]\d)\.\d{4}(?:v\d+)?")
_ARXIV_1501 = re.compile(r"(\d\d)([01]\d)\.\d{5}(?:v\d+)?")


def check_arxiv(v: str) -> Optional[Problem]:
    """CS1 ``arxiv()``: ``archive.class/YYMMNNN`` (9107–0703), ``YYMM.NNNN`` (0704–1412) or ``YYMM.NNNNN``
    (from 1501), each with an optional ``vN``."""
    fix = "write the identifier as arXiv shows it: 1501.00001, 0706.0001 or hep-th/9901001"
    if _ARXIV_LABEL.match(v):
        return _p("has the prefix 'arXiv:' in the value", "give only the identifier")
    if _URL_START.match(v):
        return _p("is a URL", "give only the identifier")
    m = _ARXIV_OLD.fullmatch(v)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if not (y > 90 or y < 8) or not 1 <= mo <= 12 or (y == 91 and mo < 7) or (y == 7 and mo > 3):
            return _p("has a date code outside 9107–0703 for this old form", fix)
        return None
    m = _ARXIV_0704.fullmatch(v)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if y < 7 or y > 14 or not 1 <= mo <= 12 or (y == 7 and mo < 4):
            return _p("has a 4-digit number, used only from 0704 to 1412", fix)
        return None
    m = _ARXIV_1501.fullmatch(v)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if y < 15 or not 1 <= mo <= 12:
            return _p("has a 5-digit number, used only from 1501", fix)
        return None
    return _p("is not in any arXiv identifier form", fix)


def check_oclc(v: str) -> Optional[Problem]:
    """CS1 ``oclc()``: ``ocm`` + 8 digits, ``ocn`` + 9, ``on`` + 10 or more, ``(OCoLC)`` + 1–9 digits with no
    leading zero, or 1–10 plain digits."""
    if (re.fullmatch(r"ocm\d{8}", v) or re.fullmatch(r"ocn\d{9}", v) or re.fullmatch(r"on\d{10,}", v)
            or re.fullmatch(r"\(OCoLC\)[1-9]\d{0,8}", v) or re.fullmatch(r"\d{1,10}", v)):
        return None
    if re.match(r"(?i)oclc", v):
        return _p("has the label 'OCLC' in the value", "give only the number")
    return _p("is not an OCLC number", "give the WorldCat number: digits only")


def _normalize_lccn(v: str) -> str:
    v = re.sub(r"\s", "", v)
    if "/" in v:
        v = v.split("/", 1)[0]
    m = re.fullmatch(r"(.+)-(.+)", v)
    if m:
        v = m.group(1) + m.group(2).rjust(6, "0")
    return v


def check_lccn(v: str) -> Optional[Problem]:
    """CS1 ``lccn()``: normalised (hyphen, slash), 8–12 characters: up to 3 lower-case letters (or 2 digits)
    then 8 digits, and no spaces."""
    fix = "copy the LCCN from the Library of Congress record (e.g. 2001012345 or n78890351)"
    n = _normalize_lccn(v)
    ok = {8: r"\d{8}", 9: r"[a-z]\d{8}", 10: r"[a-z]{2}\d{8}|\d{10}", 11: r"[a-z]{3}\d{8}|[a-z]\d{10}",
          12: r"[a-z]{2}\d{10}"}.get(len(n))
    if ok is None or not re.match(ok, n):
        return _p("is not in an LCCN form", fix)
    if re.search(r"\s", v):
        return _p("contains a space", "remove it")
    return None


def check_bibcode(v: str) -> Optional[Problem]:
    """CS1 ``bibcode()``: 19 characters, a year 1000–next year, then the journal and volume characters."""
    fix = "copy the 19-character bibcode from the ADS record"
    if len(v) != 19:
        return _p(f"has {len(v)} characters, not 19", fix, "length")
    m = _BIBCODE.fullmatch(v)
    if not m:
        return _p("is not in the bibcode form", fix, "value")
    if not 1000 <= int(m.group(1)) <= time.gmtime().tm_year + 1:
        return _p("has a year out of range", fix, "year")
    if "&." in v:
        return _p("has '&.' in the journal part (a letter is missing)", fix, "journal")
    return None


def check_jstor(v: str) -> Optional[Problem]:
    """CS1 ``jstor()``: no 'jstor' text, no URL, no spaces."""
    if re.match(r"(?i)https?://", v):
        return _p("is a URL", "give only the number at the end of the JSTOR stable URL")
    if re.search(r"(?i)jstor", v):
        return _p("has the label 'JSTOR' in the value", "give only the number")
    if re.search(r"\s", v):
        return _p("contains a space", "give only the JSTOR number")
    return None


def check_hdl(v: str) -> Optional[Problem]:
    """CS1 ``hdl()``: a ``/``, no spaces or en dashes, not ending with ``.`` or ``,``."""
    if re.match(r"(?i)https?://", v):
        return _p("is a URL", "give only the handle, prefix/suffix")
    if "/" not in v:
        return _p("has no '/'", "a handle is prefix/suffix, e.g. 2027/mdp.39015")
    if re.search(r"[\s–]", v):
        return _p("contains a space or an en dash", "remove it")
    if v[-1] in ".,":
        return _p(f"ends with {v[-1]!r}", "remove the trailing punctuation")
    return None


def check_zbl(v: str) -> Optional[Problem]:
    """CS1 ``zbl()``: ``nnnn.nnnnn`` (1–4 digits, dot, 5 digits) or the temporary 8 digits."""
    if re.fullmatch(r"\d{8}", v) or re.fullmatch(r"\d{1,4}\.\d{5}", v):
        return None
    return _p("is not in the Zbl form nnnn.nnnnn", "copy the number from zbMATH")


_CHECKS = {"isbn": check_isbn, "issn": check_issn, "eissn": check_issn, "ismn": check_ismn, "doi": check_doi,
           "pmid": check_pmid, "pmc": check_pmc, "arxiv": check_arxiv, "oclc": check_oclc, "lccn": check_lccn,
           "bibcode": check_bibcode, "jstor": check_jstor, "hdl": check_hdl, "s2cid": check_s2cid,
           "ssrn": check_ssrn, "osti": check_osti, "rfc": check_rfc, "zbl": check_zbl}


_NUMBERED = frozenset({"pmid", "pmc", "rfc", "s2cid", "ssrn", "osti"})


def check(kind: str, value: str, lim: Optional[Limits] = None) -> Optional[Problem]:
    """CS1's verdict on one identifier; ``lim``: the limits to test against (default: the pinned ones;
    ``limits(overrides)`` for a configuration's)."""
    if kind in _NUMBERED:
        return _CHECKS[kind](value, lim or limits())
    return _CHECKS[kind](value)


# ---------------------------------------------------------------------------------------------- canonical forms

def canonical(kind: str, value: str, lim: Optional[Limits] = None) -> Optional[str]:
    """The identity of a valid identifier, for comparing citations: ISBN-10 and -13 alike, DOIs case-folded,
    arXiv ids without version. None for an invalid one."""
    if check(kind, value, lim) is not None:
        return None
    if kind == "isbn":
        return _isbn13(_SPACE_OR_HYPHEN.sub("", value))
    if kind == "doi":
        return value.lower()
    if kind == "arxiv":
        return _ARXIV_VERSION.sub("", value).lower()
    if kind == "pmc":
        return re.sub(r"(?i)^pmc", "", value)
    return value


# ---------------------------------------------------------------------------------------------- finding them

class IdValue(NamedTuple):
    """One identifier written in a reference, placed in the document (immutable; a named tuple, which is
    made four times faster than a frozen dataclass: a page has thousands)."""

    kind: str
    value: str  # as CS1 gets it: trimmed, comments removed
    start: int  # document offsets of the value
    end: int
    param: Optional[str]  # the parameter as written (isbn, ISBN, 1 for {{ISBN|…}}); None in text
    where: str  # "param", "template" ({{ISBN|…}}), "magic" (a magic link), "text" (plain text)
    cite: int = -1  # index of the template in the ref's template list; -1: text
    accepted: bool = False  # CS1's accept-as-written markup ((…)): its errors are not shown


def is_citation(name: str) -> bool:
    """A CS1/CS2 citation template (canonical lower-case name): {{cite …}}, {{citation}}, {{vcite …}}."""
    return name.startswith(("cite ", "vcite ")) or name in ("citation", "cite")


# Each starts with its literal label and tests the word boundary before it afterwards ("ISBN(?<!\wISBN)" is
# "\bISBN"): a pattern that begins with a literal lets the regex engine jump from one "ISBN" to the next, where
# a leading \b has it try every position of the text (the text outside the refs is most of a page).
_MAGIC_ISBN = re.compile(r"ISBN(?<!\wISBN)(?:[ \t\xa0]|&nbsp;|&#0*160;|&#[xX]0*[aA]0;)+((?:97[89][ -]?)?"
                         r"(?:[0-9][ -]?){9}[0-9Xx])\b")
#: a labelled ISBN-like token that is not a well-formed magic link (wrong length, letters…)
_LOOSE_ISBN = re.compile(r"ISBN(?<!\wISBN)(?:-1[03])?(?::[ \t\xa0]*|[ \t\xa0]+)((?=[0-9Xx-]*[0-9])[0-9][0-9Xx-]*"
                         r"[0-9Xx])(?![0-9A-Za-z-])")
_MAGIC_PMID = re.compile(r"PMID(?<!\wPMID)(?:[ \t\xa0]|&nbsp;)+([0-9]+)\b")
_MAGIC_RFC = re.compile(r"RFC(?<!\wRFC)(?:[ \t\xa0]|&nbsp;)+([0-9]+)\b")
_TEXT_IDS = (
    ("issn", re.compile(r"\bE?ISSN:?[ \t\xa0]*(\d{4}[ -]?\d{3}[\dXx])(?![0-9A-Za-z-])")),
    ("doi", re.compile(r"\b(?:doi|DOI):?[ \t\xa0]*(10\.[^\s\"<>|\]]+[^\s\"<>|\].,;:)])")),
    ("pmc", re.compile(r"\bPMC:?[ \t\xa0]*([0-9]+)\b")),
    ("arxiv", re.compile(r"\barXiv:[ \t\xa0]*([A-Za-z.-]+/\d{7}(?:v\d+)?|\d{4}\.\d{4,5}(?:v\d+)?)\b",
                         re.IGNORECASE)),
)


def ref_identifiers(ref, plaintext: bool = False) -> list[IdValue]:
    """The identifiers of one parsed reference (``citelint.citations.ParsedRef``), in order. For the text
    outside the refs (``ref.definition`` None): citation templates, and magic links in list items only."""
    s = ref.masked
    isbn, pmid, rfc = "ISBN" in s, "PMID" in s, "RFC" in s
    magic = isbn or pmid or rfc or (plaintext and _PLAIN_HINT.search(s) is not None)
    if not (ref.templates or magic):
        return []
    out: list[IdValue] = []
    params = limits().params
    named = params.__contains__
    claimed: list[tuple[int, int]] = []
    base = ref.base
    for ti, t in enumerate(ref.templates):
        name = t.name
        if name.startswith(("cite ", "vcite ")) or name == "citation" or name == "cite":  # is_citation
            tparams = t.params
            if not any(map(named, map(_WRITTEN, tparams))):
                continue  # no identifier parameter (most citations): looked for in C, not one by one
            for key, written, vs, ve in tparams:
                kind = params.get(written)
                if kind is None:
                    continue
                claimed.append((vs, ve))
                a, b, text = ref.value(vs, ve)
                if not text or "{{" in s[vs:ve] or "}}" in s[vs:ve]:
                    continue  # empty, or built by a template
                accepted = text.startswith("((") and text.endswith("))")
                out.append(IdValue(kind, text, base + a, base + b, written, "param", ti, accepted))
        elif name == "isbn":
            for key, written, vs, ve in t.params:
                claimed.append((vs, ve))
                if key is not None:
                    continue
                a, b, text = ref.value(vs, ve)
                if text and "{{" not in text:
                    out.append(IdValue("isbn", text, base + a, base + b, "1", "template", ti))
    if magic:
        where = "text" if plaintext else "magic"
        taken = _Spans(claimed)  # the template parameters, then the text identifiers of the passes before
        # (a pattern's label is in the text, or it finds nothing: those not there are not run)
        passes = [("isbn", _MAGIC_ISBN), ("isbn", _LOOSE_ISBN)] if isbn else []
        if pmid:
            passes.append(("pmid", _MAGIC_PMID))
        if plaintext:
            passes += _TEXT_IDS
        elif rfc:
            passes.append(("rfc", _MAGIC_RFC))
        for kind, rx in passes:
            found = []
            line = searched = 0  # the start of the line of the last match, and how far it was searched for
            # one pass's matches never overlap, so a match is tested against the earlier passes' only
            for m in rx.finditer(s):
                a, b = m.start(1), m.end(1)
                if taken.covers(a):
                    continue
                if ref.definition is None:
                    # (the matches come in order: the line start is searched for from the last one on, not
                    # from the start of the text each time, which on a line of 100,000 ISBNs was quadratic)
                    nl = s.rfind("\n", searched, a)
                    if nl >= 0:
                        line = nl + 1
                    searched = a
                    if s[line:line + 1] not in ("*", "#"):
                        continue  # outside refs: only in list items (bibliographies), not in the article's prose
                found.append((a, b))
                out.append(IdValue(kind, m.group(1), base + a, base + b, None, where))
            if found:
                taken = _Spans(taken.spans + found)
    if len(out) > 1:
        out.sort(key=_START)
    return out


_START = attrgetter("start")
_WRITTEN = itemgetter(1)
_PLAIN_HINT = re.compile(r"(?i)doi|issn|pmc|arxiv")


class _Spans:
    """Spans (start, end), answering "does one of them cover this offset?" by bisection: a bibliography of
    thousands of ISBNs must not compare each with every one before it."""

    __slots__ = ("spans", "_starts", "_ends")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [a for a, _b in self.spans]
        self._ends = list(accumulate((b for _a, b in self.spans), max))  # the furthest end so far

    def covers(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos)
        return i > 0 and self._ends[i - 1] > pos


def model_identifiers(model, text: str) -> list[tuple]:
    """Every identifier of a document's references: ``(ParsedRef, IdValue)`` pairs, in document order."""
    return model.derived("identifiers", text, lambda: _identifiers(model, text))


def _identifiers(model, text: str) -> list[tuple]:
    from citelint.citations import outside_refs, parsed_refs

    refs = parsed_refs(model, text)
    plaintext = model.kind == "plaintext"
    result = [(ref, iv) for ref in refs for iv in ref_identifiers(ref, plaintext)]
    rest = outside_refs(model, text)
    if rest is not None:
        result.extend((rest, iv) for iv in ref_identifiers(rest))
        result.sort(key=lambda p: p[1].start)
    return result
