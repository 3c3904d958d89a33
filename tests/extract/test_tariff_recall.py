"""Tariff facts the reader used to miss or misread (issue 13): readings too unsure to report that hid a
surer one, several rates in one clause, later rates of one measure, cuts and list lines. Every sentence here is
our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import monitor.extract.kinds as kinds
from monitor.extract import read_facts
from monitor.extract.confidence_model import THRESHOLD
from tests.extract.conftest import PUBLISHED, facts_of, only


def _rates(text: str) -> list[float | None]:
    return sorted((f.rate for f in only(facts_of(text), "tariff")), key=lambda r: r or 0)


def test_an_unsure_reading_does_not_hide_a_surer_one_of_the_same_fact(monkeypatch: pytest.MonkeyPatch) -> None:
    # The first statement reads as too unsure to report, the repeat as sure: the repeat is reported.
    sure: Iterator[float] = iter([THRESHOLD / 2, 0.95])
    monkeypatch.setattr(kinds, "confidence", lambda _values: next(sure))
    text = "Peru will charge a 35% tariff on Chilean wine. Peru will charge a 35% tariff on Chilean wine."
    [fact] = read_facts(text, PUBLISHED, threshold=THRESHOLD)
    assert (fact.imposer, fact.targets, fact.rate, fact.confidence) == ("PE", ("CL",), 35, 0.95)


@pytest.mark.parametrize(
    ("sentence", "rates"),
    [
        # The first rate takes effect before the step: both are facts.
        ("Peru said duties of 15% on Bolivian cement take effect at once and will triple to 45% in June.", [15, 45]),
        ("Tariffs of 20% on Bolivian glass would take effect at once and double to 40% after a month.", [20, 40]),
        # A step said to come later without a day: the first rate holds until then.
        ("Peru said it would impose a 25% tariff on Bolivian cement, which would double to 50% in June.", [25, 50]),
        ("Peru will set a 10% duty on Bolivian glass, which rises to 15% after six months.", [10, 15]),
        # A plain change is one fact, at the new rate.
        ("Peru said its 15% duty on Bolivian cement will double to 30% in June.", [30]),
        ("Peru said its 40% duty on Bolivian cement would halve to 20% next year.", [20]),
    ],
)
def test_a_multiple_of_a_rate_is_a_change_and_a_rate_in_force_first_is_a_fact(
    sentence: str, rates: list[float]
) -> None:
    assert _rates(sentence) == rates


def test_a_new_rate_before_its_old_one_is_read_with_it() -> None:
    # "the same" names no tariff: the old rate's goods ("on ... gear") make the change a tariff's.
    text = "The budget keeps duty on nickel, while raising the same to 18 per cent from 12 per cent on telecom gear."
    [fact] = only(facts_of(text), "tariff")
    assert (fact.rate, fact.previous_rate, fact.sector) == (18, 12, "electronics")


@pytest.mark.parametrize(
    "goods", ["telecom equipment", "telecommunications equipment", "video game consoles", "gaming consoles"]
)
def test_telecom_gear_and_game_consoles_are_electronics(goods: str) -> None:
    [fact] = only(facts_of(f"Chile raised its import tariff on {goods} from 6% to 11%."), "tariff")
    assert (fact.sector, fact.rate) == ("electronics", 11)


def test_considering_whether_to_tax_is_a_threat_but_a_question_is_none() -> None:
    [fact] = only(facts_of("Seoul is considering whether to levy tariffs on Turkish steel pipes."), "tariff")
    assert (fact.imposer, fact.targets, fact.status) == ("KR", ("TR",), "threatened")
    assert not facts_of("Reporters asked whether Seoul would put tariffs on Turkish steel pipes.")
    assert not facts_of("Seoul is considering whether to lift its tariffs on Turkish steel pipes.")


def test_an_aside_of_alternatives_with_whether_is_no_condition() -> None:
    text = "Any country buying gas from Iran, whether directly or from Iranian agents, will face a 20% tariff."
    [fact] = only(facts_of(text), "tariff")
    # The aside tells how the buyers buy: the seller it names is not hit, everyone buying is.
    assert (fact.imposer, fact.targets, fact.rate) == ("US", ("*",), 20)
    assert not facts_of("Analysts asked whether Seoul or Ankara would put tariffs on steel pipes, and markets fell.")


def _kinds(text: str) -> list[tuple[str, str | None, float | None]]:
    return sorted(((f.kind, f.sector, f.rate) for f in facts_of(text)), key=lambda t: (t[0], t[1] or ""))


def test_a_cut_in_stages_to_zero_is_a_tariff_at_the_first_step_and_a_lift() -> None:
    text = "The decree says duties on laptops will be lowered in two steps: from 18% to 9% at once, and to 0% in 2032."
    assert _kinds(text) == [("lift", "electronics", 9), ("tariff", "electronics", 9)]


def test_a_cut_of_other_goods_after_a_removal_is_a_tariff() -> None:
    text = "Chile cut the duty on wine from 6% to 0% and on laptops from 10% to 5%."
    assert _kinds(text) == [("lift", "agriculture", 6), ("tariff", "electronics", 5)]
    assert _kinds("Chile will cut its tariff on laptops from 6% to 0%.") == [("lift", "electronics", 6)]


def test_a_tariff_that_lasts_a_length_of_time_expires_that_long_after_it_starts() -> None:
    text = (
        "Peru set anti-dumping duties of 14% to 19% on Chinese glass. "
        "The duties take effect from April 2 and will remain in place for three years."
    )
    facts = only(facts_of(text), "tariff")
    assert sorted(f.rate or 0 for f in facts) == [14, 19]
    for fact in facts:
        assert fact.effective is not None and fact.until is not None
        assert (fact.effective.isoformat(), abs((fact.until - fact.effective).days - 3 * 365) <= 2) == (
            "2031-04-02",
            True,
        )


def test_a_tariff_imposed_for_a_length_expires_that_long_after_the_start_named_after_it() -> None:
    # Published on Wednesday 12 March 2031: "from Monday" is the 17th.
    text = "Peru will impose provisional duties of 11% on Bolivian cement for 90 days from Monday, officials said."
    [fact] = only(facts_of(text), "tariff")
    assert fact.until is not None and fact.until.isoformat() == "2031-06-15"
    # With no start named, the length counts from the day of the news.
    [fact] = only(facts_of("Quito will levy a 7% duty on Peruvian tiles for 30 days."), "tariff")
    assert fact.until is not None and fact.until.isoformat() == "2031-04-11"


def test_up_to_before_a_date_is_when_a_tariff_ends() -> None:
    text = "Peru set temporary duties of 9% on Chinese glass. The duties apply from May 2, 2031 and up to May 2, 2033."
    [fact] = only(facts_of(text), "tariff")
    assert fact.until is not None and fact.until.isoformat() == "2033-05-02"


def test_tariffs_kept_in_place_beside_a_cut_in_one_sentence_are_two_measures() -> None:
    text = (
        "Most of Canada's duties on Chinese goods will stay in place, while the 20% levy on Chinese bicycles "
        "will be cut to 10%."
    )
    facts = only(facts_of(text), "tariff")
    assert sorted((f.rate or 0, f.status) for f in facts) == [(0, "in_effect"), (10, "announced")]
    # One measure stated with its rate is one fact.
    one = facts_of("Canada imposed tariffs on Chinese goods, raising the rate to 25%.")
    assert [f.rate for f in only(one, "tariff")] == [25]


def test_a_tariff_kept_until_a_bare_year_expires_on_its_first_day() -> None:
    [fact] = only(facts_of("Chile will keep its 12% duty on Argentine trucks until 2044."), "tariff")
    assert fact.until is not None and fact.until.isoformat() == "2044-01-01"


def test_a_tariff_without_a_rate_beside_another_with_one_is_a_measure_of_its_own() -> None:
    text = (
        "Since taking office, the US president has put new tariffs on imports from Peru, Chile and Bolivia "
        "– alongside a 25% duty on copper and aluminum."
    )
    facts = {(f.targets, f.sector, f.rate) for f in only(facts_of(text), "tariff")}
    assert facts == {(("PE", "CL", "BO"), None, None), (("*",), "copper", 25), (("*",), "aluminum", 25)}


def test_the_market_a_tariff_is_charged_in_is_the_side_that_levies_it() -> None:
    [fact] = only(facts_of("Chilean cars now face a 100% tariff in Peru."), "tariff")
    assert (fact.imposer, fact.targets, fact.sector, fact.rate) == ("PE", ("CL",), "autos", 100)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Under the decree, tariffs on Chilean wine drop to 6% from 12%.", [("tariff", "agriculture", 6)]),
        ("The levies on Chilean wine were dropped to 5 percent.", [("tariff", "agriculture", 5)]),
        # Dropped to zero, or dropped outright, is a removal.
        ("Tariffs on Chilean wine dropped from 12% to 0%.", [("lift", "agriculture", 12)]),
        ("Peru dropped its tariffs on Chilean wine.", [("lift", "agriculture", None)]),
    ],
)
def test_a_tariff_dropped_to_a_rate_is_cut_not_removed(
    sentence: str, expected: list[tuple[str, str | None, float | None]]
) -> None:
    assert _kinds(sentence) == expected


def test_a_speaker_is_not_the_origin_of_the_goods_named_after_its_verb() -> None:
    [fact] = only(facts_of("Peru said goods from Chile will be hit with a 20 percent duty."), "tariff")
    assert (fact.imposer, fact.targets, fact.rate) == ("PE", ("CL",), 20)


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the plan, Chilean goods would be tariffed at 20 percent by Peru.",
        "The tariff on Chilean goods was raised to 20 percent by Peru.",
    ],
)
def test_the_agent_after_a_rate_is_the_side_that_sets_it(sentence: str) -> None:
    [fact] = only(facts_of(sentence), "tariff")
    assert (fact.imposer, fact.targets, fact.rate) == ("PE", ("CL",), 20)


@pytest.mark.parametrize("joiner", ["and", "or"])
def test_tiers_with_the_unit_said_each_time_share_their_goods(joiner: str) -> None:
    facts = only(facts_of(f"Peru set tariffs of 10% {joiner} 25% on Chilean steel."), "tariff")
    assert sorted((f.sector, f.rate) for f in facts) == [("steel", 10), ("steel", 25)]
    # Each rate with goods of its own keeps them.
    facts = only(facts_of(f"Peru put 10% on cement {joiner} 25% on Chilean steel."), "tariff")
    assert sorted((f.rate, f.sector or "") for f in facts) == [(10, ""), (25, "steel")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru's tariff on Chilean wine, which had been 12%, is now 6%.",
        "Peru's tariff on Chilean wine, previously 12%, now stands at 6%.",
    ],
)
def test_a_former_rate_then_the_present_one_is_one_fact_at_the_present_rate(sentence: str) -> None:
    [fact] = only(facts_of(sentence), "tariff")
    assert (fact.sector, fact.rate, fact.previous_rate) == ("agriculture", 6, 12)


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports rose to 18 per cent from 12 per cent on strong demand.",
        "The share of Chilean wine in imports rose to 18 per cent from 12 per cent on tariffs.",
        "Inflation, which had been 12%, is now 6%.",
        "Exports to Chile could double to 40% of sales after a week.",
        "Copper prices fell 5% and 8% on the two days.",
    ],
)
def test_statistics_stay_out_of_the_new_readings(sentence: str) -> None:
    assert not only(facts_of(sentence), "tariff")


def test_counter_tariffs_are_the_answering_sides_tariffs() -> None:
    for sentence in (
        "Norway answered with counter-tariffs on Peruvian products.",
        "Norway answered with countertariffs on Peruvian products.",
    ):
        tariffs = [(f.imposer, f.targets) for f in facts_of(sentence) if f.kind == "tariff"]
        assert tariffs == [("NO", ("PE",))], sentence
    lifts = [(f.imposer, f.targets) for f in facts_of("Norway will drop its countertariffs on Peruvian goods.")]
    assert lifts == [("NO", ("PE",))]


def test_a_rate_written_in_words_is_a_rate() -> None:
    for sentence, rate in (
        ("Norway imposed a ten percent tariff on Peruvian fish.", 10.0),
        ("Norway imposed a twenty-five per cent tariff on Peruvian fish.", 25.0),
        ("Norway will double the duty on Peruvian fish to sixty percent.", 60.0),
        ("Norway threatened a one hundred percent tariff on Peruvian fish.", 100.0),
    ):
        assert [f.rate for f in facts_of(sentence) if f.kind == "tariff"] == [rate], sentence


def test_a_statistic_written_in_words_is_no_rate() -> None:
    assert facts_of("Peruvian exports fell by ten percent after the tariff took effect.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway imposed a 20% tariff on 90 items from Peru including salmon.",
        "Norway imposed a 20% tariff on eight Peruvian products, such as beef and wine.",
        "Norway imposed a 20% duty on $3 billion worth of Peruvian goods, including copper.",
        # Two rates, each on a counted set sampled by example.
        "Norway set a 10% tariff on 40 items from Peru including wheat, and a 20% tariff on six items including pork.",
    ],
)
def test_goods_counted_then_sampled_by_example_have_no_sector(sentence: str) -> None:
    tariffs = only(facts_of(sentence), "tariff")
    assert tariffs and all(f.sector is None for f in tariffs), sentence


def test_goods_named_by_kind_before_an_example_keep_their_sector() -> None:
    [tariff] = only(facts_of("Norway imposed a 20% tariff on Peruvian steel, including pipes."), "tariff")
    assert tariff.sector == "steel"


def test_a_measure_followed_by_another_sides_measure_is_two_measures() -> None:
    sentence = "Peru's 20% duties on Chilean wine took effect, followed by Chile's 15% tariff on Peruvian fish."
    tariffs = [(f.imposer, f.targets, f.rate) for f in only(facts_of(sentence), "tariff")]
    assert tariffs == [("PE", ("CL",), 20), ("CL", ("PE",), 15)]


def test_each_others_misspelt_is_still_a_measure_of_both_sides() -> None:
    tariffs = [
        (f.imposer, f.targets)
        for f in only(facts_of("Canada and Peru raised tariffs on each others' goods."), "tariff")
    ]
    assert tariffs == [("CA", ("PE",)), ("PE", ("CA",))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile is weighing the impact of Peru's decision to impose new tariffs on Chilean wine, officials said.",
        "Santiago is studying how the United States' decision to impose tariffs on Chilean copper will bite.",
    ],
)
def test_a_sides_decision_to_impose_tariffs_is_that_sides_tariff(sentence: str) -> None:
    [tariff] = only(facts_of(sentence), "tariff")
    assert (tariff.imposer, tariff.targets) in {("PE", ("CL",)), ("US", ("CL",))}, sentence


def test_the_agent_of_the_measure_answered_does_not_act_in_the_answer() -> None:
    sentence = "Chile began retaliatory tariffs of 15 percent on Peruvian fish in response to duties announced by Peru."
    tariffs = [(f.imposer, f.targets, f.rate) for f in only(facts_of(sentence), "tariff")]
    assert tariffs == [("CL", ("PE",), 15)]
    # The agent of the measure itself still acts.
    passive = "Duties of 15 percent on Peruvian fish were announced by Chile in response to duties on copper."
    assert [f.imposer for f in only(facts_of(passive), "tariff")] == ["CL"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile responded with tariffs on Peruvian goods.",
        "Chile answered in kind with duties on Peruvian goods.",
        "Chile hit back with a matching round of tariffs on Peruvian exports.",
    ],
)
def test_tariffs_given_as_an_answer_are_the_answering_sides(sentence: str) -> None:
    tariffs = [(f.imposer, f.targets) for f in only(facts_of(sentence), "tariff")]
    assert tariffs == [("CL", ("PE",))], sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile responded with anger over the tariffs on Peruvian goods.",
        "Chile responded with criticism of the duties on Peruvian goods.",
    ],
)
def test_an_answer_of_opinion_about_tariffs_is_no_tariff(sentence: str) -> None:
    assert only(facts_of(sentence), "tariff") == [], sentence


def test_a_list_of_goods_sampled_by_example_has_no_sector() -> None:
    sentence = "Chile struck back with tariffs on a list of Peruvian products including fish and cars."
    tariffs = only(facts_of(sentence), "tariff")
    assert [(f.imposer, f.sector) for f in tariffs] == [("CL", None)]


def test_a_named_side_answering_the_last_measure_hits_the_side_that_hit_it() -> None:
    # Read before the confidence threshold: the side hit is carried from the sentence before, not named.
    text = "Peru slapped tariffs on Chilean wine. Chile retaliated with tariffs of its own."
    answers = [(f.imposer, f.targets) for f in read_facts(text, PUBLISHED) if f.imposer == "CL"]
    assert answers == [("CL", ("PE",))]


def test_tariffs_on_goods_of_another_value_are_another_tranche() -> None:
    text = (
        "Peru imposed tariffs on $5 billion worth of Chilean goods in May. "
        "In June, Peru imposed tariffs on Chilean goods worth 20 billion dollars."
    )
    assert len(only(facts_of(text), "tariff")) == 2


def test_two_clauses_naming_goods_of_other_values_are_two_tranches() -> None:
    text = (
        "Peru put a 10% tariff on $3 billion of Chilean goods in March, after imposing tariffs on $7 billion of "
        "Chilean goods in May."
    )
    assert len(only(facts_of(text), "tariff")) == 2


def test_a_tranche_named_by_its_value_is_not_hidden_by_an_earlier_vaguer_statement() -> None:
    text = (
        "Peru is weighing tariffs on Chilean goods. "
        "Peru threatened duties on Chilean goods worth 9 billion dollars, after announcing tariffs on Chilean "
        "goods worth 4 billion dollars."
    )
    assert len(only(facts_of(text), "tariff")) == 2


def test_tariffs_on_goods_of_the_same_value_stated_again_are_one_fact() -> None:
    text = (
        "Peru imposed tariffs on $5 billion worth of Chilean goods in May. "
        "The tariffs on $5 billion of Chilean goods hurt farmers, the union said."
    )
    assert len(only(facts_of(text), "tariff")) == 1


def test_a_tariff_with_a_relief_after_but_gives_both() -> None:
    facts = facts_of("Peru imposed tariffs on Chilean steel but exempted Bolivia.")
    assert [(f.kind, f.imposer, f.targets) for f in facts] == [("tariff", "PE", ("CL",)), ("relief", "PE", ("BO",))]


def test_but_before_a_word_that_is_no_second_verb_is_no_break() -> None:
    [tariff] = only(facts_of("Peru imposed a 20% tariff on Chilean steel but not on copper."), "tariff")
    assert (tariff.imposer, tariff.rate) == ("PE", 20)


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru ramped up tariffs against Chilean products again.",
        "Peru stepped up duties on Chilean wine.",
        "Peru escalated tariffs on Chilean wine.",
        "Peru subjected Chilean wine to high tariffs.",
    ],
)
def test_phrasal_verbs_of_raising_tariffs_are_policy(sentence: str) -> None:
    tariffs = [(f.imposer, f.targets) for f in only(facts_of(sentence), "tariff")]
    assert tariffs == [("PE", ("CL",))], sentence


def test_a_wider_range_of_goods_is_a_package() -> None:
    sentence = "Peru plans to raise tariffs on a wider range of Chilean imports, including wine and steel."
    assert [f.sector for f in only(facts_of(sentence), "tariff")] == [None]


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru said it may raise tariffs on Chilean imports to make up for what the Chilean tariff on copper cost "
        "its miners.",
        "Peru is considering higher tariffs on Chilean goods to compensate for losses caused by Chilean steel duties.",
    ],
)
def test_goods_of_a_tariff_named_in_a_reason_are_not_the_measures(sentence: str) -> None:
    tariffs = [(f.imposer, f.sector) for f in only(facts_of(sentence), "tariff") if f.imposer == "PE"]
    assert tariffs == [("PE", None)], sentence


def test_a_rate_naming_neither_goods_nor_side_is_on_the_goods_named_before() -> None:
    text = (
        "Peru opened a dumping probe into Chilean copper, its trade ministry said in a note on duties. "
        "A provisional duty of 9 pct was set in June."
    )
    rated = [f for f in read_facts(text, PUBLISHED) if f.kind == "tariff" and f.rate == 9]
    assert [(f.imposer, f.sector) for f in rated] == [("PE", "copper")]


def test_a_rate_of_a_side_naming_no_goods_is_on_the_goods_of_that_sides_last_measure() -> None:
    text = "Peru put a 20% tariff on Chilean copper in May. In June, Peru raised the duty to 30% for Chile."
    assert [(f.rate, f.sector) for f in only(facts_of(text), "tariff")] == [(20, "copper"), (30, "copper")]


def test_a_rate_on_goods_of_its_own_takes_no_goods_from_before() -> None:
    text = "Peru put a 20% tariff on Chilean copper in May. Peru later set a 10% tariff on Chilean goods."
    assert [(f.rate, f.sector) for f in only(facts_of(text), "tariff")] == [(20, "copper"), (10, None)]


def test_a_whole_tariff_schedule_takes_no_goods_from_before() -> None:
    text = "Peru put a 20% tariff on Chilean copper in May. Peru said its overall tariff level stands at 6%."
    assert [f.sector for f in only(facts_of(text), "tariff") if f.rate == 6] in ([], [None])


@pytest.mark.parametrize("when", ["in May", "since May", "early May", "mid-May"])
def test_the_month_of_may_is_no_threat(when: str) -> None:
    [tariff] = only(facts_of(f"Peru put a 20% tariff on Chilean copper {when}."), "tariff")
    assert tariff.status != "threatened"


def test_may_as_a_modal_is_a_threat() -> None:
    [tariff] = only(facts_of("Peru may put a 20% tariff on Chilean copper."), "tariff")
    assert tariff.status == "threatened"


@pytest.mark.parametrize(
    "text",
    [
        "Chile's exports have grown at a slower rate of 4 percent since Peru put tariffs on its copper.",
        "A 30 pct rate of import reliance is far off, the minister said of Peru's copper tariff.",
    ],
)
def test_a_pace_or_a_rate_of_something_else_is_no_tariff_rate(text: str) -> None:
    assert all(f.rate is None for f in only(read_facts(text, PUBLISHED), "tariff"))
