"""Configuration files: ``[tool.citelint]`` in ``pyproject.toml``, or ``citelint.toml`` / ``.citelint.toml``.

Discovery is ruff's: for each checked file, walk up from its folder; the first folder holding a
configuration wins (``.citelint.toml``, then ``citelint.toml``, then a ``pyproject.toml`` that has a
``[tool.citelint]`` table), with no merging between files (``extend = "../citelint.toml"`` inherits
on purpose). Lookups are cached per folder, so a run over one project reads its file once, and files
of different projects in one run each get their own configuration. ``--config FILE`` forces one
file for every input; ``--isolated`` (alias ``--no-config``) ignores them all.

Every key is declared once, with its type, in :class:`Config`; an unknown key or a bad value is a
:class:`ConfigError` naming the file and the key (with a did-you-mean), which the CLI turns into one
line and exit status 2. Command-line options override the file.

Two scopes:
- per file: ``select``, ``extend-select``, ``ignore``, ``severity``, ``per-file-ignores``, ``exclude``,
  ``force-exclude``, ``fail-on``, ``input-format``, ``sub-referencing``, ``templates``: each file is
  checked with the configuration closest to it.
- per run: the link options (``offline``, ``timeout``, …). The link checker is one pass over all
  the run's URLs, so these come from ``--config``, else the configuration of the current folder,
  else that of the first path given. They fill the ``check`` command's options of the same name
  (``max-per-host`` → ``--max-per-host``) that were not given on the command line.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Optional

from citelint.model import Severity
from citelint.settings import DEFAULT_MAX_PAGE_SIZE, DEFAULT_PARSE_TIMEOUT, Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: file names looked for in each folder, in order of precedence
CONFIG_NAMES = (".citelint.toml", "citelint.toml", "pyproject.toml")
SEVERITIES = ("error", "warning", "info")
INPUT_FORMATS = ("wikitext", "plaintext")


class ConfigError(Exception):
    """A configuration file that cannot be used: names the file and the key."""

    def __init__(self, path: str, message: str, key: Optional[str] = None) -> None:
        self.path, self.key, self.message = path, key, message
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}: {self.key}: {self.message}" if self.key else f"{self.path}: {self.message}"


class _Bad(ValueError):
    """A value a checker rejects; ``sub`` names a nested key (``severity.duplicate-reff``), or a tuple of them
    (``("templates", "cite webpage")``), each quoted as TOML needs."""

    def __init__(self, message: str, sub: "Optional[str | tuple]" = None) -> None:
        super().__init__(message)
        self.sub = sub


# -- value checkers: raw TOML value → typed value, or _Bad ------------------------------------

def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib  # start-up: only for a bad key or value

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _type_name(value: Any) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array",
            dict: "a table"}.get(type(value), type(value).__name__)


def _rules(selector: str) -> frozenset[str]:
    if not isinstance(selector, str):
        raise _Bad(f"rules are strings (names, codes or code prefixes), not {_type_name(selector)}")
    return _rules_of(selector)


@functools.lru_cache(maxsize=1024)
def _rules_of(selector: str) -> frozenset[str]:
    from citelint.rules import RULES
    from citelint.selection import SelectionError, match

    try:
        return frozenset(match(selector))
    except SelectionError:
        names = [r.name for r in RULES] + [r.code for r in RULES]
        raise _Bad(f"unknown rule or code {selector!r}{_did_you_mean(selector, names)}; "
                   f"`citelint rules` lists them") from None


def check_rule_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        raise _Bad(f"must be an array of rules, like [{value!r}]")
    if not isinstance(value, list):
        raise _Bad(f"must be an array of rules (names, codes or code prefixes), not {_type_name(value)}")
    for v in value:
        _rules(v)
    return tuple(v.strip() for v in value)


def check_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"must be true or false, not {value!r}")
    return value


def check_str(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"must be a non-empty string, not {value!r}")
    return value


def check_positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _Bad(f"must be a whole number of at least 1, not {value!r}")
    return value


def check_seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise _Bad(f"must be a number of seconds above 0, not {value!r}")
    return float(value)


def check_non_negative(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise _Bad(f"must be a number of at least 0, not {value!r}")
    return float(value)


def check_non_negative_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Bad(f"must be a whole number of at least 0, not {value!r}")
    return value


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "kib": 2**10, "m": 10**6, "mb": 10**6, "mib": 2**20,
          "g": 10**9, "gb": 10**9, "gib": 2**30}


def parse_size(value: Any) -> int:
    """A size in bytes: a whole number, or a string such as "500KB", "50MB", "2MiB", "1GB"; 0: no limit."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    m = _SIZE.match(value) if isinstance(value, str) else None
    if m is None:
        raise _Bad(f'must be a size like "50MB", "500KB" or "2MiB" (or a number of bytes; 0: no limit), '
                   f'not {value!r}')
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


