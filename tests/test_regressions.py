"""Plain regression tests for bugs the property tests (test_properties.py) found, one per bug, with the
minimal input hypothesis reduced each one to."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from paths import REPO


def check_json(path, *args):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", *args, str(path)],
                       capture_output=True, env=env, timeout=60)
    assert r.returncode in (0, 1, 2) and b"Traceback" not in r.stderr, r.stderr.decode()
    return json.loads(r.stdout)["findings"]


def test_a_lone_cr_ends_a_line(tmp_path):
    """Old Mac line ends: MediaWiki saves a lone CR as a line end and editors show one; citelint put every
    finding of such a file on line 1 (``1:16`` for the reuse below, on line 2 column 6)."""
    page = tmp_path / "cr.wiki"
    page.write_bytes(b'Line one.\rText.<ref name="x" />\r<references />\r')
    found = check_json(page)
    assert [(f["rule"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in found] == [
        ("undefined-ref", 2, 6, 2, 22)]


def test_a_lone_cr_ends_a_line_on_stdin(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json",
                        "--stdin-filename", "cr.wiki", "-"], input=b'A.\r\rB.<ref name="x" />\r<references />',
                       capture_output=True, env=env, timeout=60)
    found = json.loads(r.stdout)["findings"]
    assert [(f["line"], f["column"]) for f in found] == [(3, 3)]


def test_a_message_quoting_a_line_break_stays_on_one_line(tmp_path):
    """An attribute name written over two lines went into the message as it was, and the text report
    showed one finding on two lines (``unknown attribute "0`` / ``0" on <ref>``)."""
    page = tmp_path / "t.wiki"
    page.write_bytes(b"{{#tag:ref|0\r0 =}}")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "text", str(page)],
                       capture_output=True, env=env, timeout=60)
    lines = r.stdout.decode().splitlines()
    assert lines and all(ln.startswith(f"{page}:1:1: CL") for ln in lines), lines
    assert any('unknown attribute "0 0" on <ref>' in ln for ln in lines), lines
