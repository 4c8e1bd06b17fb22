"""Multistream dumps read in parallel by their index, --resume, --engine dask: real dumps built from the
corpus (tests/multistream_build.py), real CLI subprocesses, a real Dask LocalCluster."""

from __future__ import annotations

import bz2
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from multistream_build import build
from paths import REPO

PAGES, PER_STREAM = 180, 30  # six streams of pages, a header stream and a closing one


def cli(*args, cwd, timeout=120, **kw):
    return subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=timeout, **kw)


def findings(proc) -> list:
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ms")
    path, index, plain = build(folder, PAGES, PER_STREAM)
    (folder / "plain.xml").write_bytes(plain)
    # the uninterrupted, unparallel reference: the dump streamed in one process, as without an index
    ref = cli(path.name, "--no-index", "-j", "1", cwd=folder)
    return folder, path, index, findings(ref), json.loads(ref.stdout)["summary"]


def test_reference_has_findings_on_pages_with_colons(dump):
    _, _, _, ref, summary = dump
    assert summary["pages_checked"] == PAGES
    assert ref and all(": copy " in f["page"] for f in ref)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_multistream_same_findings_as_streaming(dump, jobs):
    folder, path, index, ref, summary = dump
    proc = cli(path.name, "-j", jobs, cwd=folder)
    assert findings(proc) == ref
    out = json.loads(proc.stdout)["summary"]
    assert (out["pages_checked"], out["revisions_checked"]) == (summary["pages_checked"], summary["revisions_checked"])


def test_without_index_streams_as_before(dump, tmp_path):
    folder, path, index, ref, _ = dump
    alone = tmp_path / path.name  # no index beside it: a plain .bz2, streamed
    shutil.copy(path, alone)
    assert findings(cli(alone.name, "-j", "2", cwd=tmp_path)) == ref
    # --index names one that is elsewhere
    assert findings(cli(alone.name, "-j", "2", "--index", str(index), cwd=tmp_path)) == ref


