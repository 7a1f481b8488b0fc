"""A figure counted against the group a statement just counted carries that statement into
the next paragraph (extract/figure_anaphora.py, data/figure_anaphora.yaml). Hand-written
sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.figure_anaphora import counts_back, load_anaphora_rules
from tollwatch.model import Claim

from .claim_lookup import get_claim

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize("sentence", [
    "Another 20 were wounded.",
    "A further 35 people were taken to hospital with burns.",
    "An additional 18 villagers are missing.",
    "Twenty others were wounded.",
    "Fifteen more were hurt in the stampede.",
    "At least 25 of the dead were women.",
    "Some 400 of them are children.",
    "In 2019, another 12 were killed in the same valley.",
    "Another nearly 60 were wounded, many of them seriously.",
])
def test_figures_that_count_back(sentence: str) -> None:
    assert counts_back(sentence)


@pytest.mark.parametrize("sentence", [
    "Twenty people were wounded.",
    # "others" counted against the sentence's own first figure
    "Gunmen killed three guards and injured four others.",
    "Three bodies were found on Monday and five other bodies on Friday.",
    # a year followed by "more" is no figure counted back
    "Since 2021, more than 120 soldiers have died in the region.",
    # quoted speech is the speaker's, not a count against the statement before
    "The sign read “another 20 days to go”.",
])
def test_figures_that_do_not(sentence: str) -> None:
    assert not counts_back(sentence)


_TEXT = ("Police said on Tuesday that twelve people had been killed in the market raid.\n\n"
         "{next}\n")


@pytest.mark.parametrize("nxt", [
    "Another 20 were wounded in the raid.",
    "Twenty others were wounded in the raid.",
])
def test_the_next_paragraph_takes_the_statement(claims_of: Run, nxt: str) -> None:
    c = get_claim(claims_of(_TEXT.format(next=nxt), published="2024-06-06"), "injured", 20)
    assert c.origin == ["Police"]
    assert c.date == "2024-06-04"
    assert c.attribution == {"how": "continued", "from": 0, "date_how": "continued",
                             "carried_by": "figure_anaphor"}


def test_a_new_count_in_the_next_paragraph_stays_own_voice(claims_of: Run) -> None:
    text = _TEXT.format(next="Twenty people were wounded in a separate raid.")
    c = get_claim(claims_of(text, published="2024-06-06"), "injured", 20)
    assert c.origin == [] and c.date is None


def test_rules_file(tmp_path: Path) -> None:
    assert load_anaphora_rules().enabled
    off = tmp_path / "off.yaml"
    off.write_text("enabled: false\nbefore_figure: [another]\n", encoding="utf-8")
    assert not counts_back("Another 20 were wounded.", load_anaphora_rules(str(off)))
    bad = tmp_path / "bad.yaml"
    bad.write_text("enabled: maybe\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="enabled must be true or false"):
        load_anaphora_rules(str(bad))
    worse = tmp_path / "worse.yaml"
    worse.write_text("before_figure: another\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="before_figure must be a list"):
        load_anaphora_rules(str(worse))


def test_a_statement_that_counted_nothing_is_not_counted_back_to(claims_of: Run) -> None:
    text = ("Police said on Tuesday that the market had reopened.\n\n"
            "Another 20 were wounded in the raid.\n")
    c = get_claim(claims_of(text, published="2024-06-06"), "injured", 20)
    assert c.origin == []


def test_a_sourced_figure_that_counts_back_claims_the_figures_before_it(
        claims_of: Run) -> None:
    # "another 1,900 ..., said X": the own-voice figures of its paragraph are X's report
    text = ("When the militia overran the valley it took more than 4,000 herders captive. "
            "So far, 2,100 have been freed. Another 1,900 are still missing, Ana Ruiz of "
            "the regional missing persons office said on Tuesday.")
    claims = claims_of(text, published="2031-06-05")
    for value in (4000, 2100, 1900):
        c = next(c for c in claims if c.value == value)
        assert "Ana Ruiz" in " ".join(c.origin + c.speaker), value
        assert c.date == "2031-06-03", value
    first = next(c for c in claims if c.value == 4000)
    assert first.attribution is not None
    assert first.attribution["how"] == "backward"
    assert first.attribution["carried_by"] == "figure_anaphor"
    assert first.attribution["from"] == text.index("Another")


def test_counting_back_claims_nothing_across_a_paragraph_or_without_the_cue(
        claims_of: Run) -> None:
    text = ("Since 2004 at least 6,000 people have been killed in the insurgency.\n\n"
            "Another 30 were killed this week, officials said.")
    c = next(c for c in claims_of(text) if c.value == 6000)
    assert c.origin == [] and c.speaker == []
    text = "Five herders were killed in the north. Twelve died in the south, police said."
    c = next(c for c in claims_of(text) if c.value == 5)
    assert c.origin == [] and c.speaker == []
