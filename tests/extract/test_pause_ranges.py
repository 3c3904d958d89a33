"""A pause of a range or of tiers of rates carries every rate of it, each a pause fact of its own; a pause ends
on the day a later clause says the tariffs come back (x-relief2). All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _paused(text: str) -> list[tuple[str, tuple[str, ...], float | None]]:
    return sorted((f.imposer, f.targets, f.rate) for f in only(facts_of(text), "pause"))


def test_a_range_paused_after_the_pause_word_gives_one_pause_per_rate() -> None:
    text = "Peru postponed its duties of 12 to 20 percent on Chilean goods until the end of the year."
    assert _paused(text) == [("PE", ("CL",), 12.0), ("PE", ("CL",), 20.0)]
    assert only(facts_of(text), "tariff") == []


def test_tiers_paused_before_the_pause_word_are_paused_not_in_force() -> None:
    text = "The 8% and 16% tariffs Peru set on Chilean goods were suspended until the end of the year."
    assert _paused(text) == [("PE", ("CL",), 8.0), ("PE", ("CL",), 16.0)]
    assert only(facts_of(text), "tariff") == []


def test_a_single_paused_rate_is_still_one_pause() -> None:
    text = "Peru postponed its 20 percent duty on Chilean goods until the end of the year."
    assert _paused(text) == [("PE", ("CL",), 20.0)]


def test_a_pause_ends_on_the_day_a_later_clause_says_the_tariffs_come_back() -> None:
    text = (
        "Although the tariffs on Peruvian goods were put on hold, the White House says they will be reimposed on "
        "9 July."
    )
    [pause] = only(facts_of(text), "pause")
    assert pause.until is not None and (pause.until.month, pause.until.day) == (7, 9)
    # A later clause with a day but no word of the tariffs coming back names no end.
    text = "Although the tariffs on Peruvian goods were put on hold, the president says he will travel on 9 July."
    [pause] = only(facts_of(text), "pause")
    assert pause.until is None
