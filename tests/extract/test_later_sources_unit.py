"""later_sources.py: an own-voice figure that a sourced sentence soon restates."""

from __future__ import annotations

from typing import Any

from tollwatch.extract.later_sources import credit_earlier, restates
from tollwatch.extract.repeats import dedup
from tollwatch.model import Claim


def _c(value: int, quote: str, start: int, origin: list[str] | None = None,
       attribution: dict[str, Any] | None = None) -> Claim:
    return Claim(metric="killed", value=value, origin=origin or [], start=start,
                 end=start + len(quote), quote=quote,
                 attribution=attribution or ({"how": "verb", "from": start} if origin
                                             else {"how": "own_voice"}))


_FIRST = "Floods in the river delta have killed 31 farmers this week."
_AGAIN = "The governor said floods in the river delta had killed 31 farmers this week."


def test_restates_counts_shared_content_words() -> None:
    assert restates(_FIRST, _AGAIN) > 0.8
    assert restates(_FIRST, "Thirty-one coffins arrived, a priest said.") < 0.2
    assert restates("", _AGAIN) == 0.0


def test_credit_earlier_moves_the_source_to_the_first_occurrence() -> None:
    first = _c(31, _FIRST, 0)
    later = _c(31, _AGAIN, 61, ["the governor"])
    got = credit_earlier([first], later, _FIRST + "\n" + _AGAIN)
    assert got is first
    assert first.origin == ["the governor"]
    assert first.attribution == {"how": "later", "repeated_at": 61, "from": 61}


def test_credit_earlier_needs_a_restatement_near_by() -> None:
    first = _c(31, _FIRST, 0)
    other = _c(31, "Thirty-one coffins arrived, a priest said.", 61, ["a priest"])
    assert credit_earlier([first], other, "x") is None
    far = _c(31, _AGAIN, 5000, ["the governor"])
    assert credit_earlier([first], far, "x") is None
    many_paragraphs = _FIRST + "\n\n\n\n\n" + _AGAIN
    late = _c(31, _AGAIN, many_paragraphs.index("The governor"), ["the governor"])
    assert credit_earlier([first], late, many_paragraphs) is None
    assert first.origin == []


def test_a_headline_or_sourced_first_occurrence_is_left_alone() -> None:
    head = _c(31, _FIRST, 0, attribution={"how": "own_voice", "headline": True})
    later = _c(31, _AGAIN, 61, ["the governor"])
    assert credit_earlier([head], later, "x") is None
    sourced = _c(31, _FIRST, 0, ["the mayor"])
    assert credit_earlier([sourced], later, "x") is None


def test_dedup_keeps_one_claim() -> None:
    first = _c(31, _FIRST, 0)
    later = _c(31, _AGAIN, 61, ["the governor"])
    out = dedup([first, later], _FIRST + "\n" + _AGAIN)
    assert out == [first]
    assert first.origin == ["the governor"]
