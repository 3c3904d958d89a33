"""Pauses worded in ways the reader used to miss or misread (issue 13): a reason after the pause, a truce both
sides named together make, an extension by a length, a tariff a request takes as coming. All sentences here are
ours."""

from __future__ import annotations

import datetime as dt

from tests.extract.conftest import PUBLISHED, facts_of, only


def _pauses(text: str) -> list[tuple[str, tuple[str, ...], dt.date | None]]:
    return sorted((f.imposer, f.targets, f.until) for f in only(facts_of(text), "pause"))


def test_a_reason_after_the_pause_does_not_make_it_a_wish() -> None:
    text = (
        "Peru has suspended import duties on wheat and barley until the end of the year, its farm ministry said "
        "on Tuesday, as the government seeks to curb food prices."
    )
    [pause] = only(facts_of(text), "pause")
    assert (pause.imposer, pause.sector, pause.until) == ("PE", "agriculture", dt.date(PUBLISHED.year, 12, 31))
    # A pause the subject only seeks is still no fact.
    assert _pauses("Peru is seeking a delay of the 20% tariffs on its copper.") == []
    assert _pauses("Peru wants a delay it is seeking, on the 20% tariffs on its copper.") == []


def test_a_truce_of_two_sides_named_together_is_a_pause_by_each_on_the_other() -> None:
    end = PUBLISHED + dt.timedelta(days=60)
    assert _pauses("Kenya and Ghana agreed a 60-day truce in their tariff dispute.") == [
        ("GH", ("KE",), end),
        ("KE", ("GH",), end),
    ]
    # The participle after the subject shares both sides.
    assert _pauses("Kenya and Ghana agreed a truce, suspending their tariffs on each other's goods for 60 days.") == [
        ("GH", ("KE",), end),
        ("KE", ("GH",), end),
    ]


def test_a_truce_between_two_named_sides_is_a_pause_by_each() -> None:
    end = dt.date(PUBLISHED.year, 6, 30)
    assert _pauses("The 90-day truce between Kenya and Ghana on tariffs ends on June 30.") == [
        ("GH", ("KE",), end),
        ("KE", ("GH",), end),
    ]


def test_an_extension_by_a_length_counts_from_the_end_stated_before() -> None:
    first = "Washington paused its 30% tariffs on Korean goods until June 10."
    june_10 = dt.date(PUBLISHED.year, 6, 10)
    for extension in (
        "It has now extended the pause by 45 days.",
        "The White House extended the pause for another 45 days.",
        "Washington then granted a 45-day extension of the pause.",
    ):
        ends = [u for _i, _t, u in _pauses(f"{first} {extension}")]
        assert ends == [june_10, june_10 + dt.timedelta(days=45)], extension
    # With no end stated before, the length counts from the day of the news.
    alone = _pauses("Washington extended the pause on its 30% tariffs on Korean goods by 45 days.")
    assert [u for _i, _t, u in alone] == [PUBLISHED + dt.timedelta(days=45)]
    # A day the clause names is what the length counts from, whatever the article said before.
    named = _pauses(f"{first} The pause, due to end on June 10, was extended by 20 days.")
    assert june_10 + dt.timedelta(days=20) in [u for _i, _t, u in named]


def test_a_pause_that_leaves_a_lower_rate_gives_the_pause_and_the_tariff() -> None:
    facts = facts_of("Japan paused its 40% tariff on Peruvian copper, leaving a 10% tariff in force.")
    # The rate left in force is on the goods paused, unless its own words name other goods.
    assert [(f.kind, f.imposer, f.targets, f.sector, f.rate) for f in facts] == [
        ("pause", "JP", ("PE",), "copper", 40.0),
        ("tariff", "JP", ("PE",), "copper", 10.0),
    ]
    wider = facts_of("Japan paused its 40% tariff on Peruvian copper, leaving 10% on all Peruvian goods.")
    assert [(f.kind, f.sector, f.rate) for f in wider] == [("pause", "copper", 40.0), ("tariff", None, 10.0)]


def test_several_ends_each_for_its_own_goods_are_several_pauses() -> None:
    year = PUBLISHED.year
    facts = only(facts_of("Peru suspended its duties on steel until June 30 and on autos until September 30."), "pause")
    assert [(f.sector, f.until) for f in facts] == [
        ("steel", dt.date(year, 6, 30)),
        ("autos", dt.date(year, 9, 30)),
    ]
    # A year stated once holds for the days listed after it.
    text = f"Peru had suspended its duty on wheat until March 1, {year - 1} and on maize until February 2."
    ends = [f.until for f in only(facts_of(text), "pause")]
    assert ends == [dt.date(year - 1, 3, 1), dt.date(year - 1, 2, 2)]


