"""Bad input, part two: whatever a file declares or contains, one clear line for that file (exit 2) or a
correct check, and the rest of the run kept. Real files, real subprocesses of the CLI, real signals."""

from __future__ import annotations

import codecs
import encodings
import encodings.aliases
import io
import json
import os
import pkgutil
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from citelint.dumps import DumpError, iter_dump
from paths import CORPUS, FIXTURES, REPO, SEED, need

GOOD = 'Text.<ref name="x" />\n\n{{reflist}}\n'  # one true finding: undefined-ref, line 1 column 6


def citelint(*args, cwd=None, input=None, env=None, timeout=120):
    e = dict(os.environ)
    e.pop("FORCE_COLOR", None)
    e["PYTHONPATH"] = str(REPO)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "citelint", *args], cwd=cwd or REPO, capture_output=True,
                          text=True, input=input, env=e, timeout=timeout)


def check(*args, **kw):
    return citelint("check", "--offline", "--format", "text", *args, **kw)


def error_lines(r) -> list[str]:
    assert "Traceback" not in r.stderr, r.stderr
    return [ln for ln in r.stderr.splitlines() if ln.startswith("citelint: error:")]


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.wiki"
    p.write_text(GOOD)
    return p


# -- the encoding an XML dump declares ------------------------------------------------------------

def codec_names() -> list[str]:
    """Every codec name Python knows: its aliases, their targets and the codec modules themselves."""
    names = set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values())
    names |= {m.name for m in pkgutil.iter_modules(encodings.__path__)}
    names |= {"x-evil", "utf-7", "UTF-7", "shift_jis", "Shift_JIS", "idna", "UTF-8", "utf-16le", "UTF-16BE",
              "ISO-8859-1", "US-ASCII", "windows-1252", "KOI8-R", "EBCDIC-CP-US"}
    return sorted(names)


#: what citelint reads (expat's own encodings, under Python's names for them too); everything else is refused
READ = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "iso8859-1", "ascii"}


def canonical(name: str):
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def dump_in(name: str, text: str) -> bytes:
    xml = (f'<?xml version="1.0" encoding="{name}"?>\n<mediawiki><page><title>T</title><ns>0</ns><revision>'
           f'<id>1</id><text>{text}</text></revision></page></mediawiki>\n')
    enc = canonical(name)
    return xml.encode(enc if enc in READ else "utf-8")  # a refused name: what matters is the declaration


def test_every_codec_name_is_read_or_refused_by_name():
    """All codec names Python knows (450): the ones naming UTF-8, UTF-16, ISO-8859-1 or US-ASCII read the
    page's text exactly; every other name is one DumpError naming it (on main: LookupError, ValueError,
    UnicodeError tracebacks for 120 names, and 261 legacy code pages read without a word)."""
    names = codec_names()
    assert len(names) > 400
    read, refused = [], []
    for name in names:
        enc = canonical(name)
        sample = "Café <ref>x</ref>" if enc not in ("ascii",) else "Cafe <ref>x</ref>"
        try:
            docs = list(iter_dump(io.BytesIO(dump_in(name, sample.replace("<", "&lt;"))), "d.xml"))
        except DumpError as e:
            msg = str(e)
            assert "\n" not in msg
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]*", name):
                assert f'encoding="{name}"' in msg and "convert the file to UTF-8" in msg, (name, msg)
            else:  # not an encoding name by XML's grammar ("8859", "iso_646.irv:1991"): expat says so
                assert "XML declaration not well-formed" in msg, (name, msg)
            refused.append(name)
            continue
        assert enc in READ, f"{name} ({enc}) was read"
        assert [d.text for d in docs] == [sample], name
        read.append(name)
    assert len(read) >= 20 and len(refused) > 300
    for name in ("x-evil", "utf-7", "shift_jis", "idna", "windows-1252", "KOI8-R", "rot13", "base64_codec"):
        assert name in refused
    for name in ("UTF-8", "utf8", "latin1", "ISO-8859-1", "US-ASCII", "UTF-16BE", "utf-16le", "utf_16"):
        assert name in read


