"""Building multistream dumps from the corpus, as Wikimedia lays them out (for tests and bench/).

``pages-articles-multistream.xml.bz2``: one bz2 stream holding ``<mediawiki …><siteinfo>…</siteinfo>``,
then one stream per ``per_stream`` pages, then one holding ``</mediawiki>``; beside it
``…-multistream-index.txt.bz2`` with a line ``offset:page_id:title`` per page (titles have colons).
Pages are the corpus's XML exports' ``<page>`` elements, repeated under new titles and ids until
there are ``pages`` of them.
"""

from __future__ import annotations

import bz2
import html
import re
from pathlib import Path
from typing import Iterable, Optional

from paths import CORPUS, need

XML = CORPUS / "xml"
_PAGE = re.compile(rb"<page>.*?</page>", re.S)
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
_ID = re.compile(rb"(<page>\s*(?:<title>.*?</title>\s*)?(?:<ns>.*?</ns>\s*)?<id>)(\d+)(</id>)", re.S)


def corpus_pages(include_large: bool = False, wikitext: bool = False) -> list[bytes]:
    """The ``<page>`` elements of the corpus's XML exports (the 0.5 MB Anarchism page only if asked);
    ``wikitext``: the 15 wikitext articles too, each wrapped as a page."""
    pages = []
    for f in sorted(need(XML).glob("*.xml")):
        if "Anarchism" in f.name and not include_large:
            continue
        pages.extend(_PAGE.findall(f.read_bytes()))
    if wikitext:
        for f in sorted(need(CORPUS / "wikitext").glob("*.wiki")):
            pages.append(wiki_page(f.stem, f.read_text(encoding="utf-8")))
    return pages


def wiki_page(title: str, text: str, ns: int = 0) -> bytes:
    """A ``<page>`` element of one revision holding ``text``."""
    body = html.escape(text, quote=False).encode()
    return (b"<page><title>" + html.escape(title).encode() + b"</title><ns>" + str(ns).encode() + b"</ns><id>1</id>"
            b"<revision><id>1</id><timestamp>2020-01-01T00:00:00Z</timestamp><model>wikitext</model>"
            b"<format>text/x-wiki</format><text xml:space=\"preserve\">" + body + b"</text></revision></page>")


def header() -> bytes:
    data = need(XML / "pywikibot__article-pear-0.10.xml").read_bytes()
    return data[: data.index(b"<page>")]


def renamed(pages: list[bytes], n: int) -> Iterable[tuple[int, str, bytes]]:
    """``n`` pages cycling through ``pages``, copy k titled ``TITLE: copy k`` (a colon in every title), id k+1."""
    for k in range(n):
        page = pages[k % len(pages)]
        page = _TITLE.sub(lambda m: b"<title>" + m.group(1) + b": copy " + str(k).encode() + b"</title>", page, 1)
        page = _ID.sub(lambda m: m.group(1) + str(k + 1).encode() + m.group(3), page, 1)
        title = html.unescape(_TITLE.search(page).group(1).decode())
        yield k + 1, title, page


def build(folder: Path, pages: int = 600, per_stream: int = 100, source: Optional[list] = None,
          name: str = "testwiki-20260101-pages-articles-multistream") -> tuple[Path, Path, bytes]:
    """Write the dump and its index into ``folder``; returns (dump, index, the XML as one plain file)."""
    folder = Path(folder)
    dump = folder / f"{name}.xml.bz2"
    index = folder / f"{name}-index.txt.bz2"
    head = header()
    plain = [head]
    lines = []
    batch: list = []
    with open(dump, "wb") as out:
        out.write(bz2.compress(head))

        def flush():
            off = out.tell()
            data = b"".join(p for _, _, p in batch)
            plain.append(data)
            out.write(bz2.compress(data))
            lines.extend(f"{off}:{pid}:{title}\n" for pid, title, _ in batch)
            batch.clear()

        for entry in renamed(source or corpus_pages(), pages):
            batch.append(entry)
            if len(batch) == per_stream:
                flush()
        if batch:
            flush()
        out.write(bz2.compress(b"</mediawiki>\n"))
    plain.append(b"</mediawiki>\n")
    index.write_bytes(bz2.compress("".join(lines).encode()))
    return dump, index, b"".join(plain)
