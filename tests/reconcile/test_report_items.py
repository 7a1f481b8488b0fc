"""Reports as items (reconcile/report_items.py): names through the origin model before origins
are grouped. Sentences and names are invented for these tests."""

from __future__ import annotations

from datetime import date as Date

from tests.reconcile.conftest import report

from tollwatch.reconcile.names import Names
from tollwatch.reconcile.origins import resolve_origins
from tollwatch.reconcile.report_items import (
    bare_body,
    parse_date,
    prepare_items,
    primary_first,
    quote_key,
)
from tollwatch.reconcile.rules import default_rules


def test_parse_date_reads_days_and_refuses_what_is_no_day() -> None:
    assert parse_date("2031-03-02") == Date(2031, 3, 2)
    assert parse_date("2031-03-02T10:15:00Z") == Date(2031, 3, 2)
    assert parse_date(None) is None
    assert parse_date("") is None
    assert parse_date("last Tuesday") is None


def test_quote_key_ignores_case_accents_and_punctuation() -> None:
    a = quote_key("Shelling killed 12 people in São Tomé, officials said.")
    b = quote_key("shelling KILLED 12 people in Sao Tome -- officials said")
    assert a == b
    assert quote_key("Shelling killed 13 people.") != quote_key("Shelling killed 12 people.")


def test_a_report_with_no_source_is_the_outlet_s_own_voice(names: Names) -> None:
    r = report("d1", "killed", 40, origin=[], outlet="Harbour Gazette",
               quote="Forty people were killed when the bridge collapsed.")
    (it,) = prepare_items([r], names)
    assert it.own_voice and it.names == []
    assert it.dated is False and it.date == Date(2031, 3, 2)  # the publication day


def test_a_stated_day_is_kept_apart_from_the_publication_day(names: Names) -> None:
    r = report("d1", "killed", 40, origin=["the fire brigade"], date="2031-02-27",
               quote="The fire brigade said on Thursday that 40 people died.")
    (it,) = prepare_items([r], names)
    assert it.dated is True and it.date == Date(2031, 2, 27)
    assert not it.own_voice


def test_a_speaker_stands_in_when_the_claim_names_no_origin(names: Names) -> None:
    r = report("d1", "injured", 9, origin=[], speaker=["Mayor Lena Ortiz"],
               quote="Nine people were hurt, Mayor Lena Ortiz said.")
    (it,) = prepare_items([r], names)
    assert not it.own_voice
    assert "Mayor Lena Ortiz" in " ".join(it.names)
    assert "Mayor Lena Ortiz" in it.written


def test_copies_of_one_sentence_share_the_named_origin(names: Names) -> None:
    quote = "At least 31 villagers were killed in the raid, the provincial governor said."
    named = report("wire-1", "killed", 31, origin=["the provincial governor"], quote=quote,
                   outlet="Wire One", claim_id=1)
    copy = report("paper-2", "killed", 31, origin=[], quote=quote, outlet="Paper Two",
                  claim_id=2)
    items = prepare_items([named, copy], names)
    assert items[1].own_voice is False
    assert items[1].names == items[0].names
    origins = resolve_origins(items, names)
    assert items[0].origin_key == items[1].origin_key
    assert origins[items[0].origin_key].display != "Paper Two"


def test_one_source_listed_under_two_names_is_one_origin(names: Names) -> None:
    a = report("d1", "killed", 12, origin=["Coastal Rescue Service", "CRS"], claim_id=1,
               quote="The Coastal Rescue Service (CRS) said 12 people drowned.")
    b = report("d2", "killed", 14, origin=["CRS"], claim_id=2,
               quote="The CRS said 14 people drowned.")
    items = prepare_items([a, b], names)
    resolve_origins(items, names)
    assert items[0].origin_key == items[1].origin_key


def test_an_unnamed_source_never_merges_with_a_named_body(names: Names) -> None:
    a = report("d1", "killed", 12, origin=["an official"], claim_id=1,
               quote="An official said 12 people died.")
    b = report("d2", "killed", 12, origin=["the Interior Ministry"], claim_id=2,
               quote="The Interior Ministry said 12 people died.")
    items = prepare_items([a, b], names)
    origins = resolve_origins(items, names)
    assert items[0].origin_key != items[1].origin_key
    assert origins[items[0].origin_key].unnamed is True
    assert origins[items[1].origin_key].unnamed is False


def test_primary_first_puts_a_specific_name_before_a_generic_one(names: Names) -> None:
    rules = default_rules()
    ordered = primary_first(["the ministry", "Ministry of Water Affairs"], names, rules)
    assert sorted(ordered) == sorted(["the ministry", "Ministry of Water Affairs"])
    assert ordered[0] == "Ministry of Water Affairs"


def test_bare_body_tells_a_bare_noun_from_a_name(names: Names) -> None:
    assert bare_body("the ministry", names)
    assert not bare_body("Ministry of Water Affairs", names)
