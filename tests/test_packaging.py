"""What is published: the sdist and the wheel, built by the real ``python -m build`` from a copy of this
checkout (the wheel from the sdist, as a release does), hold the package and its data and none of the test
data; the installed wheel runs from outside the repository with its own citelint/data/templates.toml; and
the distribution has its own name (``citelint`` on PyPI is an unrelated LaTeX tool)."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import citelint
from citelint.links.config import DEFAULT_USER_AGENT
from paths import REPO, SEED, need

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
NAME = PYPROJECT["project"]["name"]


def test_the_distribution_has_a_name_of_its_own():
    assert NAME == citelint.DISTRIBUTION == "citelint-wiki"
    assert PYPROJECT["project"]["version"] == citelint.__version__
    assert PYPROJECT["project"]["scripts"] == {"citelint": "citelint.cli:main"}  # the command keeps its name
    assert DEFAULT_USER_AGENT.endswith(f"(citation checker; +https://pypi.org/project/{NAME}/)")
    # the README installs and names that distribution, never the other one
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pypi.org/project/citelint/" not in readme and f"pypi.org/project/{NAME}/" in readme
    assert "pip install citelint\n" not in readme and "pip install -U citelint" not in readme


def test_sdist_has_the_package_and_no_test_data(dists):
    sdist, _ = dists
    assert sdist.name == f"{NAME.replace('-', '_')}-{citelint.__version__}.tar.gz"
    with tarfile.open(sdist) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    assert {"pyproject.toml", "README.md", "citelint/__init__.py", "citelint/data/templates.toml"} <= names
    assert not [n for n in names if n.startswith(("tests/", "fixtures/", "bench/"))]


def test_wheel_has_only_the_package_and_its_data(dists):
    _, wheel = dists
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta = zf.read(f"{NAME.replace('-', '_')}-{citelint.__version__}.dist-info/METADATA").decode()
    assert {n.split("/")[0] for n in names} == {"citelint", f"{NAME.replace('-', '_')}-{citelint.__version__}.dist-info"}
    assert "citelint/data/templates.toml" in names
    assert f"Name: {NAME}\n" in meta and f"Version: {citelint.__version__}\n" in meta


def test_installed_wheel_runs_on_its_own_data(dists, tmp_path):
    """Installed (without its dependencies, which this environment has) in a folder of its own and run from
    an empty folder: it imports from there, finds its templates file there, and checks the seed page."""
    _, wheel = dists
    site = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (site / "citelint" / "data" / "templates.toml").is_file()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FORCE_COLOR")}
    env["PYTHONPATH"] = str(site)
    work = tmp_path / "work"
    work.mkdir()
    (work / "page.wiki").write_text("Text.<ref>Smith 2001.</ref>\n{{Verwysings}}\n", encoding="utf-8")
    probe = ("import citelint, citelint.parsers.templates as t, importlib.metadata as m; "
             "print(citelint.__file__); print(m.version('citelint-wiki'))")
    r = subprocess.run([sys.executable, "-c", probe], cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    where, version = r.stdout.split()
    assert Path(where).is_relative_to(site) and version == citelint.__version__
    # {{Verwysings}} is a reference list only through the installed templates.toml: no missing-reflist
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--isolated", "--format", "text",
                        "page.wiki", str(need(SEED))], cwd=work, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "page.wiki" not in r.stdout, r.stdout
    assert f"{SEED}:17:126: CL101 undefined-ref" in r.stdout, r.stdout
