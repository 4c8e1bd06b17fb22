"""Link checking: speed against the floor, politeness per host, and the npm peers, in one run.

1,000 distinct URLs on 10 loopback hosts (127.0.0.2 … 127.0.0.11, each its own host to a checker),
every answer delayed 100 ms by the server. Printed, each measured in this run:

- citelint at its defaults (32 at once, 4 per host): wall time of the whole ``citelint check`` process
  and of its link pass, against the floor 1,000 × 0.1 s ÷ min(32, 4 × 10) = 3.1 s, and the most
  connections any one host saw at once (the servers count them);
- citelint again on the warm cache (no request may be made);
- citelint with ``--concurrency 100 --max-per-host 10`` against its floor, 1,000 × 0.1 s ÷ 100 = 1.0 s;
- a bare Python client (requests, one Session, 100 threads): what Python itself can do;
- linkinator on an HTML page of the links and markdown-link-check on a Markdown list of them, installed
  with npm in bench/links/ (``cd bench/links && npm ci``): linkinator 8.1 at its default 100-way
  concurrency, run with the Node 22 that the npm package ``node`` brings (linkinator 8 needs it), and
  linkinator 7.6, what npm gives on Node 20, which ignores its own limit (it opens about 100 connections
  per host here, 1,000 at once in all).

Targets (from the issue): defaults ≤ 1.2 × floor; 100-way no slower than linkinator; warm cache < 1 s;
never more connections per host than allowed.

Usage: .venv/bin/python bench/bench_links.py [--urls 1000] [--hosts 10] [--delay 0.1] [--skip-npm]
       [--skip-mlc] [--runs 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
NPM_DIR = HERE / "links"


# -- the servers --------------------------------------------------------------------------------
BODY = b"<!doctype html><html><head><title>A cited page</title></head><body>" + b"text " * 400 + b"</body></html>"


class Host:
    """One host: an asyncio HTTP/1.1 server (keep-alive) on its own loopback address, answering every
    request after ``delay`` seconds, counting the connections and requests it has open at once."""

    def __init__(self, ip: str, delay: float) -> None:
        self.ip, self.delay = ip, delay
        self.open = 0
        self.reset()

    def reset(self) -> None:
        self.peak_connections = self.open
        self.peak_requests = 0
        self.active = 0
        self.requests = 0

    async def start(self) -> None:
        self.server = await asyncio.start_server(self.handle, self.ip, 0, backlog=4096)
        self.server_address = self.server.sockets[0].getsockname()[:2]

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.open += 1
        self.peak_connections = max(self.peak_connections, self.open)
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                method = line.split(b" ", 1)[0]
                keep = not line.rstrip().endswith(b"HTTP/1.0")
                while True:
                    h = await reader.readline()
                    if h in (b"\r\n", b"\n", b""):
                        break
                    low = h.lower()
                    if low.startswith(b"connection:"):
                        keep = b"close" not in low
                self.requests += 1
                self.active += 1
                self.peak_requests = max(self.peak_requests, self.active)
                try:
                    await asyncio.sleep(self.delay)
                finally:
                    self.active -= 1
                head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                        + str(len(BODY)).encode() + b"\r\n" + (b"" if keep else b"Connection: close\r\n") + b"\r\n")
                writer.write(head + (b"" if method == b"HEAD" else BODY))
                await writer.drain()
                if not keep:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            pass
        finally:
            self.open -= 1
            writer.close()


class Hosts:
    """The hosts' servers, on an event loop in a thread of their own."""

    def __init__(self, ips: list[str], delay: float) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.hosts = [Host(ip, delay) for ip in ips]
        for h in self.hosts:
            asyncio.run_coroutine_threadsafe(h.start(), self.loop).result(10)

    def stop(self) -> None:
        for h in self.hosts:
            self.loop.call_soon_threadsafe(h.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def bindable(ip: str) -> bool:
    s = socket.socket()
    try:
        s.bind((ip, 0))
        return True
    except OSError:
        return False
    finally:
        s.close()


# -- the inputs ---------------------------------------------------------------------------------
def write_inputs(folder: Path, urls: list[str]) -> None:
    refs = "\n".join(f"Claim {i}.<ref>{{{{cite web |url={u} |title=Page {i}}}}}</ref>" for i, u in enumerate(urls))
    (folder / "page.wiki").write_text(f"{refs}\n\n== References ==\n<references/>\n")
    links = "\n".join(f'<li><a href="{u}">Page {i}</a></li>' for i, u in enumerate(urls))
    (folder / "page.html").write_text(f"<!doctype html><html><body><ul>\n{links}\n</ul></body></html>\n")
    (folder / "list.md").write_text("".join(f"- [Page {i}]({u})\n" for i, u in enumerate(urls)))
    (folder / "citelint.toml").write_text("")  # the project: the cache goes where --cache-dir says


# -- the contenders -----------------------------------------------------------------------------
BARE_CLIENT = r"""
import sys, requests
from concurrent.futures import ThreadPoolExecutor
urls = open(sys.argv[1]).read().split()
s = requests.Session()
s.mount("http://", requests.adapters.HTTPAdapter(pool_connections=64, pool_maxsize=100))
def get(u):
    r = s.get(u, timeout=10)
    return r.status_code
with ThreadPoolExecutor(100) as ex:
    codes = list(ex.map(get, urls))
sys.exit(0 if all(c == 200 for c in codes) else 1)
"""


class Bench:
    def __init__(self, hosts: list[Host], work: Path, n: int) -> None:
        self.hosts, self.work, self.n = hosts, work, n
        self.rows: list[dict] = []

    def measure(self, name: str, cmd: list[str], floor: float | None = None, limit: int | None = None,
                cwd: Path | None = None, parse_json: bool = False) -> dict:
        self._quiet()
        for h in self.hosts:
            h.reset()
        t0 = time.perf_counter()
        p = subprocess.run(cmd, cwd=cwd or self.work, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        row = {"name": name, "wall": wall, "floor": floor, "limit": limit, "rc": p.returncode,
               "requests": sum(h.requests for h in self.hosts),
               "peak_conn": max(h.peak_connections for h in self.hosts),
               "peak_req": max(h.peak_requests for h in self.hosts)}
        if parse_json:
            try:
                links = json.loads(p.stdout)["summary"]["links"]
                row["pass"] = links["elapsed_seconds"]
                row["ok"] = links["ok"]
            except (ValueError, KeyError):
                row["error"] = (p.stderr or p.stdout)[-400:]
        elif p.returncode != 0:
            row["error"] = (p.stderr or p.stdout)[-400:]
        self.rows.append(row)
        return row

    def _quiet(self, timeout: float = 10.0) -> None:
        """Wait until the previous contender's connections are gone."""
        end = time.monotonic() + timeout
        while time.monotonic() < end and any(h.open for h in self.hosts):
            time.sleep(0.05)


def citelint_cmd(page: Path, cache: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "citelint", "check", str(page), "--format", "json", "--allow-private-hosts",
            "--select", "CL5", "--cache-dir", str(cache), *extra]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--urls", type=int, default=1000)
    ap.add_argument("--hosts", type=int, default=10)
    ap.add_argument("--delay", type=float, default=0.1)
    ap.add_argument("--skip-npm", action="store_true", help="leave out linkinator and markdown-link-check")
    ap.add_argument("--skip-mlc", action="store_true", help="leave out markdown-link-check (about 50 s)")
    args = ap.parse_args()

    ips = [f"127.0.0.{i}" for i in range(2, 2 + args.hosts)]
    missing = [ip for ip in ips if not bindable(ip)]
    if missing:
        print(f"cannot bind {', '.join(missing)}: this benchmark needs {args.hosts} loopback addresses", file=sys.stderr)
        return 2
    servers = Hosts(ips, args.delay)
    hosts = servers.hosts
    per_host = args.urls // args.hosts
    urls = [f"http://{h.server_address[0]}:{h.server_address[1]}/cited/{i}/page-{j}.html"
            for i, h in enumerate(hosts) for j in range(per_host)]
    random.Random(1).shuffle(urls)  # pages cite sites in no particular order
    work = Path(tempfile.mkdtemp(prefix="citelint-bench-links-"))
    write_inputs(work, urls)
    (work / "urls.txt").write_text("\n".join(urls))
    n = len(urls)
    b = Bench(hosts, work, n)
    page = work / "page.wiki"
    d = 0.1 if args.delay == 0.1 else args.delay

    floor_default = n * d / min(32, 4 * args.hosts)
    floor_100 = n * d / min(100, 10 * args.hosts)
    print(f"{n} URLs on {args.hosts} hosts, {args.delay * 1000:.0f} ms per answer; inputs in {work}", flush=True)
    cold = b.measure("citelint (defaults: 32, 4/host)", citelint_cmd(page, work / "cache-a"), floor_default, 4,
                     parse_json=True)
    warm = b.measure("citelint, warm cache", citelint_cmd(page, work / "cache-a"), None, 4, parse_json=True)
    wide = b.measure("citelint --concurrency 100 --max-per-host 10",
                     citelint_cmd(page, work / "cache-b", "--concurrency", "100", "--max-per-host", "10"),
                     floor_100, 10, parse_json=True)
    b.measure("bare Python client (requests, 100 threads)", [sys.executable, "-c", BARE_CLIENT, str(work / "urls.txt")],
              floor_100)
    lk = None
    if not args.skip_npm:
        modules = NPM_DIR / "node_modules"
        bin_dir = modules / ".bin"
        if not (bin_dir / "linkinator").exists():
            print(f"npm peers not installed: run `npm ci` in {NPM_DIR} (or pass --skip-npm)", file=sys.stderr)
        else:
            def version(pkg: str) -> str:
                return json.loads((modules / pkg / "package.json").read_text())["version"]

            node22 = modules / "node" / "bin" / "node"
            if (modules / "linkinator8").exists() and node22.exists():
                # linkinator 8 needs Node >= 22: the npm package "node" brings one into bench/links
                lk = b.measure(f"linkinator {version('linkinator8')} (Node {version('node')}, concurrency 100)",
                               [str(node22), str(modules / "linkinator8" / "build" / "src" / "cli.js"), "page.html"],
                               floor_100)
            node = shutil.which("node") or "node"
            ver = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
            old = b.measure(f"linkinator {version('linkinator')} (Node {ver.lstrip('v')}, ignores its limit)",
                            [node, str(modules / "linkinator" / "build" / "src" / "cli.js"), "page.html"],
                            None)
            lk = lk or old
            if not args.skip_mlc:
                b.measure(f"markdown-link-check {version('markdown-link-check')} (2 at a time)",
                          [str(bin_dir / "markdown-link-check"), "-q", "list.md"], n * d / 2)

    print()
    print(f"{'':52} {'wall s':>7} {'pass s':>7} {'floor s':>7} {'×floor':>7} {'requests':>8} {'peak conn/host':>15}")
    for r in b.rows:
        ratio_of = r.get("pass", r["wall"])
        ratio = f"{ratio_of / r['floor']:.2f}" if r["floor"] else ""
        floor = f"{r['floor']:.2f}" if r["floor"] else ""
        limit = f" (≤{r['limit']})" if r["limit"] else ""
        pass_s = f"{r['pass']:.2f}" if "pass" in r else ""
        print(f"{r['name']:52} {r['wall']:7.2f} {pass_s:>7} {floor:>7} {ratio:>7} {r['requests']:8d} "
              f"{str(r['peak_conn']) + limit:>15}")
        if "error" in r:
            print(f"    ! {r['error'].strip().splitlines()[-1] if r['error'].strip() else 'failed'} (exit {r['rc']})")
    print("(×floor: the link pass's time for citelint, the wall time for the others; "
          "pass s: citelint's link pass alone, without starting Python and parsing the page)")

    print()
    checks = [
        (f"defaults within 1.2 × floor ({floor_default:.2f} s): link pass {cold.get('pass', float('nan')):.2f} s, "
         f"whole process {cold['wall']:.2f} s", cold.get("pass", 1e9) <= 1.2 * floor_default),
        (f"all {n} links found working at the defaults and at 100-way", cold.get("ok") == n and wide.get("ok") == n),
        (f"warm cache under 1 s with no request: {warm['wall']:.2f} s, {warm['requests']} requests",
         warm["wall"] < 1.0 and warm["requests"] == 0),
        (f"politeness: peak connections per host {cold['peak_conn']} (≤4) and {wide['peak_conn']} (≤10)",
         cold["peak_conn"] <= 4 and wide["peak_conn"] <= 10),
    ]
    if lk is not None and "error" not in lk:
        checks.append((f"100-way no slower than {lk['name'].split(' (')[0]} at 100-way: {wide['wall']:.2f} s vs "
                       f"{lk['wall']:.2f} s (whole processes)", wide["wall"] <= lk["wall"]))
    for text, good in checks:
        print(f"[{'ok' if good else 'MISSED'}] {text}")
    servers.stop()
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(g for _, g in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
