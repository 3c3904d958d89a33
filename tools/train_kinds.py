#!/usr/bin/env python3
"""Train the kind arbiter on a labelled folder, print its cross-validated figures, write `kind_model.py`.

    python tools/train_kinds.py CORPUS_DIR [--folds 5] [--l2 2.0] [--min-outlets 3] [--min-gain 0.005]
                                [--threshold T] [--scorer PATH] [--out PATH] [--dry-run]

CORPUS_DIR holds articles NAME.txt (first line `date YYYY-MM-DD`) each with its answers NAME.gold.json. Every
fact the rules read from a sentence that is the evidence of gold facts is an example: its label is the kind of
the gold fact of that sentence it matches in every field but its kind (its own kind when it matches as it is);
a fact that matches none, whatever its kind, is left out. One L2-regularised logistic regression per kind (one
against the rest) is fitted on the features `monitor.extract.kind_arbiter` gives each fact; words (and governing
verbs) are kept only when they occur in articles of `--min-outlets` outlets or more, so that no outlet's own
phrasing is learned.

Cross-validation is by outlet, as in train_proposer.py (fold = sha256("fold5:" + outlet)[0] % folds). Printed,
per fold and summed: the examples and how many the rules and the model (its likeliest kind) give the right
kind; the contract's scoring of the rules alone, with the arbiter at each threshold (the margin by which another
kind's probability must beat the rules' kind), and with a *perfect* arbiter (the gold kind for every fact that
has one). The threshold with the best mean F1 is chosen only if it gains `--min-gain` over the rules alone (or
`--threshold`); then the model fitted on every article is written (unless --dry-run); otherwise the model
written changes nothing. Standard library only.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from train_confidence import TrainingError, labelled, matches, outlet_of  # noqa: E402
from train_proposer import (  # noqa: E402
    PairUp,
    Score,
    _aligned,
    _mean,
    _mean_f1,
    fit,
    fold_of,
    prepared,
    pruned,
    scored,
    too_few,
)
from trainer_arguments import trainer_parser, write_model  # noqa: E402

from monitor.extract.facts import KINDS, Fact  # noqa: E402
from monitor.extract.kind_arbiter import Model, features, recording, rekind, using  # noqa: E402

DEFAULT_OUT = ROOT / "monitor" / "extract" / "kind_model.py"
OFF = 2.0
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
# Features made of an article's words: kept only where several outlets use them.
_WORDY = ("w:", "gv:")


@dataclass(frozen=True, kw_only=True)
class Example:
    """One fact the rules read from a gold fact's sentence, with its features and the kind it should have."""

    features: frozenset[str]
    ruled: str
    kind: str


@dataclass(frozen=True, kw_only=True)
class Article:
    name: str
    outlet: str
    body: str
    day: object
    gold: list[dict[str, object]]
    rules: list[dict[str, object]]
    examples: list[Example]
    golds: dict[str, list[dict[str, object]]]  # sentence -> the gold facts it is the evidence of
    unlabelled: int  # facts read from gold sentences that match no gold fact of any kind


def gold_kind(fact: Fact, golds: list[dict[str, object]]) -> str | None:
    """The kind `fact` should have: its own where it matches a gold fact as it is, else that of the first gold
    fact it matches in every field but its kind; None where it matches none."""
    if any(matches(g, fact.to_dict()) for g in golds):
        return fact.kind
    for g in golds:
        kind = str(g.get("kind"))
        if kind != fact.kind and kind in KINDS and matches(g, rekind(fact, kind).to_dict()):
            return kind
    return None


def _extracted(article: Article) -> list[dict[str, object]]:
    from monitor.extract import extract_facts

    return [f.to_dict() for f in extract_facts(article.body, article.day)]  # type: ignore[arg-type]


