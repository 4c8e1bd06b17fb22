"""Settings for one run: which rules, at which severity, and how inputs are read.

The CLI builds one from its options (and, later, from configuration files); checking a document
needs only this and the document, so both are plain, picklable data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from citelint.model import Severity
from citelint.parsers.templates import TemplateTable, default_table

DEFAULT_MAX_PAGE_SIZE = 50_000_000  # bytes: 25× the 2 MB MediaWiki allows a page by default ($wgMaxArticleSize)
DEFAULT_PARSE_TIMEOUT = 10.0
PARSERS = ("scan", "full")  # seconds: the largest Wikipedia pages take about 3 s


@dataclass(frozen=True)
class Settings:
    #: rule names to run (None: all)
    select: Optional[frozenset[str]] = None
    #: rule name → severity override
    severities: dict = field(default_factory=dict)
    #: findings at or above this severity make the exit status 1
    fail_on: Severity = Severity.WARNING
    #: "wikitext" or "plaintext" to override detection
    input_format: Optional[str] = None
    templates: TemplateTable = field(default_factory=default_table)
    sub_referencing: bool = True
    #: [tool.citelint.cs1]: the wiki's own CS1 templates, ((name, CitationClass), …), added to cs1_templates.toml
    cs1_templates: tuple = ()
    #: [tool.citelint.cs1]: parameter names the wiki's CS1 module accepts besides the pinned whitelist
    cs1_parameters: frozenset = frozenset()
    #: [tool.citelint.cs1.identifier-limits]: ((kind, upper limit), …) replacing the pinned CS1 limits
    identifier_limits: tuple = ()
    #: honour <!-- citelint-disable… --> comments (off: --ignore-suppressions, to audit everything)
    inline_suppressions: bool = True
    #: XML dumps: check every revision of a page, not only the newest (--all-revisions)
    all_revisions: bool = False
    #: XML dumps: only pages in these namespaces (--namespace N, repeatable); None: all
    namespaces: Optional[frozenset[int]] = None
    #: how links are checked (a citelint.links.config.LinkSettings); None: not at all (--offline)
    links: Optional[object] = None
    #: the largest page or file checked, in bytes of text (--max-page-size); a larger one is not read
    #: and gets one unchecked-page finding. None: no limit
    max_page_size: Optional[int] = DEFAULT_MAX_PAGE_SIZE
    #: the most seconds checking one page may take (--parse-timeout); a slower one gets one
    #: unchecked-page finding and the run goes on. None: no limit
    parse_timeout: Optional[float] = DEFAULT_PARSE_TIMEOUT
    #: how wikitext is read (--parser): "scan", the citation scanner (mwparserfromhell only for the
    #: regions it hands over), or "full", mwparserfromhell's whole tree (the reference it is tested against)
    parser: str = "scan"

    def enabled(self, rule_name: str) -> bool:
        return self.select is None or rule_name in self.select
