from __future__ import annotations

import pkgutil
import tomllib
from functools import lru_cache
from typing import Iterator

from citelint.findings import Hit
from citelint.model import CitationModel, Leak, Severity
from citelint.rules.base import Context, Rule, shorten

#: Cite's message keys → the rule that catches the same fault in wikitext (as tests/conformance/cite_error_map.json)
CITE_RULES = {
    "cite_error_references_no_text": "undefined-ref",
    "cite_warning_sectionpreview_no_text": "undefined-ref",
    "cite_error_references_missing_key": "unused-ref",
    "cite_error_ref_no_input": "empty-ref",
    "cite_error_ref_no_key": "empty-ref",
    "cite_error_empty_references_define": "empty-ref",
    "cite_error_references_duplicate_key": "conflicting-ref",
    "cite_error_group_refs_without_references": "missing-reflist",
}
#: Module:Footnotes' errors → the short-citation rules
FOOTNOTES_RULES = {"sfn_no_target": "sfn-no-target", "sfn_multiple_targets": "sfn-multiple-targets",
                   "uncited_fullcite": "uncited-fullcite"}


@lru_cache(maxsize=1)
def cs1_rules() -> dict[str, str]:
    """CS1 error key (``err_bad_date``) → the citelint rule that catches it in wikitext (data/cs1_rules.toml)."""
    return dict(tomllib.loads(pkgutil.get_data("citelint", "data/cs1_rules.toml").decode("utf-8"))["rules"])


def rule_for(leak: Leak, known=None) -> str:
    """The name of the rule a leaked diagnostic is reported as (``leaked-diagnostic`` when no rule of this
    citelint catches it in wikitext). ``known``: the names of the registered rules (``Context.rule_names``,
    given by the engine, so this module need not import the registry that imports it); the maps also name
    rules a later citelint may have, and those fall back to ``leaked-diagnostic``."""
    if leak.source == "Cite":
        name = CITE_RULES.get(leak.key) or ("malformed-ref" if leak.key else None)
    elif leak.source == "Footnotes":
        name = FOOTNOTES_RULES.get(leak.key)
    else:
        name = cs1_rules().get(leak.key)
    return name if name and (known is None or name in known) else LeakedDiagnostic.name


def _help(leak: Leak) -> str:
    if leak.source == "CS1":
        from citelint.parsers.diagnostics import cs1_messages

        anchor = cs1_messages().get(leak.key, {}).get("anchor") or leak.key.removeprefix("err_")
        return f"Help:CS1 errors#{anchor}"
    if leak.source == "Cite":
        return "Help:Cite errors"
    return "Category:Harv and Sfn template errors"


class LeakedDiagnostic(Rule):
    """An error message of the wiki (Cite, CS1, Module:Footnotes) copied with a rendered page's text.

    A page copied out of a browser keeps what MediaWiki rendered into it, the error messages included:
    ``Cite error: The named reference smith was invoked but never defined``, CS1's
    ``{{cite web}}: Check date values in: |access-date= (help)`` or ``Missing or empty |title= (help)``,
    ``Harv error: link from CITEREFSmith2001 doesn't point to any citation`` and ``sfn error: no target``.
    Each is reported under the name of the rule that catches the same fault in the page's wikitext
    (``undefined-ref``, ``empty-ref``, ``conflicting-ref``, ``missing-reflist``, ``malformed-ref``, the
    identifier rules, the CS1 rules, ``sfn-no-target``, ``sfn-multiple-targets``, ``uncited-fullcite``), so
    a configuration that selects or silences a rule does so for its leaked messages too. A message no rule
    of citelint catches in wikitext (or one citelint does not recognise) is reported as
    ``leaked-diagnostic`` itself. What CS1 calls each message is the ``error_conditions`` key of
    Module:Citation/CS1/Configuration (``data/cs1_messages.toml``; the rule each maps to is in
    ``data/cs1_rules.toml``), its Help:CS1 errors anchor is in the finding's message. A CS1 message counts
    only with the ``(help)`` link CS1 puts after it, so prose that quotes a message is not a finding.

    Why: the page on the wiki shows the error to every reader; the copy proves it was there when the
    page was copied.

    Fix: open the page's wikitext and fix the citation the message is about (``citelint check`` on the
    wikitext places the fault on its parameter); the help page the message names explains each one.

    Example::

        1. ^ "Title". Cite error: The named reference smith was invoked but never defined (see the help page).
                      ← undefined-ref (leaked)
        2. ^ "T". {{cite web}}: Check date values in: |date= (help)   ← cs1-bad-date (leaked)
    """

    name = "leaked-diagnostic"
    code = "CL550"
    severity = Severity.ERROR
    formats = frozenset({"plaintext"})
    #: its findings carry the name of the rule that catches the fault in wikitext (Hit.rule); the engine
    #: runs it whenever a page is plain text and keeps each finding if that rule is selected
    reports_as_others = True

    def check(self, model: CitationModel, ctx: Context) -> Iterator[Hit]:
        for leak in model.leaks:
            name = rule_for(leak, ctx.rule_names)
            shown = shorten(leak.text, 140)
            if leak.source == "CS1":
                what = f'CS1 shows "{{{{{leak.template}}}}}: {shown}"' if leak.template else f'CS1 shows "{shown}"'
                who = f"the {{{{{leak.template}}}}} citation" if leak.template else "the citation template"
            elif leak.source == "Cite":
                what = f'the page shows "{shown}"'
                who = "the <ref> tags"
            else:
                what = f'the page shows "{shown}"'
                who = "the short citation ({{sfn}}/{{harv}}) and its full citation"
            if name == self.name:
                tail = "no citelint rule checks this in wikitext"
            else:
                tail = f"citelint reports it as {name} when it checks the wikitext"
            key = f" ({leak.key})" if leak.key else ""
            yield Hit(leak.span,
                      f"leaked error message{key}: {what}; fix {who} in the page's wikitext "
                      f"(see {_help(leak)}); {tail}",
                      subject=f"{leak.source}:{leak.key}:{' '.join(leak.text.split())}",
                      rule=None if name == self.name else name)