def test_a_tariff_a_request_for_a_grace_period_comes_before_is_stated() -> None:
    [tariff] = facts_of("Kenyan officials asked Washington for a grace period before a 20% tariff on Kenyan tea.")
    assert (tariff.kind, tariff.imposer, tariff.targets, tariff.rate) == ("tariff", "US", ("KE",), 20.0)
    [other] = facts_of("Chile asked for a grace period from Norway before a 15% tariff takes effect on its wine.")
    assert (other.kind, other.imposer, other.targets, other.rate) == ("tariff", "NO", ("CL",), 15.0)
    # The grace period asked for is no pause; the tariff it comes before is still one coming.
    [third] = facts_of("Moldova requested a grace period before the 25% tariff applies to its goods.")
    assert (third.kind, third.targets, third.rate) == ("tariff", ("MD",), 25.0)
    # A wish with no tariff named is no fact.
    assert facts_of("Chile wants a deal before any tariff.") == []


def test_a_delay_of_a_measure_named_by_its_pronoun_and_imposition_is_a_pause() -> None:
    text = (
        "Washington's 30% tariffs on Thai goods were due on June 1. "
        "The president once more delayed their reimposition, moving it to June 30."
    )
    [pause] = only(facts_of(text), "pause")
    assert (pause.imposer, pause.targets, pause.until) == ("US", ("TH",), dt.date(PUBLISHED.year, 6, 30))
    # The imposition of something else, or the implementation of a law, is no pause of a tariff.
    assert _pauses("The president again delayed the reimposition of sanctions on Iran, pushing it to June 30.") == []
    assert _pauses("Brazil delayed the implementation of its new data law to June 30.") == []


def test_a_rate_kept_before_the_pause_is_in_force_and_the_one_after_it_is_paused() -> None:
    facts = facts_of(
        "Ottawa will keep its duties on Peruvian copper at 5 percent and hold off on raising them to 15 percent."
    )
    assert [(f.kind, f.imposer, f.targets, f.rate) for f in facts] == [
        ("pause", "CA", ("PE",), 15.0),
        ("tariff", "CA", ("PE",), 5.0),
    ]


def test_a_concessive_clause_is_read_apart() -> None:
    text = (
        "Duties on Peruvian copper were brought back, although the wider duty-free regime for Peruvian goods was "
        "extended until June 30."
    )
    [pause] = only(facts_of(text), "pause")
    # The copper of the first clause is not what the second one extends.
    assert (pause.targets, pause.sector, pause.until) == (("PE",), None, dt.date(PUBLISHED.year, 6, 30))


def test_the_day_a_tariff_is_postponed_to_is_when_the_pause_ends() -> None:
    year = PUBLISHED.year
    for text, end in (
        ("The president postponed the 34% tariff on Thai goods to August 1.", dt.date(year, 8, 1)),
        ("The administration pushed back the start of its 34% tariff on Thai goods to July 9.", dt.date(year, 7, 9)),
    ):
        [pause] = only(facts_of(text), "pause")
        assert (pause.imposer, pause.targets, pause.rate, pause.until) == ("US", ("TH",), 34.0, end), text


def test_a_word_cut_in_two_before_a_date_is_no_cue() -> None:
    # "suspend" seen through a window that starts inside it is not "end": the length counts from May 14.
    text = "Kenya agreed to suspend the higher tariffs for 90 days from May 14."
    [pause] = only(facts_of(text), "pause")
    assert pause.until == dt.date(PUBLISHED.year, 5, 14) + dt.timedelta(days=90)


def test_the_two_countries_pausing_their_higher_tariffs_is_a_pause_by_each() -> None:
    text = (
        "Washington raised its tariff on Thai goods to 40% in April, and Thailand answered with 30% on US goods. "
        "The two countries agreed to suspend the higher tariffs for 90 days from May 14."
    )
    end = dt.date(PUBLISHED.year, 5, 14) + dt.timedelta(days=90)
    assert _pauses(text) == [("TH", ("US",), end), ("US", ("TH",), end)]


def test_two_sides_named_only_in_a_while_clause_do_not_make_a_pause_mutual() -> None:
    text = "Washington suspended its 25% tariff on goods from Laos until June 1 while the two sides negotiate."
    assert [(i, t) for i, t, _u in _pauses(text)] == [("US", ("LA",))]


