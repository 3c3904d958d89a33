#!/usr/bin/env python3
"""Train the sentence proposer on a labelled folder, print its cross-validated figures, write `proposer_model.py`.

    python tools/train_proposer.py CORPUS_DIR [--folds 5] [--l2 4.0] [--min-outlets 3] [--threshold T]
                                   [--scorer PATH] [--out PATH] [--dry-run]

CORPUS_DIR holds articles NAME.txt (first line `date YYYY-MM-DD`) each with its answers NAME.gold.json
(`{"facts": [...]}`, the extraction contract's shape). Every sentence of every article is labelled by whether
it is the evidence of a gold tariff fact, and described by the features `monitor.extract.proposer` gives it
(its words and word pairs, its shape, what the rules read in it). An L2-regularised logistic regression is
fitted (L-BFGS; the bias not penalised). Words and word pairs are kept only when they occur in articles of
`--min-outlets` outlets or more of the training articles, so that no outlet's own phrasing is learned.

Cross-validation is by outlet (the file name before its first `-YYYY-`): an outlet's fold is the first byte of
sha256("fold5:" + outlet) modulo the number of folds, and each fold is judged by a model fitted on the other
folds only. Printed: (1) of the gold tariff facts in sentences the rules read no tariff from, how many are
flagged at each threshold, and how precise the flags are; (2) the contract's scoring of the rules alone and of
the rules with the proposer, per fold and as a mean, at each threshold; the threshold with the best mean F1 is
chosen (or `--threshold`). The matching is the scorer's (`--scorer`: `score_extraction.py`, whose `pair_up` is
used; without it, the same rules as `train_confidence.py`). Then the model fitted on every article is written
(unless --dry-run). Standard library only; never needed to install or test the project.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import math
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from train_confidence import Score, TrainingError, _sigmoid, labelled, matches, outlet_of  # noqa: E402
from trainer_arguments import bad_arguments, trainer_parser, write_model  # noqa: E402

from monitor.extract.proposer import Model  # noqa: E402

DEFAULT_OUT = ROOT / "monitor" / "extract" / "proposer_model.py"
OFF = 2.0  # a threshold no probability reaches
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 19))  # 0.10 .. 0.90
_WORDS = re.compile(r"\w+")


class Labelled(Protocol):
    """An article as the scoring needs it: its gold facts."""

    @property
    def gold(self) -> list[dict[str, object]]: ...


PairUp = Callable[[list[dict[str, object]], list[dict[str, object]]], tuple[list[int], list[int]]]


@dataclass(frozen=True, kw_only=True)
class Sentence:
    """One sentence of an article: its features, whether it states a gold tariff, and what the rules read."""

    text: str
    features: frozenset[str]
    gold: int  # gold tariff facts whose evidence it is
    ruled: bool  # the rules read a tariff from it
    unmatched: int  # of its gold tariff facts, those the rules alone leave unmatched anywhere in the article


@dataclass(frozen=True, kw_only=True)
class Article:
    """A labelled article: its text, date, outlet, gold facts, sentences and the rules' own facts."""

    name: str
    outlet: str
    body: str
    day: object
    gold: list[dict[str, object]]
    sentences: list[Sentence]
    rules: list[dict[str, object]]


ZERO = Score(predicted=0, gold=0, matched=0)


def _pair_up(gold: list[dict[str, object]], predicted: list[dict[str, object]]) -> tuple[list[int], list[int]]:
    """The scorer's greedy one-to-one matching: each gold fact in turn takes the first free prediction."""
    used: set[int] = set()
    hit: list[int] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in used and matches(g, p):
                used.add(pi)
                hit.append(gi)
                break
    return hit, sorted(used)


