"""A run: expand the inputs, check each document, collect findings and input errors."""

from __future__ import annotations

import os
import time
from typing import Callable, Iterable, Iterator, Optional

from citelint.checked import Checked, Replay, link_mode
from citelint.model import Document
from citelint.parallel import Failed, check_all
from citelint.report import RunResult
from citelint.settings import Settings
from citelint.sources import InputError, expand_paths, read_document


def iter_documents(paths: Iterable[str], settings: Settings, stdin_text: Optional[str] = None,
                   stdin_name: str = "-", stdin_stream=None, progress=None,
                   dumps: Optional[dict] = None, resolver=None, engine=None) -> Iterator[Document | InputError]:
    """Documents in input order; an XML dump streams one document per checked revision.

    ``stdin_stream`` (binary) is read as a dump when given instead of ``stdin_text``; ``dumps``
    (``{"files": 0, "skipped": {}}``) counts the dumps read and the revisions they skipped.
    ``resolver`` (a ``config.Resolver``): each input's settings from its configuration, and the
    configured ``exclude``; without it, ``settings`` serve for every input. ``engine`` (a
    ``scale.DumpEngine``): multistream dumps are read and checked by it, as ``multistream.Checked`` items.
    """
    settings_for = resolver.settings_for if resolver is not None else (lambda _path: settings)
    for item in expand_paths(paths, resolver.is_excluded if resolver is not None else None,
                             resolver.excluded_by if resolver is not None else None):
        if isinstance(item, InputError):
            yield item
        elif item == "-":
            if stdin_stream is not None:
                from citelint.dumps import dump_documents

                yield from dump_documents(stdin_stream, stdin_name, settings_for(stdin_name), progress, dumps)
            else:
                yield _stdin_document(stdin_text or b"", stdin_name, settings_for(stdin_name))
        elif _is_dump_input(item):
            from citelint.dumps import dump_documents

            checked = engine.items(item, settings_for(item), progress, dumps) if engine is not None else None
            yield from checked if checked is not None else dump_documents(item, item, settings_for(item),
                                                                          progress, dumps)
        else:
            s = settings_for(item)
            yield read_document(item, s.input_format, max_size=s.max_page_size)


def _is_dump_input(path: str) -> bool:
    """``dumps.is_dump_input``, the dump readers imported only for a path that may be one (start-up)."""
    from citelint.sources import kind_from_extension

    if kind_from_extension(path) is not None:
        return False
    from citelint.dumps import is_dump_input

    return is_dump_input(path)


def _stdin_document(data: str | bytes, name: str, settings: Settings) -> Document | InputError:
    """Standard input (bytes as read, decoded as a file is; or text already decoded)."""
    from citelint.sources import decode, detect_kind

    if isinstance(data, str) and data.strip():
        text: str | InputError = data.replace("\r\n", "\n").replace("\r", "\n")
    elif not data.strip():
        return InputError(name, "empty input on standard input: nothing to check")
    else:
        text = decode(data, name)
    if isinstance(text, InputError):
        return text
    kind = detect_kind(name, text, settings.input_format)
    return Document(path=name, text=text, kind=kind)


def _shared(found: list, strings: dict) -> list:
    """The revisions of a page repeat the same source lines and messages in finding after finding:
    keep one copy of each string, so a long history's findings take little memory. The copy kept is equal to
    the one it replaces, so the finding is the same value: it is set in place (``dataclasses.replace`` built a
    new finding and ran its checks again, 0.7 s for the 71,577 findings of a 200 MB dump)."""
    put = object.__setattr__  # a Finding is frozen; an equal string in place of an equal string changes nothing
    for f in found:
        line = strings.setdefault(f.source_line, f.source_line)
        if line is not f.source_line:
            put(f, "source_line", line)
        message = strings.setdefault(f.message, f.message)
        if message is not f.message:
            put(f, "message", message)
    return found


