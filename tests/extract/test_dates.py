import pytest

from tollwatch.extract.dates import resolve_date


@pytest.mark.parametrize(("expr", "published", "expected"), [
    ("Monday", "2024-03-13", "2024-03-11"),       # a Wednesday: Monday two days before
    ("on Wednesday", "2024-03-13", "2024-03-13"),  # same day
    ("5 August", "2024-09-01", "2024-08-05"),
    ("August 5", "2024-09-01", "2024-08-05"),
    ("Dec. 30", "2025-01-02", "2024-12-30"),      # the year before publication
    ("yesterday", "2024-03-13", "2024-03-12"),
    ("today", "2024-03-13", "2024-03-13"),
    ("12 May 2021", None, "2021-05-12"),
    ("Monday", None, None),                         # nothing to resolve against
    ("last week", "2024-03-13", None),              # no day named
    ("last Wednesday", "2024-03-13", "2024-03-06"),  # written on a Wednesday: a week before
    ("last Monday", "2024-03-13", "2024-03-11"),
    ("two days ago", "2024-03-13", "2024-03-11"),
    ("3 days ago", "2024-03-13", "2024-03-10"),
    ("the day before yesterday", "2024-03-13", "2024-03-11"),
    ("nine days ago", "2024-03-13", None),          # too far back to say for sure
    ("two weeks ago", "2024-03-13", None),
    ("two days ago", None, None),
])
def test_resolve(expr: str, published: str | None, expected: str | None) -> None:
    assert resolve_date(expr, published) == expected
