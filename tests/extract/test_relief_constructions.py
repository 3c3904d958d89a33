"""Reliefs worded in ways the reader used to miss (issue 13): a subheading that exempts goods from the article's
measure, and the side an article about its own measures is about. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def test_a_subheading_exempting_goods_speaks_of_the_articles_measure() -> None:
    text = (
        "Washington will charge a 25% tariff on Omani goods from June 1.\n\n"
        "Trade talks between the two sides have gone on for a year.\n\n"
        "Officials in Muscat said the talks would go on through the summer.\n\n"
        "Crude oil exempted\n\n"
        "Most of what the country sells abroad is fuel."
    )
    reliefs = only(facts_of(text), "relief")
    assert [(f.imposer, f.targets, f.sector) for f in reliefs] == [("US", ("OM",), "energy")]


def test_a_prose_exemption_far_from_any_tariff_refers_to_nothing() -> None:
    text = (
        "Washington will charge a 25% tariff on Omani goods from June 1.\n\n"
        "Trade talks between the two sides have gone on for a year.\n\n"
        "Officials in Muscat said the talks would go on through the summer.\n\n"
        "Some shippers hoped crude oil would be exempted from it one day."
    )
    assert only(facts_of(text), "relief") == []


def test_an_article_without_the_us_is_about_the_side_that_acts_not_the_origin_of_the_goods() -> None:
    text = (
        "On May 2, the European Union brought back tariff quotas for Moldovan wine and Moldovan fruit.\n\n"
        "Moldovan growers said Moldovan exports would fall under the new tariff regime.\n\n"
        "Tariffs of 12% apply above the quotas."
    )
    tariffs = only(facts_of(text), "tariff") + only(facts_of(text), "relief")
    assert tariffs and {f.imposer for f in tariffs} == {"EU"}
