"""Tariffs stated in constructions of general English beyond "impose a N% tariff on X": other verbs of
imposing, passives with an agent, ranges with a long goods phrase, ad valorem rates ("N% of the value"),
and cuts of the tariffs on a list of goods. Every sentence here is our own."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of, only


def _tariffs(text: str) -> list[tuple[str, tuple[str, ...], str | None, float | None]]:
    return sorted(
        ((f.imposer, tuple(sorted(f.targets)), f.sector, f.rate) for f in only(facts_of(text), "tariff")),
        key=lambda t: (t[2] or "", t[3] or 0),
    )


@pytest.mark.parametrize(
    ("sentence", "imposer", "target"),
    [
        ("Ottawa will restore its duties on American bourbon next week.", "CA", "US"),
        ("The new government enacted tariffs on imports from Vietnam in its first month.", "US", "VN"),
        ("Seoul reinstated levies on Australian barley after the review.", "KR", "AU"),
        ("Mexico reintroduced a surcharge on Chinese footwear on Monday.", "MX", "CN"),
        ("India introduced duties on Malaysian palm oil in 2021.", "IN", "MY"),
    ],
)
def test_other_verbs_of_imposing_state_a_tariff(sentence: str, imposer: str, target: str) -> None:
    facts = _tariffs(sentence)
    assert facts, sentence
    assert {(f[0], f[1]) for f in facts} == {(imposer, (target,))}


def test_a_passive_with_its_agent_names_who_imposed_the_tariff() -> None:
    [fact] = _tariffs("The first round of duties on Korean ships was introduced by Vietnam in 2022.")
    assert fact[:3] == ("VN", ("KR",), "shipbuilding")


def test_a_bare_mention_of_putting_pressure_is_no_tariff() -> None:
    assert not _tariffs("Beijing keeps buying elsewhere as it puts pressure on the White House over its levies.")


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        (
            "Under the final ruling, anti-dumping duties on certain Thai-origin cold-rolled aluminium coils "
            "will range from 10.5 per cent to 12.2 per cent.",
            10.5,
            12.2,
        ),
        (
            "Countervailing duties on some imported Brazilian hardwood flooring products vary between 4 percent "
            "and 19 percent.",
            4,
            19,
        ),
    ],
)
def test_a_range_gives_one_fact_per_end_however_long_the_goods_phrase(sentence: str, low: float, high: float) -> None:
    assert [f[3] for f in _tariffs(sentence)] == [low, high]


@pytest.mark.parametrize(
    ("sentence", "rate"),
    [
        ("Peru's extra levy on Bolivian trucks comes to 35 per cent of each vehicle's customs value.", 35),
        ("Ankara set the duty on Japanese motorbikes at 28% of the declared value.", 28),
        ("Jakarta said the new duties on Chinese ceramics would be 150% of the goods' value.", 150),
    ],
)
def test_a_rate_stated_as_a_share_of_the_value_is_ad_valorem(sentence: str, rate: float) -> None:
    assert rate in [f[3] for f in _tariffs(sentence)]


def test_a_share_of_a_market_is_still_no_rate() -> None:
    facts = _tariffs("Tariffs were imposed last year; Thai rice now makes up 40% of the market.")
    assert not [f for f in facts if f[3]]


def test_a_cut_on_a_list_of_goods_gives_one_fact_per_sector_at_the_new_rate() -> None:
    facts = _tariffs(
        "Canberra said it would lower duties on key Thai goods, including cars, auto parts, timber and medicines, "
        "from 20 percent to 12 percent."
    )
    with_rate = {(f[2], f[3]) for f in facts if f[3] is not None}
    assert with_rate == {("autos", 12), ("auto_parts", 12), ("lumber", 12), ("pharmaceuticals", 12)}
    assert {f[:2] for f in facts} == {("AU", ("TH",))}


def test_a_raise_on_goods_named_before_the_new_rate() -> None:
    facts = _tariffs("Ottawa raised the duty on imported Chinese electric vehicles and their batteries to 90 per cent.")
    assert ("CA", ("CN",), "autos", 90) in facts


def test_a_list_of_examples_of_another_origins_goods_is_not_everyone() -> None:
    # The examples are the named origin's goods, however far down the list (not a measure on every origin).
    facts = _tariffs(
        "Washington will cut the duty on Brazilian exports such as orange juice, leather shoes, motorbikes, "
        "steel and copper to 20%."
    )
    assert {(f[1], f[2]) for f in facts if f[3] == 20 and f[2] in {"steel", "copper"}} == {
        (("BR",), "steel"),
        (("BR",), "copper"),
    }


@pytest.mark.parametrize(
    ("sentence", "rate"),
    [
        (
            "Santiago has confirmed the reduction of the customs duty for handheld game devices, such as the "
            "well-known brands sold abroad, from 30% to 18%, a step that will help buyers.",
            18,
        ),
        (
            "Ministers approved a rise in the customs duty on imported olive oil, table grapes and canned "
            "peaches to 45 per cent.",
            45,
        ),
    ],
)
def test_a_noun_of_change_reads_the_new_rate_after_a_long_goods_phrase(sentence: str, rate: float) -> None:
    assert rate in [f[3] for f in _tariffs(sentence)]


@pytest.mark.parametrize(
    ("sentence", "rates"),
    [
        ("Last spring Chile placed extra duties of 5 or 10 percent on Peruvian fruit.", [5, 10]),
        ("Brazil imposed duties of 12 and 30 per cent on Chinese toys and bicycles.", [12, 30]),
        ("Egypt set anti-dumping duties of between 8 and 21 pc on Turkish rebar.", [8, 21]),
    ],
)
def test_alternatives_and_tiers_with_the_unit_said_once_give_one_fact_per_rate(
    sentence: str, rates: list[float]
) -> None:
    assert sorted({f[3] for f in _tariffs(sentence) if f[3] is not None}) == rates


def test_a_legal_section_number_before_a_rate_is_no_rate() -> None:
    rates = {
        f[3] for f in _tariffs("Imports caught by Section 232 and 25 percent tariffs from Seoul were held at port.")
    }
    assert 232 not in rates


@pytest.mark.parametrize(
    "sentence",
    [
        "The 20% levy on Kenyan tea was trimmed to 15%.",
        "Ottawa said the 20 per cent duty on Mexican steel wire has been bumped up to 30 per cent.",
    ],
)
def test_other_verbs_of_change_give_one_fact_at_the_new_rate(sentence: str) -> None:
    assert len([f for f in _tariffs(sentence) if f[3] is not None]) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The summit took place in Oslo while tariffs loomed over both economies.",
        "Farmers in Ghana complained about the high levels of duties on fertiliser.",
    ],
)
def test_place_and_levels_as_nouns_state_no_tariff(sentence: str) -> None:
    assert not _tariffs(sentence)


def test_a_dated_change_of_the_subject_tariff_gives_the_new_rate_only() -> None:
    facts = _tariffs("Lima said the 8 percent tariff on Thai rice would be raised to 12 percent on June 1.")
    assert [f[3] for f in facts] == [12]


def test_a_rate_in_force_until_a_dated_step_gives_both_rates() -> None:
    facts = _tariffs("Duties: 30% on imported sofas, which will increase to 40% on March 1, 2032.")
    assert sorted(f[3] for f in facts if f[3] is not None) == [30, 40]


@pytest.mark.parametrize(
    "sentence",
    [
        "Santiago will raise tariffs on Bolivian sugar by 5 percent next month.",
        "Ottawa said it had cut its duties on Italian cheese by 3 per cent.",
    ],
)
def test_the_size_of_a_change_is_no_rate(sentence: str) -> None:
    assert not [f for f in _tariffs(sentence) if f[3] is not None]


def test_a_new_rate_after_the_size_of_its_change_is_read() -> None:
    assert [f[3] for f in _tariffs("Peru cut duties by 10% on Chilean wine, to 15%.") if f[3] is not None] == [15]


@pytest.mark.parametrize(
    ("text", "rates"),
    [
        ("Lima will charge a Twenty-Five Per Cent duty on tyres and a ten percent levy on glass.", [25.0, 10.0]),
        ("LIMA WILL CHARGE A FIFTEEN PERCENT DUTY ON TYRES FROM JUNE.", [15.0]),
        # Letters re.I reads as Latin ones (long s, dotless i) and one whose lower case is longer: read case-blind.
        ("The Paſſage port will charge a sixty percent duty on tyres and a fifty per cent levy.", [60.0, 50.0]),
        ("Dıyarbakır traders face a forty percent duty on tyres from the first of May.", [40.0]),
        ("İzmir traders face a thirty percent duty on tyres, said the chamber.", [30.0]),
        ("A fortnight of talks left the duty on tyres at seventeen per-cent.", [17.0]),
        # A number word in those letters is the word in plain ones (it once stopped the whole article).
        ("Quito set a ſixty percent duty on tyres and a fıfty percent levy on glass.", [60.0, 50.0]),
    ],
)
def test_rates_in_words_are_found_whatever_their_case(text: str, rates: list[float]) -> None:
    from monitor.extract.rates import _rates_in_words
    from monitor.extract.vocabulary import WORD_RATE

    # The lower-case pattern on the lower case finds what the case-blind pattern finds on the text.
    assert [value for value, _start, _end in _rates_in_words(text)] == rates
    assert [(start, end) for _value, start, end in _rates_in_words(text)] == [
        m.span() for m in WORD_RATE.finditer(text)
    ]


def test_raw_cotton_and_citrus_are_farm_goods_but_cotton_yarn_is_a_textile() -> None:
    assert _tariffs("Beijing put a 12% duty on American cotton in March.") == [("CN", ("US",), "agriculture", 12)]
    assert _tariffs("Seoul charges 18% on citrus from Chile.") == [("KR", ("CL",), "agriculture", 18)]
    assert _tariffs("Dhaka imposed a 6% duty on Indian cotton yarn.") == [("BD", ("IN",), "textiles", 6)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The 30% levy will cover roughly 85 per cent of Peruvian goods sold to Chile.",
        "Ottawa put a 25% duty on 60 percent of American imports by value.",
    ],
)
def test_a_share_of_one_sides_goods_is_no_rate(sentence: str) -> None:
    assert [f[3] for f in _tariffs(sentence)] in ([30], [25])


@pytest.mark.parametrize(
    "sentence",
    [
        "The new 35% duty on Peruvian goods excludes copper and fishmeal.",
        "The decree, which spares copper, sets a 35% duty on Peruvian goods.",
    ],
)
def test_goods_left_out_of_a_tariff_are_not_its_sector(sentence: str) -> None:
    assert [(f[0], f[1], f[2], f[3]) for f in _tariffs(sentence)] == [("US", ("PE",), None, 35)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chilean wine is taxed at 15% in India.", [("IN", ("CL",), "agriculture", 15)]),
        ("Brazil taxes Argentine trucks at 35% under the decree.", [("BR", ("AR",), "autos", 35)]),
        ("Dividends are taxed at 15% in Peru.", []),
    ],
)
def test_a_verb_of_taxing_states_a_rate_and_the_market_it_is_charged_in_acts(
    sentence: str, expected: list[tuple[str, tuple[str, ...], str | None, float]]
) -> None:
    assert _tariffs(sentence) == expected
