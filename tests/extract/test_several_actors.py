"""Parties named together as subjects each act, and a speaker named after what it reports is not the first
party of talks. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _sides(text: str, kind: str) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.imposer, f.targets) for f in facts_of(text) if f.kind == kind}


def test_two_countries_named_as_subjects_each_impose_the_tariff() -> None:
    assert _sides("Brazil and Argentina imposed tariffs on Chinese steel last week.", "tariff") == {
        ("BR", ("CN",)),
        ("AR", ("CN",)),
    }
    text = (
        "The president ordered 20% tariffs on all goods from Norway and Iceland on Friday.\n\n"
        "Norway and Iceland threatened retaliation against American exports."
    )
    assert {("NO", ("US",)), ("IS", ("US",))} <= _sides(text, "tariff")


def test_a_country_hit_next_to_the_actor_does_not_become_one() -> None:
    sides = _sides("Kenya and Ghana secured notably lower rates (10%) under the new framework.", "tariff")
    assert sides == {("US", ("KE", "GH"))}


def test_leaders_agreeing_together_are_not_two_measures() -> None:
    tariffs = [f for f in facts_of("Modi and Trump agreed to keep tariffs on steel at 25%.") if f.kind == "tariff"]
    assert len(tariffs) <= 1


def test_a_speaker_named_after_the_talks_it_reports_is_not_the_first_party() -> None:
    for sentence, speaker in (
        ("The two sides agreed to step up their trade talks, the Thai commerce minister told reporters.", "TH"),
        ("Both leaders will resume trade negotiations next month, a senior Turkish official said on Friday.", "TR"),
    ):
        assert _sides(sentence, "negotiation") == {("US", (speaker,))}, sentence


def test_a_speaker_after_two_named_parties_is_not_a_party() -> None:
    sides = _sides("Chile and Peru agreed to open trade talks in May, a Brazilian diplomat said.", "negotiation")
    assert sides == {("CL", ("PE",))}


def test_a_speaker_whose_side_meets_another_still_acts() -> None:
    sides = _sides("We will hold trade talks with Japan in March, the Korean trade minister said.", "negotiation")
    assert sides == {("KR", ("JP",))}


def test_a_recommendation_is_not_yet_a_tariff() -> None:
    for sentence in (
        "The trade commission recommended duties of 12% on imported steel from Vietnam.",
        "Egypt's anti-dumping authority has recommended imposing duties of 18% on Thai tyres for five years.",
        "The panel recommends a safeguard duty of 25% on Chinese glass, the notice says.",
    ):
        assert [f for f in facts_of(sentence) if f.kind == "tariff"] == [], sentence


def test_a_recommendation_acted_on_is_a_tariff() -> None:
    decided = "Mexico imposed a 30% duty on Korean tyres, as recommended by its trade remedies unit."
    assert {(f.imposer, f.rate) for f in facts_of(decided) if f.kind == "tariff"} == {("MX", 30)}


def test_an_office_that_names_its_country_acts_whatever_came_before() -> None:
    text = (
        "The president will put 20% tariffs on $90 billion of Vietnamese goods.\n\n"
        "Vietnam has already threatened retaliatory tariffs on US farm goods.\n\n"
        "The White House removed about 150 products from the list, including bicycles and prams."
    )
    reliefs = [f for f in facts_of(text) if f.kind == "relief"]
    assert reliefs and {(f.imposer, f.targets) for f in reliefs} == {("US", ("VN",))}


def test_an_actor_in_a_time_clause_is_background_not_the_one_acting_next() -> None:
    text = (
        "Turkey raised retaliatory tariffs on 22 American products on Monday.\n\n"
        "Ankara first decided to raise the duties in 2018, when Washington doubled its tariffs on Turkish steel.\n\n"
        "Duties on almonds have been raised to 70% from 20%, and the levy on rice will rise to 35%."
    )
    sides = {(f.imposer, f.rate) for f in facts_of(text) if f.kind == "tariff" and f.rate in {70, 35}}
    assert sides == {("TR", 70), ("TR", 35)}


def test_two_countries_taxing_with_no_one_named_hit_tax_each_other() -> None:
    # A headline's comma stands for "and"; the body sentence says the same with the conjunction.
    for text in (
        "Peru, Bolivia Impose Tariffs in Mining Feud",
        "Peru and Bolivia imposed tariffs on Tuesday as a mining feud deepened.",
    ):
        assert _sides(text, "tariff") == {("PE", ("BO",)), ("BO", ("PE",))}, text


def test_two_countries_taxing_goods_of_no_origin_tax_everyone() -> None:
    assert _sides("Peru and Bolivia raised duties on imported steel this week.", "tariff") == {
        ("PE", ("*",)),
        ("BO", ("*",)),
    }
