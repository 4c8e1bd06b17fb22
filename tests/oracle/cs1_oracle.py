"""citelint's CS1 rules against the English Wikipedia's Module:Citation/CS1, run by a real MediaWiki.

The wiki of tests/oracle/mediawiki.py, with Scribunto and standalone Lua 5.1, is given the module and its
submodules as pinned in tests/data/corpus/cs1/ (tests/data/SOURCES.md: en.wikipedia, 2022-09-17) and a
template for every name of citelint/data/cs1_templates.toml, each ``{{#invoke:Citation/CS1|citation
|CitationClass=…}}`` as on the English Wikipedia. ``generate(seed, n)`` makes ``n`` citations from a grammar
of parameters (known, unknown, deprecated and misspelled names, dates good and bad, archive parameters,
identifiers good and bad, missing titles and URLs, positional text); ``judge(wiki, citations)`` renders
them 50 to a page, one ``<ref>`` each, and reads for each citation:

- what CS1 says: the error categories its output links the citation to (the page expanded, not rendered,
  keeps each citation's ``[[Category:CS1 errors: …]]`` in place; the rendered page's categories, from the
  parser output, must be exactly their union), and the Help:CS1 errors anchors of the messages it shows,
  as ``error_conditions`` keys (citelint/data/cs1_messages.toml);
- what citelint says: the findings on the citation's line, by rule; a rule that several CS1 keys map to
  (invalid-identifier, …) is narrowed to the key of the parameter the finding is on.

Both sides are compared per citation and per CS1 error category, through citelint/data/cs1_rules.toml
(CS1 key → citelint rule). A category whose rule this citelint does not have is counted, not compared.
``explained`` says whether tests/oracle/cs1_intended_differences.json accounts for a disagreement.

Run it larger from the command line::

    python tests/oracle/cs1_oracle.py --citations 5000 --seed 1
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from citelint.cs1 import template_classes  # noqa: E402
from citelint.engine import check_document  # noqa: E402
from citelint.model import Document  # noqa: E402
from citelint.parsers.diagnostics import cs1_messages  # noqa: E402
from citelint.rules import BY_NAME  # noqa: E402
from citelint.rules.leaked_diagnostic import cs1_rules  # noqa: E402
from citelint.settings import Settings  # noqa: E402
from paths import CORPUS  # noqa: E402

MODULE_DIR = CORPUS / "cs1"
INTENDED_FILE = HERE / "cs1_intended_differences.json"
BATCH = 50
SUBMODULES = ("Configuration", "Whitelist", "Utilities", "Date_validation", "Identifiers", "COinS", "Suggestions")
# Module:No globals (which CS1 requires first) is a three-line module on the English Wikipedia; Scribunto's
# own "strict" library does the same: any read or write of an undeclared global is an error
NO_GLOBALS = "require('strict')\n"


def modules() -> dict[str, str]:
    """Module name (without "Module:") → Lua source, as the wiki needs them."""
    out = {"Citation/CS1": (MODULE_DIR / "CS1.lua").read_text(encoding="utf-8"), "No globals": NO_GLOBALS}
    for name in SUBMODULES:
        out[f"Citation/CS1/{name}"] = (MODULE_DIR / f"{name}.lua").read_text(encoding="utf-8")
    return out


def templates() -> dict[str, str]:
    """Template name → body: every CS1 template citelint knows, as the English Wikipedia writes it."""
    return {name[:1].upper() + name[1:]: "{{#invoke:Citation/CS1|citation|CitationClass=%s}}" % cls
            for name, cls in template_classes().items()}


def prepare(wiki) -> None:
    wiki.set_modules(modules())
    wiki.set_templates(templates())


# -- what each side says -----------------------------------------------------------------------

def _anchor_keys() -> dict[str, str]:
    return {v["anchor"]: k for k, v in cs1_messages().items() if "anchor" in v}


def category_of(key: str) -> str:
    return cs1_messages()[key]["category"]


def _keys_of_rule() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for key, rule in cs1_rules().items():
        out[rule].append(key)
    return out


_NOTE = re.compile(r'<li id="cite&#95;note-(\d+)"')
_HELP_ANCHOR = re.compile(r'Help:CS1_errors#([A-Za-z0-9_]+)"')


def cs1_keys_by_note(page_html: str) -> list[frozenset[str]]:
    """For each reference of the list, in order, the CS1 keys of the messages it shows."""
    anchors = _anchor_keys()
    starts = [m.start() for m in _NOTE.finditer(page_html)] + [len(page_html)]
    out = []
    for a, b in zip(starts, starts[1:]):
        chunk = page_html[a:b]
        out.append(frozenset(anchors.get(x, f"?{x}") for x in _HELP_ANCHOR.findall(chunk)))
    return out


def citelint_rules_by_line(text: str) -> dict[int, list]:
    """Line → the findings citelint gives there whose rule some CS1 key maps to."""
    judged = set(cs1_rules().values())
    out: dict[int, list] = defaultdict(list)
    for f in check_document(Document(path="page.wiki", text=text, kind="wikitext"), Settings()):
        if f.rule in judged:
            out[f.line].append(f)
    return out


def _param_at(line: str, column: int) -> str:
    """The name of the parameter a finding at ``column`` (1-based) of a one-line citation is on."""
    start = line.rfind("|", 0, column)
    part = line[start + 1:].split("|", 1)[0]
    return part.split("=", 1)[0].strip().lower() if "=" in part else ""


def finding_keys(f, line: str) -> set[str]:
    """The CS1 keys a citelint finding stands for: its rule's keys, narrowed by the parameter it is on
    when the rule stands for several (invalid-identifier: |pmid= → err_bad_pmid)."""
    keys = _keys_of_rule()[f.rule]
    if len(keys) == 1:
        return set(keys)
    param = _param_at(line, f.column).replace("e", "", 1) if _param_at(line, f.column) == "eissn" else \
        _param_at(line, f.column)
    narrowed = {k for k in keys if k in (f"err_bad_{param}", f"err_{param}_missing")}
    return narrowed or set(keys)


def compared_categories() -> set[str]:
    """The CS1 error categories citelint has a rule for (the others are counted, not compared)."""
    return {category_of(k) for k, rule in cs1_rules().items() if rule in BY_NAME}


@dataclass(frozen=True)
class Verdict:
    text: str  # the citation as written
    cs1: frozenset  # CS1 error categories
    citelint: frozenset  # the categories citelint's findings stand for
    keys: frozenset  # CS1's keys (errors and maintenance), as rendered
    rules: tuple  # citelint's (rule, message) pairs

    def diff(self, compared: set[str]) -> tuple[tuple, tuple]:
        return (tuple(sorted((self.cs1 - self.citelint) & compared)),
                tuple(sorted((self.citelint - self.cs1) & compared)))


class BatchMismatch(AssertionError):
    pass


def judge(wiki, citations: list[str]) -> list[Verdict]:
    """Both sides' verdict on each citation, rendered ``BATCH`` to a page."""
    out = []
    for i in range(0, len(citations), BATCH):
        out.extend(_judge_page(wiki, citations[i:i + BATCH]))
    return out


