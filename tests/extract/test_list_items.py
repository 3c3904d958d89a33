"""List items that are only a rate ("6% in March 2032") go on with the measure of the line that opens their list.
Every sentence here is our own."""

from __future__ import annotations

from monitor.extract.confidence import with_rate
from monitor.extract.sentences import item_rate, lead_ins, split_sentences
from tests.extract.conftest import facts_of, only

_ITEMS = "\n\nRead more\n\n  • 6% in March 2032\n  • 12% in March 2033\n  • 20% in March 2034\n\n"
_OPENING = "Chile's finance ministry said on Tuesday that it would end a tax break for electric cars.\n\n"
_CLOSING = "Car dealers said they would raise prices.\n"


def _rated(text: str) -> dict[float | None, str]:
    return {f.rate: f.evidence for f in only(facts_of(text), "tariff") if f.imposer == "CL" and f.sector == "autos"}


def test_the_items_of_a_list_after_a_colon_are_found_past_a_page_label() -> None:
    sentences = split_sentences(
        "The duty will rise in steps:\n\nRead more\n\n• 6% in March 2032\n• 12% in March 2033\n\nDealers object.\n"
        "7% is the rate for vans."
    )
    assert lead_ins(sentences) == {2: "The duty will rise in steps:", 3: "The duty will rise in steps:"}


def test_an_item_gives_its_opening_rate() -> None:
    assert item_rate("12.5 percent from May") == 12.5
    assert item_rate("up to 40% on trucks") == 40
    assert item_rate("From May, 12.5 percent") is None


def test_each_rate_item_states_the_lead_in_measure_at_its_own_rate() -> None:
    rated = _rated(_OPENING + "The import tariff on electric cars will be raised in stages:" + _ITEMS + _CLOSING)
    assert {6, 12, 20} <= set(rated)
    assert rated[12] == "12% in March 2033"  # the fact quotes the item, verbatim


def test_items_read_with_the_lead_in_when_it_reads_no_tariff_by_itself() -> None:
    lead = "Chile will bring back import tariffs on electric cars gradually, at a higher rate each year:"
    assert {6, 12, 20} <= set(_rated(_OPENING + lead + _ITEMS + _CLOSING))


def test_a_rate_line_after_prose_is_not_an_item() -> None:
    text = _OPENING + "Chile will impose import tariffs on electric cars in stages.\n\n6% in March 2032\n\n" + _CLOSING
    assert 6 not in _rated(text)


def test_a_stated_rate_makes_a_reading_surer() -> None:
    assert with_rate(0.38) > 0.38
    assert with_rate(0.0) == 0.0
