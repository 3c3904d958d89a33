"""Wire-style sentences we wrote to probe how the rules generalise: verbs, country references, rate spellings,
dates, scoping of status cues, groupings without codes, and statistics that are not facts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.conftest import facts_of, only

# (sentence, the facts as (kind, imposer, targets, sector, rate)) -- every fact the sentence should give.
# Nuts and drinks (almonds, bourbon, wine) are `agriculture` under the contract's newer labelling conventions.
WIRE = [
    # General goods phrases name a sector; a wrong named as the reason does not.
    (
        "Washington will put 100 pct duties on Korean electronic goods from next month.",
        {("tariff", "US", ("KR",), "electronics", 100)},
    ),
    (
        "Ottawa set a 20 pct duty on Chinese power tools on Tuesday.",
        {("tariff", "CA", ("CN",), "machinery", 20)},
    ),
    (
        "Washington raised tariffs on Thai textiles to penalize Bangkok for breaking a pact on rice.",
        {("tariff", "US", ("TH",), "textiles", None)},
    ),
    # Tiers coordinated with as many kinds of goods go one to one; a range keeps the goods it shares.
    (
        "Ottawa imposed 20 percent and 5 percent duties on Chinese copper and lumber.",
        {("tariff", "CA", ("CN",), "copper", 20), ("tariff", "CA", ("CN",), "lumber", 5)},
    ),
    (
        "Ottawa set duties of 10% to 25% on Chinese steel and aluminum.",
        {
            ("tariff", "CA", ("CN",), "steel", 10),
            ("tariff", "CA", ("CN",), "aluminum", 10),
            ("tariff", "CA", ("CN",), "steel", 25),
            ("tariff", "CA", ("CN",), "aluminum", 25),
        },
    ),
    # "N percent of tariff" (singular, bare) states a rate; "N percent of tariffs" is a share of them.
    (
        "Washington will levy 30 percent of tariff on Korean copper from May.",
        {("tariff", "US", ("KR",), "copper", 30)},
    ),
    # A duty a tribunal upholds or an agency assesses is stated, whatever the wire calls it.
    (
        "Ottawa upheld its 12 pct countervailing duty on Brazilian orange juice.",
        {("tariff", "CA", ("BR",), "agriculture", 12)},
    ),
    # The size of a cut, given as a range or a bound, is no rate.
    (
        "Seoul will cut tariffs by 5 to 50 pct on 300 items from July 1.",
        {("tariff", "KR", ("*",), None, None)},
    ),
    (
        "Seoul will cut tariffs on 300 items by between 5 and 20 pct from July 1.",
        {("tariff", "KR", ("*",), None, None)},
    ),
    # A pace of change is no rate.
    (
        "Seoul will lower its 20 percent tariff on apples at a rate of about 4 percent each year.",
        {("tariff", "KR", ("*",), "agriculture", 20)},
    ),
    # A change in the passive, and tariffs named by the value of the goods they hit, are stated measures.
    (
        "Seoul said tariffs would be cut next month on 40 more items, including paper and glass.",
        {("tariff", "KR", ("*",), None, None)},
    ),
    (
        "Officials said little could be done to avert the 500 mln dlrs in tariffs on Japan's exports.",
        {("tariff", "US", ("JP",), None, None)},
    ),
    (
        "The White House slapped a 25% levy on Canadian lumber, up from 14.5% last year.",
        {("tariff", "US", ("CA",), "lumber", 25)},
    ),
    (
        "Trump hiked tariffs on Indian textiles from 25 per cent to 50 per cent on Tuesday.",
        {("tariff", "US", ("IN",), "textiles", 50)},
    ),
    (
        "Ottawa said it would impose 25-percent counter-tariffs on U.S. steel by Aug. 1.",
        {("tariff", "CA", ("US",), "steel", 25)},
    ),
    (
        "New Delhi will levy a 10% duty on American almonds starting next Friday.",
        {("tariff", "IN", ("US",), "agriculture", 10)},
    ),
    (
        "Beijing hit back with a 15 per cent levy on U.S. liquefied natural gas and coal.",
        {("tariff", "CN", ("US",), "energy", 15)},
    ),
    (
        "Beijing rolled back its 34% tariff on American farm goods on Friday.",
        {("lift", "CN", ("US",), "agriculture", 34)},
    ),
    (
        "New Delhi scrapped its 10% duty on American bourbon, the finance ministry said.",
        {("lift", "IN", ("US",), "agriculture", 10)},
    ),
    (
        "Washington scrapped the 25% fentanyl-related tariff on Canadian energy products.",
        {("lift", "US", ("CA",), "energy", 25)},
    ),
    (
        "Hanoi agreed to scrap tariffs on U.S. cars, the Vietnamese government said.",
        {("lift", "VN", ("US",), "autos", None)},
    ),
    (
        "Trump put off the 50 percent tariff on EU goods until July 9.",
        {("pause", "US", ("EU",), None, 50)},
    ),
    (
        "Trump announced he would delay the 30% tariff on Mexico by 90 days to allow more time for talks.",
        {("pause", "US", ("MX",), None, 30)},
    ),
    (
        "China agreed to suspend its 24% additional tariff on U.S. goods for another 90 days.",
        {("pause", "CN", ("US",), None, 24)},
    ),
    (
        "The 27-nation bloc agreed to suspend its retaliatory tariffs on U.S. goods for 90 days.",
        {("pause", "EU", ("US",), None, None)},
    ),
    (
        "Seoul won a reprieve from a 25 percent tariff until Aug. 1, a trade ministry official said.",
        {("pause", "US", ("KR",), None, 25)},
    ),
    (
        "Washington carved out aircraft parts from the 15% tariff on European goods.",
        {("relief", "US", ("EU",), None, 15)},
    ),
    (
        "The White House exempted gold bullion from its reciprocal tariffs.",
        {("relief", "US", ("*",), None, None)},
    ),
    (
        "The administration exempted smartphones and computers from the reciprocal tariffs.",
        {("relief", "US", ("*",), "electronics", None)},
    ),
    (
        "U.S. and Chinese negotiators held talks in Geneva over the weekend.",
        {("negotiation", "US", ("CN",), None, None)},
    ),
    (
        "Japan and the United States sealed a trade deal on Wednesday.",
        {("deal", "JP", ("US",), None, None)},
    ),
    (
        "Britain signed a trade pact with India in London on Thursday.",
        {("deal", "GB", ("IN",), None, None)},
    ),
    (
        "Malaysia signed a reciprocal trade agreement with the United States in Kuala Lumpur.",
        {("deal", "MY", ("US",), None, None)},
    ),
    (
        "The United States walked away from the Trans-Pacific Partnership in 2017.",
        {("withdrawal", "US", ("*",), None, None)},
    ),
    (
        "Tokyo and Washington sealed a deal that caps tariffs on Japanese cars at 15%.",
        {("deal", "JP", ("US",), None, None), ("tariff", "US", ("JP",), "autos", 15)},
    ),
    (
        "The president signed an order raising the levy on Indian goods to 50%, citing Russian oil purchases.",
        {("tariff", "US", ("IN",), None, 50)},
    ),
    (
        "Trump threatened 200% tariffs on French wine and champagne unless the EU drops its whiskey tariff.",
        {("tariff", "US", ("FR",), "agriculture", 200)},
    ),
    (
        "The bloc will impose tariffs of up to 38% on Chinese electric vehicles.",
        {("tariff", "EU", ("CN",), "autos", 38)},
    ),
    (
        "The Trump administration levied a 100% tariff on branded pharmaceuticals, exempting firms that build "
        "U.S. plants.",
        {("tariff", "US", ("*",), "pharmaceuticals", 100), ("relief", "US", ("*",), "pharmaceuticals", 100)},
    ),
]

# Statistics, averages, forecasts and refusals: no fact at all.
NOT_FACTS = [
    "Trade-weighted tariffs averaged 17 percent in the second quarter, the highest since 1935.",
    "U.S. consumer prices rose 2.9% in August from a year earlier.",
    "Imports of Chinese steel fell 30 percent in the first quarter, customs data showed.",
    "Economists expect the effective tariff rate to climb to 18% by year-end.",
    "Economists at Goldman Sachs forecast that the tariff could lift inflation by 0.5 percentage points.",
    "India's trade minister said New Delhi would not retaliate against the 25% tariff.",
    "Argentina walked away from the Mercosur trade talks last week.",
    "G7 leaders discussed tariffs at their summit in Canada.",
    "Ottawa plans to apply a 9 pct sales tax to telephone services.",
    "Before the extra duty, Chilean wine sales had grown at about 7 percent a year.",
    "The government collected 20 billion dollars in tariffs last year, the data showed.",
]


def _shape(text: str) -> set[tuple[object, ...]]:
    return {(f.kind, f.imposer, f.targets, f.sector, None if f.rate is None else int(f.rate)) for f in facts_of(text)}


@pytest.mark.parametrize(("text", "expected"), WIRE, ids=[t[:40] for t, _ in WIRE])
def test_wire_sentence_gives_the_facts_a_careful_reader_sees(text: str, expected: set[tuple[object, ...]]) -> None:
    assert _shape(text) == expected


@pytest.mark.parametrize("text", NOT_FACTS, ids=[t[:40] for t in NOT_FACTS])
def test_statistics_forecasts_and_refusals_are_not_facts(text: str) -> None:
    assert facts_of(text) == []


def test_status_of_a_rate_ignores_the_cue_about_the_rate_it_replaced() -> None:
    text = (
        "Under the accord, Washington will charge a 15 percent tariff on South Korean imports, down from the "
        "24 percent rate it had threatened."
    )
    [fact] = only(facts_of(text), "tariff")
    assert (fact.rate, fact.previous_rate, fact.status) == (15, 24, "announced")


def test_down_from_keeps_the_old_rate_as_previous() -> None:
    [fact] = only(facts_of("Indonesia will face a 19% tariff under the framework deal, down from 32%."), "tariff")
    assert (fact.imposer, fact.targets, fact.rate, fact.previous_rate) == ("US", ("ID",), 19, 32)


def test_a_threatened_rate_named_instead_keeps_its_own_status() -> None:
    text = "Trump settled on a 19% tariff on Thai goods, instead of the 36% he had threatened in a letter."
    got = {(f.rate, f.status) for f in only(facts_of(text), "tariff")}
    assert got == {(19, "announced"), (36, "threatened")}


def test_blocs_are_read_as_their_members_and_never_act() -> None:
    [threat] = facts_of("Trump threatened to impose a 10% tariff on BRICS countries.")
    assert threat.imposer == "US" and {"BR", "IN", "CN", "ZA"} <= set(threat.targets)
    [deal] = facts_of("Mercosur and the European Union concluded a trade agreement after decades of negotiations.")
    assert (deal.kind, deal.imposer, set(deal.targets)) == ("deal", "EU", {"AR", "BR", "PY", "UY"})
    [talks] = facts_of("ASEAN ministers held talks with Chinese officials on Monday.")
    assert (talks.kind, talks.imposer) == ("negotiation", "CN")
    assert {"VN", "TH", "MY"} <= set(talks.targets)


def test_a_bloc_does_not_make_the_article_about_its_members() -> None:
    text = (
        "Trump threatened to impose a 10% tariff on BRICS countries. "
        "The White House said talks had been held on Monday."
    )
    [_threat, talks] = facts_of(text)
    assert talks.kind == "negotiation"
    assert "BR" not in talks.targets


def test_a_date_without_a_year_follows_the_tense() -> None:
    published = dt.date(2031, 3, 12)
    [gone] = only(facts_of("Switzerland faces a 39% tariff, which took effect on Aug. 7.", published), "tariff")
    assert gone.effective == dt.date(2030, 8, 7) and gone.status == "in_effect"
    [coming] = only(
        facts_of("The U.S. will impose a 25% tariff on all imported trucks from Nov. 1.", published), "tariff"
    )
    assert coming.effective == dt.date(2031, 11, 1) and coming.status == "announced"
    [pause] = facts_of("Brussels delayed its countermeasures against American whiskey until mid-September.", published)
    assert pause.kind == "pause" and pause.until == dt.date(2031, 9, 15)


def test_a_duty_upheld_is_in_effect_and_one_likely_is_threatened() -> None:
    (upheld,) = facts_of("Ottawa upheld its 12 pct countervailing duty on Brazilian orange juice.")
    assert (upheld.status, upheld.authority) == ("in_effect", "countervailing")
    (likely,) = facts_of("Seoul is likely to impose a 15 pct levy on Chinese steel next month.")
    assert likely.status == "threatened"
