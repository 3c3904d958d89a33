"""A change of a tariff with words between its old and new rate is one fact at the new rate. Every sentence
here is our own."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of, only


def _rates(text: str) -> list[tuple[float | None, float | None]]:
    return sorted(((f.rate, f.previous_rate) for f in only(facts_of(text), "tariff")), key=lambda r: r[0] or 0)


@pytest.mark.parametrize(
    ("sentence", "new", "old"),
    [
        ("Peru cut its average tariff from about 40 percent in the 1990s to only 8 percent in 2020.", 8, 40),
        (
            "Chile brought its overall tariff level down from 12.5% when it first joined to 6% under WTO rules.",
            6,
            12.5,
        ),
        ("Peru raised tariffs on Chilean wine from 10% last year to 25%.", 25, 10),
    ],
)
def test_time_between_old_and_new_rate_is_one_change(sentence: str, new: float, old: float) -> None:
    assert _rates(sentence) == [(new, old)]


def test_goods_between_two_rates_keep_both() -> None:
    rates = [rate for rate, _ in _rates("Duties on Chilean goods range from 25% on copper to 50% on wine.")]
    assert rates == [25, 50]
