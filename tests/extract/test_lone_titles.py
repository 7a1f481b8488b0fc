"""A title standing alone ("the governor", "the colonel") and a titled name ("Governor
Jane Doe", "Col. Ivo Marek") are one source, in either order (source_memory.py,
person_names.lone_titles and short_forms in provenance.yaml). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.source_memory import SourceMemory
from tollwatch.extract.sources import Source
from tollwatch.model import Claim

from .claim_lookup import get_claim, source_names

Run = Callable[..., list[Claim]]


def test_the_governor_after_the_governor_s_name(claims_of: Run) -> None:
    text = ("Governor Amara Tesk of Lower Velm said on Monday that raiders had killed 38 "
            "farmers. \"We have buried 30 of them,\" the governor told reporters.")
    c = get_claim(claims_of(text, "2031-05-08"), "killed", 30)
    assert "amara tesk" in source_names(c) and "the governor" in source_names(c)


def test_the_colonel_before_the_colonel_s_name(claims_of: Run) -> None:
    text = ("The colonel, who leads the garrison, said his troops had killed 17 raiders. "
            "Col. Ivo Marek said four of his soldiers were wounded.")
    claims = claims_of(text)
    assert "ivo marek" in source_names(get_claim(claims, "killed", 17))
    assert "colonel" in source_names(get_claim(claims, "injured", 4))


def _person(*names: str) -> Source:
    return Source(names=list(names), person=True, head=names[-1].split()[-1].lower())


@pytest.mark.parametrize(("first", "second", "one"), [
    (("Governor Amara Tesk", "Amara Tesk"), ("the governor",), True),
    (("the colonel",), ("Col. Ivo Marek", "Ivo Marek"), True),
    (("Foreign Minister Ana Ruiz",), ("the minister",), False),  # the title is not first
    (("Governor Amara Tesk",), ("the mayor",), False),
    (("Sgt. Ivo Marek",), ("the spokesman",), False),
])
def test_which_titles_join(first: tuple[str, ...], second: tuple[str, ...],
                           one: bool) -> None:
    memory = SourceMemory()
    a = memory.remember(_person(*first))
    b = memory.remember(_person(*second))
    assert (a is b) is one


def test_a_body_is_not_joined_to_a_titled_person() -> None:
    memory = SourceMemory()
    a = memory.remember(_person("Governor Amara Tesk"))
    b = memory.remember(Source(names=["the governor"], person=False, head="governor"))
    assert a is b  # the description is the person whatever the parser guessed
    c = memory.remember(Source(names=["the police"], person=False, head="police"))
    assert c is not a


def test_a_person_introduced_by_a_titled_description_then_named(claims_of: Run) -> None:
    claims = claims_of("ARVEL, Sept 23 (Wire) -- Rebels killed 14 villagers in a raid, a "
                       "provincial police commander said on Monday.\n"
                       "Commander Ivo Marek said the attackers came on foot. Nine of the dead "
                       "were found in Doma, he said.\n", "2024-09-24")
    c = next(x for x in claims if x.value == 9)
    assert any("Ivo Marek" in n for n in c.origin)
    assert any("police commander" in n for n in c.origin)
    assert c.date == "2024-09-23"
