#!/usr/bin/env python3
"""Architecture figures of the `workshop` package, and a check that they hold.

Prints:
- the number of `# type: ignore` comments; each must carry a reason after it, as in
  `x = f()  # type: ignore[attr-defined]  # textual's stub lacks it`. One without a reason fails.
- the number of import cycles between workshop modules (strongly connected groups of two or
  more modules, or a module importing itself). The graph is built with `ast` from every import
  statement, including those inside functions and `if TYPE_CHECKING:` blocks: an import moved
  into a function still ties the two modules together. Any cycle fails.

Temporary exemptions live in `[tool.architecture]` in pyproject.toml, each with its reason, so
that they are listed in one place and removed there.

Standard library only: it runs before anything is installed. Exit 0 when the check holds,
1 when it does not.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "workshop"

_IGNORE = re.compile(r"#\s*type:\s*ignore(\[[^\]]*\])?(?P<rest>.*)$")
_REASON = re.compile(r"^\s*#\s*\S")
"""After the ignore (and its codes), another comment: `  # why`."""


@dataclass(frozen=True)
class Ignore:
    path: Path
    line: int
    has_reason: bool


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def python_files(package_dir: Path) -> list[Path]:
    return sorted(p for p in package_dir.rglob("*.py") if "__pycache__" not in p.parts)


def type_ignores(path: Path) -> Iterator[Ignore]:
    """Every `# type: ignore` comment of a file (comments only: strings do not count)."""
    source = path.read_text(encoding="utf-8")
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.COMMENT:
            continue
        match = _IGNORE.search(token.string)
        if match:
            yield Ignore(path, token.start[0], bool(_REASON.match(match.group("rest"))))


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name of `from <level dots><target> import ...` inside `module`."""
    if level == 0:
        return target or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: -(level - 1)]
    return ".".join([*base, target] if target else base)


def imports_of(path: Path, module: str, modules: set[str]) -> set[str]:
    """Workshop modules that `module` imports anywhere in its file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add(_known_prefix(alias.name, modules))
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, is_package, node.level, node.module)
            for alias in node.names:
                # `from . import dialogs` imports the module `dialogs`, not only the package.
                submodule = f"{source}.{alias.name}"
                found.add(submodule if submodule in modules else _known_prefix(source, modules))
    found.discard("")
    return found


def _known_prefix(name: str, modules: set[str]) -> str:
    """The longest workshop module that `name` is or lies in; '' for other packages."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return ""


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    files = {module_name(path, root): path for path in python_files(root / package)}
    modules = set(files)
    return {name: imports_of(path, name, modules) - {""} for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of modules that import each other (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                groups.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph) + 100))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def settings(root: Path) -> dict[str, object]:
    with (root / "pyproject.toml").open("rb") as file:
        section = tomllib.load(file).get("tool", {}).get("architecture", {})
    return section if isinstance(section, dict) else {}


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _lists(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def _exempt(path: Path, root: Path, prefixes: Iterable[str]) -> bool:
    relative = path.relative_to(root).as_posix()
    return any(relative.startswith(prefix) for prefix in prefixes)


def main(root: Path = ROOT) -> int:
    config = settings(root)
    exempt_prefixes = _strings(config.get("unexplained-ignores-allowed-in"))
    known = {tuple(sorted(_strings(group))) for group in _lists(config.get("known-cycles"))}
    failures: list[str] = []

    ignores = [ignore for path in python_files(root / PACKAGE) for ignore in type_ignores(path)]
    unexplained = [i for i in ignores if not i.has_reason]
    exempted = [i for i in unexplained if _exempt(i.path, root, exempt_prefixes)]
    print(f"type: ignore comments: {len(ignores)} ({len(ignores) - len(unexplained)} with a reason)")
    if exempted:
        print(f"  without a reason, exempted for now in {', '.join(exempt_prefixes)}: {len(exempted)}")
    for ignore in unexplained:
        if ignore not in exempted:
            where = ignore.path.relative_to(root)
            failures.append(f"{where}:{ignore.line}: '# type: ignore' without a reason ('  # why' after it)")

    graph = import_graph(root, PACKAGE)
    edges = sum(len(targets) for targets in graph.values())
    found = cycles(graph)
    print(f"import cycles: {len(found)} (between {len(graph)} modules, {edges} imports)")
    for group in found:
        tolerated = tuple(group) in known
        mark = "known, to be removed" if tolerated else "NEW"
        print(f"  {mark}: {' <-> '.join(group)}")
        if not tolerated:
            failures.append(f"import cycle: {' <-> '.join(group)}")
    for gone in sorted(known - {tuple(g) for g in found}):
        print(f"  gone (remove it from [tool.architecture] known-cycles): {' <-> '.join(gone)}")

    for failure in failures:
        print(f"architecture: {failure}")
    print("architecture check:", "FAILED" if failures else "passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
