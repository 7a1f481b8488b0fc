"""Quoted paragraphs right after a statement that does not quote its speaker are the
speaker's when the quotation closes with a tag naming that speaker again
(extract/quote_runs.py). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.quote_runs import introduced_run, paragraph_texts
from tollwatch.model import Claim

from .claim_lookup import get_claim

Run = Callable[..., list[Claim]]

_PARAS = ["Colonel Ada Marsh said the patrols had also arrested two couriers.",
          "“The air wing struck the ridge camp on Friday.",
          "“Scouts later confirmed that 17 fighters died in the strike.",
          "“We recovered eleven rifles,” she said."]


def test_a_run_closed_by_the_same_speaker() -> None:
    assert introduced_run(2, 0, _PARAS, ["Colonel Ada Marsh"])
    assert introduced_run(3, 0, _PARAS, ["Colonel Ada Marsh"])


@pytest.mark.parametrize("last", [
    "“We recovered eleven rifles,” Mayor Tom Avery said.",  # another speaker
    "“We recovered eleven rifles.”",  # no tag
    "The patrols recovered eleven rifles.",  # the run ends unclosed
])
def test_no_run(last: str) -> None:
    assert not introduced_run(2, 0, _PARAS[:3] + [last], ["Colonel Ada Marsh"])


def test_not_before_or_at_the_statement() -> None:
    assert not introduced_run(0, 0, _PARAS, ["Colonel Ada Marsh"])
    assert not introduced_run(2, 0, _PARAS, [])


def test_paragraph_texts() -> None:
    text = "One. Two.\nThree."
    assert paragraph_texts(text, [(0, 4), (5, 9), (10, 16)], [0, 0, 1]) == ["One. Two.",
                                                                           "Three."]


_TEXT = ("Strike on ridge camp\n\n"
         "Army spokesman Colonel Ada Marsh told reporters on Monday that patrols had "
         "arrested two couriers near the border.\n\n"
         "“On Friday the air wing struck a camp on the ridge where the commanders met.\n\n"
         "“By nightfall 17 fighters had died in the strike and the rest had fled.\n\n"
         "“The patrols also recovered eleven rifles and a radio,” she said.\n")


def test_the_figure_in_the_run_is_the_speakers(claims_of: Run) -> None:
    c = get_claim(claims_of(_TEXT, published="2024-06-05"), "killed", 17)
    assert any("Ada Marsh" in n for n in c.origin)
    assert c.date == "2024-06-03"


def test_another_speakers_tag_leaves_it_own_voice(claims_of: Run) -> None:
    text = _TEXT.replace("she said.", "Mayor Tom Avery said.")
    c = get_claim(claims_of(text, published="2024-06-05"), "killed", 17)
    assert not any("Ada Marsh" in n for n in c.origin)
