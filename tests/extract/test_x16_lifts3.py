"""Lifts and reliefs read only where the text states one: a removal or exemption demanded, offered on a
condition, only possible, refused, or a cut to a rate above zero is none; stated ones still are. All sentences
here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _freed(text: str) -> list[tuple[str, str, str | None, float | None]]:
    return [(f.kind, f.imposer, f.sector, f.rate) for f in facts_of(text) if f.kind in {"lift", "relief"}]


def test_a_removal_pressed_for_or_insisted_on_is_a_demand() -> None:
    # Pressing or insisting asks for the measure; the mandative "that ... be removed" says what is wanted.
    for sentence in (
        "Farm groups are pushing for the removal of Chinese tariffs on American soybeans.",
        "Beijing insists that all US tariffs on Chinese goods be removed before any deal is signed.",
        "Unions insisted on the repeal of the tariffs on Canadian lumber.",
    ):
        assert _freed(sentence) == [], sentence


def test_a_that_clause_with_a_modal_or_a_tense_still_states_the_removal() -> None:
    # Only the bare "be" of the subjunctive is a wish; "will be", "had been" report the act.
    assert _freed("Officials said that the tariffs on Mexican steel will be removed next month.") == [
        ("lift", "US", "steel", None)
    ]
    assert _freed("China confirmed that tariffs on US soybeans had been removed.") == [
        ("lift", "CN", "agriculture", None)
    ]


def test_a_removal_offered_or_waiting_on_a_condition_is_no_lift() -> None:
    # "to zero" states the removal, but the verb bringing the rate there is only offered; "only when/after" and a
    # deal with the indefinite article (none made yet) make the act wait on something still to happen.
    for sentence in (
        "India offered to cut its tariffs on American motorcycles to zero.",
        "China promised to remove tariffs on US farm goods once a deal is reached.",
        "The EU will drop its duties on US bourbon only when Washington ends its steel tariffs.",
        "Canada will scrap its surtax on US ketchup only after the steel tariffs are gone.",
        "Japan will lift its tariffs on US beef once an agreement is signed.",
        "The US will remove the tariffs on Chinese goods as soon as a deal is struck.",
    ):
        assert _freed(sentence) == [], sentence


def test_a_removal_timed_by_a_deal_made_is_still_a_lift() -> None:
    # The definite deal exists: the clause after it tells when the removal came, not what it waits on.
    assert _freed("China removed tariffs on US farm goods once the deal took effect.") == [
        ("lift", "CN", "agriculture", None)
    ]
    assert _freed("The EU cut its duty on US lobster to zero after the deal was signed.") == [
        ("lift", "EU", "agriculture", None)
    ]


def test_a_removal_or_exemption_only_possible_or_talked_about_is_none() -> None:
    # What is said of the noun ("is on the table", "is being discussed") or the frame before the verb ("looking
    # at", "open to", "a chance") makes it an idea, not an act.
    for sentence in (
        "The removal of tariffs on Chinese goods is on the table, officials said.",
        "The repeal of the tariffs on Mexican tomatoes is being discussed.",
        "Relief from the steel tariffs for Australia is possible.",
        "Officials are looking at removing the tariffs on Canadian lumber.",
        "There is a chance the duties on Brazilian sugar will be lifted.",
        "Washington is open to lifting the tariffs on Mexican steel.",
    ):
        assert _freed(sentence) == [], sentence


def test_a_removal_named_as_a_noun_and_said_to_be_done_is_a_lift() -> None:
    # The predicate reports the act; a possibility stated of another subject after "and" is not the removal's.
    assert _freed("The repeal of the duties on Canadian steel was announced on Friday.") == [
        ("lift", "US", "steel", None)
    ]
    assert _freed("The US exempted Japanese cars from the steel tariffs, and more exemptions are possible.") == [
        ("relief", "US", "autos", None)
    ]


def test_a_removal_or_exemption_held_back_by_a_frame_of_refusal_is_none() -> None:
    # The frame governs the verb from further off than "not": reluctance, no hurry, no sign, stopping short.
    for sentence in (
        "Washington is in no hurry to remove its duties on Canadian steel.",
        "Beijing has shown no sign of lifting the duties on Australian barley.",
        "The president has little appetite for scrapping the tariffs on Chinese goods.",
        "Ottawa is reluctant to exempt US dairy from the surtax.",
        "Tokyo balked at removing its tariffs on US rice.",
        "The White House stopped short of lifting the tariffs on Chinese goods.",
        "China is unwilling to eliminate its duties on US soybeans.",
    ):
        assert _freed(sentence) == [], sentence


def test_a_refusal_coordinated_before_a_removal_does_not_deny_it() -> None:
    # "and" opens a statement of its own: the rebuff is of the demands, the removal is done.
    assert _freed("Beijing rebuffed the critics and lifted its duties on Australian barley.") == [
        ("lift", "CN", "agriculture", None)
    ]
    assert _freed("Washington wasted no time in removing its duties on Canadian steel.") == [
        ("lift", "US", "steel", None)
    ]


def _rated(text: str) -> list[tuple[str, str, float | None]]:
    return [(f.kind, f.imposer, f.rate) for f in facts_of(text)]


def test_a_verb_of_removal_that_brings_a_tariff_to_a_rate_above_zero_changes_it() -> None:
    # A lift is a tariff removed or cut to zero (contract); "dropped ... to 7.5%" leaves one at the new rate.
    assert _rated("The US dropped the tariff on Chinese goods to 7.5%.") == [("tariff", "US", 7.5)]
    assert _rated("Washington rolled back the tariffs on Chinese goods to 7.5 percent.") == [("tariff", "US", 7.5)]
    assert _rated("China dropped its tariffs on US cars from 40% to 15%.") == [("tariff", "CN", 15.0)]
    assert _rated("Trump lifted tariffs on Chinese goods to 25% from 10%.") == [("tariff", "US", 25.0)]


def test_a_removal_to_zero_or_of_rates_up_to_one_is_still_a_lift() -> None:
    # "to zero" removes; "up to 15%" is the top of the rates removed; a rate after a comma is another statement.
    assert _freed("China dropped its tariffs on US cars to zero.") == [("lift", "CN", "autos", None)]
    assert _freed("Peru will lift its duties of up to 15% on Chilean wine from Monday.") == [
        ("lift", "PE", "agriculture", 15.0)
    ]
    assert _freed("Canada removed the 10% surtax on US whiskey, leaving a 5% duty in place.") == [
        ("lift", "CA", "agriculture", 10.0)
    ]


def test_a_removal_hinted_at_pictured_or_waiting_on_talks_is_none() -> None:
    # "any removal ... depends on", "is contingent on": the act waits on something; "hinted at", "envisages":
    # only pictured.
    for sentence in (
        "Any removal of the tariffs on Mexican steel depends on the migration talks.",
        "The removal of the tariffs on Mexican steel is contingent on a migration deal.",
        "An exemption for Canadian steel hinges on the talks.",
        "China hinted at removing the tariffs on US pork.",
        "The plan envisages scrapping duties on US farm goods.",
    ):
        assert _freed(sentence) == [], sentence


def test_a_removal_decided_is_still_a_lift() -> None:
    # A decision taken is the act announced, whatever is said of it afterwards.
    assert _freed("Canada's decision to drop its surtax on US whiskey was welcomed.") == [
        ("lift", "CA", "agriculture", None)
    ]


def test_a_relief_word_in_a_sense_that_narrows_no_tariff_is_none() -> None:
    # Relief as a feeling, a rally or aid to those hurt; "eased" with no object; "offset" of a harm; shut out of
    # a market; an exemption of no one.
    for sentence in (
        "Farmers hurt by the trade war received $12 billion in relief from the USDA.",
        "The administration announced a relief package for farmers hurt by the tariffs on soybeans.",
        "Markets breathed a sigh of relief after China delayed the tariffs on US cars.",
        "Stocks staged a relief rally as tensions over the tariffs eased.",
        "Tensions eased after Washington and Beijing agreed to talks on the tariffs.",
        "The tariffs on Chinese goods offset gains from the tax cut.",
        "The Fed cut rates to offset the drag from the tariffs.",
        "Exporters excluded from the Chinese market by the tariffs turned to Europe.",
        "The steel tariffs exclude no country.",
    ):
        assert _freed(sentence) == [], sentence


def test_a_relief_word_that_narrows_a_tariff_is_still_a_relief() -> None:
    # The tariff is what is exempted from, offset or relieved.
    assert _freed("The US exempted Canadian steel from the tariffs.") == [("relief", "US", "steel", None)]
    assert _freed("Ottawa will offset the duties paid by Canadian steelmakers on US steel.") == [
        ("relief", "CA", "steel", None)
    ]
    assert _freed("Importers will be refunded the duties paid on Chinese steel.") == [("relief", "US", "steel", None)]


def test_the_side_that_wins_relief_or_exemptions_without_an_article_is_spared() -> None:
    # As with "won an exemption": the winner is the side hit, the owner of the tariff grants it.
    assert _freed("Canada won relief from the US steel tariffs.") == [("relief", "US", "steel", None)]
    assert _freed("Mexico received exemptions from the US steel tariffs.") == [("relief", "US", "steel", None)]


def test_a_removal_said_to_be_untrue_taken_back_or_only_an_opinion_is_none() -> None:
    # Denied as false, a decision reversed, an idea named as such, or a view on whether to do it.
    for sentence in (
        "Reports that China had lifted its tariffs on US soybeans were false.",
        "Trump falsely claimed China had removed its tariffs on US farm goods.",
        "Trump reversed his decision to lift the tariffs on Chinese goods.",
        "The idea of removing the tariffs on Canadian steel gained support.",
        "It would be wrong to remove the tariffs on Chinese steel.",
    ):
        assert _freed(sentence) == [], sentence


def test_a_removal_confirmed_or_done_after_a_change_of_course_is_a_lift() -> None:
    # "and" makes the reversal a statement of its own; a report confirmed states the act.
    assert _freed("Trump reversed course and lifted the tariffs on Mexican steel.") == [("lift", "US", "steel", None)]
    assert _freed("Reports that China had lifted its tariffs on US soybeans were confirmed.") == [
        ("lift", "CN", "agriculture", None)
    ]


def test_what_is_said_of_a_removal_is_not_more_goods_removed() -> None:
    # The goods list after "on" ends where the predicate begins; "farmers and exporters" are not goods lifted.
    assert _freed(
        "The removal of the tariffs on Mexican steel took effect on Monday, and more depends on the talks."
    ) == [("lift", "US", "steel", None)]
    assert _freed(
        "The removal of the tariffs on Canadian lumber was announced on Friday and welcomed by builders."
    ) == [("lift", "US", "lumber", None)]


def test_goods_of_a_sector_listed_with_goods_of_none_are_still_a_package_besides() -> None:
    # A list mixing a sector's goods with others is lifted as a package as well (unchanged).
    assert ("lift", "CN", None, None) in _freed("China lifted tariffs on US pork and aircraft parts.")


def test_a_removal_or_exemption_hedged_as_likely_is_a_forecast() -> None:
    # "likely", "probably" before the verb say what may come, not what was done.
    for sentence in (
        "Trump said Australia would likely be exempted from the tariffs.",
        "China will probably remove its tariffs on US pork next month.",
    ):
        assert _freed(sentence) == [], sentence


def test_a_removal_stated_without_a_hedge_is_a_lift() -> None:
    assert _freed("China will remove its tariffs on US pork next month.") == [("lift", "CN", "agriculture", None)]


def test_a_removal_thought_of_waited_for_or_welcomed_in_advance_is_none() -> None:
    # Thinking about it, counting or waiting on it, or saying one would welcome it: the act is still to come.
    for sentence in (
        "Trump said he was thinking about removing the tariffs on Mexican steel.",
        "Farmers are counting on the removal of the tariffs on US soybeans.",
        "Farmers are waiting for the removal of the tariffs on US soybeans.",
        "Tokyo would welcome the removal of US tariffs on Japanese cars.",
    ):
        assert _freed(sentence) == [], sentence


def test_a_removal_welcomed_after_it_was_done_is_a_lift() -> None:
    # The past "welcomed" reacts to an act done.
    assert _freed("Farmers welcomed the removal of the tariffs on US soybeans by China.") == [
        ("lift", "CN", "agriculture", None)
    ]


def test_an_exemption_from_a_tax_or_rule_named_in_the_compound_is_no_relief() -> None:
    # "tax-exempt" spares a tax, not a tariff, even beside one.
    for sentence in (
        "Tax-exempt bonds rallied as the tariffs on Chinese goods took effect.",
        "The company's tax-exempt status was unaffected by the steel tariffs.",
    ):
        assert _freed(sentence) == [], sentence


def test_a_duty_exemption_is_still_a_relief() -> None:
    assert _freed("The US granted a duty exemption to Canadian steel from the tariffs.") == [
        ("relief", "US", "steel", None)
    ]