def _judge_page(wiki, batch: list[str]) -> list[Verdict]:
    lines = [f"Claim {n}.<ref>{c}</ref>" for n, c in enumerate(batch, 1)]
    text = "\n".join(lines) + "\n<references />\n"
    # each citation's own category links, from the module's output before rendering
    expanded = wiki.preprocess("".join(f"\n{_SEPARATOR}{n}\n{c}" for n, c in enumerate(batch, 1)))
    chunks = re.split(rf"\n{_SEPARATOR}\d+\n", expanded)[1:]
    if len(chunks) != len(batch):
        raise BatchMismatch(f"{len(batch)} citations expanded as {len(chunks)}")
    per_cit = [frozenset(_CATEGORY.findall(chunk)) for chunk in chunks]
    # the rendered page: its categories (the parser output's) are exactly those, and the messages
    # (Help:CS1 errors anchors) are read per reference
    page_html, categories = wiki.parse(text)
    per_note = cs1_keys_by_note(page_html)
    page_cats = {c for c in categories if c.startswith("CS1 ")}
    if len(per_note) != len(batch) or page_cats != {c.replace("_", " ") for cats in per_cit for c in cats}:
        raise BatchMismatch(f"page categories {sorted(page_cats)}, per citation {sorted(set().union(*per_cit))}")
    by_line = citelint_rules_by_line(text)
    out = []
    for n, (citation, cats, keys) in enumerate(zip(batch, per_cit, per_note), 1):
        errors = frozenset(c for c in cats if c.startswith("CS1 errors:"))
        found = by_line.get(n, [])
        mine = frozenset(category_of(k) for f in found for k in finding_keys(f, lines[n - 1]))
        out.append(Verdict(citation, errors, mine, keys, tuple((f.rule, f.message) for f in found)))
    return out


