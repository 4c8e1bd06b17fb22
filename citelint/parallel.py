"""Checking documents in worker processes (``--jobs N``), in bounded batches, results in input order.

``check_document`` is pure and its inputs are picklable, so workers need nothing but the batch. A batch is
a run of consecutive documents (in a history dump: a contiguous range of one page's revisions), sent as
bytes: the texts UTF-8 encoded into one buffer, with each document's place beside it, not pickled
``Document`` objects (a whole history is a gigabyte of text that the main process would otherwise pickle).
Memory stays flat: the reader never runs more than ``2 × jobs`` batches (about a megabyte of text
each) ahead of the results. The pool starts only once there is more than one batch of work, so a
run over a few small files pays nothing for it.

In a dump, a revision whose text is exactly that of an earlier revision of the same page (a revert: 16% of
the Anarchism article's history) is not checked again: it gets the earlier revision's findings, placed at
its own revision (``Repeats``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections import deque
from typing import Iterable, Iterator, Optional, Union

from citelint.model import Document
from citelint.parse import Parsed

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


def check_one(doc: Union[Document, Parsed], settings) -> Union[list, Failed]:
    """A document's findings (or ``Failed``); a ``parse.Parsed`` is checked with the model it holds."""
    from citelint.engine import check_document

    try:
        return check_document(doc, settings)
    except RecursionError:
        return Failed("too deeply nested to parse: skipped")


# -- a batch as bytes ------------------------------------------------------------------------------

def utf8(text: str) -> bytes:
    """The text as UTF-8; a lone surrogate (``surrogatepass``) comes back as it was."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


#: every field of a Document but its text, sent beside the bytes
_PLACE_FIELDS = tuple(f.name for f in dataclasses.fields(Document) if f.name != "text")


def encode_batch(docs: list[Document], data: Optional[list] = None) -> tuple[list[tuple], bytes]:
    """``(places, buffer)``: each document's fields but its text, with the UTF-8 length of the text, and
    the texts one after the other. ``data``: the texts already encoded (``utf8``), in the same order."""
    places = []
    texts = data if data is not None else [utf8(d.text) for d in docs]
    for d, b in zip(docs, texts):
        places.append(tuple(getattr(d, f) for f in _PLACE_FIELDS) + (len(b),))
    return places, b"".join(texts)


def decode_batch(places: list[tuple], buffer: bytes) -> Iterator[Document]:
    """The documents of ``encode_batch``, rebuilt (in a worker)."""
    view = memoryview(buffer)
    pos = 0
    for place in places:
        n = place[-1]
        text = str(view[pos:pos + n], "utf-8", "surrogatepass")
        pos += n
        yield Document(text=text, **dict(zip(_PLACE_FIELDS, place)))


def _check_encoded(places: list[tuple], buffer: bytes, settings: list) -> list:
    """What a worker runs: a batch's documents rebuilt from their bytes, each checked."""
    return [check_one(d, s) for d, s in zip(decode_batch(places, buffer), settings)]


# -- revisions that repeat an earlier one ----------------------------------------------------------

class Repeats:
    """The texts already seen among the current page's revisions (``--all-revisions``), by hash.

    ``look(doc)`` finds the earlier revision of the page with ``doc``'s text, if any: its findings, placed
    anew at ``doc``'s revision (``replace``), are ``doc``'s. Same page, same path, same text: the same settings,
    the same findings and fingerprints; only ``revision`` (and ``timestamp``) differ. A revision of another
    day is checked again: CS1's date checks take its day for "today"."""

    def __init__(self) -> None:
        self.page: Optional[tuple] = None
        self.seen: dict[tuple, list] = {}
        self.hits = 0

    def look(self, doc: Document, data: Optional[bytes] = None) -> tuple[Optional[list], Optional[list]]:
        """``(earlier, holder)``: the holder (a one-item list, filled once the result is known) of the
        earlier revision with ``doc``'s text, or None; for a text not seen before, a new holder for
        ``doc``'s result, kept until the page ends (None for a document that is not a dump revision).
        ``data``: the text as UTF-8 (``utf8``) if the caller has it already. The key is the SHA-1 of
        those bytes (OpenSSL's, faster here than BLAKE2)."""
        if doc.page is None or doc.unchecked is not None:
            return None, None
        place = (doc.path, doc.page)
        if place != self.page:
            self.page = place
            self.seen = {}
        from citelint.engine import revision_day

        # the text, and what else the check reads of the document: its kind, its namespace, and the day of
        # its timestamp (CS1's date checks take it for "today")
        key = (hashlib.sha1(data if data is not None else utf8(doc.text)).digest(), doc.kind, doc.namespace,
               revision_day(getattr(doc, "timestamp", None)))
        held = self.seen.get(key)
        if held is not None:
            self.hits += 1
            return held, None
        holder = self.seen[key] = [None]
        return None, holder

    @staticmethod
    def replace(result, doc: Document):
        if isinstance(result, Failed) or result is None:
            return result
        return [dataclasses.replace(f, revision=doc.revision) if f.revision != doc.revision else f
                for f in result]


