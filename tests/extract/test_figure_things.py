"""A figure that counts things ("three prisons") does not stop a later figure of the
sentence from counting back to the statement before (extract/figure_things.py, used by
figure_anaphora.counts_back). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.figure_anaphora import counts_back
from tollwatch.extract.figure_things import counts_things
from tollwatch.model import Claim

from .claim_lookup import get_claim

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize("after,things", [
    (" prisons, where inmates", True),
    (" villages in the north", True),
    (" days later", True),
    (" guards and", False),
    (" and injured", False),
    (" civilians", False),
    (" bodies", False),
    (" wounded", False),
    ("", False),
])
def test_counts_things(after: str, things: bool) -> None:
    assert counts_things(after) is things


@pytest.mark.parametrize("sentence,back", [
    ("The unrest spread to three prisons, where inmates also seized 30 other guards.", True),
    ("In two villages, another 14 were wounded.", True),
    # people counted first: "others" counts against the sentence's own figure
    ("Gunmen killed three guards and injured four others.", False),
    ("Gunmen killed three and injured four others.", False),
])
def test_counting_back_past_things(sentence: str, back: bool) -> None:
    assert counts_back(sentence) is back


def test_the_next_paragraph_takes_the_statement(claims_of: Run) -> None:
    text = ("The interior minister said on Saturday that nine guards had been taken hostage "
            "at the Lisburg jail.\n"
            "The riot spread to three prisons, where inmates also seized 30 other guards.\n")
    c = get_claim(claims_of(text, published="2031-02-02"), "abducted", 30)
    assert "interior minister" in " ".join(c.origin).lower()
    assert (c.attribution or {}).get("carried_by") == "figure_anaphor"
    assert c.date == "2031-02-01"
