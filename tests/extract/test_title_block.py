"""The title block of a story: the headline and the subheads under it
(extract/title_block.py). Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.extract.datelines import paragraph_index
from tollwatch.extract.title_block import lede_paragraph, title_lines
from tollwatch.model import Claim

from .claim_lookup import date_how as _date_how

Run = Callable[..., list[Claim]]


def _lines(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    sents, at = [], 0
    for line in text.split("\n"):
        sents.append((at, at + len(line)))
        at += len(line) + 1
    return sents, paragraph_index(text, sents)


def test_title_lines_counts_the_lines_before_the_body() -> None:
    text = "Valley fighting flares\nLawmakers demand an inquiry\nThe army said five died.\nMore."
    sents, paras = _lines(text)
    assert title_lines(text, sents, paras) == 2
    text = "The army said five died.\nValley fighting flares"
    sents, paras = _lines(text)
    assert title_lines(text, sents, paras) == 0


def test_lede_paragraph_counts_the_subheads_as_the_headline() -> None:
    assert [lede_paragraph(p, 3) for p in range(5)] == [0, 0, 0, 1, 2]
    assert [lede_paragraph(p, 1) for p in range(3)] == [0, 1, 2]
    assert [lede_paragraph(p, 0) for p in range(3)] == [0, 1, 2]


_STORY = ("Valley fighting flares\n"
          "Lawmakers demand an inquiry\n"
          "Five soldiers killed in the valley, says army spokesman\n"
          "Colonel Piet Brandt, the army spokesman, told the press that five soldiers had died "
          "in the fighting.\n"
          "Residents said the shelling went on all night.\n"
          "On Tuesday, Colonel Brandt revised his figures, saying 40 rebels were killed in the "
          "fighting.")


def test_the_first_body_paragraph_under_subheads_is_the_lede(claims_of: Run) -> None:
    claims = claims_of(_STORY, "2031-06-12")
    body = [c for c in claims if c.metric == "killed" and c.value == 5 and
            "brandt" in " ".join(c.origin).lower()]
    assert body, [(c.metric, c.value, c.origin) for c in claims]
    assert body[0].date == "2031-06-10"
    assert _date_how(body[0]) == "source"


def test_a_body_paragraph_past_the_lede_still_keeps_no_day(claims_of: Run) -> None:
    story = _STORY.replace("in the fighting.\nResidents", "in the fighting.\nRain fell.\n"
                           "Colonel Brandt said 7 soldiers had been injured.\nResidents")
    claims = claims_of(story, "2031-06-12")
    hurt = [c for c in claims if c.metric == "injured" and c.value == 7]
    assert hurt and hurt[0].date is None
    assert _date_how(hurt[0]) == "later"
