"""The command line shared by the trainers of the switched-off models (proposer, party and kind arbiters)."""

from __future__ import annotations

import argparse
from pathlib import Path


def trainer_parser(doc: str | None, *, default_out: Path, l2: float, min_outlets: bool) -> argparse.ArgumentParser:
    """A parser with the corpus, cross-validation, threshold and output options every trainer takes.

    `l2` is the trainer's default penalty; `min_outlets` adds `--min-outlets` for the trainers whose features are
    words (a word seen at fewer outlets is left out, so no model learns one outlet's phrasing).
    """
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder of NAME.txt articles with NAME.gold.json answers")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds of whole outlets (default 5)")
    parser.add_argument("--l2", type=float, default=l2, help=f"L2 penalty on the weights (default {l2})")
    if min_outlets:
        parser.add_argument("--min-outlets", type=int, default=3, help="outlets a word must be seen at (default 3)")
    parser.add_argument("--threshold", type=float, help="use this threshold instead of choosing one")
    parser.add_argument(
        "--min-gain",
        type=float,
        default=0.005,
        help="mean F1 a threshold must gain over the rules alone to be chosen (default 0.005, about one fact a fold)",
    )
    parser.add_argument("--prune", type=float, default=0.02, help="drop weights nearer 0 than this (default 0.02)")
    parser.add_argument("--scorer", type=Path, help="score_extraction.py, whose pair_up is used for matching")
    parser.add_argument("--out", type=Path, default=default_out, help="where to write the model")
    parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    return parser


def bad_arguments(args: argparse.Namespace) -> str | None:
    """What is wrong with the cross-validation options every trainer takes, or None."""
    if args.folds < 2 or args.l2 <= 0:
        return "--folds must be 2 or more and --l2 above 0"
    return None


def write_model(out: Path, text: str) -> None:
    """Write a model module all or nothing: a half-written model is never imported."""
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
