"""A country's own tariff policy, outside any US story: the side acting named as a ministry, an office or a
capital, and the goods and rates of its own schedule. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _facts(text: str) -> list[tuple[str, str, tuple[str, ...], str | None, float | None]]:
    return [(f.kind, f.imposer, f.targets, f.sector, f.rate) for f in facts_of(text)]


def test_an_office_every_government_has_is_the_home_countrys_where_the_us_is_not_named() -> None:
    # "Treasury" in a story on Kenya's budget, naming the US nowhere: Kenya's Treasury.
    assert _facts(
        "Kenya's budget doubles duty on imported sugar. Treasury Cabinet Secretary John Mbadi proposed raising the "
        "import duty on sugar to 50 percent from 25 percent. He also said the levy on imported wheat flour would "
        "rise to 60 percent."
    ) == [("tariff", "KE", ("*",), "agriculture", 50.0), ("tariff", "KE", ("*",), "agriculture", 60.0)]
    assert ("tariff", "GB", ("*",), "agriculture", 5.0) in _facts(
        "Britain will cut tariffs on 100 goods. The Treasury said the duty on imported cheese would fall to 5%."
    )


def test_an_office_every_government_has_stays_the_uss_where_the_other_country_is_hit() -> None:
    # The only other country named is the origin of the goods taxed: a US story.
    assert _facts("The Treasury said tariffs on Japanese cars would remain at 15%.") == [
        ("tariff", "US", ("JP",), "autos", 15.0)
    ]
    assert _facts("The Commerce Department set anti-dumping duties of 200% on Vietnamese shrimp.") == [
        ("tariff", "US", ("VN",), "agriculture", 200.0)
    ]
    # The US named otherwise: the office is the US's.
    assert ("tariff", "US", ("*",), "steel", 50.0) in _facts(
        "The Treasury said the US tariff on imported steel stays at 50%. Kenya said it would cut duties on sugar."
    )
