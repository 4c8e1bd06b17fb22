from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule


class UncheckedPage(Rule):
    """A page or file could not be checked: it is over the size limit, or checking it ran out of time.

    A file or dump page larger than ``max-page-size`` (default 50 MB) is not read, and one whose parse
    takes longer than ``parse-timeout`` (default 10 seconds) is given up; either gets this one finding
    at its first line, and the run goes on with the other inputs. None of its citations were looked
    at, so no other finding about it means it is clean.

    Why: a page that swallowed the linter's time or memory would otherwise stop a whole run (or a CI
    gate) on one broken or hostile input. A page that is slow to parse almost always has broken
    markup: thousands of ``{{`` or HTML tags that are never closed, which MediaWiki shows as text.

    Fix: repair the markup (close the templates and tags, or remove the stray ones), or split the page.
    If the page is fine and only large, raise the limit: ``--max-page-size 200MB`` or
    ``--parse-timeout 60`` (``max-page-size`` and ``parse-timeout`` in the configuration).

    Example::

        The first line of a 3.2 MB page …    ← unchecked-page (with --max-page-size 1MB): over the limit
    """

    name = "unchecked-page"
    code = "CL902"
    severity = Severity.WARNING
    #: reported by the engine for a document it could not check, not by a walk over the model
    decided = True

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        return iter(())
