"""The reading rules of issue 3, each on sentences we wrote: rates, sectors, parties, status, dedup."""

from __future__ import annotations

import datetime as dt

from tests.extract.conftest import PUBLISHED, facts_of, only


def test_raised_from_to_gives_one_fact_at_the_new_rate_keeping_the_old() -> None:
    facts = only(facts_of("Washington raised the tariff on Turkish steel from 10% to 25% on Monday."), "tariff")
    assert [(f.rate, f.previous_rate, f.sector) for f in facts] == [(25, 10, "steel")]


def test_cut_to_from_order() -> None:
    facts = only(facts_of("The deal cuts U.S. tariffs on Swiss watches to 12% from 31%."), "tariff")
    assert [(f.rate, f.previous_rate) for f in facts] == [(12, 31)]


def test_doubled_to_and_per_cent_spelling() -> None:
    [fact] = only(facts_of("Trump doubled the levy on Indian shrimp to 40 per cent."), "tariff")
    assert fact.rate == 40


def test_baseline_rate_targets_everyone() -> None:
    [fact] = only(facts_of("A 10 percent baseline tariff now applies to imports from all trading partners."), "tariff")
    assert (fact.rate, fact.targets) == (10, ("*",))


def test_several_rates_in_a_list_keep_their_own_sectors() -> None:
    text = "The order sets a 15% tariff on trucks, a 40% tariff on copper and a 5% tariff on timber from Peru."
    got = {(f.sector, f.rate) for f in only(facts_of(text), "tariff")}
    assert got == {("autos", 15), ("copper", 40), ("lumber", 5)}


def test_car_words_are_autos_and_parts_are_auto_parts() -> None:
    for words in ("cars", "vehicles", "automobiles", "carmakers' exports"):
        [fact] = only(facts_of(f"The White House imposed a 30% tariff on Korean {words}."), "tariff")
        assert fact.sector == "autos", words
    [parts] = only(facts_of("The White House imposed a 30% tariff on Korean auto parts."), "tariff")
    assert parts.sector == "auto_parts"


def test_steel_and_aluminum_are_two_facts() -> None:
    facts = only(facts_of("Mexico imposed 20 percent tariffs on U.S. steel and aluminum on Thursday."), "tariff")
    assert sorted(f.sector or "" for f in facts) == ["aluminum", "steel"]
    assert all((f.imposer, f.targets, f.rate) == ("MX", ("US",), 20) for f in facts)


def test_a_package_of_many_goods_has_no_sector() -> None:
    [fact] = only(
        facts_of("Brussels imposed 25% duties on American steel, bourbon and a range of other products."), "tariff"
    )
    assert fact.sector is None
    assert fact.imposer == "EU"


def test_gazetteer_forms_of_the_same_country() -> None:
    for phrase in ("Japanese products", "goods from Japan", "imports from Tokyo's exporters"):
        facts = only(facts_of(f"The administration imposed a 14% tariff on {phrase}."), "tariff")
        assert facts and facts[0].targets == ("JP",), phrase


def test_retaliatory_tariff_is_a_tariff_by_the_retaliating_side() -> None:
    facts = only(facts_of("Beijing retaliated with a 10% tariff on American crude oil."), "tariff")
    assert [(f.imposer, f.targets, f.sector) for f in facts] == [("CN", ("US",), "energy")]


def test_pause_leaving_a_lower_rate_in_force_gives_both() -> None:
    text = (
        "The 46 percent tariff on Cambodian goods was paused for 90 days, "
        "leaving a 10 percent baseline tariff in place."
    )
    facts = facts_of(text)
    pauses, tariffs = only(facts, "pause"), only(facts, "tariff")
    assert [p.rate for p in pauses] == [46]
    assert [t.rate for t in tariffs] == [10]


def test_a_paused_tariff_is_not_also_a_tariff() -> None:
    facts = facts_of("The United States suspended its 30 percent tariff on Colombian flowers.")
    assert [f.kind for f in facts] == ["pause"]


def test_a_mutual_truce_is_two_pauses() -> None:
    facts = only(facts_of("Washington and Beijing extended their tariff truce until November 10."), "pause")
    assert {(f.imposer, f.targets) for f in facts} == {("US", ("CN",)), ("CN", ("US",))}


