"""A short paragraph between two paragraphs of one speaker's quoted speech carries the
first quotation's statement on (extract/quote_bridges.py, data/quote_bridges.yaml).
Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.quote_bridges import bridges_quotes, load_bridge_rules, same_speaker
from tollwatch.model import Claim

from .claim_lookup import get_claim

Run = Callable[..., list[Claim]]

_SAID = "“Nine convoys crossed the border,” Colonel Ada Marsh told reporters on Monday."


_NEXT = ("“We will keep flying,” she said.", ["Colonel Ada Marsh"])


def _bridge(sentence: str, starts: dict[int, str], sizes: dict[int, int] | None = None,
            para: int = 1) -> bool:
    return bridges_quotes(_SAID, 0, para, starts, sizes or {1: 1}, sentence, _NEXT)


def test_a_paragraph_between_quotations_bridges() -> None:
    assert _bridge("In the past day, 300 more were flown out.", {0: "“N", 1: "In", 2: "“W"})


@pytest.mark.parametrize(("sentence", "starts", "sizes", "para"), [
    # the paragraph after is not quoted speech
    ("In the past day, 300 more were flown out.", {0: "“N", 1: "In", 2: "Th"}, None, 1),
    # no paragraph after
    ("In the past day, 300 more were flown out.", {0: "“N", 1: "In"}, None, 1),
    # not the paragraph right after the statement's
    ("In the past day, 300 more were flown out.", {0: "“N", 2: "In", 3: "“W"}, {2: 1}, 2),
    # a long paragraph is the writer's own
    ("In the past day, 300 more were flown out.", {0: "“N", 1: "In", 2: "“W"}, {1: 3}, 1),
])
def test_no_bridge(sentence: str, starts: dict[int, str], sizes: dict[int, int] | None,
                   para: int) -> None:
    assert not _bridge(sentence, starts, sizes, para)


def test_the_statement_must_quote_its_speaker() -> None:
    assert not bridges_quotes("Colonel Ada Marsh said nine convoys crossed.", 0, 1,
                              {0: "Co", 1: "In", 2: "“W"}, {1: 1},
                              "In the past day, 300 more were flown out.", _NEXT)


_TEXT = ("Airlift goes on\n\n"
         "“Nine convoys crossed the border and 4,000 people left,” Colonel Ada Marsh told "
         "reporters on Monday.\n\n"
         "In the past day, more than 300 aid workers were evacuated from the city.\n\n"
         "“We will keep flying as long as the runway is open,” she said.\n")


def test_the_bridged_figure_takes_the_speaker_and_day(claims_of: Run) -> None:
    c = get_claim(claims_of(_TEXT, published="2024-06-04"), "displaced", 300)
    assert "Ada Marsh" in c.origin
    assert c.date == "2024-06-03"
    assert (c.attribution or {}).get("how") == "continued"


def test_without_the_quotation_after_it_is_own_voice(claims_of: Run) -> None:
    text = _TEXT.replace("“We will keep flying as long as the runway is open,” she said.",
                         "The runway stayed open through the night.")
    c = get_claim(claims_of(text, published="2024-06-04"), "displaced", 300)
    assert c.origin == []


@pytest.mark.parametrize(("paragraph", "same"), [
    ("“We will keep flying,” she said.", True),
    ("“We will keep flying,” Marsh told the briefing.", True),
    ("\"We will keep flying. The runway is open,\" he said.", True),
    ("“We will keep flying,” Mayor Tom Avery said.", False),
    ("“We will keep flying.”", False),
    ("\"We will keep flying,\" a pilot said.", False),
])
def test_the_next_quotation_must_be_the_same_speaker(paragraph: str, same: bool) -> None:
    assert same_speaker(paragraph, ["Colonel Ada Marsh", "Marsh"]) is same


def test_another_speaker_after_the_bridge_leaves_it_own_voice(claims_of: Run) -> None:
    text = _TEXT.replace("she said.", "Mayor Tom Avery said.")
    c = get_claim(claims_of(text, published="2024-06-04"), "displaced", 300)
    assert c.origin == []


def test_rules_file(tmp_path: Path) -> None:
    assert load_bridge_rules() == (True, 2)
    bad = tmp_path / "b.yaml"
    bad.write_text("enabled: maybe\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="enabled must be true or false"):
        load_bridge_rules(str(bad))
