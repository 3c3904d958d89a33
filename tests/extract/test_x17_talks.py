"""Talks and deals (round x17, part `talks`): who the sides are where the clause names none, which talks and
deals are read and which are not. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _agreements(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.kind, f.imposer, f.targets) for f in facts_of(text) if f.kind in {"negotiation", "deal"}]


def test_an_agreement_renegotiated_is_a_deal_concluded() -> None:
    # The past tense says the new terms were settled: a deal.
    assert _agreements("Canada renegotiated a new trade deal with Mexico last year.") == [("deal", "CA", ("MX",))]


def test_an_agreement_to_be_renegotiated_or_only_hoped_for_is_no_deal() -> None:
    # The bare verb after a wish, or the perfect after a forecast, reaches nothing yet; a loan is no trade deal.
    for sentence in (
        "Canada hopes to renegotiate a new trade deal with Mexico.",
        "Canada is expected to have renegotiated a trade deal with Mexico by May.",
        "Canada renegotiated the terms of a loan with Mexico.",
    ):
        assert _agreements(sentence) == [], sentence
