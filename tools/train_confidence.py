#!/usr/bin/env python3
"""Train the extractor's confidence model on a labelled folder and write `confidence_model.py`.

    python tools/train_confidence.py CORPUS_DIR [--folds 5] [--l2 1.0] [--min-precision P] [--out PATH] [--dry-run]

CORPUS_DIR holds articles NAME.txt (first line `date YYYY-MM-DD`) each with its answers NAME.gold.json
(`{"facts": [...]}`, the extraction contract's shape). Every article is read by the built-in reader with
no confidence threshold; each reading is labelled right when it matches a gold fact by the contract's
rules (kind, imposer and sector equal; targets share a member, `*` only with `*`; the gold rate equal;
the gold `until` within 7 days; each gold fact matched once). An L2-regularised logistic regression over
the readings' features is fitted by Newton's method; the threshold is the one with the best mean F1 over
folds of whole outlets (outlet: the file name before its first `-YYYY-`), each fold scored by a model
fitted on the other outlets only (with --min-precision, the best among those whose mean precision reaches
it). The shipped model's figures on the same folds are printed beside them for comparison. Prints each
fold's and the mean F1/P/R with and without the filter, then writes the model fitted on every article
(unless --dry-run). Standard library only; never needed to install or test the project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from trainer_arguments import bad_arguments, write_model

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "monitor" / "extract" / "confidence_model.py"
UNTIL_DAYS = 7
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 19))  # 0.05 .. 0.90
_OUTLET = re.compile(r"^(.+?)-\d{4}-")


class TrainingError(Exception):
    """A labelled folder the tool cannot train on (the message names the file and what is wrong)."""


@dataclass(frozen=True, kw_only=True)
class Reading:
    """One reading of an article: its features and whether it matches a gold fact."""

    features: frozenset[str]
    right: bool
    fact: dict[str, object]


@dataclass(frozen=True, kw_only=True)
class Article:
    """A labelled article as read: its outlet, gold facts and readings."""

    name: str
    outlet: str
    gold: list[dict[str, object]]
    readings: list[Reading]


@dataclass(frozen=True, kw_only=True)
class Score:
    """Matched predictions and gold facts, counted over some articles."""

    predicted: int
    gold: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            predicted=self.predicted + other.predicted,
            gold=self.gold + other.gold,
            matched=self.matched + other.matched,
        )


# ---- the contract's matching rules ----


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _rate(value: object) -> float | None:
    try:
        return float(value) if value is not None else None  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _targets_overlap(gold: object, predicted: object) -> bool:
    g = set(gold) if isinstance(gold, list) else set()
    p = set(predicted) if isinstance(predicted, list) else set()
    if "*" in g or "*" in p:
        return "*" in g and "*" in p  # a measure on everyone is not one on a named country
    return bool(g & p)


def matches(gold: dict[str, object], predicted: dict[str, object]) -> bool:
    """Whether a predicted fact matches a gold one by the extraction contract's rules."""
    if any(gold.get(key) != predicted.get(key) for key in ("kind", "imposer")):
        return False
    if (gold.get("sector") or None) != (predicted.get("sector") or None):
        return False
    if not _targets_overlap(gold.get("targets"), predicted.get("targets")):
        return False
    rate = _rate(gold.get("rate"))
    if rate is not None:
        said = _rate(predicted.get("rate"))
        if said is None or abs(rate - said) > 0.01:
            return False
    until = _date(gold.get("until"))
    if until is not None:
        said_until = _date(predicted.get("until"))
        if said_until is None or abs((said_until - until).days) > UNTIL_DAYS:
            return False
    return True


def matched_flags(gold: list[dict[str, object]], predicted: list[dict[str, object]]) -> list[bool]:
    """For each prediction in order, whether it takes a gold fact not already taken."""
    free = list(range(len(gold)))
    flags = []
    for fact in predicted:
        hit = next((i for i in free if matches(gold[i], fact)), None)
        if hit is not None:
            free.remove(hit)
        flags.append(hit is not None)
    return flags


def score(articles: list[Article], keep: list[list[bool]]) -> Score:
    """The contract's counts over `articles`, reporting only the readings `keep` marks."""
    total = Score(predicted=0, gold=0, matched=0)
    for article, kept in zip(articles, keep, strict=True):
        facts = [r.fact for r, k in zip(article.readings, kept, strict=True) if k]
        total += Score(predicted=len(facts), gold=len(article.gold), matched=sum(matched_flags(article.gold, facts)))
    return total


# ---- reading the folder ----


def outlet_of(name: str) -> str:
    """The outlet of an article file: its name before the first `-YYYY-`."""
    found = _OUTLET.match(name)
    return found.group(1) if found else name


