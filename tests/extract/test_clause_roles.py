"""Who acts and who is hit when a sentence holds a clause of its own: a relative clause about a party, a time
clause with its own subject, a truce or cut both sides make. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _by_rate(text: str, kind: str = "tariff") -> dict[float | None, tuple[str, tuple[str, ...]]]:
    return {f.rate: (f.imposer, f.targets) for f in only(facts_of(text), kind)}


def test_a_levy_a_party_faces_in_a_relative_clause_hits_that_party() -> None:
    read = _by_rate("Peru, which faces a 30% levy since May, said it would put duties of 15% on US wheat.")
    assert read[15][0] == "PE"
    assert read[30] != read[15] and "PE" in read[30][1]
    passive = _by_rate("Egypt, which was hit with a 40 percent tariff in April, set 12% duties on American corn.")
    assert passive[12] == ("EG", ("US",))
    assert "EG" in passive[40][1] and passive[40][0] != "EG"


def test_whose_goods_face_a_rate_are_hit_by_it() -> None:
    read = _by_rate("Thailand, whose exports face a 36% tariff, said on Monday it would buy more US gas.")
    assert read[36][0] != "TH" and "TH" in read[36][1]


def test_a_party_named_by_a_relative_clause_after_the_object_acts_in_it() -> None:
    read = _by_rate("The president put a 35% tariff on Chile, which answered with duties of 20% on US pork.")
    assert read[35] == ("US", ("CL",))
    assert read[20] == ("CL", ("US",))


def test_a_relative_clause_that_speaks_of_the_tariff_still_widens_it() -> None:
    # "which also applies to ..." is said of the tariff, not of the country before the comma.
    read = _by_rate("The order sets a 22% tariff on goods from Peru, which also applies to Chile.")
    assert set(read[22][1]) >= {"PE", "CL"}


def test_a_time_clause_without_a_comma_keeps_its_own_subject_and_rate() -> None:
    read = _by_rate(
        "Norway said it would set 18% duties on US salmon feed after Trump raised tariffs on Norwegian goods to 45%."
    )
    assert read[18] == ("NO", ("US",))
    assert read[45] == ("US", ("NO",))
    # A date after "after" is no clause of its own: the rate stays with the one subject.
    assert _by_rate("Kenya raised its duty on sugar to 35% after March 1 last year.")[35][0] == "KE"


def _sides(text: str, kind: str) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.imposer, f.targets) for f in only(facts_of(text), kind)}


def test_a_cut_on_each_others_goods_is_one_measure_per_side() -> None:
    assert _sides("Chile and Korea agreed to cut tariffs on each other's goods to 4%.", "tariff") == {
        ("CL", ("KR",)),
        ("KR", ("CL",)),
    }


def test_both_sides_named_earlier_each_suspend_their_tariffs() -> None:
    text = (
        "Trump spoke with Vietnam's leader To Lam by phone on Tuesday.\n\n"
        "Both sides agreed to suspend new tariffs for 60 days while officials negotiate."
    )
    assert _sides(text, "pause") == {("US", ("VN",)), ("VN", ("US",))}
    text = (
        "The president received Egypt's trade minister.\n\n"
        "The two countries will remove tariffs on one another's cotton."
    )
    assert _sides(text, "lift") == {("US", ("EG",)), ("EG", ("US",))}


def test_a_third_side_hit_by_two_acting_together_is_not_turned_into_a_mutual_measure() -> None:
    text = "Chile and Peru put 20% duties on Chinese steel, which both countries say is sold below cost."
    assert _sides(text, "tariff") == {("CL", ("CN",)), ("PE", ("CN",))}


def test_a_mutually_beneficial_deal_is_not_a_measure_both_sides_take() -> None:
    text = "Trump met Vietnam's leader on Monday.\n\nWashington will cut tariffs to 15% in a mutually beneficial deal."
    assert ("VN", ("US",)) not in _sides(text, "tariff")


def test_retaliation_naming_no_actor_is_the_side_hit_before() -> None:
    text = (
        "The US put a 40% tariff on Norwegian salmon on Monday.\n\n"
        "In retaliation, duties of 15% were announced on pickup trucks."
    )
    assert _sides(text, "tariff") == {("US", ("NO",)), ("NO", ("US",))}
    text = "Washington tripled its duties on Turkish steel.\n\nRetaliatory levies of 10% will hit rice and coal."
    assert ("TR", ("US",)) in _sides(text, "tariff")


def test_retaliation_against_the_side_that_hit_first_can_be_the_us() -> None:
    text = (
        "Brazil imposed 30% tariffs on US ethanol on Friday.\n\n"
        "Retaliatory tariffs of 45% on Brazilian coffee followed on Monday."
    )
    assert ("US", ("BR",)) in _sides(text, "tariff")
    assert ("BR", ("BR",)) not in _sides(text, "tariff")


def test_a_rate_named_as_another_sides_tariff_is_that_sides() -> None:
    read = _by_rate("Peru's 20% duties on US wheat answer Trump's 35% tariff on Peruvian copper.")
    assert read[20] == ("PE", ("US",))
    assert read[35] == ("US", ("PE",))
    read = _by_rate("Ankara put 12% tariffs on US rice in response to a 30% US tariff on all Turkish goods.")
    assert read[12] == ("TR", ("US",))
    assert read[30] == ("US", ("TR",))
    read = _by_rate("Kenya imposes 60% on US chicken, against the 4% the US charges on Kenyan tea.")
    assert read[4][0] == "US"


def test_a_countrys_rate_in_a_list_is_still_the_rate_it_is_charged() -> None:
    read = _by_rate("The president listed the new rates: Laos's 40% tariff and Fiji's 32% tariff apply from Monday.")
    assert read[40] == ("US", ("LA",))
    assert read[32] == ("US", ("FJ",))


def test_a_second_subject_after_and_takes_its_own_rate() -> None:
    read = _by_rate("Washington raised duties on Indian shrimp to 60% and India answered with 30% on US walnuts.")
    assert read[60] == ("US", ("IN",))
    assert read[30] == ("IN", ("US",))
    # Two subjects of one verb are not split: "Chile and Peru imposed ..." stays one statement of both.
    assert _sides("President Boric and President Boluarte imposed 9% duties on Chinese steel.", "tariff")


def test_a_following_clause_with_its_own_subject_keeps_its_rate() -> None:
    read = _by_rate("Norway will set 15% on US whiskey from May, following the US decision to raise its tariff to 45%.")
    assert read[15] == ("NO", ("US",))
    assert read[45][0] == "US"


def test_a_side_named_in_a_parenthesis_before_the_verb_is_not_the_subject() -> None:
    text = "Petro, in a long post that likened Trump's measures to an invasion, answered with 40% tariffs on US goods."
    assert _by_rate(text)[40] == ("CO", ("US",))
    text = "Ankara, after a call between the two leaders, said it would drop its 10% duty on US cars."
    assert {(f.imposer, f.rate) for f in facts_of(text) if f.kind in {"tariff", "lift"}} == {("TR", 10)}


def test_a_side_moved_to_act_answers_in_a_clause_of_its_own() -> None:
    read = _by_rate("Trump put 30% on Peru and Chile, prompting Chile to announce 15% counter-tariffs on US grapes.")
    assert read[30] == ("US", ("PE", "CL"))
    assert read[15] == ("CL", ("US",))


def test_a_country_followed_by_its_verb_is_the_subject_not_the_origin_of_goods() -> None:
    text = "The US tripled its copper tariffs to 45%, forcing Brussels to answer with 20% duties on US bourbon."
    read = _by_rate(text)
    assert read[45][0] == "US"
    assert read[20] == ("EU", ("US",))


def test_a_levy_another_side_placed_keeps_its_side_next_to_the_answer() -> None:
    text = "Oslo will add a 10% tariff on US gas, matching the 10% levy Washington placed on Norwegian fish."
    facts = only(facts_of(text), "tariff")
    assert {(f.imposer, f.targets) for f in facts} == {("NO", ("US",)), ("US", ("NO",))}


def test_a_tariff_on_whoever_buys_a_countrys_goods_is_on_everyone_but_that_country() -> None:
    for sentence in (
        "The president threatened 50% secondary tariffs on countries that buy Iranian crude.",
        "Any nation purchasing gas from Qatar will pay a 20% tariff on its exports to the United States.",
    ):
        assert [f.targets for f in only(facts_of(sentence), "tariff")] == [("*",)], sentence
    read = _by_rate("Washington imposed an extra 25% on Turkish goods for buying Russian gas.")
    assert read[25] == ("US", ("TR",))


def test_each_side_named_with_its_own_participle_takes_its_own_rate() -> None:
    text = (
        "Both agreed to lower tariffs, with the US cutting its rate on Korean goods to 12% "
        "and Korea lowering its duties on US goods to 3%."
    )
    read = _by_rate(text)
    assert read[12] == ("US", ("KR",))
    assert read[3] == ("KR", ("US",))


def test_a_party_right_after_the_subjects_verb_is_its_object() -> None:
    read = _by_rate("Mexico matched the US with 30% tariffs on American pork.")
    assert read[30] == ("MX", ("US",))


def test_a_counted_group_of_countries_is_everyone_not_a_guess() -> None:
    sentence = "Beijing will grant zero-tariff treatment to imports from the 33 least developed countries."
    assert [f.targets for f in facts_of(sentence) if f.kind in {"lift", "relief"}] == [("*",)]


def test_the_agent_of_a_single_levy_is_the_side_acting() -> None:
    # "by" or "from" right after one tariff word names who set it, as it does after the plural.
    assert _by_rate("Ghana was hit with a 14% levy by Togo on Friday.")[14] == ("TG", ("GH",))
    assert _by_rate("Norway now faces a 9% duty from Iceland on its salmon.")[9] == ("IS", ("NO",))


def test_a_clause_s_relative_clauses_serve_its_parties_and_each_of_its_rates() -> None:
    from monitor.extract.context import Context
    from monitor.extract.gazetteer import find_mentions
    from monitor.extract.parties import Resolver, relative_clauses

    clause = "Ghana, which faces a 25% levy since June, said it would set duties of 10% on US rice."
    mentions = find_mentions(clause)
    resolver = Resolver(clause, mentions, Context(published=None), None)
    # Found once, then the same for the clause's own parties and for every rate asked about.
    assert resolver.relatives() == relative_clauses(clause, mentions)
    assert resolver.relatives() is resolver.relatives()
    inside = resolver.at(clause.index("25%"))
    assert inside is not None and "GH" in inside.targets  # the relative clause's levy falls on Ghana
    assert resolver.at(clause.index("10%")) is None
    assert resolver().imposer == "GH"
