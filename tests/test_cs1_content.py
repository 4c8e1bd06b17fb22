"""The CS1 content rules (CL520–CL533): the data regenerates from the module source, CS1's date checks,
archive URLs, a dump revision's "today", and every finding on the 15 real articles (checked by hand)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from citelint.cs1archive import is_archive, malformed, snapshot_date
from citelint.cs1config import config, generic
from citelint.cs1dates import valid, whole_date, year_matches_date
from paths import CORPUS, FIXTURES, REPO, data_files, need

CONFIG_LUA = CORPUS / "cs1" / "Configuration.lua"
SCRIPT = REPO / "scripts" / "regen_cs1_config.py"
SHIPPED = REPO / "citelint" / "data" / "cs1_config.toml"
SELECT = ("--select", "CL52,CL53")
DAY = date(2022, 9, 17)  # the module revision's day: "today" for the date checks below


def citelint(*args, input=None):
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run([sys.executable, "-m", "citelint", *args], cwd=REPO, capture_output=True, input=input,
                          env=env, timeout=120)


# -- the data -------------------------------------------------------------------------------------------------

def test_regen_script_reproduces_the_shipped_data():
    out = subprocess.run([sys.executable, str(SCRIPT), str(need(CONFIG_LUA)), config().source], capture_output=True,
                         text=True, check=True).stdout
    assert out == SHIPPED.read_text(encoding="utf-8")


def test_regen_script_rejects_a_file_without_the_tables(tmp_path: Path):
    bad = tmp_path / "notcs1.lua"
    bad.write_text("return {}\n", encoding="utf-8")
    r = subprocess.run([sys.executable, str(SCRIPT), str(bad), "x"], capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip() == f"regen_cs1_config: error: {bad}: no 'local aliases = {{' table in the module text"


def test_pinned_data_is_the_modules():
    c = config()
    assert "61ef2f4786899730d2df297d9af7fc7f2e6ed472" in c.source
    assert c.names("Periodical") == ("journal", "magazine", "newspaper", "periodical", "website", "work")
    assert c.names("AccessDate") == ("access-date", "accessdate") and c.names("Title") == ("title",)
    assert c.errors["err_bad_date"]["anchor"] == "bad_date" and c.errors["err_missing_periodical"]["hidden"]
    assert c.url_status == {"dead", "deviated", "live", "unfit", "usurped", "bot: unknown"}
    assert c.seasons["Autumn"] == c.seasons["Fall"] == 23 and c.months["Sep"] == 9 and "Sept" not in c.months


@pytest.mark.parametrize("title, generic_", [
    ("Page Not Found", True), ("404 - File or directory not found", True), ("Log into Facebook | Facebook", True),
    ("Are you a robot?", True), ("wayback machine", True), ("(no title)", True), ("unknown", True),
    ("Internet Archive Wayback Machine", True),
    # CS1 runs its patterns (not its plain fragments) on the title as written: case counts
    ("Wayback Machine", False), ("Unknown", False),
    ("The 404 bus", False), ("Unknown Pleasures", False), ("The wayback machine at 25", False),
])
def test_generic_titles_translated_from_lua_patterns(title, generic_):
    assert (generic(config().generic_titles, title) is not None) is generic_


@pytest.mark.parametrize("name, generic_", [
    ("Author", True), ("Site name", True), ("News", True), ("Editors", True), ("Smith, ed.", True),
    ("User", True), ("Twitter", True), ("Newsom", False), ("Authority", False), ("Useric", False),
    ("[[Jane Doe (author)|Jane Doe]]", False),  # CS1's accept list: a link to an "(author)" article
])
def test_generic_names_frontier_patterns(name, generic_):
    assert (generic(config().generic_names, name) is not None) is generic_


# -- dates ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("param, value", [
    ("date", "2020-05-04"), ("date", "4 May 2020"), ("date", "May 4, 2020"), ("date", "May 2020"),
    ("date", "Sep 2020"), ("date", "4–5 May 2020"), ("date", "May 4–5, 2020"), ("date", "4 May – 6 June 2020"),
    ("date", "May 4 – June 6, 2020"), ("date", "4 May 2019 – 6 June 2020"), ("date", "May–June 2020"),
    ("date", "Spring 2020"), ("date", "Spring–Summer 2020"), ("date", "Winter 2019–20"), ("date", "2019–20"),
    ("date", "1999–2000"), ("date", "1999-2000"), ("date", "First Quarter 2020"), ("date", "Christmas 2020"),
    ("date", "c. 1900"), ("date", "n.d."), ("date", "nd"), ("date", "2020a"), ("date", "999"),
    ("date", "29 February 2020"), ("date", "29 February 1500"), ("date", "2023"), ("year", "2020a"),
    ("access-date", "2001-01-15"), ("access-date", "2022-09-18"), ("archive-date", "4 May 2020"),
    ("pmc-embargo-date", "2024-01-01"),
])
def test_dates_cs1_accepts(param, value):
    assert valid(param, value, DAY)


@pytest.mark.parametrize("param, value", [
    ("date", "31 April 2020"), ("date", "29 February 2021"), ("date", "29 February 1900"),
    ("date", "2020-02-30"), ("date", "2020-5-4"), ("date", "May 4 2020"), ("date", "May 04, 2020"),
    ("date", "4 may 2020"), ("date", "Sept 2020"), ("date", "Jan–March 2020"), ("date", "June–May 2020"),
    ("date", "5–4 May 2020"), ("date", "2010–2005"), ("date", "2003–05"), ("date", "2024"),
    ("date", "4 May 2020 (online)"), ("date", "1 May&nbsp;2020"), ("date", "1500-05-04"),
    ("year", "May 2019"), ("year", "1960–1961"),
    ("access-date", "2001-01-14"), ("access-date", "2022-09-19"), ("access-date", "May 2020"),
    ("access-date", "Spring 2020"), ("archive-date", "Spring 2020"), ("access-date", "c. 2010"),
    ("pmc-embargo-date", "2025-01-01"), ("pmc-embargo-date", "May 2020"),
])
def test_dates_cs1_rejects(param, value):
    assert not valid(param, value, DAY)


def test_today_moves_the_bounds():
    assert not valid("date", "2024", DAY) and valid("date", "2024", date(2023, 1, 1))
    assert not valid("access-date", "2022-09-20", DAY) and valid("access-date", "2022-09-20", date(2022, 9, 19))


def test_year_and_date_agree():
    assert year_matches_date("2020", "4 May 2020") and year_matches_date("2020b", "2020-05-04")
    assert not year_matches_date("2019", "4 May 2020") and not year_matches_date("2019a", "2020-05-04")
    assert year_matches_date("2020", "2019–2020") and year_matches_date("2020", "Winter 2019–20")


def test_whole_dates():
    assert whole_date("4 March 2019") == whole_date("March 4, 2019") == whole_date("2019-03-04") == date(2019, 3, 4)
    assert whole_date("March 2019") is None and whole_date("31 April 2019") is None


# -- archives -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, detail", [
    ("https://web.archive.org/save/https://example.org/", "save"),
    ("https://liveweb.archive.org/https://example.org/", "liveweb"),
    ("https://web.archive.org/web/2019/https://example.org/", "timestamp"),
    ("https://web.archive.org/web/*/https://example.org/", "timestamp"),
    ("https://web.archive.org/web/201903041234/https://example.org/", "timestamp"),
    ("https://web.archive.org/foo/20190304123456/https://example.org/", "path"),
    ("https://web.archive.org/20190304123456id_/https://example.org/", "flag"),
    ("https://web.archive.org/web/20190304123456x/https://example.org/", "flag"),
    ("https://web.archive.org/web/20190304123456/https://example.org/", None),
    ("https://web.archive.org/web/20190304123456im_/https://example.org/", None),
    ("https://web.archive.org/20190304123456/https://example.org/", None),  # the old form
    ("https://archive.ph/2019.03.04-123456/https://example.org/", None),  # CS1 2022 checks only archive.org
])
def test_archive_url_check_as_cs1(url, detail):
    assert malformed(url) == detail


@pytest.mark.parametrize("url, day", [
    ("https://web.archive.org/web/20190304123456/https://example.org/", date(2019, 3, 4)),
    ("https://archive.is/20170412085547/https://example.org/", date(2017, 4, 12)),
    ("https://archive.ph/2019.03.04-123456/https://example.org/", date(2019, 3, 4)),
    ("http://www.webcitation.org/6I2CAy2z5?url=http://example.org/", date(2013, 7, 11)),
    ("https://webarchive.loc.gov/all/20160101000000/https://example.org/", date(2016, 1, 1)),
    ("https://www.webarchive.org.uk/wayback/archive/20140101000000/https://example.org/", date(2014, 1, 1)),
    ("https://wayback.archive-it.org/1234/20150101000000/https://example.org/", date(2015, 1, 1)),
    ("http://webarchive.nationalarchives.gov.uk/20080909013512/http://example.org/", date(2008, 9, 9)),
    ("https://archive.ph/AbCdE", None), ("https://example.org/20190304123456/", None),
])
def test_snapshot_dates(url, day):
    got = snapshot_date(url)
    assert (got[0] if got else None) == day


def test_archive_hosts():
    assert is_archive("https://web.archive.org/web/2019/x") and is_archive("//archive.today/x")
    assert is_archive("https://www.webcitation.org/6I2CAy2z5") and is_archive("https://x.perma.cc/ABC")
    assert not is_archive("https://example.org/archive.org") and not is_archive("https://notarchive.org/")


# -- the rules through the command line -----------------------------------------------------------------------

def _findings(path_or_text, *extra, suffix=".wiki", tmp_path=None):
    if tmp_path is not None:
        p = tmp_path / f"page{suffix}"
        p.write_text(path_or_text, encoding="utf-8")
        path_or_text = p
    r = citelint("check", "--offline", "--format", "json", *SELECT, *extra, str(path_or_text))
    assert r.returncode in (0, 1), r.stderr
    return [(f["line"], f["column"], f["rule"], f["severity"], f["message"]) for f in json.loads(r.stdout)["findings"]]


def test_each_finding_placed_on_its_parameter(tmp_path):
    text = ("A.<ref>{{cite web |url=https://example.org/a |title=A |date=31 April 2020 |url-status=Live\n"
            " |archive-url=https://web.archive.org/web/20190304000000/https://example.org/a}}</ref>\n"
            "B.<ref>{{cite book |title=B |access-date=2020-05-04}}</ref>\n{{reflist}}\n")
    got = _findings(text, tmp_path=tmp_path)
    assert [(ln, col, rule, sev) for ln, col, rule, sev, _ in got] == [
        (1, 61, "cs1-bad-date", "error"),  # on the value
        (1, 87, "cs1-invalid-param-val", "error"),
        (2, 3, "cs1-archive-missing-date", "error"),  # on the parameter's name
        (3, 30, "cs1-accessdate-missing-url", "error"),
    ]
    assert got[0][4].startswith('|date=31 April 2020 is not a real date (that month has no such day): CS1 shows '
                                '"Check date values in: |date=" (Help:CS1 errors#bad_date)')
    assert '"Invalid |url-status=Live"' in got[1][4]
    assert "(the archive URL says 2019-03-04)" in got[2][4]


def test_a_dump_revision_is_checked_as_of_its_timestamp(tmp_path):
    from xml.sax.saxutils import escape

    def rev(rid, ts, access):
        text = f"X.<ref>{{{{cite web |url=https://example.org/ |title=T |access-date={access}}}}}</ref>\n{{{{reflist}}}}\n"
        return (f"<revision><id>{rid}</id><timestamp>{ts}</timestamp><contributor><id>1</id></contributor>"
                f"<text xml:space=\"preserve\">{escape(text)}</text></revision>")

    dump = tmp_path / "dump.xml"
    dump.write_text('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">'
                    "<page><title>P</title><ns>0</ns><id>1</id>"
                    + rev(1, "2010-06-01T23:00:00Z", "2010-06-02")  # tomorrow, as of the revision: fine
                    + rev(2, "2010-06-01T23:30:00Z", "2010-06-03")  # after tomorrow: CS1 rejected it then
                    + rev(3, "2011-01-01T00:00:00Z", "2010-06-03")  # fine a year later
                    + "</page></mediawiki>", encoding="utf-8")
    r = citelint("check", "--offline", "--format", "json", "--all-revisions", *SELECT, str(dump))
    assert r.returncode == 1, r.stderr
    got = [(f["revision"], f["rule"]) for f in json.loads(r.stdout)["findings"]]
    assert got == [("2", "cs1-bad-date")]
    assert "is after tomorrow (the check's date is 2010-06-01)" in json.loads(r.stdout)["findings"][0]["message"]


def test_a_file_is_checked_as_of_today(tmp_path):
    from datetime import datetime, timezone

    nxt = datetime.now(timezone.utc).year + 1
    text = (f"X.<ref>{{{{cite book |title=T |date={nxt}}}}}</ref><ref>{{{{cite book |title=U |date={nxt + 1}}}}}"
            f"</ref>\n{{{{reflist}}}}\n")
    assert [(ln, rule) for ln, _, rule, _, _ in _findings(text, tmp_path=tmp_path)] == [(1, "cs1-bad-date")]


@pytest.mark.parametrize("rule", ["cs1-citation-missing-title", "cs1-bad-date", "cs1-archive-url",
                                  "cs1-archive-date-url-ts-mismatch"])
def test_rule_docs_name_the_cs1_error(rule):
    r = citelint("rule", rule)
    assert r.returncode == 0 and "Help:CS1 errors" in r.stdout.decode() and "Example" in r.stdout.decode()


# -- the 15 real articles: every finding checked by hand (see README, "Citation templates (CS1/CS2)") -------

#: (article, line, rule) of every CS1 content finding on the corpus; each was read in the article and is what
#: the 2022 CS1 module reports (or, for the archive-date check, what later CS1 versions report)
REAL = {
    ("wpcleaner__en_2020_in_science.wiki", 160, "cs1-url-status"): 2,  # url-status=live, archive-url= empty
    ("wpcleaner__en_2020_in_science.wiki", 262, "cs1-missing-periodical"): 1,  # ${\mathrm{CH}}… closes the template
    ("wpcleaner__en_2020_in_science.wiki", 320, "cs1-missing-periodical"): 1,  # publisher=Nature Geoscience only
    ("wpcleaner__en_2020_in_science.wiki", 338, "cs1-cite-web-url"): 1,  # arXiv preprints in {{cite web}}
    ("wpcleaner__en_2020_in_science.wiki", 338, "cs1-accessdate-missing-url"): 1,
    ("wpcleaner__en_2020_in_science.wiki", 373, "cs1-cite-web-url"): 1,
    ("wpcleaner__en_2020_in_science.wiki", 373, "cs1-accessdate-missing-url"): 1,
    ("wpcleaner__en_2020_in_science.wiki", 431, "cs1-generic-name"): 1,  # last1=News
    ("wpcleaner__en_2020_in_science.wiki", 440, "cs1-accessdate-missing-url"): 1,  # cite journal, arxiv only
    ("wpcleaner__en_2020_in_science.wiki", 472, "cs1-cite-web-url"): 1,
    ("wpcleaner__en_2020_in_science.wiki", 472, "cs1-accessdate-missing-url"): 1,
    ("wpcleaner__en_2020_in_science.wiki", 477, "cs1-accessdate-missing-url"): 1,
    ("wpcleaner__en_2020_in_science.wiki", 482, "cs1-cite-web-url"): 1,
    ("wpcleaner__en_2020_in_science.wiki", 482, "cs1-accessdate-missing-url"): 1,
    ("wtf__Bodmin.wiki", 28, "cs1-bad-date"): 1,  # accessdate=May 2010
    ("wtf__Bodmin.wiki", 32, "cs1-bad-date"): 1,
    ("wtf__United-Kingdom.wiki", 107, "cs1-missing-periodical"): 1,
    ("wtf__United-Kingdom.wiki", 180, "cs1-citation-missing-title"): 1,  # encyclopedia= without title or article
    ("wtf__United-Kingdom.wiki", 232, "cs1-missing-periodical"): 1,
    ("wtf__United-Kingdom.wiki", 698, "cs1-missing-periodical"): 1,
    ("wtf__al_Haytham.wiki", 23, "cs1-invalid-param-val"): 1,  # ref=harv
    ("wtf__al_Haytham.wiki", 26, "cs1-invalid-param-val"): 1,
    ("wtf__al_Haytham.wiki", 546, "cs1-invalid-param-val"): 1,
    ("wtf__anarchism.wiki", 7, "cs1-invalid-param-val"): 1,
    ("wtf__anarchism.wiki", 9, "cs1-invalid-param-val"): 1,
    ("wtf__anarchism.wiki", 10, "cs1-bad-date"): 1,  # archivedate=… &lt;!--Added by DASHBot--&gt; (escaped text)
    ("wtf__anarchism.wiki", 11, "cs1-invalid-param-val"): 1,
    ("wtf__anarchism.wiki", 15, "cs1-bad-date"): 1,
    ("wtf__anarchism.wiki", 17, "cs1-invalid-param-val"): 3,
    ("wtf__anarchism.wiki", 19, "cs1-archive-url"): 1,  # archiveurl= the url itself
    ("wtf__anarchism.wiki", 42, "cs1-bad-date"): 1,
    ("wtf__anarchism.wiki", 66, "cs1-invalid-param-val"): 1,
    ("wtf__anarchism.wiki", 75, "cs1-bad-date"): 2,
    ("wtf__anarchism.wiki", 116, "cs1-bad-date"): 2,
    ("wtf__anarchism.wiki", 144, "cs1-invalid-param-val"): 1,
    ("wtf__anarchism.wiki", 165, "cs1-invalid-param-val"): 1,
    ("wtf__anarchism.wiki", 186, "cs1-invalid-param-val"): 1,
    ("wtf__anarchism.wiki", 218, "cs1-invalid-param-val"): 1,
    ("wtf__anarchism.wiki", 264, "cs1-bad-date"): 1,
    ("wtf__anarchism.wiki", 270, "cs1-bad-date"): 1,
    ("wtf__anarchism.wiki", 294, "cs1-bad-date"): 1,
    ("wtf__anarchism.wiki", 304, "cs1-invalid-param-val"): 1,
    ("wtf__anarchism.wiki", 308, "cs1-invalid-param-val"): 1,
    ("wtf__anarchism.wiki", 308, "cs1-bad-date"): 1,
    ("wtf__anarchism.wiki", 310, "cs1-invalid-param-val"): 1,
    ("wtf__statoil.wiki", 43, "cs1-bad-date"): 1,  # date=21. oktober 2012
    ("wtf__toronto.wiki", 142, "cs1-generic-name"): 1,  # author=Friday, April 18, 2014 7:40 PM EDT Facebook…
    ("wtf__toronto.wiki", 142, "cs1-archive-date-url-ts-mismatch"): 1,  # archivedate=August 25, 2008; 20070311
    ("wtf__toronto.wiki", 653, "cs1-bad-date"): 1,  # accessdate=May 01, 2010
}


def test_real_articles_every_finding_and_nothing_else():
    from collections import Counter

    files = data_files(CORPUS / "wikitext", "*.wiki")
    r = citelint("check", "--offline", "--format", "json", *SELECT, *map(str, files))
    assert r.returncode == 1, r.stderr
    got = Counter((Path(f["path"]).name, f["line"], f["rule"]) for f in json.loads(r.stdout)["findings"])
    assert dict(got) == REAL


def test_fixtures_exist_for_every_cs1_content_rule():
    from citelint.rules import RULES

    mine = [r for r in RULES if "CL520" <= r.code <= "CL549"]
    assert len(mine) == 14
    for r in mine:
        assert (FIXTURES / "rules" / f"{r.name}.wiki").exists(), r.name


def test_a_parameter_given_twice_counts_as_its_last_occurrence(tmp_path):
    # MediaWiki passes the last |date= to CS1 (and the page is in "Pages using duplicate arguments")
    text = ("A.<ref>{{cite book |title=A |date=31 April 2020 |date=2020}}</ref>\n"
            "B.<ref>{{cite book |title=B |date=2020 |date=31 April 2020}}</ref>\n"
            "C.<ref>{{cite web |url=https://example.org/c |title=C |title=}}</ref>\n{{reflist}}\n")
    assert [(ln, rule) for ln, _, rule, _, _ in _findings(text, tmp_path=tmp_path)] == [
        (2, "cs1-bad-date"), (3, "cs1-citation-missing-title")]


def test_hostile_dates_and_archive_urls_stay_linear(tmp_path):
    """Values built to make backtracking patterns explode (runs of spaces in dates, endless digits in a
    Wayback URL) are judged in linear time: the whole page in a few seconds, not hours."""
    import time

    cites = []
    for i in range(400):
        cites.append(f"<ref>{{{{cite web |url=https://example.org/{i} |title=T{i} |date=1 {' ' * 2000}a"
                     f" |access-date=a{' a' * 45}, 2020 |archive-url=https://web.archive.org/{'1' * 5000}"
                     f" |archive-date=2019-03-04}}}}</ref>")
    page = tmp_path / "hostile.wiki"
    page.write_text("X." + "".join(cites) + "\n{{reflist}}\n", encoding="utf-8")
    t = time.monotonic()
    r = citelint("check", "--offline", "--format", "json", *SELECT, str(page))
    assert r.returncode == 1, r.stderr
    assert time.monotonic() - t < 60  # a bound, not a speed test: cubic backtracking took minutes
    rules = {f["rule"] for f in json.loads(r.stdout)["findings"]}
    assert rules == {"cs1-bad-date", "cs1-archive-url"}


def test_configured_templates_reach_the_content_rules(tmp_path):
    """A wiki's own CS1 template ([tool.citelint.cs1] templates) is checked by the content rules too."""
    (tmp_path / "pyproject.toml").write_text('[tool.citelint.cs1]\ntemplates = {"cite webpage" = "web"}\n')
    (tmp_path / "a.wiki").write_text("X.<ref>{{cite webpage |title=T |url=http://a.example/ "
                                     "|date=32 May 2020}}</ref>\n{{reflist}}\n")
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", "a.wiki"],
                       cwd=tmp_path, capture_output=True, text=True)
    found = [(f["rule"], f["line"], f["column"]) for f in json.loads(r.stdout)["findings"]]
    assert found == [("cs1-bad-date", 1, 61)], r.stdout + r.stderr
