"""Sentence splitting, and input that is not clean English prose: none of it may crash or hang."""

from __future__ import annotations

import random

from monitor.extract.sentences import split_sentences
from tests.extract.conftest import facts_of, only

TRADE = "The White House imposed a 25 percent tariff on Canadian lumber on Monday."


def test_abbreviations_and_numbers_do_not_end_a_sentence() -> None:
    text = (
        "Mr. Lee said the U.S. trade surplus hit $69.5 billion in No. 1 position. "
        "Some 4.7 million cars were shipped from Jan. 5 onward. Dr. Ortiz disagreed."
    )
    assert split_sentences(text) == [
        "Mr. Lee said the U.S. trade surplus hit $69.5 billion in No. 1 position.",
        "Some 4.7 million cars were shipped from Jan. 5 onward.",
        "Dr. Ortiz disagreed.",
    ]


def test_a_sentence_may_end_with_us_and_quotes_close_a_sentence() -> None:
    text = 'The duties target the U.S. He called them "unfair." Talks resume Monday.'
    assert split_sentences(text) == ["The duties target the U.S.", 'He called them "unfair."', "Talks resume Monday."]


def test_a_capital_and_after_a_dotted_abbreviation_goes_on_in_the_same_sentence() -> None:
    # Wire copy capitalises the word after "U.S."; a sentence seldom opens with "And" right after one.
    text = "Officials of the U.S. And Korea will meet in May. The U.S. The talks are new."
    assert split_sentences(text) == [
        "Officials of the U.S. And Korea will meet in May.",
        "The U.S.",
        "The talks are new.",
    ]


def test_glued_sentences_and_line_breaks() -> None:
    text = "Ports closed early.Exports slowed,\nanalysts said.\n\nA headline without a stop\n  • a bullet point"
    assert split_sentences(text) == [
        "Ports closed early.",
        "Exports slowed, analysts said.",
        "A headline without a stop",
        "a bullet point",
    ]


def test_wire_copy_wrapped_at_a_fixed_width_keeps_each_sentence_whole() -> None:
    # Wrapped text: a line may end in the middle of a sentence just before a name or any capitalised word.
    text = (
        "OTTAWA RAISES DUTY ON IMPORTED BOOTS\n\n"
        "Canada will raise its import duty on leather boots from\n"
        "Italy and Spain to 18 pct next month, the Finance\n"
        "Ministry said on Tuesday.\n"
        "    Officials said the step answers a surge of shipments from\n"
        "European makers since January.\n"
    )
    assert split_sentences(text) == [
        "OTTAWA RAISES DUTY ON IMPORTED BOOTS",
        "Canada will raise its import duty on leather boots from Italy and Spain to 18 pct next month, "
        "the Finance Ministry said on Tuesday.",
        "Officials said the step answers a surge of shipments from European makers since January.",
    ]
    # Read whole, the sentence gives its rate to the countries named on the line before it.
    assert ("CA", {"IT", "ES"}, 18) in [(f.imposer, set(f.targets), f.rate) for f in only(facts_of(text), "tariff")]


def test_a_heading_without_a_stop_still_stands_apart_in_unwrapped_news() -> None:
    text = (
        "Boot duties rise\n"
        "Canada will raise its import duty on leather boots from Italy and Spain to 18 percent next month, "
        "the finance ministry said on Tuesday, after a surge of shipments from European makers.\n"
    )
    assert split_sentences(text)[0] == "Boot duties rise"


def test_a_line_left_open_mid_clause_goes_on_in_the_next_even_before_a_capital_or_quote() -> None:
    text = (
        "Cotton Mills Brace for Hard Times\n"
        "The mountain kingdom was struck with\n"
        '"mirror" duties of 40% on its knitwear last spring, a rate well above that of its neighbours, '
        "and its mills have cut shifts since.\n"
        "Its mills were built under a scheme passed in\n"
        "Ottawa long ago."
    )
    assert split_sentences(text) == [
        "Cotton Mills Brace for Hard Times",
        'The mountain kingdom was struck with "mirror" duties of 40% on its knitwear last spring, a rate well '
        "above that of its neighbours, and its mills have cut shifts since.",
        "Its mills were built under a scheme passed in Ottawa long ago.",
    ]


