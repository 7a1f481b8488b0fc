"""Figures of people who live somewhere or need something are no claims unless their metric
word is their own; and a few metric words (gerunds of "neutralise", "put out of action",
explosives counted as things). Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.standing_groups import load_standing_rules
from tollwatch.model import Claim

from .claim_lookup import figures, get_claim

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize("text", [
    "Nearly 2.4 million people need food aid, the agency said, after 35 people were killed.",
    "The village of about 8,000 inhabitants was shelled, killing 35 people, police said.",
    "The district, home to 60,000 people, was hit by shelling that killed 35, officials said.",
])
def test_a_standing_group_takes_no_metric_from_another_clause(text: str, claims_of: Run) -> None:
    assert figures(claims_of(text)) == [("killed", 35)]


@pytest.mark.parametrize(("text", "metric", "value"), [
    ("Some 52,000 displaced people need shelter, the agency said.", "displaced", 52000),
    ("About 52,000 people who fled the fighting need shelter, the agency said.",
     "displaced", 52000),
    ("Shelling killed 35 people in the town of Marvek, police said.", "killed", 35),
])
def test_a_metric_of_its_own_keeps_the_figure(text: str, metric: str, value: int,
                                              claims_of: Run) -> None:
    get_claim(claims_of(text), metric, value)


def test_the_rules_can_be_switched_off(tmp_path: Path) -> None:
    f = tmp_path / "standing.yaml"
    f.write_text("enabled: false\nneed_verbs: [need]\nneed_nouns: []\nsettlements: []\n"
                 "before: []\n", "utf-8")
    assert load_standing_rules(str(f)).enabled is False
    bad = tmp_path / "bad.yaml"
    bad.write_text("- a list\n", "utf-8")
    with pytest.raises(ConfigError):
        load_standing_rules(str(bad))


@pytest.mark.parametrize(("text", "metric", "value"), [
    ("The army said the operation ended by neutralising 23 bandits in the forest.",
     "killed", 23),
    ("The ministry said 140 enemy fighters were put out of action.", "casualties", 140),
])
def test_more_metric_words(text: str, metric: str, value: int, claims_of: Run) -> None:
    get_claim(claims_of(text), metric, value)


def test_explosives_are_things(claims_of: Run) -> None:
    text = "Police seized a dozen landmines and 40 grenades and freed 4 hostages, officials said."
    assert figures(claims_of(text)) == [("abducted", 4)]