_SEPARATOR = "CITELINT-CITATION-"
_CATEGORY = re.compile(r"\[\[Category:(CS1 [^\]|]+)")


# -- the grammar -------------------------------------------------------------------------------

CLASSES = ["cite web", "cite web", "cite news", "cite book", "cite journal", "cite magazine", "citation",
           "Cite web", "cite encyclopedia", "cite report"]
TITLES = ["Example title"] * 12 + ["", None, None, "Archived copy", "Page not found", "[http://example.org/x Linked]",
                                  "''Italic'' title", "[[Linked page|Linked]] title"]
URLS = ["https://example.org/page"] * 6 + [None, None, None, "", "example.org/page", "http://exa mple.org/",
                                           "https://example.org/page#frag", "//example.org/p", "[[Page]]"]
DATES = ["2001-05-12", "12 May 2001", "May 12, 2001", "May 2001", "2001", "Spring 2001", "2001–2002",
         "n.d.", "c. 2001", "12–14 May 2001", "May 12–14, 2001", "2001a",
         "32 May 2001", "2001-13-01", "May 12 2001", "12/05/2001", "2001-5-12", "Febuary 2001", "2099",
         "29 February 2001", "29 February 2004", "31 April 2001", "2001-2002", "May 2001 – June 2001"]
ACCESS = ["2020-01-01", "1 January 2020", "2000-06-01", "2099-01-01", "31 April 2020", "January 1, 2020",
          "2020", "2021-02-30"]
ARCHIVES = [
    ("https://web.archive.org/web/20200101000000/https://example.org/page", "2020-01-01"),
    ("https://web.archive.org/web/20200101000000/https://example.org/page", "1 January 2020"),
    ("https://web.archive.org/web/20200101000000/https://example.org/page", "2019-05-05"),
    ("https://web.archive.org/web/20200101000000/https://example.org/page", None),
    ("https://web.archive.org/save/https://example.org/page", "2020-01-01"),
    ("https://web.archive.org/web/*/https://example.org/page", "2020-01-01"),
    ("https://web.archive.org/web/2020/https://example.org/page", "2020-01-01"),
    ("https://archive.today/2020.01.01-000000/https://example.org/page", "2020-01-01"),
    ("https://www.webcitation.org/5abcdefgh", "2010-01-01"),
    (None, "2020-01-01"),
]
STATUS = ["live", "dead", "usurped", "unfit", "bot: unknown", "yes", "Dead", ""]
PERIODICALS = {"cite journal": ["journal", "work"], "cite magazine": ["magazine", "work"],
               "cite news": ["newspaper", "work"], "cite web": ["website", "work", "publisher"]}
IDS = {
    "isbn": ["978-0-306-40615-7", "0-306-40615-2", "978-0-306-40615-8", "0-306-40615-X", "978 0 306 40615 7",
             "9790306406157", "ISBN 978-0-306-40615-7", "12345"],
    "issn": ["2049-3630", "2049-3631", "20493630", "0378-5955"],
    "doi": ["10.1000/182", "10.1000 /182", "doi:10.1000/182", "10.1000/182.", "11.1000/182", "10.1000"],
    "pmid": ["12345678", "abc", "999999999", "0"],
    "pmc": ["1234567", "PMC1234567", "0"],
    "oclc": ["12345", "ocm01234567", "abc"],
    "jstor": ["1234567", "JSTOR 1234"],
    "arxiv": ["1501.00001", "hep-th/9901001", "1501.0001x"],
    "bibcode": ["1974AJ.....79..819H", "1974AJ"],
    "lccn": ["79-12345", "n78890351", "abcdefg"],
}
UNKNOWN = ["foo=bar", "titel=T", "Url=https://example.org/page", "deadurl=yes", "access date=2020-01-01",
           "Title=T", "foo=", "lay-date=2001-05-12", "lay-url=https://example.org/lay"]
