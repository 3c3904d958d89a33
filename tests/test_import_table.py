"""The rooms import only what the design's table allows (docs: README "Layout"), so a newcomer cannot tangle them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "monitor"

#: Every module may import these; they are the project's shared ground.
COMMON = {"errors", "clock", "config"}

#: Room -> the rooms it may import besides itself and COMMON (the table in the README's "Layout").
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "clock": set(),
    "config": set(),
    "log": set(),
    "events": set(),
    "extract": set(),
    "sources": {"events", "log"},
    "measures": {"events", "log"},
    "rules": {"events", "log", "measures"},
    "digest": {"events", "log", "measures", "rules"},
    # The catalogue of projections: the measures' and the outbox's, nothing of the daemon's wiring.
    "projections": {"log", "measures", "digest"},
    # The status document `status` and /api/v1/status share: reads of the log, the feeds and the outbox.
    "status": {"events", "log", "sources", "digest", "projections"},
    # Feed health is the sources room's to define; the pages only show it.
    "web": {"events", "log", "measures", "rules", "digest", "sources", "status"},
}
#: The wiring: these may import every room.
WIRING = {"pipeline", "daemon", "cluster", "cli", "__main__"}
ROOMS = set(ALLOWED) | WIRING


def _room(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _imported_rooms(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "monitor":
                names = [f"monitor.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "monitor" and len(parts) > 1:
                found.add(parts[1])
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts or p.name != "env.py")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_room_imports_only_what_the_design_allows(path: Path) -> None:
    room = _room(path)
    if room == "__init__" or room in WIRING:
        return
    assert room in ALLOWED, f"{path}: module outside every room of the design table; add it to the table"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    used = _imported_rooms(tree) - {room} - COMMON
    unknown = used - ROOMS - {"__version__"}
    assert not unknown, f"{path} imports monitor.{sorted(unknown)}, which is no room of the design"
    forbidden = used - ALLOWED[room] - {"__version__"}
    assert not forbidden, f"{path} ({room}) imports {sorted(forbidden)}; the design allows {sorted(ALLOWED[room])}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports_of(tree: ast.Module, known: set[str]) -> set[str]:
    """Modules of ours this one imports, at the top or inside a function (a deferred import still ties them)."""
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.Import):
                found.update(a.name for a in sub.names if a.name in known)
            elif isinstance(sub, ast.ImportFrom) and sub.module and sub.level == 0:
                for alias in sub.names:
                    full = f"{sub.module}.{alias.name}"
                    found.add(full if full in known else sub.module)
    return found & known


def test_no_module_imports_itself_back_through_a_cycle() -> None:
    paths = {_module_name(p): p for p in _modules()}
    known = set(paths)
    graph = {name: _imports_of(ast.parse(p.read_text(encoding="utf-8")), known) for name, p in paths.items()}
    # A package importing its own modules from __init__ is how packages export; only cycles between modules count.
    for name in graph:
        graph[name] = {m for m in graph[name] if not (name and m.startswith(name + "."))}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