def test_every_kind_of_space_and_run_of_spaces_becomes_one_space() -> None:
    text = (
        "Lima\u00a0raised  the levy\ton\u2009imported   tyres. \t Quito\u202fdid not. "
        "Both  \u00a0 capitals  met.\nA lone space stays."
    )
    assert split_sentences(text) == [
        "Lima raised the levy on imported tyres.",
        "Quito did not.",
        "Both capitals met.",
        "A lone space stays.",
    ]


def test_empty_and_blank_text() -> None:
    assert facts_of("") == []
    assert facts_of("   \n\n\t ") == []


def test_binary_junk_gives_no_facts() -> None:
    rng = random.Random(3)
    junk = bytes(rng.randrange(256) for _ in range(200_000)).decode("latin-1")
    assert facts_of(junk) == []


def test_html_is_read_as_text() -> None:
    page = (
        "<html><head><style>p {color: red}</style><script>var tariff = 99;</script></head>"
        f"<body><div><p>{TRADE}</p><p>Markets &amp; more.</p></div></body></html>"
    )
    [fact] = only(facts_of(page), "tariff")
    assert (fact.imposer, fact.targets, fact.rate, fact.sector) == ("US", ("CA",), 25, "lumber")
    assert "<" not in fact.evidence


def test_another_language_gives_no_facts() -> None:
    text = "Die Regierung in Berlin prüft neue Zölle von 20 Prozent auf Stahl. 政府は関税を引き上げた。"
    assert facts_of(text) == []


def test_a_20_mb_article_is_read_to_the_end() -> None:
    filler = "The weather in the capital stayed mild and the harbour was busy with ferries. " * 260_000
    text = filler + TRADE
    assert len(text) > 20_000_000
    facts = facts_of(text)
    assert [(f.kind, f.rate) for f in facts] == [("tariff", 25)]


def test_pathological_text_for_regular_expressions_finishes() -> None:
    # Long runs that make backtracking patterns blow up: no stops, repeated cue words, spaces, digits.
    for text in (
        "tariff " * 50_000,
        "a" * 300_000,
        " " * 300_000 + "x",
        "1" * 200_000 + "%",
        "U.S." * 50_000,
        ("on the " * 20_000) + "tariffs",
        "(" * 100_000,
        "<" * 100_000 + ">",
        # Shapes the clause reading looks for: party lists with rates, ranges, exceptions, background talks.
        "Peru (5%), " * 20_000,
        "ranging from 5% to " * 20_000,
        "except " * 50_000 + "Chile",
        "after the " * 50_000 + "talks in Geneva",
        "was hit with " * 30_000,
    ):
        assert isinstance(facts_of(text), list)


def test_an_article_with_thousands_of_distinct_facts_keeps_each_once() -> None:
    countries = ["Chile", "Peru", "Kenya", "Ghana", "Norway", "Egypt", "Qatar", "Nepal", "Cuba", "Fiji"]
    sentences = [
        f"The White House imposed a {rate}% tariff on goods from {country}."
        for _ in range(2)
        for rate in range(1, 101)
        for country in countries
    ]
    facts = facts_of(" ".join(sentences))
    assert len(facts) == 100 * len(countries)
    assert len({(f.rate, f.targets) for f in facts}) == len(facts)


def test_a_line_opening_with_a_small_letter_goes_on_after_a_dotted_abbreviation_or_an_open_quote() -> None:
    # Wire copy wraps anywhere: a line may end on "U.S." or on a quote its comma leaves open, and the next line,
    # opening with a small letter, is the rest of the same sentence.
    text = (
        "Sawmills in Quebec cut output before the 200 mln dlrs in U.S.\n"
        "duties on Canadian softwood lumber took effect on May 4, officials said.\n"
        '    "We will keep talking until the last day,"\n'
        "the trade minister told reporters.\n"
    )
    assert split_sentences(text) == [
        "Sawmills in Quebec cut output before the 200 mln dlrs in U.S. duties on Canadian softwood lumber took "
        "effect on May 4, officials said.",
        '"We will keep talking until the last day," the trade minister told reporters.',
    ]
    # Read whole, the sentence names whose duties they are and on whose lumber.
    assert ("US", ("CA",), "lumber") in [(f.imposer, f.targets, f.sector) for f in only(facts_of(text), "tariff")]