def scorer_pair_up(path: Path | None) -> PairUp:
    """`pair_up` of the scorer at `path`, or the same matching written here."""
    if path is None:
        return _pair_up
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise TrainingError(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pair_up: Callable[[list[dict[str, object]], list[dict[str, object]]], tuple[list[int], list[int]]]
    pair_up = module.pair_up
    return pair_up


_Loaded = TypeVar("_Loaded")


def prepared(
    tool: str, args: argparse.Namespace, load: Callable[[PairUp], list[_Loaded]]
) -> tuple[PairUp, list[_Loaded]] | None:
    """The scorer's matching and the labelled articles, once the options every trainer takes are checked; None,
    said on stderr in one line, when the options are wrong or the folder cannot be read."""
    problem = bad_arguments(args)
    if problem:
        print(f"{tool}: {problem}", file=sys.stderr)
        return None
    try:
        pair_up = scorer_pair_up(args.scorer)
        return pair_up, load(pair_up)
    except TrainingError as exc:
        print(f"{tool}: {exc}", file=sys.stderr)
        return None


def too_few(tool: str, args: argparse.Namespace, outlets: int, found: bool, what: str) -> bool:
    """Whether the folder has too few outlets for the folds asked, or none of `what` (said on stderr)."""
    if outlets < args.folds or not found:
        print(f"{tool}: {args.corpus}: needs {args.folds} outlets or more and {what}", file=sys.stderr)
        return True
    return False


def fold_of(outlet: str, folds: int) -> int:
    """The cross-validation fold of an outlet."""
    return hashlib.sha256(("fold5:" + outlet).encode()).digest()[0] % folds


def _norm(text: str) -> str:
    return " ".join(text.split())


def _aligned(evidence: str, sentences: list[str]) -> int | None:
    """The sentence a gold fact's evidence is: the same text, one inside the other, or most words shared."""
    said = _norm(evidence)
    normed = [_norm(s) for s in sentences]
    for i, s in enumerate(normed):
        if s == said:
            return i
    for i, s in enumerate(normed):
        if said in s or (len(s) > 20 and s in said):
            return i
    words = set(_WORDS.findall(said.lower()))
    best, share = None, 0.5
    for i, s in enumerate(normed):
        other = set(_WORDS.findall(s.lower()))
        jaccard = len(words & other) / (len(words | other) or 1)
        if jaccard >= share:
            best, share = i, jaccard
    return best


def extracted(body: str, day: object) -> list[dict[str, object]]:
    """What `extract_facts` reports, as the contract's dicts."""
    from monitor.extract import extract_facts

    return [f.to_dict() for f in extract_facts(body, day)]  # type: ignore[arg-type]


def load(folder: Path, pair_up: PairUp) -> list[Article]:
    """Read every labelled article of `folder`: its sentences' features and labels, the rules' facts."""
    from monitor.extract import _MAX_SENTENCE
    from monitor.extract.gazetteer import find_mentions
    from monitor.extract.proposer import features, recording, using
    from monitor.extract.sentences import split_sentences

    articles = []
    for path, gold, day, body in labelled(folder):
        with using(None), recording() as record:
            rules = extracted(body, day)
        seen = {text: (names, ruled) for text, names, ruled in record}
        texts = [s[i : i + _MAX_SENTENCE] for s in split_sentences(body) for i in range(0, len(s), _MAX_SENTENCE)]
        matched, _ = pair_up(gold, rules)
        labels = [0] * len(texts)
        unmatched = [0] * len(texts)
        for gi, fact in enumerate(gold):
            if fact.get("kind") != "tariff":
                continue
            at = _aligned(str(fact.get("evidence") or ""), texts)
            if at is not None:
                labels[at] += 1
                unmatched[at] += gi not in matched
        sentences = []
        for i, text in enumerate(texts):
            names, ruled = seen.get(text) or (features(text, find_mentions(text), []), False)
            sentences.append(Sentence(text=text, features=names, gold=labels[i], ruled=ruled, unmatched=unmatched[i]))
        articles.append(
            Article(
                name=path.name,
                outlet=outlet_of(path.name),
                body=body,
                day=day,
                gold=gold,
                sentences=sentences,
                rules=rules,
            )
        )
    if not articles:
        raise TrainingError(f"{folder}: no NAME.txt with a NAME.gold.json beside it")
    return articles


# ---- the model ----


def vocabulary(articles: list[Article], min_outlets: int) -> list[str]:
    """The features to fit: every shape feature, and the words and pairs seen at `min_outlets` outlets."""
    outlets: dict[str, set[str]] = {}
    for article in articles:
        for s in article.sentences:
            for name in s.features:
                outlets.setdefault(name, set()).add(article.outlet)
    return sorted(n for n, o in outlets.items() if n.startswith("s:") or len(o) >= min_outlets)


class Example(Protocol):
    """What `fit` learns from: a row's features and its label (true when non-zero)."""

    @property
    def features(self) -> frozenset[str]: ...

    @property
    def gold(self) -> int | bool: ...


def fit(sentences: Sequence[Example], names: list[str], l2: float, iterations: int = 300) -> dict[str, float]:
    """L2-regularised logistic regression (the bias not penalised), fitted by L-BFGS."""
    index = {name: i + 1 for i, name in enumerate(names)}  # 0 is the bias
    rows = [[0, *sorted(index[f] for f in s.features if f in index)] for s in sentences]
    labels = [1.0 if s.gold else 0.0 for s in sentences]
    n = len(names) + 1

    def loss(w: list[float]) -> tuple[float, list[float]]:
        total = 0.5 * l2 * sum(x * x for x in w[1:])
        grad = [0.0, *(l2 * x for x in w[1:])]
        for row, y in zip(rows, labels, strict=True):
            z = sum(w[i] for i in row)
            # log(1 + e^z) - y z, written to stay finite for large |z|
            total += (z if z > 0 else 0.0) + math.log1p(math.exp(-abs(z))) - y * z
            d = _sigmoid(z) - y
            for i in row:
                grad[i] += d
        return total, grad

    w = [0.0] * n
    value, grad = loss(w)
    history: list[tuple[list[float], list[float], float]] = []
    for _ in range(iterations):
        # Two-loop recursion: the direction from the last few steps' curvature.
        q = list(grad)
        alphas = []
        for s, y, rho in reversed(history):
            a = rho * sum(si * qi for si, qi in zip(s, q, strict=True))
            alphas.append(a)
            q = [qi - a * yi for qi, yi in zip(q, y, strict=True)]
        if history:
            s, y, _rho = history[-1]
            gamma = sum(si * yi for si, yi in zip(s, y, strict=True)) / sum(yi * yi for yi in y)
            q = [gamma * qi for qi in q]
        else:
            q = [qi / max(1.0, math.sqrt(sum(g * g for g in grad))) for qi in q]
        for (s, y, rho), a in zip(history, reversed(alphas), strict=True):
            b = rho * sum(yi * qi for yi, qi in zip(y, q, strict=True))
            q = [qi + si * (a - b) for qi, si in zip(q, s, strict=True)]
        direction = [-qi for qi in q]
        slope = sum(g * d for g, d in zip(grad, direction, strict=True))
        if slope >= 0:
            direction, slope, history = [-g for g in grad], -sum(g * g for g in grad), []
        step = 1.0
        while True:
            trial = [wi + step * di for wi, di in zip(w, direction, strict=True)]
            new_value, new_grad = loss(trial)
            if new_value <= value + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s = [t - wi for t, wi in zip(trial, w, strict=True)]
        y = [a - b for a, b in zip(new_grad, grad, strict=True)]
        sy = sum(si * yi for si, yi in zip(s, y, strict=True))
        if sy > 1e-12:
            history = [*history[-9:], (s, y, 1.0 / sy)]
        improved = value - new_value
        w, value, grad = trial, new_value, new_grad
        if improved < 1e-7 * max(1.0, abs(value)) or max(abs(g) for g in grad) < 1e-5:
            break
    return {"bias": w[0], **{name: w[index[name]] for name in names}}


def pruned(weights: dict[str, float], floor: float) -> dict[str, float]:
    """The weights without those too near 0 to change a judgement (the bias always kept)."""
    return {k: v for k, v in weights.items() if k == "bias" or abs(v) >= floor}


def probability(weights: dict[str, float], features: frozenset[str]) -> float:
    z = weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in features)
    return _sigmoid(z)


