"""Number forms (extract/numbers.py): scales, separators, ranges, words, and offsets that
always point at the text of the mention."""

from __future__ import annotations

import itertools
import random

import pytest

from tollwatch.extract.numbers import MAX_DIGITS, NumberMention, find_numbers, parse_number_words


def _values(text: str) -> list[tuple[int | None, int | None, int | None]]:
    return [(n.value, n.low, n.high) for n in find_numbers(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("3.5 million displaced", 3_500_000),
    ("12k troops", 12_000),
    ("12K troops", 12_000),
    ("2bn in damage", 2_000_000_000),
    ("4.2mn refugees", 4_200_000),
    ("1.1 mln people", None),  # "mln" is a scale only straight after the digits
    ("7 thousand fled", 7_000),
    ("6 hundred fighters", 600),
    ("1 000 000 people", 1_000_000),
    ("1\u00a0250 people", 1_250),
    ("1\u202f250 people", 1_250),
    ("7,000,000 people", 7_000_000),
    ("0 survivors", 0),
])
def test_scales_and_separators(text: str, value: int | None) -> None:
    found = find_numbers(text)
    if value is None:
        assert found and found[0].value == 1  # "1.1" without its scale
        return
    assert found[0].value == value and found[0].start == 0


@pytest.mark.parametrize(("text", "low", "high"), [
    ("10 - 20 killed", 10, 20),
    ("10\u201320 killed", 10, 20),   # en dash
    ("10\u201420 killed", 10, 20),   # em dash
    ("between 5 thousand and 7 thousand", 5_000, 7_000),
    ("between 5 and 7 thousand", 5_000, 7_000),  # the scale carries back
    ("3-4 million", 3_000_000, 4_000_000),
    ("1,500 to 2,000 were detained", 1_500, 2_000),
])
def test_ranges(text: str, low: int, high: int) -> None:
    (n,) = find_numbers(text)
    assert (n.value, n.low, n.high) == (None, low, high)
    assert n.text == text[n.start:n.end]


@pytest.mark.parametrize("text", ["20 - 10 killed", "10 to 5 dead", "24-7 coverage"])
def test_a_falling_pair_is_not_a_range(text: str) -> None:
    first = find_numbers(text)[0]
    assert first.low is None and first.high is None
    assert first.value == int(text.split()[0].split("-")[0])
    assert first.text == text[first.start:first.end]


def test_between_with_falling_bounds_is_not_a_range() -> None:
    got = find_numbers("between 9 and 3 hostages")
    assert all(n.low is None for n in got)
    assert [n.value for n in got] == [9, 3]


@pytest.mark.parametrize(("text", "value"), [
    ("one", 1), ("nineteen", 19), ("ninety-nine", 99), ("a hundred", 100),
    ("an hundred", 100), ("two dozen", 24), ("half a dozen", None),
    ("three hundred and six", 306), ("four thousand two hundred", 4_200),
    ("one million five hundred thousand", 1_500_000), ("two billion", 2_000_000_000),
    ("and", None), ("", None), ("seven-and-twenty", 27),
])
def test_parse_number_words(text: str, value: int | None) -> None:
    assert parse_number_words(text) == value


def test_number_words_in_text_are_marked_as_words() -> None:
    text = "Rescuers found Thirty-Two bodies and two dozen survivors."
    got = find_numbers(text)
    assert [(n.text, n.value, n.words) for n in got] == [
        ("Thirty-Two", 32, True), ("two dozen", 24, True)]
    assert all(text[n.start:n.end] == n.text for n in got)


def test_word_forms_are_whole_words() -> None:
    assert find_numbers("Someone tended the phone at the station.") == []
    assert find_numbers("the tenant of the often-empty flat") == []


def test_digits_attached_to_words_or_ids_are_not_counts() -> None:
    assert find_numbers("model T72B3 tanks") == []
    assert find_numbers("version v2.0 and route A14") == []
    assert find_numbers("x^2 and 10^3") == []
    assert find_numbers("-5 degrees") == []


def test_digit_strings_over_max_digits_are_dropped() -> None:
    assert find_numbers("9" * (MAX_DIGITS + 1) + " people") == []
    (n,) = find_numbers("9" * MAX_DIGITS + " people")
    assert n.value == int("9" * MAX_DIGITS)


def test_plus_forms() -> None:
    (a,) = find_numbers("300+ homes")
    (b,) = find_numbers("a 40-plus convoy")
    (c,) = find_numbers("300 homes")
    assert (a.value, a.plus, a.text) == (300, True, "300+")
    assert (b.value, b.plus) == (40, True)
    assert c.plus is False


def test_mentions_are_ordered_and_separate() -> None:
    text = ("Between 40 and 50 were hurt, 3 died, twelve fled, and officials said "
            "1,200-1,400 were displaced while 2 million lacked water.")
    got = find_numbers(text)
    assert [n.start for n in got] == sorted(n.start for n in got)
    for a, b in itertools.pairwise(got):
        assert a.end <= b.start
    assert _values(text) == [(None, 40, 50), (3, None, None), (12, None, None),
                             (None, 1_200, 1_400), (2_000_000, None, None)]


_PIECES = ["12", "1,500", "3.5 million", "twenty-one", "a dozen", "10-20", "between 4 and 9",
           "40+", "7k", "from 5 to 8", "several", "killed", "were", "v2", "(6)", "\u201c9\u201d",
           "\u00e9t\u00e9", "2024-01-05", "9:30", "1/2", ",", ".", "\n", "  "]


@pytest.mark.parametrize("seed", range(40))
def test_offsets_always_point_at_the_mention(seed: int) -> None:
    rng = random.Random(seed)
    text = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30)))
    got = find_numbers(text)
    prev_end = 0
    for n in got:
        assert isinstance(n, NumberMention)
        assert text[n.start:n.end] == n.text and n.text.strip() == n.text
        assert n.start >= prev_end
        prev_end = n.end
        assert (n.value is None) == (n.low is not None)
        if n.low is not None:
            assert n.high is not None and n.low < n.high
