"""Python layering (docs/development.md "One rule, one place"): the package's modules import one
another without a cycle and each imports alone in a fresh interpreter; the choices of the public
functions are ``Literal`` types; result arrays are read-only (tests/python/test_data_model.py)."""
from __future__ import annotations

import ast
import inspect
import subprocess
import sys
import typing
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Set, Tuple

import pytest

import chitieu
import chitieu.dask
import chitieu.testing
from conftest import ROOT

PACKAGE = ROOT / "python" / "chitieu"


def _module_paths() -> Dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__.py``)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


MODULES = _module_paths()
# Compiled modules (a stub, no source): imported, but they import nothing of the package.
COMPILED = {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts) for p in PACKAGE.rglob("*.pyi")}
COMPILED -= set(MODULES)


def _run_time_imports(tree: ast.Module) -> Iterator[ast.stmt]:
    """Import statements that run: at import time or later, inside a function (a deferred import
    that works around a cycle is still a cycle); not those under ``if TYPE_CHECKING:``."""
    pending: List[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            pending += node.orelse
        else:
            pending += ast.iter_child_nodes(node)


def _imported_modules(name: str, path: Path) -> Set[str]:
    """The package's modules that `name` imports (when it is imported, or in its functions)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: Set[str] = set()
    for node in _run_time_imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join(anchor + ([base] if base else []))
        for alias in node.names:  # a submodule, else a name the module `base` defines
            submodule = f"{base}.{alias.name}"
            found.add(submodule if submodule in MODULES or submodule in COMPILED else base)
    return {m for m in found if m in MODULES and m != name}


def _cycle(graph: Dict[str, Set[str]]) -> List[str]:
    """A cycle of `graph` as the list of its modules (first repeated at the end), or []."""
    state: Dict[str, int] = {}  # 1: on the current path, 2: done
    path: List[str] = []

    def visit(node: str) -> List[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def test_the_import_graph_of_the_package_has_no_cycle() -> None:
    graph = {name: _imported_modules(name, path) for name, path in MODULES.items()}
    assert graph["chitieu.api"] >= {"chitieu.collect", "chitieu.plans"}  # the graph is read
    # 0.1.0's cycle: collect imported api inside a function, api imports collect.
    assert "chitieu.api" not in graph["chitieu.collect"]
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def _import_alone(name: str) -> Tuple[str, int, str]:
    proc = subprocess.run([sys.executable, "-W", "error", "-c", f"import {name}"], capture_output=True, text=True,
                          timeout=300)
    return name, proc.returncode, proc.stderr[-2000:]


def test_every_module_imports_alone_in_a_fresh_interpreter() -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [r for r in pool.map(_import_alone, sorted(MODULES)) if r[1] != 0]
    assert failures == []


CHOICES = ("method", "errors", "lang", "kind")


def _public_callables() -> Iterator[Tuple[str, Callable[..., Any]]]:
    """Functions of chitieu, chitieu.dask and chitieu.testing, and the methods of chitieu's classes."""
    for module in (chitieu, chitieu.dask, chitieu.testing):
        names = getattr(module, "__all__", None) or [n for n in vars(module) if not n.startswith("_")]
        for name in names:
            obj = getattr(module, name)
            if inspect.isfunction(obj) and obj.__module__.startswith("chitieu"):
                yield f"{module.__name__}.{name}", obj
            elif inspect.isclass(obj) and obj.__module__.startswith("chitieu.") and obj.__module__ != "chitieu._core":
                for attr, member in vars(obj).items():
                    if inspect.isfunction(member) and (attr == "__init__" or not attr.startswith("_")):
                        yield f"{module.__name__}.{name}.{attr}", member


def _is_literal(hint: Any) -> bool:
    """A Literal type, or Optional of one."""
    if typing.get_origin(hint) is typing.Literal:
        return True
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return typing.get_origin(hint) is typing.Union and len(args) == 1 and _is_literal(args[0])


def test_the_choices_of_public_functions_are_literal_types() -> None:
    checked: List[str] = []
    for name, function in _public_callables():
        for param, spec in inspect.signature(function).parameters.items():
            if param not in CHOICES or name == "chitieu.ChitieuErrors.__init__":  # errors: a list of errors
                continue
            # Annotations are text (from __future__ import annotations): read in the function's module.
            hint = eval(spec.annotation, function.__globals__) if isinstance(spec.annotation, str) else spec.annotation
            assert _is_literal(hint), f"{name}({param}: {spec.annotation})"
            checked.append(f"{name}.{param}")
    assert {"chitieu.evaluate.method", "chitieu.evaluate.errors", "chitieu.Evaluation.to_html.lang",
            "chitieu.Evaluation.plot.kind", "chitieu.dask.evaluate.method"} <= set(checked)


@pytest.mark.parametrize("bad", ["unsdg", "CHITIEU"])
def test_a_choice_outside_its_literal_is_refused_at_run_time(bad: str) -> None:
    with pytest.raises(chitieu.ChitieuError):
        chitieu.evaluate("la-gi-2024", str(ROOT / "data" / "sample" / "la-gi-observations.csv"),
                         method=bad)  # type: ignore[arg-type]