class _Repeat:
    """In a batch, in place of a document: a revision whose result is an earlier one's (``held``)."""

    __slots__ = ("doc", "held")

    def __init__(self, doc: Document, held: list) -> None:
        self.doc = doc
        self.held = held


class _Send:
    """In a batch, in place of a document: a document to check, its text as UTF-8 (``data``), and the
    holder its result fills (``held``; None when no later revision can repeat it)."""

    __slots__ = ("item", "data", "held")

    def __init__(self, item, data: bytes, held: Optional[list]) -> None:
        self.item = item
        self.data = data
        self.held = held


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
    interrupted run prints no traceback per worker. The collector is set for checking (``gcsetup``)."""
    import signal

    from citelint.gcsetup import for_checking

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for_checking()


def _doc(item):
    """The document an item of the stream is (a ``Parsed`` carries one), or None."""
    if isinstance(item, Document):
        return item
    if isinstance(item, Parsed):
        return item.doc
    return None


def check_all(items: Iterable, settings, jobs: int = 1,
              repeats: Optional[Repeats] = None) -> Iterator[tuple[object, object]]:
    """``(item, result)`` for each item, in order: a Document's findings (or ``Failed``); other items
    (input errors) pass through with ``None``. A ``parse.Parsed`` (a document the link pass parsed on
    the way in) is checked with its model and comes out as its document. ``settings``: one Settings for
    every document, or a function document → Settings (per-file configuration), called here, in this
    process. ``repeats``: the record of texts seen (``Repeats``; one is made if not given)."""
    if not callable(settings):
        settings = (lambda _doc, _s=settings: _s)
    repeats = repeats if repeats is not None else Repeats()
    if jobs <= 1:
        for item in items:
            doc = _doc(item)
            if doc is None:
                yield item, None
                continue
            earlier, holder = repeats.look(doc)
            if earlier is not None:
                yield doc, repeats.replace(earlier[0], doc)
                continue
            result = check_one(item, settings(doc))
            if holder is not None:
                holder[0] = result
            yield doc, result
        return
    pool = None
    pending: deque = deque()  # (batch entries, future or None)
    batch: list = []
    chars = 0
    try:
        for item in items:
            doc = _doc(item)
            if not batch and not pending and doc is None:
                yield item, None  # nothing waiting before it (input errors, documents checked elsewhere)
                continue
            if doc is not None:
                data = utf8(doc.text)  # once: for the hash and for the worker
                earlier, holder = repeats.look(doc, data)
                if earlier is not None:
                    item = _Repeat(doc, earlier)
                else:
                    item = _Send(item, data, holder)
                    chars += len(doc.text)
            batch.append(item)
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
    sent = [e for e in batch if isinstance(e, _Send)]
    if not sent:
        return batch, None
    docs = [_doc(e.item) for e in sent]
    places, buffer = encode_batch(docs, [e.data for e in sent])
    for e in sent:
        e.data = None  # in the buffer now: not kept twice while the batch is out
    # one Settings object per document; pickle sends each distinct one once per batch
    return batch, pool.submit(_check_encoded, places, buffer, [settings(d) for d in docs])


def _drain(entry, settings) -> Iterator[tuple[object, object]]:
    batch, fut = entry
    results = iter(fut.result()) if fut is not None else None
    for item in batch:
        if isinstance(item, _Repeat):
            yield item.doc, Repeats.replace(item.held[0], item.doc)
            continue
        held = None
        if isinstance(item, _Send):
            item, held = item.item, item.held
        doc = _doc(item)
        if doc is None:
            yield item, None
            continue
        if results is not None:
            result = next(results)
        else:  # a tail batch checked here
            result = check_one(item, settings(doc))
        if held is not None:
            held[0] = result
        yield doc, result
