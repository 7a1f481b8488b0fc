"""Extraction never crashes on odd text, and every quote is an exact slice of the text."""

from __future__ import annotations

import random
import string

from tollwatch.extract import Extractor
from tollwatch.model import Document

WORDS = ["killed", "wounded", "12", "1,000", "said", "according", "to", "the", "ministry", "“", "”", '"', "'", "(", ")", "—", "-", ":", ";", ".", ",", "!", "?", "he", "she", "it", "they", "Mr.", "Dr.", "U.S.", "5th", "2024", "%", "$", "two", "dozen", "between", "and", "more", "than", "at", "least", "up", "to", "10-12", "thousand", "NIS's", "agency", "captured", "troops", "hostages", "refugees", "\n", "\n\n"]


def test_random_word_salad_never_crashes(extractor: Extractor) -> None:
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(0, 60)
        text = " ".join(rng.choice([*WORDS, "".join(rng.choices(string.printable, k=4))])
                        for _ in range(n))
        published = rng.choice([None, "2024-02-29", "2024-13-01", "not a date"])
        for c in extractor.extract(Document(id="f", text=text, published=published)):
            assert text[c.start:c.end] == c.quote
            assert 0.0 <= c.confidence <= 1.0


def test_control_characters_and_unusual_spaces(extractor: Extractor) -> None:
    text = "Police\u00a0said\u2009 12\u202fpeople were killed.\x0b\x0cTwo\u200b were hurt."
    claims = extractor.extract(Document(id="f", text=text))
    assert all(text[c.start:c.end] == c.quote for c in claims)
