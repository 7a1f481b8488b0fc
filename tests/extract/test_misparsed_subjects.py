"""A reporting verb whose subject the parser hung on the clause before as a coordinated
object ("... lost 20 soldiers and reports had stated that ...") takes that noun as its
subject (extract/misparsed_subjects.py, data/misparsed_subjects.yaml). Hand-written
sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.misparsed_subjects import load_misparsed_rules
from tollwatch.model import Claim

from .claim_lookup import get_claim, source_names

Run = Callable[..., list[Claim]]

_TEXT = ("Fighting in the hills.\n"
         "A local analyst criticised the officials who had questioned the raid in which the "
         "army lost 20 soldiers and reports had stated that about 35 rebels were also "
         "killed.\n")


def test_the_noun_in_front_of_the_verb_is_its_subject(claims_of: Run) -> None:
    claims = claims_of(_TEXT)
    rebels = get_claim(claims, "killed", 35)
    assert rebels.origin == ["reports"]
    assert "analyst" not in source_names(rebels)
    assert (rebels.attribution or {}).get("how") == "verb"
    # the figure of the clause before is not what the reports stated
    soldiers = [c for c in claims if c.metric == "killed" and c.value == 20]
    assert all("reports" not in source_names(c) for c in soldiers)


def test_a_list_of_speakers_before_the_verb_keeps_its_names(claims_of: Run) -> None:
    text = ("At least 12 farmers were killed in raids on two villages near the river in "
            "northern Zorvia, village guards and residents told reporters.\n")
    c = get_claim(claims_of(text), "killed", 12)
    assert "village guards" in source_names(c)


def test_a_verb_with_its_own_subject_is_left_alone(claims_of: Run) -> None:
    text = ("The army lost 20 soldiers and the ministry said that 35 rebels were also "
            "killed.\n")
    c = get_claim(claims_of(text), "killed", 35)
    assert "ministry" in source_names(c)


def test_rules_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "m.yaml"
    bad.write_text("enabled: sometimes\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_misparsed_rules(str(bad))
    ok = tmp_path / "ok.yaml"
    ok.write_text("enabled: true\njoiners: [And, but]\n", encoding="utf-8")
    assert load_misparsed_rules(str(ok)).joiners == frozenset({"and", "but"})


def test_a_name_after_a_comma_that_the_parser_joined_to_a_list(claims_of: Run) -> None:
    # the parser reads "children, the ... Council" as one list and leaves "said" subjectless
    text = ("The death toll from an air strike on a village in Tavria's Orvel region has "
            "risen to 38, including 11 children, the opposition National Unity Council (NUC) "
            "said today, up from 22 it had reported on Monday.")
    claims = claims_of(text, "2031-05-08")
    for value in (38, 11, 22):
        assert "national unity council" in source_names(get_claim(claims, "killed", value))
    assert get_claim(claims, "killed", 38).date == "2031-05-08"
    assert get_claim(claims, "killed", 22).date == "2031-05-05"


@pytest.mark.parametrize("aside", [
    "Ana Vell, a spokeswoman for the regional health office",
    "Ana Vell, who heads the Orvel district hospital",
])
def test_a_name_with_its_aside_before_a_subjectless_verb(claims_of: Run, aside: str) -> None:
    text = (f"Two days of shelling in Orvel have killed 13 people and wounded 29, {aside}, "
            "said on Tuesday.")
    claims = claims_of(text, "2031-05-08")
    for metric, value in (("killed", 13), ("injured", 29)):
        c = get_claim(claims, metric, value)
        assert "ana vell" in source_names(c)
        assert c.date == "2031-05-06"
