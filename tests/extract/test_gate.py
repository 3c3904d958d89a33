"""The word gate in front of the word lists: a clause is only spared a regex search when no match can be in
it, so every word list finds exactly what its regex finds (a fact is never lost to the speed-up)."""

from __future__ import annotations

import pytest

from monitor.extract import dates, matching, sectors
from monitor.extract import vocabulary as vocab
from monitor.extract.gate import Gate
from monitor.extract.matching import Cue, CueSet, _lacks_needs, _rare_first, _read_long, _telling_words, _way, words
from monitor.extract.needs import PIECE, Needs

# Sentences of our own, long enough to be gated, with and without the words the lists look for.
SENTENCES = [
    "The finance ministry in Lagos said on Tuesday it had lifted the 12% duty on imported rice from Thailand.",
    "Negotiators from both capitals met with their counterparts in Oslo, and talks resumed after a pause.",
    "Ottawa retaliated with countermeasures worth C$30 billion, hitting American whiskey and orange juice.",
    "Exports of frozen shrimp slumped 14 percent year-on-year in March, the statistics office reported.",
    "A spokesperson would not say whether the suspended levies were expected to return before September.",
    "Tariff-free access for 40,000 tonnes of beef was agreed, while the anti-dumping duties on steel remain.",
    "The pact, signed in Santiago on 3 May 2024, will phase out tariffs on copper cathodes over five years.",
    "Under Section 232 the administration doubled the rate on aluminium to 50 per cent effective June 4.",
    "Officials warned that the deal could collapse unless both sides exempted medicines from the surcharge.",
    "Sunny weather helped the harvest, and the regional festival drew record crowds to the old harbour town.",
    "Lawmakers were told the new import taxes, announced late on Friday, take effect at midnight next month.",
    "Ministers quit the partnership and withdrew from the 1998 accord, ending preferential access for sugar.",
    # Text beyond ASCII (curly quotes, accents) has its words listed another way: the same answers.
    "Québec’s premier said the “temporary” surtax on café equipment was suspended until the end of août.",
    "Ankara’s 40 % levy on Brazilian coffee, announced in İzmir, takes effect; the ministry’s note says so.",
    # A listed word inside a longer word with an accent ("prétariff") is no match, however the words split.
    "The prétariff era, said a Zürich-based newsletter, ended when the café’s owner in Genève retired.",
    # The first word of a phrase without the words after it ("would ... not", "to ... zero", "the ... same").
    "Kenya would review the levy on sugar, and it will not say when the rate falls to single figures.",
    "Prices at the border went to zero-rated status, while the same old tariff schedule stayed in force.",
    "Seoul said it would not impose new duties, and Canberra agreed not to levy the same tariff either.",
]


def _cues() -> list[tuple[str, Cue]]:
    found = []
    for module in (vocab, dates, sectors):
        for name, value in vars(module).items():
            if isinstance(value, Cue):
                found.append((f"{module.__name__}.{name}", value))
    return found


CUES = _cues()


def test_most_word_lists_have_a_gate() -> None:
    gated = [name for name, cue in CUES if cue.gate is not None]
    assert len(gated) >= 0.75 * len(CUES)


@pytest.mark.parametrize(("name", "cue"), CUES, ids=[name for name, _ in CUES])
def test_a_word_list_finds_what_its_regex_finds(name: str, cue: Cue) -> None:
    for sentence in SENTENCES:
        for text in (sentence, sentence.upper(), sentence[7:], sentence + " " + sentence):
            # The plain case-blind regex over the text is what the list must find.
            plain = [m.span() for m in cue.blind.finditer(text)]
            first = cue.search(text)
            assert (first.span() if first else None) == (plain[0] if plain else None), (name, text)
            assert [m.span() for m in cue.finditer(text)] == plain, (name, text)
            assert cue.holds(text) == bool(plain), (name, text)
            assert cue.sub(lambda m: "#" * len(m.group(0)), text) == cue.blind.sub(
                lambda m: "#" * len(m.group(0)), text
            ), (name, text)