def test_a_repeated_statement_is_one_fact() -> None:
    text = (
        "Trump imposed a 35% tariff on Canadian lumber. Analysts said it would hurt builders. "
        "The 35% tariff on Canadian lumber was imposed by Trump, officials said."
    )
    facts = only(facts_of(text), "tariff")
    assert len(facts) == 1


def test_a_later_more_precise_statement_replaces_a_vague_one() -> None:
    text = "The U.S. paused tariffs on Chilean copper. The pause on Chilean copper tariffs runs until May 1."
    [pause] = only(facts_of(text), "pause")
    assert pause.until is not None and (pause.until.month, pause.until.day) == (5, 1)


def test_two_meetings_on_two_days_are_two_negotiations() -> None:
    text = (
        "Japan's negotiator met with U.S. officials on March 3 for talks on autos. "
        "The Japanese negotiator held a second round of talks with U.S. officials on March 10."
    )
    assert len(only(facts_of(text), "negotiation")) == 2


def test_talks_inside_a_deal_sentence_are_not_a_negotiation() -> None:
    facts = facts_of("After months of talks, Vietnam and the United States signed a trade agreement on Friday.")
    assert [f.kind for f in facts] == ["deal"]


def test_legal_authority_is_kept() -> None:
    [fact] = only(facts_of("Commerce announced Section 232 tariffs of 25% on imported trucks."), "tariff")
    assert fact.authority == "section_232"


def test_a_participle_clause_shares_the_subject() -> None:
    facts = only(facts_of("The European Union hit back on Monday, approving duties of 30% on U.S. whiskey."), "tariff")
    assert [(f.imposer, f.targets, f.rate) for f in facts] == [("EU", ("US",), 30)]


def test_coordinated_subjects_act_as_the_first_named() -> None:
    facts = facts_of("Seoul and Washington agreed to hold off on the tariffs for another 30 days.")
    assert [(f.kind, f.imposer) for f in facts] == [("pause", "KR")]
    # A promise of no new tariffs made together is each side's.
    facts = facts_of("Seoul and Washington agreed to hold off on new tariffs for another 30 days.")
    assert [(f.kind, f.imposer) for f in facts] == [("pause", "KR"), ("pause", "US")]


def test_withdrawal_is_by_the_subject_of_quit() -> None:
    [fact] = only(facts_of("Argentina quit the regional trade agreement, a move criticised by Chile."), "withdrawal")
    assert fact.imposer == "AR"


def test_a_deal_signed_on_a_day_is_a_deal() -> None:
    facts = facts_of("Peru will cut tariffs on U.S. wheat to zero under the agreement signed on Monday.")
    assert {f.kind for f in facts} == {"deal", "lift"}


def test_a_rate_kept_while_another_is_suspended() -> None:
    facts = facts_of("Beijing will suspend its 24% extra tariff on U.S. goods for a year while keeping a 10% levy.")
    [pause] = only(facts, "pause")
    [kept] = only(facts, "tariff")
    assert (pause.imposer, pause.rate) == ("CN", 24)
    assert pause.until == PUBLISHED + dt.timedelta(days=365)
    assert (kept.imposer, kept.rate, kept.status) == ("CN", 10, "in_effect")


def test_a_speaker_reporting_is_not_the_imposer_but_it_would_is() -> None:
    [reported] = only(facts_of("Modi said that Indian exports will face a 20% tariff in the United States."), "tariff")
    assert (reported.imposer, reported.targets) == ("US", ("IN",))
    [own] = only(facts_of("Ottawa said it would impose a 20% tariff on U.S. dairy."), "tariff")
    assert own.imposer == "CA"


def test_an_office_after_its_country_acts_for_that_country() -> None:
    [fact] = only(facts_of("Indonesia's trade ministry imposed a 12 per cent duty on Chinese steel."), "tariff")
    assert (fact.imposer, fact.targets, fact.sector, fact.rate) == ("ID", ("CN",), "steel", 12)


def test_suspended_countermeasures_are_a_pause_by_their_owner() -> None:
    [fact] = only(facts_of("The EU suspended its countermeasures against U.S. bourbon until March 31."), "pause")
    assert (fact.imposer, fact.targets) == ("EU", ("US",))
    assert fact.until is not None and (fact.until.month, fact.until.day) == (3, 31)


