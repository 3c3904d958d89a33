"""Pauses, lifts, reliefs and talks, and the day a pause ends, in constructions general English uses for them."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.dates import find_dates, find_duration
from tests.extract.conftest import PUBLISHED, facts_of, only


def _until(sentence: str, published: dt.date = PUBLISHED) -> dt.date | None:
    [pause] = only(facts_of(sentence, published), "pause")
    return pause.until


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chile suspended its duties on Argentine wheat until the end of the year.", dt.date(2031, 12, 31)),
        ("Norway extended the pause on tariffs for Icelandic salmon through year-end.", dt.date(2031, 12, 31)),
        ("Peru paused tariffs on Bolivian textiles until the end of 2033.", dt.date(2033, 12, 31)),
        ("Kenya deferred the new duties on Ugandan sugar until mid-2032.", dt.date(2032, 7, 1)),
        ("India postponed its levies on Australian coal until the end of the month.", dt.date(2031, 3, 31)),
    ],
)
def test_a_pause_ends_at_a_part_of_a_year(sentence: str, expected: dt.date) -> None:
    assert _until(sentence) == expected


def test_a_span_of_two_dates_ends_on_the_second() -> None:
    sentence = "Turkey suspended duties on Georgian hazelnuts from 4 February 2032 to 3 February 2033."
    assert _until(sentence) == dt.date(2033, 2, 3)
    assert _until("Canada paused its tariffs on US lumber between April 4 and June 30.") == dt.date(2031, 6, 30)


def test_more_months_count_as_months() -> None:
    assert find_duration("the quota system stays for 12 more months") is not None
    until = _until("Egypt extended the suspension of tariffs on Sudanese cattle for 12 more months.")
    assert until is not None and abs((until - dt.date(2032, 3, 12)).days) <= 2


def test_a_bare_year_after_until_or_through() -> None:
    [until] = find_dates("The quota stays until 2040.", PUBLISHED)
    [through] = find_dates("The quota stays through 2040.", PUBLISHED)
    assert (until.value, through.value) == (dt.date(2040, 1, 1), dt.date(2040, 12, 31))
    assert find_dates("Exports rose 4% in 2030.", PUBLISHED) == []


def test_the_month_may_is_not_a_modal_verb() -> None:
    [pause] = only(facts_of("In May 2029, Japan suspended duties and quotas on Thai rice."), "pause")
    assert (pause.imposer, pause.targets) == ("JP", ("TH",))
    assert only(facts_of("Japan may suspend duties on Thai rice."), "pause") == []


def test_goods_given_as_examples_of_items_are_a_package() -> None:
    sentence = "Chile abolished 212 small tariffs on products such as bicycles, cheese graters and laptops."
    lifts = only(facts_of(sentence), "lift")
    assert [(f.imposer, f.sector) for f in lifts] == [("CL", None)]


def test_a_lift_on_goods_of_a_sector_and_of_none_is_a_package_and_the_sector() -> None:
    sentence = "Under the accord, Canada will lift tariffs on Peruvian copper cathodes, glassware and pottery."
    assert {(f.imposer, f.targets, f.sector) for f in only(facts_of(sentence), "lift")} == {
        ("CA", ("PE",), None),
        ("CA", ("PE",), "copper"),
    }
    # A list of one kind of goods is that sector alone.
    [lift] = only(facts_of("Korea will remove its tariffs on Chilean wine, beef and salmon."), "lift")
    assert (lift.imposer, lift.targets, lift.sector) == ("KR", ("CL",), "agriculture")


def test_zero_tariff_joined_by_a_non_breaking_hyphen() -> None:
    sentence = "India will implement zero\u2011tariff treatment for imports from Nepal from January 1, 2033."
    [lift] = only(facts_of(sentence), "lift")
    assert (lift.imposer, lift.targets) == ("IN", ("NP",))


def test_a_phone_call_between_officials_is_talks() -> None:
    [talks] = only(
        facts_of("Mexico's economy minister held a phone call with Canadian trade officials."), "negotiation"
    )
    assert {talks.imposer, *talks.targets} == {"MX", "CA"}
    [talks] = only(
        facts_of("Japan's trade minister spoke by phone with the Korean trade minister on Monday."), "negotiation"
    )
    assert {talks.imposer, *talks.targets} == {"JP", "KR"}
    assert talks.effective == dt.date(2031, 3, 10)  # "by phone" is a means, not a deadline: the last Monday
    assert only(facts_of("The French president spoke with reporters about tariffs on Friday."), "negotiation") == []


def test_talks_measured_in_hours_took_place() -> None:
    sentence = "Speaking after three hours of talks in Ottawa, the Japanese and Canadian trade ministers said so."
    [talks] = only(facts_of(sentence), "negotiation")
    assert {talks.imposer, *talks.targets} == {"JP", "CA"}
    # Talks only as the background of something else are not a fact of their own.
    assert only(facts_of("After months of talks, Peru and Chile said tariffs would fall."), "negotiation") == []


def test_goods_taken_off_a_tariff_list_are_a_relief() -> None:
    sentence = "Peru removed alpaca wool from the list of Bolivian goods facing retaliatory tariffs."
    facts = facts_of(sentence)
    assert [(f.kind, f.imposer, f.targets) for f in facts] == [("relief", "PE", ("BO",))]
    text = (
        "Brazil will impose 15% tariffs on 80 kinds of Argentine goods. "
        "The trade ministry later struck 40 goods off a previously published list."
    )
    [relief] = only(facts_of(text), "relief")
    assert (relief.imposer, relief.targets) == ("BR", ("AR",))
    assert only(facts_of("The ministry removed the report from its website after tariffs rose."), "relief") == []


def test_a_pause_pushed_to_a_day_ends_that_day() -> None:
    published = dt.date(2031, 6, 28)
    sentence = "Ottawa again delayed the duties on Chinese cranes, pushing them back to July 15."
    assert _until(sentence, published) == dt.date(2031, 7, 15)
    sentence = "Seoul postponed its levies on Japanese steel, moving the deadline to Aug. 3."
    assert _until(sentence, published) == dt.date(2031, 8, 3)


def test_a_day_named_before_the_clause_that_says_the_pause_ends() -> None:
    published = dt.date(2031, 6, 20)
    sentence = "Chile would face a 30% duty unless it signed a deal by July 3, when the tariff truce with the US ends."
    pauses = only(facts_of(sentence, published), "pause")
    assert pauses and {p.until for p in pauses} == {dt.date(2031, 7, 3)}


def test_a_year_said_in_words_after_the_day() -> None:
    [this_year] = find_dates("The levy on rice was suspended until March 31 of this year.", PUBLISHED)
    [next_year] = find_dates("It stays until 15 January of next year.", PUBLISHED)
    assert (this_year.value, next_year.value) == (dt.date(2031, 3, 31), dt.date(2032, 1, 15))


def test_a_length_counts_from_the_day_it_starts() -> None:
    assert _until("Mexico will suspend its tariffs on Brazilian pork for 90 days starting April 1.") == dt.date(
        2031, 6, 30
    )
    until = _until("The suspension of Indian duties on US almonds will last six months from May 1.")
    assert until is not None and abs((until - dt.date(2031, 11, 1)).days) <= 3


def test_put_on_hold_and_frozen_are_pauses() -> None:
    [held] = only(facts_of("The EU has put its countermeasures on US bourbon on hold until June 30."), "pause")
    assert (held.imposer, held.targets, held.until) == ("EU", ("US",), dt.date(2031, 6, 30))
    [frozen] = only(facts_of("Indonesia has frozen its planned 20% duty on Malaysian palm oil."), "pause")
    assert (frozen.imposer, frozen.targets, frozen.rate) == ("ID", ("MY",), 20)
    # Kept at the level they are is a standstill, not a pause.
    assert only(facts_of("Canada froze its tariffs on US goods at current levels."), "pause") == []


def test_talks_on_hold_are_not_talks_held() -> None:
    assert only(facts_of("Talks between Korea and Japan on steel tariffs are on hold."), "negotiation") == []


def test_a_tariff_expiring_at_the_end_of_a_year() -> None:
    [tariff] = only(facts_of("Egypt's 10% tariff on Turkish steel will expire at the end of 2032."), "tariff")
    assert tariff.until == dt.date(2032, 12, 31)


def test_a_relief_from_a_tariff_on_two_kinds_of_goods_is_two_reliefs() -> None:
    text = "Both Chile and Peru were exempted from the 25% steel and aluminum levies in 2031."
    facts = only(facts_of(text), "relief")
    assert {(f.sector, f.rate) for f in facts} == {("steel", 25), ("aluminum", 25)}
    assert {t for f in facts for t in f.targets} == {"CL", "PE"}
    # The goods spared are those named before "from", not the goods of the tariff they are spared from.
    [relief] = only(facts_of("The US exempted cars from the tariffs on Korean steel."), "relief")
    assert relief.sector == "autos"


def test_the_side_that_grants_an_exemption_gives_it() -> None:
    [relief] = only(facts_of("The EU granted an exemption to Norwegian salmon from its anti-dumping duties."), "relief")
    assert (relief.imposer, relief.targets, relief.sector) == ("EU", ("NO",), "agriculture")
    [relief] = only(facts_of("Mexico has been granted a 30-day exemption from the US tariffs."), "relief")
    assert (relief.imposer, relief.targets) == ("US", ("MX",))


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway will be exempt from the 12% tariff on salmon, Brussels said.",
        "Norway remains exempt from the 12% tariff on salmon.",
        "Norway is largely exempt from the 12% tariff on salmon.",
    ],
)
def test_a_country_said_to_be_exempt_is_the_one_spared(sentence: str) -> None:
    # After a copula "exempt" is an adjective, like "exempted": its subject is spared, not the side that taxes.
    [relief] = only(facts_of(sentence), "relief")
    assert relief.imposer != "NO"
    assert (relief.targets, relief.sector, relief.rate) == (("NO",), "agriculture", 12)


@pytest.mark.parametrize(
    ("sentence", "spared"),
    [
        ("Ottawa set a 12% duty on all imports from Peru, excluding copper and lumber.", {"copper", "lumber"}),
        ("Ottawa set a 12% duty on every Peruvian good except for copper.", {"copper"}),
        ("Ottawa's new 12% duty will apply to Peruvian goods other than copper.", {"copper"}),
    ],
)
def test_goods_left_out_of_a_tariff_are_a_relief_not_the_goods_taxed(sentence: str, spared: set[str]) -> None:
    facts = facts_of(sentence)
    assert {(f.imposer, f.targets, f.sector, f.rate) for f in only(facts, "relief")} == {
        ("CA", ("PE",), sector, 12) for sector in spared
    }
    # The tariff is on everything else: the goods spared are not its goods.
    assert [(f.sector, f.rate) for f in only(facts, "tariff")] == [(None, 12)]


def test_a_party_left_out_of_a_tariff_is_no_relief_and_later_rates_are_still_read() -> None:
    assert only(facts_of("Ottawa set a 12% duty on all imports, except those from Peru."), "relief") == []
    facts = facts_of("Ottawa set a 12% duty on Peruvian goods other than copper, which faces 30%.")
    assert {f.rate for f in only(facts, "tariff")} == {12, 30}


@pytest.mark.parametrize(
    "sentence",
    [
        "Lima's 18% tariff will not apply to Chilean copper.",
        "Lima's new duties of 18% do not cover copper from Chile.",
        "Chilean copper is not subject to Lima's 18% tariff.",
    ],
)
def test_goods_a_tariff_does_not_apply_to_are_a_relief_not_a_tariff(sentence: str) -> None:
    facts = facts_of(sentence)
    assert [(f.imposer, f.targets, f.sector, f.rate) for f in only(facts, "relief")] == [("PE", ("CL",), "copper", 18)]
    assert only(facts, "tariff") == []


def test_a_tariff_that_would_not_apply_on_a_condition_is_no_relief() -> None:
    assert only(facts_of("Lima said its 18% tariff would not apply to Chile if talks succeed."), "relief") == []


def test_a_meeting_named_by_its_purpose_is_talks() -> None:
    [talks] = only(
        facts_of("Trade ministers from Korea and Japan will meet in Seoul next week to discuss tariffs."), "negotiation"
    )
    assert {talks.imposer, *talks.targets} == {"KR", "JP"}
    assert only(facts_of("Analysts met in London to discuss the tariffs."), "negotiation") == []


def test_concluded_negotiations_on_an_agreement_are_a_deal() -> None:
    [deal] = only(facts_of("Indonesia and the EU have concluded negotiations on a partnership agreement."), "deal")
    assert {deal.imposer, *deal.targets} == {"ID", "EU"}
    # A round of talks brought to its end is talks held, not a deal.
    facts = facts_of("Negotiators from India and the UK concluded the fourth round of talks on a trade agreement.")
    assert only(facts, "deal") == [] and len(only(facts, "negotiation")) == 1


def test_leaving_a_bloc_and_losing_preferences_are_withdrawals() -> None:
    [left] = only(facts_of("Argentina will leave the Mercosur trade bloc."), "withdrawal")
    assert (left.imposer, left.targets) == ("AR", ("*",))
    assert only(facts_of("Chile left the talks on the trade deal."), "withdrawal") == []
    [lost] = only(facts_of("Ghana's GSP benefits were suspended by the United States."), "withdrawal")
    assert (lost.imposer, lost.targets) == ("US", ("GH",))
    [removed] = only(facts_of("Lesotho was removed from AGOA eligibility."), "withdrawal")
    assert (removed.imposer, removed.targets) == ("US", ("LS",))


def test_a_pause_said_to_end_on_a_day_is_stated_without_a_tariff_word() -> None:
    text = "Chile set tariffs on Peruvian goods. The 60-day pause, which began on May 2, was due to expire on July 1."
    [pause] = only(facts_of(text), "pause")
    assert pause.until == dt.date(2031, 7, 1)


def test_zeroed_tariffs_are_lifted() -> None:
    [lift] = only(facts_of("Ecuador zeroed import tariffs on Colombian rice."), "lift")
    assert (lift.imposer, lift.targets, lift.sector) == ("EC", ("CO",), "agriculture")


def test_talks_by_video_led_or_entered_into() -> None:
    sentences = [
        "Mexico's economy minister held a videoconference with Canadian trade officials.",
        "Chinese Vice Premier Liu will lead a delegation to Brussels for talks with EU officials.",
        "Kenya and the US entered into talks on a free trade agreement last year.",
    ]
    for sentence in sentences:
        assert len(only(facts_of(sentence), "negotiation")) == 1, sentence


def test_ending_a_pause_or_an_exemption_is_neither_a_pause_nor_a_lift() -> None:
    for sentence in [
        "Peru ended the tariff pause for Chile on Wednesday.",
        "Canada lifted its suspension of duties on Korean steel.",
    ]:
        kinds = {f.kind for f in facts_of(sentence)}
        assert not kinds & {"pause", "lift", "relief"}, sentence
    # The exemption is gone: the tariff it narrowed is what the sentence states.
    facts = facts_of("India removed the exemption on Australian almonds from its 10% tariff.")
    assert [(f.kind, f.imposer, f.targets, f.rate) for f in facts] == [("tariff", "IN", ("AU",), 10)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Santiago ended duty-free access for Bolivian sugar on Tuesday.",
        "Santiago announced the end of its duty-free regime for Bolivian sugar.",
    ],
)
def test_ending_duty_free_access_is_the_tariff_applying_again_not_a_lift(sentence: str) -> None:
    facts = facts_of(sentence)
    assert [(f.kind, f.imposer, f.targets, f.sector) for f in facts] == [("tariff", "CL", ("BO",), "agriculture")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The duty on Korean fridges has dropped by 30 percent and will be removed entirely by 2034.",
        "Peru's tariff on Chilean apples fell by 20 percent this year and will be scrapped next year.",
    ],
)
def test_the_size_of_a_fall_is_not_the_rate_a_lift_removes(sentence: str) -> None:
    [lift] = only(facts_of(sentence), "lift")
    assert lift.rate is None


def test_a_cut_after_a_removal_is_a_tariff_on_its_own_goods_not_a_lift() -> None:
    facts = facts_of("Chile removed duties on imported medicine and lowered tariffs on cars to 4 percent.")
    assert [(f.kind, f.sector, f.rate) for f in facts] == [("lift", "pharmaceuticals", None), ("tariff", "autos", 4)]
    facts = facts_of("Peru scrapped its duty on wine last year and then reduced tariffs on trucks.")
    assert [(f.kind, f.sector) for f in facts] == [("lift", "agriculture"), ("tariff", "autos")]
    # A second cut that goes all the way to zero is a removal too.
    facts = facts_of("Peru removed tariffs on wine and cut tariffs on cars to zero.")
    assert {f.kind for f in facts} == {"lift"}


@pytest.mark.parametrize(
    ("sentence", "imposer", "target"),
    [
        ("Bolivian quinoa can now enter Peru tariff-free.", "PE", "BO"),
        ("Olive oil from Tunisia enters Canada duty-free from next month.", "CA", "TN"),
        ("Kenyan tea, which used to pay an 8 percent duty, now enters Egypt duty-free.", "EG", "KE"),
    ],
)
def test_goods_that_enter_a_country_duty_free_are_let_in_by_that_country(
    sentence: str, imposer: str, target: str
) -> None:
    [lift] = only(facts_of(sentence), "lift")
    assert (lift.imposer, lift.targets) == (imposer, (target,))


@pytest.mark.parametrize(
    ("sentence", "rate"),
    [
        ("Colombian rice faces a 12% duty, with a 40% tariff charged once the quota is filled.", 40),
        ("Chile charges a 6 percent duty on Argentine beef, and 30 percent if the quota is exceeded.", 30),
        ("Imports of Kenyan sugar above the quota pay a 55% tariff.", 55),
    ],
)
def test_a_rate_charged_beyond_a_quota_is_a_relief_at_that_rate(sentence: str, rate: float) -> None:
    reliefs = only(facts_of(sentence), "relief")
    assert [r.rate for r in reliefs] == [rate]
    # The quota is the relief; the rates stay tariffs of their own.
    assert any(f.kind == "tariff" for f in facts_of(sentence))


def test_tariff_free_access_for_some_goods_narrows_the_tariff_kept() -> None:
    sentence = "Japan keeps its 15% tariff on imports while granting zero-tariff access for certain Peruvian goods."
    [relief] = only(facts_of(sentence), "relief")
    assert (relief.imposer, relief.targets, relief.rate) == ("JP", ("PE",), 15)


def test_zero_duty_within_a_quota_is_a_relief_not_a_lift() -> None:
    facts = facts_of("Tariffs on Moroccan tomatoes within the quota are set at zero.")
    assert [f.kind for f in facts] == ["relief"]
    assert facts[0].sector == "agriculture"
    # Without a limit, zero-tariff access for all goods removes the tariff.
    assert "relief" not in {f.kind for f in facts_of("Ghana granted zero-tariff access to all Togolese goods.")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing is putting pressure on Washington to ease the duties on its chips.",
        "Farm groups are pressing Ottawa to exempt potash from the duties.",
        "Carmakers pushed Brussels to grant an exclusion from the steel levies.",
    ],
)
def test_pressing_someone_to_grant_a_relief_is_no_relief(sentence: str) -> None:
    assert only(facts_of(sentence), "relief") == []


def test_a_relief_beside_a_stated_tariff_carries_its_rate() -> None:
    text = "Peru raised duties on Chilean wine to 18 percent in 2029, but has exempted bottles sold in bulk."
    [relief] = only(facts_of(text), "relief")
    assert (relief.imposer, relief.targets, relief.rate) == ("PE", ("CL",), 18)
    # Two rates: which one is narrowed is not said.
    text = "Peru set duties of 9 and 18 percent on Chilean wine, but has exempted bottles sold in bulk."
    assert [r.rate for r in only(facts_of(text), "relief")] == [None]


@pytest.mark.parametrize(
    "sentence",
    [
        "Bolivia will no longer charge the 8% duty on Peruvian onions.",
        "Bolivia will stop applying its 8% tariff on Peruvian onions from July.",
    ],
)
def test_a_side_that_stops_charging_a_tariff_lifts_it(sentence: str) -> None:
    assert [(f.kind, f.imposer, f.targets, f.rate) for f in facts_of(sentence)] == [("lift", "BO", ("PE",), 8)]


def test_a_zero_tariff_deal_foreseen_to_help_is_no_lift() -> None:
    sentence = "Lula said the zero-tariff pact would surely give new chances to Paraguayan growers."
    assert not only(facts_of(sentence), "lift")


def test_a_decimal_rate_does_not_end_the_object_of_a_lift() -> None:
    facts = facts_of("Korea will eliminate its 26.5% tariff on Chilean grapes.")
    assert [(f.kind, f.imposer, f.targets, f.rate) for f in facts] == [("lift", "KR", ("CL",), 26.5)]


def test_a_lift_that_leaves_a_rate_in_force_gives_the_lift_and_that_tariff() -> None:
    facts = facts_of("Chile removed the 8% surcharge on Peruvian grapes, leaving a 6% duty in place.")
    assert sorted((f.kind, f.imposer, f.targets, f.rate) for f in facts) == [
        ("lift", "CL", ("PE",), 8),
        ("tariff", "CL", ("PE",), 6),
    ]


@pytest.mark.parametrize(
    ("sentence", "rate"),
    [
        ("Colombia will phase out its tariffs on Peruvian textiles over eight years.", None),
        ("Colombia withdrew the 15% tariff on Peruvian textiles on Friday.", 15),
    ],
)
def test_phasing_out_or_withdrawing_a_tariff_lifts_it(sentence: str, rate: float | None) -> None:
    facts = facts_of(sentence)
    assert [(f.kind, f.imposer, f.targets, f.sector, f.rate) for f in facts] == [
        ("lift", "CO", ("PE",), "textiles", rate)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Bolivia's 12% duties on Peruvian onions expired on Monday.",
        "Bolivia let its 12% duty on Peruvian onions lapse last week.",
    ],
)
def test_a_tariff_that_expired_or_was_let_lapse_is_lifted(sentence: str) -> None:
    facts = facts_of(sentence)
    assert [(f.kind, f.imposer, f.targets, f.rate) for f in facts] == [("lift", "BO", ("PE",), 12)]


def test_a_pause_that_expired_is_no_lift() -> None:
    assert not only(facts_of("The tariff truce between Peru and Chile expired on Monday."), "lift")


def test_goods_named_as_hit_by_a_cut_to_zero_do_not_make_their_side_the_one_lifting() -> None:
    facts = facts_of("Tariffs on Peruvian goods were cut to zero under the pact.")
    assert [(f.kind, f.targets) for f in facts] == [("lift", ("PE",))]
    assert facts[0].imposer != "PE"


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru withdrew its WTO challenge to the Chilean steel duties.",
        "Peru dropped its complaint against Chile's 20% duty on sugar.",
    ],
)
def test_a_complaint_or_challenge_dropped_lifts_no_tariff(sentence: str) -> None:
    assert not only(facts_of(sentence), "lift")


@pytest.mark.parametrize(
    "sentence",
    [
        "By withdrawing from the customs union, Peru will face tariffs on its exports.",
        "Chile withdrew from the talks on tariffs on Peruvian copper.",
    ],
)
def test_withdrawing_from_a_body_or_talks_lifts_no_tariff(sentence: str) -> None:
    assert not only(facts_of(sentence), "lift")
    # The tariff itself withdrawn is still a lift.
    assert only(facts_of("Chile withdrew the 10% tariff on Peruvian copper."), "lift")


def test_stopping_new_tariffs_is_a_promise_not_to_tax_not_a_lift() -> None:
    facts = facts_of("Peru and Chile agreed to stop imposing new tariffs on each other.")
    assert sorted((f.kind, f.imposer) for f in facts) == [("pause", "CL"), ("pause", "PE")]
    # Without a bargain or a time, a decision not to tax states nothing.
    assert not facts_of("Peru will stop imposing new tariffs on Chile.")
    # Stopping a tariff already charged is still a lift.
    assert only(facts_of("Peru will stop imposing its 10% tariff on Chilean wine."), "lift")
