#!/usr/bin/env python3
"""Regenerate citelint/data/cs1_whitelist.toml from the English Wikipedia's CS1 modules.

Usage::

    python scripts/regen_cs1_whitelist.py WHITELIST.lua CONFIGURATION.lua SUGGESTIONS.lua "SOURCE" \\
        > citelint/data/cs1_whitelist.toml

The three files are the source text of Module:Citation/CS1/Whitelist, …/Configuration and …/Suggestions (the
pages' wikitext, e.g. saved with ``?action=raw``, or copies of them). The script reads:

* from Whitelist: ``basic_arguments``, ``numbered_arguments`` (``#`` stands for the enumerator),
  ``limited_basic_arguments``, ``limited_numbered_arguments`` (the preprint templates' smaller sets),
  ``preprint_arguments`` and ``unique_arguments`` (per CitationClass), each name with its state: ``true``
  supported, ``false`` deprecated, ``'tracked'`` supported and tracked; a name the module does not list (or
  sets to ``nil``) is not supported;
* from Configuration: the ``aliases`` table (meta-parameter → the names that are one parameter; CS1 uses the
  first one set and reports the others as redundant);
* from Suggestions: the ``suggestions`` table (wrong name → the name to use) and the Lua ``patterns``
  (translated to Python regular expressions here), and which suggestions are commented as an old (removed)
  parameter.

How CS1 uses these tables (``validate()`` in Module:Citation/CS1) is written out in citelint/cs1params.py.
The copies the shipped file was made from are in tests/data/corpus/cs1/; tests/test_cs1_params.py runs this
script on them and compares the result with the shipped file.
"""

from __future__ import annotations

import re
import sys

_ENTRY = re.compile(r"^\s*\[(['\"])(.+?)\1\]\s*=\s*(true|false|'tracked'|nil)\s*,?", re.MULTILINE)
_STATES = {"true": "supported", "false": "deprecated", "'tracked'": "tracked", "nil": None}
_STRING = re.compile(r"'([^']*)'|\"([^\"]*)\"")


def _table(lua: str, name: str) -> str:
    """The body of ``local NAME = { … }`` (balanced braces, comments dropped)."""
    m = re.search(rf"^local {re.escape(name)} = \{{", lua, re.MULTILINE)
    if m is None:
        raise ValueError(f"no 'local {name} = {{' table in the module text")
    return _balanced(lua, m.end() - 1)[0]


def _balanced(lua: str, open_at: int) -> tuple[str, int]:
    """The text inside the braces opened at ``open_at``, without comments, and the offset after the close."""
    depth, i, out = 0, open_at, []
    n = len(lua)
    while i < n:
        c = lua[i]
        if c == "-" and lua.startswith("--", i):  # a comment runs to the end of the line
            j = lua.find("\n", i)
            i = n if j < 0 else j
            continue
        if c in "'\"":
            j = i + 1
            while j < n and lua[j] != c:
                j += 2 if lua[j] == "\\" else 1
            out.append(lua[i:j + 1])
            i = j + 1
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return "".join(out)[1:], i + 1
        out.append(c)
        i += 1
    raise ValueError("unbalanced braces in the module text")


def _states(body: str) -> dict[str, str]:
    out = {}
    for _q, name, state in _ENTRY.findall(body):
        if _STATES[state] is not None:
            out[name] = _STATES[state]
    return out


def _nested(body: str) -> dict[str, dict[str, str]]:
    """``{ arxiv = { … }, ['audio-visual'] = { … } }`` → {class: {name: state}}."""
    out = {}
    for m in re.finditer(r"(?:^|\n)\s*(?:\[(['\"])(.+?)\1\]|([A-Za-z_][\w]*))\s*=\s*\{", body):
        key = m.group(2) or m.group(3)
        out[key] = _states(_balanced(body, m.end() - 1)[0])
    return out


def whitelist(lua: str) -> dict:
    data = {
        "basic": _states(_table(lua, "basic_arguments")),
        "numbered": _states(_table(lua, "numbered_arguments")),
        "limited_basic": _states(_table(lua, "limited_basic_arguments")),
        "limited_numbered": _states(_table(lua, "limited_numbered_arguments")),
        "preprint": _nested(_table(lua, "preprint_arguments")),
        "unique": _nested(_table(lua, "unique_arguments")),
    }
    if not data["basic"] or not data["numbered"]:
        raise ValueError("the whitelist tables are empty")
    return data


def aliases(lua: str) -> dict[str, list[str]]:
    body = _table(lua, "aliases")
    out: dict[str, list[str]] = {}
    for m in re.finditer(r"\[(['\"])(.+?)\1\]\s*=\s*(\{[^}]*\}|'[^']*'|\"[^\"]*\")", body):
        out[m.group(2)] = [a or b for a, b in _STRING.findall(m.group(3))]
    if not out:
        raise ValueError("the aliases table has no entries")
    return out


