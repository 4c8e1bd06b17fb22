"""The pre-commit hook, run by the real ``pre-commit`` on a temporary git repository of wiki articles.

``pre-commit try-repo`` clones this repository at its HEAD commit and installs citelint into a fresh
virtualenv from it, exactly as a wiki's ``.pre-commit-config.yaml`` would; pip takes citelint's
dependencies from the machine's configured index. The tests pin the committed HEAD (``--ref``) rather
than let try-repo copy uncommitted changes: what users install is what is committed, and a half-made
change to a tracked file in a shared checkout (importing a file not yet added) must not break the
hook's install here. So commit before expecting a change to show up in these two tests.
Nothing here is skipped: a missing prerequisite (git, pre-commit, a checkout, an index pip can reach)
fails the test with pre-commit's own output.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from citelint import __version__

REPO = Path(__file__).resolve().parents[1]

GOOD = """'''Gold''' is a metal.<ref name="smith">Smith, J. (2001). ''Gold''. Publisher.</ref>
It is soft.<ref name="smith" />

== References ==
{{reflist}}
"""

BAD = """'''Silver''' is a metal.<ref name="deleted" />
It tarnishes.<ref>Jones, K. (1999). ''Metals''.</ref>

== References ==
{{reflist}}
"""

# a .txt is not wikitext for the hook (README.txt, LICENSE.txt…): this one would fail if it were checked
NOTES = 'A note.<ref name="nowhere" />\n'


def _env(tmp_path: Path) -> dict:
    # the hook must run from its own virtualenv, not from this checkout through PYTHONPATH or an active venv
    dropped = ("FORCE_COLOR", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k not in dropped}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")  # a fresh store: the install is tested too
    env["NO_COLOR"] = "1"
    return env


def _run(args, cwd, env, timeout=600):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def wiki_repo(tmp_path: Path) -> tuple[Path, dict]:
    env = _env(tmp_path)
    assert shutil.which("git"), "git is needed to test the pre-commit hook"
    r = _run([sys.executable, "-m", "pre_commit", "--version"], REPO, env)
    assert r.returncode == 0, f"pre-commit is not installed (pip install -e '.[test]'):\n{r.stderr}"
    r = _run(["git", "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"], REPO, env)
    assert r.returncode == 0, f"{REPO} must be a git checkout with .pre-commit-hooks.yaml tracked:\n{r.stderr}"
    repo = tmp_path / "wiki"
    repo.mkdir()
    (repo / "Gold.wiki").write_text(GOOD)
    (repo / "Silver, the metal: a study.wiki").write_text(BAD)
    (repo / "notes.txt").write_text(NOTES)
    (repo / "drafts").mkdir()  # excluded by the wiki's configuration, though pre-commit names the file
    (repo / "drafts" / "Draft.wiki").write_text(BAD)
    (repo / "citelint.toml").write_text('exclude = ["drafts/"]\n')
    for cmd in (["git", "init", "-q"], ["git", "add", "."]):
        assert _run(cmd, repo, env).returncode == 0
    return repo, env


def _head(env: dict) -> str:
    r = _run(["git", "rev-parse", "HEAD"], REPO, env)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def _try_repo(repo: Path, env: dict, *files: str, hook: str = "citelint"):
    r = _run([sys.executable, "-m", "pre_commit", "try-repo", str(REPO), hook, "--ref", _head(env),
              "--color", "never", "--files", *files], repo, env)
    return r, r.stdout + r.stderr


def test_try_repo_fails_on_the_bad_article_and_shows_the_finding(wiki_repo):
    repo, env = wiki_repo
    bad = "Silver, the metal: a study.wiki"
    r, out = _try_repo(repo, env, "Gold.wiki", bad, "notes.txt")
    assert r.returncode == 1, out
    assert "citelint (citations)" in out and "Failed" in out, out
    assert "- exit code: 1" in out, out
    # the finding, with its place, rule and message, is shown to the committer
    column = BAD.index('<ref name="deleted"') + 1
    assert bad in out and f"1:{column}" in out and "CL101 undefined-ref" in out, out
    # (the report wraps messages to the width: read it with the line breaks taken out)
    assert 'reference "deleted" is used but never defined' in " ".join(out.split()), out
    assert "1 finding (1 error) in 2 files" in out, out  # Gold.wiki checked and clean; notes.txt not given
    assert "Gold.wiki" not in out.split("hook id: citelint", 1)[1], out
    assert "nowhere" not in out, out
    # (a passing run, and the configured exclude, are in the commit test below: each pre-commit run that
    # installs citelint takes seconds, so the tests share the work)


def _tagged_clone(tmp_path: Path, env: dict) -> tuple[Path, str]:
    """A clone of this checkout's HEAD, tagged with the release tag the README gives for `rev:`."""
    section = (REPO / "README.md").read_text(encoding="utf-8").split("\n## pre-commit\n", 1)[1].split("\n## ", 1)[0]
    [tag] = set(re.findall(r"`rev: (v[\w.]+)`", section))
    assert tag == f"v{__version__}", f"README.md's rev: {tag} is not this release's tag"
    clone = tmp_path / "citelint-clone"
    for cmd in (["git", "clone", "-q", "--no-checkout", str(REPO), str(clone)],
                ["git", "-C", str(clone), "tag", tag, _head(env)]):
        r = _run(cmd, tmp_path, env)
        assert r.returncode == 0, r.stderr
    return clone, tag


