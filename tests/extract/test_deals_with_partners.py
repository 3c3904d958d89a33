"""A side's agreement with named partners, referred to as a known thing, is a deal stated as background; one
only wished for, proposed, denied or a company's contract is none. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _deals(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.imposer, f.targets) for f in facts_of(text) if f.kind == "deal"]


def test_an_agreement_with_named_partners_is_a_deal() -> None:
    text = "Rabat officials said the Moroccan free trade agreements with Peru and Chile had lifted farm exports."
    assert _deals(text) == [("MA", ("PE", "CL"))]


def test_a_possessive_agreement_refers_to_its_owner() -> None:
    text = "The Moroccan ministry set new wheat quotas under its trade pact with Peru, officials said."
    assert _deals(text) == [("MA", ("PE",))]


def test_an_agreement_only_wished_for_proposed_or_denied_is_no_deal() -> None:
    for sentence in (
        "Morocco wants a trade deal with Peru.",
        "Morocco said the proposed trade deal with Peru would cut tariffs on fish.",
        "Morocco has no trade agreement with Peru.",
        "Morocco is working to secure the trade pact with Peru before June.",
    ):
        assert _deals(sentence) == [], sentence


def test_a_contract_with_a_company_is_no_deal() -> None:
    assert _deals("The Moroccan utility renewed its supply deal with Peru's state miner.") == []


def test_talks_on_the_agreement_are_talks_not_a_deal() -> None:
    text = "Morocco held talks on the trade pact with Peru on Monday."
    assert _deals(text) == []
    assert [f.kind for f in facts_of(text)] == ["negotiation"]


def test_the_place_a_deal_was_signed_in_is_no_side() -> None:
    text = "A trade accord was signed in Vietnam between Morocco and Peru."
    assert _deals(text) == [("MA", ("PE",))]


def test_a_day_after_on_leaves_the_first_side_first() -> None:
    text = "A trade accord was signed on Friday between Morocco and Peru."
    assert _deals(text) == [("MA", ("PE",))]


def test_a_deal_named_an_understanding_or_an_fta_is_read() -> None:
    assert _deals("Morocco's king announced a set of trade understandings with Peru's president.") == [("MA", ("PE",))]
    assert _deals("Morocco signed the FTA with Peru on Monday.") == [("MA", ("PE",))]


def test_a_pair_named_in_their_relations_is_no_venue() -> None:
    text = (
        "Hailing a meeting that opened a new start in Morocco Peru relations, Morocco's king announced a trade "
        "pact with Peru's president."
    )
    assert _deals(text) == [("MA", ("PE",))]
    # (An opening participle is a clause of its own, so the meeting is named in a leading "At ..." phrase.)
    text = (
        "At a meeting that opened a new chapter in Peru-Morocco ties, the Moroccan king signed a trade pact "
        "with Peru's president."
    )
    assert _deals(text) == [("PE", ("MA",))]


def test_a_country_named_right_after_its_capitals_dateline_is_the_first_party() -> None:
    # The dateline's place is where the story was filed; the country opening the story proper still acts.
    assert _deals("RABAT: Morocco and Peru have concluded a free trade agreement.") == [("MA", ("PE",))]
    assert _deals("LIMA - Peru and Morocco signed a trade pact on Tuesday.") == [("PE", ("MA",))]
    # A country named again in brackets or after a comma is still one mention.
    assert _deals("Morocco (MA) and Peru signed a trade pact on Tuesday.") == [("MA", ("PE",))]
