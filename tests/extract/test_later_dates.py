"""Statement dates from the whole document: a source dated only by a later statement, days
that are stretches of events, "with X confirming" clauses, earlier reports, spelled-out
acronyms, surnames. Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.extract.attribution import Attribution
from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.later_dates import LATER, UndatedLedger
from tollwatch.extract.source_dates import same_body
from tollwatch.extract.sources import Source
from tollwatch.extract.unparsed_dates import date_sources_from_text
from tollwatch.model import Claim

from .claim_lookup import date_how as _date_how
from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]

# 2031-06-12 is a Thursday: "Tuesday" is the 10th, "Wednesday" the 11th


# -- a source dated only by a later statement -------------------------------------------

_LATER_TEXT = ("Valley fighting flares\n"
               "Lawmakers in the capital called for an inquiry into the clashes.\n"
               "The army spokesman Colonel Piet Brandt told the press that five soldiers had "
               "died in the fighting.\n"
               "Residents said the shelling went on all night.\n"
               "On Tuesday, Colonel Brandt revised his figures, saying 40 rebels were killed "
               "in the fighting.")


def test_a_statement_before_its_source_was_dated_keeps_no_day(claims_of: Run) -> None:
    claims = claims_of(_LATER_TEXT, "2031-06-12")
    later = _get(claims, "killed", 40)
    assert later.date == "2031-06-10"
    first = _get(claims, "killed", 5)
    assert first.date is None
    assert _date_how(first) == LATER


def test_a_statement_after_the_dated_one_takes_its_source_s_day(claims_of: Run) -> None:
    text = _LATER_TEXT + "\nColonel Brandt added that 12 soldiers were wounded."
    c = _get(claims_of(text, "2031-06-12"), "injured", 12)
    assert c.date == "2031-06-10"
    assert _date_how(c) == "source"


def test_the_lede_takes_the_day_the_body_gives_its_source(claims_of: Run) -> None:
    text = ("The coast guard said 14 sailors were killed when the ferry sank.\n"
            "The coast guard said on Tuesday that divers had reached the wreck.")
    c = _get(claims_of(text, "2031-06-12"), "killed", 14)
    assert c.date == "2031-06-10"


def test_ledger_marks_only_what_a_later_statement_dated() -> None:
    rules = load_date_rules()
    src = Source(["the harbour police"], False)
    other = Source(["the fire brigade"], False)
    body = rules.lede_paragraphs
    early = Attribution(origin=list(src.names), origin_src=src, explicit=True)
    lede = Attribution(origin=list(src.names), origin_src=src, explicit=True)
    unrelated = Attribution(origin=list(other.names), origin_src=other, explicit=True)
    ledger = UndatedLedger()
    ledger.note(lede, 0)
    ledger.note(early, body)
    ledger.note(unrelated, body)
    src.date = "2031-06-10"  # a later statement of the police names Tuesday
    assert ledger.close([src, other]) == [early]
    assert early.date_how == LATER and early.date is None
    assert lede.date_how is None
    early.refresh()
    lede.refresh()
    assert early.date is None  # "later" keeps it undated
    assert lede.date == "2031-06-10"


def test_ledger_keeps_nothing_already_dated() -> None:
    src = Source(["the harbour police"], False, date="2031-06-09")
    att = Attribution(origin=list(src.names), origin_src=src, explicit=True,
                      date="2031-06-09", date_how="verb")
    ledger = UndatedLedger()
    ledger.note(att, 5)
    assert ledger.close([src]) == []


def test_ledger_keeps_no_own_voice_figure() -> None:
    ledger = UndatedLedger()
    ledger.note(Attribution(), 5)
    assert ledger.close([]) == []


# -- a day that is a stretch of events ---------------------------------------------------

def test_a_day_marked_alone_is_no_statement_day(claims_of: Run) -> None:
    text = "On Wednesday alone, the border police reported arresting 40 smugglers."
    c = _get(claims_of(text, "2031-06-12"), "detained", 40)
    assert c.date is None


def test_a_plain_day_before_the_statement_still_dates_it(claims_of: Run) -> None:
    text = "On Wednesday, the border police reported arresting 40 smugglers."
    c = _get(claims_of(text, "2031-06-12"), "detained", 40)
    assert c.date == "2031-06-11"


# -- a "with X confirming" clause --------------------------------------------------------

def test_a_with_clause_takes_its_reporting_verb_s_day(claims_of: Run) -> None:
    text = ("The mayor told the council on Tuesday, with an aide confirming that 17 people "
            "had died in the flood.")
    c = _get(claims_of(text, "2031-06-12"), "killed", 17)
    assert "aide" in c.origin
    assert c.date == "2031-06-10"


# -- an earlier report ------------------------------------------------------------------

def test_according_to_an_earlier_report_takes_no_day_of_its_source(claims_of: Run) -> None:
    text = ("Aid groups warn of hunger\n"
            "The relief agency said on Tuesday that 30 people were killed in the floods.\n"
            "About 90 people were killed in the storms of last year, according to an "
            "earlier report by the relief agency.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "killed", 30).date == "2031-06-10"
    old = _get(claims, "killed", 90)
    assert old.date is None
    assert _date_how(old) == "earlier"


# -- an acronym spelled out in an unparsed sentence -------------------------------------

def test_a_spelled_out_acronym_names_its_source() -> None:
    src = Source(["the W.F.A.", "W.F.A"], False)
    out = date_sources_from_text(
        ["The World Farming Agency said on Tuesday that it had finished its count."],
        [src], "2031-06-12")
    assert out == [src]
    assert src.date == "2031-06-10"


def test_other_initials_do_not_name_the_acronym() -> None:
    src = Source(["WFA"], False)
    out = date_sources_from_text(
        ["The World Fishing Council said on Tuesday that it had finished its count."],
        [src], "2031-06-12")
    assert out == []
    assert src.date is None


# -- surnames ---------------------------------------------------------------------------

def test_a_surname_names_a_titled_person_the_memory_took_for_a_body() -> None:
    titled = Source(["Secretary of the Harbour Office Marta Quell"], False)
    assert same_body(titled, Source(["Quell"], True))
    assert same_body(Source(["Quell"], True), titled)


def test_a_surname_needs_a_person_on_one_side() -> None:
    assert not same_body(Source(["Office of the Harbour Quell"], False),
                         Source(["Quell"], False))


def test_a_ministry_of_a_country_contains_its_short_name() -> None:
    assert same_body(Source(["the Water Ministry of Lorrin"], False),
                     Source(["water ministry"], False))


# -- a dateline alone above the story ---------------------------------------------------

def test_a_dateline_alone_on_its_line_dates_the_paragraphs_under_it(claims_of: Run) -> None:
    text = ("Port toll rises\n"
            "Lisburg, 10 June 2031:\n"
            "The harbour militia says its fighters pushed into the old quarter. It put its "
            "losses at three dead.\n"
            "The city hospital reports that it received nine bodies during the day.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "killed", 3).date == "2031-06-10"
    hospital = _get(claims, "killed", 9)
    assert hospital.date == "2031-06-10"
    assert _date_how(hospital) == "dateline"


def test_a_dateline_opening_a_paragraph_dates_that_paragraph_only(claims_of: Run) -> None:
    text = ("Port toll rises\n"
            "LISBURG, June 10 (Wire) -- The harbour militia said three of its fighters "
            "were killed.\n"
            "The city hospital reports that it received nine bodies.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "killed", 3).date == "2031-06-10"
    assert _get(claims, "killed", 9).date is None


# -- a dated toll -----------------------------------------------------------------------

def test_a_figure_inside_a_dated_toll_takes_the_toll_s_day(claims_of: Run) -> None:
    text = ("The city hospital said on Thursday it had received 7 bodies. The figure is up "
            "from Monday's toll of four dead and 12 injured.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "killed", 7).date == "2031-06-12"
    for metric, value in (("killed", 4), ("injured", 12)):
        c = _get(claims, metric, value)
        assert c.date == "2031-06-09"
        assert _date_how(c) == "toll"


def test_an_own_voice_figure_in_a_dated_toll_stays_undated(claims_of: Run) -> None:
    text = "The storm season has been deadly. Monday's toll of four dead shocked the town."
    c = _get(claims_of(text, "2031-06-12"), "killed", 4)
    assert c.origin == []
    assert c.date is None


def test_ledger_leaves_a_source_first_dated_in_the_same_sentence() -> None:
    src = Source(["a state tabloid"], False)
    dated = Attribution(origin=list(src.names), origin_src=src, explicit=True,
                        date="2031-06-09", date_how="verb", at=300)
    undated = Attribution(origin=list(src.names), origin_src=src, explicit=True, at=300)
    before = Attribution(origin=list(src.names), origin_src=src, explicit=True, at=120)
    ledger = UndatedLedger()
    body = load_date_rules().lede_paragraphs
    ledger.note(before, body)
    ledger.note(undated, body)  # given before the dated one, in the same sentence
    src.date = "2031-06-09"
    ledger.started(dated)
    assert ledger.close([src]) == [before]
    assert undated.date_how is None


def test_a_day_after_a_span_preposition_dates_no_statement(claims_of: Run) -> None:
    text = ("After the July 30, 2029 raid on the depot, the rebels claimed they had killed "
            "39 soldiers.")
    c = _get(claims_of(text, "2031-08-12"), "killed", 39)
    assert c.date is None


def test_a_day_on_the_statement_still_dates_it_after_a_span(claims_of: Run) -> None:
    text = ("After the July 30, 2029 raid on the depot, the rebels claimed on Monday that "
            "they had killed 39 soldiers.")
    c = _get(claims_of(text, "2031-08-12"), "killed", 39)
    assert c.date == "2031-08-11"


def test_the_lede_takes_the_dateline_day_of_its_source_s_other_name(claims_of: Run) -> None:
    text = ("Quake toll rises to 80\n"
            "Another 12 were injured, the Ministry of Health said\n"
            "LISBURG, June 9 (Wire) -- The Health Ministry said 80 people were killed in "
            "the quake.")
    claims = claims_of(text, "2031-06-12")
    injured = _get(claims, "injured", 12)
    assert injured.date == "2031-06-09"
    assert _date_how(injured) == "dateline"


def test_a_lede_of_another_source_takes_no_dateline_day(claims_of: Run) -> None:
    text = ("Quake toll rises to 80\n"
            "Another 12 were injured, the Red Crescent said\n"
            "LISBURG, June 9 (Wire) -- The Health Ministry said 80 people were killed in "
            "the quake.")
    c = _get(claims_of(text, "2031-06-12"), "injured", 12)
    assert c.date is None