def test_status_follows_the_effective_date() -> None:
    text = "The 18% tariff on Thai rice started on February 1. A 22% tariff on Thai shrimp starts on May 1."
    statuses = {f.rate: f.status for f in only(facts_of(text), "tariff")}
    assert statuses == {18: "in_effect", 22: "announced"}


def test_a_pause_said_to_end_on_a_day_is_a_fact_even_when_its_extension_is_open() -> None:
    text = "Officials said it was up to the president whether to extend the truce with China that expires on June 9."
    pauses = only(facts_of(text), "pause")
    assert {(p.imposer, p.targets) for p in pauses} == {("US", ("CN",)), ("CN", ("US",))}
    assert all(p.until is not None and (p.until.month, p.until.day) == (6, 9) for p in pauses)


def test_talks_with_many_partners_target_everyone() -> None:
    [fact] = only(
        facts_of("The White House said it held productive discussions with many trading partners."), "negotiation"
    )
    assert (fact.imposer, fact.targets) == ("US", ("*",))


def test_coordinated_parties_that_face_a_tariff_are_both_targets() -> None:
    [fact] = only(facts_of("Chile and Peru both face 12% tariffs under their deals with the United States."), "tariff")
    assert (fact.imposer, set(fact.targets), fact.rate) == ("US", {"CL", "PE"}, 12)


def test_other_goods_elsewhere_in_the_sentence_do_not_erase_a_sector() -> None:
    facts = only(
        facts_of("Tariffs on Canadian potash were set at 10%, lower than the 35% rate on other goods."), "tariff"
    )
    assert {f.rate for f in facts} == {10, 35}


def test_a_tariff_that_rose_is_a_fact_but_exports_that_rose_are_not() -> None:
    [fact] = only(facts_of("The duty on Korean washing machines rose to 30% on Monday."), "tariff")
    assert fact.rate == 30
    assert facts_of("Korean exports of washing machines rose 30% on Monday.") == []


def test_weighing_a_tariff_is_a_threat() -> None:
    [fact] = only(facts_of("The White House is weighing a 25% tariff on imported chips."), "tariff")
    assert (fact.status, fact.sector) == ("threatened", "semiconductors")


def test_a_quoted_doubt_does_not_hide_the_threat_reported_next() -> None:
    text = 'Trump said, "I doubt we will reach an agreement with Peru" and noted, "We could impose 30% or 35% tariffs."'
    assert {f.rate for f in only(facts_of(text), "tariff")} == {30, 35}


def test_a_clause_without_subject_after_but_shares_the_parties() -> None:
    text = "Washington raised tariffs on Peruvian goods to 20 percent in May, but has exempted copper cathodes."
    facts = facts_of(text)
    [relief] = only(facts, "relief")
    assert (relief.imposer, relief.targets) == ("US", ("PE",))


def test_the_same_rate_announced_and_later_in_force_are_two_facts() -> None:
    text = (
        "On Monday Trump announced an extra 25 percent tariff on Brazil. "
        "The original 25 percent levy on Brazilian imports came into effect on August 1."
    )
    facts = only(facts_of(text, dt.date(2031, 8, 20)), "tariff")
    assert sorted(f.status or "" for f in facts) == ["announced", "in_effect"]


def test_the_same_tariff_takes_the_rate_stated_before() -> None:
    text = (
        "Ottawa announced a 27% tariff on U.S. pork on Friday. "
        "Two days earlier, the White House had imposed the same tariff on all Canadian lumber."
    )
    facts = only(facts_of(text), "tariff")
    assert {(f.imposer, f.rate) for f in facts} == {("CA", 27), ("US", 27)}


def test_from_a_country_is_not_a_start_date() -> None:
    [fact] = only(facts_of("Beijing announced a 15% tariff on all goods imported from the U.S. on Friday."), "tariff")
    assert fact.effective is None
    [later] = only(facts_of("Beijing's 15% tariff on U.S. goods applies from April 2."), "tariff")
    assert later.effective is not None and (later.effective.month, later.effective.day) == (4, 2)