def run(paths: Iterable[str], settings: Settings, on_error: Callable[[InputError], None],
        stdin_text: Optional[str | bytes] = None, stdin_name: str = "-", *, stdin_stream=None, jobs: int = 1,
        progress=None, resolver=None, scale=None) -> RunResult:
    """Check every input. ``jobs`` > 1 checks documents in that many worker processes (same results,
    same order); ``progress`` is a ``citelint.progress.DumpProgress`` for dumps, or None; ``scale`` (a
    ``scale.Scale``): multistream dumps, ``--resume``, the Dask engine (``ResumeError`` for a state
    file that does not fit)."""
    start = time.perf_counter()
    findings = []
    errors = []
    files = 0
    pages = revisions = 0
    last_page: Optional[tuple] = None
    dumps: dict = {"files": 0, "skipped": {}}
    strings: dict = {}
    per_doc = (lambda doc: resolver.settings_for(doc.path)) if resolver is not None else settings
    link_pass = _link_pass(settings, paths)
    engine, state, units = _scale(scale, paths, settings, resolver, jobs, link_pass)
    items = iter_documents(paths, settings, stdin_text, stdin_name, stdin_stream, progress, dumps, resolver,
                           engine)
    if units is not None:
        items = units.before(items)
    if link_pass is not None:  # each document's links are collected, and their checks started, on the way in
        if settings.all_revisions and not getattr(link_pass, "offline", False):
            items = _newest_revision_links(items, link_pass, per_doc, parse_here=jobs <= 1)
        else:
            items = link_pass.feed(items, per_doc)

    def take(item, result) -> None:
        nonlocal files, pages, revisions, last_page
        if isinstance(item, Checked):  # checked elsewhere (a worker of a multistream dump, a resumed run)
            if item.links is not None and link_pass is not None:
                link_pass.add_collected(item.links, per_doc(item.doc) if callable(per_doc) else per_doc)
            item, result = item.doc, item.result
        if isinstance(item, InputError):
            if getattr(item, "fatal", True):
                errors.append(item)
            on_error(item)
            return
        if item.page is None:
            files += 1
        else:  # a revision from a dump
            revisions += 1
            if (item.path, item.page) != last_page:
                pages += 1
                last_page = (item.path, item.page)
        if isinstance(result, Failed):
            where = item.path if item.page is None else f"{item.path}[{item.page}@{item.revision}]"
            err = InputError(where, result.reason)
            errors.append(err)
            on_error(err)
        else:
            findings.extend(_shared(result, strings) if item.page is not None else result)
    try:
        for item, result in check_all(items, per_doc, jobs):
            if isinstance(item, Replay):  # a unit a --resume state file holds
                units.replaying = True
                for stored in item.items:
                    take(stored, None)
                units.replaying = False
                continue
            if units is not None:
                units.after(item, result)
            take(item, result)
        if units is not None:
            units.finish()
    finally:
        if state is not None:
            state.close()
    if state is not None and state.replayed:
        on_error(InputError(state.path, f"resumed: {state.replayed} unit(s) of work taken from the state file, "
                                        f"{state.recorded} checked now", fatal=False))
    written = getattr(engine.submitter, "written", 0)
    if written:  # --output-dir: findings written as JSON Lines, not gathered
        on_error(InputError(engine.scale.output_dir, f"{written} finding(s) written as JSON Lines", fatal=False))
    files += dumps["files"]  # a dump counts as one file
    result = RunResult(findings=findings, files_checked=files, elapsed=time.perf_counter() - start, errors=errors)
    if revisions:
        result.extra["pages_checked"] = pages
        result.extra["revisions_checked"] = revisions
    if written:
        result.extra["findings_written"] = written
    if dumps["skipped"]:
        result.extra["revisions_skipped"] = dict(sorted(dumps["skipped"].items()))
    if link_pass is not None:  # the link pass: every URL of the run checked once, now judged
        result.findings = link_pass.run(result.findings)
        extra = link_pass.summary()
        notices = extra.pop("notices", [])
        result.extra.update(extra)
        if notices:  # run-wide notices (links not checked, …): every report shows them once
            result.extra.setdefault("notices", []).extend(notices)
        result.elapsed = time.perf_counter() - start
    return result


def _newest_revision_links(items, link_pass, per_doc, parse_here: bool = False):
    """``--all-revisions`` with link checking: every revision gets the offline rules, but only the
    newest revision of each page gets its links checked. A URL that died after an old revision was
    replaced is no editor's problem today, and holding every revision's links would take memory in
    proportion to the whole history (15,000 revisions of one article: gigabytes).

    ``parse_here`` (one process): each revision is parsed here and goes on as a ``parse.Parsed``, so the
    rules and, for the newest revision, the link collection read one model (the last one is held)."""
    from citelint.parse import parse_within

    held: Optional[tuple] = None  # (document, its Parsed or None)

    def settings_of(doc):
        return per_doc(doc) if callable(per_doc) else per_doc

    def add(doc, parsed) -> None:
        if parsed is not None and parsed.model is None:
            return  # its parse ran out of time: the offline pass reports it
        link_pass.add(doc, settings_of(doc), model=parsed.model if parsed is not None else None)

    for item in items:
        if isinstance(item, Document):
            if held is not None and (held[0].path, held[0].page) != (item.path, item.page):
                add(*held)
                held = None
            if item.page is None:
                parsed = link_pass.add(item, settings_of(item))
                if parsed is not None:
                    item = parsed
            else:
                parsed = None
                if parse_here and item.unchecked is None:
                    try:
                        parsed = parse_within(item, settings_of(item))
                    except RecursionError:
                        parsed = None  # the offline pass parses it again and reports it
                held = (item, parsed)
                if parsed is not None:
                    item = parsed
        yield item
    if held is not None:
        add(*held)


def _link_pass(settings: Settings, paths: Iterable[str]):
    from citelint.links.linkpass import LinkPass

    given = [p for p in paths if isinstance(p, str)] if isinstance(paths, (list, tuple)) else []
    links = getattr(settings, "links", None)
    return LinkPass.for_settings(settings, paths=given, progress=bool(links and links.progress))


def _scale(scale, paths, settings: Settings, resolver, jobs: int, link_pass):
    """(dump engine, resume state, resume units) for a run's ``scale`` options."""
    from citelint.scale import DumpEngine, Scale

    scale = scale or Scale()
    state = units = None
    settings_for = (lambda p: resolver.settings_for(getattr(p, "path", p))) if resolver is not None \
        else (lambda _p: settings)
    if scale.resume:
        from citelint.resume import State, Units, run_key

        key = run_key([p for p in paths], settings_for,
                      {"index": None if scale.no_index else (scale.index and os.path.abspath(scale.index))})
        state = State(scale.resume, key)
        units = Units(state, settings_for)
        if link_pass is not None:
            link_pass.on_collected = units.on_links
    submitter = None
    if scale.engine == "dask":
        from citelint.dask_engine import DaskEngine

        submitter = DaskEngine(scale.scheduler, jobs, scale.output_dir)
    return DumpEngine(scale, jobs, link_mode(link_pass, settings), state, submitter), state, units
