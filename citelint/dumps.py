"""MediaWiki XML exports (Special:Export and database dumps, schemas 0.3 to 0.11), streamed page by page.

The reader feeds expat a megabyte at a time and hands out one ``Document`` per checked revision, so
memory stays flat whatever the size of the dump: it never holds more than the revision being read
(and, by default, the newest revision of the current page).

Safety: a MediaWiki export never declares entities, so any ``<!ENTITY …>`` declaration (the
"billion laughs" and external-entity attacks) stops the read with a clear error before anything is
expanded; external entities and external DTDs are never fetched.

Compressed dumps are opened by their suffix or, failing that, by their magic bytes:
``.bz2``, ``.gz``, ``.xz`` and LZMA-alone ``.lzma`` (what older dump tools wrote).
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import os
import re
import zlib
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterator, Optional, Union
from xml.parsers import expat

from citelint.model import Document

#: file names read as XML exports (a folder walk includes them only if they look like one)
DUMP_SUFFIXES = (".xml", ".xml.bz2", ".xml.gz", ".xml.xz", ".xml.lzma")
COMPRESSED_SUFFIXES = (".bz2", ".gz", ".xz", ".lzma")
CHUNK = 1 << 20  # bytes of XML fed to expat at a time
_HEAD = 4096  # bytes of XML looked at to decide whether a file is a MediaWiki export

# Content models and formats that are not wikitext: such revisions (CSS, JavaScript, Lua, JSON…) are skipped.
_WIKI_FORMATS = ("text/x-wiki",)
_NON_WIKI_MODELS = frozenset({"css", "sanitized-css", "javascript", "json", "scribunto", "text", "jsonschema",
                              "massmessagelistcontent", "flow-board", "wikibase-item", "wikibase-property",
                              "wikibase-lexeme", "gadgetdefinition", "json.jsonconfig", "tabular.jsonconfig",
                              "map.jsonconfig", "interactivemap"})
# "#REDIRECT [[…]]" and the common localised spellings of the magic word
_REDIRECT = re.compile(
    r"\s*#\s*(redirect|weiterleitung|redirection|redirecci[oó]n|rinvia|doorverwijzing|перенаправление"
    r"|przekieruj|omdirigering|ohjaus|転送|重定向|تحويل)\b",
    re.IGNORECASE)


class DumpError(Exception):
    """The dump cannot be read further; the message is one line for the user."""


class NotAnExport(DumpError):
    """Well-formed enough to read, but not a MediaWiki export (another XML file)."""


@dataclass
class DumpStats:
    """Figures of one dump being read, updated as it streams (the progress bar reads them)."""

    path: str
    size: Optional[int] = None  # bytes of the file as stored (compressed), if known
    bytes_in: int = 0  # bytes of the stored file consumed so far
    bytes_xml: int = 0  # bytes of (uncompressed) XML parsed so far
    pages: int = 0  # pages that yielded at least one document
    revisions: int = 0  # revisions handed out for checking
    skipped: dict = field(default_factory=dict)  # reason → revisions skipped (redirect, empty, …)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


# -- telling dumps apart ------------------------------------------------------------------------

def is_dump_name(name: str) -> bool:
    return name.lower().endswith(DUMP_SUFFIXES)


def _compression(name: str, head: bytes = b"") -> Optional[str]:
    lower = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lower.endswith(suffix):
            return suffix[1:]
    if head.startswith(b"BZh"):
        return "bz2"
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    # LZMA-alone: a properties byte (0x5D for every common preset), then a power-of-two-ish dictionary size
    if len(head) >= 13 and head[0] == 0x5D:
        dict_size = int.from_bytes(head[1:5], "little")
        if dict_size & (dict_size - 1) == 0 or (dict_size // 3) & (dict_size // 3 - 1) == 0:
            return "lzma"
    return None


def _decompressing(raw: BinaryIO, kind: Optional[str]) -> BinaryIO:
    if kind == "bz2":
        return bz2.BZ2File(raw)
    if kind == "gz":
        return gzip.GzipFile(fileobj=raw)
    if kind == "xz":
        return lzma.LZMAFile(raw, format=lzma.FORMAT_XZ)
    if kind == "lzma":
        return lzma.LZMAFile(raw, format=lzma.FORMAT_ALONE)
    return raw


def _peek(raw: BinaryIO, n: int) -> bytes:
    """The first ``n`` bytes of a stream, without consuming them when it can peek (stdin, files)."""
    peek = getattr(raw, "peek", None)
    if peek is not None:
        try:
            return peek(n)[:n]
        except (OSError, ValueError):
            return b""
    return b""


_ROOT = re.compile(rb"<(?!\?|!)\s*([A-Za-z_][\w.:-]*)")


def looks_like_export(head: bytes) -> Optional[str]:
    """``None`` when ``head`` (the start of the XML) opens a MediaWiki export, else why not."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark (expat reads it)
        head = head[:len(head) // 2 * 2].decode("utf-16", "replace").encode("utf-8")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        return "not XML"
    # skip the XML declaration, comments, doctype, processing instructions
    m = None
    pos = 0
    while True:
        m = _ROOT.search(text, pos)
        if m is None:
            return None if len(text) < 64 else "no root element in the first 4 KB"
        before = text[:m.start()]
        if before.count(b"<!--") > before.count(b"-->"):
            pos = m.end()
            continue
        break
    root = m.group(1).split(b":")[-1]
    if root != b"mediawiki":
        return f"not a MediaWiki XML export (root element <{root.decode('ascii', 'replace')}>)"
    return None


def sniff_file(path: str) -> Optional[str]:
    """For a file found in a folder walk: ``None`` if it is a MediaWiki export, else why it is not one."""
    from citelint.inputs import open_regular, read_error

    try:
        with open_regular(path) as fh:
            head = fh.read(16)
            fh.seek(0)
            kind = _compression(path, head)
            stream = _decompressing(fh, kind)
            try:
                data = stream.read(_HEAD)
            except (OSError, EOFError, lzma.LZMAError) as e:
                return f"unreadable {kind or ''} data: {e}".replace("  ", " ")
    except OSError as e:
        return read_error(e)
    return looks_like_export(data)


def is_probably_dump(path: str) -> bool:
    """For a file named on the command line with no known extension: compressed or XML content."""
    from citelint.inputs import open_regular

    try:
        with open_regular(path) as fh:
            head = fh.read(64)
    except OSError:
        return False
    if _compression("", head) is not None:
        return True
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped.startswith(b"<?xml") or stripped.startswith(b"<mediawiki")


# -- the streaming parser -----------------------------------------------------------------------

class _Revision:
    __slots__ = ("id", "timestamp", "text", "model", "format", "deleted", "oversize")

    def __init__(self) -> None:
        self.id: Optional[str] = None
        self.timestamp: str = ""
        self.text: Optional[str] = None
        self.model: Optional[str] = None
        self.format: Optional[str] = None
        self.deleted = False
        self.oversize = 0  # bytes of its <text> when over the size limit (the text itself is not kept)


class _Refused(Exception):
    pass


# What an export may declare in ``<?xml … encoding="…"?>``. MediaWiki always writes UTF-8; expat itself reads
# UTF-8, UTF-16, ISO-8859-1 and US-ASCII (names compared case-insensitively). Any other name would go to
# Python's codec machinery, which crashes on most (multi-byte, non-text and unknown codecs) and would
# silently read the rest (legacy 8-bit code pages), so it is refused with a message naming it.
_EXPAT_ENCODINGS = frozenset({"UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "US-ASCII"})
#: other spellings of those (Python's canonical codec name → expat's), read as what they name: "utf8", "latin1"…
_SPELLINGS = {"utf-8": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE",
              "iso8859-1": "ISO-8859-1", "ascii": "US-ASCII"}


def _encoding_for(declared: str) -> Optional[str]:
    """For a declared encoding expat does not read by that name: expat's name for it, or None (refused)."""
    try:
        name = codecs.lookup(declared).name
    except (LookupError, ValueError, TypeError):
        return None
    return _SPELLINGS.get(name)


class _Reencode(Exception):
    """The XML declaration names an encoding expat reads under another name: read again with that name."""

    def __init__(self, encoding: str) -> None:
        super().__init__(encoding)
        self.encoding = encoding


class _ExportReader:
    """expat handlers that turn an export into finished revisions, queued in ``self.ready``."""

    def __init__(self, display: str, all_revisions: bool, namespaces: Optional[frozenset[int]],
                 kind: str, stats: DumpStats, encoding: Optional[str] = None,
                 max_size: Optional[int] = None) -> None:
        self.display = display
        self.encoding = encoding  # given: expat reads the file in it, whatever the declaration says
        self.declared: Optional[str] = None  # the encoding named by the XML declaration
        self.fed = 0  # bytes given to expat so far
        self.all_revisions = all_revisions
        self.namespaces = namespaces
        self.kind = kind
        self.stats = stats
        self.ready: list[Document] = []
        self.stack: list[str] = []
        self.capture: Optional[list[str]] = None
        #: bytes (UTF-8) of what is being captured, and the most kept of one element: past it, an
        #: element's text is dropped and only counted (a revision's <text> is then not checked)
        self.captured = 0
        self.max_size = max_size
        self.oversize: Optional[_Revision] = None  # the revision whose <text> is being counted, not kept
        self.ns_names: dict[str, int] = {}  # namespace prefix (lower case) → key, from <siteinfo>
        self._ns_key: Optional[int] = None
        self.seen_root = False
        # page state
        self.title: Optional[str] = None
        self.ns: Optional[int] = None
        self.wanted = True
        self.rev: Optional[_Revision] = None
        self.best: Optional[_Revision] = None
        self.page_emitted = False

        p = expat.ParserCreate(encoding)
        p.buffer_text = True
        p.buffer_size = 1 << 16
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.chars
        p.EntityDeclHandler = self.refuse_entity
        p.UnparsedEntityDeclHandler = self.refuse_unparsed
        p.ExternalEntityRefHandler = self.refuse_external
        p.XmlDeclHandler = self.xml_decl
        self.parser = p

    def xml_decl(self, version, encoding, standalone) -> None:
        """The XML declaration: called before expat looks the encoding up, so a name it does not read
        itself is judged here (see ``_EXPAT_ENCODINGS``)."""
        if encoding is None or self.encoding is not None:
            return
        self.declared = encoding
        if encoding.upper() in _EXPAT_ENCODINGS:
            return
        other = _encoding_for(encoding)
        if other is not None:
            raise _Reencode(other)
        shown = encoding if len(encoding) <= 40 else encoding[:40] + "…"
        raise _Refused(f"the XML declares encoding=\"{shown}\", which citelint does not read (a MediaWiki export "
                       f"is UTF-8; UTF-16, ISO-8859-1 and US-ASCII are read too): convert the file to UTF-8")

    # -- refusals
    def refuse_entity(self, name, is_parameter, value, base, system_id, public_id, notation) -> None:
        decl = f"<!ENTITY {'% ' if is_parameter else ''}{name} …>"
        if system_id:
            raise _Refused(f"the file declares an external entity ({decl} pointing at {system_id}); "
                           f"a MediaWiki export never does: refused (it could read local files)")
        raise _Refused(f"the file declares an entity ({decl}); a MediaWiki export never does: "
                       f"refused (entity expansion can exhaust memory)")

    def refuse_unparsed(self, name, base, system_id, public_id, notation) -> None:
        raise _Refused(f"the file declares an external entity (<!ENTITY {name} SYSTEM …>): refused")

    def refuse_external(self, context, base, system_id, public_id) -> int:
        raise _Refused(f"the file refers to an external entity ({system_id}): refused")

    # -- elements
    def start(self, name: str, attrs: dict) -> None:
        name = name.rpartition(":")[2]
        stack = self.stack
        parent = stack[-1] if stack else None
        stack.append(name)
        if parent is None:
            if self.seen_root:
                return
            self.seen_root = True
            if name != "mediawiki":
                raise NotAnExport(f"not a MediaWiki XML export (root element <{name}>)")
            return
        if parent == "page":
            if name == "revision":
                self.rev = _Revision() if self.wanted else None
            elif name in ("title", "ns"):
                self._capture()
        elif parent == "revision":
            rev = self.rev
            if rev is None:
                return
            if name == "text":
                if attrs.get("deleted"):
                    rev.deleted = True
                else:
                    self._capture()
            elif name in ("id", "timestamp", "model", "format"):
                self._capture()
        elif name == "page" and parent == "mediawiki":
            self.title = None
            self.ns = None
            self.wanted = True
            self.best = None
            self.page_emitted = False
        elif name == "namespace" and parent == "namespaces":
            key = attrs.get("key")
            try:
                self._ns_key = int(key) if key is not None else None
            except ValueError:
                self._ns_key = None
            self._capture()

    def _capture(self) -> None:
        self.capture = []
        self.captured = 0

    def cut_off(self) -> str:
        """For an error message: the page being read when the dump broke off, if its check is lost."""
        if self.title is None or "page" not in self.stack or self.all_revisions or not self.wanted:
            return ""
        return f"; page \"{self.title}\" was cut off: its newest revision is unknown, not checked"

    def _take(self) -> str:
        text = "".join(self.capture) if self.capture is not None else ""
        self.capture = None
        return text

    def end(self, name: str) -> None:
        name = name.rpartition(":")[2]
        stack = self.stack
        stack.pop()
        parent = stack[-1] if stack else None
        if parent == "revision":
            rev = self.rev
            if rev is None:
                return
            if name == "text":
                if self.oversize is not None:
                    self.oversize = None
                    self.capture = None
                elif not rev.deleted:
                    rev.text = self._take()
            elif name == "id":
                rev.id = self._take().strip()
            elif name == "timestamp":
                rev.timestamp = self._take().strip()
            elif name == "model":
                rev.model = self._take().strip()
            elif name == "format":
                rev.format = self._take().strip()
        elif parent == "page":
            if name == "title":
                self.title = self._take()
                if self.ns is None:
                    self._set_ns(self._ns_from_title(self.title))
            elif name == "ns":
                value = self._take().strip()
                try:
                    self._set_ns(int(value))
                except ValueError:
                    pass
            elif name == "revision":
                rev, self.rev = self.rev, None
                if rev is not None:
                    self._revision_done(rev)
        elif name == "page" and parent == "mediawiki":
            if not self.all_revisions and self.best is not None:
                best, self.best = self.best, None
                self._emit(best)
        elif name == "namespace" and parent == "namespaces":
            prefix = self._take().strip()
            if self._ns_key is not None and prefix:
                self.ns_names[prefix.lower()] = self._ns_key

    def chars(self, data: str) -> None:
        capture = self.capture
        if capture is None:
            if self.oversize is not None:
                self.oversize.oversize += len(data) if data.isascii() else len(data.encode("utf-8", "surrogatepass"))
            return
        capture.append(data)
        if self.max_size is not None:
            self.captured += len(data) if data.isascii() else len(data.encode("utf-8", "surrogatepass"))
            if self.captured > self.max_size:  # stop keeping it: memory stays bounded, the stream goes on
                self.capture = None
                rev = self.rev
                if rev is not None and self.stack and self.stack[-1] == "text":
                    rev.oversize = self.captured
                    self.oversize = rev

    # -- pages and revisions
    def _ns_from_title(self, title: str) -> int:
        prefix, sep, _ = title.partition(":")
        if sep:
            return self.ns_names.get(prefix.strip().lower(), 0)
        return 0

    def _set_ns(self, ns: int) -> None:
        self.ns = ns
        self.wanted = self.namespaces is None or ns in self.namespaces
        if not self.wanted:
            self.rev = None

    def _revision_done(self, rev: _Revision) -> None:
        if not self.wanted:
            return
        if self.all_revisions:
            self._emit(rev)
            return
        best = self.best
        # the newest revision: by timestamp (ISO 8601 compares as text); ties and missing stamps → the later one
        if best is None or rev.timestamp >= best.timestamp:
            self.best = rev

    def _emit(self, rev: _Revision) -> None:
        stats = self.stats
        if not self.wanted:
            return
        text = rev.text
        if rev.deleted:
            stats.skip("deleted")
            return
        if rev.format and rev.format not in _WIKI_FORMATS or (rev.model and rev.model.lower() in _NON_WIKI_MODELS):
            stats.skip("not wikitext")
            return
        if rev.oversize:
            from citelint.inputs import too_large

            if not self.page_emitted:
                self.page_emitted = True
                stats.pages += 1
            stats.revisions += 1
            self.ready.append(Document(path=self.display, text="", kind=self.kind, page=self.title or "",
                                       revision=rev.id, namespace=self.ns, timestamp=rev.timestamp or None,
                                       unchecked=too_large(rev.oversize, self.max_size or 0, "page")))
            return
        if text is None or not text.strip():
            stats.skip("empty")
            return
        if _REDIRECT.match(text):
            stats.skip("redirect")
            return
        if not self.page_emitted:
            self.page_emitted = True
            stats.pages += 1
        stats.revisions += 1
        self.ready.append(Document(path=self.display, text=text, kind=self.kind, page=self.title or "",
                                   revision=rev.id, namespace=self.ns, timestamp=rev.timestamp or None))


def _open(source: Union[str, BinaryIO], display: str) -> tuple[BinaryIO, BinaryIO, Optional[int], bool]:
    """(raw stream, XML stream, stored size, whether we opened it) for a path or a binary stream."""
    if isinstance(source, (str, os.PathLike)):
        from citelint.inputs import open_regular

        raw = open_regular(str(source))
        try:
            size: Optional[int] = os.fstat(raw.fileno()).st_size
            head = raw.read(16)
            raw.seek(0)
        except OSError:
            raw.close()
            raise
        return raw, _decompressing(raw, _compression(str(source), head)), size, True
    raw = source
    head = _peek(raw, 16)
    if not isinstance(raw, io.BufferedReader) and not head:
        raw = io.BufferedReader(raw)  # type: ignore[arg-type]
        head = _peek(raw, 16)
    return raw, _decompressing(raw, _compression(display, head)), None, False


def _tell(raw: BinaryIO) -> int:
    try:
        return raw.tell()
    except (OSError, ValueError, AttributeError):
        return 0


def iter_dump(source: Union[str, BinaryIO], display: Optional[str] = None, *, all_revisions: bool = False,
              namespaces: Optional[frozenset[int]] = None, kind: str = "wikitext",
              stats: Optional[DumpStats] = None,
              on_chunk: Optional[Callable[[DumpStats], None]] = None,
              max_page_size: Optional[int] = None) -> Iterator[Document]:
    """The documents of a dump, in dump order: by default the newest revision of each page.

    Raises ``DumpError`` (one line: file and problem) when the file stops being readable; the
    documents handed out before that stay valid. ``stats`` is updated as the dump streams.
    """
    shown = display or (source if isinstance(source, str) else "-")
    stats = stats if stats is not None else DumpStats(shown)
    try:
        raw, xml, size, owned = _open(source, shown)
    except OSError as e:
        from citelint.inputs import read_error

        raise DumpError(read_error(e)) from None
    stats.size = size
    reader = _ExportReader(shown, all_revisions, namespaces, kind, stats, max_size=max_page_size)
    # the chunks fed until the root element opens: a declaration naming another spelling of an encoding
    # expat reads ("utf8", "latin1") starts the read again in it, and nothing has been handed out by then
    held: Optional[list[bytes]] = []

    def feed(data: bytes, final: bool) -> None:
        nonlocal reader, held
        if held is None:
            _feed(reader, reader.parser.Parse, data, final)
            return
        held.append(data)
        try:
            _feed(reader, reader.parser.Parse, data, final)
        except _Reencode as e:
            reader.parser = None  # type: ignore[assignment]
            reader = _ExportReader(shown, all_revisions, namespaces, kind, stats, encoding=e.encoding,
                                   max_size=max_page_size)
            for i, piece in enumerate(held):
                _feed(reader, reader.parser.Parse, piece, final and i == len(held) - 1)
        if reader.seen_root:
            held = None

    # read1: what one step of decompression gives, so that a truncated file still yields what came before
    read = getattr(xml, "read1", None) or xml.read
    compressed = xml is not raw
    try:
        while True:
            try:
                chunk = read(CHUNK)
            except EOFError:
                raise DumpError(f"the compressed data ends early, after {_size(stats.bytes_xml)} of XML "
                                f"(truncated file?){reader.cut_off()}") from None
            except (lzma.LZMAError, OSError, zlib.error) as e:
                raise DumpError(f"corrupt compressed data after {_size(stats.bytes_xml)} of XML: {e}"
                                f"{reader.cut_off()}") from None
            if not chunk:
                if stats.bytes_xml == 0:
                    raise DumpError("empty file: nothing to check")
                feed(b"", True)
                yield from reader.ready
                reader.ready.clear()
                break
            stats.bytes_xml += len(chunk)
            feed(chunk, False)
            stats.bytes_in = _tell(raw) if compressed else stats.bytes_xml
            if reader.ready:
                yield from reader.ready
                reader.ready.clear()
            if on_chunk is not None:
                on_chunk(stats)
    finally:
        reader.parser = None  # type: ignore[assignment]
        if owned:
            try:
                xml.close()
            finally:
                raw.close()
    if size is not None:
        stats.bytes_in = size


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def _feed(reader: _ExportReader, parse, data: bytes, final: bool) -> None:
    base = reader.fed  # bytes fed before this chunk (expat's byte index counts from the start)
    reader.fed += len(data)
    try:
        parse(data, final)
    except _Refused as e:
        raise DumpError(f"{e} (XML line {reader.parser.CurrentLineNumber})") from None
    except NotAnExport:
        raise
    except expat.ExpatError as e:
        msg = expat.ErrorString(e.code)
        if final and e.code in (expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS],
                                expat.errors.codes[expat.errors.XML_ERROR_UNCLOSED_TOKEN],
                                expat.errors.codes[expat.errors.XML_ERROR_PARTIAL_CHAR]):
            msg += " (the file ends in the middle of the XML: truncated?)"
        if e.code == expat.errors.codes[expat.errors.XML_ERROR_INVALID_TOKEN] and _bad_utf8(reader, data, base):
            byte = data[reader.parser.ErrorByteIndex - base]
            raise DumpError(f"not valid UTF-8 at XML line {e.lineno}, column {e.offset + 1} (byte 0x{byte:02x}): "
                            f"convert the file to UTF-8{reader.cut_off()}") from None
        if e.code == expat.errors.codes[expat.errors.XML_ERROR_INCORRECT_ENCODING] and reader.declared:
            msg += f" (it says encoding=\"{reader.declared[:40]}\")"
        raise DumpError(f"XML error at line {e.lineno}, column {e.offset + 1}: {msg}{reader.cut_off()}") from None
    if final and not reader.seen_root:
        raise NotAnExport("not a MediaWiki XML export (no root element)")


def _bad_utf8(reader: _ExportReader, data: bytes, base: int) -> bool:
    """Whether expat's "invalid token" is a byte sequence that is not UTF-8 (in a file read as UTF-8)."""
    if (reader.encoding or reader.declared or "UTF-8").upper() != "UTF-8":
        return False
    i = reader.parser.ErrorByteIndex - base
    if not 0 <= i < len(data):
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data[i:i + 4], final=False)
    except UnicodeDecodeError:
        return True
    return False


# -- what the runner calls --------------------------------------------------------------------

def is_dump_input(path: str) -> bool:
    """A path named on the command line (or found in a folder) that is to be read as an export."""
    from citelint.inputs import kind_from_extension

    if kind_from_extension(path) is not None:
        return False
    return is_dump_name(path) or is_probably_dump(path)


def dump_documents(source: Union[str, BinaryIO], display: str, settings, progress=None,
                   totals: Optional[dict] = None) -> Iterator:
    """``iter_dump`` for a run: documents, then an ``InputError`` if the dump breaks off.

    ``settings`` gives ``all_revisions``, ``namespaces`` and ``input_format``; ``progress`` (if
    any) is told about every document; ``totals`` (``{"files": n, "skipped": {reason: n}}``) counts
    the dumps read and the revisions skipped.
    """
    from citelint.inputs import InputError

    stats = DumpStats(display)
    if progress is not None:
        progress.start(stats)
    try:
        for doc in iter_dump(source, display, all_revisions=getattr(settings, "all_revisions", False),
                             namespaces=getattr(settings, "namespaces", None),
                             kind=getattr(settings, "input_format", None) or "wikitext", stats=stats,
                             on_chunk=progress.update if progress is not None else None,
                             max_page_size=getattr(settings, "max_page_size", None)):
            if progress is not None:
                progress.update(stats)
            yield doc
    except DumpError as e:
        yield InputError(display, str(e))
    finally:
        if progress is not None:
            progress.finish(stats)
        if totals is not None:
            if stats.bytes_xml:
                totals["files"] = totals.get("files", 0) + 1
            skipped = totals.setdefault("skipped", {})
            for reason, n in stats.skipped.items():
                skipped[reason] = skipped.get(reason, 0) + n


def sniff_stream(stream: BinaryIO, name: str = "-") -> tuple[BinaryIO, bool]:
    """Whether a binary stream (standard input) carries a dump, judged by ``name`` (``--stdin-filename``)
    or, for a name with no known extension, by its first bytes; returns the stream to read from next
    (wrapped so that the bytes looked at are not lost)."""
    from citelint.inputs import kind_from_extension

    if is_dump_name(name):
        return stream, True
    if kind_from_extension(name) is not None:
        return stream, False
    if getattr(stream, "peek", None) is None:
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    head = _peek(stream, 64)
    if _compression(name, head) is not None:
        return stream, True
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stream, stripped.startswith(b"<?xml") or stripped.startswith(b"<mediawiki")
