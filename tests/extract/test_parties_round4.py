"""Who acts and who is hit, round 4: an exception after "everyone but", a side's own office reporting what
another side does to its goods, and the market goods are sold in naming the side that taxes them even where
the article has the goods' own side acting. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _sides(text: str, kind: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.imposer, f.targets) for f in only(facts_of(text), kind)]


def test_everyone_but_a_side_leaves_that_side_out() -> None:
    assert _sides("Washington suspended the new duties for everyone but Vietnam on Monday.", "pause") == [
        ("US", ("*",))
    ]
    assert _sides("The US paused its 20% tariffs for all countries but Laos.", "pause") == [("US", ("*",))]
    # A plain "but" between two clauses is no exception: the side after it still counts.
    assert _sides("Washington paused the tariffs on Ghana, but Togo got no reprieve.", "pause")[0][1] == ("GH",)


def test_a_sides_office_reporting_a_measure_on_its_own_goods_does_not_act() -> None:
    text = (
        "Washington warned Peru of new duties last month.\n\n"
        "Peru's trade minister said the 18% tariffs on Peruvian copper would be on hold for 30 days."
    )
    assert _sides(text, "pause") == [("US", ("PE",))]
    # The office reporting its own side's measure on another still acts.
    own = "Peru's trade minister said the 18% tariffs on Chilean wine would be suspended for 30 days."
    assert _sides(own, "pause") == [("PE", ("CL",))]


def test_the_market_goods_reach_taxes_them_even_after_the_sellers_own_measures() -> None:
    text = (
        "Chile cut its tariffs on 300 industrial goods in January.\n\n"
        "Chile also lowered duties on machinery imports in March.\n\n"
        "Chilean wine paid an 11% tariff before it reached Korean shelves."
    )
    assert ("KR", ("CL",)) in [(f.imposer, f.targets) for f in facts_of(text) if f.rate == 11]


def test_the_country_as_a_subject_refers_back_to_the_side_the_sentence_is_about() -> None:
    text = (
        "Peru sold less copper to Chile this year.\n\n"
        "Japan's rice buying shifted sharply after the country decided to impose a 30% tariff on Thai rice."
    )
    assert ("JP", ("TH",)) in [(f.imposer, f.targets) for f in only(facts_of(text), "tariff")]
    # With a comma before the time clause, the same.
    text = text.replace("sharply after", "sharply, after")
    assert ("JP", ("TH",)) in [(f.imposer, f.targets) for f in only(facts_of(text), "tariff")]
    # "On the country" is whom a measure hits, not who acts.
    hit = "Washington warned Japan last week.\n\nTrump then imposed a 30% tariff on the country."
    assert [f.imposer for f in only(facts_of(hit), "tariff")] == ["US"]


def test_utf8_read_as_latin1_is_repaired_before_parties_are_found() -> None:
    # "Japan’s" whose apostrophe arrived as three Latin-1 characters still names Japan.
    garbled = "Japan’s".encode().decode("latin-1")
    text = f"{garbled} finance ministry imposed a 30% tariff on Thai rice."
    assert [(f.imposer, f.targets) for f in only(facts_of(text), "tariff")] == [("JP", ("TH",))]


def test_a_country_naming_the_tariff_goods_are_spared_from_is_not_spared() -> None:
    text = "Chilean lumber will stay exempt from the reciprocal tariffs and the Peru punitive tariff."
    assert [(f.imposer, f.targets) for f in only(facts_of(text), "relief")] == [("US", ("CL",))]
    # The side spared, named as such, still is.
    assert [f.targets for f in only(facts_of("Washington exempted Peru from the 25% steel tariffs."), "relief")] == [
        ("PE",)
    ]


def test_an_origin_named_among_examples_of_counted_goods_does_not_narrow_them() -> None:
    text = (
        "Korea's finance ministry announced a new round of import tariff cuts on Monday.\n\n"
        "From July, tariffs on 150 product categories such as shoes, perfume and Japanese rice cookers will be cut"
        " from 15 percent to 7 percent on average."
    )
    assert [(f.imposer, f.targets) for f in facts_of(text) if f.rate == 7] == [("KR", ("*",))]


def test_a_side_receiving_a_duty_free_quota_is_spared_not_sparing() -> None:
    text = (
        "Washington set a 25% tariff on steel imports last month.\n\n"
        "Chile received a tariff-free quota under the steel tariffs."
    )
    assert [(f.imposer, f.targets) for f in only(facts_of(text), "relief")] == [("US", ("CL",))]
