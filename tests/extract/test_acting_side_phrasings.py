"""Phrasings that name the side acting in other words than a subject and "impose": the side a levy is paid to,
a demonym before the tariff word, "levies" as a verb, sides agreeing on their own tariffs, and a rate a relative
clause gives its party. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _sides(text: str, kind: str = "tariff") -> list[tuple[str, tuple[str, ...]]]:
    return [(f.imposer, f.targets) for f in only(facts_of(text), kind)]


def test_the_side_a_levy_is_paid_to_acts_and_the_payer_is_hit() -> None:
    assert _sides("Bolivia now pays an 11% levy to Brazil on its soybeans.") == [("BR", ("BO",))]
    assert _sides("Since March, Laos has paid Thailand a 6% duty on its rice.") == [("TH", ("LA",))]
    # Not any "to": goods shipped to a side do not make the shipper's levy its own.
    assert _sides("Bolivia imposed an 11% levy on beef headed to Brazil.")[0][0] == "BO"


def test_the_side_asked_for_a_reprieve_acts() -> None:
    read = _sides("Kenyan officials requested a grace period from Washington before a 20% tariff on Kenyan tea.")
    assert read == [("US", ("KE",))]


def test_a_demonym_before_the_tariff_word_names_the_side_acting() -> None:
    assert _sides("Beninese cotton now meets a 9% Togolese levy.") == [("TG", ("BJ",))]
    assert _sides("Senegalese fish will face a Malian duty of 7%.") == [("ML", ("SN",))]


def test_levies_as_a_verb_after_its_subject_is_the_act() -> None:
    assert _sides("Indonesia levies 30% on Australian wheat.") == [("ID", ("AU",))]
    assert _sides("Canada now levies a 12% duty on Chinese bicycles.") == [("CA", ("CN",))]
    # The noun, with "on" after it, still names whose tariffs they are.
    assert _sides("Canadian levies on Chinese bicycles rose to 12%.") == [("CA", ("CN",))]


def test_sides_agreeing_to_pause_their_tariffs_each_pause_on_the_other() -> None:
    read = sorted(_sides("Kenya and Uganda agreed to suspend their tariffs for 60 days.", "pause"))
    assert read == [("KE", ("UG",)), ("UG", ("KE",))]
    # A third side named as hit: both pause on it.
    third = sorted(_sides("Kenya and Uganda agreed to suspend their duties on Indian sugar until May.", "pause"))
    assert third == [("KE", ("IN",)), ("UG", ("IN",))]
    # One side agreeing on its own tariffs pauses alone.
    assert _sides("Kenya agreed to suspend its tariffs on Uganda for 60 days.", "pause") == [("KE", ("UG",))]


def test_a_lift_or_pause_takes_no_rate_from_a_relative_clause_about_a_party() -> None:
    lift = only(facts_of("Peru, which accepted a 15% rate, will remove its duties on US pork."), "lift")
    assert [(f.imposer, f.rate) for f in lift] == [("PE", None)]
    pause = only(
        facts_of("Chile, which was hit with a 25% tariff, will suspend its duties on US wine for 90 days."), "pause"
    )
    assert [(f.imposer, f.rate) for f in pause] == [("CL", None)]
    # The rate the relative clause gives is the rate its party is charged.
    assert _sides("Peru, which accepted a 15% rate, will remove its duties on US pork.") == [("US", ("PE",))]
    # A rate of the measure itself is still read.
    own = only(facts_of("Peru will remove its 9% duties on US pork."), "lift")
    assert [(f.imposer, f.rate) for f in own] == [("PE", 9.0)]


def test_the_side_that_agrees_to_a_rate_pays_it() -> None:
    assert _sides("Norway agreed to a 15% tariff in June.") == [("US", ("NO",))]
    # A rate agreed on another side's goods is the agreeing side's own.
    assert _sides("Norway agreed to a 15% tariff on US salmon feed.")[0][0] == "NO"


def test_a_name_with_its_abbreviation_in_brackets_is_still_the_side_hit() -> None:
    # "(UAE)" between the name and "will face" used to hide the verb: the side facing the tariff was read as
    # the one levying it.
    assert _sides("The United Arab Emirates (UAE) will face a 10% tariff.") == [("US", ("AE",))]
    assert _sides("The Philippines (PH) was hit with a 19% tariff.") == [("US", ("PH",))]


def test_a_side_exposed_to_a_tariff_is_hit_by_it() -> None:
    assert _sides("Peru and Chile are among the economies most exposed to the duties Washington imposed.") == [
        ("US", ("PE", "CL"))
    ]
    assert _sides("Laos, one of the countries most vulnerable to the 40% tariff, has asked for talks.") == [
        ("US", ("LA",))
    ]


def test_a_side_in_a_reduced_relative_clause_after_the_tariff_word_owns_it() -> None:
    assert _sides("The duties Lima imposed on Bolivian onions were lifted on Monday.", "lift") == [("PE", ("BO",))]
    assert _sides("The 12% levy Ecuador had charged on Peruvian sugar was dropped.", "lift") == [("EC", ("PE",))]
    assert _sides("The levy Chile placed on Argentine wheat is 8 percent.") == [("CL", ("AR",))]


def test_the_agent_of_a_passive_lift_pause_or_exemption_acts() -> None:
    assert _sides("The duties on Peruvian grapes were lifted by Ecuador last week.", "lift") == [("EC", ("PE",))]
    assert _sides("Tariffs on Uruguayan beef were suspended by Brazil for six months.", "pause") == [("BR", ("UY",))]
    assert _sides("Bolivian soybeans were exempted by Chile from its 6% duty.", "relief") == [("CL", ("BO",))]


def test_the_side_that_gets_a_break_on_a_tariff_is_hit_by_it() -> None:
    assert _sides("Chile gets a break on copper tariffs under the pact, with the rate cut to 10%.") == [("US", ("CL",))]


def test_an_opening_participle_phrase_is_the_reason_not_the_act() -> None:
    # A wish or a purpose opening the sentence does not deny the measure after its comma.
    assert _sides("Seeking to protect its dairy farmers, Norway raised tariffs on Danish cheese to 40 percent.") == [
        ("NO", ("DK",))
    ]
    assert _sides("Hoping to shield local mills, Egypt imposed a 15 percent duty on Turkish steel.") == [
        ("EG", ("TR",))
    ]
    # The tariff it answers, named in the phrase, is not the subject's own.
    assert _sides("Angered by Ghanaian levies, Nigeria raised its duty on Ghanaian cocoa to 20 percent.") == [
        ("NG", ("GH",))
    ]
    # A phrase of time stays with the clause it dates, and a phrase with a rate of its own is read whole.
    assert _sides("Starting on Monday, Peru will charge a 12% duty on Bolivian quinoa.") == [("PE", ("BO",))]
    # The scene of a statement names the talks its speakers held.
    talks = only(
        facts_of("Speaking after two days of talks in Quito, the Peruvian and Chilean ministers said so."),
        "negotiation",
    )
    assert [(f.imposer, f.targets) for f in talks] == [("PE", ("CL",))]


def test_a_place_an_agreement_is_signed_in_is_no_party() -> None:
    read = [
        (f.imposer, f.targets)
        for f in only(facts_of("A trade pact was signed in Singapore on Tuesday between Peru and Korea."), "deal")
    ]
    assert read == [("PE", ("KR",))]
    read = [
        (f.imposer, f.targets)
        for f in only(facts_of("Uruguay and Ecuador sealed a trade agreement in Panama."), "deal")
    ]
    assert read == [("UY", ("EC",))]
    # Goods made in a country are still its goods.
    assert _sides("Peru signed an order raising tariffs on bicycles made in Korea to 30 percent.") == [("PE", ("KR",))]


def test_a_side_named_by_its_export_trade_is_the_seller() -> None:
    read = _sides("Korea has become Peru's biggest export market for copper since its tariff was cut to 2 percent.")
    assert read == [("KR", ("PE",))]
    # Where the goods are sold names the side letting them in.
    assert _sides("Chilean wine paid a 9 percent tariff before it reached Korean shelves.") == [("KR", ("CL",))]


SENTENCE_ANSWERING = (
    "In response to the Mexican tariff plan, Guatemala's trade ministry said it would impose a 25 percent tariff on"
    " Mexican pork."
)


def test_the_measure_answered_in_an_opening_phrase_is_not_the_subjects() -> None:
    # The 25 percent is Guatemala's, on Mexico: the tariff plan answered is Mexico's.
    assert [(f.imposer, f.targets) for f in only(facts_of(SENTENCE_ANSWERING), "tariff") if f.rate == 25] == [
        ("GT", ("MX",))
    ]


def test_a_probe_into_a_side_does_not_make_it_the_market() -> None:
    read = _sides(
        "On Monday, the Mexican president ordered a probe into Peru's trade practices and threatened to impose"
        " higher tariffs."
    )
    assert read and all(imposer == "MX" for imposer, _t in read)


def test_the_side_met_in_talks_is_not_hit_by_a_tariff_beside_them() -> None:
    # Goods of every origin: the partner of the coming talks is not the side hit.
    assert _sides("Korea cut tariffs on 300 imported goods ahead of talks with Japan.") == [("KR", ("*",))]
    # Named as the origin of the goods, it still is.
    assert _sides("Korea cut tariffs on Japanese cars to 5 percent ahead of talks with Japan.") == [("KR", ("JP",))]


def test_a_demonym_before_tariffs_with_their_object_owns_them() -> None:
    read = _sides(
        "Chile's trade minister said he doubted Peru could avoid the May 2 imposition of Chilean tariffs on its fish."
    )
    assert [imposer for imposer, _t in read] == ["CL"]
    # Without an object after them, the tariffs a leader raises are on the goods the demonym names.
    assert _sides("Trump is increasing South Korean tariffs to 25 percent.") == [("US", ("KR",))]


def test_a_sides_overall_tariff_level_is_on_everyone() -> None:
    text = (
        "Peru raised tariffs on Chilean wine. Since joining the WTO, Peru has opened its market, having cut its"
        " overall tariff level from 15 percent to 9 percent."
    )
    assert [f.targets for f in only(facts_of(text), "tariff") if f.rate == 9] == [("*",)]
    # A rate on one side's goods is not the level of the schedule.
    assert _sides("Peru imposed an average tariff rate of 14 percent on Chilean goods.") == [("PE", ("CL",))]


def test_an_offices_decision_to_impose_tariffs_is_its_countrys() -> None:
    text = (
        "Lima answered a question about the view that Peru's slow reforms were the cause of the Chilean government's"
        " new plan to impose tariffs on Peruvian fruit."
    )
    assert _sides(text) == [("CL", ("PE",))]
    assert _sides("Lima criticised the Chilean administration's decision to impose tariffs on Peruvian fish.") == [
        ("CL", ("PE",))
    ]


def test_goods_named_by_its_after_a_side_are_that_sides() -> None:
    text = "The trade envoy said he doubted Peru could avoid the new U.S. tariffs on its copper products."
    assert _sides(text) == [("US", ("PE",))]
    # A sector tariff naming no origin stays on everyone.
    assert _sides("The US doubled its steel tariffs to 50 percent.") == [("US", ("*",))]
