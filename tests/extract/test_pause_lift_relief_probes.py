"""Pauses, lifts, reliefs and withdrawals worded in the ordinary ways news states them, written without looking at
any article (issue 13, probes): passives with their agent, the side owning a tariff in a reduced relative clause,
verbs of ending, exemptions extended or denied. All sentences here are ours."""

from __future__ import annotations

import datetime as dt

from tests.extract.conftest import facts_of

Row = tuple[str, str, tuple[str, ...], str | None, float | None]


def _read(text: str) -> list[Row]:
    return sorted((f.kind, f.imposer, f.targets, f.sector, f.rate) for f in facts_of(text))


def test_the_agent_of_a_passive_pause_or_lift_acts() -> None:
    assert _read("Tariffs on Bolivian tin were lifted by Paraguay last week.") == [("lift", "PY", ("BO",), None, None)]
    assert _read("Duties on Nepalese rice have been scrapped by Bhutan.") == [
        ("lift", "BT", ("NP",), "agriculture", None)
    ]
    paused = facts_of("The 35% tariff on Omani steel has been suspended by Qatar until June 1.")
    assert [(f.kind, f.imposer, f.targets, f.rate, f.until) for f in paused] == [
        ("pause", "QA", ("OM",), 35.0, dt.date(2031, 6, 1))
    ]


def test_goods_made_by_a_country_do_not_make_it_act() -> None:
    assert _read("Steel made by Vietnamese mills faces a 20% tariff in Peru.") == [
        ("tariff", "PE", ("VN",), "steel", 20.0)
    ]


def test_the_side_named_in_a_reduced_relative_clause_owns_the_tariff() -> None:
    assert _read("The tariffs Norway had put on Icelandic salmon were removed.") == [
        ("lift", "NO", ("IS",), "agriculture", None)
    ]
    assert _read("The levies that Kenya placed on Ugandan sugar in May will be withdrawn.") == [
        ("lift", "KE", ("UG",), "agriculture", None)
    ]


def test_verbs_of_ending_a_tariff_are_lifts() -> None:
    for sentence in (
        "Chile ended its tariffs on wine from Argentina.",
        "Chile put an end to its tariffs on Argentine wine.",
        "Chile did away with tariffs on Argentine wine.",
        "Chile withdrew its duties on Argentine wine.",
    ):
        assert _read(sentence) == [("lift", "CL", ("AR",), "agriculture", None)], sentence
    assert _read("Chile will phase out its 12% tariff on Argentine wine by 2034.") == [
        ("lift", "CL", ("AR",), "agriculture", 12.0)
    ]
    # Leaving an agreement is a withdrawal, not a lift.
    assert [f.kind for f in facts_of("Chile withdrew from its trade pact with Argentina.")] == ["withdrawal"]


def test_a_tariff_that_excludes_goods_is_a_tariff_on_the_rest_and_a_relief_for_them() -> None:
    expected = [("relief", "TR", ("EG",), "agriculture", 40.0), ("tariff", "TR", ("EG",), None, 40.0)]
    assert _read("Turkey's 40% tariff on Egyptian goods excludes oranges.") == expected
    assert _read("Turkey imposed a 40% tariff on Egyptian goods but exempted oranges.") == expected


def test_a_relief_denied_is_no_relief() -> None:
    assert _read("Turkey said there would be no exemption for Egyptian oranges from its 40% tariff.") == [
        ("tariff", "TR", ("EG",), "agriculture", 40.0)
    ]
    assert [f.kind for f in facts_of("The 40% tariff on Turkish steel will not exclude Egypt.")] == ["tariff"]


def test_an_exemption_extended_is_a_relief_not_a_pause() -> None:
    assert _read("Turkey extended the tariff exemption for Egyptian oranges until June 30.") == [
        ("relief", "TR", ("EG",), "agriculture", None)
    ]
    assert [f.kind for f in facts_of("The tariff exemption for Egyptian oranges was extended until June 30.")] == [
        "relief"
    ]
    # A pause extended is still a pause.
    assert [f.kind for f in facts_of("Turkey extended its pause on tariffs for Egypt until June 30.")] == ["pause"]


