"""The test data is in the repository and accounted for: every file under tests/data is listed in
tests/data/SOURCES.md with its source and licence, and every file listed there is present."""

import re

from paths import DATA, FIXTURES, REPO, need


def _listed() -> set[str]:
    text = need(DATA / "SOURCES.md").read_text(encoding="utf-8")
    names, section = set(), None
    for line in text.splitlines():
        m = re.match(r"## (corpus/\w+|schemas)/", line)
        if m:
            section = m.group(1)
        elif line.startswith("## "):
            section = None
        cell = re.match(r"\| ([\w./-]+\.[\w.]+) \|", line)
        if cell and cell.group(1) != "file":
            name = cell.group(1)
            names.add(name if name.startswith("fixtures/") or section is None else f"{section}/{name}")
    return names


def test_every_listed_file_is_present():
    listed = _listed()
    assert len(listed) > 30
    for name in sorted(listed):
        need(REPO / name if name.startswith("fixtures/") else DATA / name)


def test_every_data_file_is_listed():
    present = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file()} - {"SOURCES.md"}
    assert present, "tests/data is empty"
    assert sorted(present - _listed()) == []


def test_seed_page_is_in_fixtures():
    assert need(FIXTURES / "khojaly-massacre.military-wiki.txt").stat().st_size > 40_000
