"""Parts of a counted group with no metric word of their own ("The victims included 12
children", "He added that 19 of them were women"), and the items of a list a statement
announces ("... reported this toll:" / "- Songoro: 23 killed"). Hand-written sentences only
(none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from tollwatch.extract import Extractor
from tollwatch.extract.headlines import names_place
from tollwatch.extract.sentences import list_items, split_sentences
from tollwatch.model import Claim

from .claim_lookup import figures, get_claim, source_names

Run = Callable[..., list[Claim]]

LEAD = "A car bomb killed 31 people at the bus station in Orvel, police said. "


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


@pytest.mark.parametrize("sentence", [
    "The victims included 14 children.",
    "The victims included two nurses and 14 children.",
])
def test_what_the_victims_included_counts_the_dead(claims_of: Run, sentence: str) -> None:
    c = get_claim(claims_of(LEAD + sentence), "killed", 14)
    assert c.subject == "children" and c.civilian is True
    assert source_names(c) == "police"


def test_a_source_of_its_own_keeps_the_part(claims_of: Run) -> None:
    c = get_claim(claims_of(LEAD + "The victims included 14 children, a nurse said."),
                  "killed", 14)
    assert "nurse" in source_names(c)


def test_what_the_wounded_included_stays_wounded(claims_of: Run) -> None:
    c = get_claim(claims_of(LEAD + "The wounded included 14 children."), "injured", 14)
    assert c.subject == "children"


@pytest.mark.parametrize(("sentence", "source"), [
    ("The mayor added that 19 of them were women.", "mayor"),
    ("He said 19 of them were women.", "police"),
])
def test_a_reported_part_of_them_takes_the_metric_before(
        claims_of: Run, sentence: str, source: str) -> None:
    c = get_claim(claims_of(LEAD + sentence), "killed", 19)
    assert source in source_names(c)


def test_a_part_after_another_figure_is_not_the_lead_s(claims_of: Run) -> None:
    # "of them" here counts the 40 rebels of its own sentence, not the 31 dead
    claims = claims_of(LEAD + "The army said it captured 40 rebels, and 12 of them were "
                       "commanders.")
    assert not any(c.metric == "killed" and c.value == 12 for c in claims)


TOLL = ("Clashes spread across the north\n"
        "District officials reported the following toll on Monday:\n"
        "- Songoro: 23 killed, 9 injured\n"
        "- Bakari Hills: 11 killed\n"
        "- Tema: 4 missing\n"
        "Among the dead are seven children.")


def test_list_items_are_the_sentences_opened_by_a_marker() -> None:
    sents = split_sentences(TOLL)
    assert sorted(list_items(TOLL, sents)) == [2, 3, 4]
    assert TOLL[slice(*sents[2])].startswith("Songoro")  # the marker is not the sentence's


def test_a_list_the_statement_announces_carries_its_source_and_date(claims_of: Run) -> None:
    claims = claims_of(TOLL, "2031-05-14")  # a Wednesday: Monday is the 12th
    for metric, value in (("killed", 23), ("injured", 9), ("killed", 11), ("missing", 4),
                          ("killed", 7)):
        c = get_claim(claims, metric, value)
        assert source_names(c) == "district officials", (metric, value, c.origin)
        assert c.date == "2031-05-12", (metric, value, c.date)
    assert get_claim(claims, "killed", 23).location == "Songoro"
    assert get_claim(claims, "injured", 9).location == "Songoro"
    assert get_claim(claims, "killed", 23).attribution["how"] == "continued"


def test_an_item_s_label_is_no_headline_source(claims_of: Run) -> None:
    text = "Officials gave these figures:\n- Songoro: 23 killed\n- Tema: 4 missing"
    assert all(source_names(c) == "officials" for c in claims_of(text))


def test_a_place_before_a_headline_colon_is_no_source(nlp: Language, claims_of: Run) -> None:
    assert names_place(nlp("Gaza: 40 killed in strike"), ("Gaza", 0))
    assert not names_place(nlp("UN: 40 killed in strike"), ("UN", 0))
    c = get_claim(claims_of("Gaza: 40 killed in strike"), "killed", 40)
    assert c.origin == [] and c.location == "Gaza"
    assert get_claim(claims_of("UN: 40 killed in strike"), "killed", 40).origin == ["UN"]


@pytest.mark.parametrize("intro", ["Officials gave these figures:",
                                   "Officials released the following breakdown:"])
def test_a_release_that_announces_a_list_is_its_items_statement(
        claims_of: Run, intro: str) -> None:
    claims = claims_of(intro + "\n- Songoro: 23 killed\n- Tema: 4 missing")
    assert [(c.metric, c.value, c.location) for c in claims] == [
        ("killed", 23, "Songoro"), ("missing", 4, "Tema")]
    assert all(source_names(c) == "officials" for c in claims)


def test_the_release_day_dates_the_items(claims_of: Run) -> None:
    text = "The ministry published this toll on Monday:\n- Songoro: 23 killed\n- Tema: 4 missing"
    assert {c.date for c in claims_of(text, "2031-05-14")} == {"2031-05-12"}


def test_a_release_with_no_list_after_it_starts_no_statement(claims_of: Run) -> None:
    text = ("The ministry released these figures:\n\nElsewhere, gunmen killed 12 people in a "
            "village raid on Sunday.")
    assert get_claim(claims_of(text), "killed", 12).origin == []


def test_the_parts_of_a_headline_are_read_apart() -> None:
    text = ("Rebels claim 57 killed in base attack; army says toll is 8\n"
            "The army said eight soldiers died; the rebels said 57.")
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts[:2] == ["Rebels claim 57 killed in base attack;", "army says toll is 8"]
    assert parts[2] == "The army said eight soldiers died; the rebels said 57."


def test_each_headline_part_has_its_own_source_and_day(claims_of: Run) -> None:
    text = ("Rebels claim 57 killed in base attack; army says toll is 8\n"
            "ORVEL, Dec 6 (Wire) -- Militants stormed an army base before dawn, killing "
            "eight soldiers, the army said.\n"
            "In a statement on Tuesday, the rebels said they had killed 57 soldiers.")
    claims = claims_of(text, "2031-12-06")  # a Saturday: Tuesday is the 2nd
    rebels, army = get_claim(claims, "killed", 57), get_claim(claims, "killed", 8)
    assert "rebels" in source_names(rebels) and "army" not in source_names(rebels)
    assert rebels.date == "2031-12-02"
    assert "army" in source_names(army) and army.date == "2031-12-06"
    assert len(claims) == 2  # each headline figure is one claim with its body repeat


@pytest.mark.parametrize("sentence", [
    "Of the victims, 12 were women.",
    "The police said 12 of the victims were women.",
    "The victims included 12 women.",
])
def test_victims_of_an_abduction_are_abducted(claims_of: Run, sentence: str) -> None:
    text = "Armed men abducted 30 farmers near Orvel on Monday, police said. " + sentence
    assert ("abducted", 12) in figures(claims_of(text))
    assert ("killed", 12) not in figures(claims_of(text))


def test_victims_after_a_toll_are_still_the_dead(claims_of: Run) -> None:
    text = "A car bomb killed 30 people in Orvel, police said. Of the victims, 12 were women."
    assert ("killed", 12) in figures(claims_of(text))