def test_a_text_cut_short_inside_a_word_is_still_searched() -> None:
    # The search stops inside "tariffs": the regex sees the word "tariff" there, which the text's own words
    # ("tariffs") do not list.
    cue = words(r"tariff")
    text = "Officials in three capitals were still arguing over the new tariffs when the session closed."
    end = text.index("tariffs") + len("tariff")
    found = cue.search(text, 0, end)
    assert found is not None and found.group(0) == "tariff"
    assert cue.search(text) is None


def test_gate_lists_the_words_a_match_opens_with() -> None:
    gate = Gate.of(r"\b(?:tariffs?|dut(?:y|ies)|import\s+tax(?:es)?|retaliat\w*)\b")
    assert gate is not None
    assert gate.exact == {"tariff", "tariffs", "duty", "duties", "import"}
    assert gate.within == ("retaliat",)


def test_gate_keeps_a_literal_that_may_sit_inside_a_word() -> None:
    # Without a word boundary in front, "port" may be the end of "export".
    gate = Gate.of(r"port(?:s|ed)\b")
    assert gate is not None
    assert gate.exact == frozenset()
    assert set(gate.within) == {"ports", "ported"}


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d+\s?%",  # opens with any digit
        r"\b(?:\w+\s+){0,2}tariffs?\b",  # opens with any word
        r"^\s*$",  # opens with nothing literal
    ],
)
def test_gate_gives_up_where_it_cannot_list_the_openings(pattern: str) -> None:
    assert Gate.of(pattern) is None


def test_a_word_list_with_no_gate_still_searches() -> None:
    cue = Cue(r"\d{1,3}\s?(?:%|percent)", bounded=False)
    assert cue.gate is None
    text = "The customs board confirmed on Thursday that the levy on imported bicycles stays at 17 percent."
    found = cue.search(text)
    assert found is not None and found.group(0) == "17 percent"


def _ways(needs: Needs | None) -> set[frozenset[frozenset[str]]]:
    assert needs is not None
    return {frozenset(way) for way in needs.ways}


def test_needs_list_every_whole_word_of_each_way() -> None:
    needs = Needs.of(r"\b(?:(?:would|will)\s+not\s+(?:impose|levy)|tariff-free|zero\s+(?:tariffs?|duties))\b")
    assert _ways(needs) == {
        frozenset({frozenset({"would", "will"}), frozenset({"not"}), frozenset({"impose", "levy"})}),
        frozenset({frozenset({"tariff"}), frozenset({"free"})}),
        frozenset({frozenset({"zero"}), frozenset({"tariff", "tariffs", "duties"})}),
    }


def test_needs_leave_out_words_whose_edges_are_not_known() -> None:
    # "tariff" may be the end of "nontariff" (no boundary in front); "dut" is read through a class of letters,
    # and the words on either side of "\s*" may be one word ("tradedeal"): only pieces of them are known.
    needs = Needs.of(r"tariff\s+war\s+chest\b|\bdut[iy]\w*\s+cut\s+now\b|\btrade\s*deal\s+talks\s+end\b")
    assert _ways(needs) == {
        frozenset({frozenset({"war"}), frozenset({"chest"})}),
        frozenset({frozenset({PIECE + "dut"}), frozenset({"cut"}), frozenset({"now"})}),
        frozenset({frozenset({PIECE + "trade"}), frozenset({"talks"}), frozenset({"end"})}),
    }


def test_ways_alike_but_for_one_word_are_one_way() -> None:
    needs = Needs.of(r"\btrade\s+(?:war|row|negotiations\s+resumed)\b")
    assert _ways(needs) == {
        frozenset({frozenset({"trade"}), frozenset({"war", "row"})}),
        frozenset({frozenset({"trade"}), frozenset({"negotiations"}), frozenset({"resumed"})}),
    }


def test_a_way_that_needs_no_word_leaves_no_needs() -> None:
    assert Needs.of(r"\b(?:would\s+not|\w+ing)\b") is None


