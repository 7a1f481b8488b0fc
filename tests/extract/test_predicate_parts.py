"""Parts named by what they were ("Two were journalists and the other five were students")
take the metric of the count just before them (extract/predicate_parts.py). Hand-written
sentences only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from tollwatch.extract import Extractor
from tollwatch.extract.counted import counted_noun
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.predicate_parts import predicate_part, predicate_parts
from tollwatch.model import Claim

from .claim_lookup import figures, get_claim, source_names

Run = Callable[..., list[Claim]]


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


def test_parts_in_the_next_sentence_take_the_count_s_metric(claims_of: Run) -> None:
    text = ("Nine people were detained at the checkpoint on Sunday, the Velmar Bar "
            "Association said. Three were lawyers and the other six were students.")
    claims = claims_of(text, "2031-05-08")
    assert figures(claims) == [("detained", 9), ("detained", 3), ("detained", 6)]
    assert get_claim(claims, "detained", 6).subject == "students"
    assert "velmar bar association" in source_names(get_claim(claims, "detained", 3))


def test_a_part_said_in_the_next_sentence(claims_of: Run) -> None:
    text = ("Police said 14 villagers were killed in the attack on Orvel. "
            "The mayor said four were children.")
    c = get_claim(claims_of(text), "killed", 4)
    assert c.subject == "children" and c.civilian is True


@pytest.mark.parametrize("text", [
    "Three were lawyers.",  # nothing counted before
    ("The army said 40 soldiers were killed in March. The new cabinet was sworn in on "
     "Friday. Two were women, the president said."),  # the count is not right before
])
def test_with_no_count_right_before_there_is_no_claim(claims_of: Run, text: str) -> None:
    assert ("killed", 2) not in figures(claims_of(text)) and \
        ("killed", 3) not in figures(claims_of(text))


def test_the_shape_of_a_predicate_part(nlp: Language) -> None:
    lex = load_lexicon()
    doc = nlp("Three were lawyers and the other six were students.")
    three, six = doc[0:1], doc[6:7]
    assert predicate_part(three, counted_noun(doc, three, lex))
    assert predicate_part(six, counted_noun(doc, six, lex))
    doc = nlp("Three lawyers were arrested.")
    assert not predicate_part(doc[0:1], counted_noun(doc, doc[0:1], lex))
    assert not predicate_part(doc[0:1], None)


def test_an_unpicked_part_takes_the_pick_before_it_in_its_sentence(nlp: Language) -> None:
    lex = load_lexicon()
    doc = nlp("Three were lawyers and the other six were students.")
    items = [(doc[0:1], counted_noun(doc, doc[0:1], lex)),
             (doc[6:7], counted_noun(doc, doc[6:7], lex))]
    out = predicate_parts(items, [("killed", 0.9, 0), None], None)
    assert out[1] == ("killed", 0.5, 6)
    assert predicate_parts(items, [None, None], None) == [None, None]
    assert predicate_parts(items, [None, None], "detained")[0] == ("detained", 0.5, 0)
