"""tally_sources.py: a part of a tally given before takes that tally's source and date; a
report noun a name owns names the source. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.extract.claim_lookup import get_claim, source_names

from tollwatch.extract import Extractor
from tollwatch.extract.tally_sources import (
    credit_parts,
    giver_of,
    load_tally_sources,
    possessive_owner,
    refers_to_whole,
)
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _num(doc: Any, text: str) -> int:
    return next(t.i for t in doc if t.text == text)


# -- refers_to_whole ---------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, figure", [
    ("850 of the total deaths were officers.", "850"),
    (("The leader in confirmed casualties is the northern province, with at least 1,204 "
     "natives of the region killed."), "1,204"),
    ("Of those killed, 14 were children.", "14"),
    ("Among the identified dead, 31 were women.", "31"),
    ("Some 212 of all known casualties were conscripts.", "212"),
])
def test_a_part_of_the_counted_whole(nlp: Any, sentence: str, figure: str) -> None:
    doc = nlp(sentence)
    assert refers_to_whole(doc, _num(doc, figure))


@pytest.mark.parametrize("sentence, figure", [
    # the whole itself, not a part of it
    ("The total deaths reached 5,000 by the end of the year.", "5,000"),
    # a whole of its own ("the 40 dead"), and no counted whole at all
    ("Nine of the 40 dead were guards.", "Nine"),
    ("Twelve of the villagers were killed in the raid.", "Twelve"),
    # a group owned by a side is no whole counted before
    ("Some 300 of the army's dead were never buried.", "300"),
    # a tally word without the determiner or a confirming adjective
    ("Roughly 70 of total deaths came in the first week.", "70"),
])
def test_not_a_part_of_a_counted_whole(nlp: Any, sentence: str, figure: str) -> None:
    doc = nlp(sentence)
    assert not refers_to_whole(doc, _num(doc, figure))


# -- credit_parts ------------------------------------------------------------------------------
def _claim(metric: str, value: int, start: int, origin: list[str] | None = None,
           date: str | None = None) -> Claim:
    return Claim(metric=metric, value=value, origin=origin or [], date=date, start=start,
                 end=start + 40, attribution={"how": "verb" if origin else "own_voice",
                                              "from": start})


def test_a_part_takes_the_last_sourced_figure_of_its_metric() -> None:
    whole = _claim("killed", 9000, 0, ["the Registry"], "2024-05-02")
    other = _claim("injured", 300, 100, ["the police"], "2024-05-03")
    part = _claim("killed", 850, 200)
    credit_parts([whole, other, part], {id(part)})
    assert part.origin == ["the Registry"]
    assert part.date == "2024-05-02"
    assert part.attribution is not None
    assert part.attribution["how"] == "tally_part"
    assert part.attribution["part_of"] == 0


def test_a_part_with_no_sourced_whole_before_it_stays_in_own_voice() -> None:
    later = _claim("killed", 9000, 500, ["the Registry"])
    wounded = _claim("injured", 80, 0, ["the police"])
    part = _claim("killed", 850, 200)
    credit_parts([wounded, part, later], {id(part)})
    assert part.origin == [] and part.speaker == []
    assert part.attribution == {"how": "own_voice", "from": 200}


def test_a_part_too_far_from_its_whole_stays_in_own_voice() -> None:
    reach = load_tally_sources().max_chars
    whole = _claim("killed", 9000, 0, ["the Registry"])
    part = _claim("killed", 850, reach + 100)
    credit_parts([whole, part], {id(part)})
    assert part.origin == []


def test_only_the_marked_claims_are_credited() -> None:
    whole = _claim("killed", 9000, 0, ["the Registry"])
    plain = _claim("killed", 40, 200)
    credit_parts([whole, plain], set())
    assert plain.origin == []


# -- possessive_owner --------------------------------------------------------------------------
def test_a_name_owning_a_report_noun_is_the_owner(nlp: Any) -> None:
    doc = nlp("Since the Casualty Project's last update in May, the names of 640 more "
              "soldiers have been added to the list.")
    toks = possessive_owner(doc, _num(doc, "640"))
    assert toks is not None
    assert " ".join(t.text for t in toks).endswith("Casualty Project")


@pytest.mark.parametrize("sentence, figure", [
    # a place owns the count of its dead, not a statement
    ("Ruritania's latest count shows 300 soldiers dead.", "300"),
    # a group, not a body
    ("The soldiers' list holds 640 names of the fallen.", "640"),
    # a loss, not a report
    ("The Northern Brigade's losses reached 200 killed.", "200"),
])
def test_no_owner_that_speaks(nlp: Any, sentence: str, figure: str) -> None:
    doc = nlp(sentence)
    assert possessive_owner(doc, _num(doc, figure)) is None


# -- through the extractor ---------------------------------------------------------------------
_REGISTRY = (
    "The Fallen Registry said on Monday that it had confirmed the names of 9,120 militia "
    "fighters killed since the rising began.\n"
    "Separately, the port authority said on Tuesday that the harbour had reopened to "
    "shipping.\n"
    "The volunteers work from obituaries, court files and posts by relatives.\n"
    "Some 850 of the total deaths were officers, including 40 colonels.\n")


def test_parts_of_an_earlier_tally_take_its_source_and_date(claims_of: Run) -> None:
    claims = claims_of(_REGISTRY, "2024-06-05")
    whole = get_claim(claims, "killed", 9120)
    assert "fallen registry" in source_names(whole)
    for value in (850, 40):
        part = get_claim(claims, "killed", value)
        assert "fallen registry" in source_names(part), value
        assert part.date == whole.date == "2024-06-03"
        assert (part.attribution or {}).get("how") == "tally_part"


def test_a_part_with_no_earlier_tally_is_in_own_voice(claims_of: Run) -> None:
    claims = claims_of("The port authority said the harbour had reopened.\n"
                       "Some 850 of the total deaths were officers.\n", "2024-06-05")
    part = get_claim(claims, "killed", 850)
    assert part.origin == [] and part.speaker == []


def test_possessive_report_noun_names_the_source(claims_of: Run) -> None:
    text = ("The Casualty Project has confirmed the deaths of 12,300 soldiers by name.\n"
            "Officials in the capital declined to comment on the report.\n"
            "Since the Casualty Project's last update in May, the names of 640 more soldiers "
            "have been added to the list of the dead.\n")
    claims = claims_of(text, "2024-06-05")
    added = get_claim(claims, "killed", 640)
    assert "casualty project" in source_names(added)
    assert (added.attribution or {}).get("how") == "possessive"


def test_a_headline_possessive_is_its_topic(claims_of: Run) -> None:
    claims = claims_of("Northern Railways' hijack update: 16 gunmen killed, 104 passengers "
                       "freed\nTroops stormed the train on Tuesday.\n", "2024-06-05")
    killed = get_claim(claims, "killed", 16)
    assert "northern railways" not in source_names(killed)


# -- giver_of ----------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, figure, giver", [
    ("The governor gave a toll of 40 dead on Monday.", "40", "governor"),
    (("The count keeps changing, with the mayor giving his own account of eight guards dead "
     "alongside 36 rebels."), "36", "mayor"),
    ("The army released figures of 40 soldiers killed.", "40", "army"),
])
def test_the_one_giving_a_report_of_the_figure(nlp: Any, sentence: str, figure: str,
                                              giver: str) -> None:
    doc = nlp(sentence)
    got = giver_of(doc, _num(doc, figure))
    assert got is not None and got.text == giver


@pytest.mark.parametrize("sentence, figure", [
    # giving something that is no report
    ("The charity gave food to 40 displaced families.", "40"),
    # the figure is in the subject
    ("A tally of 40 dead gave the town a shock.", "40"),
])
def test_no_one_gives_a_report_of_it(nlp: Any, sentence: str, figure: str) -> None:
    doc = nlp(sentence)
    assert giver_of(doc, _num(doc, figure)) is None


def test_extractor_credits_the_one_giving_the_account(claims_of: Run) -> None:
    text = ("The toll has shifted all week, with Governor Ana Ruiz giving her own account of "
            "eight guards dead alongside 36 rebels.\n")
    claims = claims_of(text, "2024-06-05")
    for value in (8, 36):
        got = get_claim(claims, "killed", value)
        assert "ana ruiz" in source_names(got), value
        assert (got.attribution or {}).get("how") == "given"
