"""The vocabulary module: one name, one word list."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import monitor.extract.vocabulary as vocab


def test_no_word_list_is_defined_twice() -> None:
    # A second list under a name already used replaces the first without a word from Python or ruff, and the
    # readers written for the first then read the wrong words (two branches once each added an OTHER_OBJECT,
    # and "dropped its complaint against the duties" became a lift again).
    tree = ast.parse(Path(vocab.__file__).read_text(encoding="utf-8"))
    names: Counter[str] = Counter()
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    assert [name for name, count in names.items() if count > 1] == []
