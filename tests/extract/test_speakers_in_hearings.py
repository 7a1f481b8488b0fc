"""Speakers of hearings, rulings and field reports: titles cut short by a full stop, a name
the recognizer takes for a person's in a list of villages, a coroner introduced and then
named, findings "ruled" or "listed", a body whose name opens with a verb; and words that
state no number ("a few thousand", "every one") (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import by_value, date_how, figures, source_names

from tollwatch.extract.candidates import candidate_numbers
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.numbers import find_numbers
from tollwatch.extract.sentences import split_sentences
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize("text", [
    "Insp. Ola Dan said nine people died.",
    "Supt. Ola Dan and Hon. Ada Musa said nine people died.",
    "Lt. Col. Ola Dan said nine people died.",
])
def test_a_title_with_a_full_stop_ends_no_sentence(text: str) -> None:
    assert len(split_sentences(text)) == 1


def test_a_statement_of_a_titled_speaker_keeps_its_day(claims_of: Run) -> None:
    got = claims_of("In a statement on Wednesday, the command's spokesman, Insp. Ola Dan, "
                    "said 17 people were killed.", "2031-02-15")
    assert got[0].date == "2031-02-12"
    assert "ola dan" in source_names(got[0])


def test_a_title_alone_is_no_name_of_the_speaker(claims_of: Run) -> None:
    got = claims_of("Spokesman Col. Ivo Brand said 12 soldiers were wounded.")
    assert "Ivo Brand" in got[0].origin
    assert all(n.lower() not in ("spokesman", "spokesman col") for n in got[0].origin)


def test_he_is_the_speaker_not_a_village_in_his_list(claims_of: Run) -> None:
    """"Dan Tulu" of "stormed Kairo, Dan Tulu and Mai Sara villages" looks like a person's
    name; a list of places is no one "he" refers to."""
    text = ("In a statement on Wednesday, the command's spokesman, DSP Yusuf Abara, said the "
            "gunmen stormed Kairo, Dan Tulu and Mai Sara villages at about 11pm on Tuesday.\n"
            "He said eight of the victims were killed in Kairo and six in Dan Tulu.")
    got = by_value(claims_of(text, "2031-02-15"))
    for v in (8, 6):
        assert "abara" in source_names(got[v])
        assert "dan tulu" not in source_names(got[v])
        assert got[v].date == "2031-02-12"


@pytest.mark.parametrize("text", [
    "Two of our gallant soldiers paid the supreme price, the army said.",
    "Two marines made the ultimate sacrifice in the raid, officials said.",
])
def test_dying_in_service_is_killed(claims_of: Run, text: str) -> None:
    assert figures(claims_of(text)) == [("killed", 2)]


def test_a_coroner_who_ruled_and_then_is_named_is_one_source(claims_of: Run) -> None:
    text = ("BELFAST - Nine people were unlawfully killed in the bombing, a coroner ruled on "
            "Tuesday.\nDelivering her findings, Coroner Ana Byrne said a further 31 people "
            "were injured.")
    got = by_value(claims_of(text, "2031-05-21"))
    assert "coroner" in source_names(got[9])
    assert got[9].date == "2031-05-20"
    assert "ana byrne" in source_names(got[31])
    assert got[31].date == "2031-05-20"
    assert date_how(got[31]) == "source"


def test_a_prosecutor_introduced_then_named_by_apposition(claims_of: Run) -> None:
    text = ("A military prosecutor told the court on Monday that soldiers killed 21 "
            "villagers.\nLieutenant-Colonel Paul Essa, the prosecutor, said the army had sent "
            "17 soldiers into the village.")
    got = by_value(claims_of(text, "2031-01-30"))
    assert "prosecutor" in source_names(got[17])
    assert got[17].date == got[21].date == "2031-01-27"


@pytest.mark.parametrize(("text", "value", "source"), [
    (("The platform puts the number of disappeared at 6,000, while the Red Cross listed "
     "1,386 people as missing in 2008."), 1386, "red cross"),
    (("Federal prosecutors have charged the officer with complicity in the torture of at "
     "least 3,300 detainees."), 3300, "prosecutors"),
    (("Save the Children said in a report that the insurgents had abducted at least 120 "
     "children."), 120, "save the children"),
])
def test_sources_by_listing_charging_and_a_verb_shaped_name(claims_of: Run, text: str,
                                                            value: int, source: str) -> None:
    assert source in source_names(by_value(claims_of(text))[value])


@pytest.mark.parametrize("text", [
    "Those who left the camp numbered a few thousand at most.",
    "Several hundred people fled the shelling.",
    "Many thousand residents were displaced.",
])
def test_vague_quantities_state_no_number(text: str) -> None:
    assert find_numbers(text) == []


def test_a_thousand_is_still_a_number() -> None:
    assert [m.value for m in find_numbers("A thousand people fled the shelling.")] == [1000]


@pytest.mark.parametrize("text", [
    '"Every one of those casualties was a combatant," he said.',
    "No one was hurt in the blast, police said.",
    "Boys as young as 12 were forced to fight, the charity said.",
    "Shelling of the market and two displacement sites killed many, the agency said.",
])
def test_no_count_in_these(claims_of: Run, text: str) -> None:
    assert claims_of(text) == []


def test_an_answer_mark_is_no_part_of_the_source(claims_of: Run) -> None:
    text = ("Q: How many have died?\nA: The Zorvian Defence Force (ZDF) said on Monday that "
            "it had killed 1,210 militiamen and detained 980 others.")
    got = by_value(claims_of(text, "2031-09-12"))
    for v in (1210, 980):
        assert "ZDF" in got[v].origin
        assert got[v].date == "2031-09-08"


def test_a_figure_a_body_owns_names_it(claims_of: Run) -> None:
    got = claims_of("In August, the ministry's figure for soldiers killed stood at 187.")
    assert "ministry" in source_names(got[0])
    assert (got[0].attribution or {}).get("how") == "possessive"


def test_auxiliaries_mobilised_are_deployed(claims_of: Run) -> None:
    got = claims_of("The government said it had mobilised 5,000 more auxiliaries.")
    assert figures(got) == [("deployed", 5000)]


def test_a_headline_tag_that_tells_someone(claims_of: Run) -> None:
    text = ("Kidnappings rose to 1,340 last year - police chief tells Senate\n"
            "Gangs kidnapped 1,340 people in 2030, a senior police officer told a Senate "
            "committee on Tuesday.")
    got = claims_of(text, "2031-02-21")
    assert got[0].origin[0] == "police chief"


_HEARING = ("Gangs kidnapped 1,340 people in 2030, a senior police officer told a Senate "
            "committee on Tuesday.\n"
            "Deputy Inspector-General Sani Dabo told the committee that 212 of those taken "
            "were still held.\n"
            "Police had arrested 487 suspected kidnappers over the same period, he said.\n"
            "At Tuesday's hearing, Dabo also rejected a tally of 3,500 kidnappings.")


def test_statements_between_two_of_one_day_share_it(claims_of: Run) -> None:
    got = by_value(claims_of(_HEARING, "2031-02-21"))
    assert got[212].date == got[487].date == "2031-02-18"
    assert date_how(got[487]) == "source"


def test_a_statement_placed_at_another_time_stays_undated(claims_of: Run) -> None:
    text = _HEARING.replace("over the same period, he said.",
                            "over the same period, he said at the time.")
    got = by_value(claims_of(text, "2031-02-21"))
    assert got[487].date is None


def test_a_name_the_parser_split_into_subjects_is_one_source(claims_of: Run) -> None:
    got = claims_of("The Qalat-linked Jama'at Nasr al-Din wal-Ansar (JNA) claimed the attack, "
                    "saying its fighters had killed more than 300 soldiers.")
    assert any("wal-Ansar" in n for n in got[0].origin)


@pytest.mark.parametrize(("text", "kept"), [
    ("He denied that 170 soldiers of Light Infantry Battalion 550 had surrendered.", [170]),
    ("Men of Regiment 4 and Squadron 9 said 30 fighters died.", [30]),
])
def test_a_unit_number_is_no_count(text: str, kept: list[int]) -> None:
    assert [n.value for n in candidate_numbers(text, find_numbers(text), load_lexicon())] \
        == kept


def test_a_source_named_by_an_acronym_the_text_defined(claims_of: Run) -> None:
    """The acronym was defined where the body was no source ("clashes with the Tarsa
    Liberation Army (TLA)"); "The TLA said" later gets the full name too."""
    text = ("At least 40 people were killed in clashes between troops and the Tarsa "
            "Liberation Army (TLA), a monitor said on Tuesday.\n"
            "The TLA, in a statement on its website, said its fighters had killed 60 "
            "soldiers.")
    got = by_value(claims_of(text, "2031-06-04"))
    assert "Tarsa Liberation Army" in got[60].origin
    assert "TLA" in got[60].origin


def test_a_part_of_the_counted_is_no_second_subject(claims_of: Run) -> None:
    got = claims_of("At least 9,000 people remain missing, most of them in state prisons, the "
                    "Documentation Centre for Civil Rights (DCCR) said on Tuesday.", "2031-02-28")
    assert "DCCR" in got[0].origin
    assert not any("most" in n for n in got[0].origin)


def test_where_a_body_is_based_is_no_name_of_it(claims_of: Run) -> None:
    got = claims_of("The UK-based centre said it had documented the arrest of 2,310 people.")
    assert "UK" not in got[0].origin


def test_a_body_introduced_by_its_country_then_named(claims_of: Run) -> None:
    text = ("A Malian monitoring group said on Monday that air raids had killed nearly 8,900 "
            "civilians.\nThe Sahel Air Raid Register (SARR), which compiles its data from field "
            "researchers, said 2,760 of the dead were children.")
    got = by_value(claims_of(text, "2031-02-28"))
    assert "SARR" in got[2760].origin
    assert "monitoring group" in source_names(got[2760])
    assert got[2760].date == got[8900].date == "2031-02-24"


def test_according_to_him_is_the_speaker_before(claims_of: Run) -> None:
    got = by_value(claims_of("The admiral said 40 soldiers were killed. According to him, 12 "
                             "others were wounded."))
    assert "admiral" in source_names(got[12])
    assert "him" not in [n.lower() for n in got[12].origin]


def test_an_unresolved_him_is_no_source(claims_of: Run) -> None:
    got = claims_of("According to him, 12 others were wounded.")
    assert got[0].origin == []


def test_a_long_title_before_told(claims_of: Run) -> None:
    got = claims_of("Three soldiers were killed when militants attacked army posts near Kafr "
                    "Tal, Deputy Head of the Zorvian Centre for Reconciliation of Opposing Sides "
                    "in Syria Rear Admiral Ivan Sokol told a briefing.")
    assert "ivan sokol" in source_names(got[0])


def test_parts_of_a_count_of_attacks_are_no_people(claims_of: Run) -> None:
    text = ("Five soldiers were wounded.\n\"Over the past day, 11 shelling attacks were "
            "registered, including five in Latakia province and four in Aleppo province,\" "
            "he said.")
    assert figures(claims_of(text)) == [("injured", 5)]


def test_the_centre_is_the_centre_for_something(claims_of: Run) -> None:
    text = ("The Zorvian Centre for Reconciliation said 30 soldiers were killed.\n"
            "The centre also said about 7,500 refugees remained in the camp.")
    got = by_value(claims_of(text))
    assert "zorvian centre for reconciliation" in source_names(got[7500])


def test_a_report_denied_is_no_origin_the_denier_goes_on_relaying(claims_of: Run) -> None:
    text = ("Colonel Ivo Brand said 30 soldiers were killed. He dismissed as staged a report by "
            "the Civil Defence Network that 14 civilians had died.\n"
            "He also said about 7,500 refugees remained in the camp.")
    got = by_value(claims_of(text))
    assert got[14].stance == "denied"
    assert "civil defence network" not in source_names(got[7500])
    assert "ivo brand" in source_names(got[7500])


def test_according_to_the_reports_breakdown_is_the_reports_source(claims_of: Run) -> None:
    text = ("Air strikes killed at least 1,032 civilians last year, the Airstrike Accountability "
            "Project (AAP) said in its annual report.\n"
            "The north accounted for the largest share, with 318 civilians killed, according "
            "to the report's breakdown.")
    got = by_value(claims_of(text))
    assert "AAP" in got[318].origin


def test_an_acronym_is_no_part_of_a_hyphened_word(claims_of: Run) -> None:
    text = ("The Independent Panel on Libya, a UN-backed body, said 300 people were killed.\n"
            "Some 16,000 residents fled the town in 2020, according to the UN.")
    got = by_value(claims_of(text))
    assert "UN" in got[16000].origin
    assert "panel" not in source_names(got[16000])


def test_a_body_of_a_place_the_recognizer_took_for_a_person_is_it(claims_of: Run) -> None:
    """"Taiz" of "Taiz's local authority" may be tagged a person; the phrase is a body, so
    "it" later refers to it."""
    text = ("Taiz's local authority has repeatedly accused the militia of targeting children. "
            "In a statement on Monday, it said 31 civilians had been killed in the city.")
    got = claims_of(text, "2031-08-27")
    assert "local authority" in source_names(got[0])
    assert got[0].date == "2031-08-25"