def check_timeout(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise _Bad(f"must be a number of seconds (0: no limit), not {value!r}")
    return float(value)


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")


def check_duration(value: Any) -> str:
    """A cache age: seconds as a number, or a string such as "90s", "30m", "12h", "1d", "2w"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return f"{value}s"
    if isinstance(value, str) and _DURATION.match(value):
        return value.strip()
    raise _Bad(f'must be a duration like "12h", "1d" or "2w" (or a number of seconds), not {value!r}')


def check_choice(*choices: str):
    def check(value: Any) -> str:
        if not isinstance(value, str) or value.strip().lower() not in choices:
            hint = _did_you_mean(value, choices) if isinstance(value, str) else ""
            raise _Bad(f"must be one of {', '.join(choices)}, not {value!r}{hint}")
        return value.strip().lower()
    check.__doc__ = " | ".join(choices)
    return check


def check_severity_table(value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise _Bad('must be a table of rule = severity, like { duplicate-ref = "error" }')
    out: dict[str, Severity] = {}
    for selector, sev in value.items():
        try:
            rules = _rules(selector)
            level = Severity.parse(check_choice(*SEVERITIES)(sev))
        except _Bad as e:
            raise _Bad(str(e), sub=selector) from None
        for r in rules:
            out[r] = level
    return out


def check_globs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        raise _Bad(f"must be an array of glob patterns, like [{value!r}]")
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Bad("must be an array of glob patterns (strings), like [\"drafts/**\", \"*.old.wiki\"]")
    for v in value:
        _glob_regex(v)
    return tuple(v.strip() for v in value)


def check_per_file_ignores(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise _Bad('must be a table of glob = [rules], like { "drafts/*.wiki" = ["unused-ref"] }')
    out = []
    for glob, rules in value.items():
        try:
            _glob_regex(glob)
            if isinstance(rules, str):
                rules = [rules]
            out.append((glob, check_rule_list(rules)))
        except _Bad as e:
            raise _Bad(str(e), sub=glob) from None
    return tuple(out)


def check_templates(value: Any) -> dict:
    from citelint.parsers.templates import KINDS, _specs_from

    if not isinstance(value, dict):
        raise _Bad('must hold tables reflist, ref or reuse, like [tool.citelint.templates.reflist] "Bronne" = {}')
    for kind in value:
        if kind not in KINDS:
            raise _Bad(f"unknown template kind{_did_you_mean(kind, KINDS)}: use {', '.join(KINDS)}", sub=kind)
    try:
        _specs_from(value)
    except ValueError as e:
        raise _Bad(str(e).removeprefix("templates.")) from None
    return value


#: the keys of the ``cs1`` table
CS1_KEYS = ("templates", "parameters", "identifier-limits")


def check_cs1(value: Any) -> dict:
    """``[tool.citelint.cs1]``: ``templates`` (name → CitationClass), ``parameters`` (names CS1 accepts besides
    the pinned whitelist), ``identifier-limits`` (identifier → upper limit). Checked into
    ``{"templates": ((name, class), …), "parameters": frozenset, "identifier-limits": ((kind, limit), …)}``."""
    from citelint.cs1 import template_classes
    from citelint.identifiers import LIMITED_KINDS

    if not isinstance(value, dict):
        raise _Bad('must be a table, like [tool.citelint.cs1] parameters = ["my-param"]')
    out: dict[str, Any] = {}
    for key, raw in value.items():
        if key not in CS1_KEYS:
            raise _Bad(f"unknown key{_did_you_mean(key, CS1_KEYS)}: use {', '.join(CS1_KEYS)}", sub=key)
        if key == "templates":
            if not isinstance(raw, dict):
                raise _Bad('must be a table of template name = CS1 class, like { "cite webpage" = "web" }', sub=key)
            classes = sorted(set(template_classes().values()))
            pairs = []
            for name, cls in raw.items():
                if not isinstance(cls, str) or cls not in classes:
                    hint = _did_you_mean(cls, classes) if isinstance(cls, str) else ""
                    raise _Bad(f"{cls!r} is not a CS1 class{hint}: use one of {', '.join(classes)}",
                               sub=("templates", name))
                if not name.strip():
                    raise _Bad("a template name must be a non-empty string", sub="templates")
                pairs.append((name, cls))
            out[key] = tuple(pairs)
        elif key == "parameters":
            if not isinstance(raw, list) or not all(isinstance(v, str) and v.strip() and v == v.strip()
                                                    and "=" not in v and "|" not in v for v in raw):
                raise _Bad('must be an array of parameter names as written (case matters), like ["my-param"]',
                           sub=key)
            out[key] = frozenset(raw)
        else:
            if not isinstance(raw, dict):
                raise _Bad("must be a table of identifier = upper limit, like { pmid = 40000000 }", sub=key)
            pairs = []
            for kind, limit in raw.items():
                if kind not in LIMITED_KINDS:
                    raise _Bad(f"CS1 has no limit for {kind!r}{_did_you_mean(kind, LIMITED_KINDS)}: the limited "
                               f"identifiers are {', '.join(LIMITED_KINDS)}", sub=(key, kind))
                if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
                    raise _Bad(f"must be a whole number of at least 1, not {limit!r}", sub=(key, kind))
                pairs.append((kind, limit))
            out[key] = tuple(sorted(pairs))
    return out


# -- the schema ---------------------------------------------------------------------------------

def option(check, doc: str, scope: str = "file", example: Any = None):
    """A configuration key: its checker, its documentation, per-file or per-run, an example value."""
    return field(default=None, metadata={"check": check, "doc": doc, "scope": scope, "example": example})


@dataclass(frozen=True)
class Config:
    """One configuration file's values, checked. ``None``: not set there (the default applies).

    The TOML key is the field name with ``-`` for ``_`` (``fail_on`` ↔ ``fail-on``).
    """

    extend: Optional[str] = option(check_str, "Another configuration file to start from (path relative to this "
                                              "one); keys set here replace its values.", example="../citelint.toml")
    select: Optional[tuple[str, ...]] = option(
        check_rule_list, "Rules to run: names, codes or code prefixes, or ALL (default: all rules).",
        example=["CL1", "duplicate-ref"])
    extend_select: Optional[tuple[str, ...]] = option(check_rule_list, "Rules to add to `select`.",
                                                      example=["unused-suppression"])
    ignore: Optional[tuple[str, ...]] = option(check_rule_list, "Rules not to run.", example=["backlink-mismatch"])
    severity: Optional[dict] = option(check_severity_table,
                                      'Severity per rule (or code prefix): "error", "warning" or "info".',
                                      example={"duplicate-ref": "error", "CL102": "info"})
    per_file_ignores: Optional[tuple] = option(
        check_per_file_ignores, "Rules not to run for files matching a glob (relative to this file's folder; a "
                                "pattern without / matches a file or folder name at any depth).",
        example={"drafts/**": ["unused-ref"], "*.txt": ["backlink-mismatch"]})
    exclude: Optional[tuple[str, ...]] = option(
        check_globs, "Files and folders not to check when walking a folder (globs, as in per-file-ignores), "
                     "besides the built-in .git, node_modules, .venv …", example=["archive/", "*.old.wiki"])
    force_exclude: Optional[bool] = option(check_bool, "Apply `exclude` to files named on the command line too "
                                                       "(as pre-commit passes them).", example=True)
    fail_on: Optional[str] = option(check_choice(*SEVERITIES), "Lowest severity that makes the exit status 1 "
                                                                "(default: warning).", example="error")
    input_format: Optional[str] = option(check_choice(*INPUT_FORMATS),
                                         "Read files as this kind instead of detecting it.", example="wikitext")
    sub_referencing: Optional[bool] = option(check_bool, "Accept MediaWiki sub-references (details=) "
                                                         "(default: true).", example=True)
    templates: Optional[dict] = option(
        check_templates, "The wiki's own templates that render reference lists (reflist), make references "
                         "(ref) or reuse them (reuse), added to the built-in table; each takes "
                         "{ group = \"…\" } or { ignore = true }.",
        example={"reflist": {"Verwysings": {}}, "ref": {"Voetnoot": {"group": "note"}}})
    cs1: Optional[dict] = option(
        check_cs1, "CS1/CS2 citation templates: the wiki's own templates (templates = { name = CitationClass }), "
                   "parameter names its CS1 module accepts besides the pinned whitelist (parameters = [...]), and "
                   "raised identifier limits ([cs1.identifier-limits] pmid = 40000000).",
        example={"templates": {"cite webpage": "web"}, "parameters": ["my-param"],
                 "identifier-limits": {"pmid": 40000000}})
    # run-wide: limits on one page (each fills the `check` option of the same name)
    max_page_size: Optional[int] = option(parse_size, 'The largest file or dump page checked, in bytes of text '
                                                      '("50MB", "2MiB"; 0: no limit; default "50MB"); a larger '
                                                      'one is not read and gets an unchecked-page finding.', "run",
                                          example="10MB")
    parse_timeout: Optional[float] = option(check_timeout, "The most seconds checking one page may take (0: no "
                                                           "limit; default 10); a slower one gets an unchecked-page "
                                                           "finding and the run goes on.", "run", example=30)
    parser: Optional[str] = option(check_choice("scan", "full"), "How wikitext is read: \"scan\", the citation "
                                                               "scanner (default), or \"full\", mwparserfromhell's "
                                                               "whole parse tree (same findings, slower).", "run",
                                   example="full")
    # run-wide: the link checker (each fills the `check` option of the same name)
    offline: Optional[bool] = option(check_bool, "Check no links over the network (--offline).", "run",
                                     example=False)
    concurrency: Optional[int] = option(check_positive_int, "Links checked at once, over all hosts (default 32).",
                                        "run", example=16)
    max_per_host: Optional[int] = option(check_positive_int, "Links checked at once on one host (default 4).",
                                         "run", example=2)
    host_interval: Optional[float] = option(check_non_negative, "Least seconds between two requests to one host "
                                                                "starting (default 0).", "run", example=0.5)
    timeout: Optional[float] = option(check_seconds, "The most seconds one attempt at a URL may take (default 30).",
                                      "run", example=10)
    retries: Optional[int] = option(check_non_negative_int, "Extra attempts after a 429, a 503 or a dropped "
                                                            "connection (default 2).", "run", example=2)
    max_retry_wait: Optional[float] = option(check_non_negative, "The longest Retry-After honoured, in seconds "
                                                                 "(default 30).", "run", example=30)
    user_agent: Optional[str] = option(check_str, "User-Agent header for link checks.", "run",
                                       example="ExampleWikiBot/1.0 (+https://wiki.example.org/bot)")
    allow_private_hosts: Optional[bool] = option(check_bool, "Also check links to loopback, private and other "
                                                             "non-public addresses (default false). Trusted: not "
                                                             "from a project's file.", "run", example=False)
    cache: Optional[bool] = option(check_bool, "Keep link results between runs (false = --no-cache).", "run",
                                   example=True)
    cache_dir: Optional[str] = option(check_str, "Where link results are kept (relative to this file; default "
                                                 ".citelint_cache/ in the checked files' project). A project's file "
                                                 "may only name a folder below its own.", "run",
                                      example=".citelint_cache")
    max_cache_age: Optional[str] = option(check_duration, 'How long a working link\'s result is reused (default '
                                                          '"7d").', "run", example="1d")
    dead_after_runs: Optional[int] = option(check_positive_int, "An unreachable link is dead after failing in this "
                                                                "many runs (default 2) …", "run", example=2)
    dead_after_hours: Optional[float] = option(check_non_negative, "… the first and the last at least this many "
                                                                   "hours apart (default 20).", "run", example=20)

    #: where the values came from (not keys)
    source: Optional[str] = field(default=None, compare=False, metadata={"internal": True})
    #: the folder globs and relative paths are anchored to
    root: Optional[str] = field(default=None, compare=False, metadata={"internal": True})
    #: for path-like keys inherited through ``extend``: key → the folder they are relative to
    anchors: Mapping[str, str] = field(default_factory=dict, compare=False, metadata={"internal": True})
    #: for keys inherited through ``extend``: field name → the file that set it
    origins: Mapping[str, str] = field(default_factory=dict, compare=False, metadata={"internal": True})
    #: the user's own file (or one it extends), not a project's: its trusted keys are honoured
    trusted: bool = field(default=False, compare=False, metadata={"internal": True})


def key_of(f: dataclasses.Field) -> str:
    return f.name.replace("_", "-")


#: the configuration keys, in documentation order
KEYS: tuple[dataclasses.Field, ...] = tuple(f for f in dataclasses.fields(Config) if not f.metadata.get("internal"))
BY_KEY = {key_of(f): f for f in KEYS}
#: keys holding paths or globs, relative to the file that sets them
PATH_KEYS = ("exclude", "per_file_ignores", "cache_dir")
RUN_KEYS = tuple(key_of(f) for f in KEYS if f.metadata["scope"] == "run")

#: keys that weaken the link guard or write outside the project: honoured from the command line, the
#: environment and the user's own configuration file, never from a file in the tree being checked (a pull
#: request could change it); key → its environment variable
TRUSTED_KEYS = {"allow-private-hosts": "CITELINT_ALLOW_PRIVATE_HOSTS", "cache-dir": "CITELINT_CACHE_DIR",
                "max-page-size": "CITELINT_MAX_PAGE_SIZE", "parse-timeout": "CITELINT_PARSE_TIMEOUT"}
#: the resource limits a checked tree could lift to exhaust a CI gate's memory or time: a project's file may
#: make them stricter (a smaller value), not larger and not 0 (no limit); key → the default
LIMIT_KEYS = {"max-page-size": DEFAULT_MAX_PAGE_SIZE, "parse-timeout": DEFAULT_PARSE_TIMEOUT}
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def user_config_path() -> str:
    """The user's own configuration: ``$XDG_CONFIG_HOME/citelint/config.toml`` (default
    ``~/.config/citelint/config.toml``)."""
    base = os.environ.get("XDG_CONFIG_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "citelint", "config.toml")


def _tilde(path: str) -> str:
    home = os.path.expanduser("~")
    return "~" + path[len(home):] if home not in ("", "/") and path.startswith(home + os.sep) else path


def _repository_of(path: str) -> Optional[str]:
    """The nearest folder at or above ``path``'s folder holding ``.git``, or None."""
    d = os.path.dirname(os.path.realpath(path))
    while True:
        if os.path.exists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


