from __future__ import annotations

from citelint.rules.identifier_rule import IdentifierRule


class InvalidDoi(IdentifierRule):
    """A DOI that CS1 rejects: a resolver URL or ``doi:`` prefix, a bad registrant, spaces, en dashes, or
    trailing punctuation.

    Checks ``|doi=`` of citation templates and ``doi:10.…`` in plain-text entries as Module:Citation/CS1
    does: ``10.`` + a registrant code DOIs are issued under (1000–9999, 10000–59999, or a shorter code with
    a sub-code; not the test registrant 5555) + ``/`` + a suffix with no spaces or en dashes that does not
    end with ``.`` or ``,``. ``|doi=((…))`` (accept-as-written) is not checked.

    Why: the doi.org link is broken for every reader; CS1 shows "Check |doi= value" and files the page
    under "CS1 errors: DOI".

    Fix: give the bare DOI, ``10.1000/xyz123``, without ``https://doi.org/`` (CS1 builds that link), without
    the sentence's full stop, and with plain hyphens.

    Example::

        {{cite journal |title=T |doi=https://doi.org/10.1000/xyz123}}   ← invalid-doi (resolver prefix)
    """

    name = "invalid-doi"
    code = "CL603"
    kinds = frozenset({"doi"})
