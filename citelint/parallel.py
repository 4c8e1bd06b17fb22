"""Checking documents in worker processes (``--jobs N``), in bounded batches, results in input order.

``check_document`` is pure and its inputs are picklable, so workers need nothing but the batch.
Memory stays flat: the reader never runs more than ``2 × jobs`` batches (about a megabyte of text
each) ahead of the results. The pool starts only once there is more than one batch of work, so a
run over a few small files pays nothing for it.
"""

from __future__ import annotations

import os
from collections import deque
from typing import Iterable, Iterator, Union

from citelint.model import Document

BATCH_DOCS = 64  # documents per batch, at most
BATCH_CHARS = 1 << 20  # characters of text per batch, about


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Failed:
    """A document the checker could not finish (too deeply nested for the parser)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def check_one(doc: Document, settings) -> Union[list, Failed]:
    from citelint.engine import check_document

    try:
        return check_document(doc, settings)
    except RecursionError:
        return Failed("too deeply nested to parse: skipped")


def _check_batch(docs: list[Document], settings: list) -> list:
    return [check_one(d, s) for d, s in zip(docs, settings)]


def _pool(jobs: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        ctx.set_forkserver_preload(["citelint.engine", "citelint.parsers.wikitext"])
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init)


def _worker_init() -> None:
    """Ctrl-C is the main process's to handle (it stops the pool): workers ignore it, so an
    interrupted run prints no traceback per worker."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def check_all(items: Iterable, settings, jobs: int = 1) -> Iterator[tuple[object, object]]:
    """``(item, result)`` for each item, in order: a Document's findings (or ``Failed``); other items
    (input errors) pass through with ``None``. ``settings``: one Settings for every document, or a
    function document → Settings (per-file configuration), called here, in this process."""
    if not callable(settings):
        settings = (lambda _doc, _s=settings: _s)
    if jobs <= 1:
        for item in items:
            yield item, (check_one(item, settings(item)) if isinstance(item, Document) else None)
        return
    pool = None
    pending: deque = deque()  # (batch items, future or None)
    batch: list = []
    chars = 0
    try:
        for item in items:
            if not batch and not pending and not isinstance(item, Document):
                yield item, None  # nothing waiting before it (input errors, documents checked elsewhere)
                continue
            batch.append(item)
            if isinstance(item, Document):
                chars += len(item.text)
            if len(batch) >= BATCH_DOCS or chars >= BATCH_CHARS:
                if pool is None and not pending:
                    pending.append((batch, None))  # one batch: maybe all there is, keep it here for now
                else:
                    if pool is None:
                        pool = _pool(jobs)
                        pending = deque(_submit(pool, b, settings) for b, _ in pending)
                    pending.append(_submit(pool, batch, settings))
                batch, chars = [], 0
                while len(pending) > 2 * jobs:
                    yield from _drain(pending.popleft(), settings)
        if batch:
            pending.append(_submit(pool, batch, settings) if pool is not None else (batch, None))
        while pending:
            yield from _drain(pending.popleft(), settings)
    finally:
        if pool is not None:
            for _, fut in pending:
                if fut is not None:
                    fut.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool, batch: list, settings):
    docs = [d for d in batch if isinstance(d, Document)]
    # one Settings object per document; pickle sends each distinct one once per batch
    return batch, (pool.submit(_check_batch, docs, [settings(d) for d in docs]) if docs else None)


def _drain(entry, settings) -> Iterator[tuple[object, object]]:
    batch, fut = entry
    if fut is None:  # a tail batch checked here, or a batch of input errors only
        for item in batch:
            yield item, (check_one(item, settings(item)) if isinstance(item, Document) else None)
        return
    results = iter(fut.result())
    for item in batch:
        yield item, (next(results) if isinstance(item, Document) else None)
