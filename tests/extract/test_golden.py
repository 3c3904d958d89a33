"""Golden files: short articles we wrote (tests/data/extract/NAME.txt, first line `date YYYY-MM-DD`) and the
facts a careful reader takes from them (NAME.facts.json). `pytest --update-goldens` rewrites the answers
from what the extractor gives now; review the diff before committing, since a golden that records a wrong
answer is a defect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.cli.extract import split_date_line
from monitor.extract import extract_facts

DATA = Path(__file__).resolve().parent.parent / "data" / "extract"
ARTICLES = sorted(DATA.glob("*.txt"))
# The fields a golden pins down; evidence and confidence may change with wording and training.
FIELDS = ("kind", "imposer", "targets", "sector", "rate", "until", "status", "authority")


def _facts(article: Path) -> list[dict[str, object]]:
    day, body = split_date_line(article.read_text(encoding="utf-8"), str(article))
    return [{k: fact.to_dict()[k] for k in FIELDS} for fact in extract_facts(body, day)]


def test_there_are_golden_articles() -> None:
    assert len(ARTICLES) >= 8


@pytest.mark.parametrize("article", ARTICLES, ids=[a.stem for a in ARTICLES])
def test_article_gives_its_golden_facts(article: Path, update_goldens: bool) -> None:
    golden = article.with_suffix(".facts.json")
    facts = _facts(article)
    if update_goldens:
        golden.write_text(json.dumps({"facts": facts}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert facts == json.loads(golden.read_text(encoding="utf-8"))["facts"]
