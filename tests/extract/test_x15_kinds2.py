"""Headlines of other stories set into a page: a link line ("More: ...", "Read more: ...") or headlines a page
links from a name and closes with "MORE" report nothing of the article they sit in. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def test_a_link_line_to_another_story_states_no_fact() -> None:
    # A headline of another article, set between paragraphs, with no stop of its own.
    for line in (
        "More:Peru slaps steel, copper tariffs on its neighbours",
        "Read more: Chile raises duties on Peruvian wine to 20%",
        "Related: Peru quits its trade pact with the U.S.",
        "Chile raises duties on Peruvian wine to 20% Read more",
    ):
        text = f"Lima prepared its budget.\n\n{line}\n\nThe minister spoke on Monday."
        assert facts_of(text) == [], line
    # A label run into a sentence of the article's own that ends with a stop: the sentence is reported.
    text = "Related: Chile raised its duties on Peruvian wine to 20 percent on Monday."
    assert [(f.kind, f.imposer, f.rate) for f in facts_of(text)] == [("tariff", "CL", 20.0)]


def test_headlines_linked_from_a_name_are_not_read_into_its_sentence() -> None:
    # The widget's headlines glued to the name would otherwise be read as part of the sentence.
    text = (
        "Senator Ana Ruiz Ana Maria RuizPeru lifts tariffs on Chilean wine Talks with Japan resume in Lima MORE "
        "(D-Ohio) spoke to farmers in Toledo on Monday about the price of corn."
    )
    assert facts_of(text) == []


def test_the_sentence_around_linked_headlines_is_read_whole() -> None:
    # Only the glued headlines go: the possessive before them is no glue, so the measure it names stays.
    text = (
        "Peru's new 20 percent duty on Chilean wine, announced by trade minister Ana Ruiz Ana Maria "
        "RuizChile scraps duties on Peruvian fish MORE, took effect on Monday."
    )
    assert [(f.kind, f.imposer, f.rate) for f in facts_of(text)] == [("tariff", "PE", 20.0)]
