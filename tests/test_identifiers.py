"""Identifiers: the pinned CS1 data regenerates from the module source, CS1's rules on top of python-stdnum,
canonical forms for same-source, URL normalisation, and the rules through the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from citelint.identifiers import canonical, check, limits
from citelint.rules.same_source import url_key
from paths import CORPUS, REPO, need

CONFIG_LUA = CORPUS / "cs1" / "Configuration.lua"
SCRIPT = REPO / "scripts" / "regen_identifiers.py"
SHIPPED = REPO / "citelint" / "data" / "identifiers.toml"


def test_regen_script_reproduces_the_shipped_data():
    source = limits().source
    out = subprocess.run([sys.executable, str(SCRIPT), str(need(CONFIG_LUA)), source], capture_output=True,
                         text=True, check=True).stdout
    assert out == SHIPPED.read_text(encoding="utf-8")


def test_pinned_limits_are_the_modules():
    lim = limits().limits
    # id_limit values of Module:Citation/CS1/Configuration as of 2022-09-17 (tests/data/SOURCES.md)
    assert lim == {"pmid": 36400000, "pmc": 9500000, "rfc": 9300, "ssrn": 4200000, "s2cid": 254000000,
                   "osti": 23010000, "oclc": 9999999999}
    assert limits().params["eprint"] == "arxiv" and limits().params["EISSN"] == "eissn"
    assert "Isbn" not in limits().params  # CS1's aliases are exact: isbn and ISBN only


def test_regen_script_rejects_a_file_without_the_table(tmp_path: Path):
    bad = tmp_path / "notcs1.lua"
    bad.write_text("return {}\n", encoding="utf-8")
    r = subprocess.run([sys.executable, str(SCRIPT), str(bad), "x"], capture_output=True, text=True)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip() == f"regen_identifiers: error: {bad}: no 'local id_handlers = {{' table in the module text"


@pytest.mark.parametrize("value, detail", [
    ("978-0-306-40615-6", "checksum"),
    ("0-8044-2957-x", "invalid character"),  # stdnum accepts a lower-case x; CS1 does not
    ("9790000000001", "invalid group id"),  # a valid EAN-13 check digit, but 979-0 is the ISMN's
    ("6301234561", "invalid group id"),  # a valid ISBN-10 checksum, but 630/631 are Amazon's ASINs
    ("9770306406157", "invalid prefix"),
    ("0-306-4061", "length"),
    ("03064X6152", "invalid form"),
])
def test_isbn_cs1_rules_on_top_of_stdnum(value, detail):
    p = check("isbn", value)
    assert p is not None and p.detail == detail


def test_a_wrong_check_digit_is_never_corrected_for_the_editor():
    for kind, bad, good in (("isbn", "978-0-306-40615-6", "978-0-306-40615-7"), ("isbn", "0-306-40615-3", "0306406152"),
                            ("issn", "0378-5954", "0378-5955"), ("ismn", "979-0-2600-0043-9", "9790260000438")):
        p = check(kind, bad)
        text = f"{p.what} {p.fix}"
        assert good not in text and good.replace("-", "") not in text.replace("-", "")
        assert "do not just change the last digit" in text


@pytest.mark.parametrize("kind, value", [
    ("isbn", "978-0-306-40615-7"), ("isbn", "0-19-852663-6"), ("isbn", "979-10-00000-01-5"),
    ("issn", "2434-561X"), ("issn", "0378 5955"), ("ismn", "979-0-2600-0043-8"),
    ("doi", "10.1038/nature12373"), ("doi", "10.12.3/abc"), ("doi", "10.31219/osf.io/abcd"),
    ("pmid", "36400000"), ("pmc", "PMC1234567"), ("arxiv", "hep-th/9901001"), ("arxiv", "0704.0001"),
    ("arxiv", "2005.12114v1"), ("oclc", "(OCoLC)123456789"), ("lccn", "2001-12345"), ("zbl", "12345678"),
])
def test_valid_values_pass(kind, value):
    assert check(kind, value) is None


def test_numbers_above_the_pinned_limit_are_flagged_as_possibly_stale():
    assert check("pmid", "36400001").stale_limit
    assert not check("pmid", "0").stale_limit


def test_canonical_forms():
    assert canonical("isbn", "0-306-40615-2") == canonical("isbn", "978-0-306-40615-7") == "9780306406157"
    assert canonical("doi", "10.1000/ABC") == canonical("doi", "10.1000/abc")
    assert canonical("arxiv", "1501.00001v2") == canonical("arxiv", "1501.00001")
    assert canonical("isbn", "978-0-306-40615-6") is None  # an invalid identifier identifies nothing


@pytest.mark.parametrize("a, b", [
    ("https://www.example.com/a/?utm_source=x&fbclid=y", "http://example.com/a"),
    ("https://m.example.com/a", "https://amp.example.com/a/"),
    ("https://en.m.wikipedia.org/wiki/X", "https://en.wikipedia.org/wiki/X"),
    ("https://web.archive.org/web/20200101000000/https://example.com/a", "https://example.com/a"),
    ("https://web.archive.org/web/2020id_/http://example.com/a", "https://example.com/a"),
    ("https://example.com/b?y=2&x=1&gclid=z", "https://example.com/b?x=1&y=2"),
    ("https://doi.org/10.1000/XYZ", "http://dx.doi.org/10.1000/xyz"),
    ("https://arxiv.org/abs/1501.00001v2", "https://arxiv.org/pdf/1501.00001.pdf"),
])
def test_url_normalisation_for_same_source(a, b):
    assert url_key(a) == url_key(b) is not None


def test_urls_that_differ_stay_apart():
    assert url_key("https://example.com/a?id=1") != url_key("https://example.com/a?id=2")
    assert url_key("https://example.com/a#p2") != url_key("https://example.com/a#p3")
    assert url_key("https://www.example.com/") is None  # a front page says too little


def test_cli_reports_identifiers_with_exact_spans(tmp_path: Path):
    page = tmp_path / "page.wiki"
    page.write_text("Text.<ref>{{cite book |title=T |isbn= 978-0-306-40615-6 }}</ref>\n\n== References ==\n"
                    "{{reflist}}\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", str(page)],
                       capture_output=True, text=True, cwd=tmp_path)
    import json

    assert r.returncode == 1, r.stderr
    (f,) = json.loads(r.stdout)["findings"]
    assert (f["rule"], f["code"], f["severity"]) == ("invalid-isbn", "CL601", "error")
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (1, 39, 1, 56)  # the value, trimmed
    assert 'Check |isbn= value: checksum' in f["message"]


def test_a_bibliography_of_thousands_of_isbns_is_checked_in_seconds(tmp_path: Path):
    """Each magic-link ISBN outside the refs was compared with every one found before it (and the rest of the
    page copied to read its line's first character): 25,000 list items took about 16 s of CPU, past the parse
    timeout, so the page came back unchecked and none of its bad ISBNs were reported. Now about 2 s."""
    import resource

    items = "\n".join(f"* Smith, J. (2001). ''Book {i}''. ISBN 978-0-306-40615-6." for i in range(25_000))
    page = tmp_path / "bibliography.wiki"
    page.write_text(f"Intro.<ref>Smith 2001.</ref>\n== Bibliography ==\n{items}\n== Notes ==\n<references/>\n",
                    encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)  # CPU: load on a shared machine stretches wall time
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", "--parse-timeout",
                        "100", "--select", "invalid-isbn,unchecked-page", str(page)],
                       capture_output=True, text=True, cwd=tmp_path, timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    import json

    assert r.returncode == 1, r.stderr
    found = json.loads(r.stdout)["findings"]
    assert {f["rule"] for f in found} == {"invalid-isbn"}
    assert [f["line"] for f in found] == list(range(3, 25_003))  # every item, at its own line
    assert cpu < 6, cpu


def test_rule_documentation_is_printed():
    for name in ("invalid-isbn", "invalid-issn", "invalid-doi", "invalid-identifier", "same-source"):
        r = subprocess.run([sys.executable, "-m", "citelint", "rule", name], capture_output=True, text=True)
        assert r.returncode == 0 and "Example:" in r.stdout and "Fix:" in r.stdout, (name, r.stdout, r.stderr)


def test_check_digits_are_python_stdnums():
    """The ISBN, ISSN and ISMN check digits are computed in citelint (importing python-stdnum cost a run
    ~25 ms): on values of the shapes the checks hand over — right and wrong check digits, an X, full-width
    and mathematical digits (which stdnum reads as ASCII ones), other Unicode digits — the verdicts and the
    ISBN-13 forms are stdnum's."""
    import random

    from stdnum import isbn, ismn, issn
    from stdnum.exceptions import ValidationError

    from citelint.identifiers import _isbn13, _valid

    def stdnum_ok(module, value):
        try:
            module.validate(value)
            return True
        except ValidationError:
            return False

    rnd = random.Random(9)
    odd = ["\uff10", "\U0001d7d9", "\U0001d7ff", "\u0661", "\u00b2"]  # full-width 0, math 1 and 9, Arabic 1, ²

    def digits(n):
        return "".join(rnd.choice("0123456789") if rnd.random() > 0.03 else rnd.choice(odd) for _ in range(n))

    cases = 0
    for _ in range(4000):
        for kind, module, value in (
                ("isbn", isbn, digits(9) + rnd.choice("0123456789X")),
                ("isbn", isbn, rnd.choice(("978", "979", "977")) + digits(10)),
                ("issn", issn, digits(7) + rnd.choice("0123456789X")),
                ("ismn", ismn, "9790" + digits(9))):
            ok = _valid(kind, value)
            assert ok == stdnum_ok(module, value), (kind, value)
            if ok and kind == "isbn" and value.isascii():
                assert _isbn13(value) == isbn.to_isbn13(value), value
            cases += ok
    assert cases > 1000  # about a tenth of the random values are valid: both verdicts were compared


def test_checking_an_isbn_does_not_import_stdnum():
    code = ("import sys; from citelint.identifiers import canonical, check; "
            "assert check('isbn', '978-0-306-40615-6') is not None and check('issn', '0378-5955') is None; "
            "assert check('ismn', '979-0-2600-0043-8') is None and canonical('isbn', '0-306-40615-2'); "
            "print(sorted(m for m in sys.modules if m.startswith(('stdnum', 'ssl', 'pydoc'))))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