def load(folder: Path) -> list[Article]:
    """Read every labelled article: the rules' facts, and an example for each fact read from a gold sentence."""
    from monitor.extract import extract_facts
    from monitor.extract.sentences import split_sentences

    articles = []
    for path, gold, day, body in labelled(folder):
        with using(None), recording() as record:
            rules = [f.to_dict() for f in extract_facts(body, day)]
        texts = split_sentences(body)
        golds: dict[str, list[dict[str, object]]] = {}
        for answer in gold:
            at = _aligned(str(answer.get("evidence") or ""), texts)
            if at is not None:
                golds.setdefault(texts[at], []).append(answer)
        examples = []
        unlabelled = 0
        for sentence, found in record:
            for fact in found:
                if sentence not in golds:
                    continue
                kind = gold_kind(fact, golds[sentence])
                if kind is None:
                    unlabelled += 1
                    continue
                examples.append(Example(features=features(sentence, fact), ruled=fact.kind, kind=kind))
        articles.append(
            Article(
                name=path.name,
                outlet=outlet_of(path.name),
                body=body,
                day=day,
                gold=gold,
                rules=rules,
                examples=examples,
                golds=golds,
                unlabelled=unlabelled,
            )
        )
    if not articles:
        raise TrainingError(f"{folder}: no NAME.txt with a NAME.gold.json beside it")
    return articles


def _vocabulary(train: list[Article], min_outlets: int) -> list[str]:
    outlets: dict[str, set[str]] = {}
    for article in train:
        for e in article.examples:
            for name in e.features:
                outlets.setdefault(name, set()).add(article.outlet)
    return sorted(n for n, o in outlets.items() if not n.startswith(_WORDY) or len(o) >= min_outlets)


def fit_model(train: list[Article], l2: float, min_outlets: int) -> dict[str, dict[str, float]]:
    """One set of weights per kind that some training example has (one kind against the rest)."""
    examples = [e for a in train for e in a.examples]
    names = _vocabulary(train, min_outlets)

    class _Row:  # the shape `fit` expects: features and a label in `gold`
        def __init__(self, features: frozenset[str], gold: bool) -> None:
            self.features, self.gold = features, gold

    kinds = sorted({e.kind for e in examples} | {e.ruled for e in examples})
    return {kind: fit([_Row(e.features, e.kind == kind) for e in examples], names, l2) for kind in kinds}


@dataclass(frozen=True, kw_only=True)
class Oracle(Model):
    """An arbiter that knows the answers: each fact read from a gold fact's sentence gets the gold kind."""

    gold: dict[str, list[dict[str, object]]]

    def decide(self, sentence: str, fact: Fact) -> Fact:
        kind = gold_kind(fact, self.gold.get(sentence, []))
        return fact if kind is None or kind == fact.kind else rekind(fact, kind)


def cross_validate(
    articles: list[Article],
    folds: int,
    l2: float,
    min_outlets: int,
    pair_up: PairUp,
    fixed: float | None,
    min_gain: float = 0.005,
) -> tuple[float, list[str]]:
    """The threshold with the best mean F1 over held-out folds (or `fixed`; OFF when none gains), and the
    report lines."""
    split: list[list[Article]] = [[] for _ in range(folds)]
    for article in articles:
        split[fold_of(article.outlet, folds)].append(article)
    lines = [f"{folds} folds of whole outlets, L2 {l2}, words of {min_outlets} outlets or more"]
    examples = [e for a in articles for e in a.examples]
    wrong = Counter(f"{e.kind} read as {e.ruled}" for e in examples if e.kind != e.ruled)
    lines.append(
        f"{len(examples)} facts read from gold sentences with a gold kind ({sum(a.unlabelled for a in articles)}"
        f" matching no gold fact left out); the rules' kind wrong for {sum(wrong.values())}:"
        f" {', '.join(f'{k} {n}' for k, n in wrong.most_common(8))}"
    )
    thresholds = THRESHOLDS if fixed is None else (fixed,)
    ends: dict[float, list[Score]] = {t: [] for t in (OFF, *thresholds)}
    kinds_right: list[Counter[str]] = []
    for k, fold in enumerate(split):
        train = [a for i, f in enumerate(split) if i != k for a in f]
        weights = fit_model(train, l2, min_outlets)
        counts: Counter[str] = Counter()
        pure = Model(weights=weights, threshold=0.0)
        for a in fold:
            for e in a.examples:
                p = pure.probabilities(e.features)
                counts["examples"] += 1
                counts["rules"] += e.ruled == e.kind
                counts["model"] += max(p, key=lambda kind: p[kind]) == e.kind
                counts["changed"] += (changed := max(p, key=lambda kind: p[kind]) != e.ruled)
                counts["changed right"] += changed and max(p, key=lambda kind: p[kind]) == e.kind
        kinds_right.append(counts)
        for t in (OFF, *thresholds):
            if t == OFF:
                ends[t].append(scored(fold, [a.rules for a in fold], pair_up))
            else:
                with using(Model(weights=weights, threshold=t)):
                    ends[t].append(scored(fold, [_extracted(a) for a in fold], pair_up))
    per = "  ".join(f"{c['rules']}->{c['model']} of {c['examples']}" for c in kinds_right)
    total = sum(kinds_right, Counter())
    lines.append(
        f"kinds right held out, rules->model (likeliest kind) per fold: {per}  | all {total['rules']}->"
        f"{total['model']} of {total['examples']}; the model's changes {total['changed']}, right"
        f" {total['changed right']}"
    )
    for t in (OFF, *thresholds):
        label = "rules alone" if t == OFF else f"arbiter at {t}"
        f1s = "  ".join(f"{s.f1:.3f}" for s in ends[t])
        lines.append(f"{label:<17} F1 per fold {f1s}  mean {_mean(ends[t])}")
    oracle = Oracle(weights={}, threshold=0.0, gold={s: g for a in articles for s, g in a.golds.items()})
    with using(oracle):
        perfect = [scored(fold, [_extracted(a) for a in fold], pair_up) for fold in split]
    lines.append(
        f"{'a perfect arbiter':<17} F1 per fold {'  '.join(f'{s.f1:.3f}' for s in perfect)}  mean {_mean(perfect)}"
    )
    best = fixed if fixed is not None else max(thresholds, key=lambda t: (round(_mean_f1(ends[t]), 4), t))
    if fixed is None and _mean_f1(ends[best]) < _mean_f1(ends[OFF]) + min_gain:
        lines.append(f"no threshold gains {min_gain} mean F1 over the rules alone: the model written changes nothing")
        best = OFF
    else:
        lines.append(f"threshold chosen: {best}")
    return best, lines