def test_wiki_config_blocks_a_commit(wiki_repo, tmp_path: Path):
    """The README's repo:/rev: form, pointed at a clone of this checkout tagged as the README says, installed
    as a git hook."""
    repo, env = wiki_repo
    clone, tag = _tagged_clone(tmp_path, env)
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {clone}\n"
        f"    rev: {tag}\n"
        "    hooks:\n"
        "      - id: citelint\n"
    )
    ident = ["-c", "user.name=Wiki Editor", "-c", "user.email=editor@example.org"]
    assert _run(["git", "add", ".pre-commit-config.yaml"], repo, env).returncode == 0
    r = _run([sys.executable, "-m", "pre_commit", "install"], repo, env)
    assert r.returncode == 0, r.stdout + r.stderr
    r = _run(["git", *ident, "commit", "-m", "Add articles"], repo, env)
    out = r.stdout + r.stderr
    assert r.returncode != 0, out  # the hook stopped the commit
    assert "CL101 undefined-ref" in out and "Silver, the metal: a study.wiki" in out, out
    assert "Draft.wiki" not in out, out
    assert _run(["git", "rev-parse", "--verify", "-q", "HEAD"], repo, env).returncode != 0  # nothing committed

    # fix the article: the commit goes through (the excluded draft is still broken)
    (repo / "Silver, the metal: a study.wiki").write_text(BAD.replace('<ref name="deleted" />',
                                                                      "<ref>Smith, J. (2001).</ref>"))
    assert _run(["git", "add", "."], repo, env).returncode == 0
    r = _run(["git", *ident, "commit", "-m", "Add articles"], repo, env)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert "citelint (citations)" in out and "Passed" in out, out
    assert _run(["git", "ls-files"], repo, env).stdout.splitlines() == [
        ".pre-commit-config.yaml", "Gold.wiki", "Silver, the metal: a study.wiki", "citelint.toml",
        "drafts/Draft.wiki", "notes.txt"]


DUPLICATED = GOOD.replace('It is soft.<ref name="smith" />', "It is soft.<ref>Smith, J. (2001). ''Gold''. Publisher.</ref>")


def test_fix_hook_fixes_and_fails_when_it_changed_a_file(wiki_repo):
    """The citelint-fix hook, run by the real pre-commit: it merges the duplicate, and pre-commit fails the
    hook because a file changed (as for a formatter); run again on the fixed file, it passes."""
    repo, env = wiki_repo
    assert DUPLICATED != GOOD
    (repo / "Copper.wiki").write_text(DUPLICATED)
    assert _run(["git", "add", "Copper.wiki"], repo, env).returncode == 0
    r, out = _try_repo(repo, env, "Copper.wiki", "Gold.wiki", hook="citelint-fix")
    assert r.returncode == 1, out
    assert "citelint --fix (citations)" in out and "Failed" in out and "files were modified by this hook" in out, out
    assert (repo / "Copper.wiki").read_text() == GOOD
    assert (repo / "Gold.wiki").read_text() == GOOD
    assert _run(["git", "add", "Copper.wiki"], repo, env).returncode == 0
    r, out = _try_repo(repo, env, "Copper.wiki", "Gold.wiki", hook="citelint-fix")
    assert r.returncode == 0 and "Passed" in out, out
