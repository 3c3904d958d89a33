"""Who is hit where a counted group of countries is spelt out after a colon, and regions whose names hold a
country's demonym. All sentences here are ours."""

from __future__ import annotations

from monitor.extract.gazetteer import find_mentions
from tests.extract.conftest import facts_of, only


def _sides(text: str, kind: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.imposer, f.targets) for f in only(facts_of(text), kind)]


def test_a_counted_group_spelt_out_after_a_colon_hits_the_countries_listed() -> None:
    text = (
        "Peru is imposing anti-dumping duties on the six countries that sell it cheap glass: "
        "Chile, Bolivia, Ecuador, Mexico, Spain and Turkey."
    )
    [(imposer, targets)] = _sides(text, "tariff")
    assert imposer == "PE"
    assert set(targets) == {"CL", "BO", "EC", "MX", "ES", "TR"}
    # After a dash, the same.
    dashed = "Peru set duties on the five nations that sell it glass - Chile, Bolivia, Ecuador, Spain and Turkey."
    [(_imposer, dashed_targets)] = _sides(dashed, "tariff")
    assert set(dashed_targets) == {"CL", "BO", "EC", "ES", "TR"}


def test_a_vague_group_with_examples_after_a_colon_stays_everyone() -> None:
    text = "Peru raised its duties on glass from dozens of countries: Chile and Bolivia among them."
    assert _sides(text, "tariff") == [("PE", ("*",))]


def test_a_region_named_after_its_americans_is_no_party() -> None:
    codes = [m.code for m in find_mentions("Peru joined other Latin American and South American producers.")]
    assert codes == ["PE"]
    assert [m.code for m in find_mentions("Central America sells bananas to American buyers.")] == ["US"]
    text = "Colombia has become the newest Latin American country to raise its tariffs on Chinese glass."
    assert _sides(text, "tariff") == [("CO", ("CN",))]


def test_a_demonym_before_an_act_of_its_state_is_the_side_acting() -> None:
    assert _sides("A new Peruvian decree exempts Chilean car imports from the 20% tariff.", "relief") == [
        ("PE", ("CL",))
    ]
    assert _sides("The Peruvian administration put a 20% tariff on Chilean wine.", "tariff") == [("PE", ("CL",))]
    # Before goods, a demonym still says where they come from.
    assert _sides("Peru put a 20% tariff on Chilean law books.", "tariff") == [("PE", ("CL",))]


def test_the_tariff_a_side_fires_back_at_is_not_the_side_acting() -> None:
    text = (
        "The Chilean government fired back at US tariffs by putting in place new tariffs of its own on American-made"
        " jam."
    )
    assert ("CL", ("US",)) in _sides(text, "tariff")
    assert ("US", ("CL",)) not in _sides(text, "tariff")
    # The answered side alone, after "in response to": still the answering side acts.
    assert _sides("In response to US tariffs, Peru set 20% tariffs on corn.", "tariff") == [("PE", ("US",))]


def test_countries_described_by_what_they_do_are_everyone() -> None:
    text = (
        "Chile set new duties on Peru.\n\n"
        "But Lima warned that countries who retaliate against its policies will face higher tariffs."
    )
    assert ("PE", ("*",)) in _sides(text, "tariff")
    # A group named before ("those countries") is not everyone.
    named = "Chile set new duties on Peru.\n\nThose countries that retaliate will face higher tariffs, Lima said."
    assert ("PE", ("*",)) not in _sides(named, "tariff")


def test_a_pair_naming_a_relationship_is_neither_side() -> None:
    text = "Peru-Chile trade friction grew after the decision to impose 30% tariffs on Chilean wine."
    assert _sides(text, "tariff") == [("PE", ("CL",))]
    # "Amid the US-China trade war" does not make either side act on Peru's cut.
    assert _sides("Amid the Peru-Chile trade war, Bolivia set a 10% tariff on Chilean wine.", "tariff") == [
        ("BO", ("CL",))
    ]
