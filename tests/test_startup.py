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