def test_utf16_dump_with_a_bom_is_read():
    text = "Ünïcode <ref>x</ref>"
    xml = (f'<?xml version="1.0" encoding="UTF-16"?><mediawiki><page><title>T</title><revision><id>1</id>'
           f'<text>{text.replace("<", "&lt;")}</text></revision></page></mediawiki>')
    assert [d.text for d in iter_dump(io.BytesIO(xml.encode("utf-16")), "d.xml")] == [text]


def test_cli_bad_encodings_each_one_line_and_the_other_files_kept(tmp_path, good):
    names = ["x-evil", "utf-7", "shift_jis", "idna", "rot13", "cp1252"]
    bad = []
    for name in names:
        p = tmp_path / f"{re.sub(r'[^a-z0-9]', '_', name)}.xml"
        p.write_bytes(f'<?xml version="1.0" encoding="{name}"?><mediawiki/>'.encode())
        bad.append(p)
    latin = tmp_path / "latin1.xml"  # read, in the encoding it declares
    latin.write_bytes(('<?xml version="1.0" encoding="latin1"?><mediawiki><page><title>Caf\xe9</title><ns>0</ns>'
                       '<revision><id>7</id><text>Caf\xe9 &lt;ref name="y" /&gt;\n{{reflist}}</text></revision>'
                       '</page></mediawiki>').encode("latin-1"))
    r = check(*map(str, bad), str(good), str(latin))
    assert r.returncode == 2, r.stderr
    errs = error_lines(r)
    assert len(errs) == len(names), r.stderr
    for p, name, line in zip(bad, names, errs):
        assert line.startswith(f"citelint: error: {p}: the XML declares encoding=\"{name}\""), line
    assert f"{good}:1:6: CL101 undefined-ref" in r.stdout
    assert re.search(rf"{re.escape(str(latin))}\[Café@7\]:1:6: CL101 undefined-ref", r.stdout), r.stdout


# -- what a text file holds ------------------------------------------------------------------------

def test_nul_byte_after_8kb_is_an_error_not_a_silent_miss(tmp_path, good):
    """On main the NUL check looked at the first 8 KB only: the citation after the NUL was silently missed
    (mwparserfromhell stops there) and the run exited 0."""
    p = tmp_path / "late-nul.wiki"
    head = "Filler text.\n" * 800  # 10,400 bytes
    p.write_bytes((head + "x\x00y\n" + 'Later.<ref name="late" />\n{{reflist}}\n').encode())
    r = check(str(p), str(good))
    assert r.returncode == 2
    assert error_lines(r) == [f"citelint: error: {p}: binary file (a NUL byte at offset {len(head) + 1}, "
                              f"line 801): not wiki text"]
    assert f"{good}:1:6: CL101" in r.stdout


def test_text_with_a_byte_order_mark_is_read_with_exact_positions(tmp_path):
    """UTF-16 and UTF-32 (LE and BE) with a byte-order mark, UTF-8 with one, each with LF and CRLF line ends:
    read as text, the finding at its exact line and column. On main the UTF-16/32 files were
    "binary file (contains NUL bytes)"."""
    text = "Ünïcode line.\n\nSecond “line”.<ref name=\"missing\" />\n\n{{reflist}}\n"
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
            "utf-32-be": codecs.BOM_UTF32_BE, "utf-8": codecs.BOM_UTF8}
    files = []
    for encoding, bom in boms.items():
        for nl, label in (("\n", "lf"), ("\r\n", "crlf")):
            p = tmp_path / f"{encoding}-{label}.wiki"
            p.write_bytes(bom + text.replace("\n", nl).encode(encoding))
            files.append(p)
    r = check(*map(str, files))
    assert r.returncode == 1 and error_lines(r) == [], r.stderr
    for p in files:
        assert f"{p}:3:15: CL101 undefined-ref" in r.stdout, (p, r.stdout)


