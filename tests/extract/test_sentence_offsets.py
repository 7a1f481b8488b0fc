"""The sentence splitter (extract/sentences.py): where it cuts, what it keeps together,
and spans that are exact, trimmed, ordered and cover every word of the text."""

from __future__ import annotations

import random
import re

import pytest

from tollwatch.extract.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t"])
def test_nothing_to_split(text: str) -> None:
    assert split_sentences(text) == []


def test_one_unterminated_sentence_is_the_whole_trimmed_text() -> None:
    text = "  a sentence without an end  "
    assert _split(text) == ["a sentence without an end"]


@pytest.mark.parametrize(("text", "expected"), [
    ('He said: "Ten died." Then he left.', ['He said: "Ten died."', "Then he left."]),
    ("\u201cTen died,\u201d he said. \u201cMore will.\u201d",
     ["\u201cTen died,\u201d he said.", "\u201cMore will.\u201d"]),
    ("It ended... Then 3 more died.", ["It ended...", "Then 3 more died."]),
    ("Wait?! No. 5 was hit.", ["Wait?!", "No. 5 was hit."]),
    ("It was over (for now). Then 4 died.", ["It was over (for now).", "Then 4 died."]),
    ("Twelve died. 40 were hurt.", ["Twelve died.", "40 were hurt."]),
    ("Caf\u00e9 said 3.\n\u00c9mile said 4.", ["Caf\u00e9 said 3.", "\u00c9mile said 4."]),
])
def test_cuts_after_terminal_punctuation(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


@pytest.mark.parametrize("text", [
    "Dr. Amin said 5 died in St. Mary hospital.",
    "The U.S. embassy said 4 died.",
    "Lt. Col. Ferro counted 12 wounded.",
    "Prices rose 3.5 percent overnight.",
    "It began at 5 p.m. local time.",
    "A. Barros and K. Nwosu said 6 were held.",
    "The toll rose to 7 in Sept. after more died.",
])
def test_abbreviations_decimals_and_initials_do_not_cut(text: str) -> None:
    assert _split(text) == [text]


def test_lowercase_after_a_period_does_not_cut() -> None:
    text = "The count was 9. officials later said it was higher."
    assert _split(text) == [text]


def test_blank_lines_always_cut() -> None:
    text = "Toll rises to 12\n\nrescuers said more bodies were found"
    assert _split(text) == ["Toll rises to 12", "rescuers said more bodies were found"]


def test_a_line_ending_in_a_function_word_is_joined() -> None:
    text = "He met officials of the\nCity council on Monday."
    assert _split(text) == [text]


def test_a_line_ending_in_a_comma_is_joined() -> None:
    text = "Seven were killed,\nPolice said on Monday."
    assert _split(text) == [text]


def test_crlf_lines() -> None:
    assert _split("Headline about 5 dead\r\nThe rest of the story follows here.") == [
        "Headline about 5 dead", "The rest of the story follows here."]


def test_offsets_into_a_longer_text() -> None:
    text = ("Blast at depot\n\n  Eleven workers were hurt.  The manager said 2 were "
            "missing.\nRescuers kept digging.")
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Blast at depot", "Eleven workers were hurt.", "The manager said 2 were missing.",
        "Rescuers kept digging."]
    assert spans[1][0] == text.index("Eleven")


_WORDS = ["Seven", "died", "Dr.", "Amin", "said", "3.5", "percent", "of", "the", "U.S.",
          "\u201cNo.\u201d", "(ten)", "etc.", "J.", "Smith", "rose!", "why?", "\n", "\n\n",
          "\r\n", "  ", "Sept.", "on", "12,", "\u2026", "Z\u00fcrich."]


@pytest.mark.parametrize("seed", range(60))
def test_spans_are_trimmed_ordered_disjoint_and_cover_every_word(seed: int) -> None:
    rng = random.Random(seed)
    text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 40)))
    spans = split_sentences(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip()
        prev = e
    # every non-space character is inside some sentence
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    # and gluing the sentences back gives the words of the text in order
    assert re.findall(r"\S+", " ".join(text[s:e] for s, e in spans)) == re.findall(r"\S+", text)


def test_a_long_text_splits_quickly() -> None:
    import time

    text = ("Officials said 14 people were hurt in the blast. " * 4000
            + "Gen. Ferro added that 3 remained missing.\n" * 2000)
    t0 = time.perf_counter()
    spans = split_sentences(text)
    assert time.perf_counter() - t0 < 3.0
    assert len(spans) == 6000