AUTHORS = [("last=Smith", "first=John"), ("last=Smith", None), (None, "first=John"), ("author=Smith, J.", None),
           ("last1=Smith", "first2=Jane"), ("author=Smith et al.", None), ("last=Smith", "first=J.|author=Jones")]


def citation(r: random.Random) -> str:
    name = r.choice(CLASSES)
    params: list[str] = []
    if r.random() < 0.6:
        a, b = r.choice(AUTHORS)
        params += [p for p in (a, b) if p]
    title = r.choice(TITLES)
    if title is not None:
        params.append(f"title={title}")
    url = r.choice(URLS)
    if url is not None:
        params.append(f"url={url}")
    if r.random() < 0.7:
        params.append(f"{r.choice(['date', 'date', 'year'])}={r.choice(DATES)}")
    kind = name.lower()
    if kind in PERIODICALS and r.random() < 0.7:
        params.append(f"{r.choice(PERIODICALS[kind])}=The Periodical")
    if r.random() < 0.4:
        params.append(f"{r.choice(['access-date', 'accessdate'])}={r.choice(ACCESS)}")
    if r.random() < 0.25:
        au, ad = r.choice(ARCHIVES)
        if au:
            params.append(f"archive-url={au}")
        if ad:
            params.append(f"archive-date={ad}")
        if r.random() < 0.6:
            params.append(f"url-status={r.choice(STATUS)}")
    elif r.random() < 0.05:
        params.append(f"url-status={r.choice(STATUS)}")
    for _ in range(r.choice([0, 0, 0, 1, 1, 2])):
        ident = r.choice(list(IDS))
        params.append(f"{ident}={r.choice(IDS[ident])}")
    if r.random() < 0.15:
        params.append(r.choice(UNKNOWN))
    if r.random() < 0.04:
        params.append("Some stray text")  # a positional parameter
    if r.random() < 0.04 and title:
        i = next(i for i, p in enumerate(params) if p.startswith("title="))
        params[i] += " date=2001"  # a missing pipe
    if r.random() < 0.05:
        params.append(r.choice(["format=PDF", "publisher=Pub", "pages=12–14", "page=p. 4", "volume=Vol. 3",
                                "issue=No. 4", "edition=2nd edition", "language=en", "language=xx-bogus"]))
    r.shuffle(params)
    sep = r.choice(["|", " |", " | "])
    return "{{" + name + "".join(sep + p for p in params) + "}}"


def generate(seed: int, n: int) -> list[str]:
    r = random.Random(seed)
    return [citation(r) for _ in range(n)]


# -- intended differences ----------------------------------------------------------------------

@dataclass
class Intended:
    """An intended difference: on a citation whose text matches ``pattern`` (or for which CS1 reports the
    error key ``cs1_key``), the categories only CS1 or only citelint gives."""

    id: str
    reason: str
    example: str
    pattern: re.Pattern | None
    cs1_key: str | None
    cs1_only: frozenset = field(default_factory=frozenset)
    citelint_only: frozenset = field(default_factory=frozenset)
    needs: tuple = ()  # the citelint rules its example is about

    @property
    def in_force(self) -> bool:
        return all(r in BY_NAME for r in self.needs)

    def matches(self, v: Verdict) -> bool:
        return ((self.pattern is None or self.pattern.search(v.text) is not None)
                and (self.cs1_key is None or self.cs1_key in v.keys))


