"""Dates resolved against the publication date (2031-03-12, a Wednesday)."""

from __future__ import annotations

import datetime as dt

from monitor.extract.dates import find_dates
from tests.extract.conftest import PUBLISHED, facts_of, only


def _one(text: str, published: dt.date = PUBLISHED) -> dt.date:
    found = find_dates(text, published)
    assert found, text
    return found[0].value


def test_weekday_in_past_tense_is_the_most_recent_one() -> None:
    assert _one("Officials met on Monday.") == dt.date(2031, 3, 10)


def test_weekday_with_a_future_verb_is_the_next_one() -> None:
    assert _one("The tariff will take effect on Friday.") == dt.date(2031, 3, 14)


def test_explicit_dates_with_and_without_year() -> None:
    assert _one("It starts on April 9, 2032.") == dt.date(2032, 4, 9)
    assert _one("It started Jan. 5.") == dt.date(2031, 1, 5)
    assert _one("It starts 3 June.") == dt.date(2031, 6, 3)


def test_a_date_without_year_goes_to_the_nearest_year() -> None:
    assert _one("The pause ends December 20.", dt.date(2031, 11, 30)) == dt.date(2031, 12, 20)
    assert _one("The order was signed December 20.", dt.date(2032, 1, 5)) == dt.date(2031, 12, 20)


def test_early_mid_late_month() -> None:
    early = _one("The pause lasts until early July.")
    assert early.month == 7 and early.day <= 10
    assert _one("They meet in mid-May.").day == 15
    assert _one("A decision is due in late August.").day >= 20


def test_next_month() -> None:
    assert _one("The duties apply from next month.") == dt.date(2031, 4, 1)


def test_pause_until_by_day() -> None:
    [pause] = only(facts_of("Washington delayed the tariffs on Peruvian copper until August 1."), "pause")
    assert pause.until == dt.date(2031, 8, 1)


def test_pause_length_counts_from_the_day_it_was_announced() -> None:
    [pause] = only(
        facts_of("On Monday the White House announced a 90-day pause of its tariffs on Korean goods."), "pause"
    )
    assert pause.until == dt.date(2031, 3, 10) + dt.timedelta(days=90)


def test_extension_for_another_n_days() -> None:
    [pause] = only(facts_of("Trump extended the tariff pause on Mexico for another 60 days."), "pause")
    assert pause.until == PUBLISHED + dt.timedelta(days=60)


def test_effective_date_of_a_tariff() -> None:
    [fact] = only(facts_of("The 25% tariff on Chilean wine takes effect on April 2."), "tariff")
    assert fact.effective == dt.date(2031, 4, 2)


def test_without_a_publication_date_relative_dates_are_left_out() -> None:
    [pause] = only(facts_of("The U.S. paused its tariffs on Peruvian goods for 90 days.", None), "pause")
    assert pause.until is None


def test_dates_at_the_ends_of_the_calendar_do_not_crash() -> None:
    text = "The U.S. paused its tariffs on Peruvian goods for 90 days from December 30, 9999, until next year."
    for published in (dt.date(9999, 12, 31), dt.date(1, 1, 1), PUBLISHED):
        facts = only(facts_of(text, published), "pause")
        assert len(facts) == 1


def test_capitalised_month_and_weekday_names_are_dates() -> None:
    # Headline capitals: the names are found whatever their case.
    assert _one("The duties WILL RISE ON 15 SEPT.") == dt.date(2031, 9, 15)
    assert _one("Envoys will meet on TUESDAY in Oslo.") == dt.date(2031, 3, 18)
    assert _one("Envoys met on TUESDAY in Oslo.") == dt.date(2031, 3, 11)


def test_a_bare_ordinal_day_looks_ahead_only_when_the_sentence_does() -> None:
    assert _one("The surcharge rose on the 2nd.") == dt.date(2031, 3, 2)
    assert _one("The surcharge will rise on the 2nd.") == dt.date(2031, 4, 2)


def test_a_day_before_its_month_with_the_year_in_words() -> None:
    assert _one("The quota opens 3 June of next year.") == dt.date(2032, 6, 3)
    assert _one("The quota opened 3 June OF LAST YEAR.") == dt.date(2030, 6, 3)


def test_a_month_named_alone_as_a_bound() -> None:
    # "until August" ends as August begins; "through August" takes it in; a past month is next year's.
    assert _one("The reprieve lasts until August.") == dt.date(2031, 8, 1)
    assert _one("The reprieve lasts through August 2032.") == dt.date(2032, 8, 31)
    assert _one("The reprieve lasts until February.") == dt.date(2032, 2, 1)
    # A day after the month is read as that day; "may" the verb is no month.
    assert _one("The reprieve lasts until August 3.") == dt.date(2031, 8, 3)
    assert find_dates("Prices will rise until may be too late.", PUBLISHED) == []
    [pause] = only(facts_of("Peru won a reprieve from the 30% tariff until August."), "pause")
    assert pause.until == dt.date(2031, 8, 1)


def test_a_day_moved_to_after_an_abbreviated_month_is_still_to_come() -> None:
    # The move is past, the day it moves to is not: the dot of "Apr." ends no sentence.
    text = "Lima said the levy on Chilean fruit had been postponed from Apr. 1 to Apr. 20."
    published = dt.date(2031, 3, 12)
    assert find_dates(text, published)[-1].value == dt.date(2031, 4, 20)
    assert [f.until for f in only(facts_of(text, published), "pause")] == [dt.date(2031, 4, 20)]
