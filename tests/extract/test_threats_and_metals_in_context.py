"""Tariffs "being threatened", tariffs "put into place", the 2018-style metals tariffs named in an article about
another country, and goods of no named origin after goods of one. All articles here are ours."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of


def _tariffs(text: str) -> set[tuple[str, tuple[str, ...], str | None, str | None]]:
    return {(f.imposer, f.targets, f.sector, f.status) for f in facts_of(text) if f.kind == "tariff"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The White House is threatening tariffs on imported trucks.",
        "Washington was threatening new duties on imported trucks all spring.",
        "The president is threatening $90 billion in tariffs on imported trucks.",
    ],
)
def test_a_tariff_being_threatened_is_a_threat_as_when_it_was_threatened(sentence: str) -> None:
    assert ("US", ("*",), "autos", "threatened") in _tariffs(sentence)


def test_a_threatening_tone_is_no_threat_of_a_tariff() -> None:
    text = "A threatening message from the harbour union reached the ministry on Monday, days after the levy vote."
    assert _tariffs(text) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "The steel levies were put into place in early spring.",
        "Washington put steel levies into place in early spring.",
    ],
)
def test_a_tariff_put_into_place_is_a_tariff_in_force(sentence: str) -> None:
    assert ("US", ("*",), "steel", "in_effect") in _tariffs(sentence)


def test_the_metals_tariffs_named_without_an_actor_are_on_everyone_even_in_an_article_about_one_country() -> None:
    text = (
        "Ottawa and Washington resumed talks on dairy quotas on Monday.\n\n"
        "Canada answered the US levies with duties on American ketchup and boats.\n\n"
        "Builders say the steel and aluminum levies, which were put into place last spring, have raised their costs."
    )
    tariffs = _tariffs(text)
    assert ("US", ("*",), "steel", "in_effect") in tariffs
    assert ("US", ("*",), "aluminum", "in_effect") in tariffs
    assert not any(sector in {"steel", "aluminum"} and targets == ("CA",) for _i, targets, sector, _s in tariffs)


def test_goods_after_a_value_of_their_own_are_not_of_the_origin_named_before_them() -> None:
    text = (
        "Washington is threatening tariffs on $300 billion of products from Vietnam and about $90 billion of "
        "imported trucks."
    )
    tariffs = _tariffs(text)
    assert ("US", ("*",), "autos", "threatened") in tariffs
    assert ("US", ("VN",), "autos", "threatened") not in tariffs


def test_goods_with_their_origin_next_to_them_keep_it() -> None:
    assert ("US", ("VN",), "autos", "threatened") in _tariffs(
        "Washington threatened tariffs on $90 billion of trucks from Vietnam."
    )
