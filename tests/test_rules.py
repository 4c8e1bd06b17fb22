"""Each rule against its fixture: fixtures/rules/<rule>.<ext>, with the expected findings beside their lines.

Wikitext fixtures mark a line with ``<!-- expect: rule-name -->`` (an HTML comment, invisible to the
parser's rules); plain-text fixtures list ``line:column rule`` in a sidecar ``.expected`` file. All rules
run, so a fixture also proves that nothing else is reported.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from citelint.engine import check_document
from citelint.rules import RULES
from citelint.settings import Settings
from citelint.sources import read_document

from paths import FIXTURES as ALL_FIXTURES
from paths import data_files, need, read_data

FIXTURES = ALL_FIXTURES / "rules"
EXPECT = re.compile(r"<!-- expect: ([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*) -->")
OFFLINE_RULES = [r for r in RULES if not getattr(r, "network", False)]


def fixture_files():
    files = [p for p in data_files(FIXTURES, "*") if p.suffix in (".wiki", ".txt")]
    return files or [FIXTURES / "*.wiki"]  # none: one test that fails naming the folder


def expectations(path: Path) -> set[tuple]:
    sidecar = path.with_suffix(".expected")
    if sidecar.exists():
        out = set()
        for line in read_data(sidecar).splitlines():
            if line.strip() and not line.startswith("#"):
                pos, rule = line.split()
                ln, col = pos.split(":")
                out.add((int(ln), int(col), rule))
        return out
    out = set()
    for n, line in enumerate(read_data(path).splitlines(), 1):
        m = EXPECT.search(line)
        if m:
            for rule in m.group(1).split(","):
                out.add((n, None, rule.strip()))
    return out


#: a fixture's own settings, on its first line: ``<!-- fixture-settings: max-page-size = 300 -->``
FIXTURE_SETTINGS = re.compile(r"<!-- fixture-settings: (.*?) -->")


def fixture_settings(path: Path) -> Settings:
    with open(path, encoding="utf-8") as fh:
        m = FIXTURE_SETTINGS.search(fh.readline())
    if m is None:
        return Settings()
    values = {}
    for item in m.group(1).split(","):
        key, _, value = item.partition("=")
        values[key.strip().replace("-", "_")] = int(value) if value.strip().isdigit() else float(value)
    return Settings(**values)


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: p.name)
def test_fixture(path: Path):
    settings = fixture_settings(need(path))
    doc = read_document(str(path), max_size=settings.max_page_size)
    findings = check_document(doc, settings)
    expected = expectations(path)
    with_col = any(col is not None for _, col, _ in expected)
    got = {(f.line, f.column if with_col else None, f.rule) for f in findings}
    assert got == expected, "\n".join(f"{f.line}:{f.column} {f.rule} {f.message}" for f in findings)


@pytest.mark.parametrize("rule", OFFLINE_RULES, ids=lambda r: r.name)
def test_rule_has_docs_and_fixture(rule):
    doc = inspect.cleandoc(rule.__doc__ or "")
    assert len(doc.splitlines()) > 5 and "Example" in doc and "Fix" in doc, f"{rule.name}: docstring incomplete"
    assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", rule.name)
    assert re.fullmatch(r"CL\d{3}", rule.code)
    files = [p for p in fixture_files() if p.stem == rule.name]
    assert files, f"{rule.name} has no fixture in fixtures/rules/"
    assert any(r == rule.name for p in files for _, _, r in expectations(p)), "fixture expects no finding of its rule"


def test_names_and_codes_unique():
    assert len({r.name for r in RULES}) == len(RULES)
    assert len({r.code for r in RULES}) == len(RULES)
