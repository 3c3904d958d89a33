#!/usr/bin/env python3
"""Train the party arbiter on a labelled folder, print its cross-validated figures, write `roles_model.py`.

    python tools/train_roles.py CORPUS_DIR [--folds 5] [--l2 2.0] [--threshold T] [--scorer PATH]
                                [--out PATH] [--dry-run]

CORPUS_DIR holds articles NAME.txt (first line `date YYYY-MM-DD`) each with its answers NAME.gold.json. Each
measure the rules read (tariff, pause, lift, relief) from a sentence that is the evidence of a gold fact of the
same kind is paired with that gold fact (the same rate and sector first); every party the sentence names is
labelled by the gold codes: the side acting (the gold imposer), a side hit (in the gold targets), or neither.
Two L2-regularised logistic regressions are fitted on the features `monitor.extract.roles` gives each party.

Cross-validation is by outlet, as in train_proposer.py (fold = sha256("fold5:" + outlet)[0] % folds). Printed,
per fold and summed: (1) how often the gold imposer and targets are named in their sentence at all; (2) of the
gold measures the rules read from their sentence, how many have the imposer right and the targets right, by
the rules and with the arbiter at each threshold; (3) the contract's scoring of every article, rules alone and
with the arbiter. The threshold with the best mean F1 is chosen, if it gains over the rules (or `--threshold`);
then the model fitted on every article is written (unless --dry-run). Standard library only.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from train_confidence import TrainingError, labelled, outlet_of  # noqa: E402
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

from monitor.extract.facts import Fact  # noqa: E402
from monitor.extract.gazetteer import ANY, Mention  # noqa: E402
from monitor.extract.roles import MEASURES, Model, decide, features, recording, universal_features, using  # noqa: E402

DEFAULT_OUT = ROOT / "monitor" / "extract" / "roles_model.py"
OFF = 2.0
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True, kw_only=True)
class Example:
    """One party of one measure the rules read, with its features and its gold roles."""

    features: frozenset[str]
    acts: bool
    hit: bool


@dataclass(frozen=True, kw_only=True)
class Reading:
    """A measure the rules read from a gold fact's sentence, with the gold fact it is paired with."""

    sentence: str
    mentions: list[Mention]
    ctx: dict[str, str | None]
    fact: Fact
    gold: dict[str, object]
    golds: list[dict[str, object]]  # every gold measure of the sentence


@dataclass(frozen=True, kw_only=True)
class Article:
    name: str
    outlet: str
    body: str
    day: object
    gold: list[dict[str, object]]
    rules: list[dict[str, object]]
    readings: list[Reading]
    named: Counter[str]  # how often the gold sides are named in their sentence


def _codes(targets: object) -> list[str]:
    """A gold fact's targets as codes (the JSON gives a list of strings, or nothing)."""
    return [str(code) for code in targets] if isinstance(targets, list) else []


def _same(gold: dict[str, object], fact: Fact) -> int:
    """How well a rules' measure fits a gold fact of its kind, its sides left out."""
    rate = gold.get("rate")
    score = 2 if (rate is None and fact.rate is None) or (rate is not None and fact.rate == float(str(rate))) else 0
    return score + (1 if (gold.get("sector") or None) == fact.sector else 0)


def _examples(reading: Reading) -> list[Example]:
    targets = set(reading.gold.get("targets") or [])  # type: ignore[call-overload]
    everyone = Example(
        features=universal_features(reading.sentence, reading.mentions, reading.fact, reading.ctx),
        acts=False,
        hit=targets == {ANY},
    )
    parties = [
        Example(
            features=features(reading.sentence, reading.mentions, i, reading.fact, reading.ctx),
            acts=m.code == reading.gold.get("imposer"),
            hit=m.code in targets,
        )
        for i, m in enumerate(reading.mentions)
        if m.code != ANY  # the side "everyone" is the candidate of its own above
    ]
    return [everyone, *parties]


