"""Multistream bz2 dumps (``…-pages-articles-multistream.xml.bz2``) read in parallel by their index.

A multistream dump is many bz2 streams laid end to end: the first holds ``<mediawiki>`` and
``<siteinfo>`` (the header), each of the others about 100 ``<page>`` elements, the last one closes
``</mediawiki>``. Its index (``…-multistream-index.txt.bz2`` beside it, or ``--index FILE``) has one
line ``offset:page_id:title`` per page, the offset being where the page's stream starts; titles may
contain colons (only the first two separate fields).

The sorted unique offsets cut the file into streams: each ends where the next begins, the last at
the end of the file. Consecutive streams are grouped into *units* of a few megabytes; a unit is what
one worker does at once: it opens the file itself, seeks to the unit's first byte, decompresses its
streams, parses them behind the header with the same expat reader as a streamed dump
(:mod:`citelint.dumps`) and checks the pages. Nothing but the unit's byte range goes to a worker,
and only findings come back. Units are independent of ``--jobs``, so a ``--resume`` state file
(:mod:`citelint.resume`) serves whatever the number of processes.

An index that does not fit its dump (a line not ``offset:page_id:title``, an offset past the end of
the file or not at the start of a bz2 stream) is an error naming the index: the run stops rather
than guess. A *short* index (lines missing at its end) is not an error: the last unit then runs to
the end of the file, so every page is still read, only with less parallelism.
"""

from __future__ import annotations

import bz2
import os
import re
from collections import Counter
from itertools import chain
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional

from citelint.dumps import CHUNK, DumpError, DumpStats, _ExportReader, _feed
from citelint.checked import Checked, Replay, link_mode  # noqa: F401 (their home before)
from citelint.model import Document

#: compressed bytes per unit, about (a unit is at least one stream)
UNIT_BYTES = 4 << 20
#: a dump is cut into at least this many units when it has the streams for it (so that small dumps
#: still spread over the workers); independent of --jobs, so that a resume state fits any --jobs
MIN_UNITS = 64
#: the last this many units are each read as two units of half their pages (``Unit.split``)
TAIL_SPLIT = 2
_STREAM_START = re.compile(rb"BZh[1-9](\x31\x41\x59\x26\x53\x59|\x17\x72\x45\x38\x50\x90)")
_INDEX_LINE = re.compile(rb"^(\d+):\d+:", re.M)
_PAGE_TAG = re.compile(rb"<(?:[\w.-]+:)?page[\s>]")


class IndexProblem(DumpError):
    """The index cannot be used with this dump (one line, naming the index)."""


def index_beside(path: str) -> Optional[str]:
    """The index Wikimedia publishes beside a multistream dump, if it is there:
    ``X-multistream.xml.bz2`` → ``X-multistream-index.txt.bz2`` (or ``.txt``)."""
    if "://" in path:
        return None
    lower = path.lower()
    if not lower.endswith(".xml.bz2"):
        return None
    stem = path[: -len(".xml.bz2")]
    for candidate in (stem + "-index.txt.bz2", stem + "-index.txt"):
        if os.path.isfile(candidate):
            return candidate
    return None


def read_offsets(index: str) -> list[int]:
    """The sorted unique stream offsets of an index file (plain or bz2)."""
    return sorted(read_index(index))


def read_index(index: str) -> Counter:
    """Each stream offset of an index file (plain or bz2), with the number of pages the index lists in it."""
    try:
        fh = bz2.open(index, "rb") if _is_bz2(index) else open(index, "rb")
    except OSError as e:
        raise IndexProblem(f"{index}: cannot read the index: {e.strerror or e}") from None
    offsets: Counter = Counter()
    line_no = 0
    rest = b""
    with fh:
        while True:
            try:
                data = fh.read(CHUNK * 8)
            except (OSError, EOFError) as e:
                raise IndexProblem(f"{index}: corrupt compressed index after line {line_no}: {e}") from None
            if not data:
                break
            data = rest + data
            cut = data.rfind(b"\n") + 1
            rest, data = data[cut:], data[:cut]
            line_no = _take_lines(index, data, line_no, offsets)
        if rest.strip():  # a last line without its newline
            _take_lines(index, rest + b"\n", line_no, offsets)
    if not offsets:
        raise IndexProblem(f"{index}: the index lists no streams (an empty file, not an index of offset:page_id:title)")
    return offsets


