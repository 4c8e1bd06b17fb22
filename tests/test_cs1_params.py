"""CS1 parameter names: the whitelist data regenerates from the module sources, CS1's validate() and its
did-you-mean, the URL tests of is_parameter_ext_wikilink(), and the rules on real text through the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from citelint import cs1params
from citelint.cs1 import template_classes
from citelint.cs1params import has_ext_link, is_url, split_url, status, suggestion, whitelist
from paths import CORPUS, REPO, need

CS1_LUA = CORPUS / "cs1"
SCRIPT = REPO / "scripts" / "regen_cs1_whitelist.py"
SHIPPED = REPO / "citelint" / "data" / "cs1_whitelist.toml"
RULES = ("cs1-parameter-ignored", "cs1-deprecated-params", "cs1-redundant-parameters", "cs1-param-unknown-empty",
         "cs1-text-ignored", "cs1-missing-pipe", "cs1-param-has-ext-link", "cs1-wikilink-in-url", "cs1-format-missing-url")


def _regen(*paths, source="x"):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, paths), source], capture_output=True, text=True)


def test_regen_script_reproduces_the_shipped_data():
    lua = [need(CS1_LUA / n) for n in ("Whitelist.lua", "Configuration.lua", "Suggestions.lua")]
    r = _regen(*lua, source=whitelist().source)
    assert r.returncode == 0, r.stderr
    assert r.stdout == SHIPPED.read_text(encoding="utf-8")
    assert "61ef2f4786899730d2df297d9af7fc7f2e6ed472" in whitelist().source


def test_regen_script_rejects_a_file_without_the_tables(tmp_path: Path):
    bad = tmp_path / "notcs1.lua"
    bad.write_text("return {}\n", encoding="utf-8")
    r = _regen(bad, need(CS1_LUA / "Configuration.lua"), need(CS1_LUA / "Suggestions.lua"))
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.strip() == "regen_cs1_whitelist: error: no 'local basic_arguments = {' table in the module text"


def test_pinned_whitelist_is_the_modules():
    wl = whitelist()
    # Whitelist.lua as of 2022-09-17: 234 basic names, 77 numbered, 4 preprint templates, 10 with their own
    assert (len(wl.basic), len(wl.numbered), len(wl.preprint), len(wl.unique)) == (234, 77, 4, 10)
    assert sorted(wl.preprint) == ["arxiv", "biorxiv", "citeseerx", "ssrn"]
    assert sorted(n for n, s in wl.basic.items() if s == "deprecated") == ["lay-date", "lay-format", "lay-source",
                                                                           "lay-url"]
    assert wl.aliases["URL"] == ("url", "URL") and wl.aliases["AccessDate"] == ("access-date", "accessdate")
    assert wl.aliases["Periodical"] == ("journal", "magazine", "newspaper", "periodical", "website", "work")
    assert wl.aliases["Title"] == ("title",) and wl.aliases["ScriptTitle"] == ("script-title",)  # not aliases
    # Suggestions.lua: 306 entries, 'pagina' and 'pagine' twice (the later wins, as in Lua), 39 patterns
    assert len(wl.suggestions) == 304 and len(wl.patterns) == 39
    assert wl.suggestions["deadurl"] == "url-status" and "deadurl" in wl.old


@pytest.mark.parametrize("name, cls, expected", [
    ("url", "web", "supported"), ("URL", "web", "supported"), ("Url", "web", None),
    ("accessdate", "web", "supported"),  # still supported in this revision (InternetArchiveBot writes it)
    ("deadurl", "web", None), ("dead-url", "news", None),  # removed: unknown
    ("lay-url", "journal", "deprecated"), ("transcripturl", "episode", "deprecated"), ("transcripturl", "web", None),
    ("last12", "book", "supported"), ("author3-link", "book", "supported"), ("last#", "book", None),
    ("episode", "serial", "supported"), ("episode", "web", None),
    ("class", "arxiv", "supported"), ("publisher", "arxiv", None), ("title", "arxiv", "supported"),
    ("editor-last", "ssrn", None), ("ssrn", "ssrn", "supported"),
])
def test_status_is_cs1_validate(name, cls, expected):
    assert status(whitelist(), name, cls) == expected


def test_empty_deprecated_counts_as_unknown():
    wl = whitelist()
    assert status(wl, "lay-url", "journal", empty=True) is None
    assert status(wl, "url", "web", empty=True) == "supported"


@pytest.mark.parametrize("name, cls, expected", [
    ("Url", "web", "url"), ("Title", "book", "title"),  # the lower-case name first
    ("autor", "book", "author"), ("deadurl", "web", "url-status"), ("coauthors", "book", "author"),
    ("editor1link", "book", "editor-link1"), ("autor2", "book", "author2"),  # patterns, with the capture
    ("accesdate", "web", "access-date"), ("publsher", "book", "publisher"),
    ("Publisher", "arxiv", None),  # the lower-case name is not in cite arXiv's smaller set
    ("zzz", "web", None),
])
def test_suggestion_is_cs1s(name, cls, expected):
    assert suggestion(whitelist(), name, cls) == expected


def test_configured_parameters_are_accepted_everywhere():
    wl = whitelist(frozenset({"my-param", "my-name#"}))
    assert status(wl, "my-param", "web") == status(wl, "my-param", "arxiv") == "supported"
    assert status(wl, "my-name3", "book") == "supported"
    assert status(whitelist(), "my-param", "web") is None


def test_lua_patterns_translated():
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import regen_cs1_whitelist as regen
    finally:
        sys.path.pop(0)
    rx = regen.lua_pattern_to_regex
    assert re.search(rx("^ac+es+ ?d?a?t?e?$"), "accesdate") and not re.search(rx("^ac+es+ ?d?a?t?e?$"), "access-date")
    assert re.search(rx("^nom[e]?(%d+)$"), "nome2").group(1) == "2"
    assert re.search(rx("^a%-b%a.-$"), "a-bcxyz")
    with pytest.raises(ValueError):
        rx("%b()")


@pytest.mark.parametrize("value, url", [
    ("http://www.engr.utexas.edu", "http://www.engr.utexas.edu"),
    ("[https://example.org/b Bee]", "https://example.org/b"),
    ("See [//example.org x]", "//example.org"),
    ("text https://x.com/a more", "https://x.com/a"),
    ("Re: Zero", None), ("example.org", None), ("[[Wikipedia:About]]", None), ("ISBN:978", None),
    ("http://localhost/x", None),  # no TLD: not a URL to CS1
    ("10:30 news", None),
])
def test_external_link_detection_is_cs1s(value, url):
    assert has_ext_link(value) == url


def test_split_url_and_is_url():
    assert split_url("https://example.com:8080/path?q") == ("https:", "example.com")
    assert split_url("http:/example.com") == ("http:", None)  # one slash: no domain
    assert split_url("//example.org/x") == (None, "example.org")
    assert is_url("https:", "x.com") and is_url("https:", "a.org") and not is_url("https:", "a.com")
    assert is_url(None, "192.168.0.1") and not is_url("1http:", "example.org")


# -- the rules through the CLI ---------------------------------------------------------------------

def check(tmp_path: Path, text: str, *args: str) -> list[dict]:
    p = tmp_path / "a.wiki"
    p.write_text(text, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json",
                        "--select", ",".join(RULES), *args, str(p)], capture_output=True, text=True, timeout=120,
                       cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)["findings"]


def test_findings_sit_on_the_parameter_and_say_what_cs1_shows(tmp_path: Path):
    text = ("A.<ref>{{cite web |url=https://example.org/a |URL=https://example.org/b |title=Title access-date=2016"
            " |website=https://example.org |deadurl=yes |archive-url=https://web.archive.org/web/2020/https://"
            "example.org/a |archive-date=2020 |format=PDF |stray}}</ref>\n{{reflist}}\n")
    found = {f["rule"]: f for f in check(tmp_path, text, "--isolated")}
    assert set(found) == {"cs1-redundant-parameters", "cs1-missing-pipe", "cs1-param-has-ext-link", "cs1-parameter-ignored",
                          "cs1-text-ignored"}
    line = text.splitlines()[0]

    def at(rule):
        f = found[rule]
        assert f["line"] == 1
        return line[f["column"] - 1:f["end_column"] - 1]

    assert at("cs1-redundant-parameters") == "URL"
    assert at("cs1-missing-pipe") == "access-date"
    assert at("cs1-param-has-ext-link") == "https://example.org"
    assert at("cs1-parameter-ignored") == "deadurl"
    assert at("cs1-text-ignored") == "stray"
    assert 'CS1 shows "More than one of |URL= and |url= specified"' in found["cs1-redundant-parameters"]["message"]
    assert ('CS1 shows "Unknown parameter |deadurl= ignored (|url-status= suggested)" (Help:CS1 '
            'errors#parameter_ignored_suggest); replace it with |url-status=dead') in found["cs1-parameter-ignored"]["message"]
    assert "(Help:CS1 errors#missing_pipe)" in found["cs1-missing-pipe"]["message"]
    assert found["cs1-parameter-ignored"]["severity"] == "error"


def test_configured_templates_and_parameters(tmp_path: Path):
    text = "A.<ref>{{Cite Webpage |url=https://example.org/a |title=T |Url=x |my-param=1}}</ref>\n{{reflist}}\n"
    assert check(tmp_path, text, "--isolated") == []  # not a CS1 template to citelint: not checked
    (tmp_path / "citelint.toml").write_text('[cs1]\ntemplates = { "cite webpage" = "web" }\n', encoding="utf-8")
    found = check(tmp_path, text)
    assert [(f["rule"], f["message"].split("=")[0]) for f in found] == [("cs1-parameter-ignored", "|Url"),
                                                                      ("cs1-parameter-ignored", "|my-param")]
    (tmp_path / "citelint.toml").write_text('[cs1]\ntemplates = { "cite webpage" = "web" }\n'
                                            'parameters = ["my-param"]\n', encoding="utf-8")
    assert [f["message"].split("=")[0] for f in check(tmp_path, text)] == ["|Url"]


def test_configured_identifier_limits(tmp_path: Path):
    text = "A.<ref>{{cite journal |title=T |journal=J |pmid=39999999}}</ref>\n{{reflist}}\n"
    p = tmp_path / "a.wiki"
    p.write_text(text, encoding="utf-8")

    def ids():
        r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", "--select",
                            "invalid-identifier", str(p)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
        return json.loads(r.stdout)["findings"]

    (f,) = ids()  # above the pinned 36,400,000: a warning naming the module revision and the key to raise it
    assert f["severity"] == "warning" and "[tool.citelint.cs1.identifier-limits]" in f["message"]
    (tmp_path / "citelint.toml").write_text("[cs1.identifier-limits]\npmid = 40000000\n", encoding="utf-8")
    assert ids() == []
    (tmp_path / "citelint.toml").write_text("[cs1.identifier-limits]\npmid = 39000000\n", encoding="utf-8")
    (f,) = ids()
    assert "is above 39000000, the limit configured in [tool.citelint.cs1.identifier-limits]" in f["message"]


# -- the 15 real articles ----------------------------------------------------------------------------

#: every finding of the nine rules on tests/data/corpus/wikitext, checked by hand (README: per-rule counts)
CORPUS_COUNTS = {"cs1-parameter-ignored": 83, "cs1-param-unknown-empty": 5, "cs1-param-has-ext-link": 3}


def test_corpus_findings_are_the_hand_checked_ones():
    paths = sorted(str(p) for p in need(CORPUS / "wikitext").glob("*.wiki"))
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--isolated", "--format", "json",
                        "--select", ",".join(RULES), *paths], capture_output=True, text=True, timeout=300)
    found = json.loads(r.stdout)["findings"]
    counts: dict = {}
    for f in found:
        counts[f["rule"]] = counts.get(f["rule"], 0) + 1
        line = Path(f["path"]).read_text(encoding="utf-8").splitlines()[f["line"] - 1]
        marked = line[f["column"] - 1:f["end_column"] - 1]
        if f["rule"] in ("cs1-parameter-ignored", "cs1-param-unknown-empty"):
            # placed on the parameter's name, which the message names; the template it names does not have it
            cls = template_classes()[re.search(r"\{\{(cite [a-z ]+|citation)\}\}", f["message"]).group(1)]
            assert f["message"].startswith(f"|{marked}= ") and status(whitelist(), marked, cls) is None, f
        else:
            assert marked.startswith("http") and marked[:40] in f["message"], f
    assert counts == CORPUS_COUNTS


def test_issues_are_computed_once_per_document():
    from citelint.engine import parse_document
    from citelint.model import Document
    from citelint.settings import Settings

    text = need(CORPUS / "wikitext" / "wtf__United-Kingdom.wiki").read_text(encoding="utf-8")
    model = parse_document(Document("uk.wiki", text, "wikitext"), Settings())
    first = cs1params.issues(model, text)
    assert cs1params.issues(model, text) is first and len(first) == 51


def test_pathological_values_are_checked_in_bounded_time(tmp_path: Path):
    """CS1's Lua patterns as regular expressions backtrack on long runs: ``[//`` + 100,000 letters took 17 s
    in one |title=, 200,000 nested ``<…>`` 6 s. Scanned linearly, the page is checked well within the
    parse timeout, with the findings CS1 would give."""
    from test_bounded import citelint

    n = 100_000
    values = ["[//" + "x" * n, "[a:" + "b" * n, "<" * (n // 2) + ">" * (n // 2), " " * n + "date=x",
              "x[" * (n // 2) + "]", "http://" + "a-" * (n // 2), "[[" * (n // 2), "a" * n + ":"]
    page = "".join(f"<ref>{{{{cite web |url=https://example.org/{i} |title={v} |website=W}}}}</ref>\n"
                   for i, v in enumerate(values))
    p = tmp_path / "long.wiki"
    p.write_text(page + "{{reflist}}\n", encoding="utf-8")
    r = citelint("--isolated", "--select", ",".join(RULES), str(p))
    assert not r.killed and "unchecked-page" not in r.stdout, r.stdout[-300:]
    assert r.stdout.count("cs1-missing-pipe") == 1 and r.peak_mb < 200, (r.stdout[-300:], r.peak_mb)