def test_index_parsing_titles_with_colons(dump, tmp_path):
    from citelint.multistream import plan, read_offsets

    folder, path, index, _, _ = dump
    lines = bz2.decompress(index.read_bytes()).decode().splitlines()
    assert len(lines) == PAGES and all(line.count(":") >= 3 for line in lines)
    offsets = read_offsets(str(index))
    assert len(offsets) == PAGES // PER_STREAM and offsets == sorted(set(offsets))
    p = plan(str(path), str(index))
    whole = [u for u in p.units if u.parts == 1]
    halves = [u for u in p.units if u.parts == 2]
    # a small dump: one stream per unit, the last two read as two halves of their pages each
    assert [u.start for u in whole] == offsets[:-2] and [u.start for u in halves] == sorted(offsets[-2:] * 2)
    assert [(u.first, u.stop) for u in halves] == [(0, PER_STREAM // 2), (PER_STREAM // 2, None)] * 2
    assert len({u.key for u in p.units}) == len(p.units)
    assert p.units[-1].end is None and all(a.end in (b.start, b.end) for a, b in zip(p.units, p.units[1:]))
    assert b"<siteinfo>" in p.header and b"<page" not in p.header


def test_short_index_still_reads_every_page(dump, tmp_path):
    folder, path, index, ref, _ = dump
    lines = bz2.decompress(index.read_bytes()).decode().splitlines(keepends=True)
    shutil.copy(path, tmp_path / path.name)
    (tmp_path / index.name).write_text("".join(lines[: PAGES // 2]))  # the second half of the lines lost
    assert findings(cli(path.name, "-j", "2", cwd=tmp_path)) == ref


@pytest.mark.parametrize("extra", [1, 3])
def test_halves_read_every_page_once_whatever_the_index_counts(dump, tmp_path, extra):
    """The last units are read as two halves of their pages, cut where the index's count of them says; an
    index that lists a stream's pages too often (each line ``extra`` more times) moves the cut, past the end
    of the stream even: every page is still read once, and the findings are the streamed run's."""
    from citelint.multistream import plan

    folder, path, index, ref, _ = dump
    lines = bz2.decompress(index.read_bytes()).decode().splitlines(keepends=True)
    shutil.copy(path, tmp_path / path.name)
    (tmp_path / index.name).write_text("".join(line * (1 + extra) for line in lines))
    halves = [u for u in plan(str(tmp_path / path.name)).units if u.parts == 2]
    assert [u.first for u in halves] == [0, PER_STREAM * (1 + extra) // 2] * 2
    assert findings(cli(path.name, "-j", "2", cwd=tmp_path)) == ref
    assert findings(cli(path.name, "-j", "1", cwd=tmp_path)) == ref


def test_a_page_tag_cut_across_two_pieces_is_found_once():
    """``multistream._pages`` cuts a unit's XML at its pages' tags whatever the decompressor's pieces are: the
    halves, joined, are the XML, each starts at a tag and holds its pages (pieces of 1 to 700 bytes, tags with
    a namespace prefix, text before the first page and after the last)."""
    import random

    from citelint.multistream import _PAGE_TAG, _pages

    rnd = random.Random(7)
    for _ in range(1500):
        n = rnd.randint(2, 8)
        xml = b"".join(b" " * rnd.randint(0, 5) + rnd.choice([b"<page>", b"<page >", b"<mw:page\n"])
                       + b"x" * rnd.randint(0, 600) + b"</page>" for _ in range(n)) + rnd.choice([b"", b"\n</mediawiki>"])
        pieces, i = [], 0
        while i < len(xml):
            k = rnd.randint(1, 700)
            pieces.append(xml[i:i + k])
            i += k
        for parts in (2, 3):
            if n < parts:
                continue
            cuts = [n * i // parts for i in range(parts)] + [None]
            got = [b"".join(_pages(iter(pieces), cuts[i], cuts[i + 1])) for i in range(parts)]
            assert b"".join(got) == xml
            assert [len(_PAGE_TAG.findall(g)) for g in got] == [(c if c is not None else n) - a
                                                                for a, c in zip(cuts, cuts[1:])]
            assert all(g.startswith(b"<") for g in got[1:])


@pytest.mark.parametrize("damage, message", [
    (lambda lines: lines[:3] + ["garbage without fields\n"] + lines[3:], "line 4: 'garbage without fields' is not offset:page_id:title"),
    (lambda lines: ["99999999:1:Far: away\n"] + lines, "offset 99999999 is past the end of"),
    (lambda lines: [f"{int(lines[60].split(':')[0]) + 7}:1:Off: by seven\n"] + lines, "is not the start of a bz2 stream"),
    (lambda lines: [], "the index lists no streams"),
])
def test_corrupt_index_is_a_clear_error(dump, tmp_path, damage, message):
    folder, path, index, _, _ = dump
    lines = bz2.decompress(index.read_bytes()).decode().splitlines(keepends=True)
    shutil.copy(path, tmp_path / path.name)
    bad = tmp_path / index.name
    bad.write_bytes(bz2.compress("".join(damage(lines)).encode()))
    proc = cli(path.name, "-j", "2", cwd=tmp_path)
    assert proc.returncode == 2
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"citelint: error: {bad.name}: ") and message in err[0], proc.stderr
    assert "Traceback" not in proc.stderr


# -- --resume -------------------------------------------------------------------------------------

def _units_done(state: Path) -> int:
    try:
        with sqlite3.connect(f"file:{state}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM units").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_resume_after_sigkill_gives_the_uninterrupted_report(dump, tmp_path):
    folder, path, index, ref, summary = dump
    state = tmp_path / "state.sqlite"
    args = [sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", "-j", "1",
            "--resume", str(state), path.name]
    proc = subprocess.Popen(args, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _units_done(state) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed part-way"
    done = _units_done(state)
    assert 2 <= done < PAGES // PER_STREAM
    again = cli("-j", "2", "--resume", str(state), path.name, cwd=folder)
    assert findings(again) == ref
    assert json.loads(again.stdout)["summary"]["pages_checked"] == summary["pages_checked"]
    assert f"resumed: {done} unit(s) of work taken from the state file" in again.stderr


def test_resume_of_folder_and_streamed_dump(dump, tmp_path):
    from paths import CORPUS

    folder, path, index, ref, _ = dump
    wiki = tmp_path / "wiki"
    shutil.copytree(CORPUS / "wikitext", wiki)
    for f in sorted(wiki.iterdir())[:3]:
        f.unlink() if f.stat().st_size > 200_000 else None
    state = tmp_path / "s.sqlite"
    plain = folder / "plain.xml"
    first = cli("--resume", str(state), str(wiki), str(plain), cwd=tmp_path, timeout=300)
    again = cli("--resume", str(state), str(wiki), str(plain), cwd=tmp_path, timeout=300)
    fresh = cli(str(wiki), str(plain), cwd=tmp_path, timeout=300)
    assert findings(first) == findings(again) == findings(fresh)
    assert "resumed:" in again.stderr and "0 checked now" in again.stderr


def test_resume_refuses_another_runs_state(dump, tmp_path):
    folder, path, index, _, _ = dump
    state = tmp_path / "state.sqlite"
    assert cli("--resume", str(state), "plain.xml", cwd=folder).returncode in (0, 1)
    for args, why in ((["--select", "missing-reflist", "plain.xml"], "other options"),
                      ([path.name], "other inputs")):
        proc = cli("--resume", str(state), *args, cwd=folder)
        assert proc.returncode == 2
        assert proc.stderr.startswith(f"citelint: error: {state}: this state file is from another run") \
            and why in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    copy = tmp_path / "plain.xml"
    shutil.copy(folder / "plain.xml", copy)
    assert cli("--resume", str(tmp_path / "t.sqlite"), str(copy), cwd=folder).returncode in (0, 1)
    with open(copy, "ab") as fh:
        fh.write(b"\n")
    proc = cli("--resume", str(tmp_path / "t.sqlite"), str(copy), cwd=folder)
    assert proc.returncode == 2 and "an input changed since" in proc.stderr


# -- --engine dask --------------------------------------------------------------------------------

def test_dask_local_cluster_same_findings(dump, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the test extra installs dask[distributed]")
    folder, path, index, ref, _ = dump
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        proc = cli("--engine", "dask", "--scheduler", cluster.scheduler_address, path.name, cwd=folder)
        assert findings(proc) == ref
        out = tmp_path / "parts"
        proc = cli("--engine", "dask", "--scheduler", cluster.scheduler_address, "--output-dir", str(out),
                   path.name, cwd=folder)
        assert proc.returncode == 1, proc.stderr
        parts = sorted(out.glob("part-*.jsonl"))
        # one part per unit: the last two units are read in halves (multistream.Unit.split)
        assert len(parts) == PAGES // PER_STREAM + 2 and len({p.name for p in parts}) == len(parts)
        written = [json.loads(line) for p in parts for line in p.read_text().splitlines()]
        assert written == ref


def test_dask_cluster_of_its_own_same_findings_quiet_workers(dump):
    """Without --scheduler, the run starts its own cluster (dask_engine.local_cluster): single-threaded
    worker processes without the statistical profiler, which samples a running task's stack every 10 ms."""
    distributed = pytest.importorskip("distributed", reason="the test extra installs dask[distributed]")
    from citelint.dask_engine import local_cluster

    folder, path, _, ref, _ = dump
    proc = cli("--engine", "dask", "-j", "2", path.name, cwd=folder)
    assert findings(proc) == ref
    with local_cluster(2) as cluster, distributed.Client(cluster) as client:
        workers = client.run(lambda dask_worker: (dask_worker.state.nthreads, sorted(dask_worker.periodic_callbacks)))
    assert len(workers) == 2
    for nthreads, callbacks in workers.values():
        assert nthreads == 1
        assert "profile" not in callbacks and "profile-cycle" not in callbacks


def test_dask_missing_says_how_to_install(dump, tmp_path):
    folder, path, _, _, _ = dump
    (tmp_path / "distributed.py").write_text("raise ImportError('no dask here')\n")
    env = dict(os.environ, PYTHONPATH=f"{tmp_path}{os.pathsep}{REPO}")
    proc = cli("--engine", "dask", path.name, cwd=folder, env=env)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "citelint: error: --engine dask needs Dask's distributed scheduler: pip install 'citelint-wiki[dask]'"]


# -- with the link pass ---------------------------------------------------------------------------

def test_links_checked_from_workers_and_from_a_resumed_state(tmp_path):
    """Worker processes collect each page's cited URLs for the main process's link pass: online, the same
    findings as streaming (dead links, a suppression that silences one); offline, the suppressions around
    cited URLs are still not reported unused. A resumed run takes the URLs from the state file."""
    from links_server import Server, can_bind, free_port, ok, status

    from multistream_build import wiki_page

    if not can_bind("127.0.0.2"):
        pytest.skip("needs the loopback address 127.0.0.2")
    a = Server("127.0.0.2", {"/ok": ok(), "/missing": status(404)}).start()
    try:
        refused = f"http://127.0.0.2:{free_port('127.0.0.2')}/down"
        texts = [
            f"Dead.<ref>{a.url('/missing')}?q=1</ref> Fine.<ref>[{a.url('/ok')} ok]</ref>\n<references/>\n",
            f"<!-- citelint-disable-next-line -->\nA.<ref>{a.url('/missing')}?s</ref>\n"
            f"<!-- citelint-disable-next-line -->\nB.<ref>{a.url('/ok')}?s</ref>\n<references/>\n",
            f"Refused.<ref>{{{{cite web |url={refused} |title=R}}}}</ref>\n<references/>\n",
        ]
        dump, _, _ = build(tmp_path, 40, 8, [wiki_page(f"Links: {i}", t) for i, t in enumerate(texts)])
        online = ["--allow-private-hosts", "--no-cache", "--format", "json"]

        def run(*args):
            proc = subprocess.run([sys.executable, "-m", "citelint", "check", *args, dump.name], cwd=tmp_path,
                                  capture_output=True, text=True, timeout=120)
            return findings(proc)

        ref = run(*online, "--no-index", "-j", "1")
        assert {f["rule"] for f in ref} >= {"dead-link", "unused-suppression"}
        assert run(*online, "-j", "2") == ref
        state = tmp_path / "links.sqlite"
        assert run(*online, "-j", "2", "--resume", str(state)) == ref
        assert run(*online, "-j", "1", "--resume", str(state)) == ref  # every unit from the state file
        off = ["--offline", "--format", "json"]
        ref_off = run(*off, "--no-index")
        assert run(*off, "-j", "2") == ref_off
        assert run(*off, "--resume", str(tmp_path / "off.sqlite")) == ref_off
        assert run(*off, "--resume", str(tmp_path / "off.sqlite")) == ref_off
    finally:
        a.stop()


def test_unusable_state_files_are_one_line_errors(tmp_path):
    (tmp_path / "a.wiki").write_text("A.<ref>x</ref>\n")
    (tmp_path / "notdb").write_text("hello\n")
    for args, message in (
            (["--resume", "nope/s.sqlite", "a.wiki"], "nope/s.sqlite: no such folder"),
            (["--resume", "notdb", "a.wiki"], "notdb: not a citelint state file"),
            (["--resume", ".", "a.wiki"], ".: is a directory"),
            (["--resume", "s.sqlite", "-"], "--resume cannot resume standard input")):
        proc = cli(*args, cwd=tmp_path, input="x")
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
        assert proc.stderr.startswith("citelint: error: ") and message in proc.stderr, proc.stderr


def test_resume_after_a_resume_keeps_each_file_its_own_findings(tmp_path):
    """A unit replayed from the state takes no place in the tags the later units are recorded by: files
    checked after a replayed one are recorded under their own names, so a third run gives the fresh report."""
    wiki = tmp_path / "wiki"
    wiki.mkdir()
    page = "Text.<ref>{{cite web |url=http://a.example/%s |title=T%s}}</ref> again<ref>{{cite web |url=http://a.example/%s |title=T%s}}</ref>\n{{reflist}}\n"
    (wiki / "a.wiki").write_text(page % ("a", "a", "a", "a"))
    state = tmp_path / "s.sqlite"
    first = cli("--resume", str(state), "wiki", cwd=tmp_path)
    assert len(findings(first)) == 1
    (wiki / "b.wiki").write_text(page % ("b", "b", "b", "b"))
    (wiki / "c.wiki").write_text("No refs here.\n" + page % ("c", "c", "c", "c"))
    second = cli("--resume", str(state), "wiki", cwd=tmp_path)
    third = cli("--resume", str(state), "wiki", cwd=tmp_path)
    fresh = cli("wiki", cwd=tmp_path)
    assert [(f["path"], f["line"]) for f in findings(fresh)] == [
        (str(Path("wiki") / n), line) for n, line in (("a.wiki", 1), ("b.wiki", 1), ("c.wiki", 2))]
    assert findings(second) == findings(fresh)
    assert findings(third) == findings(fresh)
    assert "0 checked now" in third.stderr