def test_a_duty_not_collected_until_a_day_is_a_pause() -> None:
    paused = facts_of("Qatar will not collect the 35% duty on Omani steel until November.")
    assert [(f.kind, f.imposer, f.targets, f.rate, f.until) for f in paused] == [
        ("pause", "QA", ("OM",), 35.0, dt.date(2031, 11, 1))
    ]
    assert facts_of("Qatar will not collect the duty.") == []


def test_goods_entering_a_country_duty_free_are_a_lift_by_that_country() -> None:
    assert _read("Ugandan coffee will enter Kenya duty-free from next month.") == [
        ("lift", "KE", ("UG",), "agriculture", None)
    ]


def test_the_speaker_of_a_first_person_statement_acts() -> None:
    assert _read('"We are removing the tariffs on Nepalese rice," Bhutan\'s trade minister said.') == [
        ("lift", "BT", ("NP",), "agriculture", None)
    ]
    paused = _read('"We will suspend our 35% duty on Omani steel," the Qatari minister told reporters.')
    assert paused == [("pause", "QA", ("OM",), "steel", 35.0)]
    # Whose side will face a tariff does not impose it.
    assert [f.imposer for f in facts_of('"We will face a 35% tariff," the Omani minister said.')] != ["OM"]


def test_the_month_of_may_is_no_modal() -> None:
    assert _read("The levies that Kenya placed on Ugandan sugar in May will be withdrawn.") == [
        ("lift", "KE", ("UG",), "agriculture", None)
    ]
    assert facts_of("Kenya may lift its tariffs on Ugandan sugar.") == []


def test_ending_an_agreement_is_a_withdrawal() -> None:
    for sentence in (
        "Bolivia announced its withdrawal from the trade pact with Paraguay.",
        "Bolivia terminated its free trade agreement with Paraguay.",
        "Bolivia said it would leave the customs union with Paraguay.",
    ):
        facts = facts_of(sentence)
        assert [(f.kind, f.imposer, f.targets) for f in facts] == [("withdrawal", "BO", ("PY",))], sentence


def test_duty_free_access_revoked_under_a_preference_scheme_is_a_withdrawal_not_a_lift() -> None:
    facts = facts_of("Bolivia revoked Paraguay's duty-free access under its preference scheme.")
    assert [(f.kind, f.imposer, f.targets) for f in facts] == [("withdrawal", "BO", ("PY",))]


def test_goods_that_no_longer_face_a_tariff_are_a_lift() -> None:
    assert _read("Icelandic salmon will no longer face Norwegian tariffs.") == [
        ("lift", "NO", ("IS",), "agriculture", None)
    ]
    assert _read("Icelandic salmon is no longer subject to the 15% Norwegian duty.") == [
        ("lift", "NO", ("IS",), "agriculture", 15.0)
    ]


def test_more_verbs_of_putting_off_a_tariff_are_pauses() -> None:
    assert _read("Qatar shelved its planned 35% tariff on Omani steel.") == [("pause", "QA", ("OM",), "steel", 35.0)]
    assert _read("Qatar put its 35% tariff on Omani steel on ice.") == [("pause", "QA", ("OM",), "steel", 35.0)]
    moved = facts_of("Qatar pushed the deadline for its steel tariffs on Oman to September 1.")
    assert [(f.kind, f.imposer, f.targets, f.until) for f in moved] == [("pause", "QA", ("OM",), dt.date(2031, 9, 1))]
    assert facts_of("Qatar pushed Oman to drop its steel tariffs.") == []


def test_a_tariff_waived_is_a_relief() -> None:
    assert _read("Peru waived tariffs on Ecuadorian bananas.") == [("relief", "PE", ("EC",), "agriculture", None)]
    assert _read("The 18% duty on Ecuadorian bananas was waived on Friday by Peru.") == [
        ("relief", "PE", ("EC",), "agriculture", 18.0)
    ]


def test_a_quota_at_a_lower_rate_or_free_of_duty_is_a_relief() -> None:
    assert _read("Peru gave Ecuador a quota of 30,000 tonnes of bananas at a reduced tariff.") == [
        ("relief", "PE", ("EC",), "agriculture", None)
    ]
    assert _read("Peru will let in 30,000 tonnes of Ecuadorian bananas free of duty.") == [
        ("relief", "PE", ("EC",), "agriculture", None)
    ]


