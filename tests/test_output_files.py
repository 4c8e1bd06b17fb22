"""Writing files: ``--output`` and ``--write-baseline`` on symlinks, FIFOs, devices, and after a SIGKILL.

Real processes of the CLI, a real FIFO with a reader thread, the real /dev/null and /dev/full, real
symbolic links, and a child process really killed with SIGKILL in the middle of a write.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

PAGE = 'A.<ref name="x"/>\n<references/>\n'  # one undefined-ref (error): exit 1


def citelint(*args, cwd, timeout=60):
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    return subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--jobs", "1", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=timeout)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "a.wiki").write_text(PAGE)
    return tmp_path / "proj"


def _temps(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


# -- symbolic links ------------------------------------------------------------------------------

def test_output_through_a_symlink_replaces_its_target_atomically_and_keeps_the_link(project, tmp_path):
    elsewhere = tmp_path / "reports"
    elsewhere.mkdir()
    target = elsewhere / "report.json"
    target.write_text("old report\n")
    target.chmod(0o640)
    before = target.stat().st_ino
    (project / "out.json").symlink_to(target)
    r = citelint("--format", "json", "a.wiki", "--output", "out.json", cwd=project)
    assert r.returncode == 1, r.stderr
    link = project / "out.json"
    assert link.is_symlink() and os.readlink(link) == str(target)
    data = json.loads(target.read_text())
    assert [f["rule"] for f in data["findings"]] == ["undefined-ref"]
    assert target.stat().st_ino != before  # a new file put in place by rename, not rewritten in place
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # permissions kept
    assert _temps(elsewhere) == [] and _temps(project) == []


def test_output_through_a_dangling_symlink_creates_its_target(project, tmp_path):
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "new.txt"
    (project / "out.txt").symlink_to(target)
    r = citelint("--format", "text", "a.wiki", "--output", "out.txt", cwd=project)
    assert r.returncode == 1, r.stderr
    assert (project / "out.txt").is_symlink() and "undefined-ref" in target.read_text()


def test_write_baseline_through_a_symlink_keeps_the_link(project, tmp_path):
    (tmp_path / "shared").mkdir()
    target = tmp_path / "shared" / "baseline.json"
    target.write_text("{}\n")
    (project / "citelint-baseline.json").symlink_to(target)
    r = citelint("a.wiki", "--write-baseline", "citelint-baseline.json", cwd=project)
    assert r.returncode == 0, r.stderr
    assert (project / "citelint-baseline.json").is_symlink()
    assert json.loads(target.read_text())["entries"]
    # and it reads back through the link: nothing new
    assert citelint("a.wiki", "--baseline", "citelint-baseline.json", cwd=project).returncode == 0


# -- FIFOs and devices: streamed to, never replaced ------------------------------------------------

def test_output_to_a_fifo_streams_to_the_reader_and_keeps_the_fifo(project):
    fifo = project / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = citelint("--format", "json", "a.wiki", "--output", str(fifo), cwd=project)
    reader.join(10)
    assert r.returncode == 1, r.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [f["rule"] for f in json.loads(got[0])["findings"]] == ["undefined-ref"]
    assert _temps(project) == []


def test_output_to_dev_null_keeps_the_device(project):
    r = citelint("--format", "json", "a.wiki", "--output", "/dev/null", cwd=project)
    assert r.returncode == 1, r.stderr
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert "report written to /dev/null" in r.stderr


def test_output_to_dev_full_is_a_clean_error_and_keeps_the_device(project):
    r = citelint("--format", "json", "a.wiki", "--output", "/dev/full", cwd=project)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [
        "citelint: error: cannot write the report to /dev/full: No space left on device"]
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)
    assert not any(n.startswith(".full.") for n in os.listdir("/dev"))


def test_output_to_dev_stdout_streams_into_the_callers_file(project):
    with open(project / "captured.json", "w") as out:
        r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", "a.wiki",
                            "--output", "/dev/stdout"], cwd=project, stdout=out, stderr=subprocess.PIPE,
                           text=True, timeout=60)
    assert r.returncode == 1, r.stderr
    assert [f["rule"] for f in json.loads((project / "captured.json").read_text())["findings"]] == ["undefined-ref"]


def test_a_device_node_of_our_own_is_not_replaced(tmp_path):
    """A character device made here (the null device's numbers): on today's main it became a regular file."""
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("cannot make device nodes here")
    (tmp_path / "a.wiki").write_text(PAGE)
    r = citelint("a.wiki", "--output", str(node), cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    # a block device (the first loop device's numbers) is refused, not opened
    disk = tmp_path / "disk"
    os.mknod(disk, stat.S_IFBLK | 0o600, os.makedev(7, 0))
    r = citelint("a.wiki", "--output", "disk", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == ["citelint: error: cannot write the report to disk: not a regular file"]
    assert stat.S_ISBLK(os.lstat(disk).st_mode)


def test_a_socket_is_refused_with_one_line(project):
    import socket

    path = project / "s.sock"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    try:
        r = citelint("a.wiki", "--output", "s.sock", cwd=project)
    finally:
        s.close()
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == ["citelint: error: cannot write the report to s.sock: not a regular file"]
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


# -- SIGKILL in the middle of a write --------------------------------------------------------------

CHILD = r"""
import sys, time
from citelint.atomicfile import open_atomic
with open_atomic(sys.argv[1]) as fh:
    fh.write("x" * 10_000_000)
    fh.flush()
    print("writing", flush=True)
    time.sleep(120)
    fh.write("never")
"""


def _killed_mid_write(target: Path) -> str:
    """A child process that dies by SIGKILL while its temporary file is half written: the file's name."""
    from citelint.atomicfile import temp_prefix

    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "writing\n"
        left = _temps(target.parent)
        assert len(left) == 1 and left[0].startswith(temp_prefix(target.name, child.pid))
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    return left[0]


def test_a_later_write_removes_the_temporary_file_of_a_killed_writer(tmp_path):
    from citelint.atomicfile import write_atomic

    target = tmp_path / "report.json"
    target.write_text("old\n")
    target.chmod(0o604)
    stale = _killed_mid_write(target)
    assert target.read_text() == "old\n"  # the old file untouched by the killed write
    assert (tmp_path / stale).stat().st_size >= 10_000_000
    write_atomic(str(target), "new\n")
    assert target.read_text() == "new\n" and _temps(tmp_path) == []
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


def test_the_cli_cleans_up_after_a_killed_run_but_not_after_a_running_one(project):
    from citelint.atomicfile import remove_stale, temp_prefix

    stale = _killed_mid_write(project / "report.json")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = project / (temp_prefix("report.json", sleeper.pid) + "abcd1234.tmp")
        live.write_text("a write still under way")
        other = project / ".other.json.citelint-999999999-abcd1234.tmp"  # another target's: not ours to judge
        other.write_text("x")
        r = citelint("--format", "json", "a.wiki", "--output", "report.json", cwd=project)
        assert r.returncode == 1, r.stderr
        assert not (project / stale).exists()
        assert live.exists() and other.exists()
        assert json.loads((project / "report.json").read_text())["findings"]
    finally:
        sleeper.kill()
        sleeper.wait()
    assert remove_stale(str(project / "report.json")) == [str(live)]


def test_a_failed_write_leaves_neither_the_new_text_nor_a_temporary_file(tmp_path):
    from citelint.atomicfile import open_atomic

    target = tmp_path / "r.txt"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with open_atomic(str(target)) as fh:
            fh.write("half")
            raise RuntimeError("the reporter failed")
    assert target.read_text() == "old\n" and _temps(tmp_path) == []