# -- reading files ------------------------------------------------------------------------------

def _table_prefix(path: str) -> str:
    return "tool.citelint." if os.path.basename(path) == "pyproject.toml" else ""


def parse_table(table: Mapping, path: str) -> Config:
    """A ``Config`` from a file's table of keys, or ConfigError naming the key."""
    prefix = _table_prefix(path)
    values: dict[str, Any] = {}
    for key, raw in table.items():
        f = BY_KEY.get(key)
        if f is None:
            alt = BY_KEY.get(key.replace("_", "-"))
            hint = f" (did you mean {key_of(alt)!r}? keys are written with -)" if alt else _did_you_mean(key, BY_KEY)
            if key == "tool" and not prefix:
                hint = f" ({os.path.basename(path)} takes the keys at its top level, without [tool.citelint])"
            raise ConfigError(path, f"unknown key {key!r}{hint}; known keys: {', '.join(BY_KEY)}", f"{prefix}{key}")
        try:
            values[f.name] = f.metadata["check"](raw)
        except _Bad as e:
            parts = e.sub if isinstance(e.sub, tuple) else (e.sub,) if e.sub is not None else ()
            where = f"{prefix}{key}" + "".join(f".{_quote_key(x)}" for x in parts)
            raise ConfigError(path, str(e), where) from None
    root = os.path.dirname(os.path.abspath(path))
    return Config(**values, source=os.path.abspath(path), root=root)