def test_a_clause_with_the_opening_word_alone_is_not_searched() -> None:
    cue = words(r"would\s+not\s+impose|to\s+zero")
    text = "The finance minister said the ministry would review its plans to phase out the surcharge."
    assert cue.search(text) is None
    assert cue.search(text.replace("review", "not impose")) is not None


def test_the_letters_before_an_unknown_run_are_a_piece_the_text_holds() -> None:
    # "negotiat\w*": the word is not known whole, but "negotiat" is in every text that matches.
    needs = Needs.of(r"\b(?:tariff|trade)\s+negotiat\w*")
    assert _ways(needs) == {frozenset({frozenset({"tariff", "trade"}), frozenset({PIECE + "negotiat"})})}
    cue = words(r"(?:tariff|trade)\s+negotiat\w*")
    text = "The trade ministers of Chile and Peru said the tariff schedule would be published in March."
    assert cue.search(text) is None
    found = cue.search(text.replace("schedule", "negotiators"))
    assert found is not None and found.group(0) == "tariff negotiators"


@pytest.mark.parametrize(
    ("text", "trade"),
    [
        ("Ministers said on Tuesday that the new tariffs on steel would take effect in May.", True),
        ("The weather stayed mild and the harbour festival drew record crowds on Sunday.", False),
        ("A figure of 25pc was quoted for the coming season by the growers' co-operative.", True),
        ("Officials in Accra were according the visitors every courtesy at the ceremony.", True),
    ],
)
def test_a_sentence_holds_a_trade_hint_exactly_when_the_hint_is_found_in_it(text: str, trade: bool) -> None:
    # A whole word holding a hint ("tariffs", "according") answers at once; otherwise the list is searched.
    assert vocab.TRADE_HINT.holds(text) is trade
    assert (vocab.TRADE_HINT.search(text) is not None) is trade


def test_a_literal_list_answers_the_same_the_first_time_and_after_it_has_learnt_the_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The words of a text are looked at once and remembered as holding a literal or not; literals with a space or
    # a sign are looked for as they are, and alternatives that are not plain text by a pattern of their own.
    cue = Cue(r"harb|lev(?:y|ies)|met in|%|\dkg\b", bounded=False)
    texts = [
        "The old harbour at Mombasa was busy with ships unloading sacks of maize and sugar.",  # a word holds "harb"
        "The quay at Mombasa was busy with ships unloading sacks of maize and sugar all week.",  # none
        "Ministers from Chile and Peru met in Lima on Monday to talk about the fishing quotas.",  # "met in"
        "Growers said the 40% rise in the price of fertiliser came on top of higher freight costs.",  # a sign
        "Farmers in the valley now pay new levies on every tonne of maize they send to the coast.",  # the pattern
        "Each bag weighs 50kg and is carried up the hill by porters before the market opens at dawn.",  # the pattern
        "Each bag weighs 50kgs and is carried up the hill by porters before the market opens at dawn.",  # none
    ]
    expected = [True, False, True, True, True, True, False]
    for _round in range(2):
        assert [cue.holds(text) for text in texts] == expected
        assert [cue.search(text) is not None for text in texts] == expected
    # Past its limit the list forgets the words it has met, and answers the same.
    monkeypatch.setattr(matching, "_MAX_LEARNT", 0)
    assert [cue.holds(text) for text in texts] == expected
    assert len(cue._clean) <= 20


def test_a_text_without_the_telling_words_lacks_a_word_of_every_way() -> None:
    # One word of each way, the one a text most often lacks: none of them in the text, and no way is complete.
    cue = words(r"(?:the\s+)?(?:wharf|quay)\s+(?:fees?|dues)|harbour\s+(?:master|masters)")
    assert cue._telling == frozenset({b"wharf", b"quay", b"harbour"})
    assert cue.search("Officials said the port fees and the dock dues on the river would rise in May.") is None
    found = cue.search("Officials said the quay dues at the old harbour on the river would rise in May.")
    assert found is not None and found.group(0) == "the quay dues"
    # A way whose every word is only known by its pieces gives no telling words: each way is then tested.
    assert _telling_words(((frozenset(), ((frozenset(), ("harb",)),)),)) is None
    for _name, each in CUES:
        if each._telling is None:
            continue
        for sentence in SENTENCES:
            read = _read_long(sentence)
            if read is not None and each._telling.isdisjoint(read[1]):
                assert _lacks_needs(each._needs, read[1], read[0])


