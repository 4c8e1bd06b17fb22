"""A real MediaWiki (1.39 LTS with Cite and ParserFunctions) as a test oracle.

``Wiki(folder)`` installs a SQLite wiki into ``folder`` with ``maintenance/install.php`` and starts
ONE long-running PHP process (``render.php``) that renders pages with the legacy parser, one JSON line
in and one out. ``Wiki.cite_errors(text)`` returns the Cite errors a page shows, as (key, params),
read back from the ``<span class="error mw-ext-cite-error">Cite error: …</span>`` messages through the
installed extension's ``i18n/en.json``; ``lang="qqx"`` renders message keys instead of texts, which
is how the mapping is checked (tests/oracle/test_oracle.py).

The templates a real wiki has for references (Reflist and its redirects, Notelist, Efn, Refn, R,
NoteTag, Rp, the foreign list templates of citelint's template table) are written in
``reference_templates()`` as the English Wikipedia writes them, with ``#tag:ref``/``#tag:references``
and ParserFunctions. Every other template a page calls gets a stand-in that renders all the
parameters it is called with, as an infobox or a citation template does, so refs inside them still
reach the page.

With Scribunto (bundled with Debian's MediaWiki) and the standalone Lua 5.1 interpreter, the wiki also
runs Lua modules: ``Wiki.set_modules`` gives it Module: pages (tests/oracle/cs1_oracle.py loads the English
Wikipedia's Module:Citation/CS1 that way), and ``Wiki.parse`` returns a page's HTML with its categories.
``scribunto_unavailable()`` says why it cannot.

Nothing here is mocked: if PHP or MediaWiki is missing, ``unavailable()`` says why and the tests skip.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
RENDER = HERE / "render.php"
MEDIAWIKI = Path(os.environ.get("CITELINT_MEDIAWIKI", "/usr/share/mediawiki"))
CITE = MEDIAWIKI / "extensions" / "Cite"
SCRIBUNTO = MEDIAWIKI / "extensions" / "Scribunto"
LUA = Path(os.environ.get("CITELINT_LUA", "/usr/bin/lua5.1"))
PACKAGES = "mediawiki php-cli php-sqlite3 php-mbstring php-xml php-intl lua5.1"


def unavailable() -> Optional[str]:
    """Why the oracle cannot run here, or None when it can."""
    php = shutil.which("php")
    if php is None or not (MEDIAWIKI / "maintenance" / "install.php").is_file():
        return (f"no MediaWiki here (needs php and {MEDIAWIKI}; install with: apt-get install {PACKAGES}, "
                f"or run .ci/install-mediawiki)")
    if not (CITE / "i18n" / "en.json").is_file() or not (MEDIAWIKI / "extensions" / "ParserFunctions").is_dir():
        return f"MediaWiki at {MEDIAWIKI} lacks the Cite or ParserFunctions extension"
    mods = subprocess.run([php, "-m"], capture_output=True, text=True).stdout.lower().split()
    missing = [m for m in ("pdo_sqlite", "mbstring", "intl", "xml") if m not in mods]
    if missing:
        return f"php lacks the modules {', '.join(missing)} (apt-get install {PACKAGES})"
    return None


def scribunto_unavailable() -> Optional[str]:
    """Why the wiki cannot run Lua modules here (Scribunto with standalone Lua 5.1), or None."""
    reason = unavailable()
    if reason:
        return reason
    if not (SCRIBUNTO / "extension.json").is_file():
        return f"MediaWiki at {MEDIAWIKI} lacks the Scribunto extension"
    if not os.access(LUA, os.X_OK):
        return f"no Lua 5.1 interpreter at {LUA} (apt-get install lua5.1, or run .ci/install-mediawiki)"
    return None


# -- the templates a real wiki has --------------------------------------------------------------

def _reflist(group: str = "") -> str:
    # Template:Reflist: the list, with refs= holding list-defined refs and group= its group; the first
    # positional parameter (a column count or width) is read, as the real one reads it, so refs
    # mistakenly put there are expanded before the list
    return ('{{#if:{{{1|}}}||}}<div class="reflist">{{#tag:references|{{{refs|}}}|group={{{group|%s}}}'
            '|responsive=1}}</div>' % group)


def _efn(group: str) -> str:
    # Template:Efn: a note in its own group, with or without a name
    text = "{{{1|{{{reference|{{{content|{{{text|}}}}}}}}}}}}"
    return ("{{#if:{{{name|}}}|{{#tag:ref|%s|name={{{name|}}}|group=%s}}|{{#tag:ref|%s|group=%s}}}}"
            % (text, group, text, group))


_REFN = ("{{#if:{{{name|}}}|{{#tag:ref|{{{1|{{{refn|}}}}}}|name={{{name|}}}|group={{{group|}}}}}"
         "|{{#tag:ref|{{{1|{{{refn|}}}}}}|group={{{group|}}}}}}}")
# Template:R: reuses of up to nine names, in the group given by group= or g=
_R = "".join("{{#if:{{{%d|}}}|{{#tag:ref||name={{{%d}}}|group={{{group|{{{g|}}}}}}}}}}" % (i, i)
             for i in range(1, 10))
_NOTETAG = ("{{#if:{{{name|}}}|{{#tag:ref|{{{1|}}}|name={{{name|}}}|group=note}}"
            "|{{#tag:ref|{{{1|}}}|group=note}}}}")


@lru_cache(maxsize=1)
def reference_templates() -> dict[str, str]:
    """Template name → wikitext, for every template citelint's table knows, plus the helpers the
    generated pages call ({{1x}}, {{Refbegin}}/{{Refend}})."""
    from citelint.parsers.templates import default_table

    out: dict[str, str] = {}
    for name, spec in default_table().specs.items():
        if spec.kind == "reflist":
            out[name] = _reflist(spec.group or "")
        elif spec.kind == "ref":
            out[name] = _REFN if spec.group is None else (_NOTETAG if name == "NoteTag" else _efn(spec.group))
        elif spec.kind == "reuse":
            out[name] = _R
    out["Rp"] = "<sup>:{{{1|}}}</sup>"
    out["Refbegin"] = '<div class="refbegin">'
    out["Refend"] = "</div>"
    out["1x"] = "{{{1|}}}"
    out["Reflist-talk"] = "== References ==\n" + _reflist()
    return out


def _canonical(name: str) -> str:
    name = re.sub(r"[\s_]+", " ", name).strip()
    if name[:9].lower() == "template:":
        name = name[9:].lstrip()
    return name[:1].upper() + name[1:]


_TOKENS = re.compile(r"\{\{|\}\}|\[\[|\]\]|\|")
_HIDDEN = re.compile(r"<!--.*?(?:-->|\Z)|<(nowiki|pre|math|syntaxhighlight|source)\b[^>]*>.*?</\1\s*>",
                     re.IGNORECASE | re.DOTALL)


def template_calls(text: str):
    """(name, [parameter names]) for each template call, by a linear brace scan (comments and nowiki
    skipped; the ``|`` of a ``[[…|…]]`` link inside a call is not a separator)."""
    text = _HIDDEN.sub(lambda m: " " * len(m.group()), text)
    stack: list[list] = []  # [kind, start, separators]
    for m in _TOKENS.finditer(text):
        tok = m.group()
        if tok in ("{{", "[["):
            stack.append([tok, m.start(), []])
        elif tok == "|":
            if stack and stack[-1][0] == "{{":
                stack[-1][2].append(m.start())
        else:
            want = {"}}": "{{", "]]": "[["}[tok]
            if not stack or stack[-1][0] != want:
                continue
            kind, start, seps = stack.pop()
            if kind != "{{":
                continue
            bounds = [start + 2] + [x + 1 for x in seps] + [m.end() + 1]
            parts = [text[bounds[i]:bounds[i + 1] - 1] for i in range(len(bounds) - 1)]
            name, params, n = parts[0], [], 0
            for part in parts[1:]:
                key = part.split("=", 1)[0] if "=" in part else None
                if key is not None and not re.search(r"[{}\[\]<>]", key):
                    params.append(key.strip())
                else:
                    n += 1
                    params.append(str(n))
            yield name, params


def stand_ins(text: str, known: dict[str, str]) -> dict[str, str]:
    """A body for every template ``text`` calls that the wiki lacks: all its parameters, in order."""
    if "{{" not in text:
        return {}
    params: dict[str, dict[str, None]] = {}
    for raw, names in template_calls(text):
        if "{" in raw or "<" in raw or (":" in raw and not raw.strip().lower().startswith("template:")):
            continue  # parser functions, magic words, computed names
        name = _canonical(raw)
        if not name or name in known:
            continue
        seen = params.setdefault(name, {})
        for p in names:
            seen.setdefault(p, None)
    return {name: " ".join("{{{%s|}}}" % p for p in ps if p and not re.search(r"[{}|]", p))
            for name, ps in params.items()}


# -- Cite's messages ---------------------------------------------------------------------------

def _message_pattern(wikitext: str) -> re.Pattern:
    """A message of en.json as it reads on the rendered page (tags dropped), $N as a group."""
    text = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", wikitext)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    parts = re.split(r"\$(\d)", text)
    out = []
    for i, part in enumerate(parts):
        out.append(re.escape(part) if i % 2 == 0 else f"(?P<p{part}_{i}>.*?)")
    return re.compile("".join(out).replace(r"\ ", r"\s+") + r"\Z", re.DOTALL)


@lru_cache(maxsize=1)
def cite_messages() -> list[tuple[str, re.Pattern]]:
    """(key, pattern) for every cite_error_*/cite_warning_* message of the installed Cite, longest first
    (so a message that contains another's text wins)."""
    data = json.loads((CITE / "i18n" / "en.json").read_text(encoding="utf-8"))
    keys = [k for k in data if re.match(r"cite_(error|warning)_", k)]
    keys.sort(key=lambda k: -len(data[k]))
    return [(k, _message_pattern(data[k])) for k in keys]


_ERROR_SPAN = re.compile(r'<span class="(error|warning) mw-ext-cite-(?:error|warning)[^"]*"[^>]*>')
_SPAN_TAG = re.compile(r"<span\b|</span>")


def error_spans(page_html: str) -> list[str]:
    """The text of each Cite error or warning span (nested tags dropped, entities decoded)."""
    out = []
    for m in _ERROR_SPAN.finditer(page_html):
        depth, pos = 1, m.end()
        for t in _SPAN_TAG.finditer(page_html, m.end()):
            depth += 1 if t.group() == "<span" else -1
            if depth == 0:
                pos = t.start()
                break
        inner = re.sub(r"<[^>]+>", "", page_html[m.end():pos])
        out.append((m.group(1), html.unescape(inner).strip()))
    return out


def errors_from_html(page_html: str) -> list[tuple[str, tuple[str, ...]]]:
    """(key, params) for each Cite error on an English page; an unrecognised message is kept whole
    under the key ``?`` (so a test sees it instead of losing it)."""
    out = []
    for kind, text in error_spans(page_html):
        prefix = "Cite error: " if kind == "error" else "Cite warning: "
        body = text[len(prefix):] if text.startswith(prefix) else text
        for key, pattern in cite_messages():
            m = pattern.match(body)
            if m:
                params = sorted(m.groupdict().items(), key=lambda kv: int(kv[0][1:].split("_")[0]))
                out.append((key, tuple(v.strip() for _, v in params)))
                break
        else:
            out.append(("?", (text,)))
    return out


_QQX = re.compile(r"\Acite_(?:error|warning): \((cite_[a-z_]+)(?:: (.*))?\)\Z", re.DOTALL)


def errors_from_qqx(page_html: str) -> list[tuple[str, tuple[str, ...]]]:
    """(key, params) for each Cite error on a page rendered in the ``qqx`` language (message keys)."""
    out = []
    for _kind, text in error_spans(page_html):
        m = _QQX.match(text[1:-1] if text.startswith("(") and text.endswith(")") else text)
        if m is None:
            out.append(("?", (text,)))
        else:
            out.append((m.group(1), tuple(p.strip() for p in m.group(2).split(", ")) if m.group(2) else ()))
    return out


# -- the wiki ----------------------------------------------------------------------------------

class OracleError(RuntimeError):
    pass


class Wiki:
    """A SQLite MediaWiki in ``folder`` and one PHP process rendering pages for it."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.settings = self.folder / "LocalSettings.php"
        if not self.settings.exists():
            self._install()
        env = dict(os.environ, MW_INSTALL_PATH=str(MEDIAWIKI))
        self.proc = subprocess.Popen(
            ["php", str(RENDER), "--conf", str(self.settings)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env, bufsize=1)
        self.templates = reference_templates()
        self._ask({"set_templates": self.templates})

    def _install(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        cmd = ["php", str(MEDIAWIKI / "maintenance" / "install.php"), "--dbtype", "sqlite",
               "--dbpath", str(self.folder / "db"), "--dbname", "oracle", "--confpath", str(self.folder),
               "--server", "http://localhost", "--scriptpath", "", "--lang", "en",
               "--pass", "citelint-oracle-only", "--skins", "", "Oracle", "Oracle"]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        if done.returncode != 0 or not self.settings.exists():
            raise OracleError(f"install.php failed ({done.returncode}): {(done.stdout + done.stderr)[-2000:]}")
        with self.settings.open("a", encoding="utf-8") as f:
            f.write("\n# citelint oracle\nwfLoadExtension( 'Cite' );\nwfLoadExtension( 'ParserFunctions' );\n"
                    "$wgShowExceptionDetails = true;\n$wgParserCacheType = CACHE_NONE;\n")
            if scribunto_unavailable() is None:
                # Lua modules (CS1) through Scribunto's standalone engine; <templatestyles> (CS1 calls it for
                # its stylesheet) is an empty tag here, as the TemplateStyles extension is not installed
                f.write("wfLoadExtension( 'Scribunto' );\n$wgScribuntoDefaultEngine = 'luastandalone';\n"
                        f"$wgScribuntoEngineConf['luastandalone']['luaPath'] = {json.dumps(str(LUA))};\n"
                        "$wgScribuntoEngineConf['luastandalone']['cpuLimit'] = 60;\n"
                        "$wgHooks['ParserFirstCallInit'][] = static function ( $parser ) {\n"
                        "\t$parser->setHook( 'templatestyles', static function () { return ''; } );\n};\n")
        if scribunto_unavailable() is None:
            # CS1 links each message to Help:CS1 errors#<anchor>; the anchor stays in the link only when
            # the page exists (a red link drops it), and the anchor is how a message is told apart
            done = subprocess.run(
                ["php", str(MEDIAWIKI / "maintenance" / "edit.php"), "--conf", str(self.settings), "-u", "Oracle",
                 "Help:CS1 errors"], input="The CS1 error messages.\n", capture_output=True, text=True,
                timeout=300, env=dict(os.environ, MW_INSTALL_PATH=str(MEDIAWIKI)))
            if done.returncode != 0:
                raise OracleError(f"edit.php failed ({done.returncode}): {(done.stdout + done.stderr)[-2000:]}")

    def _ask(self, request: dict) -> dict:
        if self.proc.poll() is not None:
            raise OracleError(f"render.php exited ({self.proc.returncode}): {self.proc.stderr.read()[-2000:]}")
        self.proc.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise OracleError(f"render.php died: {self.proc.stderr.read()[-2000:]}")
        reply = json.loads(line)
        if "error" in reply:
            raise OracleError(f"render.php: {reply['error']}")
        return reply

    def set_modules(self, modules: dict[str, str]) -> None:
        """The Module: pages (name without "Module:" → Lua source) that ``{{#invoke:}}`` can load."""
        self._ask({"set_modules": modules})

    def set_templates(self, templates: dict[str, str]) -> None:
        """Add templates to the standing table (the reference templates stay)."""
        self.templates = dict(self.templates, **templates)
        self._ask({"set_templates": self.templates})

    def parse(self, text: str, lang: str = "en") -> tuple[str, list[str]]:
        """The page's HTML and its category names (spaces, not underscores), as ``render`` renders it."""
        reply = self._ask({"text": text, "lang": lang, "templates": stand_ins(text, self.templates)})
        return reply["html"], [c.replace("_", " ") for c in reply.get("categories", [])]

    def preprocess(self, text: str) -> str:
        """The text with its templates (and modules) expanded, not rendered: category links stay in place."""
        return self._ask({"text": text, "lang": "en", "templates": stand_ins(text, self.templates),
                          "preprocess": True})["wikitext"]

    def render(self, text: str, lang: str = "en") -> str:
        """The page's HTML, with every template it calls available (stand-ins for unknown ones)."""
        return self._ask({"text": text, "lang": lang, "templates": stand_ins(text, self.templates)})["html"]

    def cite_errors(self, text: str, lang: str = "en") -> list[tuple[str, tuple[str, ...]]]:
        page = self.render(text, lang)
        return errors_from_qqx(page) if lang == "qqx" else errors_from_html(page)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover
                self.proc.kill()


if __name__ == "__main__":  # python tests/oracle/mediawiki.py FILE: the Cite errors of one page
    import tempfile

    reason = unavailable()
    if reason:
        sys.exit(f"mediawiki.py: {reason}")
    with tempfile.TemporaryDirectory() as tmp:
        wiki = Wiki(Path(tmp))
        for key, params in wiki.cite_errors(Path(sys.argv[1]).read_text(encoding="utf-8")):
            print(key, *params, sep="\t")
        wiki.close()
