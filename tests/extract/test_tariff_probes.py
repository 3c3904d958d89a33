"""Tariffs stated in the many ordinary ways news words them, probed without reading any article: verbs of
taxing with their rate, the market a duty is charged in, speakers named after a quote, rates paired
"respectively", goods left out of a measure, lists of rates by party, and who imports. Every sentence here is
our own."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of, only

Tariff = tuple[str, tuple[str, ...], str | None, float | None]


def _tariffs(text: str) -> list[Tariff]:
    return sorted(
        ((f.imposer, tuple(sorted(f.targets)), f.sector, f.rate) for f in only(facts_of(text), "tariff")),
        key=lambda t: (t[3] or 0, t[2] or ""),
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Cocoa from Ghana is now taxed at 30% in Korea.", ("KR", ("GH",), "agriculture", 30.0)),
        ("Under the new schedule, Egyptian steel will be taxed at 9% by Turkey.", ("TR", ("EG",), "steel", 9.0)),
        ("Korea taxes Ghanaian cocoa at 30%.", ("KR", ("GH",), "agriculture", 30.0)),
        ("Ghanaian cocoa will be charged at 30 percent when it enters Korea.", ("KR", ("GH",), "agriculture", 30.0)),
    ],
)
def test_a_verb_of_taxing_states_its_rate(sentence: str, expected: Tariff) -> None:
    assert _tariffs(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    ["Income in Korea is taxed at 30%.", "Corporate profits in Peru are taxed at 29.5 percent."],
)
def test_a_tax_on_income_or_profits_is_no_tariff(sentence: str) -> None:
    assert not _tariffs(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 20% duty on Chilean wine took effect in India on Monday.", ("IN", ("CL",), "agriculture", 20.0)),
        ("Cocoa shipped from Ghana to Korea carries a 30% tariff.", ("KR", ("GH",), "agriculture", 30.0)),
        ("Japanese steel imports from Korea will face a 15% duty from October 1.", ("JP", ("KR",), "steel", 15.0)),
    ],
)
def test_the_market_goods_enter_taxes_them(sentence: str, expected: Tariff) -> None:
    assert _tariffs(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Australia has been hit with a 10% tariff on its beef by China.", ("CN", ("AU",), "agriculture", 10.0)),
        ("The duty on Chinese solar panels was doubled to 50% by Turkey.", ("TR", ("CN",), "energy", 50.0)),
        ("Cars made in China will be taxed at 35% by Japan.", ("JP", ("CN",), "autos", 35.0)),
        ("A tariff of 17 per cent is being applied by Norway to Swedish timber.", ("NO", ("SE",), "lumber", 17.0)),
        ("Tariffs on Swedish timber were raised by Norway to 17%.", ("NO", ("SE",), "lumber", 17.0)),
    ],
)
def test_the_agent_of_a_passive_acts_after_the_goods(sentence: str, expected: Tariff) -> None:
    assert _tariffs(sentence) == [expected]


def test_cars_not_made_in_a_country_do_not_come_from_it() -> None:
    [fact] = _tariffs('"We will put a 20% tariff on every car that is not made in America," the president said.')
    assert fact == ("US", ("*",), "autos", 20.0)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            '"We will impose a 25% tariff on Mexican steel," the Canadian prime minister said.',
            ("CA", ("MX",), "steel", 25.0),
        ),
        (
            '"A 30% tariff on Ghanaian cocoa is now in force," Korea\'s trade minister told reporters.',
            ("KR", ("GH",), "agriculture", 30.0),
        ),
        (
            '"A 30% tariff on Ghanaian cocoa is now in force," said Korea\'s trade minister.',
            ("KR", ("GH",), "agriculture", 30.0),
        ),
        (
            "Tariffs of 15% on Japanese cars will take effect next week, the Korean trade ministry said.",
            ("KR", ("JP",), "autos", 15.0),
        ),
    ],
)
def test_a_speaker_after_a_statement_naming_no_actor_acts(sentence: str, expected: Tariff) -> None:
    assert _tariffs(sentence) == [expected]


def test_a_speaker_whose_own_goods_are_hit_does_not_act() -> None:
    facts = _tariffs('"A 25% tariff on our steel is unacceptable," the Canadian prime minister said.')
    assert all(f[0] != "CA" for f in facts)


@pytest.mark.parametrize(
    "sentence",
    [
        "Japan set tariffs of 19% and 24% on Indonesia and Malaysia respectively.",
        "Indonesia and Malaysia face Japanese tariffs of 19% and 24%, respectively.",
    ],
)
def test_rates_given_respectively_go_to_the_parties_in_order(sentence: str) -> None:
    assert _tariffs(sentence) == [("JP", ("ID",), None, 19.0), ("JP", ("MY",), None, 24.0)]


def test_rates_given_respectively_go_to_the_goods_in_order() -> None:
    facts = _tariffs("Canada will impose tariffs of 20% and 30% on US steel and aluminum respectively.")
    assert facts == [("CA", ("US",), "steel", 20.0), ("CA", ("US",), "aluminum", 30.0)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Korea's 30% tariff on Ghanaian goods excludes cocoa.",
        "Korea imposed a 30% tariff on Ghanaian goods, exempting cocoa.",
        "Korea imposed a 30% tariff on all Ghanaian goods except cocoa and gold.",
    ],
)
def test_goods_left_out_are_not_the_tariffs_sector(sentence: str) -> None:
    assert _tariffs(sentence) == [("KR", ("GH",), None, 30.0)]


def test_a_country_exposed_to_a_tariff_is_hit_not_acting() -> None:
    facts = _tariffs("Brazil is one of the countries most exposed to the US aluminum tariffs of 50%.")
    assert facts == [("US", ("*",), "aluminum", 50.0)]


def test_a_list_of_rates_by_party_gives_one_tariff_per_line() -> None:
    text = (
        "TOKYO - Japan on Friday announced new tariffs on imports from several Asian neighbours.\n\n"
        "The rates are:\n- Vietnam: 20%\n- Thailand: 18%\n- Cambodia: 25 percent\n- Inflation: 3%\n"
    )
    facts = _tariffs(text)
    assert ("JP", ("VN",), None, 20.0) in facts
    assert ("JP", ("TH",), None, 18.0) in facts
    assert ("JP", ("KH",), None, 25.0) in facts
    assert all(f[3] != 3.0 for f in facts)


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("South Africa's citrus growers are bracing for a 30% US tariff.", "agriculture"),
        ("Korean steelmakers will pay 25% to export to Japan.", "steel"),
    ],
)
def test_goods_named_by_their_growers_or_makers_have_a_sector(sentence: str, sector: str) -> None:
    assert [f[2] for f in _tariffs(sentence)] == [sector]


@pytest.mark.parametrize(
    ("sentence", "imposer"),
    [
        ("The levy Colombia placed on Ecuadorian bananas is 30 percent.", "CO"),
        ("The duties Beijing imposed on Australian wine were 200%.", "CN"),
    ],
)
def test_a_side_placing_the_tariff_right_after_its_noun_acts(sentence: str, imposer: str) -> None:
    assert [f[0] for f in _tariffs(sentence)] == [imposer]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Levies on Chinese EVs will climb to 45.3% under the EU's final ruling.", ("EU", ("CN",), "autos", 45.3)),
        ("Under Canada's plan, US steel will face a 25% surtax.", ("CA", ("US",), "steel", 25.0)),
    ],
)
def test_the_side_under_whose_ruling_a_rate_is_set_acts(sentence: str, expected: Tariff) -> None:
    assert _tariffs(sentence) == [expected]