def _quote_key(k: str) -> str:
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else '"' + k.replace('"', '\\"') + '"'


def _load_toml(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(path, f"not valid TOML: {e}") from None
    except UnicodeDecodeError:
        raise ConfigError(path, "not valid UTF-8") from None
    except OSError as e:
        raise ConfigError(path, f"cannot read: {e.strerror or e}") from None


def _table_of(path: str, data: dict, required: bool) -> Optional[Mapping]:
    if os.path.basename(path) != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    table = tool.get("citelint") if isinstance(tool, dict) else None
    if table is None:
        if required:
            raise ConfigError(path, "has no [tool.citelint] table")
        return None
    if not isinstance(table, dict):
        raise ConfigError(path, "must be a table", "tool.citelint")
    return table


def load_config(path: str, required: bool = True, _seen: tuple[str, ...] = (),
                trusted: bool = False) -> Optional[Config]:
    """The configuration in one file (following ``extend``); None for a pyproject.toml without our table.

    ``trusted``: the user's own file. A project's file (not trusted) may extend only ``.toml`` files, and
    inside a git repository only files in that repository.
    """
    path = os.path.abspath(path)
    if path in _seen:
        raise ConfigError(path, "extends itself through " + " → ".join(_seen + (path,)), "extend")
    if not os.path.isfile(path):
        raise ConfigError(path, "no such configuration file")
    table = _table_of(path, _load_toml(path), required)
    if table is None:
        return None
    cfg = parse_table(table, path)
    if trusted:
        cfg = dataclasses.replace(cfg, trusted=True)
    if cfg.extend is not None:
        key = _table_prefix(path) + "extend"
        parent_path = os.path.normpath(os.path.join(cfg.root, os.path.expanduser(cfg.extend)))
        if not os.path.isfile(parent_path):
            raise ConfigError(path, f"{cfg.extend!r}: no such file", key)
        if not trusted:
            if not parent_path.endswith(".toml"):
                raise ConfigError(path, f"{cfg.extend!r} is not a .toml file: a project configuration extends "
                                        f"only configuration files", key)
            repo = _repository_of(_seen[0] if _seen else path)
            if repo is not None and not _inside(os.path.realpath(parent_path), repo):
                raise ConfigError(path, f"{cfg.extend!r} is outside the repository {repo}: a project configuration "
                                        f"extends only files inside it (shared settings of your own go in "
                                        f"{_tilde(user_config_path())})", key)
        parent = load_config(parent_path, True, _seen + (path,), trusted)
        own = {f.name: getattr(cfg, f.name) for f in KEYS if getattr(cfg, f.name) is not None}
        inherited = {name: anchor(parent, name) for name in PATH_KEYS
                     if name not in own and getattr(parent, name) is not None}
        origins = {f.name: parent.origins.get(f.name, parent.source) for f in KEYS
                   if f.name not in own and getattr(parent, f.name) is not None}
        cfg = dataclasses.replace(parent, **own, source=cfg.source, root=cfg.root, anchors=inherited,
                                  origins=origins, trusted=trusted)
    return cfg


def origin(cfg: Config, name: str) -> str:
    """The file that set key ``name`` (a field name) of ``cfg``: itself, or one it extends."""
    return cfg.origins.get(name, cfg.source or "")


def anchor(cfg: Config, name: str) -> str:
    """The folder a path-like key of ``cfg`` is relative to (the file that set it, through ``extend``)."""
    return cfg.anchors.get(name, cfg.root)


# -- globs --------------------------------------------------------------------------------------

def _glob_regex(glob: str) -> re.Pattern:
    """gitignore-like: ``*`` within a name, ``**`` across folders, ``?``, ``[…]``."""
    if not isinstance(glob, str) or not glob.strip():
        raise _Bad("a glob pattern must be a non-empty string")
    g = glob.strip().replace("\\", "/")
    if g.startswith("./"):
        g = g[2:]
    g = g.strip("/") or "*"
    out, i, n = [], 0, len(g)
    while i < n:
        c = g[i]
        if g.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif g.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = g.find("]", i + 2)
            if j == -1:
                raise _Bad(f"unclosed [ in glob {glob!r}")
            body = g[i + 1:j]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out))


