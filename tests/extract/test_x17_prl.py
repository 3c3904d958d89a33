"""Pauses, reliefs and lifts (x17-prl): who is spared, what is handed out, and what is no removal. All sentences
here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _spared(text: str) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    return [(f.kind, f.imposer, f.targets, f.sector) for f in facts_of(text) if f.kind in {"relief", "lift", "pause"}]


def _pauses(text: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    return [
        (f.imposer, f.targets, f.until.isoformat() if f.until else None) for f in facts_of(text) if f.kind == "pause"
    ]


def test_the_sides_listed_as_getting_exemptions_are_spared_even_with_others_left_open() -> None:
    # The base form after a modal ("will get") gets as "gets" does, and "and others" closes the list of sides
    # that get it: all of them are spared, the owner of the tariff grants it.
    assert _spared("Peru, Chile and others will get temporary exemptions from the US steel tariffs.") == [
        ("relief", "US", ("PE", "CL"), "steel")
    ]
    assert _spared("Peru and Chile would receive exemptions from the US steel tariffs.") == [
        ("relief", "US", ("PE", "CL"), "steel")
    ]


def test_sides_listed_with_others_as_acting_still_act() -> None:
    # "and others" closes a list of subjects of any verb: only a verb of receiving makes them the side spared.
    facts = [(f.kind, f.imposer) for f in facts_of("Peru, Chile and others will impose tariffs on US steel.")]
    assert ("tariff", "PE") in facts and ("tariff", "CL") in facts
    assert all(kind != "relief" for kind, _side in facts)


def test_exemptions_handed_to_named_sides_narrow_the_tariff_just_stated() -> None:
    # With no tariff word of their own, exemptions granted (passive) or provided (active) to named sides speak of
    # the measure of the sentence before: its owner, its goods.
    for second in (
        "Exemptions have since been granted to Peru and Chile.",
        "The White House then provided temporary exemptions for Peru and Chile.",
    ):
        text = "Washington imposed a 25% tariff on steel. " + second
        assert ("relief", "US", ("PE", "CL"), "steel") in _spared(text), second


def test_exemptions_asked_for_denied_or_offered_are_not_handed_out() -> None:
    for second in (
        "Peru and Chile have asked for exemptions.",
        "Exemptions were not granted to Peru and Chile.",
        "The White House never provided exemptions for Peru and Chile.",
        "Exemptions have since been sought by Peru and Chile.",
    ):
        assert _spared("Washington imposed a 25% tariff on steel. " + second) == [], second


def test_a_verb_of_removal_whose_object_is_not_the_tariff_lifts_nothing() -> None:
    # The object is a person named by a stance on the tariffs; a verb used with no object reacts to them.
    for sentence in (
        "The resignation removed a fierce opponent of the tariffs on Chinese steel from the cabinet.",
        "Canadian stocks dropped in response to the US tariffs on steel.",
    ):
        assert [f for f in facts_of(sentence) if f.kind == "lift"] == [], sentence


def test_a_tariff_removed_in_response_to_something_is_still_lifted() -> None:
    for sentence in (
        "The US removed the tariffs on Canadian steel in response to the deal.",
        "The tariffs on Canadian steel were dropped in response to the deal.",
        "The US removed a portion of the tariffs on Canadian steel.",
    ):
        assert _spared(sentence) == [("lift", "US", ("CA",), "steel")], sentence


def test_relief_felt_is_no_relief_of_a_tariff() -> None:
    for text in (
        "Exporters greeted the tariff cut with relief.",
        "Peru cut its tariff on Chilean wine to 5%. Exporters greeted the cut with great relief.",
    ):
        assert [f for f in facts_of(text) if f.kind == "relief"] == [], text


def test_relief_given_with_its_tariff_named_is_still_relief() -> None:
    assert _spared("The deal provided Canadian exporters with relief from the US steel tariffs.") == [
        ("relief", "US", ("CA",), "steel")
    ]


def test_a_ceasefire_in_a_trade_war_is_a_truce_of_both_sides() -> None:
    for text in (
        "Peru and Chile agreed to a ceasefire in their trade dispute.",
        "Peru and Chile agreed to a trade ceasefire on Monday.",
        "Peru and Chile held trade talks in Lima on Monday. The two leaders reached a ceasefire on Tuesday.",
    ):
        assert [(i, t) for i, t, _until in _pauses(text)] == [("PE", ("CL",)), ("CL", ("PE",))], text


def test_a_ceasefire_of_arms_pauses_no_tariff() -> None:
    # Not said to be in a trade war, and not between the sides of the article's trade talks.
    for text in (
        "Israel and Lebanon agreed to a ceasefire, as tariffs on Chinese steel rose.",
        "Peru and Chile held trade talks in Lima on Monday. Israel and Lebanon agreed to a ceasefire, as tariffs rose.",
    ):
        assert _pauses(text) == [], text
