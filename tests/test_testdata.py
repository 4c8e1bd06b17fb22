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


def _suite_without_data(tmp_path, *keep: str):
    """A copy of the test suite (code only: tests/*.py, tests/conformance, pyproject.toml for the pytest
    settings) with no tests/data and no fixtures, plus the data folders named in ``keep``, created empty."""
    import shutil

    root = tmp_path / "repo"
    (root / "tests").mkdir(parents=True)
    for p in (REPO / "tests").glob("*.py"):
        shutil.copy(p, root / "tests" / p.name)
    shutil.copytree(REPO / "tests" / "conformance", root / "tests" / "conformance")
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    for folder in keep:
        (root / folder).mkdir(parents=True)
    return root


def _pytest(root, *files):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS")}
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfE", *files],
                       cwd=root, capture_output=True, text=True, timeout=300, env=env)
    return r, r.stdout + r.stderr


def test_missing_data_fails_each_test_naming_the_file(tmp_path):
    """With tests/data gone, the data tests are collected and fail naming what is missing: no collection
    error that stops the run, no skip, no AttributeError from a read error passed on as a document."""
    root = _suite_without_data(tmp_path)
    r, out = _pytest(root, "tests/test_conformance.py", "tests/test_corpus.py", "tests/test_wikitext.py")
    assert r.returncode == 1, out  # 1: tests failed (2 would be a collection error, 5 no test collected)
    corpus = root / "tests" / "data" / "corpus"
    assert f"test data missing: {corpus / 'conformance' / 'cite_cases.jsonl'}" in out, out
    assert f"test data missing: {corpus / 'wikitext' / 'wtf__Bazooka.wiki'}" in out, out
    assert f"test data missing: no file matches {corpus / 'wikitext' / '*.wiki'}" in out, out
    assert "FAILED tests/test_wikitext.py::test_spans_are_exact_on_real_pages[*.wiki]" in out, out
    assert "error" not in out.splitlines()[-1] and "skipped" not in out, out
    assert "AttributeError" not in out and "Traceback" not in out, out


def test_an_emptied_data_folder_fails_rather_than_collecting_no_test(tmp_path):
    root = _suite_without_data(tmp_path, "tests/data/corpus/wikitext", "fixtures/rules")
    r, out = _pytest(root, "tests/test_wikitext.py::test_spans_are_exact_on_real_pages",
                     "tests/test_rules.py::test_fixture")
    assert r.returncode == 1, out
    assert "2 failed" in out.splitlines()[-1], out
    assert f"no file matches {root / 'tests' / 'data' / 'corpus' / 'wikitext' / '*.wiki'}" in out, out
    assert f"no file matches {root / 'fixtures' / 'rules' / '*.wiki'}" in out, out


def test_nothing_refers_to_a_folder_beside_the_repository():
    """No test, benchmark, script or document reaches outside the repository for data (the test data used
    to live in a folder beside the repository, named directly or through an environment variable)."""
    import subprocess

    needles = ["../" + "shared", "CITELINT_" + "SHARED", "/work/" + "shared"]
    args = [a for n in needles for a in ("-e", n)]
    r = subprocess.run(["git", "grep", "-n", "-F", *args, "--", ".", ":!tests/data"], cwd=REPO,
                       capture_output=True, text=True)
    assert r.returncode == 1 and r.stdout == "", r.stdout or r.stderr  # 1: git grep found nothing
