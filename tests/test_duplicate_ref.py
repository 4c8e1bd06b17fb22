"""duplicate-ref groups two refs by their canonical content alone: a template name written as MediaWiki resolves
it (``{{cite_web}}``, ``{{Template:Cite web}}``, ``{{template: cite web}}``: one template) is the same name, and
whether two copies are compared does not depend on the other refs of the page (the buckets that pick the refs
to put into canonical form are computed from the names as resolved). The fixture with every spelling and the
near misses that stay apart is fixtures/rules/duplicate-ref-template-names.wiki (tests/test_rules.py)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest

from citelint.engine import check_document
from citelint.model import Document
from citelint.settings import Settings

from paths import FIXTURES, need

FIRST = "{{cite web |url=https://example.org/gold |title=Gold |date=2001}}"
#: spellings of FIRST's template that MediaWiki resolves to the same page (parameters reordered in some)
TWINS = [
    "{{cite_web |url=https://example.org/gold |title=Gold |date=2001}}",
    "{{Cite_web |url=https://example.org/gold |title=Gold |date=2001}}",
    "{{cite__web |url=https://example.org/gold |title=Gold |date=2001}}",
    "{{Template:Cite web |url=https://example.org/gold |title=Gold |date=2001}}",
    "{{template:cite web|url=https://example.org/gold|title=Gold|date=2001}}",
    "{{TEMPLATE:cite_web |date=2001 |title=Gold |url=https://example.org/gold}}",
    "{{ Template: Cite_web | title = Gold | url = https://example.org/gold | date = 2001 }}",
    "{{_template:_cite_web_|url=https://example.org/gold|title=Gold|date=2001}}",
    "{{Template : cite web |url=https://example.org/gold |title=Gold |date=2001}}",
    "{{template_:_Cite_web|url=https://example.org/gold|title=Gold|date=2001}}",
]
#: the same but for one thing that makes it another citation (or another template, or an article)
OTHERS = [
    "{{cite_web |url=https://example.org/lead |title=Gold |date=2001}}",
    "{{Template:Cite web |url=https://example.org/gold |title=Gold |date=2002}}",
    "{{cite web |url=https://example.org/gold |title=Gold_ |date=2001}}",
    "{{cite web |url=https://example.org/gold |title=Template:Gold |date=2001}}",
    "{{Template:Cite news |url=https://example.org/gold |title=Gold |date=2001}}",
    "{{:cite web |url=https://example.org/gold |title=Gold |date=2001}}",
    "{{Template:Cite web |url=https://example.org/gold |title=Gold |date=2001 |page=5}}",
]


def duplicates(text: str) -> list:
    return [f for f in check_document(Document("page.wiki", text, "wikitext"), Settings()) if f.rule == "duplicate-ref"]


def page(*refs: str) -> str:
    return "".join(f"Claim {i}.<ref>{r}</ref>\n" for i, r in enumerate(refs)) + "\n== References ==\n{{reflist}}\n"


@pytest.mark.parametrize("twin", TWINS)
def test_a_twin_spelled_otherwise_is_found_with_no_other_ref_on_the_page(twin):
    """The page holds the two copies and nothing else that could share their bucket: found, at the second
    copy's <ref> (line 2, column 9), naming line 1 and telling the editor to reuse a named ref."""
    (f,) = duplicates(page(FIRST, twin))
    assert (f.line, f.column) == (2, 9)
    assert f.message.startswith("same citation as line 1: ")
    assert f.message.endswith('give the first a name (<ref name="…">) and reuse it here with <ref name="…" />')


@pytest.mark.parametrize("twin", TWINS[:4])
def test_the_first_copy_spelled_otherwise_is_found_too(twin):
    (f,) = duplicates(page(twin, FIRST))
    assert (f.line, f.column, f.message[:25]) == (2, 9, "same citation as line 1: ")


