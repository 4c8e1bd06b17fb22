"""Golden tests for the text and JSON reports, and the CLI's exit statuses.

Regenerate the golden files after an intended change with ``CITELINT_UPDATE_GOLDEN=1 pytest tests/test_reports.py``
and review the diff.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
ARTICLE = "fixtures/golden/article.wiki"


def citelint(*args, input=None, env=None):
    e = dict(os.environ)
    e.pop("FORCE_COLOR", None)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "citelint", *args], cwd=REPO, capture_output=True, text=True,
                          input=input, env=e, timeout=120)


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CITELINT_UPDATE_GOLDEN"):
        path.write_text(actual)
    assert actual == path.read_text()


def test_text_report_golden():
    r = citelint("check", "--offline", "--format", "text", ARTICLE)
    assert r.returncode == 1
    golden("article.text", r.stdout)


def test_json_report_golden():
    r = citelint("check", "--offline", "--format", "json", ARTICLE)
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    assert doc["version"] == 1
    assert isinstance(doc["summary"].pop("elapsed_seconds"), float)
    for f in doc["findings"]:
        assert set(f) >= {"rule", "code", "severity", "message", "path", "line", "column", "end_line", "end_column"}
    golden("article.json", json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def test_rich_report_shows_source_and_summary():
    r = citelint("check", "--offline", ARTICLE, env={"NO_COLOR": "1"})
    assert r.returncode == 1
    assert "\x1b[" not in r.stdout  # no colour when piped
    assert "undefined-ref" in r.stdout and '<ref name="deleted" />' in r.stdout
    assert "^^^^" in r.stdout
    assert "4 findings" in r.stdout and "in 1 file" in r.stdout


def test_force_color_gives_ansi():
    r = citelint("check", "--offline", ARTICLE, env={"FORCE_COLOR": "1"})
    assert "\x1b[" in r.stdout


def test_exit_zero_when_clean(tmp_path):
    p = tmp_path / "clean.wiki"
    p.write_text("Fine.<ref>Smith 2001.</ref>\n\n== References ==\n{{reflist}}\n")
    r = citelint("check", "--offline", str(p))
    assert r.returncode == 0, r.stdout
    assert "No findings" in r.stdout


def test_fail_on_error_ignores_warnings(tmp_path):
    p = tmp_path / "warn.wiki"
    p.write_text("No list here.<ref>Smith 2001.</ref>\n")
    assert citelint("check", "--offline", str(p)).returncode == 1
    assert citelint("check", "--offline", "--fail-on", "error", str(p)).returncode == 0


def test_select_and_ignore():
    r = citelint("check", "--offline", "--format", "text", "--select", "CL1", ARTICLE)
    rules = {line.split()[2] for line in r.stdout.splitlines()}
    assert rules == {"undefined-ref"}
    r = citelint("check", "--offline", "--format", "text", "--ignore", "undefined-ref,CL2", ARTICLE)
    rules = {line.split()[2] for line in r.stdout.splitlines()}
    assert rules == {"missing-reflist"}
    r = citelint("check", "--select", "no-such-rule", ARTICLE)
    assert r.returncode == 2 and "unknown rule" in r.stderr and "Traceback" not in r.stderr


def test_stdin_with_filename():
    text = (REPO / ARTICLE).read_text()
    r = citelint("check", "--offline", "--format", "text", "--stdin-filename", "Golden.wiki", "-", input=text)
    assert r.returncode == 1
    assert r.stdout.startswith("Golden.wiki:2:28: CL101 undefined-ref")


def test_rules_and_rule_commands():
    r = citelint("rules")
    assert r.returncode == 0 and "undefined-ref" in r.stdout and "CL101" in r.stdout
    r = citelint("rule", "duplicate-ref")
    assert r.returncode == 0 and "Example" in r.stdout and "Fix" in r.stdout
    r = citelint("rule", "nope")
    assert r.returncode == 2
