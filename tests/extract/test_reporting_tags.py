"""Reporting tags: "..., he continued" speaks for the statement before it
(extract/reporting_tags.py, data/reporting_tags.yaml). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract import Extractor
from tollwatch.extract.attribution_verbs import attribution_verbs
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.reporting_tags import is_reporting_tag, load_tag_rules, tag_subject
from tollwatch.model import Claim

from .claim_lookup import date_how, get_claim

Run = Callable[..., list[Claim]]


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _tags(nlp: Any, text: str) -> list[str]:
    return [t.text for t in nlp(text) if is_reporting_tag(t)]


def test_tag_after_statement(nlp: Any) -> None:
    text = "The column was made up of 30 trucks carrying 12 fighters each, he continued, " \
           "adding that the road was closed."
    assert _tags(nlp, text) == ["continued"]
    verbs = [t.text for t in attribution_verbs(nlp(text), load_lexicon())]
    assert "continued" in verbs


def test_tag_with_proper_name(nlp: Any) -> None:
    assert _tags(nlp, "Nine villagers were taken from the market, Okonkwo concluded.") == \
        ["concluded"]


@pytest.mark.parametrize("text", [
    "The fighting continued for three days after 40 soldiers were killed.",
    "Shelling of the town continued on Tuesday.",
    "The soldiers continued firing, and 12 people were wounded.",
    "After 20 people were killed in the raid, the army continued its advance.",
])
def test_not_a_tag(nlp: Any, text: str) -> None:
    assert _tags(nlp, text) == []


def test_tag_gives_source_and_date(claims_of: Run) -> None:
    text = ("Rebels strike border town\n\n"
            "Governor Tom Avery said on Monday that five people died in the attack on the "
            "town.\n\n"
            "The column that attacked was made up of 30 trucks carrying 12 fighters each, he "
            "continued, adding that the road was closed.\n")
    twelve = get_claim(claims_of(text, published="2024-03-05"), "deployed", 12)
    assert "Tom Avery" in twelve.origin
    assert twelve.date == "2024-03-04"
    assert (twelve.attribution or {}).get("how") == "reference"
    assert date_how(twelve) == "source"


def test_without_the_tag_the_figure_is_own_voice(claims_of: Run) -> None:
    text = ("Rebels strike border town\n\n"
            "Governor Tom Avery said on Monday that five people died in the attack on the "
            "town.\n\n"
            "The column that attacked was made up of 30 trucks carrying 12 fighters each, and "
            "the fighting continued.\n")
    twelve = get_claim(claims_of(text, published="2024-03-05"), "deployed", 12)
    assert twelve.origin == []


def test_rules_file_must_list_words(tmp_path: Path) -> None:
    bad = tmp_path / "tags.yaml"
    bad.write_text("verbs: continue\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="verbs must be a list"):
        load_tag_rules(str(bad))


def test_built_in_rules_read() -> None:
    rules = load_tag_rules()
    assert "continue" in rules.verbs and "go on" in rules.verbs
    assert rules.particles == frozenset({"on"})


def test_tag_hung_on_the_statement_speaks_for_it(claims_of: Run) -> None:
    # the parser makes "continued" a clause of "was made", with "the others" a subject too
    text = ("Rebels strike border town\n\n"
            "Governor Tom Avery said on Monday that five people died in the attack on the "
            "town.\n\n"
            "The column was made up of 30 trucks carrying 12 fighters, including four "
            "foreigners, while the others came from nearby villages, he continued, adding "
            "that the road was closed.\n")
    twelve = get_claim(claims_of(text, published="2024-03-05"), "deployed", 12)
    assert "Tom Avery" in twelve.origin
    assert twelve.date == "2024-03-04"


def test_tag_subject_is_the_word_before_the_verb(nlp: Any) -> None:
    doc = nlp("The unit lost 14 men, while the rest were wounded, she continued.")
    verb = next(t for t in doc if t.lower_ == "continued")
    subj = tag_subject(verb)
    assert subj is not None and subj.lower_ == "she"