def test_what_is_found_does_not_depend_on_the_other_refs():
    """On main the copies were put into canonical form only when some ref shared their (length, byte sum)
    bucket: ``{{Template:Cite web}}`` after ``{{cite web}}`` was found when a third copy written
    ``{{ Cite web }}`` (the first's bucket) came after it, and not without it; and a twin named the earlier copy
    that happened to share its bucket, not the first."""
    template, spaced = TWINS[3], "{{ Cite web |url=https://example.org/gold |title=Gold |date=2001 }}"
    alone = duplicates(page(FIRST, template))
    with_third = duplicates(page(FIRST, template, spaced))
    assert [(f.line, f.message[:25]) for f in alone] == [(2, "same citation as line 1: ")]
    assert [(f.line, f.message[:25]) for f in with_third] == [(2, "same citation as line 1: "),
                                                              (3, "same citation as line 1: ")]
    every = duplicates(page(FIRST, *TWINS))
    assert [(f.line, f.message[:25]) for f in every] == [(n, "same citation as line 1: ")
                                                         for n in range(2, len(TWINS) + 2)]


@pytest.mark.parametrize("other", OTHERS)
def test_another_citation_with_a_name_spelled_otherwise_is_not_a_duplicate(other):
    assert duplicates(page(FIRST, other)) == []
    assert duplicates(page(FIRST, other, *TWINS[:2]))[0].line == 3  # (the twins after it are found)


def test_the_twin_of_a_named_ref_is_told_to_reuse_that_name():
    (f,) = duplicates('A.<ref name="gold">' + FIRST + "</ref>\nB.<ref>" + TWINS[5] + "</ref>\n<references />\n")
    assert (f.line, f.column) == (2, 3)
    assert f.message.endswith('reuse it here with <ref name="gold" />')


def test_names_resolved_alike_share_a_bucket_whatever_else_changes():
    """Random citations and a copy of each with its parameters shuffled, its white space changed and its
    template name written another way MediaWiki resolves alike: the two are found as
    duplicates on a page of their own (the rule's buckets put them together, whatever the other refs)."""
    rnd = random.Random(11)

    def spelled(name: str) -> str:
        words = name.split(" ")
        head = rnd.choice(["", "", "Template:", "template:", "TEMPLATE: ", "template:_"])
        first = words[0][0].swapcase() if rnd.random() < 0.5 else words[0][0]
        body = rnd.choice([" ", "_", "__", " _ "]).join([first + words[0][1:], *words[1:]])
        return rnd.choice(["", " ", "_"]) + head + rnd.choice(["", "_"]) + body + rnd.choice(["", " ", "_"])

    for _ in range(150):
        name = rnd.choice(["cite web", "cite book", "citation", "lien web", "über quelle", "cite journal issue"])
        params = [f"{rnd.choice('abcxyz')}{k}={rnd.choice(['T', 'Ünï', 'x y', '[[L|l]]', 'İ', 'ΑΣ', 'a_b'])}"
                  for k in range(rnd.randrange(1, 6))]
        nested = rnd.choice(["", "{{lang|fr|Or}}"])
        a = "{{" + name + "|" + "|".join(params) + (f"|n={nested}" if nested else "") + "}}"
        rnd.shuffle(params)
        b = ("{{" + spelled(name) + " | " + " |".join(params) + (f" | n = {nested}" if nested else "") + " }}")
        found = duplicates(page(a, b))
        assert [f.line for f in found] == [2], (a, b)


def test_fixture_findings_through_the_command_line():
    """The fixture of every spelling, checked by the CLI: each copy at its <ref>, naming line 2 (the first), the
    named ref's twin told its name; a fix given to each."""
    path = need(FIXTURES / "rules" / "duplicate-ref-template-names.wiki")
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json",
                        "--select", "duplicate-ref", str(path)], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1, r.stderr
    found = [(f["line"], f["column"], f["message"][:25]) for f in json.loads(r.stdout)["findings"]]
    assert found == [(3, 24, "same citation as line 2: "), (4, 20, "same citation as line 2: "),
                     (5, 36, "same citation as line 2: "), (6, 12, "same citation as line 2: "),
                     (8, 10, "same citation as line 7: ")]
    assert json.loads(r.stdout)["findings"][-1]["message"].endswith('reuse it here with <ref name="book" />')


