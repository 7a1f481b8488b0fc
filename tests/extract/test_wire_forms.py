"""Forms of wire copy (sentences written for these tests): update notes after a headline,
"paragraphs 4-7", "one of the largest", and fighters held by a government."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _got(claims: list[Claim]) -> set[tuple[str, int | None, int | None, int | None]]:
    return {(c.metric, c.value, c.low, c.high) for c in claims}


def test_an_update_note_is_no_source_and_its_paragraphs_no_count(claims_of: Run) -> None:
    claims = claims_of("UPDATE 2-Lisburg sends 900 troops to the border as clashes spread "
                       "(Adds ministry figures, rebel statement in paragraphs 5-8)\n"
                       "ARVEL, Jan 21 (Wire) - Lisburg is sending 900 troops to the region, the "
                       "defence ministry said on Tuesday.\n", "2025-01-22")
    assert _got(claims) == {("deployed", 900, None, None)}
    assert all("figures" not in n for n in claims[0].origin)
    assert any("defence ministry" in n for n in claims[0].origin)


def test_one_of_the_largest_is_a_rank_not_a_count(claims_of: Run) -> None:
    got = _got(claims_of("Lisburg has one of the world's largest internally displaced "
                         "populations, with more than 3 million people forced from their "
                         "homes."))
    assert got == {("displaced", 3000000, None, None)}


def test_fighters_held_by_a_government_are_captured(claims_of: Run) -> None:
    got = _got(claims_of("He said the government and its allies were still holding more than "
                         "700 of the group's fighters."))
    assert got == {("captured", 700, None, None)}


def test_the_source_after_a_list_and_before_a_rebuttal(claims_of: Run) -> None:
    claims = claims_of("An air strike on a village killed at least 19 people, including eight "
                       "children, the country's shadow National Unity Government (NUG) said "
                       "on Friday, an account the ruling junta rejected as fabricated.",
                       "2024-02-03")
    c = next(c for c in claims if c.value == 19)
    assert any("National Unity Government" in n for n in c.origin)
    assert not any("junta" in n for n in c.origin)
    assert c.date == "2024-02-02"
