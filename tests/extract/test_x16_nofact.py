"""Words of a tariff in another sense (a utility's or carrier's price list, a charge on lenders or income, a tax
penalty, being on duty) state no tariff-policy fact. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _tariffs(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(f.imposer, f.rate, f.status) for f in facts_of(text) if f.kind == "tariff"]


def test_charges_that_are_no_tariff_state_no_tariff() -> None:
    # A utility's or carrier's price list, a charge on a lender or on income, a tax penalty, "on duty" at work:
    # the words of a tariff in another sense, with the rate that goes with them.
    for text in (
        "Airlines added a 5% fuel surcharge on flights to Chile.",
        "Peru's electricity tariff for households will rise 8% in July.",
        "Peru's mobile phone tariffs fell 15% after the merger.",
        "Peru imposed a 30% windfall levy on mining profits.",
        "Peru imposed a 2% levy on bank transactions.",
        "Late filers face a 10% penalty on unpaid taxes.",
        "Officers on duty reported a 20% rise in smuggling.",
    ):
        assert facts_of(text) == [], text
    # A levy on goods from abroad is a tariff.
    assert _tariffs("Peru imposed a 30% levy on imported Chilean copper.") == [("PE", 30.0, "in_effect")]
