"""Finding every rule: the built-ins, then `*.toml` and `*.py` files in the configured folders.

Files are loaded explicitly (importlib.util, never by import path), each rule
is checked against the interface, and every problem is collected with its
file, line and key, so `rules check` can list them all and the daemon can
refuse to start on any.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import inspect
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from monitor.config import Settings
from monitor.errors import RuleError
from monitor.rules import builtin
from monitor.rules.api import MARK, Rule, RuleMark, checked_rule
from monitor.rules.toml_form import load_toml_rules


@dataclass(frozen=True, kw_only=True)
class RuleSet:
    """The rules found, and what was wrong with the files that were not."""

    rules: tuple[Rule, ...]
    errors: tuple[str, ...]
    files: tuple[str, ...]

    def named(self, name: str) -> Rule:
        """The rule of that name, or a RuleError listing the known ones."""
        for r in self.rules:
            if r.name == name:
                return r
        raise RuleError(f"no rule named {name!r}", hint=f"known: {', '.join(r.name for r in self.rules)}")


def rules_from_module(module: ModuleType, *, origin: str, form: str) -> tuple[list[Rule], list[str]]:
    """The `@rule` functions of a module, checked; problems as "origin:line: key ...: reason"."""
    rules: list[Rule] = []
    errors: list[str] = []
    for _, fn in inspect.getmembers(module, callable):
        mark = getattr(fn, MARK, None)
        if not isinstance(mark, RuleMark) or getattr(fn, "__module__", None) != module.__name__:
            continue
        line = getattr(getattr(fn, "__code__", None), "co_firstlineno", 1)
        where = origin if form == "builtin" else f"{origin}:{line}"
        found, problems = checked_rule(fn, form=form, origin=where)
        for key, reason in problems:
            errors.append(f"{where}: rule {getattr(fn, '__name__', '?')!r} key {key!r} {reason}")
        if found is not None:
            rules.append(found)
    return rules, errors


def _load_python(path: Path, shown: str) -> tuple[list[Rule], list[str]]:
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:10]
    module_name = f"trade_monitor_user_rules.{path.stem}_{digest}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        return [], [f"{shown}:1: cannot be loaded as a Python module"]
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        sys.modules.pop(module_name, None)
        return [], [f"{shown}:{exc.lineno or 1}: not valid Python: {exc.msg}"]
    except Exception as exc:  # a user's module may fail in any way; report where, go on checking
        sys.modules.pop(module_name, None)
        line = 1
        for frame in traceback.extract_tb(exc.__traceback__):
            if Path(frame.filename).resolve() == path.resolve():
                line = frame.lineno or 1
        return [], [f"{shown}:{line}: failed to load: {type(exc).__name__}: {exc}"]
    rules, errors = rules_from_module(module, origin=shown, form="python")
    if not rules and not errors:
        errors.append(f"{shown}:1: defines no @rule functions (see docs/rules.md)")
    return rules, errors


def load_rule_set(settings: Settings) -> RuleSet:
    """Every rule and every problem, without raising (what `rules check` prints)."""
    leads = tuple(settings.rules.pause_expiring_days)
    rules: list[Rule] = []
    errors: list[str] = []
    files: list[str] = []
    if settings.rules.builtins:
        found, problems = rules_from_module(builtin, origin="builtin", form="builtin")
        own = {"pause_expiring": leads, "tariff_expiring": tuple(settings.rules.tariff_expiring_days)}
        rules.extend(dataclasses.replace(r, days_before=own[r.name]) if r.name in own else r for r in found)
        errors.extend(problems)
    for folder in settings.rules.folders:
        base = settings.path(folder)
        if not base.is_dir():
            continue
        for path in sorted(base.iterdir()):
            if path.name.startswith(("_", ".")) or path.suffix not in (".toml", ".py"):
                continue
            shown = str(Path(folder) / path.name)
            files.append(shown)
            if path.suffix == ".toml":
                found, problems = load_toml_rules(path, shown=shown, default_days=leads)
            else:
                found, problems = _load_python(path, shown)
            rules.extend(found)
            errors.extend(problems)
    seen: dict[str, Rule] = {}
    unique: list[Rule] = []
    for r in rules:
        if r.name in seen:
            errors.append(f"{r.origin}: key 'name': rule {r.name!r} is already defined at {seen[r.name].origin}")
            continue
        seen[r.name] = r
        unique.append(r)
    return RuleSet(rules=tuple(unique), errors=tuple(errors), files=tuple(files))


def load_rules(settings: Settings) -> RuleSet:
    """Every rule, or a RuleError listing every problem (what the daemon calls before it starts)."""
    found = load_rule_set(settings)
    if found.errors:
        raise RuleError(
            f"{len(found.errors)} problem(s) in the rules:\n  " + "\n  ".join(found.errors),
            hint="run `trade-monitor rules check`",
        )
    return found
