"""The rule registry: an explicit list, so the order of reports and docs is stable."""

from __future__ import annotations

from citelint.rules.backlink_mismatch import BacklinkMismatch
from citelint.rules.base import Context, Rule
from citelint.rules.conflicting_ref import ConflictingRef
from citelint.rules.cs1_bare_url_missing_title import Cs1BareUrlMissingTitle
from citelint.rules.cs1_citation_missing_title import Cs1CitationMissingTitle
from citelint.rules.cs1_cite_web_url import Cs1CiteWebUrl
from citelint.rules.cs1_missing_periodical import Cs1MissingPeriodical
from citelint.rules.cs1_bad_date import Cs1BadDate
from citelint.rules.cs1_accessdate_missing_url import Cs1AccessdateMissingUrl
from citelint.rules.cs1_archive_missing_date import Cs1ArchiveMissingDate
from citelint.rules.cs1_archive_missing_url import Cs1ArchiveMissingUrl
from citelint.rules.cs1_archive_url import Cs1ArchiveUrl
from citelint.rules.cs1_archive_date_url_ts_mismatch import Cs1ArchiveDateUrlTsMismatch
from citelint.rules.cs1_invalid_param_val import Cs1InvalidParamVal
from citelint.rules.cs1_url_status import Cs1UrlStatus
from citelint.rules.cs1_generic_title import Cs1GenericTitle
from citelint.rules.cs1_generic_name import Cs1GenericName
from citelint.rules.dead_link import DeadLink
from citelint.rules.cs1_deprecated_parameter import Cs1DeprecatedParameter
from citelint.rules.cs1_empty_unknown_parameter import Cs1EmptyUnknownParameter
from citelint.rules.cs1_external_link import Cs1ExternalLink
from citelint.rules.cs1_format_without_url import Cs1FormatWithoutUrl
from citelint.rules.cs1_missing_pipe import Cs1MissingPipe
from citelint.rules.cs1_redundant_parameters import Cs1RedundantParameters
from citelint.rules.cs1_text_ignored import Cs1TextIgnored
from citelint.rules.cs1_unknown_parameter import Cs1UnknownParameter
from citelint.rules.cs1_url_wikilink_conflict import Cs1UrlWikilinkConflict
from citelint.rules.duplicate_ref import DuplicateRef
from citelint.rules.empty_ref import EmptyRef
from citelint.rules.invalid_doi import InvalidDoi
from citelint.rules.invalid_identifier import InvalidIdentifier
from citelint.rules.invalid_isbn import InvalidIsbn
from citelint.rules.invalid_issn import InvalidIssn
from citelint.rules.invalid_url import InvalidUrl
from citelint.rules.leaked_diagnostic import LeakedDiagnostic
from citelint.rules.malformed_ref import MalformedRef
from citelint.rules.missing_reflist import MissingReflist
from citelint.rules.sfn_multiple_targets import SfnMultipleTargets
from citelint.rules.sfn_no_target import SfnNoTarget
from citelint.rules.sfn_unverifiable import SfnUnverifiable
from citelint.rules.uncited_fullcite import UncitedFullcite
from citelint.rules.undefined_ref import UndefinedRef
from citelint.rules.same_source import SameSource
from citelint.rules.unreachable_link import UnreachableLink
from citelint.rules.unchecked_page import UncheckedPage
from citelint.rules.unused_ref import UnusedRef
from citelint.rules.unused_suppression import UnusedSuppression
from citelint.rules.url_status_mismatch import UrlStatusMismatch

#: every offline rule, in report order
RULES: tuple[type[Rule], ...] = (
    UndefinedRef,
    UnusedRef,
    EmptyRef,
    DuplicateRef,
    ConflictingRef,
    SameSource,
    MissingReflist,
    MalformedRef,
    BacklinkMismatch,
    # links (CL5xx): dead-link, unreachable-link and url-status-mismatch are judged by the link pass
    DeadLink,
    UnreachableLink,
    UrlStatusMismatch,
    InvalidUrl,
    # CS1/CS2 citation template parameters (CL505–CL519): names, aliases, pipes, links in plain-text parameters
    Cs1UnknownParameter,
    Cs1DeprecatedParameter,
    Cs1RedundantParameters,
    Cs1EmptyUnknownParameter,
    Cs1TextIgnored,
    Cs1MissingPipe,
    Cs1ExternalLink,
    Cs1UrlWikilinkConflict,
    Cs1FormatWithoutUrl,
    # citation templates (CL52x-CL54x): what CS1's Module:Citation/CS1 checks in a citation's content
    Cs1CitationMissingTitle,
    Cs1BareUrlMissingTitle,
    Cs1CiteWebUrl,
    Cs1MissingPeriodical,
    Cs1BadDate,
    Cs1AccessdateMissingUrl,
    Cs1ArchiveMissingDate,
    Cs1ArchiveMissingUrl,
    Cs1ArchiveUrl,
    Cs1ArchiveDateUrlTsMismatch,
    Cs1InvalidParamVal,
    Cs1UrlStatus,
    Cs1GenericTitle,
    Cs1GenericName,
    # identifiers (CL6xx): what CS1's Module:Citation/CS1/Identifiers checks
    InvalidIsbn,
    InvalidIssn,
    InvalidDoi,
    InvalidIdentifier,
    # short citations (CL7xx): {{sfn}}/{{harv}} and the CITEREF anchors of full citations
    SfnNoTarget,
    SfnMultipleTargets,
    UncitedFullcite,
    SfnUnverifiable,
    # plain text: the wiki's own error messages copied with a page (CL550)
    LeakedDiagnostic,
    UnusedSuppression,
    UncheckedPage,
)

BY_NAME = {r.name: r for r in RULES}
BY_CODE = {r.code: r for r in RULES}


def find_rule(name_or_code: str) -> type[Rule] | None:
    return BY_NAME.get(name_or_code) or BY_CODE.get(name_or_code.upper())


__all__ = ["RULES", "BY_NAME", "BY_CODE", "Context", "Rule", "find_rule"]
