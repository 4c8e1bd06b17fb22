from __future__ import annotations

from citelint.rules.identifier_rule import IdentifierRule


class InvalidIsbn(IdentifierRule):
    """An ISBN that CS1 rejects: wrong length, checksum, characters or prefix.

    Checks ``|isbn=`` (and ``|ISBN=``) of citation templates, ``{{ISBN|…}}``, ISBN magic links in the text
    of a ref (``ISBN 978-…``) and ISBNs in plain-text entries, as Module:Citation/CS1 does: only digits,
    hyphens, spaces and an upper-case X; 10 or 13 digits; a valid check digit (python-stdnum); an ISBN-13
    begins 978 or 979, but 979-0 is the ISMN's; an ISBN-10 beginning 630/631 is an Amazon ASIN. A value in
    CS1's accept-as-written markup, ``|isbn=((…))``, is not checked.

    Why: the reader's link to Special:BookSources finds no book, or the wrong one; CS1 shows "Check |isbn=
    value" and files the page under "CS1 errors: ISBN".

    Fix: copy the ISBN again from the book (its copyright page) or a library catalogue. A wrong checksum
    means a mistyped digit somewhere: citelint never proposes a recomputed check digit, which would only
    hide the typo.

    Example::

        {{cite book |title=Book |isbn=978-0-306-40615-6}}   ← invalid-isbn (checksum)
    """

    name = "invalid-isbn"
    code = "CL601"
    kinds = frozenset({"isbn"})