def load(folder: Path) -> list[Article]:
    """Read every labelled article: the rules' facts, and each measure read from a gold fact's sentence."""
    from monitor.extract import extract_facts
    from monitor.extract.gazetteer import find_mentions
    from monitor.extract.sentences import split_sentences

    articles = []
    for path, gold, day, body in labelled(folder):
        with using(None), recording() as record:
            rules = [f.to_dict() for f in extract_facts(body, day)]
        read = {sentence: (mentions, ctx, found) for sentence, mentions, ctx, found in record}
        texts = split_sentences(body)
        by_sentence: dict[int, list[dict[str, object]]] = {}
        named: Counter[str] = Counter()
        for fact in gold:
            if fact.get("kind") not in MEASURES:
                continue
            at = _aligned(str(fact.get("evidence") or ""), texts)
            kind = str(fact.get("kind"))
            named[f"{kind} gold"] += 1
            if at is None:
                named[f"{kind} evidence not found"] += 1
                continue
            by_sentence.setdefault(at, []).append(fact)
            codes = {m.code for m in find_mentions(texts[at])}
            named[f"{kind} imposer named"] += fact.get("imposer") in codes
            targets = set(_codes(fact.get("targets")))
            if targets == {ANY}:
                named[f"{kind} on everyone"] += 1
                named[f"{kind} everyone named"] += ANY in codes
            else:
                named[f"{kind} a target named"] += bool(targets & codes)
        readings = []
        for at, facts in by_sentence.items():
            mentions, ctx, found = read.get(texts[at], ([], {}, []))
            for rule_fact in found:
                same_kind = [g for g in facts if g.get("kind") == rule_fact.kind]
                if not same_kind or not mentions:
                    continue
                best = max(
                    same_kind,
                    key=lambda g, f=rule_fact: (_same(g, f), g.get("imposer") == f.imposer),  # type: ignore[misc]
                )
                readings.append(
                    Reading(sentence=texts[at], mentions=mentions, ctx=ctx, fact=rule_fact, gold=best, golds=facts)
                )
        articles.append(
            Article(
                name=path.name,
                outlet=outlet_of(path.name),
                body=body,
                day=day,
                gold=gold,
                rules=rules,
                readings=readings,
                named=named,
            )
        )
    if not articles:
        raise TrainingError(f"{folder}: no NAME.txt with a NAME.gold.json beside it")
    return articles


def _sides_right(reading: Reading, fact: Fact) -> tuple[bool, bool]:
    gold_targets = set(_codes(reading.gold.get("targets")))
    said = set(fact.targets)
    targets = (
        ("*" in gold_targets and "*" in said) if ("*" in gold_targets or "*" in said) else bool(gold_targets & said)
    )
    return fact.imposer == reading.gold.get("imposer"), targets


def _own(names: frozenset[str]) -> frozenset[str]:
    """The features without what the rules chose: the model's reading of the grammar alone."""
    return frozenset(n for n in names if not n.startswith(("rules", "u:rules")))


