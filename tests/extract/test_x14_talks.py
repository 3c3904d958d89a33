"""Round 14, talks: mentions of talks that are not trade talks held (another subject, a call with no other side,
an offer, a possibility, a meeting with one's own staff, talks as the background of something else). All
sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _talks(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.imposer, f.targets) for f in facts_of(text) if f.kind == "negotiation"]


def test_talks_on_another_subject_are_no_trade_talks() -> None:
    # The word naming the talks' subject decides whether they are trade talks at all.
    for sentence in (
        "Officials in Lima said nuclear negotiations with Morocco would resume in March.",
        "Peru's president walked out of an infrastructure meeting with Morocco on Tuesday.",
        "Peru held endless rounds of negotiations about NATO defense spending with Morocco.",
        "Peru and Morocco held climate talks in Lima on Monday.",
    ):
        assert _talks(sentence) == [], sentence
    # Trade named beside the other subject keeps them trade talks; the meeting they are held at is no subject.
    assert _talks("Peru and Morocco held trade and security talks on Monday.") == [("PE", ("MA",))]
    text = "Peru and Morocco held trade talks on the sidelines of a NATO summit on Monday."
    assert _talks(text) == [("PE", ("MA",))]


def test_a_call_is_talks_only_with_its_other_side_named() -> None:
    assert _talks("Peru's president had a phone call with Morocco's king on wine tariffs.") == [("PE", ("MA",))]
    for sentence in (
        "Officials in Lima said spies from Morocco could listen in on phone calls.",
        "Morocco's ministry disputed the claim from Lima that such phone conversations had taken place.",
    ):
        assert _talks(sentence) == [], sentence


def test_an_invitation_to_talks_is_an_offer() -> None:
    # As "invited Morocco to resume talks" already is: the noun names the same offer.
    text = "Peru's trade minister has extended an invitation to resume trade talks with his Moroccan counterparts."
    assert _talks(text) == []


def test_the_prospect_of_talks_is_not_talks_held() -> None:
    text = "The ban on exports to Morocco puts the prospect of continued trade negotiations with Peru in doubt."
    assert _talks(text) == []


def test_a_meeting_with_ones_own_advisers_is_no_talks() -> None:
    assert _talks("Peru's president met with top trade advisers and Moroccan allies on Sunday.") == []


def test_talks_described_in_a_list_of_adjectives_are_background() -> None:
    # "after weeks of bitter, drawn-out talks" is the background of what was agreed, as "after weeks of talks" is.
    text = "Peru rejoined the trade pact with Morocco on Sunday after weeks of tense, late-night negotiations."
    assert _talks(text) == []
    text = "The new duties on Morocco follow years of fruitless talks with Peru, which began in 2010."
    assert _talks(text) == []


def test_the_us_vice_president_and_secretary_of_state_act_for_the_us() -> None:
    # The first party named leads the talks (contract); these offices speak for Washington as Mnuchin's does.
    text = "Pence and Pompeo met with a government delegation from Peru at the White House on Wednesday."
    assert _talks(text) == [("US", ("PE",))]
    assert _talks("Kudlow said trade negotiations with Peru would begin soon.") == [("US", ("PE",))]


def test_a_meeting_is_trade_talks_only_where_its_clause_speaks_of_trade() -> None:
    # Leaders meet on many subjects; "trade talks" are the contract's, so a bare meeting needs trade named with it.
    for sentence in (
        "At the summit in Rome, Peru's president held a brief meeting with the Moroccan king.",
        "Peru's governor met with Morocco's ambassador yesterday.",
    ):
        assert _talks(sentence) == [], sentence
    text = "Peru's president held a meeting with the Moroccan king on wine tariffs."
    assert _talks(text) == [("PE", ("MA",))]


def test_talks_on_a_budget_or_with_an_alliance_are_no_trade_talks() -> None:
    for sentence in (
        "Negotiations on the budget continued between Peru and Morocco.",
        "Peru opened closed-door talks with NATO officials and Morocco on Tuesday.",
    ):
        assert _talks(sentence) == [], sentence


def test_sides_discussing_trade_hold_talks() -> None:
    # Discussing is talking with someone: talks where both sides are named and trade is the subject.
    assert _talks("Morocco and Peru are discussing ways to cut their tariffs on wine.") == [("MA", ("PE",))]
    assert _talks("Morocco's king discussed a new trade pact with Peru's president.") == [("MA", ("PE",))]
    for sentence in (
        "Peru's president discussed the wine tariffs in an interview on Monday.",
        "Morocco and Peru discussed the climate at length.",
    ):
        assert _talks(sentence) == [], sentence


def test_talks_given_their_day_took_place() -> None:
    # A day in the talks' own phrase places a meeting in time, whatever verb the clause uses.
    assert _talks("Morocco's envoy joined trade talks with Peruvian officials on Friday.") == [("MA", ("PE",))]
    assert _talks("The first talks between Morocco and Peru were in Rabat on May 3 and 4.") == [("MA", ("PE",))]
    # Talks that are only a topic leave the day to the main verb.
    assert _talks("Peru raised pressure on Morocco over trade negotiations on Sunday.") == []


def test_a_round_of_tariffs_or_an_interview_is_no_talks() -> None:
    # "Round" speaks of talks only as a round of talks; talking to a news outlet is an interview.
    for sentence in (
        "Exports fell after the first round of tariffs, despite a truce between Peruvian and Moroccan negotiators.",
        "Talking to Fox News recently, Peru's minister declared that Morocco could not afford higher tariffs.",
        "Peru's minister talked to CNBC about the tariffs on Moroccan wine.",
    ):
        assert _talks(sentence) == [], sentence
    assert _talks("Peru's minister talked to Morocco's envoy about the tariffs on wine.") == [("PE", ("MA",))]


def test_talks_only_spoken_of_are_not_held() -> None:
    # Talks as the object of "about", "on", "over" are a topic of what the clause says.
    for sentence in (
        "Peru's president began his trip by voicing optimism about negotiations with Morocco.",
        "For some time, Peru has had various voices on Peru-Morocco trade talks.",
    ):
        assert _talks(sentence) == [], sentence
    # A day after "on" says when the talks were held.
    assert _talks("Peru and Morocco met on Friday for trade talks.") == [("PE", ("MA",))]
