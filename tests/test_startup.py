"""Start-up: an --offline run imports no network library (issue 9). A real CLI subprocess, its imports
read from ``python -X importtime``."""

import subprocess
import sys

NETWORK = ("requests", "urllib3", "http.client", "ssl")


def imported(tmp_path, *args) -> set[str]:
    (tmp_path / "small.wiki").write_text(
        "A claim.<ref>{{cite web |url=https://example.org/a |title=A}}</ref> Another.<ref>[https://example.org/b B]"
        "</ref> <!-- citelint-disable-next-line dead-link -->\n\n== References ==\n{{reflist}}\n")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "citelint", "check", *args, "small.wiki"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    mods = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "citelint.engine" in mods  # the check did run
    return mods


def test_offline_imports_no_network_library(tmp_path):
    mods = imported(tmp_path, "--offline")
    assert not [m for m in mods if m.split(".")[0] in ("requests", "urllib3") or m in NETWORK]


def test_offline_with_every_format_imports_no_network_library(tmp_path):
    for fmt in ("json", "sarif", "text"):
        mods = imported(tmp_path, "--offline", "--format", fmt)
        assert "requests" not in mods and "urllib3" not in mods, fmt


#: heavy modules a run over one small file has no use for (issue 9, start-up): the dump readers (bz2, lzma,
#: gzip, expat behind them), the multistream reader, the baseline module, importlib's resource readers
#: (the template table is read with pkgutil), and the parallel and cluster machinery
NOT_FOR_ONE_FILE = ("citelint.dumps", "citelint.multistream", "citelint.baseline", "citelint.atomicfile",
                    "importlib.readers", "citelint.resume", "sqlite3", "concurrent.futures", "multiprocessing",
                    "dask", "distributed", "psutil")


def test_offline_one_file_imports_no_dump_baseline_or_cluster_module(tmp_path):
    mods = imported(tmp_path, "--offline")
    assert not [m for m in NOT_FOR_ONE_FILE if m in mods]
    assert "citelint.report.rich_report" in mods  # the default format's reporter, which is needed


#: what a wikitext file has no use for: the plain-text parser and its diagnostics scanner (two rules name
#: plain-text markers in their messages and import it only for a plain-text page), difflib (only to suggest
#: a name for a misspelt key, directive or attribute)
NOT_FOR_WIKITEXT = ("citelint.parsers.plaintext", "citelint.parsers.diagnostics", "difflib")


def test_offline_wikitext_file_imports_no_plaintext_parser_or_difflib(tmp_path):
    for fmt in ("text", "rich"):
        mods = imported(tmp_path, "--offline", "--format", fmt)
        assert not [m for m in NOT_FOR_WIKITEXT if m in mods], fmt
        assert "citelint.parsers.scanner" in mods  # the page was read, by the wikitext scanner


def _run(tmp_path, name: str, text: str):
    (tmp_path / name).write_text(text)
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "citelint", "check", "--offline",
                           "--format", "text", name], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    mods = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    return proc.stdout, mods


def test_deferred_modules_still_come_when_needed(tmp_path):
    """The deferred imports happen where they are needed: a plain-text page with an entry cited twice but
    shown with one backlink gets backlink-mismatch, whose message names the [1] marker (the plain-text
    parser's marker_label); a misspelt directive gets its did-you-mean (difflib)."""
    out, mods = _run(tmp_path, "page.txt", "A claim.[1] Again.[1]\n\nReferences\n\n1. ^ Smith 2001.\n")
    assert "citelint.parsers.plaintext" in mods
    assert "CL401 backlink-mismatch entry 1 has 1 backlink(s) (^) but the text has 2 [1] marker(s)" in out, out
    out, mods = _run(tmp_path, "sup.wiki", "A claim.<ref>x</ref> <!-- citelint-disabel-next-line -->\n\n"
                                           "== References ==\n{{reflist}}\n")
    assert "difflib" in mods
    assert "did you mean citelint-disable-next-line?" in out, out


def test_offline_page_without_suppression_reads_no_links(tmp_path):
    """--offline: a page's links are placed (citelint.links.sites) only when a suppression comment may
    need them (a rule-less one around a dead link is not reported unused); without one the module is not
    imported, with one it is and the suppression is kept from being reported unused."""
    page = ("A claim.<ref>{{cite web |url=https://example.org/a |title=A}}</ref>\n\n"
            "== References ==\n{{reflist}}\n")
    out, mods = _run(tmp_path, "plain.wiki", page)
    assert "citelint.links.sites" not in mods and "citelint.links.linkpass" in mods
    out, mods = _run(tmp_path, "sup.wiki", page.replace("A claim.", "<!-- citelint-disable-next-line -->\nA claim."))
    assert "citelint.links.sites" in mods
    assert "unused-suppression" not in out, out
