"""The table of templates that make references, reuse them, or render reference lists.

It lives in ``citelint/data/templates.toml``; a wiki's configuration extends it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KINDS = ("reflist", "ref", "reuse")
_SPACES = re.compile(r"[\s_]+")
# the namespace prefix, spaces (underscores) around its colon allowed, as MediaWiki's title parser allows them
_NAMESPACE = re.compile(r"template ?:", re.IGNORECASE)


def canonical_name(name: str) -> str:
    """A template name as MediaWiki resolves it: no ``Template:`` prefix, spaces, first letter upper."""
    name = _SPACES.sub(" ", name).strip()
    prefix = _NAMESPACE.match(name)
    if prefix:
        name = name[prefix.end():].lstrip()
    return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class TemplateSpec:
    kind: str  # "reflist", "ref" or "reuse"
    group: Optional[str] = None  # fixed/default group
    ignore: bool = False


@dataclass(frozen=True)
class TemplateTable:
    specs: Mapping[str, TemplateSpec] = field(default_factory=dict)

    def lookup(self, name: str) -> Optional[TemplateSpec]:
        spec = self.specs.get(canonical_name(name))
        if spec is None or spec.ignore:
            return None
        return spec

    def extended(self, extra: Mapping[str, Mapping[str, Mapping]]) -> "TemplateTable":
        """A copy with a configuration's ``templates`` table added (same shape as the data file)."""
        specs = dict(self.specs)
        specs.update(_specs_from(extra))
        return TemplateTable(specs)


def _specs_from(data: Mapping[str, Mapping[str, Mapping]]) -> dict[str, TemplateSpec]:
    specs: dict[str, TemplateSpec] = {}
    for kind, entries in data.items():
        if kind not in KINDS:
            raise ValueError(f"unknown template kind {kind!r} (use {', '.join(KINDS)})")
        if not isinstance(entries, Mapping):
            raise ValueError(f"templates.{kind} must be a table of template names")
        for name, opts in entries.items():
            opts = opts or {}
            if not isinstance(opts, Mapping):
                raise ValueError(f"templates.{kind}.{name} must be a table, like {{ group = \"note\" }}")
            unknown = set(opts) - {"group", "ignore"}
            if unknown:
                raise ValueError(f"templates.{kind}.{name}: unknown key {sorted(unknown)[0]!r} (use group, ignore)")
            specs[canonical_name(name)] = TemplateSpec(kind, opts.get("group"), bool(opts.get("ignore", False)))
    return specs


@lru_cache(maxsize=1)
def default_table() -> TemplateTable:
    # pkgutil, not importlib.resources: the same loader-based read (zipped packages too) without
    # importing tempfile, shutil and lzma at every start-up
    import pkgutil

    raw = pkgutil.get_data("citelint", "data/templates.toml").decode("utf-8")
    return TemplateTable(_specs_from(tomllib.loads(raw)))
