"""The shape of the code (issue 9, item 8): no module of ``citelint`` imports one that imports it back, and
the rules import neither the engine nor the link machinery.

The import graph is read from the source, not from what one run happens to import: every ``import`` and
``from … import`` of every module under ``citelint/``, those inside functions included (a function-level
import is still a dependency; it only runs later). Importing ``a.b.c`` runs ``a/b/__init__.py`` first, so an
import of a submodule is also an edge to each package above it that the importer is not itself inside.
"""

from __future__ import annotations

import ast
from pathlib import Path

import citelint

PACKAGE = Path(citelint.__file__).resolve().parent

#: what the rules may import from ``citelint.links``: leaf modules of plain data and pure functions over
#: text, which import nothing of citelint but each other (checked below)
#: - ``links.outcome``: the ``Verdict`` a link rule judges (dead-link, unreachable-link, url-status-mismatch)
#: - ``links.extract``: the template scanner and masking the short-citation and same-source rules read
RULES_MAY_IMPORT = {"citelint.links.outcome", "citelint.links.extract"}


def module_names() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = module_names()


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py" or (
        name not in MODULES and any(m.startswith(name + ".") for m in MODULES))


def _targets(importer: str, path: Path) -> set[str]:
    """The citelint modules one module imports, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            found.add(mod)
            for a in node.names:  # ``from citelint.links import sites``: the submodule
                if f"{mod}.{a.name}" in MODULES:
                    found.add(f"{mod}.{a.name}")
    out = set()
    for mod in found:
        if mod != "citelint" and not mod.startswith("citelint."):
            continue
        parts = mod.split(".")
        for i in range(2, len(parts) + 1):  # the packages above it run first
            name = ".".join(parts[:i])
            if name == mod or not (importer == name or importer.startswith(name + ".")):
                if name in MODULES or _is_package(name):
                    out.add(name)
    out.discard(importer)
    return out


def import_graph() -> dict[str, set[str]]:
    return {name: _targets(name, path) for name, path in MODULES.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each as one cycle through it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    comps: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_one_cycle(graph, set(c)) for c in comps]


def _one_cycle(graph: dict[str, set[str]], comp: set[str]) -> list[str]:
    """A shortest cycle through the component's first module, for the failure message."""
    start = min(comp)
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & comp):
            if w == start:
                return paths[v] + [start]
            if w not in paths:
                paths[w] = paths[v] + [w]
                queue.append(w)
    return sorted(comp)  # pragma: no cover - a component always has a cycle


def closure(graph: dict[str, set[str]], roots: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        v = todo.pop()
        if v not in seen:
            seen.add(v)
            todo.extend(graph.get(v, ()))
    return seen


def test_the_graph_reads_function_level_and_relative_imports(tmp_path):
    # the reader itself: a cycle made only by an import inside a function is found
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    g = import_graph()
    assert "citelint.rules.base" in g["citelint.rules.invalid_url"]
    assert "citelint.engine" in g["citelint.parallel"]  # imported inside check_one
    assert "citelint.links" in g["citelint.links.linkpass"] or "citelint.links.sites" in g["citelint.links.linkpass"]


def test_no_import_cycles():
    found = cycles(import_graph())
    assert not found, "import cycles:\n" + "\n".join(" → ".join(c) for c in found)


def test_rules_import_neither_the_engine_nor_the_link_machinery():
    g = import_graph()
    rules = {m for m in MODULES if m == "citelint.rules" or m.startswith("citelint.rules.")}
    bad = {(r, t) for r in rules for t in g[r]
           if t == "citelint.engine" or (t.startswith("citelint.links.") and t not in RULES_MAY_IMPORT)}
    assert not bad, sorted(bad)
    reached = closure(g, rules)  # nor through another module
    assert "citelint.engine" not in reached
    links = {m for m in reached if m.startswith("citelint.links.")}
    assert links <= closure(g, RULES_MAY_IMPORT), sorted(links - closure(g, RULES_MAY_IMPORT))


def test_what_the_rules_may_import_from_the_links_package_is_a_leaf():
    g = import_graph()
    for mod in RULES_MAY_IMPORT:
        assert mod in MODULES, mod
        assert closure(g, {mod}) - {mod} <= {"citelint.links", "citelint.links.urls", "citelint.memo",
                                             "citelint.quoting"}, (mod, g[mod])
    # citelint.memo (bounded memos of pure functions of strings, shared by the model and the links) is a leaf,
    # and so is citelint.quoting (how a message quotes a user value: the rules' and links.urls' messages)
    assert closure(g, {"citelint.memo"}) == {"citelint.memo"}, g["citelint.memo"]
    assert closure(g, {"citelint.quoting"}) == {"citelint.quoting"}, g["citelint.quoting"]


def test_no_module_rebinds_its_own_globals():
    # no module-level state passed between stages (a "last parse" kept for the next caller): no ``global``
    found = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Global):
                found.append(f"{name}:{node.lineno}: global {', '.join(node.names)}")
    assert not found, found
