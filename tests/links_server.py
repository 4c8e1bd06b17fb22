"""Real HTTP servers for the link tests, one per loopback address (127.0.0.2, 127.0.0.3, …).

Each address is its own host to the checker. A server answers from a table of routes, counts the
requests each path got (and with which method), and tracks the connections it has open at once.
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Optional


def can_bind(ip: str) -> bool:
    s = socket.socket()
    try:
        s.bind((ip, 0))
        return True
    except OSError:
        return False
    finally:
        s.close()


def free_port(ip: str = "127.0.0.1") -> int:
    """A port nothing listens on (bound, then closed)."""
    s = socket.socket()
    s.bind((ip, 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
    allow_reuse_address = True

    def __init__(self, ip: str, routes: dict[str, Callable], delay: float = 0.0) -> None:
        self.routes = routes
        self.delay = delay
        self.hits: dict[str, int] = {}
        self.methods: list[tuple[str, str]] = []
        self.user_agents: set[str] = set()
        self.lock = threading.Lock()
        self.open_connections = 0
        self.peak_connections = 0
        self.active_requests = 0
        self.peak_requests = 0
        super().__init__((ip, 0), _Handler)
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> "Server":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def process_request_thread(self, request, client_address):
        with self.lock:
            self.open_connections += 1
            self.peak_connections = max(self.peak_connections, self.open_connections)
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self.lock:
                self.open_connections -= 1

    def count(self, path: str) -> int:
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            return self.hits[path]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Server

    def log_message(self, *args) -> None:  # quiet
        pass

    def _serve(self, method: str) -> None:
        srv = self.server
        path = self.path.split("?", 1)[0]
        n = srv.count(path)
        with srv.lock:
            srv.methods.append((method, path))
            srv.user_agents.add(self.headers.get("User-Agent", ""))
            srv.active_requests += 1
            srv.peak_requests = max(srv.peak_requests, srv.active_requests)
        try:
            if srv.delay:
                time.sleep(srv.delay)
            route = srv.routes.get(path)
            if route is None:
                self.reply(404, b"not found")
            else:
                route(self, n, method)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            with srv.lock:
                srv.active_requests -= 1

    def do_GET(self) -> None:
        self._serve("GET")

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def reply(self, status: int, body: bytes = b"", headers: Optional[dict] = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


# -- route builders ---------------------------------------------------------------------------
def ok(body: bytes = b"<html><title>A page</title>hello</html>"):
    return lambda h, n, m: h.reply(200, body)


def status(code: int, headers: Optional[dict] = None, body: bytes = b"error"):
    return lambda h, n, m: h.reply(code, body, headers)


def redirect(location: str, code: int = 301):
    return lambda h, n, m: h.reply(code, b"", {"Location": location})


def first_then(first: Callable, then: Callable, times: int = 1):
    """``first`` for the first ``times`` requests, ``then`` afterwards."""
    return lambda h, n, m: (first if n <= times else then)(h, n, m)


def slow(seconds: float):
    def route(h, n, m):
        time.sleep(seconds)
        h.reply(200, b"late")
    return route


def trickle(interval: float, total: int = 1000):
    """Headers at once, then one byte every ``interval`` seconds: read timeouts never fire."""
    def route(h, n, m):
        h.send_response(200)
        h.send_header("Content-Length", str(total))
        h.end_headers()
        for _ in range(total):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(interval)
    return route


def huge(size: int = 200 * 1024 * 1024):
    def route(h, n, m):
        h.send_response(200)
        h.send_header("Content-Length", str(size))
        h.end_headers()
        chunk = b"0" * 65536
        sent = 0
        h.server.huge_sent = 0
        while sent < size:
            h.wfile.write(chunk)
            sent += len(chunk)
            h.server.huge_sent = sent
    return route


def head_rejected():
    def route(h, n, m):
        if m == "HEAD":
            h.reply(405, b"", {"Allow": "GET"})
        else:
            h.reply(200, b"GET works")
    return route
