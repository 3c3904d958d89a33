"""A process that reads one article pays only for what that article needs, and reads it as a warm one would."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pycountry

from monitor.extract import extract_facts
from monitor.extract.gazetteer import _countries, find_mentions
from monitor.extract.matching import words


def test_country_names_read_from_the_database_file_are_pycountrys() -> None:
    read = [(c["alpha_2"], c.get("name"), c.get("common_name")) for c in _countries()]
    asked = [(c.alpha_2, c.name, getattr(c, "common_name", None)) for c in pycountry.countries]
    assert read == asked


def test_a_name_is_found_where_lower_case_would_move_the_offsets() -> None:
    # The dotted capital I lower-cases to two characters: this sentence is searched with the case-blind names.
    sentence = "İzmir fig growers said Canada had raised its duty on dried fruit."
    found = {m.code for m in find_mentions(sentence)}
    assert "CA" in found


def test_a_cue_finds_the_same_matches_before_and_after_it_has_warmed_up() -> None:
    cue = words(r"would\s+not\s+impose|trade\s+truce|tariff\s+holiday")
    texts = [
        "Officials said the government would not impose new duties this spring after all.",
        "The minister said the government would impose new duties on tinned fish next month.",
        "Shares in shipping firms rose as the two sides agreed a trade truce in the autumn.",
        "Nothing in this long sentence about the harvest and the weather names any of the phrases.",
    ]
    # Gates, needs and the letter-first pattern are built after some dozens of searches: run past all of them.
    for _ in range(100):
        for text in texts:
            got = cue.search(text)
            want = cue.blind.search(text)
            assert (got and got.span()) == (want and want.span())
            assert [m.span() for m in cue.finditer(text)] == [m.span() for m in cue.blind.finditer(text)]


def test_a_first_article_builds_only_what_it_reads() -> None:
    code = (
        "import datetime, gc, sys\n"
        "from monitor.extract import extract_facts\n"
        "from monitor.extract.matching import Cue\n"
        "facts = extract_facts('Ottawa imposed a 10% tariff on U.S. steel on Monday.', datetime.date(2031, 5, 2))\n"
        "cues = [o for o in gc.get_objects() if isinstance(o, Cue)]\n"
        "print(len(facts), sum('regex' in c.__dict__ for c in cues), len(cues), 'pycountry' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    facts, compiled, cues, pycountry_imported = done.stdout.split()
    assert int(facts) == 1
    assert int(compiled) < int(cues) // 2  # a short article never asks most of the word lists
    assert pycountry_imported == "False"


def test_the_first_article_reads_as_a_later_one_does() -> None:
    text = "Ottawa imposed a 10% tariff on U.S. steel on Monday. Washington said it would answer in kind."
    day = dt.date(2031, 5, 2)
    code = (
        "import datetime, sys\n"
        "from monitor.extract import extract_facts\n"
        f"print(repr(extract_facts({text!r}, datetime.date(2031, 5, 2))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == repr(extract_facts(text, day))
