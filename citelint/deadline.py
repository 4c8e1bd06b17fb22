"""A time limit on checking one page (``--parse-timeout``): ``with deadline(seconds): …`` raises
``PageTimeout`` in the code it guards once the time is up.

It uses the interval timer (SIGALRM), which interrupts mwparserfromhell's C tokenizer too: the
tokenizer builds its tokens as Python objects, so the interpreter gets to run the signal handler
within milliseconds (measured on its slow cases: unclosed ``{{`` and ``<div>`` by the thousand).
Where no timer can be set (Windows, or a thread other than the main one) the guard does nothing.
Deadlines do not nest: an inner one inside an active one leaves the outer one in charge.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator, Optional


class PageTimeout(BaseException):
    """The page's time is up. A BaseException, so that no ``except Exception`` on the way swallows it."""


_armed = [False]  # whether a deadline of this process is running (the handler raises only then)


def _on_alarm(signum, frame) -> None:
    if _armed[0]:
        _armed[0] = False
        raise PageTimeout()


def available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: Optional[float]) -> Iterator[None]:
    if not seconds or _armed[0] or not available():
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
