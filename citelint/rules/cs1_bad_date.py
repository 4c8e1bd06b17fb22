from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from citelint.findings import Hit
from citelint.quoting import clip
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule, shorten
from citelint.rules.cs1_content import on_value, subject, today, with_metas

#: CS1's date-holding parameters: (meta-parameter, the canonical name Date_validation tests it under)
DATE_PARAMS = (("AccessDate", "access-date"), ("ArchiveDate", "archive-date"), ("Date", "date"),
               ("DoiBroken", "doi-broken-date"), ("Embargo", "pmc-embargo-date"), ("LayDate", "lay-date"),
               ("PublicationDate", "publication-date"), ("Year", "year"))

_FAR = date(9997, 12, 31)
#: a single date with its day replaced by 1: if that is fine, the day was impossible (31 April, 29 February 2021)
_DAY_FIRST = ((re.compile(r"^([0-9]{4}-[0-9]{2}-)[0-9]{2}$"), r"\g<1>01"),
              (re.compile(r"^[1-9][0-9]?( [^0-9]+ [0-9]{3,4})$"), r"1\1"),
              (re.compile(r"^([^0-9]+ )[1-9][0-9]?(, [0-9]{3,4})$"), r"\g<1>1\2"))
_TRAILER = re.compile(r"[&<(\[{;]")
_ISOISH = re.compile(r"^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}$")


class Cs1BadDate(Rule):
    """A CS1/CS2 date parameter holds a date CS1 rejects: a format it does not accept, a day that does not
    exist, a year after next year, or an ``|access-date=`` outside 2001-01-15 … tomorrow.

    CS1 shows "Check date values in: |date=" (error key ``err_bad_date``, Help:CS1 errors ``#bad_date``).
    Its checks (Module:Citation/CS1/Date_validation) are applied to ``|date=``, ``|year=``,
    ``|access-date=``, ``|archive-date=``, ``|publication-date=``, ``|doi-broken-date=``,
    ``|pmc-embargo-date=`` and ``|lay-date=``: the formats of MOS:DATE (``2020-05-04``, ``4 May 2020``,
    ``May 4, 2020``, ``May 2020``, ``4–5 May 2020``, ``May–June 2020``, ``Spring 2020``, ``2019–20``, ``c. 1900``,
    ``n.d.`` in ``|date=``), months spelt and capitalised in full or as the three-letter abbreviation, a real
    calendar day (Julian leap years before 1582), no year after next year, and for ``|access-date=`` one
    whole date between 2001-01-15 and tomorrow. "Today" is the day of the check, or for a page read from a dump
    its revision's timestamp. ``|year=`` that names no year of ``|date=`` is reported too (CS1:
    "|year= / |date= mismatch"); without ``|date=``, CS1 promotes ``|year=`` (else ``|publication-date=``) to the
    date and judges it as one (``|year=May 2019`` is good then, ``|year=2099`` is not). A value holding a
    template is not judged (CS1 sees what it expands to).

    Why: CS1 drops a date it cannot read from the citation's metadata and anchor, and shows the error.

    Fix: write the date in one of the accepted formats (``4 May 2020``, ``May 4, 2020`` or ``2020-05-04``),
    with an en dash in ranges; correct an impossible day or a future year.

    Example::

        <ref>{{cite web |url=https://example.org |title=T |date=31 April 2020}}</ref>   ← cs1-bad-date
    """

    name = "cs1-bad-date"
    code = "CL523"
    severity = Severity.ERROR
    formats = frozenset({"wikitext"})

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        from citelint.cs1config import config
        from citelint.cs1dates import valid, year_matches_date

        cfg = config()
        text = ctx.text
        now = today(ctx)
        for c, m in with_metas(model, ctx):
            found = []  # (canonical name, param) of the date parameters judged, in DATE_PARAMS' order
            has_date = has_year = False  # set, judged or not (a template-built value is set)
            for meta, canon in DATE_PARAMS:
                p = m.get(meta)
                if p is None:
                    continue
                v = p.value
                if not v:
                    continue
                if canon == "date":
                    has_date = True
                elif canon == "year":
                    has_year = True
                if "{{" not in v:  # (not expandable)
                    found.append((canon, p))
            if not found:
                continue
            y = d = None
            for canon, p in found:
                # CS1 promotes |year= (else |publication-date=) to |date= when |date= is not set, and judges
                # it as a date: |year=May 2001 and |year=n.d. are good there, |year=2099 is not
                as_date = not has_date and (canon == "year" or (canon == "publication-date" and not has_year))
                judged = "date" if as_date else canon
                if not valid(judged, p.value, now):
                    yield Hit(on_value(p), f"|{p.name}={clip(p.value)} {why(judged, p.value, now)}: CS1 shows "
                              f"{cfg.shows('err_bad_date', '|' + p.name + '=')}; {fix(judged)}",
                              subject=subject(c, text, "bad-date\0" + p.name))
                if canon == "year":
                    y = p
                elif canon == "date":
                    d = p
            if y is not None and d is not None and not year_matches_date(y.value, d.value):
                yield Hit(on_value(y), f"|{y.name}={clip(y.value)} is not the year of |{d.name}={clip(d.value)}: CS1 shows "
                          f"{cfg.shows('err_bad_date', f'|{y.name}= / |{d.name}= mismatch')}; remove |{y.name}= "
                          f"(|{d.name}= gives the year) or correct one of them",
                          subject=subject(c, text, "bad-date\0mismatch"))


def why(param: str, value: str, now: date) -> str:
    """What is wrong with a date CS1 rejects, as precisely as can be told."""
    from citelint.cs1dates import WIKIPEDIA_START, valid, whole_date

    if valid(param, value, _FAR):
        if param == "access-date":
            return f"is after tomorrow (the check's date is {now.isoformat()})"
        return f"is after next year ({now.year + 1})"
    if param == "access-date" and valid("archive-date", value, _FAR):
        whole = whole_date(value)
        if whole is None:
            return "is not one whole day (an access date is the day the source was read)"
        if whole < WIKIPEDIA_START:
            return "is before 2001-01-15 (Wikipedia's start)"
    for pat, repl in _DAY_FIRST:
        if pat.match(value) and valid(param, pat.sub(repl, value), _FAR):
            return "is not a real date (that month has no such day)"
    cut = _TRAILER.search(value)
    if cut and cut.start() > 0 and valid(param, value[:cut.start()].strip(), _FAR):
        return f"has text after the date ({shorten(value[cut.start():], 40)})"
    if _ISOISH.match(value):
        return "is not a real date in the form YYYY-MM-DD (two-digit month and day, hyphens)"
    if param == "year":
        return "is not a year (|year= holds only a year such as 2020 or 2020a)"
    return "is not a date in a format CS1 accepts, or not a real date"


def fix(param: str) -> str:
    if param == "access-date":
        return "give the day the source was read, as in 2020-05-04 or 4 May 2020"
    if param == "year":
        return "give the year alone, or move a full date to |date="
    return "write it as 4 May 2020, May 4, 2020 or 2020-05-04 (en dash in ranges: May–June 2020)"
