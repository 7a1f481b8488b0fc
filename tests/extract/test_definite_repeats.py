"""A sourced sentence that writes a figure as people already counted ("all seven guards
killed", "the 12 victims") restates the lead's own-voice figure: the lead takes its source
and date, and so do the other own-voice figures of the lead's sentence
(extract/definite_repeats.py, data/definite_repeats.yaml). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.definite_repeats import (
    definite_figure,
    definite_mention,
    load_definite_rules,
)
from tollwatch.model import Claim

from .claim_lookup import get_claim

Run = Callable[..., list[Claim]]

_LEAD = ("Nine guards were killed and another four wounded in a night raid on a border post "
         "near Lisburg on Monday.\n"
         "The attackers came from across the river in three boats, a local fisherman said.\n"
         "{later}\n")


def _claim(quote: str, value: int) -> Claim:
    return Claim(metric="killed", value=value, quote=quote, origin=["a police officer"])


@pytest.mark.parametrize("quote,value", [
    ("All nine guards killed were from the same village, a police officer said.", 9),
    ("The 12 victims were buried on Tuesday, police said.", 12),
    ("All the 30 people who died were civilians, the governor said.", 30),
    ("Those 40 killed included a nurse, officials said.", 40),
])
def test_definite_figures(quote: str, value: int) -> None:
    assert definite_figure(_claim(quote, value))


def test_a_definite_figure_inside_a_clause_is_a_mention() -> None:
    q = "According to the report, after the six men were executed, 90 more faced trial."
    assert not definite_figure(_claim(q, 6))
    assert definite_mention(_claim(q, 6))
    assert not definite_mention(_claim("All nine guards killed were from one village.", 9))


@pytest.mark.parametrize("quote,value", [
    ("Nine guards were killed in the raid, a police officer said.", 9),
    # the determiner belongs to another word, not to the figure
    ("Gunmen killed 12 people in the town, the mayor said.", 12),
    # another figure of the sentence is the definite one
    ("The two attackers killed nine guards, police said.", 9),
])
def test_figures_that_are_not_definite(quote: str, value: int) -> None:
    assert not definite_figure(_claim(quote, value))


def test_the_lead_takes_the_definite_restatement_source(claims_of: Run) -> None:
    text = _LEAD.format(later="All nine guards killed were from the same village, a police "
                              "officer told reporters on Tuesday.")
    claims = claims_of(text, published="2031-03-05")
    killed = [c for c in claims if c.metric == "killed" and c.value == 9]
    assert len(killed) == 1  # the restatement is folded into the lead's claim
    lead = killed[0]
    assert lead.start == 0
    assert "a police officer" in " ".join(lead.origin + lead.speaker).lower()
    assert lead.date == "2031-03-04"
    assert lead.attribution is not None
    assert lead.attribution["how"] == "later"
    assert lead.attribution["carried_by"] == "definite"
    # the lead's other own-voice figure is the same report
    wounded = get_claim(claims, "injured", 4)
    assert "a police officer" in " ".join(wounded.origin + wounded.speaker).lower()
    assert wounded.attribution is not None
    assert wounded.attribution["carried_by"] == "sentence"


def test_a_new_figure_of_the_same_number_is_its_own_claim(claims_of: Run) -> None:
    # no definite reference, few shared words: a figure of its own
    text = _LEAD.format(later="Elsewhere, nine farmers drowned when a ferry capsized, a "
                              "police officer told reporters on Tuesday.")
    claims = claims_of(text, published="2031-03-05")
    lead = get_claim(claims, "killed", 9)
    assert lead.start == 0 and lead.origin == [] and lead.speaker == []
    assert (lead.attribution or {}).get("how") == "own_voice"
    wounded = get_claim(claims, "injured", 4)
    assert wounded.origin == [] and wounded.speaker == []


def test_rules_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "definite.yaml"
    bad.write_text("enabled: perhaps\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_definite_rules(str(bad))
    off = tmp_path / "off.yaml"
    off.write_text("enabled: false\ndeterminers: [the]\nsentence_mates: false\n"
                   "fold_mentions: false\n", encoding="utf-8")
    rules = load_definite_rules(str(off))
    assert not rules.enabled and not rules.sentence_mates and not rules.fold_mentions
    assert rules.opening is not None and rules.anywhere is not None


_FIRST = "Border guards have intercepted and killed four armed smugglers near the Lisburg crossing."


def test_a_quoted_retelling_with_four_in_ten_words_again_restates() -> None:
    # the share of the lead's content words used again is 4/9 (min_shared is 0.40)
    from tollwatch.extract.later_sources import credit_earlier, restates

    again = ("“Last night our guards intercepted the smugglers and four were killed at the "
             "river,” Colonel Ana Ruiz told reporters on Monday.")
    assert 0.40 <= restates(_FIRST, again) < 0.45
    first = Claim(metric="killed", value=4, quote=_FIRST, start=0, end=len(_FIRST),
                  attribution={"how": "own_voice"})
    later = Claim(metric="killed", value=4, quote=again, start=len(_FIRST) + 1,
                  end=len(_FIRST) + 1 + len(again), origin=["Colonel Ana Ruiz"],
                  attribution={"how": "quote", "from": len(_FIRST) + 1})
    assert credit_earlier([first], later, _FIRST + "\n" + again) is first
    assert first.origin == ["Colonel Ana Ruiz"]
    # a sentence that uses fewer of the lead's words is a figure of its own
    other = Claim(metric="killed", value=4, start=len(_FIRST) + 1,
                  quote="Four fishermen drowned at the river, Colonel Ana Ruiz said.",
                  origin=["Colonel Ana Ruiz"], attribution={"how": "verb"})
    lead = Claim(metric="killed", value=4, quote=_FIRST, start=0, end=len(_FIRST),
                 attribution={"how": "own_voice"})
    assert credit_earlier([lead], other, _FIRST + "\n" + other.quote) is None


def test_a_mention_in_a_clause_folds_into_the_own_voice_count(claims_of: Run) -> None:
    text = ("The rights group said 300 people were executed in Zorvia last year.\n"
            "In March of last year, protests spread to the capital. The government answered "
            "with a crackdown in which six men were hanged.\n"
            "According to the group, after the six men were executed, dozens more protesters "
            "were sentenced.\n")
    claims = claims_of(text, published="2031-04-02")
    six = [c for c in claims if c.metric == "killed" and c.value == 6]
    assert len(six) == 1  # one count: the later mention is folded into it
    assert six[0].origin == [] and six[0].speaker == []  # the article's, as first given
    assert six[0].quote.startswith("The government answered")


def test_a_key_point_and_its_sourced_body_repeat_are_one_claim(claims_of: Run) -> None:
    # a summary's bullet gives the figure in no one's voice; the body names its source
    text = ("Port city counts its dead after storm\n"
            "KEY POINTS\n"
            "- A storm surge killed 61 dockworkers in the port of Havlund\n"
            "- Cranes and warehouses along the quay were destroyed\n"
            "The surge killed 61 dockworkers in the port of Havlund overnight, the harbour "
            "authority said on Wednesday.\n")
    claims = claims_of(text, published="2031-06-05")
    dead = [c for c in claims if c.metric == "killed" and c.value == 61]
    assert len(dead) == 1  # the body's repeat is folded into the key point's claim
    point = dead[0]
    assert text[point.start:point.end] == point.quote
    assert point.quote.startswith("A storm surge")  # the item, without its marker
    assert "harbour authority" in " ".join(point.origin).lower()
    assert point.date == "2031-06-04"


def test_a_definite_own_voice_mention_of_a_sourced_count_is_no_new_claim(
        claims_of: Run) -> None:
    text = ("A roadside bomb wounded six border guards near Lisburg, a police spokesman said.\n"
            "The six wounded guards were flown to a military hospital in the capital.\n")
    claims = claims_of(text, published="2031-03-05")
    hurt = [c for c in claims if c.metric == "injured" and c.value == 6]
    assert len(hurt) == 1
    assert hurt[0].start == 0 and "police spokesman" in " ".join(hurt[0].origin).lower()


def test_an_indefinite_own_voice_count_of_the_same_number_stays(claims_of: Run) -> None:
    text = ("A roadside bomb wounded six border guards near Lisburg, a police spokesman said.\n"
            "In a separate attack, six farmers were wounded by shelling.\n")
    claims = claims_of(text, published="2031-03-05")
    assert len([c for c in claims if c.metric == "injured" and c.value == 6]) == 2