@dataclass(frozen=True)
class Glob:
    """A pattern anchored at a folder: with a ``/`` it is relative to that folder; without one it
    matches a file or folder name at any depth. A match on a folder covers everything below it."""

    pattern: str
    root: str
    regex: re.Pattern = field(compare=False)
    anchored: bool = True

    @classmethod
    def make(cls, pattern: str, root: str) -> "Glob":
        p = pattern.strip().replace("\\", "/")
        anchored = "/" in p.strip("/") or p.startswith("/") or p.startswith("./")
        return cls(pattern, root, _glob_regex(pattern), anchored)

    def matches(self, path: str) -> bool:
        """``path`` absolute. True when it or a folder above it (under the root) matches."""
        rel = _under(path, self.root)
        if rel is not None:
            parts = rel.replace(os.sep, "/").split("/")
        else:
            parts = path.replace(os.sep, "/").strip("/").split("/")
        if not self.anchored:
            return any(self.regex.fullmatch(p) for p in parts)
        if rel is None:
            return False
        return any(self.regex.fullmatch("/".join(parts[:k])) for k in range(len(parts), 0, -1))


def _under(path: str, root: str) -> Optional[str]:
    """``path`` relative to ``root`` when it lies below it (both absolute and normalised), else None."""
    if path == root:
        return "."
    prefix = root if root.endswith(os.sep) else root + os.sep
    return path[len(prefix):] if path.startswith(prefix) else None


# -- the command line's part --------------------------------------------------------------------

@dataclass(frozen=True)
class Overrides:
    """What the command line says; ``None`` (or empty) where it says nothing."""

    select: Optional[tuple[str, ...]] = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Optional[str] = None
    input_format: Optional[str] = None
    force_exclude: bool = False


def select_rules(layers: Iterable[tuple[Optional[Iterable[str]], Iterable[str], Iterable[str]]]) -> frozenset[str]:
    """ruff's layering: each layer's ``select`` (if any) replaces the set, then its extend-select and ignore."""
    from citelint.rules import RULES
    from citelint.selection import match

    chosen = {r.name for r in RULES}
    for select, extend, ignore in layers:
        if select is not None:
            chosen = set().union(*(match(s) for s in select)) if select else set()
        for s in extend:
            chosen |= match(s)
        for s in ignore:
            chosen -= match(s)
    return frozenset(chosen)


# -- resolution ---------------------------------------------------------------------------------

