"""One check for every rule: a TOML table and a Python `@rule` declaring the same things get the same verdict."""

from __future__ import annotations

import re
from pathlib import Path

from factlog import settings_with

from monitor.rules.loader import load_rule_set


def _verdicts(errors: tuple[str, ...], pattern: str) -> dict[str, str]:
    found = {}
    for error in errors:
        match = re.fullmatch(pattern, error)
        if match:
            found[match["key"]] = match["reason"]
    return found


def test_toml_and_python_rules_are_judged_by_the_same_check(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "table.toml").write_text(
        '[[rule]]\nname = "_hidden"\nsignals = ["new_rate", "sunrise"]\nseverity = "loud"\ndays_before = [7, 0]\n',
        encoding="utf-8",
    )
    (rules / "code.py").write_text(
        "from monitor.rules.api import rule\n\n\n"
        "@rule(name='_hidden', signals=['new_rate', 'sunrise'], severity='loud', days_before=[7, 0])\n"
        "def hidden(signal, state, clock):\n    return None\n",
        encoding="utf-8",
    )
    errors = load_rule_set(settings_with(tmp_path)).errors
    toml = _verdicts(errors, r"rules/table\.toml:\d+: key 'rule\[0\]\.(?P<key>\w+)' (?P<reason>.*)")
    python = _verdicts(errors, r"rules/code\.py:4: rule 'hidden' key '(?P<key>\w+)' (?P<reason>.*)")
    assert set(toml) == {"name", "signals", "severity", "days_before"}
    assert toml == python
    assert "rules/table.toml:2: key 'rule[0].name'" in "\n".join(errors)
    assert "rules/table.toml:5: key 'rule[0].days_before'" in "\n".join(errors)


def test_a_name_good_in_one_form_is_good_in_the_other(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "table.toml").write_text('[[rule]]\nname = "Asia-hikes_2"\nsignals = ["rate_change"]\n', encoding="utf-8")
    (rules / "code.py").write_text(
        "from monitor.rules.api import rule\n\n\n"
        "@rule(name='steel-25_b', signals=['new_rate'])\n"
        "def steel(signal, state, clock):\n    return None\n",
        encoding="utf-8",
    )
    found = load_rule_set(settings_with(tmp_path))
    assert found.errors == ()
    forms = {r.name: (r.form, r.origin) for r in found.rules if r.form != "builtin"}
    assert forms == {"Asia-hikes_2": ("toml", "rules/table.toml:1"), "steel-25_b": ("python", "rules/code.py:4")}


def test_a_toml_rule_and_a_python_rule_of_one_name_clash(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "a.toml").write_text('[[rule]]\nname = "mine"\nsignals = ["talks"]\n', encoding="utf-8")
    (rules / "b.py").write_text(
        "from monitor.rules.api import rule\n\n\n@rule(name='mine', signals=['talks'])\n"
        "def mine(signal, state, clock):\n    return None\n",
        encoding="utf-8",
    )
    found = load_rule_set(settings_with(tmp_path))
    assert found.errors == ("rules/b.py:4: key 'name': rule 'mine' is already defined at rules/a.toml:1",)