# -- Ctrl-C ----------------------------------------------------------------------------------------

def _cpu(process) -> float:
    import psutil

    try:
        return process.cpu_times().user
    except psutil.Error:
        return 0.0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_in_the_middle_of_a_long_run_exits_130_cleanly(tmp_path, jobs):
    """A real SIGINT to the CLI while it reads the 1 GB Anarchism history: exit 130 (on main: 2), one line,
    no traceback from the main process or a worker, no process left behind, no temporary file left."""
    import psutil

    dump = need(CORPUS / "xml" / "wikiwho__Anarchism_full_history_15180revs.xml.lzma")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = dict(os.environ, TMPDIR=str(tmp), PYTHONPATH=str(REPO))
    env.pop("FORCE_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "citelint", "check", "--all-revisions", "--offline", "--jobs", jobs,
         "--format", "text", str(dump)], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        # as a shell starts a foreground command: SIGINT not ignored (a background job would inherit SIG_IGN)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    ps = psutil.Process(proc.pid)
    deadline = time.monotonic() + 60
    try:
        # in the middle of the run: past start-up, checking revisions (with --jobs 2: in its worker pool)
        while time.monotonic() < deadline:
            family = [ps] + ps.children(recursive=True)
            busy = sum(_cpu(p) for p in family) > 1.5  # seconds of checking, by the process or its workers
            if busy and (jobs == "1" or len(family) >= 4):  # with its pool: tracker, forkserver, 2 workers
                break
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.2)
        else:
            pytest.fail("the run did not get going within 60 s")
        family = [ps] + ps.children(recursive=True)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = err.decode()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert [ln for ln in err.splitlines() if ln.strip()] == ["citelint: interrupted"], err
    assert out == b""  # nothing half-reported
    gone, alive = psutil.wait_procs(family, timeout=10)
    assert not alive, alive
    assert list(tmp.iterdir()) == [], list(tmp.iterdir())  # e.g. multiprocessing's pymp-* folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tmp"]


# -- a folder the configuration excludes -------------------------------------------------------------