# ---- cross-validation ----


def _split(articles: list[Article], folds: int) -> list[list[Article]]:
    split: list[list[Article]] = [[] for _ in range(folds)]
    for article in articles:
        split[fold_of(article.outlet, folds)].append(article)
    return split


def _line(label: str, s: Score) -> str:
    figures = f"F1 {s.f1:.3f}  P {s.precision:.3f}  R {s.recall:.3f}"
    return f"{label:<30} {figures}  ({s.matched}/{s.predicted}, {s.gold} gold)"


def _mean(scores: list[Score]) -> str:
    n = len(scores)
    f1, p, r = (sum(getattr(s, a) for s in scores) / n for a in ("f1", "precision", "recall"))
    return f"F1 {f1:.3f}  P {p:.3f}  R {r:.3f}"


def scored(articles: Sequence[Labelled], facts: list[list[dict[str, object]]], pair_up: PairUp) -> Score:
    total = ZERO
    for article, predicted in zip(articles, facts, strict=True):
        hit, _ = pair_up(article.gold, predicted)
        total += Score(predicted=len(predicted), gold=len(article.gold), matched=len(hit))
    return total


def cross_validate(
    articles: list[Article],
    folds: int,
    l2: float,
    min_outlets: int,
    pair_up: PairUp,
    fixed: float | None,
    min_gain: float = 0.005,
) -> tuple[float, list[str]]:
    """The threshold with the best mean F1 over the folds (or `fixed`), and the report lines."""
    from monitor.extract.proposer import using

    split = _split(articles, folds)
    models = []
    for k in range(folds):
        train = [a for i, fold in enumerate(split) if i != k for a in fold]
        names = vocabulary(train, min_outlets)
        models.append(fit([s for a in train for s in a.sentences], names, l2))
    lines = [f"{folds} folds of whole outlets, L2 {l2}, words seen at {min_outlets}+ outlets"]
    # (1) The proposer alone: flags among the sentences the rules read no tariff from.
    lines.append("sentences the rules read no tariff from, held out:")
    silent = [(s, probability(models[k], s.features)) for k in range(folds) for a in split[k] for s in a.sentences]
    silent = [(s, p) for s, p in silent if not s.ruled]
    gold_facts = sum(s.gold for s, _ in silent)
    unmatched = sum(s.unmatched for s, _ in silent)
    holding = sum(1 for s, _ in silent if s.gold)
    lines.append(
        f"  {len(silent)} sentences, {holding} holding {gold_facts} gold tariff facts"
        f" ({unmatched} of them matched nowhere by the rules)"
    )
    ranked = sorted(silent, key=lambda sp: -sp[1])
    found, precisions = 0, []
    for i, (s, _p) in enumerate(ranked, 1):
        if s.gold:
            found += 1
            precisions.append(found / i)
    lines.append(f"  average precision of the ranking {sum(precisions) / max(1, holding):.3f}")
    for t in THRESHOLDS:
        flagged = [s for s, p in silent if p >= t]
        right = sum(1 for s in flagged if s.gold)
        lines.append(
            f"  at {t:<4} flagged {len(flagged):>4}, precision {right / len(flagged) if flagged else 0:.2f};"
            f" gold facts flagged {sum(s.gold for s in flagged):>3}/{gold_facts},"
            f" unmatched flagged {sum(s.unmatched for s in flagged):>3}/{unmatched}"
        )
    # (2) The rules with the proposer, scored by the contract's matching, per fold.
    rules = [scored(fold, [a.rules for a in fold], pair_up) for fold in split]
    per: dict[float, list[Score]] = {}
    # A proposed fact's confidence is the model's probability, and `extract_facts` reports none under the
    # confidence threshold: lower thresholds would score the same.
    from monitor.extract.confidence_model import THRESHOLD as REPORTED

    for t in [t for t in THRESHOLDS if t >= REPORTED] if fixed is None else (fixed,):
        per[t] = []
        for k, fold in enumerate(split):
            with using(Model(weights=models[k], threshold=t)):
                per[t].append(scored(fold, [extracted(a.body, a.day) for a in fold], pair_up))
    best = fixed if fixed is not None else max(per, key=lambda t: (round(_mean_f1(per[t]), 4), t))
    if fixed is None and _mean_f1(per[best]) < _mean_f1(rules) + min_gain:
        best = OFF  # no threshold does better than the rules alone: the proposer flags nothing
    # The filler's own ceiling: the sentences flagged by their gold labels instead of a model.
    stating = frozenset(s.features for a in articles for s in a.sentences if s.gold and not s.ruled)
    with using(Perfect(weights={}, threshold=0.5, stating=stating)):
        perfect = [scored(fold, [extracted(a.body, a.day) for a in fold], pair_up) for fold in split]
    shown = best if best in per else max(per, key=lambda t: (round(_mean_f1(per[t]), 4), t))
    lines.append(f"the rules alone and with the proposer at {shown} (its best), held out:")
    for k, fold in enumerate(split):
        label = f"fold {k + 1} ({len({a.outlet for a in fold})} outlets, {len(fold)} articles)"
        lines.append(_line(f"{label} rules", rules[k]))
        lines.append(_line(f"{'':>{len(label)}} +proposer", per[shown][k]))
    lines.append(f"mean, rules alone             {_mean(rules)}")
    lines.append(f"mean, a perfect flagger       {_mean(perfect)}  (the gold labels flag; the filler builds the facts)")
    for t, scores in per.items():
        lines.append(f"mean, with proposer at {t:<4}   {_mean(scores)}")
    if best == OFF:
        lines.append(f"no threshold gains {min_gain} mean F1 over the rules alone: the model written flags nothing")
    else:
        lines.append(f"threshold chosen: {best}")
    return best, lines