def labelled(folder: Path) -> Iterator[tuple[Path, list[dict[str, object]], dt.date, str]]:
    """Each article of `folder` with answers beside it, in name order: its path, gold facts, date and text
    (a `TrainingError` names the file and what was expected where one is not as the contract says)."""
    from monitor.cli.extract import split_date_line
    from monitor.errors import InputError

    if not folder.is_dir():
        raise TrainingError(f"{folder}: not a folder")
    for path in sorted(folder.glob("*.txt")):
        gold_path = path.with_name(path.stem + ".gold.json")
        if not gold_path.exists():
            continue
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))["facts"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise TrainingError(f'{gold_path}: expected a JSON object with a "facts" list ({exc})') from exc
        if not isinstance(gold, list) or not all(isinstance(f, dict) for f in gold):
            raise TrainingError(f'{gold_path}: "facts" must be a list of objects')
        try:
            day, body = split_date_line(path.read_text(encoding="utf-8", errors="replace"), str(path))
        except InputError as exc:
            raise TrainingError(str(exc)) from exc
        if day is None:
            raise TrainingError(f"{path} line 1: expected `date YYYY-MM-DD`")
        yield path, gold, day, body


def load(folder: Path) -> list[Article]:
    """Read every labelled article of `folder` with the built-in reader, no threshold applied."""
    from monitor.extract import read_facts
    from monitor.extract.confidence import features_of, recording
    from monitor.extract.proposer import using

    articles = []
    for path, gold, day, body in labelled(folder):
        # The rules' own readings only: a proposed fact's confidence is the proposer's, not this model's.
        with recording() as record, using(None):
            facts = read_facts(body, day)
        predicted = [f.to_dict() for f in facts]
        flags = matched_flags(gold, predicted)
        readings = [
            Reading(features=features_of(f, record) or frozenset({f"kind_{f.kind}"}), right=flag, fact=d)
            for f, d, flag in zip(facts, predicted, flags, strict=True)
        ]
        articles.append(Article(name=path.name, outlet=outlet_of(path.name), gold=gold, readings=readings))
    if not articles:
        raise TrainingError(f"{folder}: no NAME.txt with a NAME.gold.json beside it")
    return articles


# ---- the model ----


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """x with matrix @ x = vector (Gaussian elimination with partial pivoting; the matrix is positive definite)."""
    n = len(vector)
    a = [[*row, vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            if factor:
                for c in range(col, n + 1):
                    a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def fit(readings: list[Reading], names: list[str], l2: float, steps: int = 25) -> dict[str, float]:
    """L2-regularised logistic regression (the bias not penalised), fitted by Newton's method."""
    index = {name: i + 1 for i, name in enumerate(names)}  # 0 is the bias
    rows = [[0, *sorted(index[f] for f in r.features if f in index)] for r in readings]
    labels = [1.0 if r.right else 0.0 for r in readings]
    n = len(names) + 1
    w = [0.0] * n
    for _ in range(steps):
        grad = [l2 * w[i] if i else 0.0 for i in range(n)]
        hess = [[0.0] * n for _ in range(n)]
        for i in range(1, n):
            hess[i][i] = l2
        hess[0][0] = 1e-9
        for row, y in zip(rows, labels, strict=True):
            p = _sigmoid(sum(w[i] for i in row))
            s = p * (1.0 - p)
            for i in row:
                grad[i] += p - y
                for j in row:
                    hess[i][j] += s
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return {"bias": w[0], **{name: w[index[name]] for name in names}}


def probability(weights: dict[str, float], features: frozenset[str]) -> float:
    """The model's probability, rounded as the reader rounds it."""
    z = weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in features)
    return round(_sigmoid(z), 2)


def folds_of(articles: list[Article], count: int) -> list[list[Article]]:
    """`count` folds of whole outlets, the outlets dealt in turn from the largest (by readings) down."""
    outlets: dict[str, list[Article]] = {}
    for article in articles:
        outlets.setdefault(article.outlet, []).append(article)
    order = sorted(outlets, key=lambda o: (-sum(len(a.readings) + len(a.gold) for a in outlets[o]), o))
    folds: list[list[Article]] = [[] for _ in range(min(count, len(order)))]
    for i, outlet in enumerate(order):
        folds[i % len(folds)].extend(outlets[outlet])
    return folds


def _line(label: str, s: Score) -> str:
    figures = f"F1 {s.f1:.3f}  P {s.precision:.3f}  R {s.recall:.3f}"
    return f"{label:<26} {figures}  ({s.matched}/{s.predicted} right, {s.gold} gold)"


def cross_validate(
    articles: list[Article], folds: int, l2: float, min_precision: float = 0.0
) -> tuple[float, list[str]]:
    """The threshold with the best mean F1 over the folds (among those reaching `min_precision`, if any
    does), and the report lines."""
    from monitor.extract.confidence_model import THRESHOLD

    names = sorted({f for a in articles for r in a.readings for f in r.features})
    split = folds_of(articles, folds)
    per_fold: list[dict[float, Score]] = []
    unfiltered: list[Score] = []
    shipped: list[Score] = []
    for k, held in enumerate(split):
        train = [r for i, fold in enumerate(split) if i != k for a in fold for r in a.readings]
        weights = fit(train, names, l2)
        odds = [[probability(weights, r.features) for r in a.readings] for a in held]
        unfiltered.append(score(held, [[True] * len(a.readings) for a in held]))
        shipped.append(score(held, [[_shipped(r) >= THRESHOLD for r in a.readings] for a in held]))
        per_fold.append({t: score(held, [[p >= t for p in ps] for ps in odds]) for t in THRESHOLDS})

    def mean_of(t: float, attribute: str) -> float:
        return sum(getattr(fold[t], attribute) for fold in per_fold) / len(per_fold)

    allowed = [t for t in THRESHOLDS if mean_of(t, "precision") >= min_precision] or list(THRESHOLDS)
    best = max(allowed, key=lambda t: (round(mean_of(t, "f1"), 4), t))
    lines = [f"{len(split)} folds of whole outlets, L2 {l2}; threshold chosen: {best}"]
    for k, fold in enumerate(per_fold):
        outlets = len({a.outlet for a in split[k]})
        lines.append(_line(f"fold {k + 1} ({outlets} outlets) none", unfiltered[k]))
        lines.append(_line(f"fold {k + 1} at {best}", fold[best]))

    def mean(scores: list[Score]) -> str:
        n = len(scores)
        f1, p, r = (sum(getattr(s, a) for s in scores) / n for a in ("f1", "precision", "recall"))
        return f"F1 {f1:.3f}  P {p:.3f}  R {r:.3f}"

    lines.append(f"mean without the filter     {mean(unfiltered)}")
    lines.append(f"mean with the filter at {best:<4} {mean([fold[best] for fold in per_fold])}")
    lines.append(f"shipped model at {THRESHOLD:<4}      {mean(shipped)}  (fitted on every fold: not held out)")
    for t in THRESHOLDS:
        lines.append(f"  threshold {t:<4}  mean {mean([fold[t] for fold in per_fold])}")
    return best, lines


def _shipped(reading: Reading) -> float:
    value = reading.fact.get("confidence")
    return float(value) if isinstance(value, int | float) else 1.0


def render(weights: dict[str, float], threshold: float, readings: int, articles: int, outlets: int, folds: int) -> str:
    """The text of `confidence_model.py`."""
    body = "\n".join(f'    "{name}": {round(value, 3)!r},' for name, value in sorted(weights.items()))
    return (
        '"""Weights of the confidence model (see `monitor.extract.confidence`); written by training, not by hand.\n\n'
        f"Trained by tools/train_confidence.py on {readings} readings of {articles} labelled articles ({outlets}\n"
        f"outlets), logistic regression with L2; the threshold was chosen by {folds}-fold cross-validation across\n"
        'outlets.\n"""\n\n'
        "from __future__ import annotations\n\n"
        f"WEIGHTS: dict[str, float] = {{\n{body}\n}}\n"
        f"THRESHOLD = {threshold}\n"
    )


def main(argv: list[str] | None = None) -> int:
    """Train, report, and write the model; the exit status says whether it could."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder of NAME.txt articles with NAME.gold.json answers")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds of whole outlets (default 5)")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the weights (default 1.0)")
    parser.add_argument(
        "--min-precision", type=float, default=0.0, help="choose the threshold among those with this mean precision"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the model")
    parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    args = parser.parse_args(argv)
    problem = bad_arguments(args)
    if problem:
        print(f"train_confidence: {problem}", file=sys.stderr)
        return 2
    try:
        articles = load(args.corpus)
    except TrainingError as exc:
        print(f"train_confidence: {exc}", file=sys.stderr)
        return 2
    readings = [r for a in articles for r in a.readings]
    outlets = len({a.outlet for a in articles})
    if outlets < 2 or not any(r.right for r in readings) or all(r.right for r in readings):
        print(
            f"train_confidence: {args.corpus}: needs 2 outlets or more and both right and wrong readings",
            file=sys.stderr,
        )
        return 2
    right = sum(r.right for r in readings)
    print(f"{len(articles)} articles, {outlets} outlets, {len(readings)} readings, {right} right")
    threshold, lines = cross_validate(articles, args.folds, args.l2, args.min_precision)
    print("\n".join(lines))
    names = sorted({f for r in readings for f in r.features})
    weights = fit(readings, names, args.l2)
    if not args.dry_run:
        text = render(weights, threshold, len(readings), len(articles), outlets, min(args.folds, outlets))
        write_model(args.out, text)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
