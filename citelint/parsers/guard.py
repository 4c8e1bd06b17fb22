"""The time limit, held inside mwparserfromhell's C tokenizer.

On some broken markup one call into the C tokenizer is super-linear: 20,000 characters of ``<a b=`` take it
about 20 s, ``{{a|`` or ``<a b="`` by the thousand about as long, and 200,000 characters of them hours. The
interval timer of ``citelint.deadline`` cannot stop such a call (the signal waits until the call returns to
the interpreter), so a page of them would hang the check whatever ``--parse-timeout`` says.

``tokenizable(text)`` is called before each call into the tokenizer. On a text long enough to be slow
(``GUARD_MIN`` characters or more), under a deadline, it tokenizes the same text first in a forked child
(copy-on-write: nothing is copied or pickled), waits for the child at most the time left, and kills it and
raises ``PageTimeout`` when the time is up. The page then gets its ``unchecked-page`` finding as on any other
timeout, within a few milliseconds of the limit. The child's only work is that one call; it writes one byte
when done and leaves without running any of the parent's exit handlers.

Shorter texts go straight to the tokenizer: the slowest markup known takes it about 0.13 s on 2,000
characters, and the timer gets its chance between two calls. So does everything where the guard cannot
work: no C tokenizer (the pure-Python one returns to the interpreter all the time, and the timer stops it),
no ``os.fork`` (Windows), or no deadline (``--parse-timeout 0``). A check of ordinary pages with the citation
scanner makes no guarded call at all (its tokenizer calls are on ref contents and short regions); a page
read whole by mwparserfromhell (``--parser full``, or a page the scanner hands over) costs one more
tokenization, about a fifth of its parse.
"""

from __future__ import annotations

import os
import select
import signal
import warnings

from citelint.deadline import PageTimeout, remaining

try:
    from mwparserfromhell.parser._tokenizer import CTokenizer as _CTokenizer
except ImportError:  # pragma: no cover - mwparserfromhell built without its C extension
    _CTokenizer = None

#: texts shorter than this are tokenized without a guard (the slowest markup known: ~0.13 s on 2,000 characters)
GUARD_MIN = 2_000

_CAN_FORK = hasattr(os, "fork")


def tokenizable(text: str) -> None:
    """Return when mwparserfromhell's C tokenizer finishes ``text`` (``skip_style_tags=True``, as citelint
    calls it) within the time left before this thread's deadline; raise ``PageTimeout`` when it does not.
    Returns at once for a short text, or where the guard cannot work (module docstring)."""
    if len(text) < GUARD_MIN or _CTokenizer is None or not _CAN_FORK:
        return
    left = remaining()
    if left is None:
        return
    if left <= 0:
        raise PageTimeout()
    r, w = os.pipe()
    try:
        with warnings.catch_warnings():  # (Python 3.12+ warns of fork in a process with threads: the child
            warnings.simplefilter("ignore", DeprecationWarning)  # only tokenizes, and takes no lock)
            pid = os.fork()
    except OSError:  # no process to be had (a limit on processes): tokenized under the timer alone, as before
        os.close(r)
        os.close(w)
        return
    if pid == 0:  # the child
        _probe(text, r, w)
    os.close(w)
    try:
        ready, _, _ = select.select([r], [], [], left)  # (the timer, in the main thread, may end this first)
        if not ready:
            raise PageTimeout()
        # one byte: the tokenizer finished; none: the child died in it (out of memory, say). Either way the
        # parent tokenizes now, as it would without the guard
        os.read(r, 1)
    finally:
        os.close(r)
        _reap(pid)


def _probe(text: str, r: int, w: int) -> None:
    """The child: tokenize, say so, leave (``os._exit``: no exit handler, no buffer of the parent's flushed)."""
    try:
        os.close(r)
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends the child at once (the parent cleans up)
        _CTokenizer().tokenize(text, 0, True)
        os.write(w, b"1")
    except BaseException:
        pass
    finally:
        os._exit(0)


def _reap(pid: int) -> None:
    """Kill the child if it still runs and wait for it (no zombie left), even if the time runs out meanwhile."""
    late = None
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    while True:
        try:
            os.waitpid(pid, 0)
            break
        except ChildProcessError:
            break
        except PageTimeout as e:  # the timer's signal, during the wait: raised once the child is gone
            late = e
    if late is not None:
        raise late
