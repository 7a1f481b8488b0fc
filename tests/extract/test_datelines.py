"""Wire datelines and paragraphs (extract/datelines.py), on invented text."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.extract.datelines import find_datelines, paragraph_index
from tollwatch.extract.provenance import load_provenance
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _sents(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def test_paragraph_index_counts_line_breaks() -> None:
    text = "One. \nTwo.\n\nThree."
    sents = [(0, 4), (6, 10), (12, 18)]
    assert paragraph_index(text, sents) == [0, 1, 2]


def test_paragraph_index_keeps_sentences_of_one_line_together() -> None:
    text = "One. Two.\nThree."
    assert paragraph_index(text, [(0, 4), (5, 9), (10, 16)]) == [0, 0, 1]


def test_dateline_dates_its_own_paragraph() -> None:
    text = "ZORVANA, March 3 (Wire) -- Shelling killed four people.\nLater text."
    sents = _sents(text)
    paras = paragraph_index(text, sents)
    days = find_datelines(text, sents, paras, "2025-03-04", load_provenance().datelines)
    assert days.get(0) == "2025-03-03"


def test_no_dateline_no_day() -> None:
    text = "Shelling killed four people on Monday.\nLater text."
    sents = _sents(text)
    paras = paragraph_index(text, sents)
    assert find_datelines(text, sents, paras, "2025-03-04", load_provenance().datelines) == {}


def test_a_dateline_with_a_country_after_the_city_dates_its_paragraph(claims_of: Run) -> None:
    claims = claims_of("PORT KAVA, Lisburg, June 9 (Wire) -- Shelling killed 23 civilians, a "
                       "doctors' group said.\n", "2025-06-10")
    assert claims[0].date == "2025-06-09"


def test_a_dateline_of_two_cities_dates_its_paragraph(claims_of: Run) -> None:
    claims = claims_of("ARVEL/DOMA, June 9 (Wire) - The sides began exchanging more than 600 "
                       "prisoners, the Red Cross said.\n", "2025-06-10")
    assert claims[0].date == "2025-06-09"
    assert all("ARVEL" not in n for n in claims[0].origin)
