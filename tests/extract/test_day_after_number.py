"""A day written right after a figure is the time of the count, not what it counts ("the toll
rose to 14 Sunday": the parser reads "14 Sunday" as one date; extract/counted.counted_noun).
Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.model import Claim

from .claim_lookup import get_claim as _get
from .claim_lookup import source_names

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize(("text", "metric", "value"), [
    (("The death toll from the strike on the market rose to 14 Sunday, the regional governor "
     "said."), "killed", 14),
    ("The death toll rose to 14 Sunday, the governor said.", "killed", 14),
    ("The attack killed 12 Monday, the police said.", "killed", 12),
    ("Police arrested 30 yesterday, the ministry said.", "detained", 30),
])
def test_a_figure_before_a_day_is_counted(claims_of: Run, text: str, metric: str,
                                          value: int) -> None:
    c = _get(claims_of(text, "2031-06-10"), metric, value)
    assert source_names(c)  # the sentence's source


def test_a_dateline_dates_the_figure_before_a_day(claims_of: Run) -> None:
    text = ("Toll from strike on market rises to 14\n"
            "Lisburg, (Wire - 8th June, 2031) The death toll from the strike on the market "
            "rose to 14 Sunday, the regional governor said.\n")
    c = _get(claims_of(text, "2031-06-08"), "killed", 14)
    assert c.date == "2031-06-08"