class Resolver:
    """The configuration for each path of a run: discovery (cached per folder), exclusion, settings."""

    def __init__(self, base: Optional[Settings] = None, overrides: Overrides = Overrides(),
                 config_file: Optional[str] = None, isolated: bool = False, cwd: Optional[str] = None) -> None:
        self.base = base or Settings()
        self.overrides = overrides
        self.isolated = isolated
        self.cwd = os.path.abspath(cwd or os.getcwd())
        self.forced = None
        if config_file and not isolated:  # a project's file, unless it is the user's own one named again
            own = os.path.abspath(config_file) == os.path.abspath(user_config_path())
            self.forced = load_config(config_file, required=True, trusted=own)
        #: the user's own configuration file: for files no project file covers, and its trusted keys always
        self.user: Optional[Config] = None
        if not isolated:
            path = user_config_path()
            if os.path.isfile(path):
                self.user = load_config(path, required=True, trusted=True)
        #: warnings about the configuration (a trusted key in a project's file), each once
        self.warnings: list[str] = []
        self._dir_cache: dict[str, Optional[Config]] = {}
        self._file_cache: dict[str, Optional[Config]] = {}
        self._settings_cache: dict[tuple, Settings] = {}
        self._path_settings: dict[tuple, Settings] = {}  # (path as given, folder?) → settings
        self._globs: dict[tuple, tuple[Glob, ...]] = {}
        self.force_exclude = overrides.force_exclude
        #: False: disregard inline suppressions (--ignore-suppressions)
        self.inline_suppressions = True

    def configure(self, base: Optional[Settings], overrides: Overrides) -> None:
        """Set what the command line built and said, once it has parsed its options."""
        self.base = base or Settings()
        self.overrides = overrides
        self.force_exclude = overrides.force_exclude
        self._settings_cache.clear()
        self._path_settings.clear()

    # discovery
    def config_for_dir(self, folder: str) -> Optional[Config]:
        if self.isolated:
            return None
        if self.forced is not None:
            return self.forced
        folder = os.path.abspath(folder)
        walked = []
        found: Optional[Config] = None
        d = folder
        while True:
            if d in self._dir_cache:
                found = self._dir_cache[d]
                break
            walked.append(d)
            hit = self._config_in(d)
            if hit is not None:
                found = hit
                break
            parent = os.path.dirname(d)
            if parent == d:
                found = self.user  # no project file: the user's own, as ruff does
                break
            d = parent
        for w in walked:
            self._dir_cache[w] = found
        return found

    def _config_in(self, folder: str) -> Optional[Config]:
        for name in CONFIG_NAMES:
            path = os.path.join(folder, name)
            if path in self._file_cache:
                if self._file_cache[path] is not None:
                    return self._file_cache[path]
                continue
            if os.path.isfile(path):
                cfg = load_config(path, required=name != "pyproject.toml")
                self._file_cache[path] = cfg
                if cfg is not None:
                    return cfg
            else:
                self._file_cache[path] = None
        return None

    def config_for(self, path: str) -> Optional[Config]:
        """The configuration in effect for a file (or, for a folder, for the files in it)."""
        p = self._abs(path)
        return self.config_for_dir(p if os.path.isdir(p) else os.path.dirname(p))

    def run_config(self, paths: Iterable[str] = ()) -> Optional[Config]:
        """For the run-wide keys: --config, else the current folder's, else the first path's."""
        cfg = self.config_for_dir(self.cwd)
        if cfg is None:
            for p in paths:
                if p != "-":
                    return self.config_for(p)
        return cfg

    def _abs(self, path: str) -> str:
        return os.path.normpath(os.path.join(self.cwd, path))

    # exclusion
    def _glob_list(self, cfg: Config, name: str, patterns: Iterable[str]) -> tuple[Glob, ...]:
        key = (cfg.source, name)
        if key not in self._globs:
            root = anchor(cfg, name)
            self._globs[key] = tuple(Glob.make(p, root) for p in patterns)
        return self._globs[key]

    def is_excluded(self, path: str, explicit: bool = False) -> bool:
        """Whether ``exclude`` skips a file or folder, judged by the configuration of the folder it is in.

        A path named on the command line (``explicit``) is excluded only with force-exclude.
        """
        return self.excluded_by(path, explicit) is not None

    def excluded_by(self, path: str, explicit: bool = False) -> Optional[str]:
        """What excludes a file or folder, for a message (``exclude = "archive/" in /wiki/citelint.toml``),
        or None when nothing does (``explicit`` as for ``is_excluded``)."""
        p = self._abs(path)
        cfg = self.config_for_dir(os.path.dirname(p))
        if cfg is None or not cfg.exclude:
            return None
        if explicit and not (self.force_exclude or cfg.force_exclude):
            return None
        for g in self._glob_list(cfg, "exclude", cfg.exclude):
            if g.matches(p):
                return f'exclude = "{g.pattern}" in {cfg.source or "the configuration"}'
        return None

    # settings
    def settings_for(self, path: str, folder: bool = False) -> Settings:
        """The settings to check one file with (``path`` as given; "-" for standard input).

        ``folder``: the settings for a folder's files, before per-file-ignores.
        """
        memo = self._path_settings.get((path, folder))
        if memo is not None:
            return memo
        s = self._path_settings[(path, folder)] = self._settings_for(path, folder)
        return s

    def _settings_for(self, path: str, folder: bool) -> Settings:
        p = self.cwd if path == "-" else self._abs(path)
        cfg = self.config_for_dir(p if path == "-" or folder else os.path.dirname(p))
        ignored: frozenset[str] = frozenset()
        if cfg is not None and cfg.per_file_ignores and path != "-" and not folder:
            globs = self._glob_list(cfg, "per_file_ignores", [g for g, _ in cfg.per_file_ignores])
            names: set[str] = set()
            for g, (_, rules) in zip(globs, cfg.per_file_ignores):
                if g.matches(p):
                    names.update(*(_rules(r) for r in rules))
            ignored = frozenset(names)
        key = (cfg.source if cfg else None, ignored)
        s = self._settings_cache.get(key)
        if s is None:
            s = self._settings_cache[key] = self._make_settings(cfg, ignored)
        return s

    def _make_settings(self, cfg: Optional[Config], ignored: frozenset[str]) -> Settings:
        from citelint.parsers.templates import default_table

        o = self.overrides
        layers = []
        if cfg is not None:
            layers.append((cfg.select, cfg.extend_select or (), cfg.ignore or ()))
        layers.append((o.select, o.extend_select, o.ignore))
        select = select_rules(layers) - ignored
        fail_on = o.fail_on or (cfg.fail_on if cfg else None)
        changes: dict[str, Any] = {
            "select": select,
            "severities": dict(cfg.severity) if cfg and cfg.severity else dict(self.base.severities),
            "fail_on": Severity.parse(fail_on) if fail_on else self.base.fail_on,
            "input_format": o.input_format or (cfg.input_format if cfg else None) or self.base.input_format,
        }
        if not self.inline_suppressions:
            changes["inline_suppressions"] = False
        if cfg is not None:
            if cfg.templates:
                changes["templates"] = default_table().extended(cfg.templates)
            if cfg.sub_referencing is not None:
                changes["sub_referencing"] = cfg.sub_referencing
            if cfg.cs1:
                changes["cs1_templates"] = cfg.cs1.get("templates", ())
                changes["cs1_parameters"] = cfg.cs1.get("parameters", frozenset())
                changes["identifier_limits"] = cfg.cs1.get("identifier-limits", ())
        return dataclasses.replace(self.base, **changes)

    # run-wide keys
    def run_params(self, paths: Iterable[str] = ()) -> dict[str, tuple[str, Any]]:
        """The run-wide keys set, as ``check`` parameters: param name → (key, value)."""
        out = {}
        for key, value in self.run_values(paths).items():
            if key == "cache":  # the option says the opposite: --no-cache
                out["no_cache"] = (key, not value)
            else:
                out[key.replace("-", "_")] = (key, value)
        return out

    def run_values(self, paths: Iterable[str] = ()) -> dict[str, Any]:
        """The run-wide keys set in the run's configuration, ``cache-dir`` made absolute."""
        return self.run_layers(paths)[0]

    def run_layers(self, paths: Iterable[str] = ()) -> tuple[dict[str, Any], dict[str, str]]:
        """The run-wide keys set outside the command line: (key → value, key → where it came from).

        Lowest first: the run's configuration file; for the trusted keys (``TRUSTED_KEYS``) a project's file
        counts only with a safe value (a warning otherwise), then the user's own file, then the environment.
        """
        cfg = self.run_config(paths)
        values: dict[str, Any] = {}
        origins: dict[str, str] = {}
        if cfg is not None:
            for key in RUN_KEYS:
                name = BY_KEY[key].name
                value = getattr(cfg, name)
                if value is None:
                    continue
                if key == "cache-dir":
                    value = self._cache_dir(cfg, value)
                    if value is None:
                        continue
                elif key == "allow-private-hosts" and value and not cfg.trusted:
                    self._untrusted(cfg, key, "it weakens the link guard", "--allow-private-hosts")
                    continue
                elif key in LIMIT_KEYS and not cfg.trusted and (value == 0 or value > LIMIT_KEYS[key]):
                    self._untrusted(cfg, key, "a project's file may lower this limit, not raise or remove it",
                                    f"--{key}", "the default limit is used")
                    continue
                values[key] = value
                origins[key] = origin(cfg, name)
        user = self.user
        if user is not None and cfg is not user:
            for key in TRUSTED_KEYS:
                name = BY_KEY[key].name
                value = getattr(user, name)
                if value is not None:
                    values[key] = self._cache_dir(user, value) if key == "cache-dir" else value
                    origins[key] = origin(user, name)
        for key, var in TRUSTED_KEYS.items():
            raw = os.environ.get(var, "").strip()
            if not raw:
                continue
            if key == "allow-private-hosts":
                if raw.lower() not in _TRUE + _FALSE:
                    raise ConfigError(var, f"must be 1 or 0 (true/false, yes/no, on/off), not {raw!r}")
                values[key] = raw.lower() in _TRUE
            elif key in LIMIT_KEYS:
                try:
                    values[key] = parse_size(int(raw) if raw.isdigit() else raw) if key == "max-page-size" \
                        else check_timeout(float(raw))
                except (_Bad, ValueError) as e:
                    raise ConfigError(var, str(e) if isinstance(e, _Bad) else f"must be a number of seconds "
                                                                              f"(0: no limit), not {raw!r}")
            else:
                values[key] = os.path.normpath(os.path.join(self.cwd, os.path.expanduser(raw)))
            origins[key] = var
        return values, origins

    def _cache_dir(self, cfg: Config, value: str) -> Optional[str]:
        """``cache-dir`` made absolute; None (with a warning) when a project's file points outside its folder."""
        base = anchor(cfg, "cache_dir")
        path = os.path.normpath(os.path.join(base, os.path.expanduser(value)))
        if cfg.trusted:
            return path
        why = None
        if os.path.isabs(value) or value.startswith("~"):
            why = f"{value!r} is not a path relative to the file"
        elif not _inside(path, base):
            why = f"{value!r} leads outside the folder of the file"
        elif not _inside(os.path.realpath(path), os.path.realpath(base)):
            why = f"{value!r} leads through a symbolic link to {os.path.realpath(path)}"
        if why is None:
            return path
        self._untrusted(cfg, "cache-dir", why, "--cache-dir", "the default cache folder is used")
        return None

    def _untrusted(self, cfg: Config, key: str, why: str, flag: str, fallback: str = "") -> None:
        where = origin(cfg, BY_KEY[key].name)
        shown = os.path.relpath(where, self.cwd) if _inside(where, self.cwd) else where
        prefix = _table_prefix(where)
        note = (f"{shown}: `{prefix}{key}` is ignored in a project configuration ({why}); set it on the command "
                f"line ({flag}), in {TRUSTED_KEYS[key]} or in {_tilde(user_config_path())}"
                + (f"; {fallback}" if fallback else ""))
        if note not in self.warnings:
            self.warnings.append(note)


