"""A source phrase names a person when a title opens it or a person's role heads it or its
appositive, though the parser tagged no person's name (extract/person_cues.py,
data/person_cues.yaml); then "she" or "he" later refers to it. Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract import Extractor
from tollwatch.extract.person_cues import (
    load_person_cues,
    mentioned_subject,
    names_a_person,
    speaks_for_body,
)
from tollwatch.model import Claim

from .claim_lookup import get_claim

Run = Callable[..., list[Claim]]


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _subject(nlp: Any, sentence: str) -> tuple[list[object], object]:
    doc = nlp(sentence)
    verb = next(t for t in doc if t.lemma_ == "say")
    subj = next(c for c in verb.children if c.dep_ == "nsubj")
    return list(subj.subtree), subj


@pytest.mark.parametrize(("sentence", "person"), [
    ("Col Tavi Orumbe said the road was closed.", True),
    ("Sheikh Bariq Olunde said the road was closed.", True),
    ("Tavi Orumbe, the army spokeswoman, said the road was closed.", True),
    ("A local doctor said the road was closed.", True),
    ("The regional council said the road was closed.", False),
    ("The army said the road was closed.", False),
])
def test_names_a_person(nlp: Any, sentence: str, person: bool) -> None:
    tokens, root = _subject(nlp, sentence)
    assert names_a_person(tokens, root) is person  # type: ignore[arg-type]


def test_speaks_for_body() -> None:
    assert speaks_for_body(["Gen. Tavi Orumbe", "spokesperson for the Defence Ministry"])
    assert not speaks_for_body(["Gen. Tavi Orumbe", "Tavi Orumbe"])


_TEXT = ("Col Tavi Orumbe, the army spokeswoman, said on Monday that 14 fighters were killed "
         "in the raid.\n\n"
         "She said 9 fighters were captured.\n")


def test_she_refers_to_a_titled_speaker(claims_of: Run) -> None:
    c = get_claim(claims_of(_TEXT, published="2024-06-05"), "captured", 9)
    assert "Col Tavi Orumbe" in c.origin
    assert (c.attribution or {}).get("how") == "reference"


def test_it_refers_to_the_body_a_spokesperson_speaks_for(claims_of: Run) -> None:
    text = ("Gen. Tavi Orumbe, spokesperson for the Defence Ministry, told reporters that 14 "
            "soldiers had died. It earlier reported 3 deaths.\n")
    c = get_claim(claims_of(text, published="2024-06-05"), "killed", 3)
    assert any("Orumbe" in n for n in c.origin)


def test_rules_file(nlp: Any, tmp_path: Path) -> None:
    cues = load_person_cues()
    assert ("col",) in cues.titles and "spokeswoman" in cues.roles
    off = tmp_path / "off.yaml"
    off.write_text("enabled: false\ntitles: [col]\n", encoding="utf-8")
    tokens, root = _subject(nlp, "Col Tavi Orumbe said the road was closed.")
    assert not names_a_person(tokens, root, load_person_cues(str(off)))  # type: ignore[arg-type]
    bad = tmp_path / "bad.yaml"
    bad.write_text("enabled: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="enabled must be true or false"):
        load_person_cues(str(bad))


def test_a_body_named_by_a_plural_role_is_no_person(nlp: Any) -> None:
    tokens, root = _subject(nlp, "Doctors Without Borders said the clinic was shelled.")
    assert not names_a_person(tokens, root)  # type: ignore[arg-type]


@pytest.mark.parametrize(("first", "second", "name"), [
    ("The governor spoke to reporters on Monday.", "He said 40 people had been killed.",
     "The governor"),
    ("The ministry issued a statement on Monday.", "It said 40 soldiers were killed.",
     "The ministry"),
])
def test_a_mentioned_subject_is_the_pronouns_antecedent(claims_of: Run, first: str,
                                                        second: str, name: str) -> None:
    c = get_claim(claims_of(f"{first}\n\n{second}\n"), "killed", 40)
    assert name in c.origin
    assert (c.attribution or {}).get("how") == "reference"


def test_an_undefined_subject_is_not_kept(claims_of: Run) -> None:
    c = get_claim(claims_of("A storm hit the coast on Monday.\n\nIt said 40 people had died.\n"),
                  "killed", 40)
    assert c.origin == []


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The governor spoke to reporters on Monday.", True),
    ("The ministry issued a statement on Monday.", False),
    ("The storm hit the coast on Monday.", None),
    ("A governor spoke to reporters on Monday.", None),  # not definite
])
def test_mentioned_subject(nlp: Any, sentence: str, kind: bool | None) -> None:
    subj = next(t for t in nlp(sentence) if t.dep_ == "nsubj")
    assert mentioned_subject(subj) is kind
