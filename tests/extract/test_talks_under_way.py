"""Talks going on ("are in talks", "are negotiating a pact"), talks said only in a relative clause, and
"the two sides" of talks named before. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _talks(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.imposer, f.targets) for f in facts_of(text) if f.kind == "negotiation"]


def test_sides_said_to_be_in_talks_or_negotiating_hold_talks() -> None:
    for sentence in (
        "Morocco and Peru are in talks over a trade pact.",
        "Morocco is in talks with Peru on lowering farm tariffs.",
        "Morocco and Peru remain in intensive talks about the accord.",
        "Morocco and Peru are negotiating a free trade agreement.",
    ):
        assert _talks(sentence) == [("MA", ("PE",))], sentence


def test_talks_named_in_passing_are_not_talks() -> None:
    assert _talks("Morocco said progress in talks with Peru was slow.") == []


def test_talks_said_of_a_party_in_a_relative_clause_are_background() -> None:
    text = "Morocco, which is in talks with Peru, raised its tariff on wheat to 30% on Monday."
    assert _talks(text) == []
    assert [f.rate for f in facts_of(text) if f.kind == "tariff"] == [30.0]


def test_talks_outside_the_relative_clause_still_count() -> None:
    text = "Morocco's trade envoy, who flew to Lima for the talks, met with Peru's minister on Tuesday."
    assert _talks(text) == [("MA", ("PE",))]


def test_the_two_sides_are_those_of_the_talks_named_before() -> None:
    text = (
        "Morocco and Peru held a first round of trade talks in Rabat on Monday.\n\n"
        "The two governments will hold a second round in Lima in April, officials said."
    )
    assert set(_talks(text)) == {("MA", ("PE",))}


def test_the_two_countries_are_those_of_the_measure_named_before() -> None:
    text = (
        "The United States imposed a 25% tariff on Moroccan olive oil on Monday.\n\n"
        "The two countries will hold talks on the tariff next week."
    )
    assert _talks(text) == [("US", ("MA",))]


def test_an_agreement_agreed_or_ratified_is_a_deal() -> None:
    for sentence in (
        "Morocco and Peru agreed a trade deal on Thursday.",
        "Morocco ratified its trade pact with Peru on Tuesday.",
    ):
        deals = [(f.imposer, f.targets) for f in facts_of(sentence) if f.kind == "deal"]
        assert deals == [("MA", ("PE",))], sentence


def test_announcing_an_exit_from_an_agreement_is_a_withdrawal_not_a_deal() -> None:
    facts = facts_of("Morocco announced it would exit the regional trade agreement.")
    assert [(f.kind, f.imposer) for f in facts] == [("withdrawal", "MA")]


def test_more_ways_of_saying_talks_were_held() -> None:
    for sentence in (
        "Trade ministers from Morocco and Peru met in Lima on Monday.",
        "Morocco sent a delegation to Lima to negotiate lower tariffs.",
        "Morocco and Peru have been negotiating since March.",
    ):
        assert {frozenset({i, *t}) for i, t in _talks(sentence)} == {frozenset({"MA", "PE"})}, sentence


def test_a_memorandum_of_understanding_signed_is_a_deal() -> None:
    facts = facts_of("Morocco and Peru signed a memorandum of understanding on trade.")
    assert [(f.kind, f.imposer, f.targets) for f in facts] == [("deal", "MA", ("PE",))]


def test_a_memorandum_signed_by_one_side_alone_is_no_deal() -> None:
    # A leader's memorandum is an order to his own officials, not an agreement with anyone.
    for sentence in (
        "The president of Peru signed a memorandum that could put tariffs on Moroccan fertilizer.",
        "Peru's president signed an executive memorandum directing duties on goods from Morocco.",
    ):
        assert not [f for f in facts_of(sentence) if f.kind == "deal"], sentence
    facts = facts_of("Morocco signed a memorandum with Peru on farm trade on Monday.")
    assert [(f.kind, f.imposer, f.targets) for f in facts] == [("deal", "MA", ("PE",))]


def test_ministers_of_another_portfolio_meeting_are_no_trade_talks() -> None:
    assert _talks("Defence ministers from Morocco and Peru met in Lima on Monday.") == []


def test_other_spellings_and_capitals_name_their_countries() -> None:
    for name, code in (
        ("Turkiye", "TR"),
        ("Burma", "MM"),
        ("Macau", "MO"),
        ("the DRC", "CD"),
        ("Baku", "AZ"),
        ("Pyongyang", "KP"),
    ):
        talks = _talks(f"Peru and {name} held trade talks on Monday.")
        assert talks == [("PE", (code,))], name


def test_met_with_a_reaction_or_in_the_passive_is_no_meeting() -> None:
    for sentence in (
        "The tariffs on Peruvian copper have been met with a loud outcry from builders in Morocco.",
        "Morocco's fruit exports to Peru met with a new hurdle this spring.",
        "Peru's duty plan will be met with resistance in Morocco, its trade minister said.",
    ):
        assert _talks(sentence) == [], sentence
    assert _talks("Morocco's trade minister met with Peru's president on Monday.") == [("MA", ("PE",))]


def test_talks_carried_out_were_held() -> None:
    text = "Three rounds of trade talks between Morocco and Peru have been carried out since March."
    assert _talks(text) == [("MA", ("PE",))]


def test_talks_only_recommended_wished_or_offered_are_not_held() -> None:
    for sentence in (
        "Morocco and Peru should settle their tariff quarrel in negotiations, its minister said.",
        "Peru has expressed its willingness to resume trade talks with Morocco.",
        "Peru is ready to hold talks with Morocco on the wheat tariffs.",
        "There is hope that talks between Morocco and Peru could end the dispute.",
        "Farm groups are calling on Peru to enter into talks with Morocco.",
        "Peru and Morocco are about to launch negotiations on a free trade pact.",
        "Peru invited Morocco to hold trade talks in Lima.",
    ):
        assert _talks(sentence) == [], sentence
    assert _talks("Peru held trade talks with Morocco on Monday.") == [("PE", ("MA",))]
    # An offer made in talks held is no offer of talks.
    assert _talks("Peru offered concessions in talks held with Morocco on Monday.") == [("PE", ("MA",))]


def test_talks_at_a_standstill_are_not_held() -> None:
    assert _talks("Peru blamed Morocco for the trade negotiations being at a standstill.") == []
    assert _talks("Talks between Peru and Morocco reached an impasse on Friday.") == []


def test_a_deal_denied_is_no_deal() -> None:
    for sentence in (
        "Peru and Morocco have not reached a deal on the wheat tariffs.",
        "Peru and Morocco still haven't signed the accord.",
        "No agreement was reached between Peru and Morocco on Friday.",
        "Morocco and Peru had not yet reached an accord when the 30% duty began.",
    ):
        assert not [f for f in facts_of(sentence) if f.kind == "deal"], sentence
    assert [f.kind for f in facts_of("Peru and Morocco reached a trade deal on Friday.")] == ["deal"]


def test_talked_holds_talks_only_with_someone() -> None:
    for sentence in (
        "A Lima importer, who talked anonymously, said tariffs on Moroccan wheat would hurt.",
        "Peru's minister talked at length about Morocco's tariffs on Monday.",
    ):
        assert _talks(sentence) == [], sentence
    assert _talks("Peru's trade minister talked extensively with Morocco's envoy on Monday.") == [("PE", ("MA",))]


def test_a_deal_verb_takes_its_agreement_only_from_its_own_clause() -> None:
    text = "The two teams must now implement the consensus reached in Lima, and come to an agreement."
    assert not [f for f in facts_of(text) if f.kind == "deal"]
    deals = [(f.imposer, f.targets) for f in facts_of("Peru and Morocco signed a new, wider trade pact on Friday.")]
    assert deals == [("PE", ("MA",))]


def test_an_agreement_of_another_domain_or_between_companies_is_no_trade_deal() -> None:
    for sentence in (
        "Peru and Morocco signed a defence pact on Monday.",
        "The peace deal between Peru and Morocco was signed on Monday.",
        "Peruvian and Moroccan companies signed deals worth $25 billion during the visit.",
    ):
        assert not [f for f in facts_of(sentence) if f.kind == "deal"], sentence
    for sentence in (
        "Peru and Morocco signed a free trade agreement on Monday.",
        "Peru and Morocco signed an economic cooperation agreement on Monday.",
    ):
        assert [f.kind for f in facts_of(sentence)] == ["deal"], sentence


def test_talks_called_off_or_put_back_are_not_held() -> None:
    for sentence in (
        "Peru postponed the trade talks with Morocco that had been set for Monday.",
        "The talks between Peru and Morocco on wheat tariffs were called off on Friday.",
        "Peru cancelled its planned trade talks with Morocco.",
    ):
        assert _talks(sentence) == [], sentence
    assert _talks("Peru and Morocco held talks on Monday, and the tariffs were suspended.") == [("PE", ("MA",))]


def test_an_agreement_only_aimed_at_is_no_deal() -> None:
    for sentence in (
        "Peru and Morocco agreed to work toward a free trade agreement.",
        "Peru announced a possible trade deal with Morocco.",
        "Peru and Morocco agreed to study the feasibility of a free trade agreement.",
    ):
        assert not [f for f in facts_of(sentence) if f.kind == "deal"], sentence
    assert [f.kind for f in facts_of("Peru and Morocco agreed to a trade deal on Monday.")] == ["deal"]


def test_talks_stated_before_a_wish_or_an_explanation_still_took_place() -> None:
    for sentence in (
        "Peru's vice premier had a phone call with Morocco's finance minister on Saturday, urging joint efforts.",
        "Peru held trade talks with Morocco on Monday, explaining its position on the wheat tariffs.",
    ):
        assert _talks(sentence) == [("PE", ("MA",))], sentence
    # The wish or condition before the talks still governs them.
    assert _talks("Peru wants talks with Morocco on the wheat tariffs.") == []
    assert _talks("If talks with Morocco fail, Peru will raise its tariffs.") == []


def test_trade_consultations_with_a_side_are_talks() -> None:
    text = "Peru's vice premier arrived in Rabat on Tuesday for trade consultations with the Moroccan side."
    assert _talks(text) == [("PE", ("MA",))]
    # Consultations of the public at home are no talks with anyone.
    assert _talks("Peru will launch new public consultations next month on its customs code.") == []


def test_what_a_known_deal_will_do_is_still_read() -> None:
    text = "Peru and Morocco reached a deal that would cut tariffs on wheat to 5%."
    assert {f.kind for f in facts_of(text)} == {"deal", "tariff"}


def test_the_side_met_with_is_the_other_side_when_named_by_its_demonym() -> None:
    assert _talks("Peru's trade minister met with her Moroccan counterpart on Monday.") == [("PE", ("MA",))]


def _agreements(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.kind, f.imposer, f.targets) for f in facts_of(text) if f.kind in {"negotiation", "deal"}]


def test_speaking_to_reporters_or_people_is_no_talks() -> None:
    for sentence in (
        "Morocco's trade minister was talking to reporters in Rabat after the cabinet met on tariffs.",
        "The Moroccan envoy said he had talked to many people about the wheat tariff.",
    ):
        assert _talks(sentence) == [], sentence


def test_a_commodity_agreement_is_no_trade_deal_nor_talks() -> None:
    for sentence in (
        "Morocco and Peru held talks on export quotas under the International Cocoa Agreement on Monday.",
        "Delegates of the ICO met in London to discuss a new distribution of coffee quotas with Peru.",
        "A new international coffee pact could come into force next year, Peru said.",
    ):
        assert _agreements(sentence) == [], sentence


def test_a_round_of_multilateral_talks_is_talks_with_every_member() -> None:
    text = "Peru's trade minister flew to Geneva on Monday for the new round of GATT negotiations."
    assert _talks(text) == [("PE", ("*",))]


def test_the_place_a_round_is_named_after_is_no_side() -> None:
    text = "Peru opened talks on farm subsidies during a session of the Uruguay round in Geneva on Monday."
    talks = _talks(text)
    assert talks and all("UY" not in (imposer, *targets) for imposer, targets in talks)


def test_talks_with_no_side_named_are_not_guessed_to_be_with_the_us_in_a_story_without_it() -> None:
    text = (
        "Peru raised its tariff on imported wheat to 20% on Monday.\n\n"
        "The Peruvian trade ministry launched negotiations on Tuesday, officials said."
    )
    assert _talks(text) == []


def test_an_agreement_said_to_have_been_signed_is_a_deal() -> None:
    for sentence in (
        "Farmers gained from the Peru-Morocco Trade Agreement (PMTA), signed by the two countries in 2016.",
        "The protocol on the Peru-Morocco trade accord has already been signed, the ministry said.",
    ):
        assert [f.kind for f in facts_of(sentence)] == ["deal"], sentence


def test_a_company_or_lobby_meeting_officials_holds_no_trade_talks() -> None:
    for sentence in (
        "Representatives of Moroccan olive growers met with Peru's trade ministry on Monday.",
        "The Peruvian billionaire reportedly held a meeting with the Moroccan king in Rabat.",
        "Peru's trade minister spoke while meeting with Ana Ruiz, head of the Lima Institute, a Moroccan think tank.",
        "We are negotiating with our Moroccan suppliers, a Peruvian importer said.",
    ):
        assert _talks(sentence) == [], sentence


def test_officials_meeting_a_government_and_its_exporters_hold_talks() -> None:
    assert _talks("Morocco will continue its dialogue with the Peruvian side and local exporters next month.") == [
        ("MA", ("PE",))
    ]


def test_talks_named_as_the_way_to_settle_a_dispute_are_not_held() -> None:
    text = "The row with Peru started last year, and Morocco prefers to settle it through dialogue and negotiations."
    assert _talks(text) == []
    assert _talks("Morocco and Peru resolved the row through these talks, held in Lima on Monday.") != []


def test_a_withdrawal_only_threatened_or_intended_is_no_withdrawal() -> None:
    for sentence in (
        "Peru keeps threatening to withdraw from its trade pact with Chile.",
        "The Peruvian government is committed to withdrawing from the trade agreement with Chile.",
        "Lima said Peru would be prepared to leave the customs union with Chile with no deal.",
    ):
        assert [f for f in facts_of(sentence) if f.kind == "withdrawal"] == [], sentence


def test_leaving_the_climate_treaty_is_no_trade_withdrawal() -> None:
    assert [f for f in facts_of("Peru decided to quit the Paris Agreement on Monday.") if f.kind == "withdrawal"] == []
    assert [f.imposer for f in facts_of("Peru withdrew from its trade pact with Chile.") if f.kind == "withdrawal"] == [
        "PE"
    ]


def test_talks_dreamt_of_or_wished_for_are_not_held() -> None:
    assert _talks("Currently, Peru dreams of holding a series of bilateral negotiations with Chile.") == []
    assert _talks("Peru wishes to hold talks with Chile.") == []


def test_talks_opened_are_held_but_a_side_open_to_talks_holds_none() -> None:
    assert _talks("Senior Korean officials tomorrow open talks with American negotiators.") == [("KR", ("US",))]
    assert _talks("Seoul is always open to negotiations with Washington, the minister said.") == []


def test_talks_led_since_a_time_are_the_point_of_the_sentence() -> None:
    for sentence in (
        "Since last spring Morocco's envoy has been leading talks with Peru on farm tariffs.",
        "Since January Morocco has held talks with Peru on farm tariffs.",
    ):
        assert _talks(sentence) == [("MA", ("PE",))], sentence


def test_talks_named_in_a_since_phrase_stay_background() -> None:
    text = "Since talks with Peru broke down in May, Morocco has raised its tariff on wheat to 30%."
    assert _talks(text) == []


def test_the_singular_negotiation_names_talks_held() -> None:
    assert _talks("Morocco and Peru initiated the FTA negotiation in March.") == [("MA", ("PE",))]


def test_a_negotiation_tactic_is_no_talks() -> None:
    assert _talks("Morocco held its wheat tariff in place as a negotiation tactic with Peru, critics said.") == []


def test_the_country_hosting_a_round_is_no_side_of_it() -> None:
    text = "Gomez is in Morocco for a meeting of two days where trade ministers review the Uruguay round."
    found = _talks(text)
    assert found and all(imposer != "MA" for imposer, _targets in found)


def test_the_two_sides_as_subject_keep_the_order_the_article_named_them_in() -> None:
    # The pair is the subject; the names inside the pact's name are the object's, not a new first party.
    text = (
        "Morocco and Peru signed a trade deal on Monday. The two countries also began talks to widen "
        "the Morocco-Peru trade pact to services."
    )
    assert _talks(text) == [("MA", ("PE",))]


def test_talks_measured_in_days_weeks_or_months_took_place() -> None:
    # A stretch of talks with its place is a meeting held, whatever the main clause goes on to say.
    for sentence in (
        "The envoy's visit follows four days of negotiations between Morocco and Peru in Lima.",
        "The minister's trip comes on the heels of two weeks of talks in Rabat between Morocco and Peru.",
    ):
        assert _talks(sentence) == [("MA", ("PE",))], sentence
    # Background talks of a deal remain no fact of their own.
    assert _talks("After months of talks, Morocco and Peru signed a trade pact.") == []
