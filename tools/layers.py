"""The import contract: every import of the project's production code points down the layers.

    python tools/layers.py            # the gate (make lint): exit 1 on any breach
    python tools/layers.py --figures  # lines per app, upward imports and cycles, for a note

Imports inside functions count as much as those at the top of a module: a function-level
import is still a dependency, only a later one. Tests, migrations and management commands of
the demo loader are production code too, except ``tests/`` folders, which may import any
production module (never another app's test helpers; see ``TEST_HELPERS`` below).
"""

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lowest first. An app may import its own layer's apps (as long as the app graph keeps no
# cycle) and any lower layer, never a higher one. A lower layer that must react to a higher
# one uses an extension point (a Wagtail hook, a domain signal), not an import.
LAYERS = [
    ("base", ["base"]),
    ("word", ["wordexport"]),
    ("vocabulary", ["advocacy"]),
    ("content", ["home", "political_platform", "agreement", "consultations", "accounts"]),
    ("follow-up", ["strategy", "sources"]),
    ("search", ["search"]),
    ("project", ["lpp"]),
]
LAYER_OF = {app: rank for rank, (_, apps) in enumerate(LAYERS) for app in apps}


def _is_production(path, root):
    parts = path.relative_to(root).parts
    return "tests" not in parts and not path.name.startswith("test_")


def _module_name(path, root):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path, module, modules):
    """(line, imported project module) of every import in a file, relative ones resolved;
    ``from package import module`` counts as importing that module, not the package."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            # ``import a.b.c`` of a name inside a module: the nearest module counts.
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != module:
                yield node.lineno, target


def _modules(root):
    return {
        _module_name(path, root): path
        for app in LAYER_OF
        for path in sorted((root / app).rglob("*.py"))
        if "migrations" not in path.relative_to(root).parts
    }


def graph(root=ROOT):
    """{module: {imported module: first line}} of production code, and {module: path}."""
    every = _modules(root)
    files = {m: p for m, p in every.items() if _is_production(p, root)}
    edges = defaultdict(dict)
    for module, path in files.items():
        for line, target in _imports(path, module, every):
            edges[module].setdefault(target, line)
    return files, edges


def app_of(module):
    return module.split(".")[0]


def upward_imports(edges):
    for module, targets in edges.items():
        for target, line in targets.items():
            if LAYER_OF[app_of(target)] > LAYER_OF[app_of(module)]:
                yield module, line, target


def cycles(nodes, edges):
    """Strongly connected components with more than one member (Tarjan, iterative)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], [0]
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def app_edges(edges):
    apps = defaultdict(set)
    for module, targets in edges.items():
        for target in targets:
            if app_of(target) != app_of(module):
                apps[app_of(module)].add(app_of(target))
    return apps


def test_helper_imports(root=ROOT):
    """Tests that import another app's test helpers: an app's tests build data with their
    own helpers or with the ``tests/factories.py`` of an app at or below their layer."""
    every = _modules(root)
    for module, path in every.items():
        if _is_production(path, root):
            continue
        for line, target in sorted(set(_imports(path, module, every))):
            if _is_production(every[target], root) or app_of(target) == app_of(module):
                continue
            # Another app's factories are its public way to build data, for apps above it.
            shared = target.endswith(".tests.factories") and (
                LAYER_OF[app_of(target)] <= LAYER_OF[app_of(module)]
            )
            if not shared:
                yield module, line, target


def breaches(root=ROOT):
    files, edges = graph(root)
    problems = [
        f"{files[m].relative_to(root)}:{line}: {m} importerer {t} fra et høyere lag"
        for m, line, t in upward_imports(edges)
    ]
    problems += [f"modulsyklus: {' → '.join(c)}" for c in cycles(sorted(files), edges)]
    problems += [f"appsyklus: {' ↔ '.join(c)}" for c in cycles(sorted(LAYER_OF), app_edges(edges))]
    problems += [
        f"{m}:{line}: testen importerer hjelpere fra en annen app ({t})"
        for m, line, t in test_helper_imports(root)
    ]
    return problems


def figures():
    files, edges = graph()
    lines = defaultdict(int)
    for module, path in files.items():
        lines[app_of(module)] += len(path.read_text().splitlines())
    total = sum(lines.values())
    for app, count in sorted(lines.items(), key=lambda item: -item[1]):
        print(f"{app:20} {count:6} lines  {100 * count / total:4.1f} %")
    print(f"{'total':20} {total:6} lines")
    print(f"upward imports: {len(list(upward_imports(edges)))}")
    print(f"module cycles: {[len(c) for c in cycles(sorted(files), edges)]}")
    print(f"app cycles: {cycles(sorted(LAYER_OF), app_edges(edges))}")


def main(argv):
    if "--figures" in argv:
        figures()
        return 0
    problems = breaches()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} brudd på lagdelingen (se LAYERS i tools/layers.py og README).")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
