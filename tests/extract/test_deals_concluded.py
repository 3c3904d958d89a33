"""Talks ended on an agreement and an agreement's signing named by the noun are deals; every item of a list of
sides met "with" is a partner; a deal in a gerund phrase opening the sentence is the main subject's. All
sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _agreements(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.kind, f.imposer, f.targets) for f in facts_of(text) if f.kind in {"negotiation", "deal"}]


def test_talks_finished_or_completed_on_an_agreement_are_a_deal() -> None:
    for sentence in (
        "Kenya and Norway have now finished their lengthy negotiations on a partnership agreement.",
        "Kenya and Norway completed their talks on a free trade pact on Friday.",
        "Kenya announced on Friday that it has completed its FTA negotiations with Norway.",
    ):
        assert _agreements(sentence) == [("deal", "KE", ("NO",))], sentence


def test_a_round_of_talks_completed_is_talks_not_a_deal() -> None:
    text = "Kenya completed the third round of talks on a trade pact with Norway on Friday."
    assert _agreements(text) == [("negotiation", "KE", ("NO",))]


def test_talks_only_meant_to_end_on_an_agreement_are_no_deal() -> None:
    for sentence in (
        "Kenya and Norway hope to conclude talks on a trade pact by June.",
        "Kenya and Norway have not finished talks on the trade pact.",
    ):
        assert [k for k, _i, _t in _agreements(sentence) if k == "deal"] == [], sentence


def test_the_signing_of_an_agreement_set_in_the_past_is_a_deal() -> None:
    for sentence in (
        "Kenyan tea sales have tripled since the signing of the Kenya-Norway Trade Agreement (KNTA).",
        "The two premiers witnessed the signing of a Kenya-Norway trade pact in Oslo.",
    ):
        assert _agreements(sentence) == [("deal", "KE", ("NO",))], sentence


def test_a_signing_still_to_come_or_only_pushed_for_is_no_deal() -> None:
    for sentence in (
        "Kenyan ministers will fly to Oslo ahead of the signing of the Kenya-Norway trade pact.",
        "Kenya will keep lobbying for the drafting and signing of trade pacts with Norway.",
    ):
        assert [k for k, _i, _t in _agreements(sentence) if k == "deal"] == [], sentence


def test_every_item_of_a_list_met_with_is_a_partner() -> None:
    # With no side named before the list, none of its items is the one that acts.
    text = "Talks with Peru, Chile and Ecuador opened in Washington on Monday."
    [(kind, imposer, targets)] = _agreements(text)
    assert kind == "negotiation"
    assert imposer not in {"PE", "CL", "EC"}
    assert set(targets) >= {"PE", "CL", "EC"}


def test_a_deal_in_an_opening_gerund_phrase_is_the_main_subjects() -> None:
    text = "After announcing trade pacts with Peru, Chile and Ecuador, Norway signed a deal with Kenya on Monday."
    # Pacts in the plural are one per partner (x17): each partner's pact is its own deal.
    assert _agreements(text) == [
        ("deal", "NO", ("PE",)),
        ("deal", "NO", ("CL",)),
        ("deal", "NO", ("EC",)),
        ("deal", "NO", ("KE",)),
    ]
    text = "After signing a trade pact with Peru, Norway raised its tariff on Kenyan tea to 20%."
    assert ("deal", "NO", ("PE",)) in _agreements(text)
