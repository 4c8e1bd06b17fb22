#!/usr/bin/env python3
"""Regenerate citelint/data/cs1_config.toml from the English Wikipedia's Module:Citation/CS1/Configuration.

Usage::

    python scripts/regen_cs1_config.py CONFIGURATION.lua "SOURCE DESCRIPTION" > citelint/data/cs1_config.toml

CONFIGURATION.lua is the module's source text (the page's wikitext, or a copy of it). The script reads these
tables of it and writes them out as data for the CS1 content rules (citelint/rules/cs1_*.py):

- ``aliases``: every meta-parameter's names (``Title = title``, ``Periodical = journal, magazine, …``);
- ``error_conditions``: each error's message, Help:CS1 errors anchor, category and whether it is hidden;
- ``date_names['en']``: month, season, quarter and named-date names (Module:Citation/CS1/Date_validation
  reads them; its patterns and calendar checks are code, written out in citelint/cs1dates.py);
- ``special_case_translation``: the generic titles and names (Lua patterns, translated here to Python regular
  expressions, or plain lower-case fragments) and the "Archived copy" title pattern;
- ``keywords_lists`` (the values of ``|url-status=``, ``|df=``, ``|mode=``…), and ``err_msg_supl`` (the
  archive-url details).

The copy the shipped file was made from is tests/data/corpus/cs1/Configuration.lua; tests/test_cs1_content.py
runs this script on it and compares the result with the shipped file.
"""

from __future__ import annotations

import re
import sys