def render(weights: dict[str, dict[str, float]], threshold: float, examples: int, articles: int) -> str:
    """The text of `kind_model.py`."""

    def table(w: dict[str, float]) -> str:
        return (
            "{\n" + "".join(f"        {name!r}: {round(value, 3)!r},\n" for name, value in sorted(w.items())) + "    }"
        )

    if threshold == OFF:
        summary = (
            "None ship: in cross-validation across outlets no threshold gained enough over the rules alone (see\n"
            "docs/extract.md), so the threshold is out of reach and the arbiter changes no kind."
        )
        body = "{}"
    else:
        summary = (
            f"Trained by tools/train_kinds.py on {examples} facts read from gold facts' sentences in {articles}\n"
            "labelled articles; the threshold was chosen by cross-validation across outlets."
        )
        body = "{\n" + "".join(f"    {kind!r}: {table(w)},\n" for kind, w in sorted(weights.items())) + "}"
    return (
        '"""Weights of the kind arbiter (see `monitor.extract.kind_arbiter`); written by training, not by hand.\n\n'
        f'{summary}\n"""\n\n'
        "from __future__ import annotations\n\n"
        f"WEIGHTS: dict[str, dict[str, float]] = {body}\n"
        f"THRESHOLD = {threshold}\n"
    )


def main(argv: list[str] | None = None) -> int:
    """Train, report, and write the model; the exit status says whether it could."""
    parser = trainer_parser(__doc__, default_out=DEFAULT_OUT, l2=2.0, min_outlets=True)
    args = parser.parse_args(argv)
    ready = prepared("train_kinds", args, lambda _pair_up: load(args.corpus))
    if ready is None:
        return 2
    pair_up, articles = ready
    outlets = len({a.outlet for a in articles})
    examples = sum(len(a.examples) for a in articles)
    if too_few("train_kinds", args, outlets, bool(examples), "gold facts"):
        return 2
    print(f"{len(articles)} articles, {outlets} outlets, {examples} facts read from gold facts' sentences")
    threshold, lines = cross_validate(
        articles, args.folds, args.l2, args.min_outlets, pair_up, args.threshold, args.min_gain
    )
    print("\n".join(lines))
    weights = {} if threshold == OFF else fit_model(articles, args.l2, args.min_outlets)
    if not args.dry_run:
        kept = {kind: pruned(w, args.prune) for kind, w in weights.items()}
        text = render(kept, threshold, examples, len(articles))
        write_model(args.out, text)
        print(f"wrote {args.out} ({sum(len(w) for w in weights.values())} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
