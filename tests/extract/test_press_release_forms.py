"""Forms of military press releases and regional reports (sentences written for these
tests): an exchange of fire exchanges no prisoners, "embraced shahadat", ages in brackets, a
coordinated verb with a number of its own, and a bare number that is no source."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _got(claims: list[Claim]) -> set[tuple[str, int | None]]:
    return {(c.metric, c.value) for c in claims}


def test_an_exchange_of_fire_is_no_exchange_of_prisoners(claims_of: Run) -> None:
    got = _got(claims_of("In the ensuing exchange of fire, three soldiers, Havildar Imran "
                         "Shah (age 33), Sepoy Danish Khan (age 22) and Sepoy Ali Raza (age "
                         "25), embraced shahadat, the military said."))
    assert got == {("killed", 3)}


def test_an_exchange_of_prisoners_still_captures(claims_of: Run) -> None:
    assert ("captured", 75) in _got(claims_of("The exchange of 75 prisoners took place at the "
                                              "crossing on Friday."))


def test_a_word_ending_in_aged_is_no_age_label(claims_of: Run) -> None:
    got = _got(claims_of("The commander encouraged 16 soldiers who were wounded in the "
                         "attack."))
    assert ("injured", 16) in got


def test_a_coordinated_verb_with_its_own_number_keeps_its_metric(claims_of: Run) -> None:
    got = _got(claims_of("Gunmen shot seven villagers and killed three others."))
    assert ("killed", 3) in got
    assert ("killed", 7) not in got


def test_a_verb_shared_by_coordinated_groups_still_counts_both(claims_of: Run) -> None:
    got = _got(claims_of("Six policemen were ambushed and killed, and four others wounded."))
    assert got == {("killed", 6), ("injured", 4)}


def test_a_bare_number_is_no_source(claims_of: Run) -> None:
    claims = claims_of("Rebels abduct 5 traders near Beni, one found dead")
    assert all(c.origin == [] and c.speaker == [] for c in claims)
    assert ("abducted", 5) in _got(claims)


def test_one_of_a_group_is_still_a_source(claims_of: Run) -> None:
    claims = claims_of("One of the doctors said 22 patients had died overnight.")
    assert any("doctors" in n for n in claims[0].origin)


def test_one_of_a_group_who_speaks_is_no_count(claims_of: Run) -> None:
    claims = claims_of("One of the freed women, a teenager who gave her name only as Amina, "
                       "told reporters that she was abducted along with 14 other girls.")
    assert _got(claims) == {("abducted", 14)}
    assert "Amina" in claims[0].origin


def test_one_of_the_hostages_killed_is_killed(claims_of: Run) -> None:
    assert _got(claims_of("One of the hostages was killed, police said.")) == {("killed", 1)}
    assert _got(claims_of("Two of the abducted girls were released on Sunday.")) == {
        ("abducted", 2)}


def test_a_partitive_status_noun_outranks_a_place_of_refuge(claims_of: Run) -> None:
    got = _got(claims_of("He said about 1,300 of the detainees were being held at a makeshift "
                         "camp in the east."))
    assert got == {("detained", 1300)}
