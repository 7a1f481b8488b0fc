"""The day a statement was made: its verb, its occasion, its dateline, its source's other
names. Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.source_dates import initials, same_body, share_dates
from tollwatch.extract.sources import Source
from tollwatch.extract.unparsed_dates import date_sources_from_text, statement_day
from tollwatch.model import Claim

from .claim_lookup import date_how as _date_how
from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]


# -- the day beside the reporting verb ----------------------------------------------------

def test_a_day_right_after_the_verb_dates_the_statement_not_the_event(claims_of: Run) -> None:
    # 2031-06-12 is a Thursday: "Tuesday" is the 10th, "Monday" (the event) the 9th
    text = ("Harbour governor Ilse Varga said on Tuesday one fisherman was killed in "
            "Port Alder on Monday.")
    c = _get(claims_of(text, "2031-06-12"), "killed", 1)
    assert c.date == "2031-06-10"
    assert _date_how(c) == "verb"


def test_a_day_after_the_listener_dates_the_statement(claims_of: Run) -> None:
    text = "The district mayor told reporters Sunday that 12 villagers were wounded."
    c = _get(claims_of(text, "2031-06-12"), "injured", 12)
    assert c.date == "2031-06-08"


def test_a_day_just_before_the_verb_dates_the_statement(claims_of: Run) -> None:
    text = "Relief officials on Wednesday said 30 herders were killed in the floods."
    c = _get(claims_of(text, "2031-06-12"), "killed", 30)
    assert c.date == "2031-06-11"


def test_a_possessive_day_is_the_event_s(claims_of: Run) -> None:
    text = "The coast guard said Monday's storm killed 14 sailors."
    c = _get(claims_of(text, "2031-06-12"), "killed", 14)
    assert c.date is None


def test_the_day_of_the_event_before_the_tag_is_not_the_statement_s(claims_of: Run) -> None:
    text = "Two rangers were killed in the ambush on Monday, park officials said."
    c = _get(claims_of(text, "2031-06-12"), "killed", 2)
    assert c.date is None


def test_a_time_entity_that_names_a_day_dates_the_statement(claims_of: Run) -> None:
    text = ("The provincial council had said earlier Wednesday that more than 40 miners "
            "were missing.")
    c = _get(claims_of(text, "2031-06-12"), "missing", 40)
    assert c.date == "2031-06-11"


def test_a_sentence_final_tag_whose_subject_counts_keeps_its_day(claims_of: Run) -> None:
    # "two police sources" is no usable subject for the parse: the tag names the source
    text = ("Gunmen killed nine traders at the cattle market near the river crossing, "
            "two police sources said Monday.")
    c = _get(claims_of(text, "2031-06-12"), "killed", 9)
    assert "police sources" in " ".join(c.origin).lower()
    assert c.date == "2031-06-09"


# -- the statement and its occasion --------------------------------------------------------

def test_the_day_of_the_occasion_dates_the_statement(claims_of: Run) -> None:
    text = ("The regional governor, while speaking to journalists on Monday, said 25 "
            "farmers were abducted from the valley.")
    c = _get(claims_of(text, "2031-06-12"), "abducted", 25)
    assert c.date == "2031-06-09"


def test_the_day_the_statement_was_posted_dates_it(claims_of: Run) -> None:
    text = ("\"We will not give up the search,\" the mayor said in a message posted online "
            "on Tuesday night.\n"
            "\"So far, 17 bodies have been recovered from the mud.\"")
    c = _get(claims_of(text, "2031-06-12"), "killed", 17)
    assert c.date == "2031-06-10"


def test_an_event_day_inside_the_reported_clause_stays_the_event_s(claims_of: Run) -> None:
    text = "The ministry said the convoy that left on Friday lost 6 drivers to the ambush."
    claims = claims_of(text, "2031-06-12")
    assert all(c.date is None for c in claims)


# -- datelines -------------------------------------------------------------------------------

def test_a_dateline_dates_its_paragraph_not_the_source(claims_of: Run) -> None:
    text = ("Quake toll rises\n"
            "LISBURG, June 9 (Wire) -- The Civil Defence Agency said 80 people were killed "
            "in the quake.\n"
            "In a later update, the agency said 12 more people were wounded in the "
            "aftershocks.")
    claims = claims_of(text, "2031-06-12")
    first = _get(claims, "killed", 80)
    assert first.date == "2031-06-09" and _date_how(first) == "dateline"
    later = _get(claims, "injured", 12)
    assert later.date is None


def test_the_statement_cited_after_its_dateline_keeps_its_day(claims_of: Run) -> None:
    text = ("Quake toll rises\n"
            "LISBURG, June 9 (Wire) -- The Civil Defence Agency said 80 people were killed "
            "in the quake.\n"
            "\"Rescuers pulled 35 survivors from the rubble; 12 people were wounded,\" the "
            "statement says.")
    c = _get(claims_of(text, "2031-06-12"), "injured", 12)
    assert c.date == "2031-06-09"
    assert _date_how(c) == "statement"


def test_a_bare_day_opening_the_article_is_a_dateline(claims_of: Run) -> None:
    text = ("June 11 Rebels shelled the river port overnight, killing at least eight "
            "dockworkers, officials said.")
    c = _get(claims_of(text, "2031-06-12"), "killed", 8)
    assert c.date == "2031-06-11" and _date_how(c) == "dateline"


def test_a_bare_day_deep_in_the_article_is_no_dateline(claims_of: Run) -> None:
    text = ("Floods hit the delta.\nThe rain began early.\nRoads were closed.\n"
            "Bridges fell.\n"
            "June 11 Rescuers found 14 bodies near the dam, officials said.")
    c = _get(claims_of(text, "2031-06-12"), "killed", 14)
    assert c.date is None


# -- a source's other names share its day ------------------------------------------------------

def test_a_fuller_name_of_the_source_takes_its_day(claims_of: Run) -> None:
    text = ("The Ombudsman's Office said on Tuesday that 28 people had died in the unrest.\n"
            "\"Twenty protesters died in the clashes,\" the Northern Ombudsman's Office "
            "said in a report.")
    c = _get(claims_of(text, "2031-06-12"), "killed", 20)
    assert c.date == "2031-06-10"
    assert _date_how(c) == "source"


def test_an_acronym_of_the_source_takes_its_day(claims_of: Run) -> None:
    text = ("The Joint Relief Command said on Monday that 50 villagers were killed by "
            "the fighting.\n"
            "In another district, the JRC said, 30 more villagers were killed.")
    c = _get(claims_of(text, "2031-06-12"), "killed", 30)
    assert c.date == "2031-06-09"


def test_names() -> None:
    assert initials("Inter-Agency Relief Office") == "IARO"
    assert initials("Office of the People's Advocate") == "OPA"
    fuller = Source(names=["the Northern Ombudsman's Office"], person=False)
    short = Source(names=["the Ombudsman's Office"], person=False)
    assert same_body(short, fuller)
    acr = Source(names=["IARO"], person=False)
    assert same_body(acr, Source(names=["Inter-Agency Relief Office"], person=False))
    surname = Source(names=["Okafor"], person=True)
    assert same_body(surname, Source(names=["Governor Ada Okafor"], person=True))
    # one common word is no name: "the ministry" is not every ministry
    assert not same_body(Source(names=["the ministry"], person=False),
                         Source(names=["the Water Ministry"], person=False))
    # a country is not its ministry
    assert not same_body(Source(names=["Lisburg"], person=False),
                         Source(names=["Lisburg's interior ministry"], person=False))
    assert same_body(Source(names=["the Lisburg Ministry of Health"], person=False),
                     Source(names=["Lisburg Health Ministry"], person=False))
    assert same_body(Source(names=["the Lisburg army"], person=False),
                     Source(names=["the Lisburg military"], person=False))


def test_share_dates_takes_one_day_only() -> None:
    dated = Source(names=["Inter-Agency Relief Office"], person=False, date="2031-06-09")
    acr = Source(names=["IARO"], person=False)
    assert share_dates([dated, acr]) == [acr] and acr.date == "2031-06-09"
    a = Source(names=["Governor Ada Okafor"], person=True, date="2031-06-09")
    b = Source(names=["Deputy Ben Okafor"], person=True, date="2031-06-10")
    c = Source(names=["Okafor"], person=True)
    assert share_dates([a, b, c]) == [] and c.date is None


# -- the rules file -------------------------------------------------------------------------

def test_the_rules_load_and_a_bad_file_names_itself(tmp_path: Path) -> None:
    rules = load_date_rules()
    assert "TIME" in rules.day_labels and "speak" in rules.occasion_verbs
    assert rules.bare_datelines and rules.body_name_rewrites
    bad = tmp_path / "dates.yaml"
    bad.write_text("bare_datelines:\n  patterns: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_date_rules(str(bad))
    assert err.value.source == str(bad) and str(bad) in str(err.value)


# -- sentences left unparsed ------------------------------------------------------------------

def test_a_later_unparsed_sentence_dates_the_source(claims_of: Run) -> None:
    text = ("According to the Harbour Police, three guards were killed at the gate.\n"
            "A grenade was thrown at the gate, according to a statement issued on Tuesday "
            "by the Harbour Police.")
    c = _get(claims_of(text, "2031-06-12"), "killed", 3)
    assert c.date == "2031-06-10"
    assert _date_how(c) == "source"


def test_statement_day_reads_statement_words_not_events() -> None:
    assert statement_day("It said in a statement on Tuesday that it would act.",
                         "2031-06-12") == "2031-06-10"
    assert statement_day("The figures were in a report released on 3 June.",
                         "2031-06-12") == "2031-06-03"
    assert statement_day("The attack on Tuesday destroyed the depot.", "2031-06-12") is None
    assert statement_day("Officials said Monday's raid was planned.", "2031-06-12") is None
    assert statement_day("The ministry said last week it would act.", "2031-06-12") is None


def test_only_a_source_named_alone_is_dated() -> None:
    police = Source(names=["the Harbour Police", "Harbour Police"], person=False)
    guard = Source(names=["the Coast Guard", "Coast Guard"], person=False)
    both = "The Harbour Police and the Coast Guard said on Monday they had finished."
    assert date_sources_from_text([both], [police, guard], "2031-06-12") == []
    one = "The Harbour Police said on Monday it had finished the search."
    assert date_sources_from_text([one], [police, guard], "2031-06-12") == [police]
    assert police.date == "2031-06-09" and guard.date is None
    # a source already dated keeps its day
    later = "The Harbour Police said on Wednesday it had closed the port."
    assert date_sources_from_text([later], [police], "2031-06-12") == []
    assert police.date == "2031-06-09"


def test_the_day_on_the_news_announced_dates_the_announcement(claims_of: Run) -> None:
    text = ("The border agency announced the arrests on its website late Sunday night.\n"
            "\"Our officers detained 14 smugglers near the ford,\" the statement said.")
    c = _get(claims_of(text, "2031-06-12"), "detained", 14)
    assert c.date == "2031-06-08"



def test_an_earlier_statement_does_not_take_the_source_s_day(claims_of: Run) -> None:
    text = ("The Relief Office said on Tuesday that 40 people were killed in the floods. "
            "It had earlier reported 12 people injured.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "killed", 40).date == "2031-06-10"
    earlier = _get(claims, "injured", 12)
    assert earlier.date is None and _date_how(earlier) == "earlier"
    assert "relief office" in " ".join(earlier.origin).lower()


def test_an_earlier_statement_with_its_own_day_keeps_it(claims_of: Run) -> None:
    text = ("The Relief Office said on Tuesday that 40 people were killed in the floods. "
            "It had said earlier Monday that 12 people were injured.")
    assert _get(claims_of(text, "2031-06-12"), "injured", 12).date == "2031-06-09"


def test_the_day_figures_were_released_dates_them(claims_of: Run) -> None:
    text = ("At least 60 herders were killed in the clashes, according to figures released "
            "by the health ministry on Monday.")
    c = _get(claims_of(text, "2031-06-12"), "killed", 60)
    assert c.date == "2031-06-09"
    assert "health ministry" in " ".join(c.origin).lower()


def test_a_title_alone_names_the_one_dated_person_bearing_it() -> None:
    ruiz = Source(names=["Ruiz"], person=True, date="2031-06-10")
    full = Source(names=["President Ana Ruiz", "Ruiz"], person=True)
    title = Source(names=["the President", "President"], person=True)
    assert share_dates([ruiz, full, title]) == [full, title]
    assert title.date == "2031-06-10"
    # "the minister" is no such title: many ministers speak in one story
    minister = Source(names=["the minister"], person=True)
    dated = Source(names=["Defence Minister Ivo Kern"], person=True, date="2031-06-10")
    assert share_dates([dated, minister]) == [] and minister.date is None


def test_a_name_that_fits_an_undated_source_too_takes_no_day() -> None:
    dated = Source(names=["Governor Ada Okafor"], person=True, date="2031-06-09")
    other = Source(names=["Governor Ben Uche"], person=True)
    title = Source(names=["the governor"], person=True)
    assert title not in share_dates([dated, other, title])
    assert title.date is None


@pytest.mark.parametrize("text", [
    "Another 1,900 are still missing, said Ana Ruiz of the regional office on Tuesday.",
    "Another 1,900 are still missing, said Ana Ruiz, head of the regional office, on Tuesday.",
])
def test_the_day_that_ends_an_inverted_subject_dates_the_saying(
        claims_of: Callable[..., list[Claim]],
        text: str) -> None:
    c = _get(claims_of(text, published="2031-06-05"), "missing", 1900)
    assert c.date == "2031-06-03"
    assert not any("Tuesday" in n for n in c.origin + c.speaker)  # no part of the name
    assert any(n.startswith("Ana Ruiz") for n in c.origin)


@pytest.mark.parametrize(("text", "date"), [
    ("According to the border command, as of June 5, 2,400 soldiers had been killed.",
     "2031-06-05"),
    ("As of Thursday, 2,400 soldiers had been killed, the border command said.",
     "2031-06-05"),
    # as of an earlier day: when the count stood, not when it was given
    ("According to the border command, as of June 2, 2,400 soldiers had been killed.", None),
    ("As of Tuesday afternoon, 2,400 soldiers had been killed, the border command said.",
     None),
])
def test_a_tally_as_of_the_publication_day_is_that_days(
        claims_of: Callable[..., list[Claim]], text: str, date: str | None) -> None:
    c = _get(claims_of(text, published="2031-06-05"), "killed", 2400)
    assert c.date == date
    if date is not None:
        assert _date_how(c) == "as_of"