def describe(resolver: Resolver, path: str) -> dict:
    """The configuration in effect for ``path``, as plain data (for ``citelint config``)."""
    from citelint.rules import RULES

    cfg = resolver.config_for(path) if path != "-" else resolver.config_for_dir(resolver.cwd)
    is_dir = os.path.isdir(resolver._abs(path))
    s = resolver.settings_for(path, folder=is_dir)
    order = {r.name: i for i, r in enumerate(RULES)}
    values: dict[str, Any] = {
        "select": sorted(s.select if s.select is not None else order, key=order.get),
        "severity": {r.name: (s.severities.get(r.name) or r.severity).label for r in RULES
                     if s.select is None or r.name in s.select},
        "fail-on": s.fail_on.label,
        "input-format": s.input_format or "auto",
        "sub-referencing": s.sub_referencing,
        "exclude": list(cfg.exclude or ()) if cfg else [],
        "force-exclude": bool(resolver.force_exclude or (cfg.force_exclude if cfg else False)),
        "per-file-ignores": {g: list(r) for g, r in (cfg.per_file_ignores or ())} if cfg else {},
        "templates": cfg.templates if cfg and cfg.templates else {},
        "cs1": {"templates": dict(s.cs1_templates), "parameters": sorted(s.cs1_parameters),
                "identifier-limits": dict(s.identifier_limits)},
    }
    run_values, origins = resolver.run_layers([path])
    values.update(run_values)
    out = {
        "path": path,
        "config": cfg.source if cfg else None,
        "user-config": resolver.user.source if resolver.user else None,
        "isolated": resolver.isolated,
        "settings": values,
        # where each trusted key came from: a file, an environment variable, or "default"
        "origins": {key: origins.get(key, "default") for key in TRUSTED_KEYS},
    }
    if not is_dir and path != "-":
        out["excluded"] = resolver.is_excluded(path, explicit=True) or resolver.is_excluded(path)
    return out


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, Mapping):
        return "{ " + ", ".join(f"{_quote_key(k)} = {_toml_value(x)}" for k, x in v.items()) + " }" if v else "{}"
    return _toml_value(str(v))


