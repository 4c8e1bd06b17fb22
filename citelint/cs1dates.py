"""CS1's date checks (Module:Citation/CS1/Date_validation), written in Python after reading the module.

``valid(param, value, today)`` says whether CS1 accepts a date-holding parameter's value: one of the formats
MOS:DATE allows (``2020-05-04``, ``4 May 2020``, ``May 4, 2020``, ``May 2020``, ``4–5 May 2020``,
``May–June 2020``, ``Spring 2020`` and the other ranges, years, ``c. 1900``; ``n.d.`` in ``|date=``), a
real calendar date (no 31 April; 29 February only in leap years, Julian before 1582), no year after next
year, and for ``|access-date=`` one whole date from 2001-01-15 to tomorrow. ``today`` is the day the check
stands for (a dump revision's timestamp; else the current UTC date). The month, season and quarter names come
from ``data/cs1_config.toml`` (Module:Citation/CS1/Configuration's ``date_names``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Optional

from citelint.cs1config import config

_L = r"[^\W\d_]"  # Lua's %a in mw.ustring: a letter (the CITEREF disambiguator, 2020a)
_D = r"[^0-9]"
_DAY = r"([1-9][0-9]?)"
_DASH = "[-–]"
_END = r"\Z"


def _p(body: str) -> re.Pattern:
    return re.compile("^" + body.replace("%D", _D).replace("%L", _L).replace("%-", _DASH) + _END)


# the patterns of Date_validation.lua's ``patterns`` table, in the order check_date() tries them
_YMD = _p(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MDY = _p(rf"(%D*?) +{_DAY}, +([0-9]{{3,4}})%L?")
_MD_DY = _p(rf"(%D*?) +{_DAY}%-{_DAY}, +([0-9]{{4}})%L?")
_DMY = _p(rf"{_DAY} +(%D*?) +([0-9]{{3,4}})%L?")
_D_DMY = _p(rf"{_DAY}%-{_DAY} +(%D*?) +([0-9]{{4}})%L?")
_DM_DMY = _p(rf"{_DAY} +(%D*?) +%- +{_DAY} +(%D*?) +([0-9]{{4}})%L?")
_MD_MDY = _p(rf"(%D*?) +{_DAY} +%- +(%D*?) +{_DAY}, +([0-9]{{4}})%L?")
_DMY_DMY = _p(rf"{_DAY} +(%D*?) +([0-9]{{4}}) +%- +{_DAY} +(%D*?) +([0-9]{{4}})%L?")
_MDY_MDY = _p(rf"(%D*?) +{_DAY}, +([0-9]{{4}}) +%- +(%D*?) +{_DAY}, +([0-9]{{4}})%L?")
_SY4_Y2 = _p(r"(%D*?) +(([0-9]{2})[0-9]{2})%-([0-9]{2})%L?")
_SY_Y = _p(r"(%D*?) +([0-9]{4})%-([0-9]{4})%L?")
_MY_MY = _p(r"(%D*?) +([0-9]{4}) +%- +(%D*?) +([0-9]{4})%L?")
_M_MY = _p(r"(%D*?)%-(%D*?) +([0-9]{4})%L?")
_MY = _p(r"([^0-9–]*?) +([0-9]{4})%L?")
_Y_Y = _p(r"([0-9]{3,4})%-([0-9]{3,4})%L?")
_Y4_Y2 = _p(r"(([0-9]{2})[0-9]{2})%-([0-9]{2})%L?")
_Y = _p(r"([0-9]{3,4})%L?")

#: _YMD, _DMY and _MDY as most dates are written (single spaces, a four-digit year, a capitalised month name):
#: the branch check_date takes for them (the patterns tried before that one cannot match them)
_COMMON = re.compile(r"(?:([0-9]{4})-([0-9]{2})-([0-9]{2})|([1-9][0-9]?) ([A-Z][a-z]{2,8}) ([0-9]{4})"
                     r"|([A-Z][a-z]{2,8}) ([1-9][0-9]?), ([0-9]{4}))\Z")
_CIRCA = re.compile(r"^c\. ([1-9][0-9]{2,3})[A-Za-z]?\Z")
_ND = re.compile(r"^(?:n\.d\.|nd)[A-Za-z]?\Z")
_YEAR_ONLY = re.compile(r"^[1-9][0-9]{2,3}[A-Za-z]?\Z")

#: 2001-01-15, the day Wikipedia started: no earlier |access-date= is possible
WIKIPEDIA_START = date(2001, 1, 15)


def month_number(name: str) -> int:
    return config().months.get(name, 0)


def _season(name: str, param: Optional[str]) -> int:
    return config().seasons.get(name, 0) if param == "date" else 0


def _element(name: str, param: Optional[str]) -> int:
    """A month, or (in |date= only) a season, a quarter or a named date (Easter, Christmas); 0 if none."""
    c = config()
    n = month_number(name)
    if n or param != "date":
        return n
    return c.seasons.get(name) or c.quarters.get(re.sub(" +", " ", name)) or c.named.get(name) or 0


def _same_style(m1: str, m2: str) -> bool:
    c = config()
    return (m1 in c.long_months and m2 in c.long_months) or (m1 in c.short_months and m2 in c.short_months)


def _month_season_range(m1: str, m2: str, param: Optional[str]) -> bool:
    a = month_number(m1)
    if a == 0:
        s1, s2 = _season(m1, param), _season(m2, param)
        return bool(s1 and s2 and s1 != s2)
    return a < month_number(m2) and _same_style(m1, m2)


def _year_ok(year, today: date, param: Optional[str] = None) -> bool:
    y = int(year)
    if param == "pmc-embargo-date":
        return y <= today.year + 2
    return y <= today.year + 1


def _day_ok(year, month, day, today: date, param: Optional[str] = None) -> bool:
    if not _year_ok(year, today, param):
        return False
    y, m, d = int(year), int(month), int(day)
    if m == 2:
        leap = y % 4 == 0 if y < 1582 else (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0))
        length = 29 if leap else 28
    else:
        length = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]
    return d <= length


#: longer than any date CS1 accepts ("September 30, 2019 – December 31, 2020" is 40): not tried against the
#: patterns, whose lazy groups backtrack cubically on long runs of spaces
MAX_DATE = 100
_SPACES = re.compile(" {2,}")


def check_date(value: str, param: str, today: date) -> bool:
    """Date_validation's ``check_date``: the format is one CS1 accepts and the date is real."""
    if len(value) > MAX_DATE:
        return False
    if mt := _COMMON.match(value):  # the three whole-date shapes most dates have: one match, the same verdict
        return _common(mt, param, today)
    return _check_date_patterns(value, param, today)