@pytest.mark.parametrize("pattern,flags", [("archive/", ()), ("*.wiki", ()), ("archive/", ("--force-exclude",))])
def test_excluded_folder_named_on_the_command_line_is_said(tmp_path, pattern, flags):
    """On main: "No findings in 0 files", exit 0, not a word. Now a note naming the folder and the pattern;
    exit 0 as ruff (which warns "No Python files found under the given path(s)")."""
    (tmp_path / "citelint.toml").write_text(f'exclude = ["{pattern}"]\n')
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.wiki").write_text(GOOD)
    (tmp_path / "archive" / "older.wiki").write_text(GOOD)
    r = check(*flags, "archive", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip().splitlines() == [
        f'citelint: note: archive: excluded by exclude = "{pattern}" in {tmp_path / "citelint.toml"}: '
        f"2 files are not checked in it (--isolated ignores the configuration)"]
    assert r.stdout == ""
    r = check("--isolated", "archive", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout.count("CL101") == 2


# -- what a .txt file is -----------------------------------------------------------------------------

PROSE = CORPUS / "prose"


def test_prose_about_markup_is_plain_text_and_wikitext_saved_as_txt_is_wikitext():
    from citelint.sources import detect_kind

    prose = sorted(need(PROSE).glob("*.txt"))
    assert len(prose) == 3
    for p in prose:
        assert detect_kind(str(p), p.read_text()) == "plaintext", p
    for p in (need(SEED), need(FIXTURES / "wikipedia-style-copy.sample.txt"), *sorted(FIXTURES.glob("plaintext/*.txt"))):
        assert detect_kind(str(p), p.read_text()) == "plaintext", p
    articles = sorted(need(CORPUS / "wikitext").glob("*.wiki")) + sorted(FIXTURES.glob("rules/*.wiki"))
    assert len(articles) >= 24
    for p in articles:
        assert detect_kind(p.with_suffix(".txt").name, p.read_text()) == "wikitext", p
    assert detect_kind("a.txt", GOOD) == "wikitext"


def test_cli_prose_txt_gets_no_findings_and_a_wiki_copy_the_same_as_the_wiki(tmp_path):
    """On main the three prose files got 8 findings (an unclosed <ref> in a README, …)."""
    article = need(CORPUS / "wikitext" / "wtf__Bazooka.wiki")  # 15 findings
    copy = tmp_path / "Bazooka.txt"
    copy.write_bytes(article.read_bytes())
    prose = sorted(PROSE.glob("*.txt"))
    r = citelint("check", "--offline", "--format", "json", *map(str, prose), str(copy), str(article))
    assert r.returncode == 1 and error_lines(r) == [], r.stderr
    found = json.loads(r.stdout)["findings"]
    assert not [f for f in found if f["path"] in map(str, prose)]
    where = lambda path: [(f["rule"], f["line"], f["column"]) for f in found if f["path"] == path]  # noqa: E731
    assert where(str(copy)) == where(str(article)) != []


# -- rule documentation and error style ----------------------------------------------------------------

def test_rule_docs_show_no_rest_markup():
    """On main `citelint rules`, `citelint rule NAME` and SARIF help showed reST's ``double backticks``."""
    from citelint.rules import RULES

    r = citelint("rules")
    assert r.returncode == 0 and "``" not in r.stdout and "<ref>" in r.stdout  # the markup named, plainly
    procs = {rule.name: subprocess.Popen([sys.executable, "-m", "citelint", "rule", rule.name], cwd=REPO,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for rule in RULES}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert "``" not in out and "::" not in out, (name, out)
        assert out.startswith(f"{name} (") and "Example:" in out
    sarif = check("--format", "sarif", str(FIXTURES / "rules" / "malformed-ref.wiki"))
    rules = json.loads(sarif.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert {d["name"] for d in rules} == {rule.name for rule in RULES}
    for d in rules:
        for text in (d["shortDescription"]["text"], d["fullDescription"]["text"], d["help"]["text"]):
            assert "``" not in text, (d["name"], text)
        assert "``" not in d["help"]["markdown"].replace("```", "")
    malformed = next(d for d in rules if d["name"] == "malformed-ref")
    assert "an unclosed <ref>" in malformed["help"]["text"]
    assert "an unclosed `<ref>`" in malformed["help"]["markdown"]


def test_every_cli_error_is_one_line_in_one_style(tmp_path, good):
    """On main a bad baseline printed click's "Error: …"; usage errors printed a usage block."""
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    cases = [
        (("check", "--offline", "--baseline", str(bad), str(good)), f"baseline {bad}: not valid JSON"),
        (("check", "--offline", "--baseline", str(tmp_path / "none.json"), str(good)), "no such file"),
        (("check", "--offline", "--write-baseline", str(tmp_path / "no" / "b.json"), str(good)), "cannot write"),
        (("check", "--format", "nope", str(good)), "Invalid value for '--format'"),
        (("check",), "give at least one file or folder"),
        (("rule", "no-such-rule"), "no rule named 'no-such-rule'"),
        (("--no-such-option",), "No such option"),
    ]
    procs = [(args, words, subprocess.Popen([sys.executable, "-m", "citelint", *args], cwd=tmp_path,
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
             for args, words in cases]
    for args, words, proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 2, (args, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("citelint: error: ") and words in lines[0], (args, err)


# -- what a user tries next: each a clear error or a correct check ----------------------------------------

def _utf16_dump() -> bytes:
    return ('<?xml version="1.0" encoding="UTF-16"?><mediawiki><page><title>U</title><ns>0</ns><revision>'
            '<id>3</id><text>T &lt;ref name="w" /&gt;\n{{reflist}}</text></revision></page></mediawiki>'
            ).encode("utf-16")


#: name → (how to make it, expected: ("error", words in its one line) or ("finding", "where:line:col"))
MORE = {
    "broken-link.wiki": (lambda p: p.symlink_to(p.parent / "nowhere.wiki"),
                         ("error", "broken symbolic link (to ")),
    "truncated.xml": (lambda p: p.write_bytes(b'<mediawiki><page><title>A</title><revision><id>1</id><text>abc'),
                      ("error", "(the file ends in the middle of the XML: truncated?)")),
    "bad-utf8.xml": (lambda p: p.write_bytes(b'<mediawiki><page><title>A</title><revision><id>1</id><text>a\xff'
                                             b'</text></revision></page></mediawiki>'),
                     ("error", "not valid UTF-8 at XML line 1, column 61 (byte 0xff)")),
    "utf16-no-bom.wiki": (lambda p: p.write_bytes("Text.<ref>x</ref>\n{{reflist}}\n".encode("utf-16-le")),
                          ("error", "UTF-16 without a byte-order mark?")),
    "bom-crlf-mix.wiki": (lambda p: p.write_bytes(b'\xef\xbb\xbfLine one.\r\nLine two.<ref name="z" />\n\r\n'
                                                  b'{{reflist}}\r\n'), ("finding", ":2:10: CL101")),
    "lone-cr.wiki": (lambda p: p.write_bytes(b'Line one.\rLine two.<ref name="z" />\r\r{{reflist}}\r'),
                     ("finding", ":2:10: CL101")),
    "folder.wiki": (lambda p: (p.mkdir(), (p / "inner.wiki").write_text(GOOD)),
                    ("finding", "/inner.wiki:1:6: CL101")),
    "utf16-dumps": (lambda p: (p.mkdir(), (p / "d.xml").write_bytes(_utf16_dump())),
                    ("finding", "/d.xml[U@3]:1:3: CL101")),
}


def test_more_bad_input_each_a_clear_error_or_a_correct_check(tmp_path, good):
    """One run over all of them and a good file. On main: the broken link was "no such file or directory",
    invalid UTF-8 in a dump "not well-formed (invalid token)", UTF-16 without a BOM "contains NUL bytes",
    lone CR line ends all counted as line 1, and a UTF-16 dump in a folder skipped as "not XML"."""
    paths = []
    for name, (make, _) in MORE.items():
        make(tmp_path / name)
        paths.append(str(tmp_path / name))
    r = check(*paths, str(good))
    assert r.returncode == 2
    errors = error_lines(r)
    for name, (_, (what, words)) in MORE.items():
        p = tmp_path / name
        if what == "error":
            mine = [ln for ln in errors if ln.startswith(f"citelint: error: {p}: ")]
            assert len(mine) == 1 and words in mine[0], (name, errors)
        else:
            assert f"{p}{words}" in r.stdout, (name, r.stdout)
            assert not [ln for ln in errors if str(p) in ln], (name, errors)
    assert len(errors) == sum(1 for _, (w, _) in MORE.values() if w == "error")
    assert f"{good}:1:6: CL101" in r.stdout


def test_standard_input_is_decoded_as_a_file_is():
    r = subprocess.run(
        [sys.executable, "-m", "citelint", "check", "--offline", "--format", "text", "--stdin-filename",
         "page.wiki", "-"], input=b"Caf\xe9 <ref>x</ref>", capture_output=True, cwd=REPO, timeout=60)
    assert r.returncode == 2
    assert r.stderr.decode().strip().splitlines() == [
        "citelint: error: page.wiki: not valid UTF-8 (byte 0xe9 at offset 3, line 1): convert the file to UTF-8"]
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "text", "-"],
                       input=codecs.BOM_UTF16_LE + 'X.<ref name="q" />\r\n{{reflist}}\r\n'.encode("utf-16-le"),
                       capture_output=True, cwd=REPO, timeout=60)
    assert r.returncode == 1 and r.stdout.decode().startswith("-:1:3: CL101"), r
