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


def test_talks_going_on_in_the_progressive_or_under_negotiation() -> None:
    # The progressive with a phrase before the gerund, the gerund of "renegotiate", a pact "under negotiation"
    # and progress being made in talks all say the talks are going on (not a deal, not nothing).
    for sentence in (
        "Kenya is in the middle of renegotiating its trade agreement with Uganda.",
        "Kenyan officials said Kenya and Uganda are hard at work negotiating a new trade pact.",
        "A trade pact between Kenya and Uganda is under negotiation.",
        "Kenya's president said good progress was being made in trade talks with Uganda.",
    ):
        assert _agreements(sentence) == [("negotiation", "KE", ("UG",))], sentence


def test_negotiating_as_an_adjective_or_progress_on_another_subject_is_no_talks() -> None:
    # "Negotiating powers" names an authority, not talks held; progress on the budget is no trade talks.
    for sentence in (
        "Kenya's parliament voted on fast-track negotiating powers for the president.",
        "Kenya's president said progress was being made on the budget, and Uganda agreed.",
    ):
        assert _agreements(sentence) == [], sentence


def test_an_agreement_named_in_full_or_by_its_acronym_as_the_object_of_negotiating() -> None:
    # A name of four words before the noun, or the acronym alone, is still the object of the gerund.
    assert _agreements("Chile is in the middle of renegotiating the North Pacific Free Trade Agreement with Peru.") == [
        ("negotiation", "CL", ("PE",))
    ]
    assert _agreements("Canada is renegotiating NAFTA with Mexico.") == [("negotiation", "CA", ("MX",))]


def test_negotiating_naming_a_team_is_no_talks_with_the_agreement_named_later() -> None:
    assert _agreements("Chile's negotiating team briefed reporters on the North Pacific Free Trade Agreement.") == []


def test_a_plain_new_round_of_trade_talks_between_two_named_sides_is_their_own_talks() -> None:
    # No forum is named: the round is the two sides' own, not a multilateral one with everyone.
    assert _agreements("Kenya and Uganda agreed on Monday to hold a new round of trade talks in Nairobi.") == [
        ("negotiation", "KE", ("UG",))
    ]


def test_a_new_round_of_global_trade_talks_stays_multilateral() -> None:
    # A round of global talks, or one side alone with a plain round, keeps every member as the other side.
    assert _agreements("Kenya joined the new round of global trade talks in Geneva.") == [("negotiation", "KE", ("*",))]
    assert _agreements("Kenya's envoy said the new round of trade talks will test the WTO's rules.") == [
        ("negotiation", "KE", ("*",))
    ]


def test_agreements_in_the_plural_with_several_partners_are_one_deal_each() -> None:
    # "Agreements" with three partners are three agreements; "an agreement" with three is one.
    assert sorted(_agreements("Kenya signed free trade agreements with Chile, Peru and Japan last year.")) == [
        ("deal", "KE", ("CL",)),
        ("deal", "KE", ("JP",)),
        ("deal", "KE", ("PE",)),
    ]
    assert _agreements("Kenya signed a free trade agreement with Chile, Peru and Japan last year.") == [
        ("deal", "KE", ("CL", "PE", "JP"))
    ]


def test_a_plural_deal_noun_deep_in_another_object_is_not_split() -> None:
    # The verb's object is the opposition, not the deals: whatever is read, it is not one deal per partner.
    found = _agreements("Kenya's president made his opposition to trade deals with Chile and Peru a campaign theme.")
    assert len(found) <= 1
