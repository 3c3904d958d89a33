"""Names that are a country only in some company ("Georgia", "the mainland"), the side that imports acting, and a
place visited for talks being no side. All sentences here are ours."""

from __future__ import annotations

from monitor.extract.gazetteer import find_mentions
from tests.extract.conftest import facts_of


def _codes(sentence: str) -> list[str]:
    return [m.code for m in find_mentions(sentence)]


def test_georgia_beside_another_foreign_country_is_the_country() -> None:
    assert _codes("Georgia and Armenia opened new customs posts last spring.") == ["GE", "AM"]
    assert "GE" in _codes("Tea from Kenya and Georgia now enters duty-free.")


def test_georgia_alone_beside_the_us_or_opening_a_longer_name_is_no_country() -> None:
    assert _codes("Peach growers in Georgia fear a bad season.") == []
    assert "GE" not in _codes("Farmers in Georgia and across the United States sell to Japan.")
    assert _codes("Shares of Georgia Power and of a Mexican bank fell.") == ["MX"]


def test_the_mainland_is_china_only_beside_hong_kong_macao_or_taiwan() -> None:
    assert _codes("Fruit grown in Macao may now be sold on the mainland.") == ["MO", "CN"]
    assert _codes("The ferry links the island to the mainland twice a day.") == []
    assert _codes("Trade with the Chinese mainland grew last year.") == ["CN"]


def test_goods_exported_to_a_side_are_let_in_by_that_side() -> None:
    text = "From next month 40 kinds of Macao-made snacks will be exported tariff-free into the Chinese mainland."
    lifts = {(f.imposer, f.targets) for f in facts_of(text) if f.kind == "lift"}
    assert lifts and all(imposer == "CN" for imposer, _targets in lifts)


def test_the_side_whose_imports_come_from_another_lets_them_in() -> None:
    text = "Under the pact, 90 percent of Chile's imports from Georgia will be duty-free at once."
    assert {f.imposer for f in facts_of(text) if f.kind in {"lift", "relief", "tariff"}} == {"CL"}


def test_a_country_visited_for_talks_is_no_side() -> None:
    text = "The Japanese trade minister is in Chile for a two-day meeting with his Korean counterpart on tariffs."
    sides = {frozenset({f.imposer, *f.targets}) for f in facts_of(text) if f.kind == "negotiation"}
    assert sides == {frozenset({"JP", "KR"})}


def test_no_guessed_us_measure_in_an_article_whose_own_country_acts() -> None:
    text = (
        "Peru cut its import duty on Chilean apples last year.\n\n"
        "Peru also lowered tariffs on Chilean grapes in March.\n\n"
        "Before the pact, Chilean wine paid a 12 percent tariff before it reached Peruvian shelves."
    )
    facts = facts_of(text)
    assert not any(f.imposer == "US" for f in facts)
    assert any(f.imposer == "PE" and f.rate == 12 for f in facts)


def test_a_country_before_its_money_is_a_currency_not_a_party() -> None:
    assert _codes("The cuts save firms 3 billion yuan (about 420 million U.S. dollars) a year.") == []
    assert _codes("Exports to Chile reached US$2 billion and 5 million Australian dollars.") == ["CL"]


def test_sa_is_south_africa_unless_it_follows_a_firm_s_name() -> None:
    assert _codes("Wine makers in SA expect a hard year.") == ["ZA"]
    assert _codes("A 30% duty on SA citrus starts in August.") == ["ZA"]
    assert _codes("Shares of Vinicola SA and of a Peruvian miner rose.") == ["PE"]
    assert _codes("VINICOLA SA PROFITS RISE IN PERU") == ["PE"]
