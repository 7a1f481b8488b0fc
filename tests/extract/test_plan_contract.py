"""What the sentence planner promises extraction, on seeded random texts written here:
never more characters handed to the parser than the text has, nothing parsed and nothing
extracted from a text with no figure in it, and no claim from a sentence it did not hand
over (a claim's quote is always one of the parsed sentences)."""

from __future__ import annotations

import random

import pytest

from tollwatch.extract import Extractor
from tollwatch.model import Document

_PROSE = ("the council met on a grey morning to argue about the bridge while residents "
          "waited outside and the river rose slowly under the old stone arches as reporters "
          "asked when the roads would open again")
PLAIN = _PROSE.split(" ")
FIGURES = ["12 people were killed", "4 soldiers were wounded", "300 families fled",
           "9 men were detained", "about 1,200 troops were deployed"]


def _sentence(rnd: random.Random, figure: bool) -> str:
    words = [rnd.choice(PLAIN) for _ in range(rnd.randrange(6, 16))]
    if figure:
        words.insert(rnd.randrange(len(words)), rnd.choice(FIGURES))
    return " ".join(words).capitalize() + rnd.choice([".", ".", "!", "?"])


def _text(rnd: random.Random, figures: float) -> str:
    paragraphs = []
    for _ in range(rnd.randrange(1, 4)):
        paragraphs.append(" ".join(_sentence(rnd, rnd.random() < figures)
                                   for _ in range(rnd.randrange(1, 5))))
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize("seed", range(6))
def test_a_text_without_figures_is_not_parsed_and_gives_nothing(extractor: Extractor,
                                                                seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(5):
        doc = Document(id="plain", text=_text(rnd, 0.0))
        assert extractor.parsed_chars(doc) == 0
        assert extractor.extract(doc) == []


@pytest.mark.parametrize("seed", range(6))
def test_the_parser_never_gets_more_than_the_text(extractor: Extractor, seed: int) -> None:
    rnd = random.Random(100 + seed)
    for _ in range(4):
        doc = Document(id="mixed", text=_text(rnd, 0.4), published="2031-03-03")
        parsed = extractor.parsed_chars(doc)
        assert 0 <= parsed <= len(doc.text)
        claims = extractor.extract(doc)
        if parsed == 0:
            assert claims == []
        quoted = sum(len(q) for q in {c.quote for c in claims})
        assert quoted <= parsed or not claims


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\t \u00a0 \u2003", ".", "?!", "\x00\x01"])
def test_empty_and_blank_texts_give_nothing(extractor: Extractor, text: str) -> None:
    doc = Document(id="blank", text=text)
    assert extractor.parsed_chars(doc) == 0
    assert extractor.extract(doc) == []
    full = extractor.extract_full(doc)
    assert list(full) == [] and full.responses == []