def _take_lines(index: str, data: bytes, line_no: int, offsets: Counter) -> int:
    found = _INDEX_LINE.findall(data)
    n = data.count(b"\n")
    if len(found) != n:  # blank lines, or a line that is not an index line: find out which
        for i, line in enumerate(data.split(b"\n")[:n], line_no + 1):
            if line.strip() and not _INDEX_LINE.match(line):
                shown = line[:60].decode("utf-8", "replace")
                raise IndexProblem(f"{index}: line {i}: {shown!r} is not offset:page_id:title "
                                   f"(a corrupt index, or not an index)")
    offsets.update(map(int, found))
    return line_no + n


def _is_bz2(path: str) -> bool:
    with open(path, "rb") as fh:
        return fh.read(3) == b"BZh"


@dataclass(frozen=True)
class Unit:
    """A run of whole streams: bytes ``[start, end)`` of the dump (``end`` None: to the end of the file);
    or, when ``parts`` > 1, part ``part`` of their pages: the pages ``first`` (counted from 0 by their
    ``<page>`` tags) up to ``stop`` (None: to the end of the unit). Every part decompresses the streams up
    to its last page, and the parts of a unit cover each of its pages exactly once, whatever the index said
    of their number (the last part goes to the end)."""

    start: int
    end: Optional[int]
    streams: int = 1
    part: int = 0
    parts: int = 1
    first: int = 0
    stop: Optional[int] = None

    @property
    def key(self) -> str:
        whole = f"{self.start}-{'' if self.end is None else self.end}"
        return whole if self.parts == 1 else f"{whole}#{self.part + 1}/{self.parts}"

    def split(self, pages: int, parts: int) -> list["Unit"]:
        """This unit as ``parts`` units of about ``pages / parts`` pages each (itself when it cannot be)."""
        if self.parts != 1 or parts < 2 or pages < parts:
            return [self]
        cuts = [pages * i // parts for i in range(parts)] + [None]
        return [Unit(self.start, self.end, self.streams, i, parts, cuts[i], cuts[i + 1]) for i in range(parts)]

    @property
    def bytes_share(self) -> int:
        """The compressed bytes this unit stands for (0: to the end of the file), shared among its parts."""
        if self.end is None:
            return 0
        size = self.end - self.start
        return size * (self.part + 1) // self.parts - size * self.part // self.parts


@dataclass
class Plan:
    """How a multistream dump is read: its header and its units, in file order."""

    path: str
    index: str
    size: int
    header: bytes  # the XML before the first <page>: <mediawiki …><siteinfo>…</siteinfo>
    units: list = field(default_factory=list)
    streams: int = 0


def plan(path: str, index: Optional[str] = None, unit_bytes: int = UNIT_BYTES, opener=None) -> Plan:
    """Cut ``path`` into units by its index; ``IndexProblem`` when the index does not fit the dump.
    ``opener(path)`` opens the dump for reading (fsspec URLs); default ``open(path, 'rb')``."""
    index = index or index_beside(path)
    if index is None:
        raise IndexProblem(f"{path}: no multistream index beside it")
    counts = read_index(index)
    offsets = sorted(counts)
    opener = opener or (lambda p: open(p, "rb"))
    try:
        fh = opener(path)
    except OSError as e:
        raise DumpError(f"cannot read: {e.strerror or e}") from None
    with fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        for off in offsets:
            if off >= size:
                raise IndexProblem(f"{index}: offset {off} is past the end of {path} ({size:,} bytes): "
                                   f"the index belongs to another dump (or use --no-index)")
            fh.seek(off)
            if not _STREAM_START.match(fh.read(10)):
                raise IndexProblem(f"{index}: offset {off} is not the start of a bz2 stream in {path}: "
                                   f"the index belongs to another dump or is corrupt (or use --no-index)")
        fh.seek(0)
        head = fh.read(offsets[0]) if offsets[0] else b""
    header, head_has_pages = _header(path, head)
    units: list[Unit] = []
    if head_has_pages:  # pages in the first stream too: it is a unit of its own, read as it is
        units.append(Unit(0, offsets[0]))
    bounds = offsets + [None]
    target = max(1, min(unit_bytes, size // MIN_UNITS))
    i = 0
    while i < len(offsets):
        j = i + 1
        while j < len(offsets) and offsets[j] - offsets[i] < target:
            j += 1
        units.append(Unit(offsets[i], bounds[j], j - i))
        i = j
    # the last units in halves: the run's end waits for the worker with the last unit while the others
    # are idle, so its last pieces of work are made small (a half still decompresses the streams up to its
    # last page: a tenth of a unit's time, paid once per split unit)
    tail = [k for k in range(len(units) - TAIL_SPLIT, len(units)) if k >= 0 and units[k].start > 0]
    for k in reversed(tail):
        u = units[k]
        pages = sum(counts[o] for o in offsets if u.start <= o and (u.end is None or o < u.end))
        units[k:k + 1] = u.split(pages, 2)
    return Plan(path=os.path.abspath(path) if "://" not in path else path, index=index, size=size, header=header, units=units, streams=len(offsets))


def _header(path: str, head: bytes) -> tuple[bytes, bool]:
    if not head:
        raise IndexProblem(f"{path}: the index's first stream starts at byte 0, so the dump has no header "
                           f"stream (<mediawiki><siteinfo>): not a multistream dump this reader knows (use --no-index)")
    try:
        xml = _decompress_all(head)
    except (OSError, EOFError, ValueError) as e:
        raise DumpError(f"corrupt compressed data in the header stream: {e}") from None
    m = _PAGE_TAG.search(xml)
    header = xml[: m.start()] if m else xml
    if b"mediawiki" not in header:
        raise DumpError("the first stream does not open a MediaWiki export (no <mediawiki>): not a multistream dump")
    return header, m is not None


def _decompress_all(data: bytes) -> bytes:
    out = []
    while data:
        d = bz2.BZ2Decompressor()
        out.append(d.decompress(data))
        if not d.eof:
            raise EOFError("the compressed data ends in the middle of a stream (truncated file?)")
        data = d.unused_data
    return b"".join(out)


def _streams(fh, length: Optional[int]) -> Iterator[bytes]:
    """The XML of the bz2 streams in the next ``length`` bytes of ``fh`` (None: to its end), piece by piece."""
    left = length
    d = bz2.BZ2Decompressor()
    open_stream = False  # some of the current stream read, its end not yet
    while True:
        want = CHUNK if left is None else min(CHUNK, left)
        data = fh.read(want) if want else b""
        if left is not None:
            left -= len(data)
        if not data:
            if open_stream:
                raise EOFError("the compressed data ends in the middle of a stream (truncated file?)")
            return
        while data:
            open_stream = True
            xml = d.decompress(data)
            if xml:
                yield xml
            if d.eof:
                data = d.unused_data
                d = bz2.BZ2Decompressor()
                open_stream = False
            else:
                data = b""


_TAG_MAX = 256  # bytes a <page> tag's match can take, at most (its optional namespace prefix included)


def _pages(pieces: Iterator[bytes], first: int, stop: Optional[int]) -> Iterator[bytes]:
    """The XML of ``pieces`` from the start of page ``first`` (counted from 0 by ``<page>`` tags; 0: from the
    beginning) to the start of page ``stop`` (None: to the end). A tag is looked for in a piece with the end
    of the piece before it, so a tag cut across two pieces is found, and found once."""
    seen = 0  # <page> tags counted
    taking = first == 0
    carry = b""  # the end of the pieces so far, not yet searched whole (a tag may start there)
    for piece in chain(pieces, (None,)):
        buf = carry + piece if piece is not None else carry
        limit = len(buf) if piece is None else max(0, len(buf) - _TAG_MAX)  # a tag starting before it is whole
        start = 0
        for m in _PAGE_TAG.finditer(buf):
            at = m.start()
            if at >= limit:
                break
            if not taking and seen == first:
                taking, start = True, at
            if taking and seen == stop:
                if at > start:
                    yield buf[start:at]
                return
            seen += 1
        if taking and limit > start:
            yield buf[start:limit]
        carry = buf[limit:]


def unit_documents(path: str, header: bytes, unit: Unit, display: str, settings, stats: DumpStats,
                   opener=None) -> Iterator[Document]:
    """The documents of one unit, in file order (what a worker reads)."""
    opener = opener or (lambda p: open(p, "rb"))
    reader = _ExportReader(display, getattr(settings, "all_revisions", False), getattr(settings, "namespaces", None),
                           getattr(settings, "input_format", None) or "wikitext", stats)
    parse = reader.parser.Parse
    ready = reader.ready
    if unit.start:
        _feed(reader, parse, header, False)
    try:
        fh = opener(path)
    except OSError as e:
        raise DumpError(f"cannot read: {e.strerror or e}") from None
    with fh:
        fh.seek(unit.start)
        try:
            pieces = _streams(fh, None if unit.end is None else unit.end - unit.start)
            if unit.parts > 1:
                pieces = _pages(pieces, unit.first, unit.stop)
            for xml in pieces:
                stats.bytes_xml += len(xml)
                _feed(reader, parse, xml, False)
                if ready:
                    yield from ready
                    ready.clear()
        except EOFError as e:
            raise DumpError(f"bytes {unit.start:,}–: {e}{reader.cut_off()}") from None
        except (OSError, ValueError) as e:
            raise DumpError(f"corrupt compressed data in the stream at byte {unit.start:,}: {e}"
                            f"{reader.cut_off()}") from None
    _feed(reader, parse, b"</mediawiki>" if reader.stack else b"", True)
    yield from ready
    ready.clear()
    reader.parser = None  # type: ignore[assignment]


# -- checking a unit (in a worker) ----------------------------------------------------------------

@dataclass
class UnitResult:
    key: str
    items: list  # Checked (documents without their text) and InputError, in order
    skipped: dict
    bytes_xml: int
    bytes_in: int


def check_unit(path: str, header: bytes, unit: Unit, display: str, settings, links: str = "none",
               opener=None) -> UnitResult:
    """Read and check one unit: the function a worker process (or a Dask task) runs."""
    from citelint.engine import check_parsed
    from citelint.parallel import Failed, Repeats
    from citelint.sources import InputError

    stats = DumpStats(display)
    items: list = []
    collect = None
    if links != "none":
        from citelint.links.linkpass import _SUPPRESSION, link_rules
        from citelint.links.sites import collect as _collect

        names = tuple(r.name for r in link_rules())

        def collect(doc, model):  # noqa: F811
            if model is None or (links == "offline" and _SUPPRESSION not in doc.text):
                return None  # not read, too slow or too deeply nested to parse: no links
            try:
                found = _collect(doc, settings, names, model=model)
            except RecursionError:
                return None
            return found if found.sites else None
    repeats = Repeats()

    def wants_links(doc) -> bool:
        return links != "none" and (links != "offline" or _SUPPRESSION in doc.text)
    try:
        for doc in unit_documents(path, header, unit, display, settings, stats, opener):
            # a revision whose links are collected is checked in full (its links need its model)
            earlier, holder = (None, None) if wants_links(doc) else repeats.look(doc)
            if earlier is not None:  # the text of an earlier revision of this page: its findings
                items.append(Checked(_stub(doc), Repeats.replace(earlier[0], doc), None))
                continue
            try:
                result, model = check_parsed(doc, settings)
            except RecursionError:
                result, model = Failed("too deeply nested to parse: skipped"), None
            if holder is not None:
                holder[0] = result
            found = collect(doc, model) if collect is not None else None
            if links == "online-newest" and items and isinstance(items[-1], Checked) \
                    and items[-1].doc.page == doc.page:
                items[-1].links = None  # an older revision of the same page: its links are not checked
            items.append(Checked(_stub(doc), result, found))
    except DumpError as e:
        items.append(InputError(display, str(e)))
    return UnitResult(unit.key, items, dict(stats.skipped), stats.bytes_xml, unit.bytes_share)


def _stub(doc: Document) -> Document:
    return Document(path=doc.path, text="", kind=doc.kind, page=doc.page, revision=doc.revision,
                    namespace=doc.namespace, timestamp=doc.timestamp)


# -- running the units ----------------------------------------------------------------------------

def local_executor(jobs: int):
    """``submit(fn, *args) → future`` on this machine: in this process for one job, else a process pool."""
    if jobs <= 1:
        return None
    from citelint.parallel import _pool

    return _pool(jobs)


def run_units(p: Plan, display: str, settings, links: str, jobs: int, state=None,
              submit: Optional[Callable] = None, window: Optional[int] = None,
              opener=None) -> Iterator[UnitResult]:
    """Each unit's result in file order. ``submit(fn, *args)`` returns a future (a process pool's, a Dask
    client's); without it, ``jobs`` processes on this machine. ``state`` (a ``resume.State``): units it
    recorded are replayed from it, the others recorded as they finish."""
    from collections import deque

    pool = None
    if submit is None and jobs > 1:
        pool = local_executor(jobs)
        submit = pool.submit
    window = window or 2 * max(jobs, 1) + 1
    pending: deque = deque()
    todo = iter(p.units)
    try:
        while True:
            while len(pending) < window:
                unit = next(todo, None)
                if unit is None:
                    break
                done = state.replay(p.path, unit.key) if state is not None else None
                if done is not None:
                    pending.append(("done", done))
                elif submit is None:
                    pending.append(("here", unit))
                else:
                    pending.append(("future", (unit, submit(check_unit, p.path, p.header, unit, display,
                                                            settings, links, opener))))
            if not pending:
                return
            how, what = pending.popleft()
            if how == "done":
                yield what
                continue
            if how == "here":
                res = check_unit(p.path, p.header, what, display, settings, links, opener)
            else:
                unit, fut = what
                try:
                    res = fut.result()
                except Exception as e:  # a worker that died, a cluster that went away
                    from citelint.sources import InputError

                    yield UnitResult(unit.key, [InputError(display, f"the worker checking bytes {unit.start:,}– "
                                                                    f"failed: {type(e).__name__}: {e}")], {}, 0, 0)
                    return
            if state is not None and not any(not isinstance(i, Checked) for i in res.items):
                state.record(p.path, res)
            yield res
    finally:
        for how, what in pending:
            if how == "future":
                what[1].cancel()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def checked_items(p: Plan, display: str, settings, jobs: int = 1, links: str = "none", progress=None,
                  totals: Optional[dict] = None, state=None, submit=None, window=None,
                  opener=None) -> Iterator:
    """What the runner iterates for a multistream dump: ``Checked`` items (and input errors), in order."""
    stats = DumpStats(display, size=p.size)
    if progress is not None:
        progress.start(stats)
    try:
        for res in run_units(p, display, settings, links, jobs, state, submit, window, opener):
            stats.bytes_xml += res.bytes_xml
            stats.bytes_in += res.bytes_in if res.bytes_in > 0 else p.size - stats.bytes_in
            for reason, n in res.skipped.items():
                stats.skipped[reason] = stats.skipped.get(reason, 0) + n
            for item in res.items:
                if isinstance(item, Checked):
                    stats.revisions += 1
                yield item
            if progress is not None:
                progress.update(stats)
    finally:
        if progress is not None:
            progress.finish(stats)
        if totals is not None:
            totals["files"] = totals.get("files", 0) + 1
            skipped = totals.setdefault("skipped", {})
            for reason, n in stats.skipped.items():
                skipped[reason] = skipped.get(reason, 0) + n
