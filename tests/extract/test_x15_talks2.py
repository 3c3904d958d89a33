"""Round 15, talks and deals the answers state and the reader missed. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _talks(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.imposer, f.targets) for f in facts_of(text) if f.kind == "negotiation"]


def test_an_agreement_being_negotiated_is_talks_between_its_members() -> None:
    # The passive reports talks under way; an agreement named by name brings its members as the sides.
    assert _talks("The U.S.-Korea Free Trade Agreement is being renegotiated by the two governments.") == [
        ("US", ("KR",))
    ]
    assert _talks("CAFTA, which is still being negotiated, faces resistance in Congress.") == [
        ("US", ("CR", "SV", "GT", "HN", "NI", "DO"))
    ]
    # Talks on a named agreement with no side named are between its members, not with everyone.
    assert _talks("KORUS talks resumed in Seoul on Monday.") == [("US", ("KR",))]
    # A passive naming no side nor agreement says only that such talks happen at some time.
    assert _talks("Peru feared it would be left out when trade pacts were being negotiated.") == []


def test_talks_denied_are_not_held() -> None:
    assert _talks("Peru is not negotiating with Morocco on wine tariffs, its minister said on Monday.") == []


def _deals(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.imposer, f.targets) for f in facts_of(text) if f.kind == "deal"]


def test_a_deal_named_with_a_possessive_pronoun_is_one_the_side_has() -> None:
    # "His" and "our" are determiners as "its" and "their" are: the agreement is a known one, background stated.
    text = "Lima's critics raised new doubts about the future of his trade pact with Morocco, signed two years ago."
    assert _deals(text) == [("PE", ("MA",))]
    assert _deals("Peru's president praised our trade deal with Morocco on Friday.") == [("PE", ("MA",))]


def test_a_quoted_meeting_with_a_side_is_talks_on_its_own_day() -> None:
    # A closing quote after the noun does not part it from "with".
    text = "Peru's trade envoy said he had arranged an \u201cextended meeting\u201d with Morocco's king next month."
    assert _talks(text) == [("PE", ("MA",))]
    # The day of the talks is the one in their own phrase, not the day the plan was told: a call held on Tuesday
    # and a meeting set for next month are two meetings.
    text = (
        "Peru's president held a phone call with Morocco's king on wine tariffs on Tuesday. "
        "Peru's president said Tuesday he had arranged a meeting with Morocco's king on trade next month."
    )
    assert len(_talks(text)) == 2


def test_the_president_of_an_article_naming_the_us_is_the_first_party_of_talks() -> None:
    # "The president" with no country is the first party named; in US news, the US's president.
    text = (
        "The United States raised tariffs on Moroccan wine last month. The president indicated Peru and Chile's "
        "treatment would be tied to the ongoing trade talks, which are expected to resume in early May."
    )
    assert _talks(text) == [("US", ("PE", "CL"))]
    # A president named in apposition is that one.
    text = (
        "The United States raised tariffs on Moroccan wine last month. The president, Pedro Castillo of Peru, "
        "indicated Chile's treatment would be tied to the ongoing trade talks, which are expected to resume in May."
    )
    assert _talks(text) == [("PE", ("CL",))]
    # In an article that never names the US, the president is not Washington's.
    text = (
        "Peru raised tariffs on Moroccan wine last month. The president indicated Chile and Bolivia's treatment "
        "would be tied to the ongoing trade talks, which are expected to resume in early May."
    )
    assert _talks(text) == [("CL", ("BO",))]


def test_talks_placed_this_week_are_held() -> None:
    # "This week" places the talks in time as "on Monday" does, though it names no day.
    text = "Peru's president on Tuesday welcomed the Peru-Morocco trade talks this week but said duties would stay."
    assert _talks(text) == [("PE", ("MA",))]


def test_a_deal_set_in_another_year_is_another_agreement() -> None:
    # The pact signed in one year and the new one signed now are two agreements between the same sides.
    text = (
        "The original trade pact between Peru and Chile was signed in 1998 by Peru's then-president. "
        "Peru signed a new trade deal with Chile on Monday."
    )
    assert _deals(text) == [("PE", ("CL",)), ("PE", ("CL",))]
    # The same deal told again, with no year of its own, is one.
    text = "Peru signed a new trade deal with Chile on Monday. The deal Peru signed with Chile cuts duties on wine."
    assert _deals(text) == [("PE", ("CL",))]
