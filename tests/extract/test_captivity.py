"""Captivity and return: who is held, and by whom, decides the metric (sentences written for
these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.captivity import mentions_exchange
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _keys(claims: list[Claim]) -> set[tuple[str, int | None]]:
    return {(c.metric, c.value) for c in claims}


@pytest.mark.parametrize(("text", "expected"), [
    ("When the rebels overran the valley, they took more than 4,000 Zorians captive.",
     ("abducted", 4000)),
    ("So far, 2,110 have been freed.", ("abducted", 2110)),
    ("Nine Zorians were rescued by the army this week.", ("abducted", 9)),
    ("Two brothers are still held by the militia.", ("abducted", 2)),
    ("A Danish woman, a Peruvian and three Chileans remain in the hands of the rebels.",
     ("abducted", 3)),
    ("The ministry said 120 children deported to the north had been returned home.",
     ("abducted", 120)),
    ("Officials said 58 Ruritanian servicemen had been returned from enemy custody.",
     ("captured", 58)),
    ("The army said it took 40 fighters captive.", ("captured", 40)),
    ("Police freed 12 hostages from the compound.", ("abducted", 12)),
    ("The court released 40 protesters on bail.", ("detained", 40)),
    ("At least 21 soldiers were kidnapped by the rebels near the river.", ("abducted", 21)),
    ("Inmates seized 14 guards during the riot.", ("abducted", 14)),
    # the counted noun says an authority holds them
    ("The monitor said 430 detainees were still held in two jails.", ("detained", 430)),
    ("Some 75 inmates were freed after the amnesty.", ("detained", 75)),
])
def test_metric_by_who_is_held(claims_of: Run, text: str, expected: tuple[str, int]) -> None:
    # a text about captivity: one-word cues ("freed") count only in such a text
    context = "For years the militia has held captives in the hills. "
    assert expected in _keys(claims_of(context + text))


def test_an_exchange_in_the_document_makes_returns_captures(claims_of: Run) -> None:
    text = ("The two sides completed a prisoner swap on Friday. "
            "In two days, 410 people have been brought home, the envoy said.")
    assert ("captured", 410) in _keys(claims_of(text))


def test_without_an_exchange_returned_civilians_are_abducted(claims_of: Run) -> None:
    text = ("The militia kept hundreds captive. In two days, 410 people have been brought home "
            "from the militia camps, he said.")
    assert ("abducted", 410) in _keys(claims_of(text))


def test_an_exchange_of_fire_is_no_prisoner_exchange() -> None:
    lex = load_lexicon()
    assert not mentions_exchange("After an exchange of fire, the patrol withdrew.", lex)
    assert not mentions_exchange("Troops exchanged fire with the gunmen.", lex)
    assert mentions_exchange("The exchange of prisoners took place at the border.", lex)
    assert mentions_exchange("Both sides swapped 90 POWs.", lex)


def test_rescued_is_no_abduction_in_a_text_without_captivity(claims_of: Run) -> None:
    text = ("Floods and shelling hit the delta. Rescuers said 300 residents were rescued from "
            "the rubble, and 45 were injured.")
    got = _keys(claims_of(text))
    assert ("injured", 45) in got
    assert not any(m == "abducted" for m, _ in got)


def test_rescued_is_an_abduction_in_a_text_about_hostages(claims_of: Run) -> None:
    text = ("Gunmen took dozens of hostages at the depot. By night, 38 workers were rescued "
            "by the army.")
    assert ("abducted", 38) in _keys(claims_of(text))
