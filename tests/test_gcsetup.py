"""The garbage collector as a checking process sets it (citelint/gcsetup.py): the command's process and the
workers of --jobs; a program importing citelint keeps its own settings."""

from __future__ import annotations

import subprocess
import sys

from citelint import gcsetup


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          timeout=120).stdout.strip()


def test_for_checking_freezes_start_up_and_collects_the_youngest_less_often():
    out = _run("import gc; from citelint.gcsetup import for_checking, YOUNGEST; before = gc.get_threshold(); "
               "for_checking(); print(before[0], gc.get_threshold()[0] == YOUNGEST, gc.get_freeze_count() > 0, "
               "gc.get_threshold()[1:] == before[1:])")
    assert out == "700 True True True"


def test_a_larger_threshold_or_a_disabled_collector_is_kept():
    out = _run("import gc; gc.set_threshold(10**6, 3, 4); from citelint.gcsetup import for_checking; "
               "for_checking(); print(gc.get_threshold()); gc.set_threshold(0); for_checking(); "
               "print(gc.get_threshold()[0])")
    assert out.splitlines() == ["(1000000, 3, 4)", "0"]


def test_importing_citelint_and_checking_a_page_leaves_the_collector_alone():
    out = _run("import gc; from citelint.engine import check_document; from citelint.model import Document; "
               "from citelint.settings import Settings; check_document(Document('a.wiki', 'x<ref>a</ref>', "
               "'wikitext'), Settings()); print(gc.get_threshold()[0], gc.get_freeze_count())")
    assert out == "700 0"


def _threshold(_=None) -> int:
    import gc

    return gc.get_threshold()[0]


def test_the_workers_of_jobs_are_set_for_checking():
    from citelint.parallel import _pool

    with _pool(2) as pool:
        assert set(pool.map(_threshold, range(4))) == {gcsetup.YOUNGEST}


def test_the_check_command_sets_it(tmp_path):
    page = tmp_path / "a.wiki"
    page.write_text("x<ref>a</ref>\n<references/>\n", encoding="utf-8")
    out = _run("import gc, sys\nfrom citelint.cli import main\n"
               f"sys.argv = ['citelint', 'check', '--offline', '--format', 'json', {str(page)!r}]\n"
               "try:\n    main()\nexcept SystemExit as e:\n"
               "    print('exit', e.code, gc.get_threshold()[0], gc.get_freeze_count() > 0)\n")
    assert out.splitlines()[-1] == f"exit 0 {gcsetup.YOUNGEST} True"


def test_the_dask_workers_of_a_cluster_citelint_starts_are_set_and_an_existing_clusters_left_alone():
    import pytest

    pytest.importorskip("distributed", reason="the test extra installs dask[distributed]")
    from citelint.dask_engine import DaskEngine, local_cluster

    engine = DaskEngine(None, 2)
    try:
        assert set(engine.client.run(_threshold).values()) == {gcsetup.YOUNGEST}
    finally:
        engine.close()
    with local_cluster(1) as cluster:
        engine = DaskEngine(cluster.scheduler_address, 1)
        try:
            assert set(engine.client.run(_threshold).values()) == {700}
        finally:
            engine.close()
