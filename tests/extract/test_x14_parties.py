"""Who acts and who is hit, round 14. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _sides(text: str, kind: str = "tariff") -> list[tuple[str, tuple[str, ...]]]:
    return [(f.imposer, f.targets) for f in only(facts_of(text), kind)]


def test_the_object_of_a_verb_of_striking_is_the_side_struck() -> None:
    # "slap X with tariffs": X is the verb's object, so it is struck, and the subject before it acts; a verb in
    # "-s" or "-ing" is as much a verb as one in "-ed".
    assert _sides("Washington slaps Peru with new tariffs") == [("US", ("PE",))]
    assert _sides("Now Canada is slapping Chile with tariffs on its wine.") == [("CA", ("CL",))]
    assert _sides("Japan is threatening Korea with 20% duties.") == [("JP", ("KR",))]


def test_the_administration_is_the_us_executive() -> None:
    # In US news "the administration" with no name before it is Washington's executive: its measure is the
    # US's even where another side acted in the sentences before.
    text = (
        "Peru raised tariffs on US cars in May.\n\nPeru also set duties on US soybeans.\n\n"
        "The administration previously imposed tariffs on steel and aluminum."
    )
    assert ("US", ("*",)) in _sides(text)
    assert ("PE", ("*",)) not in _sides(text) and ("PE", ("US",)) in _sides(text)
    assert all(f.imposer == "US" for f in facts_of(text) if f.sector in {"steel", "aluminum"})


def test_sides_named_as_examples_of_unnamed_countries_leave_the_measure_on_everyone() -> None:
    # "like", "such as", "including" and "among others" give examples, not the whole list: the measure falls on
    # every origin, as "dozens of economies" does.
    assert _sides("Washington put new duties on machinery from countries like Peru, Chile and Bolivia.") == [
        ("US", ("*",))
    ]
    assert _sides("The US imposed tariffs on textiles against, among others, Vietnam and Laos.") == [("US", ("*",))]
    # A side named again outside the examples is hit by name.
    named = "The US raised duties on machinery from nations such as Peru, and on Peruvian textiles."
    assert all(t != ("*",) for _, t in _sides(named))


def test_a_number_with_a_thousands_comma_does_not_end_an_opening_reply_phrase() -> None:
    # The comma of "2,400" is inside a number: the phrase answered runs on to the comma after "goods", so its
    # owner is not read as the side acting, and the side named after it acts, on the side it answers.
    text = "In response to Trump's duties on 2,400 goods, Chile has threatened a 30 percent tariff on wine."
    assert _sides(text) == [("CL", ("US",))]


def test_an_opening_reply_phrase_names_the_side_hit() -> None:
    # The side a measure answers is hit by it, where the main clause names no other.
    text = "In response to Peru's new duties, Chile has threatened a 30 percent tariff on wine."
    assert _sides(text) == [("CL", ("PE",))]


def test_a_side_named_inside_a_reported_clause_is_read_from_that_clauses_verb() -> None:
    # "warned that X would impose ...": the warning reports a clause with a subject of its own, which acts; the
    # seller of the goods taxed, named after that verb, does not.
    text = "She also warned that the US would soon impose a 20% tax on everything Peru sells to the US."
    assert _sides(text) == [("US", ("PE",))]


def test_a_title_before_the_name_in_a_reduced_relative_keeps_that_side_the_owner() -> None:
    # "the tariffs (that) Mr. Trump slapped on ...": the name after its title is the subject of the relative
    # clause, so the tariffs are its side's, whatever government the dateline names.
    text = "OTTAWA — Tariffs that Mr. Trump already slapped on Peru will stay in place for now."
    assert _sides(text) == [("US", ("PE",))]


def test_he_or_she_before_the_measure_is_the_person_named_not_a_country_between() -> None:
    # "he" stands for a person: the leader named before, not the country named between as another verb's subject.
    text = (
        "Lula claims Peru has taken advantage of Brazil for decades but that this will end when he imposes tariffs "
        "on Peruvian goods."
    )
    assert _sides(text) == [("BR", ("PE",))]


def test_a_measure_named_only_in_a_relative_clause_is_its_antecedents() -> None:
    # "X, who agreed to delay a tariff hike, said Y would buy ...": the relative clause's subject is X; the main
    # clause names no measure, so Y, the subject of another verb, neither acts nor is it what the pause is on.
    text = "President Lula, who agreed to delay a planned tariff hike on Peru, said Chile would buy more beef."
    assert _sides(text, "pause") == [("BR", ("PE",))]
    # A side the main clause's measure hits keeps that reading ("wines from Chile, which paid ..., enter ...").
    hit = "Wines from Chile, which paid a 14% tariff, can now enter Peru tariff-free."
    assert all(imposer != "CL" for imposer, _ in _sides(hit, "lift"))


def test_a_side_named_after_a_preposition_is_no_subject() -> None:
    # "after announcing", "by imposing": the participle's subject is the subject of the verb before it; sides named
    # after "in", "from" or "to" are objects of those prepositions and act in nothing.
    text = "Lula is facing anger from exporters in Peru and Chile after announcing a 20 percent tariff on textiles."
    assert [imposer for imposer, _ in _sides(text)] == ["BR"]
    answer = "Lima ignored warnings from Lula and stirred markets by announcing a 25% tariff on Brazilian goods."
    assert _sides(answer) == [("PE", ("BR",))]
    met = "Lula met with Milei on Friday, months after the countries had slapped 20% tariffs on each other's goods."
    assert ("BR", ("AR",)) in _sides(met)


def test_and_before_a_new_subject_with_a_verb_in_the_present_opens_a_clause_of_its_own() -> None:
    # ", and the United States charges 25% ...": a second subject with its own finite verb states its own measure;
    # it is neither hit by the first nor does its rate belong to the first subject.
    text = (
        "Peru imposes a 12 percent tariff on imported machinery, and the United States charges a 25 percent tariff "
        "on textiles."
    )
    assert ("US", ("*",)) in [(f.imposer, f.targets) for f in facts_of(text) if f.rate == 25]
    assert all(f.targets != ("US",) for f in facts_of(text))


def test_the_opening_governments_duties_are_on_the_us_once_the_article_has_them_fighting() -> None:
    # A government's own new duties naming no origin are its schedule, on everyone, unless the article has it in
    # a tariff fight with the US: then they answer the US.
    fight = (
        "LIMA — The US raised its tariffs on Peruvian copper to 25 percent last month.\n\n"
        "The new tariffs imposed by Peru, which range from 5 to 10 percent, will take effect on Friday."
    )
    assert ("PE", ("US",)) in [(f.imposer, f.targets) for f in facts_of(fight) if f.rate == 10]
    calm = "LIMA — Peru's trade ministry said import duties on wheat will fall to 5 percent from Friday."
    assert [(f.imposer, f.targets) for f in facts_of(calm) if f.rate == 5] == [("PE", ("*",))]