def _common(mt: re.Match, param: str, today: date) -> bool:
    """check_date's verdict for a date _COMMON matched."""
    ymd_y, ymd_m, ymd_d, dmy_d, dmy_name, dmy_y, mdy_name, mdy_d, mdy_y = mt.groups()
    if ymd_y is not None:  # _YMD's branch
        y, m, d = int(ymd_y), int(ymd_m), int(ymd_d)
        if not 1 <= m <= 12 or y < 1582 or d == 0:
            return False
    elif dmy_d is not None:  # _DMY's (no "," for _MDY or _MD_DY before it)
        y, m, d = int(dmy_y), config().months.get(dmy_name, 0), int(dmy_d)
    else:  # _MDY's
        y, m, d = int(mdy_y), config().months.get(mdy_name, 0), int(mdy_d)
    if not m:
        return False
    if param == "access-date" or not y:
        return _tail(y, m, d, 0, 0, 0, param, today)
    # _tail for one whole date: _day_ok, written out
    if y > today.year + (2 if param == "pmc-embargo-date" else 1):
        return False
    if m == 2:
        leap = y % 4 == 0 if y < 1582 else (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0))
        return d <= (29 if leap else 28)
    return d <= (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]


def _check_date_patterns(value: str, param: str, today: date) -> bool:
    """check_date by Date_validation's patterns, each in turn."""
    if len(value) > MAX_DATE:
        return False
    # runs of spaces as one: the same verdict (the patterns take " +" between parts, and no name holds two
    # spaces but a quarter's, which CS1 collapses too), and no cubic backtracking on "1      …a"
    value = _SPACES.sub(" ", value)
    y = m = d = 0
    y2 = m2 = d2 = 0
    if mt := _YMD.match(value):
        y, m, d = (int(g) for g in mt.groups())
        if not 1 <= m <= 12 or y < 1582 or d == 0:
            return False
    elif mt := _MDY.match(value):
        name, d, y = mt.groups()
        m = month_number(name)
        if not m:
            return False
    elif mt := _MD_DY.match(value):
        name, d, d2, y = mt.groups()
        if int(d) >= int(d2):
            return False
        m = m2 = month_number(name)
        if not m:
            return False
        y2 = y
    elif mt := _DMY.match(value):
        d, name, y = mt.groups()
        m = month_number(name)
        if not m:
            return False
    elif mt := _D_DMY.match(value):
        d, d2, name, y = mt.groups()
        if int(d) >= int(d2):
            return False
        m = m2 = month_number(name)
        if not m:
            return False
        y2 = y
    elif mt := _DM_DMY.match(value):
        d, n1, d2, n2, y = mt.groups()
        if not _month_season_range(n1, n2, None) or not _year_ok(y, today):
            return False
        m, m2, y2 = month_number(n1), month_number(n2), y
    elif mt := _MD_MDY.match(value):
        n1, d, n2, d2, y = mt.groups()
        if not _month_season_range(n1, n2, param) or not _year_ok(y, today):
            return False
        m, m2, y2 = month_number(n1), month_number(n2), y
    elif (mt := _DMY_DMY.match(value)) or (mt2 := _MDY_MDY.match(value)):
        if mt:
            d, n1, y, d2, n2, y2 = mt.groups()
        else:
            n1, d, y, n2, d2, y2 = mt2.groups()
        if int(y2) <= int(y) or not _year_ok(y2, today) or not _same_style(n1, n2):
            return False
        m, m2 = month_number(n1), month_number(n2)
        if not m or not m2:
            return False
    elif mt := _SY4_Y2.match(value):
        name, y, century, short = mt.groups()
        if name not in ("Winter", "Summer"):
            return False
        y2 = century + short
        if int(y2) - int(y) != 1 or not _year_ok(y2, today):
            return False
        m = _season(name, param)
    elif mt := _SY_Y.match(value):
        name, y, y2 = mt.groups()
        m = _season(name, param)
        c = config().seasons
        if m not in (c.get("Winter"), c.get("Summer")) or not m:
            return False
        if int(y2) - int(y) != 1 or not _year_ok(y2, today):
            return False
    elif mt := _MY_MY.match(value):
        n1, y, n2, y2 = mt.groups()
        if int(y) >= int(y2) or not _year_ok(y2, today):
            return False
        if month_number(n1) and month_number(n2) and _same_style(n1, n2):
            m, m2 = month_number(n1), month_number(n2)
        elif _season(n1, param) and _season(n2, param):
            m, m2 = _season(n1, param), _season(n2, param)
        else:
            return False
    elif mt := _M_MY.match(value):
        n1, n2, y = mt.groups()
        if not _month_season_range(n1, n2, param) or not _year_ok(y, today):
            return False
        if month_number(n1):
            m, m2 = month_number(n1), month_number(n2)
        else:
            m, m2 = _season(n1, param), _season(n2, param)
        y2 = y
    elif mt := _MY.match(value):
        name, y = mt.groups()
        if not _year_ok(y, today):
            return False
        m = _element(name, param)
        if not m:
            return False
    elif mt := _Y_Y.match(value):
        y, y2 = mt.groups()
        if int(y) >= int(y2) or not _year_ok(y2, today):
            return False
    elif mt := _Y4_Y2.match(value):
        y, century, short = mt.groups()
        if int(short) < 13:  # 2003-05 might be May 2003
            return False
        y2 = century + short
        if int(y) >= int(y2) or not _year_ok(y2, today):
            return False
    elif mt := _Y.match(value):
        (y,) = mt.groups()
        if not _year_ok(y, today):
            return False
    else:
        return False

    return _tail(int(y), int(m), int(d), int(y2), int(m2), int(d2), param, today)