_SUGGESTION = re.compile(r"^\s*\[(['\"])(.+?)\1\]\s*=\s*(['\"])(.*?)\3\s*,?[ \t]*(?:--[ \t]*(.*))?$", re.MULTILINE)


def suggestions(lua: str) -> tuple[dict[str, str], list[str], list[tuple[str, str, str]]]:
    """(wrong → right, the wrong names commented as old parameters, [(lua pattern, regex, right)])."""
    m = re.search(r"^suggestions = \{", lua, re.MULTILINE)
    if m is None:
        raise ValueError("no 'suggestions = {' table in the module text")
    table_end = _end_of(lua, m.end() - 1)
    sugg: dict[str, str] = {}
    old: list[str] = []
    for e in _SUGGESTION.finditer(lua, m.end(), table_end):
        sugg[e.group(2)] = e.group(4)
        if re.match(r"old parameter", e.group(5) or ""):
            old.append(e.group(2))
    p = re.search(r"^local patterns = \{", lua, re.MULTILINE)
    if p is None:
        raise ValueError("no 'local patterns = {' table in the module text")
    pats = []
    for e in _SUGGESTION.finditer(lua, p.end(), _end_of(lua, p.end() - 1)):
        pats.append((e.group(2), lua_pattern_to_regex(e.group(2)), e.group(4)))
    if not sugg:
        raise ValueError("the suggestions table has no entries")
    return sugg, old, pats


def _end_of(lua: str, open_at: int) -> int:
    return _balanced(lua, open_at)[1]


#: one translator of Lua patterns for every regen script (Lua's ``$`` is the end of the text: ``\Z``)
from regen_cs1_config import lua_to_regex as lua_pattern_to_regex  # noqa: E402


def render(whitelist_lua: str, config_lua: str, suggestions_lua: str, source: str) -> str:
    wl = whitelist(whitelist_lua)
    al = aliases(config_lua)
    sugg, old, pats = suggestions(suggestions_lua)
    lines = [
        "# The parameter names of the English Wikipedia's CS1/CS2 templates: what Module:Citation/CS1 accepts.",
        "# GENERATED by scripts/regen_cs1_whitelist.py from Module:Citation/CS1/Whitelist (the argument tables),",
        "# …/Configuration (aliases) and …/Suggestions (did-you-mean); do not edit by hand: regenerate from newer",
        "# copies of the modules. States: supported, deprecated, tracked; a name not listed is not supported.",
        f"source = {_s(source)}",
        "",
    ]

    def states(title: str, table: dict[str, str]) -> None:
        lines.append(f"[{title}]")
        for name in sorted(table):
            lines.append(f"{_s(name)} = {_s(table[name])}")
        lines.append("")

    states("basic", wl["basic"])
    states("numbered", wl["numbered"])
    states("limited.basic", wl["limited_basic"])
    states("limited.numbered", wl["limited_numbered"])
    for cls in sorted(wl["preprint"]):
        states(f"preprint.{_k(cls)}", wl["preprint"][cls])
    for cls in sorted(wl["unique"]):
        states(f"unique.{_k(cls)}", wl["unique"][cls])
    lines.append("# Configuration's aliases: meta-parameter → the names that are one parameter (CS1 takes the first set)")
    lines.append("[aliases]")
    for meta in sorted(al):
        lines.append(f"{_k(meta)} = [{', '.join(_s(a) for a in al[meta])}]")
    lines.append("")
    lines.append("# Suggestions: a wrong name (CS1 looks it up in lower case) → the name to use")
    lines.append("[suggestions]")
    for wrong in sorted(sugg):
        lines.append(f"{_s(wrong)} = {_s(sugg[wrong])}")
    lines.append("")
    lines.append("# the suggestions Suggestions.lua comments as an old parameter: names CS1 once had and removed")
    lines.append("[old]")
    lines.append(f"names = [{', '.join(_s(o) for o in sorted(old))}]")
    lines.append("")
    lines.append("# Suggestions' Lua patterns, with the regular expression citelint matches; $1 is the capture")
    for lua, regex, right in pats:
        lines.append("[[patterns]]")
        lines.append(f"lua = {_s(lua)}")
        lines.append(f"regex = {_s(regex)}")
        lines.append(f"suggest = {_s(right)}")
        lines.append("")
    return "\n".join(lines)


def _s(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _k(s: str) -> str:
    return s if re.fullmatch(r"[A-Za-z0-9_-]+", s) else _s(s)


def main(argv: list[str]) -> int:
    if len(argv) != 5:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    try:
        texts = []
        for path in argv[1:4]:
            with open(path, encoding="utf-8") as f:
                texts.append(f.read())
        sys.stdout.write(render(*texts, argv[4]))
    except (OSError, ValueError) as e:
        print(f"regen_cs1_whitelist: error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
