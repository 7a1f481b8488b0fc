"""Parts of a bare tally noun that stands for the figure before ("The figure includes six
police officers") take that figure's metric and its statement (extract/tally_parts.py,
data/tally_parts.yaml). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.tally_parts import load_tally_part_rules
from tollwatch.model import Claim

from .claim_lookup import get_claim

Run = Callable[..., list[Claim]]

_TEXT = "The regional governor said 40 people were killed in the raid on the market. {next}\n"


@pytest.mark.parametrize("nxt", [
    "The figure includes six police officers.",
    "The toll includes six police officers and two nurses.",
    "The total included six police officers.",
])
def test_the_parts_of_the_figure_before(claims_of: Run, nxt: str) -> None:
    c = get_claim(claims_of(_TEXT.format(next=nxt)), "killed", 6)
    assert "governor" in " ".join(c.origin).lower()
    assert (c.attribution or {}).get("how") == "continued"


def test_the_figure_carries_the_statement_into_the_next_paragraph(claims_of: Run) -> None:
    text = ("The regional governor said 40 people were killed in the raid on the market.\n"
            "The figure includes six police officers.\n")
    c = get_claim(claims_of(text), "killed", 6)
    assert "governor" in " ".join(c.origin).lower()


@pytest.mark.parametrize("nxt", [
    # a tally with a group of its own
    "The number of schools includes six colleges.",
    # no verb of inclusion
    "The figure surprised six police officers.",
    # a subject that is no tally
    "The convoy included six police officers.",
])
def test_near_misses_count_no_one(claims_of: Run, nxt: str) -> None:
    claims = claims_of(_TEXT.format(next=nxt))
    assert not [c for c in claims if c.value == 6 and c.metric == "killed"]


def test_rules_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "parts.yaml"
    bad.write_text("enabled: yes please\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_tally_part_rules(str(bad))
    ok = tmp_path / "ok.yaml"
    ok.write_text("enabled: true\nsubjects: [Figure, toll]\n", encoding="utf-8")
    assert load_tally_part_rules(str(ok)).subjects == frozenset({"figure", "toll"})
