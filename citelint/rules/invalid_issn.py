from __future__ import annotations

from citelint.rules.identifier_rule import IdentifierRule


class InvalidIssn(IdentifierRule):
    """An ISSN or eISSN that CS1 rejects: not 8 characters, bad characters, or a wrong check digit.

    Checks ``|issn=`` and ``|eissn=`` (and their upper-case aliases) of citation templates, and ``ISSN …`` in
    plain-text entries: 8 characters once spaces and hyphens are dropped, digits with an upper-case X only
    as the check digit, and a valid checksum (python-stdnum). ``|issn=((…))`` (accept-as-written) is not
    checked.

    Why: the WorldCat link finds nothing; CS1 shows "Check |issn= value" (or |eissn=) and files the page
    under "CS1 errors: ISSN".

    Fix: copy the ISSN from the ISSN portal or the journal; an eISSN given as ``|issn=`` is fine, but two
    ISSNs in one value are not: give the print one in ``|issn=`` and the online one in ``|eissn=``.

    Example::

        {{cite journal |journal=J |issn=0378-5954}}   ← invalid-issn (checksum)
    """

    name = "invalid-issn"
    code = "CL602"
    kinds = frozenset({"issn", "eissn"})
