"""Who acts, who is hit and what kind of fact, read from the structure of sentences we wrote."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.conftest import facts_of, only


def _shape(text: str) -> set[tuple[object, ...]]:
    return {(f.kind, f.imposer, f.targets, f.sector, f.rate) for f in facts_of(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Passive voice and "faces": the side hit is the subject.
        (
            "The European Union has been hit with a 20% tariff by the United States.",
            {("tariff", "US", ("EU",), None, 20)},
        ),
        ("Japan faces a 24% tariff on its exports to the United States.", {("tariff", "US", ("JP",), None, 24)}),
        # An actor named first: the demonym says whose goods are hit.
        ("Trump is increasing South Korean tariffs from 15% to 25%.", {("tariff", "US", ("KR",), None, 25)}),
        # A possessive owns the tariff.
        ("China's 34% levies on American goods took effect on Thursday.", {("tariff", "CN", ("US",), None, 34)}),
        # "Mexico exempted" acts; "Mexico was exempted" is spared.
        (
            "Mexico exempted auto parts from its new 30% tariff on Chinese goods.",
            {("relief", "MX", ("CN",), "auto_parts", 30)},
        ),
        # One fact per party with its own rate.
        (
            "Washington imposed duties of 49% on Cambodia, 46% on Vietnam and 44% on Sri Lanka.",
            {
                ("tariff", "US", ("KH",), None, 49),
                ("tariff", "US", ("VN",), None, 46),
                ("tariff", "US", ("LK",), None, 44),
            },
        ),
        # A range gives one fact per end.
        (
            "Peru imposed anti-dumping duties ranging from 8% to 19% on Chinese steel pipes.",
            {("tariff", "PE", ("CN",), "steel", 8), ("tariff", "PE", ("CN",), "steel", 19)},
        ),
        # The party left out of a measure on everyone is not its target.
        (
            "The steel tariff doubled to 50% for all trading partners except Britain.",
            {("tariff", "US", ("*",), "steel", 50)},
        ),
        # A cut to zero is a lift of the rate removed.
        (
            "Beijing said duties on Canadian canola will be cut from 25% to 0% next month.",
            {("lift", "CN", ("CA",), "agriculture", 25)},
        ),
        # The change amount is not the rate.
        (
            "Ottawa raised its surtax on Chinese EVs by 5 percentage points to 30%.",
            {("tariff", "CA", ("CN",), "autos", 30)},
        ),
    ],
)
def test_sides_and_rates_come_from_the_clause(text: str, expected: set[tuple[object, ...]]) -> None:
    assert _shape(text) == expected


def test_a_venue_is_not_a_party() -> None:
    talks = only(
        facts_of("Negotiators from Canada and Mexico held talks in Geneva, Switzerland on Monday."), "negotiation"
    )
    assert [(f.imposer, f.targets) for f in talks] == [("CA", ("MX",))]
    summit = facts_of("The truce between Brazil and Chile came after a dinner at the G20 summit in Argentina.")
    assert all("AR" not in (f.imposer, *f.targets) for f in summit)


def test_a_party_named_in_a_reason_is_not_hit() -> None:
    facts = only(
        facts_of("Washington imposed a 25% tariff on Indian goods in response to purchases of Russian oil."), "tariff"
    )
    assert [(f.imposer, f.targets) for f in facts] == [("US", ("IN",))]


def test_an_article_that_never_names_the_us_is_about_its_own_country() -> None:
    text = (
        "Turkey raised import duties on 40 products on Friday. "
        "Duties on imported fruit juices will rise to 45%, the trade ministry said."
    )
    rated = [f for f in only(facts_of(text), "tariff") if f.rate]
    assert [(f.imposer, f.targets, f.sector, f.rate) for f in rated] == [("TR", ("*",), "agriculture", 45)]


@pytest.mark.parametrize(
    "text",
    [
        "Colombia responded by suspending electricity exports to Ecuador.",
        "The plan aims to eliminate the trade imbalance with Korea within five years.",
        "Moldova requested a grace period from the 25% tariff on its goods.",
        "The removal of tariffs on the goods would reduce inflation by half a point, analysts said.",
        "The central bank lowered its growth forecast to 1.5%, citing tariffs.",
    ],
)
def test_a_kind_needs_its_governing_word(text: str) -> None:
    assert not [f for f in facts_of(text) if f.kind in {"pause", "lift"}]
    assert not [f for f in facts_of(text) if f.rate in {1.5, 25}]


def test_ending_a_preference_programme_is_a_withdrawal() -> None:
    facts = facts_of("The United States withdrew the GSP benefits of Thai exporters last month.")
    assert [(f.kind, f.imposer, f.targets) for f in facts] == [("withdrawal", "US", ("TH",))]


def test_a_mutual_pause_gives_one_pause_per_side() -> None:
    facts = only(facts_of("Ottawa and Washington announced a monthlong pause on tariffs against one another."), "pause")
    assert {(f.imposer, f.targets) for f in facts} == {("CA", ("US",)), ("US", ("CA",))}
    assert all(f.until is not None for f in facts)


def test_a_pause_referred_back_to_with_nothing_new_is_no_second_pause() -> None:
    text = (
        "The 18 percent tariff on goods from Peru was paused until October 3. "
        "Shippers said the pause let them move the autumn harvest."
    )
    pauses = only(facts_of(text), "pause")
    assert [(f.imposer, f.targets, f.rate) for f in pauses] == [("US", ("PE",), 18)]


def test_a_pause_referred_back_to_with_a_new_end_is_still_read() -> None:
    text = "The reprieve for Peruvian goods was extended until December 1."
    [pause] = only(facts_of(text), "pause")
    assert pause.targets == ("PE",) and pause.until is not None and pause.until.month == 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Demonyms and capitals beyond the big economies name their country.
        ("Washington set a 20% tariff on Iraqi oil products.", {("tariff", "US", ("IQ",), "energy", 20)}),
        ("A 15% US tariff now applies to Jordanian garments.", {("tariff", "US", ("JO",), "textiles", 15)}),
        # "Jordan" is the country unless a given name stands before it.
        ("The United States imposed a 15% tariff on goods from Jordan.", {("tariff", "US", ("JO",), None, 15)}),
    ],
)
def test_parties_of_smaller_economies(text: str, expected: set[tuple[object, ...]]) -> None:
    assert _shape(text) == expected


def test_a_person_named_jordan_is_no_party() -> None:
    from monitor.extract.gazetteer import find_mentions

    assert [m.code for m in find_mentions("Congressman Jim Jordan spoke about tariffs on Chile.")] == ["CL"]


def test_an_exemption_naming_no_tariff_refers_back_to_the_last_one() -> None:
    text = (
        "Washington will charge a 25% tariff on imported steel and a 10% tariff on aluminum from June 1. "
        "Australia and Argentina will, for the time being, be exempted while talks go on."
    )
    reliefs = {(f.imposer, f.targets, f.sector) for f in facts_of(text) if f.kind == "relief"}
    assert reliefs == {("US", ("AU", "AR"), "steel"), ("US", ("AU", "AR"), "aluminum")}


def test_an_exemption_long_after_any_tariff_is_no_relief() -> None:
    text = (
        "Washington will charge a 25% tariff on imported steel from June 1. "
        "The talks are about investment. Officials met for a second round. "
        "Some firms will be exempted from the new reporting rules."
    )
    assert [f for f in facts_of(text) if f.kind == "relief"] == []


def test_an_exemption_from_its_tariffs_covers_the_goods_it_taxed_sentences_before() -> None:
    # "its tariffs" names no goods: they are those of the last tariff the same side was said to impose,
    # even with another side's measure read in between.
    text = (
        "Washington will put a 25% tariff on copper and lumber from abroad next week. "
        "Meanwhile, Brazil raised its duty on imported wine to 20%. "
        "Local winemakers had lobbied for it for years. "
        "The White House plans to grant Chile a 60-day exemption from its tariffs, an aide said."
    )
    reliefs = {(f.imposer, f.targets, f.sector) for f in facts_of(text) if f.kind == "relief"}
    assert reliefs == {("US", ("CL",), "copper"), ("US", ("CL",), "lumber")}


def test_an_exemption_from_tariffs_named_with_their_goods_keeps_those_goods() -> None:
    text = (
        "Washington will put a 25% tariff on copper from abroad next week. "
        "The White House plans to grant Chile a 60-day exemption from its tariffs on lumber, an aide said."
    )
    reliefs = {(f.imposer, f.targets, f.sector) for f in facts_of(text) if f.kind == "relief"}
    assert reliefs == {("US", ("CL",), "lumber")}


def test_a_dateline_names_the_government_of_a_story_about_its_own_duties() -> None:
    text = (
        "OTTAWA - The budget released on Tuesday, days after US officials criticised the country's tariffs, "
        "changes several duties.\n\n"
        "The duty on bicycles will be cut from 15% to 8% on July 1."
    )
    assert {(f.kind, f.imposer, f.targets, f.rate) for f in facts_of(text) if f.rate == 8} == {
        ("tariff", "CA", ("*",), 8)
    }


def test_a_threshold_is_no_rate() -> None:
    # "below 5%" sorts the tariff lines; the cut itself is the 0% the sentence goes on to state.
    rates = {f.rate for f in facts_of("Norway will abolish all its tariffs below 5% on industrial goods.")}
    assert 5 not in rates
    assert 5 in {f.rate for f in facts_of("Norway will impose a 5% tariff on industrial goods from Chile.")}


def test_the_duties_referred_back_to_are_no_new_tariff() -> None:
    text = (
        "The ministry said Chile will charge a 12% duty on Peruvian cement from May 1. "
        "Defending the duties, the minister said Santiago had no other choice."
    )
    assert [(f.imposer, f.rate) for f in facts_of(text) if f.kind == "tariff"] == [("CL", 12)]


def test_a_definite_phrase_that_says_what_the_measure_is_is_stated() -> None:
    # "the tariff adjustments" is a compound naming the measure announced, not a reference back.
    text = "President Smith announced the tariff adjustments for all trading partners at the White House."
    assert {(f.kind, f.imposer) for f in facts_of(text)} == {("tariff", "US")}


def test_a_rate_inside_a_time_clause_keeps_its_target() -> None:
    text = (
        "Washington hit the country with broad levies this spring, after first moving to impose tariffs "
        "as high as 60% on Hanoi."
    )
    assert {(f.imposer, f.targets, f.rate) for f in facts_of(text) if f.kind == "tariff"} == {("US", ("VN",), 60)}


def test_an_origin_given_as_an_example_does_not_narrow_a_sector_tariff() -> None:
    text = "Washington imposed a 25 percent tariff on imported trucks, including from Germany, on Monday."
    assert {(f.imposer, f.targets, f.sector) for f in facts_of(text)} == {("US", ("*",), "autos")}
    text = "Washington imposed a 25 percent tariff on trucks from Germany on Monday."
    assert {(f.imposer, f.targets, f.sector) for f in facts_of(text)} == {("US", ("DE",), "autos")}


def test_dates_of_a_measure_referred_back_to_go_to_its_tariffs() -> None:
    text = (
        "Norway raised import duties on cheese to 30%. Duties on furniture from Sweden will rise to 12%. "
        "The new duties will stay in place until December 31, 2031."
    )
    found = {(f.imposer, f.targets, f.rate, f.until) for f in facts_of(text)}
    assert found == {
        ("NO", ("*",), 30, dt.date(2031, 12, 31)),
        ("NO", ("SE",), 12, dt.date(2031, 12, 31)),
    }


def test_a_tariff_with_a_long_goods_phrase_keeps_the_rate_it_rises_to() -> None:
    text = "Duties on furniture and kitchenware from Portugal, Greece and Cyprus will rise to 45 per cent."
    assert {(f.targets, f.rate) for f in facts_of(text) if f.kind == "tariff"} == {(("PT", "GR", "CY"), 45)}


def test_a_duty_stated_as_a_share_of_the_customs_value_is_a_rate() -> None:
    text = "Under the decree, duties on tiles and bricks from Spain will amount to 18 per cent of the customs value."
    assert {(f.targets, f.rate) for f in facts_of(text) if f.kind == "tariff"} == {(("ES",), 18)}
    assert not facts_of("Farm goods made up 18 per cent of the value of trade between the two.")


def test_the_finite_verb_negotiate_reports_talks() -> None:
    found = {(f.kind, f.imposer, f.targets) for f in facts_of("Ghana is negotiating with Canada over a trade pact.")}
    assert found == {("negotiation", "GH", ("CA",))}
    assert not facts_of("Ghana will have to negotiate with Canada one day.")


def test_goods_named_after_a_speech_participle_are_not_the_tariffs_goods() -> None:
    text = (
        "Smith said the tariffs on Chinese goods would rise to 25 percent on March 1, adding that any "
        "retaliation against American farmers would be met with more."
    )
    assert {(f.targets, f.sector, f.rate) for f in facts_of(text) if f.kind == "tariff"} == {(("CN",), None, 25)}


def test_the_sectors_the_reader_emits_are_the_sectors_rules_and_events_accept() -> None:
    # The extract and events rooms may not import each other, so each holds the contract's list: a sector one
    # knows and the other does not would be a fact no rule could filter on.
    from monitor.events.facts import SECTORS as EVENT_SECTORS
    from monitor.extract.facts import SECTORS as READER_SECTORS

    assert READER_SECTORS == EVENT_SECTORS


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        # After a comma: a conjunction, a speech participle, a time clause with its own subject.
        (
            "Nairobi raised the levy on sugar to 20%, while Kampala kept its own duty where it was.",
            ["Nairobi raised the levy on sugar to 20%", "Kampala kept its own duty where it was."],
        ),
        (
            "Quito lifted the surcharge on fertiliser imports, adding that more cuts would follow.",
            ["Quito lifted the surcharge on fertiliser imports", "adding that more cuts would follow."],
        ),
        # After a closing quote, and after a space: "and" with a named subject and its verb, a dash, a time clause.
        (
            "Officials called the plan “a fair answer” and said the duties on tyres would stay until May.",
            # (the closing quote goes with the break)
            ["Officials called the plan “a fair answer", "said the duties on tyres would stay until May."],
        ),
        (
            "Accra cut the duty on rice to 5% and Lagos raised its own levy on rice to 15% in March.",
            ["Accra cut the duty on rice to 5%", "Lagos raised its own levy on rice to 15% in March."],
        ),
        (
            "Santiago set a 12% duty on steel wire - the finance ministry said so in a statement on Friday.",
            ["Santiago set a 12% duty on steel wire", "the finance ministry said so in a statement on Friday."],
        ),
        # After a semicolon and a colon (a capital after the colon).
        (
            "Peru kept its 9% duty on sugar imports; Chile removed its own duty on sugar in June.",
            ["Peru kept its 9% duty on sugar imports", "Chile removed its own duty on sugar in June."],
        ),
        # A leading clause of time or circumstance has its own subject: "In the wake of ..., ", "Despite ..., ".
        (
            "In the wake of Lima's plan to set 20% duties on Chilean fruit, Chile threatened to answer.",
            ["In the wake of Lima's plan to set 20% duties on Chilean fruit", "Chile threatened to answer."],
        ),
        (
            "Despite protests from Peruvian growers, Chile kept its 6% duty on potatoes.",
            ["Despite protests from Peruvian growers", "Chile kept its 6% duty on potatoes."],
        ),
        # A second event after ", followed by": its own subject.
        (
            "Lima's duty on Chilean wine took effect, followed by Chile's levy on Peruvian fish.",
            ["Lima's duty on Chilean wine took effect", "followed by Chile's levy on Peruvian fish."],
        ),
        # "but" before a second verb of the same subject: a second act.
        (
            "Lima set a 12% duty on Chilean steel but exempted Bolivia from it.",
            ["Lima set a 12% duty on Chilean steel", "exempted Bolivia from it."],
        ),
        # An opening phrase ending in a list of names ends at the comma after the list's last item.
        (
            "After signing pacts with Peru, Chile and the EU, Morocco agreed a trade deal with Korea.",
            ["After signing pacts with Peru, Chile and the EU", "Morocco agreed a trade deal with Korea."],
        ),
        (
            "After Lima raised duties on Chile, Bolivia and Ecuador, Quito set a levy on Peruvian fish.",
            ["After Lima raised duties on Chile, Bolivia and Ecuador", "Quito set a levy on Peruvian fish."],
        ),
        # (Not where no comma closes the list: the names after the opening phrase are the main clause's subjects.)
        (
            "After Lima raised duties, Chile and Bolivia retaliated.",
            ["After Lima raised duties", "Chile and Bolivia retaliated."],
        ),
        # No break: two subjects of one verb, and a participle that is not a verb of its own.
        (
            "President Ruto and President Museveni agreed to drop the duties on milk from July.",
            ["President Ruto and President Museveni agreed to drop the duties on milk from July."],
        ),
    ],
)
def test_a_sentence_is_cut_into_clauses_at_its_breaks(sentence: str, clauses: list[str]) -> None:
    from monitor.extract.clauses import split_clauses

    assert split_clauses(sentence) == clauses


def test_a_deal_after_an_opening_list_of_partners_is_the_main_subjects() -> None:
    text = (
        "After announcing trade pacts with Peru, Chile and Bolivia, the Moroccan king announced a trade deal "
        "with Korea."
    )
    # The pacts of the opening phrase are the king's too (background stated as fact), never Chile's or Bolivia's.
    deals = [(f.imposer, f.targets) for f in only(facts_of(text), "deal")]
    # Pacts in the plural are one per partner.
    assert deals == [("MA", ("PE",)), ("MA", ("CL",)), ("MA", ("BO",)), ("MA", ("KR",))]
