"""Bad input: one clear line on stderr naming the file, exit 2, no traceback, other files still checked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def citelint(*args, cwd=None):
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "text", *args],
                          cwd=cwd or REPO, capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.wiki"
    p.write_text('Text.<ref name="x" />\n\n{{reflist}}\n')  # one true finding: undefined-ref
    return p


CASES = {
    "binary.wiki": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    "latin1.wiki": ("Caf\xe9 <ref>x</ref>".encode("latin-1"), "not valid UTF-8"),
    "empty.wiki": (b"", "empty file"),
    "blank.txt": (b"  \n\n", "empty file"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_unreadable_file(tmp_path, good, name):
    data, words = CASES[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    r = citelint(str(bad), str(good))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and words in lines[0], r.stderr
    assert "Traceback" not in r.stderr
    assert "undefined-ref" in r.stdout  # the good file was still checked


def test_missing_path(good, tmp_path):
    r = citelint(str(tmp_path / "nope.wiki"), str(good))
    assert r.returncode == 2
    assert "nope.wiki" in r.stderr and "no such file" in r.stderr and "Traceback" not in r.stderr
    assert "undefined-ref" in r.stdout


def test_folder_without_wiki_files(tmp_path, good):
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    (empty / "notes.md").write_text("# not wiki")
    r = citelint(str(empty), str(good))
    assert r.returncode == 2
    assert "empty_dir" in r.stderr and "no wiki files" in r.stderr
    assert "undefined-ref" in r.stdout


def test_folder_is_walked_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.wiki").write_text('X.<ref name="q" />\n{{reflist}}\n')
    (tmp_path / "a" / "page.txt").write_text("Plain text with no markers.\n")
    r = citelint(str(tmp_path))
    assert r.returncode == 1 and "deep.wiki:1:3: CL101 undefined-ref" in r.stdout


def test_no_paths_is_usage_error():
    r = subprocess.run([sys.executable, "-m", "citelint", "check"], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_pathological_page_does_not_hang(tmp_path):
    p = tmp_path / "worst.wiki"
    p.write_text("<ref>never closed " * 30000 + "{{" * 30000 + "[[" * 30000)
    r = citelint(str(p))
    assert r.returncode == 1 and "malformed-ref" in r.stdout


def test_wikitext_saved_as_txt_is_read_as_wikitext(tmp_path):
    p = tmp_path / "article.txt"
    p.write_text('Text.<ref name="x" />\n\n{{reflist}}\n')
    r = citelint(str(p))
    assert r.returncode == 1 and "undefined-ref" in r.stdout
