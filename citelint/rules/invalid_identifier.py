from __future__ import annotations

from citelint.rules.identifier_rule import IdentifierRule


class InvalidIdentifier(IdentifierRule):
    """An ISMN, PMID, PMC, arXiv, OCLC, LCCN, bibcode, JSTOR, HDL, S2CID, SSRN, OSTI, RFC or Zbl identifier
    that CS1 rejects.

    Checks the citation template parameters (``|pmid=``, ``|pmc=``, ``|arxiv=``/``|eprint=``, ``|oclc=``,
    ``|lccn=``, ``|bibcode=``, ``|jstor=``, ``|hdl=``, ``|s2cid=``, ``|ssrn=``, ``|osti=``, ``|rfc=``, ``|zbl=``,
    ``|ismn=`` and their upper-case aliases), PMID and RFC magic links in the text of a ref, and ``PMID``,
    ``PMC`` and ``arXiv:`` in plain-text entries, with the patterns of Module:Citation/CS1/Identifiers: the
    number forms, arXiv's three identifier schemes with their date ranges, OCLC's prefixes, LCCN's
    lengths, bibcode's 19 characters. Numbered identifiers must lie within CS1's limits (PMID, PMC, RFC,
    S2CID, SSRN, OSTI), pinned in ``citelint/data/identifiers.toml`` with the module revision they come
    from: a number above the pinned limit is only a warning, because it may simply be newer.

    Why: the identifier's link is broken; CS1 shows "Check |pmid= value" (and so on) and files the page
    under "CS1 errors: PMID".

    Fix: copy the identifier again from the database (PubMed, arXiv, WorldCat…); give only the identifier,
    without its label or a URL.

    Example::

        {{cite journal |title=T |pmid=PMID 12345}}   ← invalid-identifier (label in the value)
    """

    name = "invalid-identifier"
    code = "CL604"
    kinds = frozenset({"ismn", "pmid", "pmc", "arxiv", "oclc", "lccn", "bibcode", "jstor", "hdl", "s2cid",
                       "ssrn", "osti", "rfc", "zbl"})