def test_and_before_a_named_subject_with_a_modal_starts_a_clause() -> None:
    facts = _read(
        "Under the deal, Peru will remove tariffs on Ecuadorian bananas"
        " and Ecuador will drop its duties on Peruvian fish."
    )
    assert facts == [
        ("lift", "EC", ("PE",), "agriculture", None),
        ("lift", "PE", ("EC",), "agriculture", None),
    ]
    # Two parties joined by "and" stay the object of one verb.
    assert [f.targets for f in facts_of("Tariffs on Canada and Mexico will take effect on Monday at 25%.")] == [
        ("CA", "MX")
    ]


def test_an_adverbial_between_the_verb_and_the_tariff_leaves_it_a_pause() -> None:
    assert _read("Qatar has agreed to suspend, for ninety days, its thirty per cent tariff on Omani steel.") == [
        ("pause", "QA", ("OM",), "steel", 30.0)
    ]


def test_a_pause_or_lift_of_the_tariff_referred_back_to_has_its_goods() -> None:
    text = "Qatar imposed a 35% tariff on Omani steel in March.\n\nOn Friday it lifted the tariff."
    assert [f for f in _read(text) if f[0] == "lift"] == [("lift", "QA", ("OM",), "steel", None)]
    text = "Qatar imposed a 35% tariff on Omani steel in March.\n\nThe duty was suspended on Friday for 60 days."
    assert [f for f in _read(text) if f[0] == "pause"] == [("pause", "QA", ("OM",), "steel", None)]
    # Goods of another origin named in the clause are not the earlier tariff's.
    text = "Qatar imposed a 35% tariff on Omani steel in March.\n\nDoha later delayed tariffs on Kuwaiti goods."
    assert [f for f in _read(text) if f[0] == "pause"] == [("pause", "QA", ("KW",), None, None)]


def test_goods_freed_only_on_a_condition_are_no_lift() -> None:
    sentence = "Many Peruvian exports will no longer face a 25% duty if they meet origin rules."
    assert [f for f in facts_of(sentence) if f.kind == "lift"] == []


def test_a_side_spared_from_a_pause_still_pays_the_tariff() -> None:
    assert _read("Bolivia was spared from the pause and still faces a 15% Paraguayan duty.") == [
        ("tariff", "PY", ("BO",), None, 15.0)
    ]


def test_two_sides_that_agree_to_suspend_tariffs_each_pause_theirs_on_the_other() -> None:
    assert _read("Bolivia and Paraguay agreed to suspend retaliatory tariffs for 90 days.") == [
        ("pause", "BO", ("PY",), None, None),
        ("pause", "PY", ("BO",), None, None),
    ]
    # Tariffs not said to be retaliatory are the first side's (one bargain, as before).
    assert [f.imposer for f in facts_of("Bolivia and Paraguay agreed to hold off on new tariffs.")] == ["BO"]


def test_tariffs_relaxed_are_a_relief() -> None:
    assert _read("Norway relaxed its tariffs on Icelandic salmon.") == [("relief", "NO", ("IS",), "agriculture", None)]


def test_goods_said_to_be_tariff_free_are_not_lifted_by_their_origin() -> None:
    assert [f.imposer for f in facts_of("Icelandic salmon will be tariff-free from January.")] != ["IS"]


def test_the_day_a_pause_is_extended_to_wins_over_the_end_it_replaces() -> None:
    text = "The truce, which was due to expire on April 2, has been extended until June 10."
    assert [f.until for f in facts_of(text) if f.kind == "pause"] == [dt.date(2031, 6, 10)]


def test_a_start_moved_back_or_a_duty_held_in_abeyance_is_a_pause() -> None:
    held = facts_of("Qatar will hold the 35% duty on Omani steel in abeyance until the end of the year.")
    assert [(f.kind, f.imposer, f.targets, f.rate, f.until) for f in held] == [
        ("pause", "QA", ("OM",), 35.0, dt.date(2031, 12, 31))
    ]
    moved = facts_of("The levy's start date has been moved back to 1 November.")
    assert [(f.kind, f.until) for f in moved] == [("pause", dt.date(2031, 11, 1))]


