"""A bounded memo of a pure function of one string, for what a history dump computes again and again.

The revisions of a page repeat most of their references word for word, so what is derived from a ref's
content alone (its masked text and templates, its URLs at offset 0, its normal form) can be kept from one
revision to the next. ``Memo`` keeps the most recently used results while their weight (an estimate of
their memory, in bytes) stays within a budget, and never keeps a result heavier than a sixteenth of it:
memory stays bounded whatever the input. The function must be pure and its results immutable (tuples,
frozen dataclasses), with offsets relative to the string, since every caller shares them.

This is not state passed between stages: a result is the same whether it comes from the memo or not
(``clear()`` changes nothing but time; the tests compare both ways).
"""

from __future__ import annotations

import dataclasses
import threading
from sys import getsizeof
from collections import OrderedDict
from typing import Callable, Generic, TypeVar

V = TypeVar("V")

_ALL: list["Memo"] = []


class Memo(Generic[V]):
    __slots__ = ("_fn", "_weigh", "_budget", "_limit", "_items", "_weight", "_lock", "hits", "misses", "name")

    def __init__(self, fn: Callable[[str], V], weigh: Callable[[str, V], int], budget: int, name: str = "") -> None:
        self.name = name or getattr(fn, "__qualname__", "memo")
        self._fn = fn
        self._weigh = weigh
        self._budget = budget
        self._limit = budget // 16
        self._items: OrderedDict[str, tuple[V, int]] = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0
        _ALL.append(self)

    def __call__(self, key: str) -> V:
        hit = self._items.get(key)
        if hit is not None:
            self._touch(key)
            return hit[0]
        return self._put(key, self._fn(key))

    def get(self, key: str, *args) -> V:
        """``fn(key, *args)``, or what it gave for ``key`` before (``args`` only tell it how to make a result
        the caller can read, e.g. at which offset: a hit gives the one made first, whatever they are)."""
        hit = self._items.get(key)
        if hit is not None:
            self._touch(key)
            return hit[0]
        return self._put(key, self._fn(key, *args))

    def _touch(self, key: str) -> None:
        # (no lock: each call is one step under the GIL; another thread may have just dropped the key)
        self.hits += 1
        try:
            self._items.move_to_end(key)
        except KeyError:
            pass

    def _put(self, key: str, value: V) -> V:
        self.misses += 1
        w = self._weigh(key, value)
        if w > self._limit:
            return value
        items = self._items
        with self._lock:
            if key not in items:
                items[key] = (value, w)
                self._weight += w
                while self._weight > self._budget:
                    _, (_, old) = items.popitem(last=False)
                    self._weight -= old
        return value

    @property
    def weight(self) -> int:
        return self._weight

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._weight = 0
            self.hits = self.misses = 0


def clear_all() -> None:
    """Empty every memo (benchmarks that time a cold run, tests that compare with and without)."""
    for m in _ALL:
        m.clear()


def str_weight(s: str) -> int:
    """The bytes a string takes (its header and 1, 2 or 4 bytes a character)."""
    return getsizeof(s)


def maker(cls: type) -> Callable:
    """A constructor of the frozen, slotted dataclass ``cls`` for hot paths: every field given positionally, in
    the order of ``dataclasses.fields(cls)``, each set through its slot's descriptor. It makes what
    ``cls(*values)`` makes (the same object, equal and hashed alike), about twice as fast: a frozen
    dataclass's own ``__init__`` goes through ``object.__setattr__`` and the type's attribute lookup for
    each field (13 of them for a ``CitedUrl``)."""
    names = [f.name for f in dataclasses.fields(cls)]
    env = {"_new": object.__new__, "_cls": cls}
    env.update({f"_set_{n}": getattr(cls, n).__set__ for n in names})
    body = "".join(f"    _set_{n}(o, {n})\n" for n in names)
    exec(f"def make_{cls.__name__}({', '.join(names)}):\n    o = _new(_cls)\n{body}    return o\n", env)
    return env[f"make_{cls.__name__}"]
