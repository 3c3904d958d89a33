"""Pauses, lifts, reliefs and withdrawals worded in the ordinary ways news states them, written without looking at
any article (issue 13, probes): passives with their agent, the side owning a tariff in a reduced relative clause,
verbs of ending, exemptions extended or denied. All sentences here are ours."""

from __future__ import annotations

import datetime as dt

from tests.extract.conftest import facts_of

Row = tuple[str, str, tuple[str, ...], str | None, float | None]


def _read(text: str) -> list[Row]:
    return sorted((f.kind, f.imposer, f.targets, f.sector, f.rate) for f in facts_of(text))


def test_the_agent_of_a_passive_pause_or_lift_acts() -> None:
    assert _read("Tariffs on Bolivian tin were lifted by Paraguay last week.") == [
        ("lift", "PY", ("BO",), None, None)
    ]
    assert _read("Duties on Nepalese rice have been scrapped by Bhutan.") == [
        ("lift", "BT", ("NP",), "agriculture", None)
    ]
    paused = facts_of("The 35% tariff on Omani steel has been suspended by Qatar until June 1.")
    assert [(f.kind, f.imposer, f.targets, f.rate, f.until) for f in paused] == [
        ("pause", "QA", ("OM",), 35.0, dt.date(2031, 6, 1))
    ]


def test_goods_made_by_a_country_do_not_make_it_act() -> None:
    assert _read("Steel made by Vietnamese mills faces a 20% tariff in Peru.") == [
        ("tariff", "PE", ("VN",), "steel", 20.0)
    ]


def test_the_side_named_in_a_reduced_relative_clause_owns_the_tariff() -> None:
    assert _read("The tariffs Norway had put on Icelandic salmon were removed.") == [
        ("lift", "NO", ("IS",), "agriculture", None)
    ]
    assert _read("The levies that Kenya placed on Ugandan sugar in May will be withdrawn.") == [
        ("lift", "KE", ("UG",), "agriculture", None)
    ]


def test_verbs_of_ending_a_tariff_are_lifts() -> None:
    for sentence in (
        "Chile ended its tariffs on wine from Argentina.",
        "Chile put an end to its tariffs on Argentine wine.",
        "Chile did away with tariffs on Argentine wine.",
        "Chile withdrew its duties on Argentine wine.",
    ):
        assert _read(sentence) == [("lift", "CL", ("AR",), "agriculture", None)], sentence
    assert _read("Chile will phase out its 12% tariff on Argentine wine by 2034.") == [
        ("lift", "CL", ("AR",), "agriculture", 12.0)
    ]
    # Leaving an agreement is a withdrawal, not a lift.
    assert [f.kind for f in facts_of("Chile withdrew from its trade pact with Argentina.")] == ["withdrawal"]


def test_a_tariff_that_excludes_goods_is_a_tariff_on_the_rest_and_a_relief_for_them() -> None:
    expected = [("relief", "TR", ("EG",), "agriculture", 40.0), ("tariff", "TR", ("EG",), None, 40.0)]
    assert _read("Turkey's 40% tariff on Egyptian goods excludes oranges.") == expected
    assert _read("Turkey imposed a 40% tariff on Egyptian goods but exempted oranges.") == expected


def test_a_relief_denied_is_no_relief() -> None:
    assert _read("Turkey said there would be no exemption for Egyptian oranges from its 40% tariff.") == [
        ("tariff", "TR", ("EG",), "agriculture", 40.0)
    ]
    assert [f.kind for f in facts_of("The 40% tariff on Turkish steel will not exclude Egypt.")] == ["tariff"]


def test_an_exemption_extended_is_a_relief_not_a_pause() -> None:
    assert _read("Turkey extended the tariff exemption for Egyptian oranges until June 30.") == [
        ("relief", "TR", ("EG",), "agriculture", None)
    ]
    assert [f.kind for f in facts_of("The tariff exemption for Egyptian oranges was extended until June 30.")] == [
        "relief"
    ]
    # A pause extended is still a pause.
    assert [f.kind for f in facts_of("Turkey extended its pause on tariffs for Egypt until June 30.")] == ["pause"]


def test_a_duty_not_collected_until_a_day_is_a_pause() -> None:
    paused = facts_of("Qatar will not collect the 35% duty on Omani steel until November.")
    assert [(f.kind, f.imposer, f.targets, f.rate, f.until) for f in paused] == [
        ("pause", "QA", ("OM",), 35.0, dt.date(2031, 11, 1))
    ]
    assert facts_of("Qatar will not collect the duty.") == []


def test_goods_entering_a_country_duty_free_are_a_lift_by_that_country() -> None:
    assert _read("Ugandan coffee will enter Kenya duty-free from next month.") == [
        ("lift", "KE", ("UG",), "agriculture", None)
    ]