def test_a_phrase_put_before_the_subject_does_not_make_it_a_side_hit() -> None:
    assert _read("In a boost for Lima, Santiago lifted its 35% levy on steel.") == [
        ("lift", "CL", ("PE",), "steel", 35.0)
    ]
    # A list of parties in such a phrase is still a list.
    lifted = facts_of("For Chile, Peru and Bolivia, the tariffs were lifted.")
    assert [set(f.targets) for f in lifted] == [{"CL", "PE", "BO"}]


def test_a_tariff_not_applied_to_goods_or_not_to_be_paid_on_them_is_a_relief() -> None:
    assert _read("Peru will not apply the 18% duty to Ecuadorian bananas.") == [
        ("relief", "PE", ("EC",), "agriculture", 18.0)
    ]
    assert _read("Ecuadorian bananas will not have to pay Peru's 18% duty.") == [
        ("relief", "PE", ("EC",), "agriculture", 18.0)
    ]
    # A denial that names no goods left out is still no fact.
    assert facts_of("Peru said it will not apply any tariffs.") == []
    assert facts_of("Peru will not raise its tariffs on bananas.") == []


def test_more_verbs_of_removing_a_tariff_are_lifts() -> None:
    for sentence in (
        "Uganda axed its tariff on Rwandan coffee.",
        "Uganda announced the abolition of its coffee levy on Rwanda.",
        "Uganda is dismantling its tariffs on Rwandan coffee.",
        "Uganda will stop charging the duty on Rwandan coffee.",
    ):
        assert _read(sentence) == [("lift", "UG", ("RW",), "agriculture", None)], sentence
    assert _read("Uganda reversed its decision to impose a 40% tariff on Rwandan coffee.") == [
        ("lift", "UG", ("RW",), "agriculture", 40.0)
    ]
    assert _read("Uganda backed down on its 40% tariff on Rwandan coffee.") == [
        ("lift", "UG", ("RW",), "agriculture", 40.0)
    ]
    # Reversing a cut brings the tariff back: no lift.
    assert [f for f in facts_of("Uganda reversed the tariff cut on Rwandan coffee.") if f.kind == "lift"] == []


def test_maize_is_a_farm_good() -> None:
    assert _read("Uganda scrapped its duty on Kenyan maize.") == [("lift", "UG", ("KE",), "agriculture", None)]


def test_a_pause_except_for_one_side_is_on_everyone_else() -> None:
    paused = facts_of("The White House paused most of the new tariffs for 90 days, except those on Laos.")
    assert [(f.kind, f.imposer, f.targets) for f in paused] == [("pause", "US", ("*",))]


def test_a_truce_named_as_the_frame_of_a_removal_leaves_it_a_lift() -> None:
    assert _read("Laos removed the 34% retaliatory tariff on Thai goods as part of the truce.") == [
        ("lift", "LA", ("TH",), None, 34.0)
    ]


def test_a_side_pulled_out_of_an_agreement_withdraws() -> None:
    facts = facts_of("Trump pulled the United States out of the TPP.")
    assert [(f.kind, f.imposer, f.targets) for f in facts] == [("withdrawal", "US", ("*",))]


def test_a_waiver_extended_is_a_relief_and_a_tariff_let_lapse_a_lift() -> None:
    extended = facts_of("Norway extended the customs duty waiver on Icelandic salmon until June 30.")
    assert [(f.kind, f.sector) for f in extended] == [("relief", "agriculture")]
    assert _read("Norway let its 12% tariff on Icelandic salmon lapse.") == [
        ("lift", "NO", ("IS",), "agriculture", 12.0)
    ]


def test_a_moratorium_on_tariffs_is_a_pause_and_relief_from_a_side_is_that_sides() -> None:
    assert _read("Peru imposed a moratorium on its fruit tariffs on Ecuador.") == [
        ("pause", "PE", ("EC",), "agriculture", None)
    ]
    assert _read("Ecuadorian fruit won tariff relief from Peru.") == [("relief", "PE", ("EC",), "agriculture", None)]