def load_intended(path: Path = INTENDED_FILE) -> list[Intended]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Intended(e["id"], e["reason"], e["example"], re.compile(e["pattern"]) if "pattern" in e else None,
                     e.get("cs1_key"), frozenset(e.get("cs1_only", ())), frozenset(e.get("citelint_only", ())),
                     tuple(e.get("needs", ())))
            for e in data["differences"]]


def explained(v: Verdict, intended: list[Intended], compared: set[str]) -> tuple[bool, list[str]]:
    cs1_only, citelint_only = (set(x) for x in v.diff(compared))
    used = []
    for e in intended:
        if (cs1_only & e.cs1_only or citelint_only & e.citelint_only) and e.matches(v):
            used.append(e.id)
            cs1_only -= e.cs1_only
            citelint_only -= e.citelint_only
    return not cs1_only and not citelint_only, used


# -- a run -------------------------------------------------------------------------------------

@dataclass
class Run:
    citations: int = 0
    agree: int = 0
    explained: int = 0
    both: Counter = field(default_factory=Counter)  # category → citations both sides put in it
    cs1_only: Counter = field(default_factory=Counter)
    citelint_only: Counter = field(default_factory=Counter)
    not_compared: Counter = field(default_factory=Counter)  # CS1 categories citelint has no rule for
    by_intended: Counter = field(default_factory=Counter)
    unexplained: dict = field(default_factory=lambda: defaultdict(list))  # diff → [citation]

    def table(self) -> str:
        cats = sorted(set(self.both) | set(self.cs1_only) | set(self.citelint_only))
        lines = [f"{'CS1 category':48} {'both':>6} {'CS1 only':>9} {'citelint only':>14}"]
        for c in cats:
            lines.append(f"{c:48} {self.both[c]:6} {self.cs1_only[c]:9} {self.citelint_only[c]:14}")
        if self.not_compared:
            lines.append("not compared (no citelint rule): " + ", ".join(
                f"{c} {n}" for c, n in sorted(self.not_compared.items())))
        return "\n".join(lines)

    def summary(self) -> str:
        lines = [f"{self.citations} citations: {self.agree} agree ({100 * self.agree / max(self.citations, 1):.1f}%), "
                 f"{self.explained} differ as intended, {sum(map(len, self.unexplained.values()))} unexplained",
                 self.table()]
        for k, n in self.by_intended.most_common():
            lines.append(f"  intended {k}: {n} citations")
        for diff, cits in sorted(self.unexplained.items(), key=lambda kv: -len(kv[1])):
            lines.append(f"  UNEXPLAINED cs1-only={list(diff[0])} citelint-only={list(diff[1])}: {len(cits)}, "
                         f"e.g. {cits[0]}")
        return "\n".join(lines)


def run(wiki, seed: int, n: int, intended: list[Intended] | None = None) -> Run:
    intended = load_intended() if intended is None else intended
    compared = compared_categories()
    result = Run()
    for v in judge(wiki, generate(seed, n)):
        result.citations += 1
        for c in v.cs1 & v.citelint & compared:
            result.both[c] += 1
        for c in (v.cs1 - v.citelint) & compared:
            result.cs1_only[c] += 1
        for c in (v.citelint - v.cs1) & compared:
            result.citelint_only[c] += 1
        for c in v.cs1 - compared:
            result.not_compared[c] += 1
        if v.diff(compared) == ((), ()):
            result.agree += 1
            continue
        ok, used = explained(v, intended, compared)
        if ok:
            result.explained += 1
            result.by_intended.update(used)
        else:
            result.unexplained[v.diff(compared)].append(v.text)
    return result


def main(argv=None) -> int:
    import argparse
    import tempfile

    from oracle.mediawiki import Wiki, scribunto_unavailable

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--citations", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-intended", action="store_true", help="count every disagreement")
    args = ap.parse_args(argv)
    reason = scribunto_unavailable()
    if reason:
        print(f"cs1_oracle.py: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="citelint-cs1-oracle-") as tmp:
        wiki = Wiki(Path(tmp))
        prepare(wiki)
        result = run(wiki, args.seed, args.citations, [] if args.no_intended else load_intended())
        print(result.summary())
        wiki.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
