"""More reporting verbs (lexicon.yaml: attribution_more_verbs) and a pronoun with a word
before its verb opening a sentence ("He further said", prefilter.yaml:
reference_pronouns), whose speaker is named in the sentence before. Hand-written sentences
only."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.lexicon import load_lexicon
from tollwatch.model import Claim

from .claim_lookup import get_claim

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize("verb", ["reiterated", "conceded", "maintained", "testified",
                                  "clarified", "lamented"])
def test_more_reporting_verbs(claims_of: Run, verb: str) -> None:
    c = get_claim(claims_of(f"Tavi Orumbe {verb} that 40 villagers were abducted."),
                  "abducted", 40)
    assert c.origin == ["Tavi Orumbe"]


@pytest.mark.parametrize("verb", ["recall", "highlight", "underscore", "read"])
def test_verbs_left_out(verb: str) -> None:
    assert verb not in load_lexicon().attribution_verbs


@pytest.mark.parametrize("second", [
    "He further said that 40 fighters were captured.",
    "He later said that 40 fighters were captured.",
])
@pytest.mark.parametrize("joiner", [" ", "\n\n"])
def test_a_pronoun_with_a_word_before_its_verb(claims_of: Run, second: str,
                                               joiner: str) -> None:
    text = f"Tavi Orumbe said the patrol raided the camp.{joiner}{second}"
    c = get_claim(claims_of(text), "captured", 40)
    assert c.origin == ["Tavi Orumbe"]