def _tail(y: int, m: int, d: int, y2: int, m2: int, d2: int, param: str, today: date) -> bool:
    """What check_date asks of a date once its format is known: a whole |access-date=, a real day."""
    if param == "access-date":
        if not (y and m and d) or y2 or m2 or d2:
            return False  # one whole date, not a range
        try:
            when = date(y, m, d)
        except ValueError:
            return False
        if not WIKIPEDIA_START <= when <= date.fromordinal(today.toordinal() + 1):
            return False
    if y and m and d:
        if not _day_ok(y, m, d, today, param if not (y2 or m2 or d2) else None):
            return False
        if d2 and not _day_ok(y2 or y, m2 or m, d2, today):
            return False
    return True


@lru_cache(maxsize=4096)
def valid(param: str, value: str, today: date) -> bool:
    """Date_validation's ``dates()`` for one parameter (``param`` is CS1's canonical name: ``date``, ``year``,
    ``access-date``, ``archive-date``, ``doi-broken-date``, ``pmc-embargo-date``, ``lay-date``,
    ``publication-date``). Memoised (bounded): the same dates recur in every revision of a page."""
    if param != "year" and (mt := _COMMON.match(value)):  # (no c., no n.d.; the shapes |pmc-embargo-date= takes)
        return _common(mt, param, today)
    if m := _CIRCA.match(value):
        if param in ("date", "year"):
            return _year_ok(m.group(1), today)
        return False
    if param == "date":
        if _ND.match(value):
            return True
        return check_date(value, param, today)
    if param == "year":
        return _YEAR_ONLY.match(value) is not None
    if param == "pmc-embargo-date":
        return check_date(value, param, today) and bool(_YMD.match(value) or _MDY.match(value)
                                                         or _DMY.match(value))
    return check_date(value, param, today)


