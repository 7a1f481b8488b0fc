"""The origin model: fragments, unnamed sources, documents, spokespersons, a side's voice,
restatements and parts (sentences written for these tests)."""

from __future__ import annotations

import pytest
from tests.reconcile.conftest import report

from tollwatch.reconcile.names import Names
from tollwatch.reconcile.rules import default_rules
from tollwatch.reconcile.underlying import underlying_claims
from tollwatch.reconcile.updates import SeriesKey

RULES = default_rules()


@pytest.mark.parametrize("name", [
    'the ministry said 498 soldiers had died in the first week',
    'the "nationalists" of the eastern towns',
    "a long string of words that runs on and on well past any sensible name of a body at all",
])
def test_fragments_are_no_names(name: str) -> None:
    assert RULES.is_fragment(name)


@pytest.mark.parametrize("name", ["Ministry of Defence", "Mediazona and BBC Russian",
                                  "General Staff of the Armed Forces of Ukraine", "Amina Diallo"])
def test_names_are_not_fragments(name: str) -> None:
    assert not RULES.is_fragment(name)


@pytest.mark.parametrize("name", ["an official", "a senior NATO official", "two diplomats",
                                  "intelligence authorities", "officials", "Russian officials",
                                  "a source close to the ministry"])
def test_unnamed_sources(name: str) -> None:
    assert RULES.is_unnamed(name)


@pytest.mark.parametrize("name", ["NATO", "Ministry of Defence (Russia)", "Sergei Volkov",
                                  "the ministry", "UNHCR"])
def test_named_sources(name: str) -> None:
    assert not RULES.is_unnamed(name)


def test_a_document_stands_for_its_issuer() -> None:
    assert RULES.body_of_document("A declassified US intelligence report") == "US intelligence"
    assert RULES.body_of_document("the latest UK defence intelligence update") == \
        "UK defence intelligence"
    assert RULES.body_of_document("Ministry of Defence") is None


def test_a_spokesperson_speaks_for_the_body() -> None:
    assert RULES.voice_body("the ministry's spokesman Pavel Orlov") == "the ministry"
    assert RULES.voice_body("Pavel Orlov, spokesman for the Defence Ministry") == \
        "the Defence Ministry"
    assert RULES.voice_body("Defence Ministry spokeswoman Irina Lenko") == "Defence Ministry"
    assert RULES.voice_body("Pavel Orlov") is None


def test_restatements_and_parts() -> None:
    assert RULES.restates("The agency has said that 300 fighters died.")
    assert RULES.restates("It previously claimed 300 fighters were killed.")
    assert not RULES.restates("The agency said on Monday that 300 fighters died.")
    assert RULES.part_of("soldiers of an elite unit") is not None
    assert RULES.part_of("troops in one region") is not None
    assert RULES.part_of("North Korean soldiers") is None


def test_well_known_bodies_under_many_names(names: Names) -> None:
    assert names.source("MI6") == names.source("Secret Intelligence Service") == \
        "Secret Intelligence Service (United Kingdom)"
    assert names.source("Britain's spy agency") == "Secret Intelligence Service (United Kingdom)"
    assert names.source("Revolutionary Guards") == names.source("IRGC")
    assert names.source("UN nuclear watchdog") == "IAEA"


def test_a_fragment_never_becomes_an_origin(names: Names) -> None:
    r = report("f1", "killed", 40, origin=['the army said "40 rebels" died near the river'],
               outlet="River Post", quote="The army said 40 rebels died near the river.")
    (c,) = underlying_claims([r], names=names)
    assert c.origin == "River Post" and c.own_voice


def test_unnamed_source_stays_apart_from_the_named_body(names: Names) -> None:
    named = report("u1", "killed", 120, origin=["NATO"], claim_id=1, date="2031-03-01")
    unnamed = report("u2", "killed", 120, origin=["a senior NATO official"], claim_id=2,
                     date="2031-03-01")
    claims = underlying_claims([named, unnamed], names=names)
    assert sorted((c.origin, c.unnamed) for c in claims) == [
        ("NATO", False), ("a senior NATO official", True)]