def _fit_model(train: list[Article], l2: float, own: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    examples = [e for a in train for r in a.readings for e in _examples(r)]
    if own:
        examples = [Example(features=_own(e.features), acts=e.acts, hit=e.hit) for e in examples]
    names = sorted({f for e in examples for f in e.features})

    class _Row:  # the shape `fit` expects: features and a label in `gold`
        def __init__(self, features: frozenset[str], gold: bool) -> None:
            self.features, self.gold = features, gold

    acts = fit([_Row(e.features, e.acts) for e in examples], names, l2)
    hit = fit([_Row(e.features, e.hit) for e in examples], names, l2)
    return acts, hit


@dataclass(frozen=True, kw_only=True)
class Oracle(Model):
    """An arbiter that knows the answers: each measure read from a gold fact's sentence gets its gold sides."""

    gold: dict[str, list[dict[str, object]]]  # sentence -> the gold measures it is the evidence of

    def decide(self, sentence: str, mentions: list[Mention], fact: Fact, ctx: dict[str, str | None]) -> Fact:
        same_kind = [g for g in self.gold.get(sentence, []) if g.get("kind") == fact.kind]
        if not same_kind:
            return fact
        best = max(same_kind, key=lambda g: (_same(g, fact), g.get("imposer") == fact.imposer))
        return replace(fact, imposer=str(best["imposer"]), targets=tuple(_codes(best.get("targets"))))


def _role(acts: bool, hit: bool) -> str:
    return "imposer" if acts else "target" if hit else "neither"


def _mention_roles(model: Model, reading: Reading, own: bool) -> Counter[str]:
    """Of the reading's parties (and the candidate "everyone"), how many the rules and the model give the gold
    role; and whether the model's own choice of imposer and targets is right."""
    counts: Counter[str] = Counter()
    gold_targets = set(_codes(reading.gold.get("targets")))
    acts: dict[str, float] = {}
    hit: dict[str, float] = {}
    for i, m in enumerate(reading.mentions):
        if m.code == ANY:
            continue
        names = features(reading.sentence, reading.mentions, i, reading.fact, reading.ctx)
        names = _own(names) if own else names
        gold = _role(m.code == reading.gold.get("imposer"), m.code in gold_targets)
        ruled = _role(m.code == reading.fact.imposer, m.code in reading.fact.targets)
        p_acts, p_hit = model.acting(names), model.hitting(names)
        acts[m.code], hit[m.code] = max(acts.get(m.code, 0.0), p_acts), max(hit.get(m.code, 0.0), p_hit)
        said = "imposer" if p_acts >= max(0.5, p_hit) else "target" if p_hit >= 0.5 else "neither"
        counts["mentions"] += 1
        counts["mentions rules"] += ruled == gold
        counts["mentions model"] += said == gold
    universal = universal_features(reading.sentence, reading.mentions, reading.fact, reading.ctx)
    p_all = model.hitting(_own(universal) if own else universal)
    counts["everyone rules"] += (reading.fact.targets == (ANY,)) == (gold_targets == {ANY})
    counts["everyone model"] += (p_all >= 0.5) == (gold_targets == {ANY})
    imposer = max(acts, key=lambda c: acts[c]) if acts and max(acts.values()) >= 0.5 else reading.fact.imposer
    targets = (
        (ANY,) if p_all >= 0.5 else tuple(c for c in hit if hit[c] >= 0.5 and c != imposer) or reading.fact.targets
    )
    right = _sides_right(reading, Fact(**{**reading.fact.__dict__, "imposer": imposer, "targets": targets}))
    counts["facts"] += 1
    counts["imposer rules"] += reading.fact.imposer == reading.gold.get("imposer")
    counts["imposer model"] += right[0]
    counts["targets rules"] += _sides_right(reading, reading.fact)[1]
    counts["targets model"] += right[1]
    return counts


def _extracted(article: Article) -> list[dict[str, object]]:
    from monitor.extract import extract_facts

    return [f.to_dict() for f in extract_facts(article.body, article.day)]  # type: ignore[arg-type]


def cross_validate(
    articles: list[Article], folds: int, l2: float, pair_up: PairUp, fixed: float | None, min_gain: float = 0.005
) -> tuple[float, list[str]]:
    """The threshold with the best mean F1 over held-out folds (or `fixed`; OFF when none gains), and the
    report lines."""
    split: list[list[Article]] = [[] for _ in range(folds)]
    for article in articles:
        split[fold_of(article.outlet, folds)].append(article)
    lines = [f"{folds} folds of whole outlets, L2 {l2}"]
    named: Counter[str] = sum((a.named for a in articles), Counter())
    lines.append("gold measures, and whether their sides are named in their evidence sentence:")
    for kind in ("tariff", "pause", "lift", "relief"):
        everyone, lost = named[f"{kind} on everyone"], named[f"{kind} evidence not found"]
        lines.append(
            f"  {kind:<7} {named[f'{kind} gold']:>4}: imposer named {named[f'{kind} imposer named']:>4}"
            f" (carried {named[f'{kind} gold'] - named[f'{kind} imposer named'] - lost});"
            f" on named countries {named[f'{kind} gold'] - everyone - lost},"
            f" one of them named {named[f'{kind} a target named']}; on everyone {everyone},"
            f" said so {named[f'{kind} everyone named']}; evidence not found {lost}"
        )
    examples = [e for a in articles for r in a.readings for e in _examples(r)]
    parties = [e for e in examples if not any(n.startswith("u:") for n in e.features)]
    lines.append(
        f"{sum(len(a.readings) for a in articles)} measures read by the rules from those sentences; their"
        f" {len(parties)} parties: acting {sum(e.acts for e in parties)}, hit {sum(e.hit for e in parties)},"
        f" neither {sum(not e.acts and not e.hit for e in parties)}"
    )
    thresholds = THRESHOLDS if fixed is None else (fixed,)
    sides: dict[float, list[Counter[str]]] = {t: [] for t in (OFF, *thresholds)}
    ends: dict[float, list[Score]] = {t: [] for t in (OFF, *thresholds)}
    held: dict[bool, list[Counter[str]]] = {False: [], True: []}
    for k, fold in enumerate(split):
        train = [a for i, f in enumerate(split) if i != k for a in f]
        acts, hit = _fit_model(train, l2)
        for own in (False, True):
            own_acts, own_hit = _fit_model(train, l2, own=True) if own else (acts, hit)
            pure = Model(acts=own_acts, hit=own_hit, threshold=0.5)
            held[own].append(sum((_mention_roles(pure, r, own) for a in fold for r in a.readings), Counter()))
        for t in (OFF, *thresholds):
            model = Model(acts=acts, hit=hit, threshold=t)
            counts: Counter[str] = Counter()
            for a in fold:
                for r in a.readings:
                    decided = decide(model, r.sentence, r.mentions, r.fact, r.ctx) if t != OFF else r.fact
                    imposer, targets = _sides_right(r, decided)
                    counts["read"] += 1
                    counts["imposer"] += imposer
                    counts["targets"] += targets
                    counts["both"] += imposer and targets
            sides[t].append(counts)
            if t == OFF:
                ends[t].append(scored(fold, [a.rules for a in fold], pair_up))
            else:
                with using(model):
                    ends[t].append(scored(fold, [_extracted(a) for a in fold], pair_up))
    for own, counts_per_fold in held.items():
        lines.append(f"held out, the model {'on grammar alone' if own else 'given the rules choice too'}:")
        for what in ("mentions", "everyone", "imposer", "targets"):
            per = "  ".join(f"{c[what + ' rules']}->{c[what + ' model']}" for c in counts_per_fold)
            total = sum(counts_per_fold, Counter())
            of = total["mentions"] if what == "mentions" else total["facts"]
            lines.append(
                f"  {what:<9} right, rules->model per fold: {per}  | all {total[what + ' rules']}->"
                f"{total[what + ' model']} of {of}"
            )
    for t in (OFF, *thresholds):
        label = "rules alone" if t == OFF else f"arbiter at {t}"
        per = "  ".join(f"{c['imposer']}/{c['targets']}/{c['both']} of {c['read']}" for c in sides[t])
        total = sum(sides[t], Counter())
        lines.append(
            f"{label:<15} imposer/targets/both right per fold: {per}  | all: imposer {total['imposer']},"
            f" targets {total['targets']}, both {total['both']} of {total['read']}"
        )
        f1s = "  ".join(f"{s.f1:.3f}" for s in ends[t])
        lines.append(f"{'':<15} F1 per fold {f1s}  mean {_mean(ends[t])}")
    oracle = Oracle(acts={}, hit={}, threshold=0.5, gold={r.sentence: r.golds for a in articles for r in a.readings})
    with using(oracle):
        perfect = [scored(fold, [_extracted(a) for a in fold], pair_up) for fold in split]
    lines.append(
        f"{'a perfect arbiter':<15} F1 per fold {'  '.join(f'{s.f1:.3f}' for s in perfect)}  mean {_mean(perfect)}"
    )
    best = fixed if fixed is not None else max(thresholds, key=lambda t: (round(_mean_f1(ends[t]), 4), t))
    if fixed is None and _mean_f1(ends[best]) < _mean_f1(ends[OFF]) + min_gain:
        lines.append(f"no threshold gains {min_gain} mean F1 over the rules alone: the model written overrules nothing")
        best = OFF
    else:
        lines.append(f"threshold chosen: {best}")
    return best, lines


def render(acts: dict[str, float], hit: dict[str, float], threshold: float, readings: int, articles: int) -> str:
    """The text of `roles_model.py`."""

    def table(weights: dict[str, float]) -> str:
        body = "".join(f"    {name!r}: {round(value, 3)!r},\n" for name, value in sorted(weights.items()))
        return "{" + ("\n" + body if body else "") + "}"

    if threshold == OFF:
        summary = (
            f"None ship: in cross-validation across outlets (the parties of {readings} measures read from gold facts'\n"
            f"sentences in {articles} labelled articles) no threshold did better than the rules alone (see\n"
            "docs/extract.md), so the threshold is out of reach and the arbiter overrules nothing."
        )
    else:
        summary = (
            f"Trained by tools/train_roles.py on the parties of {readings} measures read from gold facts'\n"
            f"sentences in {articles} labelled articles; the threshold was chosen by cross-validation across outlets."
        )
    return (
        '"""Weights of the party arbiter (see `monitor.extract.roles`); written by training, not by hand.\n\n'
        f'{summary}\n"""\n\n'
        "from __future__ import annotations\n\n"
        f"ACTS: dict[str, float] = {table(acts)}\n"
        f"HIT: dict[str, float] = {table(hit)}\n"
        f"THRESHOLD = {threshold}\n"
    )


def main(argv: list[str] | None = None) -> int:
    """Train, report, and write the model; the exit status says whether it could."""
    parser = trainer_parser(__doc__, default_out=DEFAULT_OUT, l2=2.0, min_outlets=False)
    args = parser.parse_args(argv)
    ready = prepared("train_roles", args, lambda _pair_up: load(args.corpus))
    if ready is None:
        return 2
    pair_up, articles = ready
    outlets = len({a.outlet for a in articles})
    readings = sum(len(a.readings) for a in articles)
    if too_few("train_roles", args, outlets, bool(readings), "gold measures"):
        return 2
    print(f"{len(articles)} articles, {outlets} outlets, {readings} measures read from gold facts' sentences")
    threshold, lines = cross_validate(articles, args.folds, args.l2, pair_up, args.threshold, args.min_gain)
    print("\n".join(lines))
    acts, hit = ({}, {}) if threshold == OFF else _fit_model(articles, args.l2)
    if not args.dry_run:
        text = render(pruned(acts, args.prune), pruned(hit, args.prune), threshold, readings, len(articles))
        write_model(args.out, text)
        print(f"wrote {args.out} ({len(acts)} + {len(hit)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
