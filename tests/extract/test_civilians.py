"""civilians.py: whether counted people are civilians, from the words beside the figure (own
sentences, none taken from evaluation data)."""

from __future__ import annotations

from typing import Any

import pytest

from tollwatch.extract import Extractor
from tollwatch.extract.civilians import civilian_beside
from tollwatch.extract.lexicon import Lexicon


@pytest.fixture(scope="module")
def lex(extractor: Extractor) -> Lexicon:
    return extractor.lexicon


@pytest.mark.parametrize(("before", "after", "civilian"), [
    ("The agency said ", " of those killed were civilians.", True),
    ("Of the dead, ", " were soldiers.", False),
    ("", " were all villagers from the valley.", True),
    ("Of the civilian victims, ", " were Peruvian.", True),
    ("Among the soldiers killed, at least ", " were officers.", False),
    ("Of the civilian victims, 14 were Peruvian and ", " was Danish.", True),
    ("Among the gunmen, ", " were foreigners.", False),
    ("Of the dead, ", " were Peruvian.", None),
    ("The total number of marines wounded has reached ", ".", False),
    ("The number of civilians killed rose to ", ", and 30 soldiers died.", True),
    ("The number of dead rose to ", ".", None),
    ("The blast killed ", " people.", None),
])
def test_civilian_beside(lex: Lexicon, before: str, after: str, civilian: bool | None) -> None:
    assert civilian_beside(before, after, lex) is civilian


def test_a_part_of_a_civilian_group_and_its_list_mates(claims_of: Any) -> None:
    claims = claims_of("Of the civilian victims, 14 were Peruvian and one was Danish, "
                       "police said.")
    assert [c.civilian for c in claims] == [True, True]


@pytest.mark.parametrize(("text", "civilian"), [
    ("Troops killed 11 Taliban men in a raid on Monday.", False),
    ("Police detained 11 Syrian men at the border.", None),  # a nationality: unknown
])
def test_men_of_an_armed_group_are_armed(claims_of: Any, text: str,
                                         civilian: bool | None) -> None:
    claims = claims_of(text)
    assert claims and claims[0].civilian is civilian


@pytest.mark.parametrize(("text", "civilian"), [
    ("The rebels accused the army of killing 300 non-combatants in the hills.", True),
    ("At least 40 noncombatants died in the shelling.", True),
    ("Gunmen killed 12 former militia fighters in the town.", None),  # armed once, not now
    ("Police detained 12 ex-soldiers at the rally.", None),
    ("Police detained 12 soldiers at the rally.", False),
    ("Officials said 300 former residents of the camp were detained.", True),  # still civilians
])
def test_words_that_turn_a_kind_of_people(claims_of: Any, text: str,
                                          civilian: bool | None) -> None:
    claims = claims_of(text)
    assert claims and claims[0].civilian is civilian, (text, claims and claims[0].subject)


@pytest.mark.parametrize(("text", "subject", "civilian"), [
    # a title-case headline keeps the plural as the lemma
    ("Army Says 21 Rebel Militants Killed In Raid", "Rebel Militants", False),
    ("Troops Free 12 Kidnapped Villagers", "Kidnapped Villagers", True),
    # a noun in quotation marks is still the counted noun
    ('The army said 37 "bandits" were killed in the raids.', "bandits", False),
])
def test_title_case_and_quoted_nouns(claims_of: Any, text: str, subject: str,
                                     civilian: bool) -> None:
    claims = claims_of(text)
    assert claims and claims[0].subject == subject
    assert claims[0].civilian is civilian


def test_an_opening_part_of_the_figure_before_takes_its_metric(claims_of: Any) -> None:
    text = ("The clinic has received 85 wounded since midnight, its director said. At least "
            "20 of them are children.")
    claims = claims_of(text)
    part = next(c for c in claims if c.value == 20)
    assert part.metric == "injured" and part.civilian is True
    assert part.origin and "director" in part.origin[0]
    # an opening figure that is no part of another stays unread without a metric of its own
    text = "The clinic has received 85 wounded since midnight, its director said. 20 buses left."
    assert [c.value for c in claims_of(text)] == [85]


def test_irregular_plurals_fold_to_their_singular() -> None:
    from tollwatch.extract.counted import singular
    assert [singular(w) for w in ("children", "women", "casualties", "troops")] \
        == ["child", "woman", "casualty", "troop"]
