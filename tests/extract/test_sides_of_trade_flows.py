"""Who taxes whom where goods move between two sides: the market the goods enter acts, their origin is hit.
All articles here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _sides(text: str, kind: str = "tariff") -> set[tuple[str, tuple[str, ...]]]:
    return {(f.imposer, f.targets) for f in facts_of(text) if f.kind == kind}


def test_goods_shipped_from_one_side_to_another_are_taxed_by_the_side_they_go_to() -> None:
    # The destination sits well after the verb of shipping, behind a two-word origin.
    text = (
        "Washington is reviewing its own duties on cars.\n\n"
        "Carmakers say the tariffs imposed on cars exported from South Korea to Chile have halved their sales.\n"
    )
    assert ("CL", ("KR",)) in _sides(text)
    assert not any(f.imposer == "US" for f in facts_of(text) if f.kind == "tariff")


def test_a_date_after_since_is_no_reason_clause_and_keeps_the_goods_origin_hit() -> None:
    text = (
        "Chile's trade ministry said on Monday it would keep its duty on wheat at 6%.\n\n"
        "With the second round of tariff cuts in place since March 2030, Peruvian fruit such as grapes and "
        "avocados faces a lower duty than rivals like Mexico and Spain pay, the ministry said.\n"
    )
    cuts = [f for f in facts_of(text) if f.kind == "tariff" and "Peruvian" in f.evidence]
    assert cuts
    assert all(f.imposer == "CL" and "PE" in f.targets for f in cuts)
    assert {f.sector for f in cuts} == {"agriculture"}


def test_the_side_said_to_be_another_sides_market_taxes_what_it_buys() -> None:
    text = (
        "Chile and Japan signed a free trade pact in 2029.\n\n"
        "Chile cut its own duties on Japanese cars to zero under the pact.\n\n"
        "Chilean cherries paid a 9% duty before they reached Japanese shelves.\n\n"
        "With the duty cut to 4% last year, Japan has become Chile's biggest market for cherries.\n"
    )
    cut = [f for f in facts_of(text) if f.kind == "tariff" and f.rate == 4]
    assert [(f.imposer, f.targets) for f in cut] == [("JP", ("CL",))]


def test_an_export_market_named_with_a_bare_apostrophe_is_the_side_taxing() -> None:
    text = (
        "Growers in California are watching the newly imposed Japan tariffs closely, as Japan is the U.S.' "
        "second largest export market for walnuts.\n"
    )
    assert _sides(text) == {("JP", ("US",))}