# -- a small reader of Lua table literals ---------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<ws>\s+|--\[(?P<eq>=*)\[.*?\](?P=eq)\]|--[^\n]*)
  | (?P<str>'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")
  | (?P<num>-?\d+(?:\.\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>\.\.|[{}\[\]=,;])
""", re.VERBOSE | re.DOTALL)


def _unescape(body: str) -> str:
    """A Lua string literal's body (bytes, with decimal escapes such as ``\\195\\128``) as text."""
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            m = re.match(r"\d{1,3}", body[i + 1:])
            if m:
                out.append(int(m.group()))
                i += 1 + len(m.group())
                continue
            nxt = body[i + 1]
            out.extend({"n": b"\n", "t": b"\t", "\\": b"\\", "'": b"'", '"': b'"'}.get(nxt, nxt.encode()))
            i += 2
            continue
        out.extend(c.encode("utf-8"))
        i += 1
    return out.decode("utf-8")


class _Reader:
    def __init__(self, text: str, pos: int, consts: dict[str, str]) -> None:
        self.tokens = []
        for m in _TOKEN.finditer(text, pos):
            if m.group("ws"):
                continue
            kind = m.lastgroup if m.lastgroup != "eq" else "ws"
            self.tokens.append((kind, m.group(kind)))
        self.i = 0
        self.consts = consts

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else ("eof", "")

    def take(self, value=None):
        tok = self.peek()
        if value is not None and tok[1] != value:
            raise ValueError(f"expected {value!r}, found {tok[1]!r}")
        self.i += 1
        return tok

    def value(self):
        kind, text = self.peek()
        if text == "{":
            return self.table()
        parts = [self.atom()]
        while self.peek()[1] == "..":
            self.take()
            parts.append(self.atom())
        return parts[0] if len(parts) == 1 else "".join(str(p) for p in parts)

    def atom(self):
        kind, text = self.take()
        if kind == "str":
            return _unescape(text[1:-1])
        if kind == "num":
            return int(text) if text.lstrip("-").isdigit() else float(text)
        if kind == "name":
            if text in ("true", "false"):
                return text == "true"
            if text == "nil":
                return None
            if text in self.consts:
                return self.consts[text]
            raise ValueError(f"cannot evaluate {text!r}")
        raise ValueError(f"unexpected {text!r}")

    def table(self):
        self.take("{")
        items: list = []
        keyed: dict = {}
        while self.peek()[1] != "}":
            kind, text = self.peek()
            if text == "[":
                self.take()
                key = self.value()
                self.take("]")
                self.take("=")
                keyed[key] = self.value()
            elif kind == "name" and self.tokens[self.i + 1][1] == "=":
                self.take()
                self.take("=")
                keyed[text] = self.value()
            else:
                items.append(self.value())
            if self.peek()[1] in (",", ";"):
                self.take()
        self.take("}")
        if keyed and items:
            keyed.update({i + 1: v for i, v in enumerate(items)})
            return keyed
        return keyed if keyed else items


_CONST = re.compile(r"^local (\w+) = ('(?:\\.|[^'\\])*');", re.MULTILINE)


def table(lua: str, name: str):
    """The value of ``local <name> = {…}`` in the module text."""
    m = re.search(rf"^local {re.escape(name)} = \{{", lua, re.MULTILINE)
    if not m:
        raise ValueError(f"no 'local {name} = {{' table in the module text")
    consts = {k: _unescape(v[1:-1]) for k, v in _CONST.findall(lua)}
    return _Reader(lua, m.end() - 1, consts).table()


# -- Lua patterns as Python regular expressions ---------------------------------------------------------------

#: Lua's character classes as string.find sees them on en.wiki (byte-wise, "C" locale: ASCII only)
_CLASSES = {"a": "A-Za-z", "d": "0-9", "l": "a-z", "u": "A-Z", "s": " \\t\\n\\r\\f\\v", "w": "A-Za-z0-9",
            "x": "0-9A-Fa-f", "p": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"), "c": "\\x00-\\x1f\\x7f"}


def _set_items(pat: str, i: int) -> tuple[str, bool, int]:
    """The inside of a Lua set ``[…]`` starting at ``pat[i] == '['``: (Python class body, negated, next index)."""
    i += 1
    neg = pat[i] == "^"
    if neg:
        i += 1
    body = ""
    first = True
    while i < len(pat) and (pat[i] != "]" or first):
        c = pat[i]
        first = False
        if c == "%":
            k = pat[i + 1]
            if k.lower() in _CLASSES:
                if k.isupper():
                    if not neg and body == "" and pat[i + 2:i + 3] == "]":  # [%A]: all but the class
                        return _CLASSES[k.lower()], True, i + 3
                    raise ValueError(f"complemented class %{k} inside a set is not supported: {pat!r}")
                body += _CLASSES[k]
            else:
                body += re.escape(k)
            i += 2
        elif i + 2 < len(pat) and pat[i + 1] == "-" and pat[i + 2] != "]":
            body += re.escape(c) + "-" + re.escape(pat[i + 2])
            i += 3
        else:
            body += "\\" + c if c in "\\]^-[" else c
            i += 1
    if i >= len(pat):
        raise ValueError(f"unclosed set in {pat!r}")
    return body, neg, i + 1


def lua_to_regex(pat: str) -> str:
    """A Lua pattern (as ``string.find`` runs it) as an equivalent Python regular expression."""
    out = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        if c == "^" and i == 0:
            out.append("^")
            i += 1
        elif c == "$" and i == n - 1:
            out.append(r"\Z")
            i += 1
        elif c == "%":
            k = pat[i + 1]
            if k == "f":
                body, neg, i = _set_items(pat, i + 2)
                cls = f"[{'^' if neg else ''}{body}]"
                nul_in = re.match(cls, "\0") is not None  # Lua treats both ends of the subject as "\0"
                before = f"(?<!{cls})" if not nul_in else f"(?<={'[^' if not neg else '['}{body}])"
                after = f"(?={cls}|\\Z)" if nul_in else f"(?={cls})"
                out.append(before + after)
                continue
            if k == "b" or k.isdigit():
                raise ValueError(f"%{k} is not supported: {pat!r}")
            if k.lower() in _CLASSES:
                out.append(f"[{'^' if k.isupper() else ''}{_CLASSES[k.lower()]}]")
            else:
                out.append(re.escape(k))
            i += 2
        elif c == "[":
            body, neg, i = _set_items(pat, i)
            out.append(f"[{'^' if neg else ''}{body}]")
        elif c == ".":
            out.append(".")
            i += 1
        elif c == "-" and out:
            out.append("*?")
            i += 1
        elif c in "*+?" and out:
            out.append(c)
            i += 1
        elif c in "()":
            out.append(c)
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


# -- the data file ---------------------------------------------------------------------------------------------

def _s(v) -> str:
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _list(vs) -> str:
    return "[" + ", ".join(_s(v) for v in vs) + "]"


def _generic(entries, kind: str) -> list[str]:
    lines = []
    for e in entries:
        fragment, plain = e["en"]
        if plain:
            lines.append(f'{{ plain = {_s(fragment)} }},')
        else:
            lines.append(f'{{ lua = {_s(fragment)}, regex = {_s(lua_to_regex(fragment))} }},')
    return [f"{kind} = ["] + ["  " + ln for ln in lines] + ["]"]


def render(lua: str, source: str) -> str:
    aliases = table(lua, "aliases")
    errors = table(lua, "error_conditions")
    dates = table(lua, "date_names")["en"]
    special = table(lua, "special_case_translation")
    keywords = table(lua, "keywords")
    supl = table(lua, "err_msg_supl")
    lists = {}
    body = re.search(r"^local keywords_lists = \{(.*?)^\t\}", lua, re.MULTILINE | re.DOTALL)
    if not body:
        raise ValueError("no 'local keywords_lists = {' table in the module text")
    for line in body.group(1).splitlines():
        m = re.match(r"\s*\['([^']+)'\] = make_keywords_list \(\{([^}]*)\}\)", line)
        if m:
            keys = re.findall(r"keywords(?:\.(\w+)|\['([^']+)'\])", m.group(2))
            lists[m.group(1)] = [kw for a, b in keys for kw in keywords[a or b]]
    if "url-status" not in lists:
        raise ValueError("no keywords_lists['url-status'] in the module text")

    lines = [
        "# What the CS1 content rules (citelint/rules/cs1_*.py) read from the English Wikipedia's CS1 modules.",
        "# GENERATED by scripts/regen_cs1_config.py from Module:Citation/CS1/Configuration (aliases,",
        "# error_conditions, date_names, special_case_translation, keywords_lists, err_msg_supl);",
        "# do not edit by hand: regenerate from a newer copy of the module.",
        f"source = {_s(source)}",
        "",
        "# meta-parameter = the parameter names CS1 reads it from, in CS1's order of precedence",
        "[aliases]",
    ]
    for key in sorted(aliases):
        v = aliases[key]
        lines.append(f"{_s(key)} = {_list([v] if isinstance(v, str) else v)}")
    lines += ["", "# error key = its message ($1, $2: filled in by CS1), Help:CS1 errors anchor, category, hidden",
              "[errors]"]
    for key in sorted(errors):
        e = errors[key]
        parts = []
        if e.get("message") is not None:
            msg = re.sub(r"<code[^>]*>(.*?)</code>", r"\1", e["message"]).replace("&#124;", "|")
            parts.append(f"message = {_s(msg)}")
        parts.append(f"anchor = {_s(e.get('anchor', ''))}")
        parts.append(f"category = {_s(e.get('category', ''))}")
        parts.append(f"hidden = {'true' if e.get('hidden') else 'false'}")
        lines.append(f"{key} = {{ {', '.join(parts)} }}")
    lines += ["", "# Date_validation's names: month (long, short), season, quarter and named dates, by number",
              "[date_names]"]
    for group in ("long", "short", "season", "quarter", "named"):
        items = sorted(dates[group].items(), key=lambda kv: (kv[1], kv[0]))
        lines.append(f"{group} = {{ " + ", ".join(f"{_s(k)} = {v}" for k, v in items) + " }")
    lines += ["", "# the values CS1 accepts in keyword parameters (|url-status=, |df=, |mode=…; |ref= lists the one it rejects)",
              "[keywords_lists]"]
    lines += [f"{_s(k)} = {_list(v)}" for k, v in sorted(lists.items())]
    lines += ["",
              "# |archive-url= is malformed: <detail>", "[archive_url_details]"]
    for key in ("save", "liveweb", "timestamp", "path", "flag"):
        lines.append(f"{key} = {_s(supl[key])}")
    arch = special["archived_copy"]["en"]
    lines += ["", "# generic titles and names: a plain fragment is searched in the lower-cased value; a pattern",
              "# (lua, translated to a Python regex) in the value as written. A value an accept entry matches is fine.",
              "[archived_copy]", f"lua = {_s(arch)}", f"regex = {_s(lua_to_regex(arch))}", ""]
    for name in ("generic_titles", "generic_names"):
        lines.append(f"[{name}]")
        for kind in ("accept", "reject"):
            lines += _generic(special[name][kind], kind)
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            lua = f.read()
        sys.stdout.write(render(lua, argv[2]))
    except (OSError, ValueError, KeyError, IndexError, UnicodeDecodeError) as e:
        print(f"regen_cs1_config: error: {argv[1]}: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
