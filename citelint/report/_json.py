"""Writing a JSON report in large pieces, quickly.

``json.dump`` writes every token as its own ``write``: millions of them for a dump's report. Where standard
output is unbuffered (``PYTHONUNBUFFERED=1``, common in CI images) each is a system call, and a 46 MB report
took 3.4 s longer to write to a pipe than to a file. And with ``indent`` the standard library encodes in
Python, token by token through nested generators (its C encoder is for compact output only): 0.9 s of CPU
for the 71,577 findings of a 200 MB dump, in the main process, after the workers are done.

So the report is encoded here: the same text as ``json.dump(obj, indent=2, ensure_ascii=False)``
(strings by the standard library's own C string encoder, numbers as it writes them), each finding made
in one piece, written in chunks of about a megabyte, so memory stays bounded by the chunk. A value this
encoder does not know (a key that is not a string, a type other than dict, list, tuple, str, int, float,
bool and None) is encoded by ``json.dumps`` and indented to its place (a JSON text's line breaks are all
between tokens: a string's own are escaped), so the text is ``json.dump``'s in every case, errors included.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C encoder of a string when available (_json)

CHUNK = 1 << 20  # characters per write
_INDENT = "  "
_STREAMED_DEPTH = 2  # containers this deep or less are written piece by piece; deeper ones whole


def _stdlib(o, level: int) -> str:
    """``o`` as ``json.dumps`` writes it, indented to ``level``."""
    return json.dumps(o, indent=2, ensure_ascii=False).replace("\n", "\n" + _INDENT * level)


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == float("inf"):
        return "Infinity"
    if o == -float("inf"):
        return "-Infinity"
    return float.__repr__(o)


def _scalar(o, level: int) -> str:
    if isinstance(o, str):
        return encode_basestring(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    return _stdlib(o, level)


_SCALARS = frozenset((str, int, float, bool, type(None)))
_FLAT: dict = {}  # indent level -> a function that writes a flat dict at it (the C encoder's, when there is one)


def _flat_encoder(level: int):
    enc = _FLAT.get(level)
    if enc is None:
        separators = (",\n" + _INDENT * (level + 1), ": ")
        c_make_encoder = getattr(json.encoder, "c_make_encoder", None)
        if c_make_encoder is not None:  # what JSONEncoder.encode builds at each call, built once
            one = c_make_encoder(None, None, encode_basestring, None, separators[1], separators[0], False, False,
                                 True)
            enc = (lambda o, _one=one: "".join(_one(o, 0)))
        else:
            enc = json.JSONEncoder(ensure_ascii=False, separators=separators).encode
        _FLAT[level] = enc
    return enc


def _whole(o, level: int) -> str:
    """``o`` encoded at indent ``level`` (its first line not indented), in one string."""
    if isinstance(o, dict):
        if not o:
            return "{}"
        if _SCALARS.issuperset(map(type, o)) and _SCALARS.issuperset(map(type, o.values())):
            # a flat dict (a finding without a fix): the C encoder, its item separator carrying the indent
            text = _flat_encoder(level)(o)
            return "{\n" + _INDENT * (level + 1) + text[1:-1] + "\n" + _INDENT * level + "}"
        inner = "\n" + _INDENT * (level + 1)
        parts = []
        for k, v in o.items():
            if not isinstance(k, str):
                return _stdlib(o, level)
            if isinstance(v, (dict, list, tuple)):
                parts.append(encode_basestring(k) + ": " + _whole(v, level + 1))
            else:
                parts.append(encode_basestring(k) + ": " + _scalar(v, level + 1))
        return "{" + inner + ("," + inner).join(parts) + "\n" + _INDENT * level + "}"
    if isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        inner = "\n" + _INDENT * (level + 1)
        return "[" + inner + ("," + inner).join(
            _whole(v, level + 1) if isinstance(v, (dict, list, tuple)) else _scalar(v, level + 1) for v in o
        ) + "\n" + _INDENT * level + "]"
    return _scalar(o, level)


def _pieces(o, level: int):
    """``o`` encoded at indent ``level``, piece by piece: containers up to ``_STREAMED_DEPTH`` deep one item
    at a time, each deeper value whole."""
    if level >= _STREAMED_DEPTH or not isinstance(o, (dict, list, tuple)) or not o \
            or (isinstance(o, dict) and not all(isinstance(k, str) for k in o)):
        yield _whole(o, level)
        return
    inner = "\n" + _INDENT * (level + 1)
    is_dict = isinstance(o, dict)
    yield "{" if is_dict else "["
    first = True
    for item in (o.items() if is_dict else o):
        yield inner if first else "," + inner
        first = False
        if is_dict:
            k, item = item
            yield encode_basestring(k) + ": "
        yield from _pieces(item, level + 1)
    yield "\n" + _INDENT * level + ("}" if is_dict else "]")


def write_json(obj, stream) -> None:
    """``json.dump(obj, stream, indent=2, ensure_ascii=False)`` and a final newline, in large writes."""
    parts: list[str] = []
    size = 0
    for piece in _pieces(obj, 0):
        parts.append(piece)
        size += len(piece)
        if size >= CHUNK:
            stream.write("".join(parts))
            parts.clear()
            size = 0
    parts.append("\n")
    stream.write("".join(parts))
