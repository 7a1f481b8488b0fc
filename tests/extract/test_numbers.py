import pytest

from tollwatch.extract.numbers import find_numbers, parse_number_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("roughly 3,000 casualties", [(3000, None, None)]),
        ("1.2 million people fled", [(1_200_000, None, None)]),
        ("10-12 thousand troops", [(None, 10_000, 12_000)]),
        ("10,000 to 12,000 troops", [(None, 10_000, 12_000)]),
        ("between 200 and 300 dead", [(None, 200, 300)]),
        ("twenty-five soldiers", [(25, None, None)]),
        ("a dozen hostages", [(12, None, None)]),
        ("Fifty nine bodies", [(59, None, None)]),
        ("more than a hundred guards", [(100, None, None)]),
        ("25,000+ refugees", [(25_000, None, None)]),
        ("1,000-plus fighters", [(1_000, None, None)]),
        ("some 120 000 residents", [(120_000, None, None)]),
        ("nearly 3m refugees", [(3_000_000, None, None)]),
        # a low end written short shares the high end's thousands
        ("an estimated 10-15,000 troops", [(None, 10_000, 15_000)]),
        ("45-50,000 people", [(None, 45_000, 50_000)]),
        ("20-25 people", [(None, 20, 25)]),
        ("2-1,500 people", [(None, 2, 1_500)]),
    ],
)
def test_values(text: str, expected: list[tuple[int | None, int | None, int | None]]) -> None:
    got = [(n.value, n.low, n.high) for n in find_numbers(text)]
    assert got == expected


def test_offsets_point_at_the_number() -> None:
    text = "Officials said 1,250 people were hurt."
    (n,) = find_numbers(text)
    assert text[n.start:n.end] == "1,250"


def test_plus_is_recorded() -> None:
    (n,) = find_numbers("5,000+ troops")
    assert n.plus


@pytest.mark.parametrize(("words", "value"), [
    ("two", 2), ("twenty-five", 25), ("a dozen", 12), ("two hundred thousand", 200_000),
    ("one hundred and twelve", 112), ("banana", None),
])
def test_number_words(words: str, value: int | None) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a toll that moves: two figures, not a range
        ("the toll climbed to 412 from 377 overnight", [(412, None, None), (377, None, None)]),
        ("cases rose from 48 to 91 in a week", [(48, None, None), (91, None, None)]),
        ("from 1,200 to 1,500 dead", [(1200, None, None), (1500, None, None)]),
        # a range written with from/to after a word of range
        ("estimates range from 14 000 to 22 500.", [(None, 14_000, 22_500)]),
        ("figures varying from 30 to 45", [(None, 30, 45)]),
        # space-grouped thousands anywhere, also before a full stop or a bracket
        ("Northland (6 215), Southmarch (5 002).", [(6215, None, None), (5002, None, None)]),
        ("a total of 48 300.", [(48_300, None, None)]),
        # compound number words with "-and-"
        ("three-hundred-and-twenty recruits", [(320, None, None)]),
        ("two-thousand-and-five", [(2005, None, None)]),
        # "and" joins number words only after a scale word
        ("we lost nine and five were hurt", [(9, None, None), (5, None, None)]),
        ("one thousand and forty", [(1040, None, None)]),
    ],
)
def test_movement_ranges_and_groupings(
        text: str, expected: list[tuple[int | None, int | None, int | None]]) -> None:
    assert [(n.value, n.low, n.high) for n in find_numbers(text)] == expected


@pytest.mark.parametrize("text", [
    "10^400 soldiers", "1e309 soldiers", "1.5e10 people", "9" * 400 + " people",
    "between " + "9" * 40 + " and " + "9" * 41 + " people", "2**64 troops",
])
def test_numbers_no_count_can_be_are_not_found(text: str) -> None:
    assert [n for n in find_numbers(text) if (n.value or 0) > 100] == []
