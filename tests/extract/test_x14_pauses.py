"""Round 14 (pauses, lifts, reliefs): removals that are only wished for, imagined or of something else, and
the pauses and reliefs news names in plain words."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of, only


@pytest.mark.parametrize(
    "sentence",
    [
        # What ought to happen is an opinion or a demand; no tariff is removed.
        "The duties on Chilean wine need to be repealed to save the vineyards, the growers' lobby said.",
        "Peru should scrap its tariffs on Chilean copper, the senator wrote.",
        "Both sides must remove the same share of their levies at once, Lima's envoy stressed.",
        # The object of the verb is the firm's plan; the tariff is only its cause.
        "A Peruvian winery scrapped those plans entirely due to the new Chilean duties on wine.",
        # Goods going to a market are not going to become free of duty: a state of trade, no change.
        "Under the pact, all Peruvian exports going to Chile are duty-free.",
        # A cut imagined as a source of gains, and the participle of what an agreement would do.
        "Chile would still gain from lowering its tariffs to zero, whatever Peru does.",
        "The new accord would cover half of the region's trade, cutting or eliminating tariffs on most goods.",
    ],
)
def test_a_removal_wished_for_imagined_or_of_another_thing_is_no_lift(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not only(facts, "lift"), facts


def test_a_move_summed_up_after_the_goods_is_not_one_of_them() -> None:
    # "a move that ..." is an apposition about the whole act, not goods of no sector lifted besides copper and wine.
    facts = facts_of(
        "Two weeks ago Peru lifted its duties on Chilean copper and wine, a move that eased tensions in the region."
    )
    assert sorted(str(f.sector) for f in only(facts, "lift")) == ["agriculture", "copper"]


def _sides(sentence: str, kind: str = "pause") -> set[tuple[str, tuple[str, ...]]]:
    return {(f.imposer, f.targets) for f in only(facts_of(sentence), kind)}


@pytest.mark.parametrize(
    "sentence",
    [
        # A trade war held is a truce: each side holds off its tariffs on the other (contract: two pauses).
        "Peru and Chile have put their trade war on hold.",
        'The trade war between Peru and Chile is "on hold," the minister said.',
        # A rise of tariffs both promise to hold off, as with "agreed not to impose".
        "Peru and Chile agreed not to raise tariffs on each other's goods.",
        # A meal is a meeting: the city it is held in is a venue, not a side of the truce.
        "Peru's president and Chile's president dined together in Buenos Aires and agreed to a 60-day trade truce.",
    ],
)
def test_a_truce_in_plain_words_gives_a_pause_per_side(sentence: str) -> None:
    assert _sides(sentence) == {("PE", ("CL",)), ("CL", ("PE",))}


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile agreed to shelve plans to impose new tariffs on Peruvian copper.",
        "Chile reached a deal with Peru to avert imposing 10 percent duties on Peruvian wine.",
        "Chile's plan to impose a 10 percent duty on Peruvian wine came to a halt on Friday.",
    ],
)
def test_a_planned_tariff_put_aside_or_prevented_is_a_pause(sentence: str) -> None:
    facts = facts_of(sentence)
    assert _sides(sentence) == {("CL", ("PE",))}
    assert not only(facts, "tariff"), facts  # the paused tariff is the pause's, not a fact of its own


def test_the_day_a_paused_tariff_was_to_begin_is_not_when_the_pause_ends() -> None:
    facts = only(
        facts_of(
            "Chile reached a deal with Peru to avert imposing 10 percent duties on Peruvian wine beginning on Monday."
        ),
        "pause",
    )
    assert [(f.rate, f.until) for f in facts] == [(10, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        # A pause noun as the name given to something states no pause.
        "Lima's press described the deal with Chile as a truce on tariffs.",
        # The tariffs are the subject of a copula, not the head of "extension of".
        "Peru's new duties are an extension of its old policy.",
    ],
)
def test_a_pause_word_that_names_or_describes_is_no_pause(sentence: str) -> None:
    assert not _sides(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # An intention denied, a purpose, an application: no exemption is granted.
        "Lima said the president is not planning on exempting any Chilean goods from the 20% duty.",
        "The aim will be for Peru to exempt Chilean wine from its duties.",
        "Chilean firms that have applied for exclusions from Peru's 20% steel tariff are still waiting.",
        # "Offset by" weighs one thing against another; no duty is made up for.
        "The jobs gained from the lower Peruvian tariffs are offset by jobs lost elsewhere.",
        # "excluding Chile" leaves a party out of a count, which is no relief of its own.
        "Peru's 20% duties would hit $3 billion of trade, excluding Chile and Bolivia.",
    ],
)
def test_an_exemption_not_granted_is_no_relief(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not only(facts, "relief"), facts


def test_a_passive_relief_after_a_tariff_is_granted_by_the_side_taxing() -> None:
    # The main clause's subject answers with duties of its own; the exemptions narrow the tariff just before them.
    facts = facts_of(
        "Peru answered with duties on Chilean fruit after Chile imposed tariffs on copper from all countries, "
        "though exemptions were later offered to Bolivia and Ecuador."
    )
    reliefs = only(facts, "relief")
    assert reliefs and {f.imposer for f in reliefs} == {"CL"}, facts


def test_sides_spared_from_the_tariffs_do_not_hide_the_tariffs_referred_back_to() -> None:
    facts = facts_of(
        "Chile imposed a 25% tariff on copper in May. Lima welcomed Chile's decision to exempt Peru and Bolivia "
        "from the tariffs."
    )
    assert [f.sector for f in only(facts, "relief")] == ["copper"]


def test_the_two_sides_of_a_truce_are_read_as_surely_as_each_other() -> None:
    # Each side pauses on the other: where one side is known, so is the other.
    facts = only(
        facts_of("Peru imposed duties on Chilean wine in May. “The consensus then was to not raise tariffs,” he said."),
        "pause",
    )
    assert {(f.imposer, f.targets) for f in facts} == {("PE", ("CL",)), ("CL", ("PE",))}
    assert len({f.confidence for f in facts}) == 1, facts


def test_a_promise_not_to_tax_while_talks_go_on_is_a_pause() -> None:
    facts = facts_of(
        "Chile will not impose new tariffs on Peru as the two neighbours restart trade talks, the minister said."
    )
    assert {(f.imposer, f.targets) for f in only(facts, "pause")} == {("CL", ("PE",))}


def test_goods_named_after_the_speaker_of_a_pause_are_not_paused() -> None:
    facts = facts_of(
        "Chile will not impose new duties on Peru as talks resume, Chile's minister said, signaling a pause that had "
        "worried wine growers."
    )
    assert [f.sector for f in only(facts, "pause")] == [None]


@pytest.mark.parametrize(
    "sentence",
    [
        # The power to grant an exemption is not one granted.
        "Lima's new decree on the duties would give the minister the flexibility to approve exemptions for Chile.",
        # An exemption in a question or a clause of what would be.
        "Peru raised its tariffs without saying which countries would be subject to them, and which exempt.",
        "Chilean exporters voiced concerns about Peru's tariffs and the process by which exemptions would be granted.",
    ],
)
def test_an_exemption_only_made_possible_is_no_relief(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not only(facts, "relief"), facts


def test_exclusions_to_the_tariffs_refer_back_to_the_tariff_stated() -> None:
    # "to the tariffs" names the tariff excluded from as "from the tariffs" does: its goods and the sides it hit.
    facts = facts_of(
        "Peru imposed a 25% tariff on copper from all countries in May. Chile and Peru held talks on the duty in "
        "June. The few firms that have received exclusions to the tariffs are pleased."
    )
    assert [(f.imposer, f.targets, f.sector) for f in only(facts, "relief")] == [("PE", ("*",), "copper")]
