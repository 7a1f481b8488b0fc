""""He" and "she" go back to a person they can mean; a denial is a statement whose speaker
a later "he said" may mean (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import by_value

from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.sources import gender_of
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]



@pytest.mark.parametrize(("names", "gender"), [
    (["Ms Ana Ruiz"], "f"),
    (["the army spokesman", "Tom Dahl"], "m"),
    (["Mrs Ines Okafor, the spokeswoman"], "f"),
    (["Tom Dahl"], None),
    (["Mr and Mrs Dahl"], None),  # both: no one gender
])
def test_a_title_says_the_gender(names: list[str], gender: str | None) -> None:
    assert gender_of(names) == gender


def test_the_gender_words_are_data() -> None:
    genders = load_provenance().person_genders
    assert "spokesman" in genders["m"] and "spokeswoman" in genders["f"]


def test_he_does_not_go_back_to_a_woman(claims_of: Run) -> None:
    text = ("Deputy spokesperson Ana Ribeiro said 11 women were killed. At least 17 other "
            "people were wounded, she said.\nA militia spokesman reached by telephone, who "
            "gave his name only as Basa, denied that the group's fighters had been involved. "
            '"These are lies," he said. He said the army had instead killed 14 militia '
            "members last week.")
    got = by_value(claims_of(text))
    assert any("Ribeiro" in n for n in got[17].origin)
    assert not any("Ribeiro" in n for n in got[14].origin)
    assert "A militia spokesman" in got[14].origin


def test_she_still_goes_back_to_the_last_person(claims_of: Run) -> None:
    text = "Ms Ana Ruiz said 12 people were killed. She said 3 were missing."
    got = by_value(claims_of(text))
    assert got[3].origin[0] == "Ms Ana Ruiz"