def test_the_ministry_spokesman_is_the_ministry(names: Names) -> None:
    a = report("s1", "killed", 75, origin=["Russia's defence ministry"], claim_id=1,
               date="2031-03-01", actor="Ukraine")
    b = report("s2", "killed", 75, origin=["the Russian Defence Ministry's spokesman Pavel Orlov"],
               claim_id=2, date="2031-03-02", actor="Ukraine")
    (c,) = underlying_claims([a, b], names=names)
    assert c.origin == "Ministry of Defence (Russia)" and len(c.reports) == 2


def test_a_bare_ministry_is_the_one_the_article_names(names: Names) -> None:
    a = report("d1", "injured", 310, origin=["Russia's defence ministry"], claim_id=1,
               actor="Ukraine", quote="Russia's defence ministry said 310 were injured.")
    b = report("d1", "killed", 90, origin=["the ministry"], claim_id=2, actor="Ukraine",
               quote="The ministry also said 90 had died.")
    claims = underlying_claims([a, b], names=names)
    assert {c.origin for c in claims} == {"Ministry of Defence (Russia)"}


def test_a_country_name_is_its_body_s_voice(names: Names) -> None:
    body = report("v1", "killed", 498, origin=["Russia's defence ministry"], claim_id=1,
                  date="2031-03-02", published="2031-03-02", actor="Russia",
                  quote="Russia's defence ministry said 498 of its soldiers had died.")
    country = report("v2", "killed", 498, origin=["Russia"], claim_id=2, date="2031-03-02",
                     published="2031-03-20", actor="Russia",
                     quote="Russia has not updated the figure since it said 498 of its "
                           "soldiers had died.")
    (c,) = underlying_claims([body, country], names=names)
    assert c.origin == "Ministry of Defence (Russia)" and c.date == "2031-03-02"
    assert "Russia" in c.aliases
    assert "own voice" in c.reports[1].reason


def test_a_restatement_weeks_later_is_the_same_claim(names: Names) -> None:
    first = report("r1", "killed", 1200, origin=["General Staff of Ukraine"], claim_id=1,
                   date="2031-01-05", published="2031-01-05", actor="Russia")
    later = report("r2", "killed", 1200, origin=["General Staff of Ukraine"], claim_id=2,
                   date="2031-02-20", published="2031-02-20", actor="Russia",
                   quote="The General Staff has said that 1,200 Russian troops were killed.")
    (c,) = underlying_claims([first, later], names=names)
    assert c.date == "2031-01-05" and [r.doc_id for r in c.reports] == ["r1", "r2"]
    assert "restates" in c.reports[1].reason


def test_a_part_is_not_an_update_of_the_whole(names: Names) -> None:
    whole = report("p1", "killed", 5000, origin=["UK Ministry of Defence"], claim_id=1,
                   date="2031-01-05", actor="Russia", subject="Russian soldiers")
    part = report("p2", "killed", 300, origin=["UK Ministry of Defence"], claim_id=2,
                  date="2031-02-05", actor="Russia", subject="soldiers of an elite unit")
    update = report("p3", "killed", 6000, origin=["UK Ministry of Defence"], claim_id=3,
                    date="2031-03-05", actor="Russia", subject="Russian soldiers")
    claims = {c.value: c for c in underlying_claims([whole, part, update], names=names)}
    assert claims[300].kind == "first" and claims[300].part is not None
    assert claims[6000].kind == "update" and claims[6000].revises == claims[5000].id
    assert "revises 5,000" in claims[6000].reason
    assert claims[300].series != claims[5000].series
    assert claims[6000].series == SeriesKey("Russia", "killed", claims[5000].origin_key, None)
