"""The measure a reply answers: a tariff named after "in response to", "in retaliation for" or "retaliate
against" is read as a statement of its own where its phrase names who placed it. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _tariffs(text: str) -> set[tuple[str, tuple[str, ...], str | None, float | None]]:
    return {(f.imposer, f.targets, f.sector, f.rate) for f in only(facts_of(text), "tariff")}


def test_a_measure_answered_with_its_agent_after_by_is_read() -> None:
    text = "Chile set 15% duties on Peruvian pork on Monday in response to steel levies announced by Peru last month."
    assert _tariffs(text) == {("CL", ("PE",), "agriculture", 15.0), ("PE", ("CL",), "steel", None)}


def test_a_us_metals_measure_answered_stays_on_everyone() -> None:
    text = "Peru put a 20% levy on American walnuts in retaliation for new US tariffs imposed on aluminum imports."
    assert ("US", ("*",), "aluminum", None) in _tariffs(text)


def test_a_phrase_inside_the_subject_ends_at_the_main_verb() -> None:
    # The answered phrase only names Chile's schedule: the main clause's verb is not a statement about it.
    text = (
        "Peru's 20% levy on Chilean wine in retaliation for Chile's tariffs on Peruvian goods"
        " came into effect on May 1."
    )
    assert {t[0] for t in _tariffs(text)} == {"PE"}


def test_a_reason_given_with_as_leaves_the_main_clause_its_own_actor() -> None:
    text = "Peru set duties on Chilean wine as retaliation against copper tariffs introduced by Chile in May."
    assert ("PE", ("CL",), "agriculture", None) in _tariffs(text)


def test_a_reply_to_no_measure_or_to_one_only_imagined_gives_nothing_more() -> None:
    text = "Peru raised duties on Chilean wine in retaliation for Chile's failure to honour a fishing pact."
    assert {t[0] for t in _tariffs(text)} == {"PE"}
    text = "Peru will raise duties on Chilean wine in response to any tariffs Chile might impose on Peruvian corn."
    assert {t[0] for t in _tariffs(text)} == {"PE"}


def test_a_measure_answered_named_by_its_owner_and_goods_is_read() -> None:
    text = "Peru put duties on Chilean wine in retaliation for Chile's duties on copper."
    assert ("CL", ("PE",), "copper", None) in _tariffs(text)
    text = "Peru put duties on American wine in retaliation for Washington's duties on steel imports."
    assert ("US", ("*",), "steel", None) in _tariffs(text)


def test_a_sides_tariffs_on_anothers_goods_in_general_are_no_measure_answered() -> None:
    text = "Peru put duties on Chilean wine in retaliation for Chile's tariffs on Peruvian goods."
    assert {t[0] for t in _tariffs(text)} == {"PE"}
