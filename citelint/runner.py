"""A run: expand the inputs, check each document, collect findings and input errors."""

from __future__ import annotations

import time
from typing import Callable, Iterable, Iterator, Optional

from citelint.engine import check_document
from citelint.model import Document
from citelint.report import RunResult
from citelint.settings import Settings
from citelint.sources import InputError, expand_paths, read_document


def iter_documents(paths: Iterable[str], settings: Settings, stdin_text: Optional[str] = None,
                   stdin_name: str = "-") -> Iterator[Document | InputError]:
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        elif item == "-":
            yield _stdin_document(stdin_text or "", stdin_name, settings)
        else:
            yield read_document(item, settings.input_format)


def _stdin_document(text: str, name: str, settings: Settings) -> Document | InputError:
    from citelint.sources import kind_from_extension, sniff_kind

    if not text.strip():
        return InputError(name, "empty input on standard input: nothing to check")
    kind = settings.input_format or kind_from_extension(name) or sniff_kind(text)
    return Document(path=name, text=text.replace("\r\n", "\n"), kind=kind)


def run(paths: Iterable[str], settings: Settings, on_error: Callable[[InputError], None],
        stdin_text: Optional[str] = None, stdin_name: str = "-") -> RunResult:
    start = time.perf_counter()
    findings = []
    errors = []
    files = 0
    for item in iter_documents(paths, settings, stdin_text, stdin_name):
        if isinstance(item, InputError):
            errors.append(item)
            on_error(item)
            continue
        files += 1
        try:
            findings.extend(check_document(item, settings))
        except RecursionError:
            err = InputError(item.path, "too deeply nested to parse: skipped")
            errors.append(err)
            on_error(err)
    return RunResult(findings=findings, files_checked=files, elapsed=time.perf_counter() - start, errors=errors)
