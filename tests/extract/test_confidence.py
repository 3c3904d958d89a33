"""Every fact says how sure its reading was; a reading with its parties named is surer than a guessed one."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def test_every_fact_carries_a_confidence_between_zero_and_one() -> None:
    text = (
        "Ottawa imposed a 25% duty on American bourbon on Monday. "
        "The two sides held talks in Geneva on Tuesday. "
        "Duties on the rest of the list will rise to 30% next month."
    )
    facts = facts_of(text)
    assert facts
    assert all(0.0 < f.confidence <= 1.0 for f in facts)
    assert all("confidence" in f.to_dict() for f in facts)


def test_named_parties_read_surer_than_parties_carried_from_context() -> None:
    named = only(facts_of("Canada imposed a 25% tariff on steel from China on Monday."), "tariff")
    guessed = only(facts_of("Tariffs of 40% will apply from next month, officials said."), "tariff")
    assert named and guessed
    assert named[0].confidence > guessed[0].confidence


def test_a_tariff_with_its_rate_reads_surer_than_one_without() -> None:
    rated = only(facts_of("Mexico raised its tariff on Chinese shoes to 35% on Friday."), "tariff")
    unrated = only(facts_of("Mexico raised its tariffs on Chinese shoes on Friday."), "tariff")
    assert rated and unrated
    assert rated[0].confidence > unrated[0].confidence