_YEARS = re.compile(r"([0-9]{3,4})")


def year_matches_date(year: str, value: str) -> bool:
    """Date_validation's ``year_date_check``: ``|year=`` names (one of) the year(s) of ``|date=``."""
    y = _YEARS.search(year)
    yv = y.group(1) if y else None
    if re.search(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) and re.search(r"[0-9]{4}[A-Za-z]", year):
        return re.search(r"[0-9]{4}", value).group() == re.search(r"[0-9]{4}", year).group()
    if m := re.search(r"([0-9]{3,4}).*?([0-9]{3,4})", value, re.DOTALL):
        return yv in (m.group(1), m.group(2))
    if m := re.search(r"(([0-9]{2})[0-9]{2})[-–]+([0-9]{2})", value):
        return yv in (m.group(1), m.group(2) + m.group(3))
    if m := re.search(r"([0-9]{3,4})", value):
        return yv == m.group(1)
    return False


@lru_cache(maxsize=2048)
def whole_date(value: str) -> Optional[date]:
    """A single whole date (``2020-05-04``, ``4 May 2020``, ``May 4, 2020``) as a date; None for anything else."""
    # runs of spaces as one: the same date (the patterns take " +" between parts and no month name holds a
    # space), and no cubic backtracking of _DMY's lazy name between its two " +" on "1" + 2,000 spaces + "x"
    value = _SPACES.sub(" ", value)
    if mt := _YMD.match(value):
        y, m, d = (int(g) for g in mt.groups())
    elif mt := _DMY.match(value):
        d, name, y = mt.groups()
        m = month_number(name)
    elif mt := _MDY.match(value):
        name, d, y = mt.groups()
        m = month_number(name)
    else:
        return None
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None
