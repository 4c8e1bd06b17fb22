"""A time limit on checking one page (``--parse-timeout``): ``with deadline(seconds): …`` raises
``PageTimeout`` in the code it guards once the time is up.

Two mechanisms, because no one of them covers everything:

- The interval timer (SIGALRM) interrupts Python code at once, and mwparserfromhell's C tokenizer wherever
  it returns to the interpreter. It cannot interrupt one long call into the tokenizer: on some broken markup
  that call alone is super-linear (20,000 characters of ``<a b=`` take it 20 s; 200,000 of them, hours), and
  the signal waits until it returns. Where no timer can be set (Windows, or a thread other than the main
  one: a Dask worker's) there is no timer.
- So every call into the C tokenizer on a text long enough to be slow goes through ``parsers.guard``, which
  runs the same tokenization first in a forked child and kills it when the time left (``remaining()``) is
  up. That holds in every thread and wherever ``os.fork`` exists.

The time left is kept per thread; deadlines do not nest: an inner one inside an active one (in the same
thread) leaves the outer one in charge.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator, Optional


class PageTimeout(BaseException):
    """The page's time is up. A BaseException, so that no ``except Exception`` on the way swallows it."""


_armed = [False]  # whether the timer of this process is running (the handler raises only then)
_local = threading.local()  # .end: when this thread's deadline passes (time.monotonic), or None


def _on_alarm(signum, frame) -> None:
    if _armed[0]:
        _armed[0] = False
        raise PageTimeout()


def available() -> bool:
    """Whether the timer can be set here (the guard of ``parsers.guard`` works without it)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def remaining() -> Optional[float]:
    """The seconds left before this thread's deadline (negative once it has passed), or None: no deadline."""
    end = getattr(_local, "end", None)
    return None if end is None else end - time.monotonic()


@contextmanager
def deadline(seconds: Optional[float]) -> Iterator[None]:
    if not seconds or getattr(_local, "end", None) is not None:
        yield
        return
    _local.end = time.monotonic() + seconds
    try:
        if _armed[0] or not available():
            yield
            return
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        _armed[0] = True
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            _armed[0] = False  # first: a signal arriving from here on is ignored
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    finally:
        _local.end = None