def test_fix_reuses_the_name_for_a_twin_spelled_otherwise(tmp_path):
    p = tmp_path / "Gold.wiki"
    p.write_text('A.<ref name="gold">' + FIRST + "</ref>\nB.<ref>" + TWINS[3] + "</ref>\n<references />\n",
                 encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--fix", "--format", "json",
                        str(p)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, (r.stdout, r.stderr)
    assert p.read_text(encoding="utf-8") == 'A.<ref name="gold">' + FIRST + '</ref>\nB.<ref name="gold" />\n<references />\n'


#: spellings of template names, those on one line resolved alike by ``canonical_name`` (MediaWiki may differ on
#: the odd ones: the test is that the buckets follow the canonical form). With parameters, a name with a piped
#: link is cut at the link's "|" by canonical_content, and what follows to the first parameter is dropped: such
#: names (no template has one) are given without parameters here.
NAMES = [["cite book", "Cite book", " cite  book "], ["citation", "Citation"], ["harvnb", "Harvnb"],
         ["cite web", "Cite_web", " Template:Cite web", "TEMPLATE:_cite__web_", "template: cite web", "cite\u00a0web"],
         ["ßeta", "SSeta"], ["ıota", "Iota", "template:ıota"], ["Σίγμα", "σίγμα"], ["über quelle", "Über_quelle"],
         ["a<!--c|d-->_b", "a b", "A<!-- -->b".replace("<!-- -->", " ")], ["x[[y]]_w", "x[[y]] w"], ["x[[y|z]]_w", "x[[y|z]] w"],
         ["t{{u}}_v", "t{{u}} v"], [":x"], ["#invoke:A"], ["Template :x"], ["subst:cite web"]]


def random_page(rnd: random.Random, n: int) -> str:
    """n refs, each a random citation or a copy of one before it written otherwise (name, order, spaces)."""
    cites, refs = [], []
    for _ in range(n):
        if cites and rnd.random() < 0.5:
            names, params, tail = rnd.choice(cites)
            params = rnd.sample(params, len(params))
        else:
            names = rnd.choice(NAMES)
            params = [f"{rnd.choice('abxy')}{k}={rnd.choice(['T', 'ΑΣ', 'a_b', 'Template:Z', '[[L|l]]', ''])}"
                      for k in range(0 if "|" in names[0] else rnd.randrange(0, 4))]
            tail = rnd.choice(["", " {{dead link}}", " p. 5"])
            cites.append((names, params, tail))
        sep = rnd.choice(["|", " |", "| ", " | "])
        refs.append("{{" + rnd.choice(["", "", " ", "_"]) + rnd.choice(names) + rnd.choice(["", "", " ", "_"])
                    + "".join(sep + p for p in params) + "}}" + tail)
    return page(*refs)


def test_the_name_shortcut_skips_only_names_that_change_no_bucket():
    """``_NAME_MAY_RESOLVE`` lets a ref keep its own text for the bucket only when writing its names as
    ``canonical_content`` does gives the same buckets; and refs with one canonical content are put into canonical
    form (so compared) whatever else is on the page: odd names (first letters whose upper case is not ASCII's,
    comments, links and templates in names, other namespaces) included."""
    from citelint.citations import canonical_content, parsed_refs
    from citelint.engine import parse_document
    from citelint.rules.duplicate_ref import (_NAME_MAY_RESOLVE, _bucket, _canonical_where_needed, _normalized,
                                              _rough_bucket, _with_canonical_names)

    rnd = random.Random(12)
    skipped = twins = 0
    for _ in range(200):
        text = random_page(rnd, rnd.randrange(2, 9))
        model = parse_document(Document("page.wiki", text, "wikitext"), Settings())
        norms = [_normalized(d.content) for d in model.definitions]
        refs = [r for r in parsed_refs(model, text) if r.templates]
        for r in refs:
            if _NAME_MAY_RESOLVE.search(r.definition.content) is None:
                skipped += 1
                resolved = _with_canonical_names(r)
                assert (_rough_bucket(resolved), _bucket(resolved)) == (_rough_bucket(norms[r.index]),
                                                                        _bucket(norms[r.index])), r.definition.content
        canon = [canonical_content(r) for r in refs]
        got = _canonical_where_needed(model, text, norms)
        for r, c in zip(refs, canon):
            if canon.count(c) > 1:
                twins += 1
                assert got.get(r.index) == c, (r.definition.content, [x.definition.content for x in refs])
    assert skipped > 100 and twins > 300  # (both sides exercised)
