"""Deals and withdrawals: an agreement named by name is between its members; quitting told with the side
between the verb and its particle, or as a noun; quitting only meant is no withdrawal; the end of trade
privileges is the end of a preference programme. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _agreements(text: str) -> list[tuple[str, str, frozenset[str]]]:
    return [(f.kind, f.imposer, frozenset(f.targets)) for f in facts_of(text) if f.kind in {"deal", "withdrawal"}]


def test_a_named_agreement_signed_with_no_side_named_is_between_its_members() -> None:
    # The article's last side is no guess for the sides of NAFTA: its members are known.
    text = "Peru raised its duty on Mexican cement. The first NAFTA accord was signed in 1993 by President Clinton."
    assert ("deal", "US", frozenset({"MX", "CA"})) in _agreements(text)


def test_the_side_speaking_of_a_named_agreement_is_its_first_party() -> None:
    # "we" is the US envoy's side: the US acts, its partners are the other members, not the US itself.
    text = (
        "Chile cut tariffs on Mexican avocados. "
        '"We have concluded a landmark agreement on the USMCA," the U.S. trade envoy told reporters.'
    )
    assert ("deal", "US", frozenset({"MX", "CA"})) in _agreements(text)


def test_quitting_with_the_side_between_verb_and_particle_is_a_withdrawal() -> None:
    for sentence in (
        "On Friday the president pulled the United States out of the Trans-Pacific Partnership.",
        "The first step was the withdrawal of the United States from the Trans-Pacific Partnership.",
    ):
        assert _agreements(sentence) == [("withdrawal", "US", frozenset({"*"}))], sentence


def test_quitting_only_meant_or_set_aside_is_no_withdrawal() -> None:
    for sentence in (
        "The senator is going to pull out of NAFTA, his aides said.",
        "The candidate pledged to pull out of the Trans-Pacific Partnership if elected.",
        "The minister said any move to withdraw from NAFTA would be a grave error.",
        "The president chose to amend NAFTA instead of withdrawing from it.",
        "Since taking office the president has stated his intention to pull out of NAFTA.",
    ):
        assert [a for a in _agreements(sentence) if a[0] == "withdrawal"] == [], sentence


def test_leaving_without_a_deal_quits_nothing_and_reaches_nothing() -> None:
    for sentence in (
        "The Korean trade delegation left Washington without a signed trade deal on Friday.",
        "The envoy left without a deal, though he said the talks with Korea had helped.",
    ):
        assert _agreements(sentence) == [], sentence


def test_cancelled_trade_privileges_are_a_preference_programme_ended() -> None:
    text = "In March, the U.S. revoked special trade privileges that had let Kenya ship some goods duty-free."
    assert ("withdrawal", "US", frozenset({"KE"})) in _agreements(text)


def test_a_deal_between_a_government_and_its_own_legislators_is_no_trade_deal() -> None:
    # Both sides of these deals are one country's branches or parties: no trade agreement between sides.
    for sentence in (
        "Senate Republicans struck a deal on Monday to extend the president's authority over trade with Brazil.",
        "The Speaker said that she had reached an agreement with the White House on the pact with Peru and Chile.",
    ):
        assert [a for a in _agreements(sentence) if a[0] == "deal"] == [], sentence
    # A foreign side dealing with the White House is still a deal between two sides.
    assert _agreements("Brazil reached a trade deal with the White House on Friday.") == [
        ("deal", "BR", frozenset({"US"}))
    ]


def test_an_agreement_on_migration_or_secrecy_is_no_trade_deal() -> None:
    for sentence in (
        "The US and Guatemala reached an agreement on Friday to stem illegal migration.",
        "The senator read the draft text of the pact with Chile only after signing a confidentiality agreement.",
    ):
        assert [a for a in _agreements(sentence) if a[0] == "deal"] == [], sentence


def test_an_agreement_with_its_maker_in_an_object_relative_is_a_deal() -> None:
    # "the deal X signed with Y" states as background that X and Y reached it.
    for sentence in (
        "Farmers still recall the 2009 trade pact the United States signed with Peru.",
        "The tariffs will be paid for by the new trade agreement we have made with Peru, the US envoy said.",
        "A trade accord the Trump administration negotiated last year with Peru exempts some copper.",
    ):
        assert ("deal", "US", frozenset({"PE"})) in _agreements(sentence), sentence
    # A judgement or a wish in the relative clause reaches nothing.
    for sentence in (
        "Peru's minister called it the worst trade deal ever made with Chile.",
        "The trade deal Peru would sign with Chile is still far off.",
    ):
        assert [a for a in _agreements(sentence) if a[0] == "deal"] == [], sentence
    # Legislators speaking of an agreement they reached, naming no country: politics at home.
    text = "Senate Democrats say the agreement they struck on Friday won concessions on the trade bill."
    assert [a for a in _agreements(text) if a[0] == "deal"] == []


def test_quitting_a_habit_or_a_monetary_order_is_no_withdrawal() -> None:
    for sentence in (
        "Peru must quit rewriting the trade pact with Chile, the minister said.",
        "In 1971 the United States quit the Bretton Woods agreement and let the dollar float.",
    ):
        assert [a for a in _agreements(sentence) if a[0] == "withdrawal"] == [], sentence


def test_the_two_sides_joined_as_the_deal_verbs_subject_are_its_sides() -> None:
    # A side named before the subject of the deal is no side of it.
    text = "Chile, a big copper exporter, was left out when the U.S. and Peru reached a trade agreement in May."
    assert _agreements(text) == [("deal", "US", frozenset({"PE"}))]
    # "he" joined with a side stands for the side the sentence named before it.
    text = "Trump used the summit to press allies, including by announcing that he and Peru had reached a trade deal."
    assert _agreements(text) == [("deal", "US", frozenset({"PE"}))]


def test_an_agreement_forged_announced_or_made_by_its_sides_is_a_deal() -> None:
    assert _agreements("The trade agreement between Chile and Peru that was announced on Friday cuts duties.") == [
        ("deal", "CL", frozenset({"PE"}))
    ]
    assert _agreements("The Chile-Peru trade pact was forged in 1998 by two presidents.") == [
        ("deal", "CL", frozenset({"PE"}))
    ]
    # The agents of the passive are the deal's sides, the first acting; the place it was made is none.
    text = (
        "When asked what Peru must do, the minister cited the trade agreement made by Chilean President Boric and "
        "Peruvian President Castillo in Argentina last year."
    )
    assert _agreements(text) == [("deal", "CL", frozenset({"PE"}))]


def test_a_deal_only_imagined_by_a_word_of_possibility_or_wish_is_no_deal() -> None:
    for sentence in (
        "The minister spoke of the prospect of signing a trade deal with Peru before the election.",
        "Peru's ministers now wish they had signed the trade deal that was on the table in May, Chile said.",
        "One of the benefits of signing trade pacts with Chile is cheaper copper for Peru.",
    ):
        assert [a for a in _agreements(sentence) if a[0] == "deal"] == [], sentence


def test_a_participle_naming_a_kind_of_deal_or_a_stranded_agreed_to_reaches_none() -> None:
    for sentence in (
        "Congress may only hold a yes or no vote on a concluded trade accord with Peru, the law says.",
        "Peru has backed away from terms Chile had agreed to, and that could sink the trade deal, an aide said.",
    ):
        assert [a for a in _agreements(sentence) if a[0] == "deal"] == [], sentence
    # A signing ceremony held for an agreement is still its signing.
    text = "The Peruvian and Chilean ministers were in Lima for a signing ceremony for the revised trade deal."
    assert [a[0] for a in _agreements(text)] == ["deal"]


def test_a_partnership_signed_or_announced_in_a_reduced_relative_is_a_deal() -> None:
    for sentence in (
        "Then came the Peru-Chile trade partnership, drafted by Lima, signed by both sides in 2012.",
        "Peru has not yet published the text of the Peru-Chile economic partnership announced Monday, critics say.",
    ):
        assert _agreements(sentence) == [("deal", "PE", frozenset({"CL"}))], sentence