def render_toml(info: dict) -> str:
    """``describe``'s answer as a TOML table a user could paste, with where it came from in comments."""
    lines = [f"# configuration in effect for {info['path']}"]
    if info["isolated"]:
        lines.append("# --isolated: no configuration file read; defaults and command-line options only")
    elif info["config"]:
        table = " [tool.citelint]" if os.path.basename(info["config"]) == "pyproject.toml" else ""
        lines.append(f"# from {info['config']}{table}")
    else:
        lines.append("# no configuration file found (looked for " + ", ".join(CONFIG_NAMES) +
                     " in this folder and the folders above it): defaults")
    if info.get("user-config") and info["user-config"] != info["config"]:
        lines.append(f"# and, for {', '.join(TRUSTED_KEYS)}, {info['user-config']}")
    if "excluded" in info:
        lines.append(f"# excluded: {'yes' if info['excluded'] else 'no'}")
    tables = {}
    origins = info.get("origins", {})
    for key, value in info["settings"].items():
        if isinstance(value, Mapping) and value and key in ("severity", "per-file-ignores", "templates", "cs1"):
            tables[key] = value
        else:
            where = origins.get(key)
            lines.append(f"{key} = {_toml_value(value)}"
                         + ("" if where is None else "  # default" if where == "default" else f"  # from {where}"))
    for key, value in tables.items():
        if key == "cs1":
            if not any(value.values()):
                continue  # nothing configured: the pinned tables alone
            lines.append("")
            lines.append("[cs1]")
            lines.append(f"parameters = {_toml_value(value['parameters'])}")
            for sub in ("templates", "identifier-limits"):
                lines.append("")
                lines.append(f"[cs1.{sub}]")
                lines.extend(f"{_quote_key(k)} = {_toml_value(v)}" for k, v in value[sub].items())
            continue
        if key == "templates":
            for kind, entries in value.items():
                lines.append("")
                lines.append(f"[templates.{kind}]")
                for name, opts in entries.items():
                    lines.append(f"{_quote_key(name)} = {_toml_value(opts or {})}")
            continue
        lines.append("")
        lines.append(f"[{key}]")
        for k, v in value.items():
            lines.append(f"{_quote_key(k)} = {_toml_value(v)}")
    return "\n".join(lines) + "\n"


def reference() -> str:
    """A Markdown table of every key (for the README): the schema above is the only source."""
    rows = ["| key | scope | what it does | example |", "|---|---|---|---|"]
    for f in KEYS:
        ex = f.metadata["example"]
        example = _toml_value(ex) if not isinstance(ex, Mapping) else "see below"
        scope = "per run" if f.metadata["scope"] == "run" else "per file"
        doc = f.metadata["doc"].replace("|", "\\|")
        rows.append(f"| `{key_of(f)}` | {scope} | {doc} | `{example}` |")
    return "\n".join(rows) + "\n"
