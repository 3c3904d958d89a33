#!/usr/bin/env python3
"""Score the built-in reader on labelled folders in one process: F1, precision and recall per folder and kind.

    python tools/score_sets.py DIR [DIR ...] [--kinds] [--scorer PATH] [--format table|json]

Each DIR holds `NAME.txt` articles (first line `date YYYY-MM-DD`) with `NAME.gold.json` answers, as
`tools/corpora/build.py` writes them. The matching is the extraction contract's (`--scorer` takes `pair_up` from
`score_extraction.py` itself; without it the same matching written in `train_confidence.py` is used), so the
figures are those of `score_extraction.py`, without a process per article: a few seconds for a few hundred
articles, which is what comparing a change on every set at once needs. The last row, `all`, counts every
folder's facts together (micro). `--format json` prints one object: `{"sets": [{"set", "articles", "gold",
"predicted", "matched", "f1", "precision", "recall", "kinds": {KIND: {...}}}], "all": {...}}` (`kinds` only with
`--kinds`). A folder that is missing, or an answer file not as the contract says, is named; exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from train_confidence import Score, TrainingError, labelled
from train_proposer import PairUp, scorer_pair_up

from monitor.extract import extract_facts

KINDS = ("tariff", "pause", "lift", "relief", "negotiation", "deal", "withdrawal")


def score_folder(folder: Path, pair_up: PairUp) -> tuple[int, Score, dict[str, Score]]:
    """How many articles, the folder's score, and its score per kind of fact."""
    total = Score(predicted=0, gold=0, matched=0)
    per_kind: dict[str, Score] = {}
    articles = 0
    for _, gold, day, text in labelled(folder):
        articles += 1
        predicted = [fact.to_dict() for fact in extract_facts(text, day)]
        hit_gold, hit_predicted = pair_up(gold, predicted)
        gold_kinds = Counter(str(fact.get("kind")) for fact in gold)
        predicted_kinds = Counter(str(fact.get("kind")) for fact in predicted)
        matched_kinds = Counter(str(gold[i].get("kind")) for i in hit_gold)
        for kind in set(gold_kinds) | set(predicted_kinds):
            here = Score(predicted=predicted_kinds[kind], gold=gold_kinds[kind], matched=matched_kinds[kind])
            per_kind[kind] = per_kind[kind] + here if kind in per_kind else here
        total = total + Score(predicted=len(predicted), gold=len(gold), matched=len(hit_predicted))
    return articles, total, per_kind


def _figures(score: Score) -> dict[str, float | int]:
    return {
        "gold": score.gold,
        "predicted": score.predicted,
        "matched": score.matched,
        "f1": round(score.f1, 3),
        "precision": round(score.precision, 3),
        "recall": round(score.recall, 3),
    }


def _row(name: str, articles: int | None, score: Score) -> str:
    counted = "" if articles is None else str(articles)
    return (
        f"{name:<28} {counted:>8} {score.gold:>5} {score.predicted:>5} {score.matched:>5} "
        f"{score.f1:6.3f} {score.precision:6.3f} {score.recall:6.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+", help="folders of NAME.txt with NAME.gold.json")
    parser.add_argument("--kinds", action="store_true", help="also each kind of fact, per folder")
    parser.add_argument("--scorer", type=Path, help="score_extraction.py, whose pair_up is used for matching")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args()
    try:
        pair_up = scorer_pair_up(args.scorer)
        results = [(folder, *score_folder(folder, pair_up)) for folder in args.folders]
    except TrainingError as error:
        print(f"score_sets.py: {error}", file=sys.stderr)
        return 2
    everything = Score(predicted=0, gold=0, matched=0)
    articles_in_all = 0
    for _, articles, score, _ in results:
        everything = everything + score
        articles_in_all += articles
    if args.format == "json":
        sets = []
        for folder, articles, score, per_kind in results:
            entry: dict[str, object] = {"set": str(folder), "articles": articles, **_figures(score)}
            if args.kinds:
                entry["kinds"] = {kind: _figures(per_kind[kind]) for kind in KINDS if kind in per_kind}
            sets.append(entry)
        print(json.dumps({"sets": sets, "all": {"articles": articles_in_all, **_figures(everything)}}))
        return 0
    print(f"{'set':<28} {'articles':>8} {'gold':>5} {'pred':>5} {'hit':>5} {'F1':>6} {'P':>6} {'R':>6}")
    for folder, articles, score, per_kind in results:
        print(_row(folder.name or str(folder), articles, score))
        if args.kinds:
            for kind in KINDS:
                if kind in per_kind:
                    print(_row(f"  {kind}", None, per_kind[kind]))
    if len(results) > 1:
        print(_row("all", articles_in_all, everything))
    return 0


if __name__ == "__main__":
    sys.exit(main())