@dataclass(frozen=True, kw_only=True)
class Perfect(Model):
    """A flagger that knows the answers: the sentences stating a gold tariff (told by their features)."""

    stating: frozenset[frozenset[str]]

    def probability(self, features: frozenset[str]) -> float:
        return 1.0 if features in self.stating else 0.0


def _mean_f1(scores: list[Score]) -> float:
    return sum(s.f1 for s in scores) / len(scores)


def render(weights: dict[str, float], threshold: float, sentences: int, articles: int, outlets: int) -> str:
    """The text of `proposer_model.py`."""
    if threshold == OFF:
        summary = (
            f"None ship: in cross-validation across outlets ({sentences} sentences of {articles} labelled articles,\n"
            f"{outlets} outlets) no threshold did better than the rules alone (see docs/extract.md), so the\n"
            "threshold is out of reach and the proposer flags nothing."
        )
    else:
        summary = (
            f"Trained by tools/train_proposer.py on {sentences} sentences of {articles} labelled articles ({outlets}\n"
            "outlets), logistic regression with L2 over words and word pairs seen at 3 outlets or more and the\n"
            "sentence's shape; the threshold was chosen by cross-validation across outlets."
        )
    body = "".join(f"    {name!r}: {round(value, 3)!r},\n" for name, value in sorted(weights.items()))
    return (
        '"""Weights of the sentence proposer (see `monitor.extract.proposer`); written by training, not by hand.\n\n'
        f'{summary}\n"""\n\n'
        "from __future__ import annotations\n\n"
        f"WEIGHTS: dict[str, float] = {{{chr(10) + body if body else ''}}}\n"
        f"THRESHOLD = {threshold}\n"
    )


