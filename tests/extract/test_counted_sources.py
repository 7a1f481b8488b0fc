"""A few counted speakers are a reporting verb's source ("Two officials said ..."), and their
number is no claim (extract/counted_sources.py, data/counted_sources.yaml); "Per X, ..."
opening a sentence and "X's toll" name X. Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract import Extractor
from tollwatch.extract.counted_sources import counted_speakers, load_counted_sources
from tollwatch.model import Claim

from .claim_lookup import get_claim, source_names

Run = Callable[..., list[Claim]]


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _subject(nlp: Any, sentence: str) -> object:
    doc = nlp(sentence)
    verb = next(t for t in doc if t.lemma_ in ("say", "tell"))
    return next(c for c in verb.children if c.dep_ == "nsubj")


@pytest.mark.parametrize(("sentence", "counted"), [
    ("Two officials said the road was closed.", True),
    ("Three security sources told the agency the road was closed.", True),
    ("Two officials, speaking on condition of anonymity, said the road was closed.", True),
    ("Forty officials said the road was closed.", False),  # more than max_count
    ("Officials said the road was closed.", False),  # not counted
    ("Two soldiers said the road was closed.", False),  # not a speaker noun
])
def test_counted_speakers(nlp: Any, sentence: str, counted: bool) -> None:
    assert counted_speakers(_subject(nlp, sentence)) is counted  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "Two officials, speaking on condition of anonymity, said 40 people had died.",
    "At least 40 people had died, two officials said on condition of anonymity.",
])
def test_counted_officials_are_the_source(claims_of: Run, text: str) -> None:
    claims = claims_of(text)
    c = get_claim(claims, "killed", 40)
    assert "two officials" in source_names(c)
    assert not [x for x in claims if x.value == 2]  # the officials are no count


def test_a_counted_group_is_still_no_source(claims_of: Run) -> None:
    c = get_claim(claims_of("Eight others were wounded in the blast, officials said."),
                  "injured", 8)
    assert source_names(c) == "officials"


def test_per_opening_a_sentence(claims_of: Run) -> None:
    c = get_claim(claims_of("Per the health ministry, 40 people have died in the floods."),
                  "killed", 40)
    assert "health ministry" in source_names(c)
    assert (c.attribution or {}).get("how") == "according_to"


def test_a_bodys_toll(claims_of: Run) -> None:
    c = get_claim(claims_of("The interior ministry's toll stands at 40 dead."), "killed", 40)
    assert "interior ministry" in source_names(c)


def test_a_places_toll_is_no_source(claims_of: Run) -> None:
    c = get_claim(claims_of("Nairobi's toll stands at 40 dead."), "killed", 40)
    assert c.origin == []


def test_rules_file(nlp: Any, tmp_path: Path) -> None:
    assert load_counted_sources().max_count == 10
    off = tmp_path / "off.yaml"
    off.write_text("enabled: false\nheads: [official]\n", encoding="utf-8")
    assert not counted_speakers(_subject(nlp, "Two officials said the road was closed."),  # type: ignore[arg-type]
                                load_counted_sources(str(off)))
    bad = tmp_path / "bad.yaml"
    bad.write_text("max_count: many\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="max_count a number"):
        load_counted_sources(str(bad))
