"""Who acts when a clause names an office but not its country, and where a dateline or the side met "with"
is not the party that acts. All articles here are ours."""

from __future__ import annotations

from monitor.extract.gazetteer import find_mentions
from tests.extract.conftest import facts_of


def _parties(text: str, kind: str) -> set[tuple[str, tuple[str, ...], float | None]]:
    return {(f.imposer, f.targets, f.rate) for f in facts_of(text) if f.kind == kind}


def test_an_unnamed_minister_in_a_datelined_story_acts_for_the_dateline_country() -> None:
    text = (
        "Manila: The finance minister on Tuesday announced a cut in customs duty on imported cement to 4%.\n\n"
        "Builders in the United States were not affected."
    )
    assert ("PH", ("*",), 4) in _parties(text, "tariff")
    assert not any(f.imposer == "US" for f in facts_of(text))


def test_the_government_acts_for_the_country_the_article_names_outside_its_trade_sentences() -> None:
    text = (
        "Finance Minister Ana Rojas presented the annual budget to Chile's congress on Monday.\n\n"
        "From June the government is to raise customs duty on imported cigarettes to 12 per cent."
    )
    assert ("CL", ("*",), 12) in _parties(text, "tariff")


def test_the_article_country_acts_even_when_the_us_is_named_elsewhere() -> None:
    text = (
        "Abuja, May 4 The trade ministry said it would raise import duty on powdered milk to 30% from June.\n\n"
        "Officials from the US embassy attended the briefing on customs reform."
    )
    assert {f.imposer for f in facts_of(text)} == {"NG"}


def test_us_tariff_words_keep_the_us_as_the_side_that_taxes() -> None:
    text = (
        "SEOUL - Lawmakers met carmakers on Monday.\n\n"
        "The government said the reciprocal tariff of 25% on its cars will take effect on Friday."
    )
    assert {f.imposer for f in facts_of(text) if f.kind == "tariff"} == {"US"}


def test_a_dateline_place_is_not_the_first_party_of_a_deal() -> None:
    for text, first, other in (
        ("JAKARTA - Canada and Indonesia signed a trade agreement on Monday.", "CA", "ID"),
        ("Hanoi: In a step toward closer ties, Japan and Vietnam concluded a trade deal on Friday.", "JP", "VN"),
    ):
        deals = [f for f in facts_of(text) if f.kind == "deal"]
        assert [(f.imposer, f.targets) for f in deals] == [(first, (other,))]


def test_a_hyphenated_pair_at_the_start_is_still_the_first_party() -> None:
    talks = [f for f in facts_of("US-Japan trade talks were held in Tokyo on Monday.") if f.kind == "negotiation"]
    assert [(f.imposer, f.targets) for f in talks] == [("US", ("JP",))]


def test_capitals_and_trade_bodies_stand_for_their_governments() -> None:
    assert ("CL", ("CN",), 15) in _parties("Santiago imposed a 15% duty on Chinese steel balls on Monday.", "tariff")
    assert ("NO", ("US",), None) in {
        (f.imposer, f.targets, f.rate) for f in facts_of("Oslo and Washington began trade talks on Tuesday.")
    }
    assert {f.imposer for f in facts_of("Gecex cut the import tariff on coffee to zero last week.")} == {"BR"}
    dgtr = facts_of("The DGTR recommended, and the finance ministry imposed, a 20% anti-dumping duty on Thai tyres.")
    assert {f.imposer for f in dgtr} == {"IN"}


def test_a_given_name_is_not_a_capital() -> None:
    assert [m.code for m in find_mentions("Santiago Ortiz, an analyst, said Peru will raise tariffs.")] == ["PE"]
    assert [m.code for m in find_mentions("Santiago and Lima signed the pact.")] == ["CL", "PE"]


def test_the_country_whose_rate_it_is_is_the_one_hit() -> None:
    for sentence, country, rate in (
        ("Peru's reciprocal tariff rate will be 10% from next month, the trade minister said.", "PE", 10),
        ("Morocco's tariff rate was lowered to 12% from 30% under the framework.", "MA", 12),
        ("Kenya secured a lower rate of 15% after weeks of calls with Washington.", "KE", 15),
    ):
        assert ("US", (country,), rate) in _parties(sentence, "tariff"), sentence


def test_a_countrys_own_schedule_is_still_its_own() -> None:
    assert ("EG", ("US",), 40) in _parties("Egypt's reciprocal tariffs on US machinery rose to 40%.", "tariff")
    assert not any(f.imposer == "US" for f in facts_of("Chile's tariff rate on US wheat was raised to 18%."))


def test_the_side_offered_an_exemption_is_spared_not_the_one_acting() -> None:
    facts = facts_of("The president will offer Chile and Peru a 60-day exemption from the copper tariffs.")
    assert {(f.kind, f.imposer) for f in facts} == {("relief", "US")}
    assert {t for f in facts for t in f.targets} == {"CL", "PE"}


def test_doha_stands_for_qatar_but_not_as_the_name_of_the_wto_round() -> None:
    assert [m.code for m in find_mentions("Doha and Muscat agreed to cut duties on each other's dates.")] == [
        "QA",
        "OM",
    ]
    assert [m.code for m in find_mentions("Since the Doha round stalled, Peru has signed its own pacts.")] == ["PE"]
    assert [m.code for m in find_mentions("The Doha Development Agenda never closed.")] == []


def test_lao_is_the_demonym_of_laos() -> None:
    assert ("US", ("LA",), 25) in _parties("Washington set a 25% tariff on Lao timber last week.", "tariff")


def test_a_place_before_round_names_the_world_trade_talks_not_a_government() -> None:
    assert [m.code for m in find_mentions("Ministers reviewed the Tokyo Round and the Uruguay trade round.")] == []
    assert [m.code for m in find_mentions("Lima hosted the Uruguay round of world trade talks.")] == ["PE"]
    # A round two sides hold with each other keeps both sides.
    assert [m.code for m in find_mentions("The next US-China round of talks opens Monday.")] == ["US", "CN"]


def test_the_european_community_under_its_old_names_is_the_eu() -> None:
    assert [m.code for m in find_mentions("The EC and the EEC met; the Community said it would act.")] == [
        "EU",
        "EU",
        "EU",
    ]
    assert [m.code for m in find_mentions("The international community said nothing.")] == []


def test_a_country_the_article_never_names_is_no_side() -> None:
    text = (
        "Georgia and Armenia signed a customs pact on Friday.\n\n"
        "Armenian officials said the tariffs on wine would fall next spring."
    )
    assert all("US" not in (f.imposer, *f.targets) for f in facts_of(text))