def main(argv: list[str] | None = None) -> int:
    """Train, report, and write the model; the exit status says whether it could."""
    parser = trainer_parser(__doc__, default_out=DEFAULT_OUT, l2=4.0, min_outlets=True)
    args = parser.parse_args(argv)
    ready = prepared("train_proposer", args, lambda pair_up: load(args.corpus, pair_up))
    if ready is None:
        return 2
    pair_up, articles = ready
    sentences = [s for a in articles for s in a.sentences]
    outlets = len({a.outlet for a in articles})
    if too_few("train_proposer", args, outlets, any(s.gold for s in sentences), "gold tariffs"):
        return 2
    positive = sum(1 for s in sentences if s.gold)
    print(f"{len(articles)} articles, {outlets} outlets, {len(sentences)} sentences, {positive} stating a tariff")
    threshold, lines = cross_validate(
        articles, args.folds, args.l2, args.min_outlets, pair_up, args.threshold, args.min_gain
    )
    print("\n".join(lines))
    # A proposer that flags nothing needs no weights (and costs nothing at run time).
    weights = (
        {} if threshold == OFF else pruned(fit(sentences, vocabulary(articles, args.min_outlets), args.l2), args.prune)
    )
    if not args.dry_run:
        text = render(weights, threshold, len(sentences), len(articles), outlets)
        write_model(args.out, text)
        print(f"wrote {args.out} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
