"""Settings for one run: which rules, at which severity, and how inputs are read.

The CLI builds one from its options (and, later, from configuration files); checking a document
needs only this and the document, so both are plain, picklable data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from citelint.model import Severity
from citelint.parsers.templates import TemplateTable, default_table


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
    #: honour <!-- citelint-disable… --> comments (off: --ignore-suppressions, to audit everything)
    inline_suppressions: bool = True
    #: XML dumps: check every revision of a page, not only the newest (--all-revisions)
    all_revisions: bool = False
    #: XML dumps: only pages in these namespaces (--namespace N, repeatable); None: all
    namespaces: Optional[frozenset[int]] = None
    #: how links are checked (a citelint.links.config.LinkSettings); None: not at all (--offline)
    links: Optional[object] = None

    def enabled(self, rule_name: str) -> bool:
        return self.select is None or rule_name in self.select