def test_a_deadline_pushed_to_a_month_and_duties_that_remain_suspended_are_pauses() -> None:
    [pushed] = only(facts_of("The deadline for the 48% tariff on Laos was pushed to August 1."), "pause")
    assert (pushed.imposer, pushed.targets, pushed.rate, pushed.until) == (
        "US",
        ("LA",),
        48.0,
        dt.date(PUBLISHED.year, 8, 1),
    )
    [kept] = facts_of("Tariffs on Cambodian goods will remain suspended until a deal is signed.")
    assert (kept.kind, kept.targets, kept.until) == ("pause", ("KH",), None)
    # "moved to" before a verb is a step taken, not a delay.
    [moved] = facts_of("Canada moved to impose a 25% tariff on US steel in August.")
    assert moved.kind == "tariff"


def test_the_initials_of_a_country_do_not_end_what_a_pause_acts_on() -> None:
    [fact] = facts_of("The president delayed the U.S. increase in duties on Kenyan tea.")
    assert (fact.kind, fact.imposer, fact.targets) == ("pause", "US", ("KE",))


def test_a_second_verb_after_and_ends_what_a_removal_acts_on() -> None:
    text = "The ministry said talks had eliminated doubt for exporters and matched U.S. tariffs with those of rivals."
    assert [f for f in facts_of(text) if f.kind in {"lift", "pause"}] == []


def test_suspended_concessions_are_retaliation_not_a_pause() -> None:
    # Under WTO rules a member suspends its concessions to raise duties on the other side's goods.
    for sentence in (
        "Peru suspended tariff concessions on 90 Chilean products, including grapes, on Monday.",
        "The suspension of trade concessions will hit 40 goods from Chile, Peru's ministry said.",
        "Peru may suspend its WTO obligations toward Chile if the duties stay.",
    ):
        assert _pauses(sentence) == [], sentence
    assert _pauses("Peru suspended the tariff on Chilean wine until June.") == [
        ("PE", ("CL",), dt.date(PUBLISHED.year, 6, 1))
    ]


def test_a_pause_of_something_other_than_a_tariff_is_no_pause() -> None:
    # The tariff word only modifies or follows what is paused: talks, a vote, shipments, an inquiry.
    for sentence in (
        "Peru suspended the tariff talks with Chile.",
        "The tariff quarrel delayed shipments of Peruvian copper to Chile.",
        "Peru paused its purchases of Chilean fruit amid the tariff quarrel.",
        "Peru has suspended exports of copper to Chile in answer to its 20% tariff.",
        "Peru suspended its anti-dumping inquiry and its investigation into Chilean steel.",
        "The talks on tariffs were postponed until next week, Peru said.",
        "The vote on the tariff bill was postponed until March.",
        "Chile put the trade negotiations with Peru on hold over the tariffs.",
    ):
        assert _pauses(sentence) == [], sentence
    # The tariff itself, as object or passive subject, is still paused.
    for sentence in (
        "Peru suspended import duties on Chilean fruit until June.",
        "Peru suspended tariffs on imports from Chile until June.",
        "The duties on exports of Chilean fruit were suspended until June.",
    ):
        assert len(_pauses(sentence)) == 1, sentence


def test_halting_further_tariff_rises_is_a_pause() -> None:
    end = PUBLISHED + dt.timedelta(days=90)
    text = "Chile and Peru said both sides had agreed to halt further tariff increases for 90 days."
    assert {(i, t) for i, t, _u in _pauses(text)} == {("CL", ("PE",)), ("PE", ("CL",))}
    assert all(abs((u - end).days) <= 7 for _i, _t, u in _pauses(text) if u is not None)
    assert _pauses("Peru halted new imports of Chilean wheat.") == []


def test_agreeing_to_stop_imposing_new_tariffs_is_a_pause_by_each() -> None:
    text = "Chile and Peru agreed to stop imposing new tariffs on each other."
    assert {(i, t) for i, t, _u in _pauses(text)} == {("CL", ("PE",)), ("PE", ("CL",))}


def test_a_pause_denied_ruled_out_or_only_imagined_is_no_pause() -> None:
    for sentence in (
        "There will be no pause in Peru's tariffs on Chilean wheat.",
        "Peru ruled out a pause of its tariffs on Chilean wheat.",
        "Peru said it had no plans to suspend its tariffs on Chilean wheat.",
        "A pause in the tariffs would help Chilean farmers, Peru's farm lobby said.",
    ):
        assert _pauses(sentence) == [], sentence
    assert len(_pauses("Peru said it would pause its tariffs on Chilean wheat for 90 days.")) == 1


def test_a_truce_naming_no_side_is_between_the_sides_of_the_last_talks() -> None:
    text = "Chile and Peru held trade talks in Lima on Monday. A truce was reached, and room was left for more talks."
    assert {(i, t) for i, t, _u in _pauses(text)} == {("CL", ("PE",)), ("PE", ("CL",))}
    # With no talks or deal before it, a truce naming no side is no pause on everyone.
    assert _pauses("A truce was reached, and room was left for more talks.") == []
