from __future__ import annotations

from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Severity
from citelint.rules.base import Context, Rule


class UnusedSuppression(Rule):
    """An inline suppression comment silences nothing.

    A ``<!-- citelint-disable… -->`` comment whose rules have no finding where it applies, a
    ``citelint-enable`` that closes no ``citelint-disable``, a directive misspelt
    (``citelint-disabel``) or a rule name that does not exist. Only rules that ran count: with
    ``--select undefined-ref`` a suppression of ``duplicate-ref`` is not reported, since that rule
    did not look.

    Why: a stale suppression hides the next real problem at that place, and a misspelt one hides
    nothing while looking as if it did.

    Fix: remove the comment, or the rule names in it that are no longer needed; correct a misspelt
    directive or rule name. To keep one on purpose, silence this rule for it too
    (``<!-- citelint-disable-file unused-suppression -->``).

    Example::

        <!-- citelint-disable-next-line undefined-ref -->
        Text.<ref name="smith">Smith 2001.</ref>     ← unused-suppression: nothing undefined here
    """

    name = "unused-suppression"
    code = "CL901"
    severity = Severity.WARNING
    formats = frozenset({"wikitext"})
    #: reported by the decide stage (citelint.suppressions), not by a walk over the model
    decided = True

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        return iter(())
