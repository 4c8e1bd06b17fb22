"""``wikitext._made_quickly``: the model's objects that the scanner and ``_Walker._emit_ref`` make by the thousand
(``Span``, ``Use``, ``Definition``, ``RefTag``, ``Attr``) are made without a frozen ``__init__``'s one
``object.__setattr__`` per field, and must be the same objects: equal, same hash and repr, frozen, picklable,
defaults and keywords as the class has them; a class whose ``__init__`` does more is left to it."""

from __future__ import annotations

import dataclasses
import pickle
from typing import Optional

import pytest

from citelint.model import Attr, Definition, RefTag, Span, Use
from citelint.parsers.wikitext import _made_quickly

SPAN = Span(3, 9)
CASES = [
    (Span, (3, 9), {}),
    (Use, ("", "a", SPAN, "ref"), {}),
    (Use, ("g", None, SPAN, "reuse"), {"segment": 2}),
    (Definition, ("", "a", SPAN, "text", "ref"), {"content_start": 5, "segment": 1}),
    (Definition, ("n", "b", SPAN, "", "list-ref"), {"list_defined": True, "list_start": 40}),
    (RefTag, ("ref", SPAN, (Attr("name", "a", '"', SPAN),), False, False, "text", None, (("name", "a"),)), {}),
    (RefTag, ("references", SPAN, (), False, True, None), {}),
    (Attr, ("name", None, None, SPAN), {}),
]


@pytest.mark.parametrize("cls, args, kwargs", CASES, ids=lambda x: getattr(x, "__name__", None))
def test_the_same_objects(cls, args, kwargs):
    make = _made_quickly(cls)
    assert make is not cls  # (the model's classes are frozen dataclasses with slots: made quickly)
    quick, slow = make(*args, **kwargs), cls(*args, **kwargs)
    assert type(quick) is cls and quick == slow and hash(quick) == hash(slow) and repr(quick) == repr(slow)
    assert pickle.loads(pickle.dumps(quick)) == slow
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.__setattr__(dataclasses.fields(cls)[0].name, None)


def test_a_class_whose_init_does_more_is_left_to_it():
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self):
            if self.a < 0:
                raise ValueError("a")

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        a: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: Optional[int] = None

    for cls in (Checked, Factory, NoSlots):
        assert _made_quickly(cls) is cls


def test_a_plain_name_is_read_as_the_general_reading_reads_it():
    """``scanner._name_only``, ``_Scanner.ref``'s short way for a ref's one plain ``name`` attribute, gives what
    ``_Scanner._attrs`` and ``sanitizer_attributes`` give, and is taken only where they would read it so."""
    import itertools

    from citelint.parsers import scanner
    from citelint.parsers.templates import default_table
    from citelint.parsers.wikitext import sanitizer_attributes

    s = scanner._Scanner("x", default_table())
    taken = 0
    for pad, quote, value, trail in itertools.product(
            [" ", "  ", "\t", "\n ", ""], ['"', "", "'"], ["a", "b-1", "Smith2001", "é", "a&amp;b", "a b", "a/b", ""],
            ["", " ", "\n"]):
        for raw in (f"{pad}name={quote}{value}{quote}{trail}", f"{pad}NAME={quote}{value}{quote}{trail}",
                    f"{pad}name = {quote}{value}{quote}{trail}", f"{pad}name={quote}{value}{quote} group=g"):
            m = scanner._TAG.match(f"<ref{raw}>")
            if m is None or m.group(3) != raw:
                continue
            plain = scanner._name_only(m)
            if plain is not None:
                taken += 1
                assert plain == (s._attrs(m), sanitizer_attributes(raw)), raw
    assert taken >= 20
