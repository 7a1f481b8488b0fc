"""A sentence opening on an earlier stretch of time breaks a statement's reach within its
paragraph (extract/background_breaks.py, data/background_breaks.yaml). Hand-written
sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.background_breaks import background_opener, breaks_between
from tollwatch.model import Claim

from .claim_lookup import get_claim

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize("sentence", [
    "In September of last year, protests spread to the capital.",
    "In 2019, the rebels took the port.",
    "In March 2021 the army left the valley.",
    "Last year, the ministry counted 300 dead.",
    "Two years ago, the town was shelled for a week.",
])
def test_background_openers(sentence: str) -> None:
    rx = background_opener()
    assert rx is not None and rx.match(sentence)


@pytest.mark.parametrize("sentence", [
    "On Monday, the ministry said 40 were killed.",
    "The raid happened in 2019, officials said.",  # a year, but not opening the sentence
    "In the capital, 12 people were hurt.",
])
def test_sentences_that_go_on(sentence: str) -> None:
    rx = background_opener()
    assert rx is not None and not rx.match(sentence)


def test_breaks_between_looks_only_between() -> None:
    text = "A said 40 died. In 2019, B happened. Then 12 were hurt."
    sents = [(0, 15), (16, 35), (36, 54)]
    assert breaks_between(text, sents, 0, 2)
    assert not breaks_between(text, sents, 1, 2)  # the opener itself is not between


_PARA = ("The monitor said 40 civilians were killed in the shelling of Lisburg on Monday. "
         "{middle} Another 12 were wounded in the suburbs.\n")


def test_the_statement_stops_at_the_background(claims_of: Run) -> None:
    text = _PARA.format(middle="In 2019, the same suburbs were shelled for a month.")
    c = get_claim(claims_of(text, published="2031-05-06"), "injured", 12)
    assert c.origin == [] and c.speaker == []


def test_without_the_background_the_statement_goes_on(claims_of: Run) -> None:
    text = _PARA.format(middle="The shells fell on a market and a school.")
    c = get_claim(claims_of(text, published="2031-05-06"), "injured", 12)
    assert "monitor" in " ".join(c.origin).lower()


def test_rules_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "b.yaml"
    bad.write_text("enabled: true\nopeners: ['(in']\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        background_opener(str(bad))
    off = tmp_path / "off.yaml"
    off.write_text("enabled: false\nopeners: ['last year']\n", encoding="utf-8")
    assert background_opener(str(off)) is None


def test_a_standing_force_is_background_after_a_statement(claims_of: Run) -> None:
    claims = claims_of("A UN spokesperson said about 41,000 people had fled their homes since "
                       "Friday. The UN mission has around 12,500 troops in the country.")
    c = next(c for c in claims if c.value == 12500)
    assert c.origin == [] and (c.attribution or {}).get("how") == "own_voice"


def test_a_standing_force_with_its_own_source_keeps_it(claims_of: Run) -> None:
    claims = claims_of("The ministry said 40 soldiers were killed. The army has about 2,000 "
                       "soldiers in the region, it said.")
    c = next(c for c in claims if c.value == 2000)
    assert c.origin


def test_a_month_alone_opens_background(claims_of: Run) -> None:
    claims = claims_of("The agency said 7,400 people had fled the camps since Saturday. In "
                       "April, at least 28 people were killed when shells hit the camps.")
    c = next(c for c in claims if c.value == 28)
    assert c.origin == []


def test_a_month_with_a_day_is_no_background_opener() -> None:
    rx = background_opener()
    assert rx is not None
    assert rx.match("In April, at least 28 people were killed.")
    assert not rx.match("In April 3 statements, the agency said 28 were killed.")