def test_a_way_looks_for_its_rarer_words_before_the_common_ones() -> None:
    # "the" and "to" sit in almost every clause: a way is told missing sooner by its rarer words.
    the, wharf, to = (frozenset({b"the"}), ()), (frozenset({b"wharf", b"quay"}), ()), (frozenset({b"to"}), ())
    assert _rare_first((the, wharf, to)) == (wharf, the, to)
    # The order changes only how soon a way is given up, never what is found.
    cue = words(r"to\s+the\s+(?:wharf|quay)")
    text = "Officials in Nairobi said the new levy on maize is paid before it goes to the wharf for loading."
    found = cue.search(text)
    assert found is not None and found.group(0) == "to the wharf"
    assert cue.search(text.replace("wharf", "depot")) is None


@pytest.mark.parametrize("text", ["", "a", "Duty", "the tariff", "the levy on the cargo was raised"])
def test_short_and_empty_texts_find_what_the_regex_finds(text: str) -> None:
    # Texts too short to be gated are lower-cased and searched as they are, an empty one included.
    for _name, cue in CUES:
        plain = [m.span() for m in cue.blind.finditer(text)]
        assert [m.span() for m in cue.finditer(text)] == plain
        first = cue.search(text)
        assert (first.span() if first else None) == (plain[0] if plain else None)
        at_start = cue.blind.match(text)
        found = cue.match(text)
        assert (found.span() if found else None) == (at_start.span() if at_start else None)


def test_a_set_of_word_lists_is_shut_only_where_each_list_finds_nothing() -> None:
    lists = (vocab.TALKS, vocab.DEAL_VERB, vocab.DEAL_PASSIVE, vocab.PREFERENCE_PROGRAMME, vocab.WITHDRAW)
    together = CueSet(*lists)
    shut = 0
    for sentence in SENTENCES:
        for text in (sentence, sentence.upper(), sentence[7:]):
            if not together.may_match(text):
                shut += 1
                assert all(cue.search(text) is None for cue in lists), text
    assert shut >= 3  # most sentences name no deal, talks or withdrawal: the set spares their searches
    text = "The harbour authority of Mombasa said the new cranes would be working by the end of the month."
    assert not together.may_match(text)
    assert together.may_match(text.replace("cranes", "negotiations"))


def test_a_set_holding_a_list_without_a_gate_may_always_match() -> None:
    ungated = words(r"\w+ing\s+tariffs")
    assert ungated.gate is None
    together = CueSet(vocab.TALKS, ungated)
    assert together.may_match("The harbour authority in Mombasa said the cranes would be working by June.")


def test_the_words_of_one_spelling_a_way_needs_are_tested_together() -> None:
    # "to the wharf or quay": "to" and "the" have one spelling each (one subset test); the last word has two.
    the, to, place = (frozenset({b"the"}), ()), (frozenset({b"to"}), ()), (frozenset({b"wharf", b"quay"}), ())
    piece = (frozenset({b"levy"}), ("tarif",))
    way = _way((to, the, place, piece))
    assert way == (frozenset({b"to", b"the"}), (place, piece))
    words_here = frozenset({b"goods", b"go", b"to", b"the", b"quay"})
    assert _lacks_needs((way,), words_here, "goods go to the quay")  # neither "levy" nor a piece "tarif"
    assert not _lacks_needs((way,), words_here | {b"tariffs"}, "goods go to the quay, tariffs paid")
    assert _lacks_needs((way,), frozenset({b"the", b"quay", b"levy"}), "the quay levy")  # no "to"
