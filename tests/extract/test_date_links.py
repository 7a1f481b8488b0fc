"""Names of one source tied for dates only, and days a statement takes from the sentence
before it (extract/date_links.py, data/date_links.yaml). Hand-written sentences only (none
from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.date_links import (
    ANAPHOR,
    REPLY,
    anaphoric_day,
    dateline_anchor,
    is_unnamed,
    linked,
    load_date_link_rules,
    occasion_bodies,
    reply_targets,
)
from tollwatch.extract.source_dates import same_body, share_dates
from tollwatch.extract.sources import Source
from tollwatch.model import Claim

from .claim_lookup import date_how as _date_how
from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]

# 2031-06-12 is a Thursday: "Tuesday" is the 10th, "Wednesday" the 11th


# -- the rules --------------------------------------------------------------------------

def test_occasion_bodies_reads_the_capitalised_body_before_the_occasion_noun() -> None:
    assert occasion_bodies("Colonel Vance told reporters at a Harbour Command news "
                           "conference.") == ["Harbour Command"]
    assert occasion_bodies("She spoke during the Relief Agency's press briefing.") == \
        ["Relief Agency"]
    assert occasion_bodies("He told reporters at a news conference.") == []
    assert occasion_bodies("He spoke at a crowded press conference.") == []


def test_reply_targets_reads_the_capitalised_name_answered() -> None:
    assert reply_targets("The minister, responding to Delacroix, told the chamber ...") == \
        ["Delacroix"]
    assert reply_targets("Replying to Senator Ina Holm, he said ...") == ["Senator Ina Holm"]
    assert reply_targets("The minister, responding to questions, said ...") == []


def test_anaphoric_day_takes_the_one_day_the_sentence_before_names() -> None:
    pub = "2031-06-12"
    before = "The agency last published its count on May 3."
    assert anaphoric_day("At that time, it said 40 were missing.", before, pub) == \
        "2031-05-03"
    assert anaphoric_day("It said 40 were missing.", before, pub) is None
    assert anaphoric_day("At the time, it said 40 were missing.",
                         "It reported on May 3 and again on May 9.", pub) is None
    assert anaphoric_day("At the time, it said 40 were missing.", "It said so.", pub) is None


def test_is_unnamed_wants_an_indefinite_description_and_no_name() -> None:
    assert is_unnamed(Source(names=["a Zorvian official", "Zorvian official"], person=True))
    assert is_unnamed(Source(names=["An army source"], person=True))
    assert not is_unnamed(Source(names=["the army source"], person=True))
    assert not is_unnamed(Source(names=["a Relief Agency official"], person=True))
    assert not is_unnamed(Source(names=["Ana Ruiz", "a senior official"], person=True))


def test_linked_names_share_a_day_through_share_dates() -> None:
    body = Source(names=["the Harbour Command"], person=False, date="2031-06-10")
    speaker = Source(names=["Colonel Ida Vance"], person=True)
    assert not same_body(speaker, body)
    speaker.date_links.append("Harbour Command")
    assert linked(speaker, body, same_body) and same_body(body, speaker)
    assert share_dates([body, speaker]) == [speaker]
    assert speaker.date == "2031-06-10"


def test_a_bad_rules_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "links.yaml"
    bad.write_text("occasions: [at]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="occasions must be a mapping"):
        load_date_link_rules(str(bad))
    bad.write_text("anaphoric_times: at that time\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="anaphoric_times must be a list"):
        load_date_link_rules(str(bad))


# -- whole documents ------------------------------------------------------------------

def test_a_speaker_at_a_bodys_news_conference_takes_the_bodys_day(claims_of: Run) -> None:
    text = ("Harbour Command says 900 evacuated\n"
            "About 900 people have been evacuated from the island, the Harbour Command said "
            "on Tuesday.\n"
            "Storms closed the port for a week.\n"
            "\"Another 350 residents were evacuated by ferry overnight,\" Colonel Ida Vance told "
            "reporters at a Harbour Command news conference.")
    claims = claims_of(text, "2031-06-12")
    ferry = _get(claims, "displaced", 350)
    assert "vance" in " | ".join(ferry.origin).lower()
    assert ferry.date == "2031-06-10"
    assert _date_how(ferry) == "source"


def test_a_speaker_at_an_unnamed_news_conference_takes_no_day(claims_of: Run) -> None:
    text = ("Harbour Command says 900 evacuated\n"
            "About 900 people have been evacuated from the island, the Harbour Command said "
            "on Tuesday.\n"
            "Storms closed the port for a week.\n"
            "\"Another 350 residents were evacuated by ferry overnight,\" Colonel Ida Vance told "
            "reporters at a news conference.")
    ferry = _get(claims_of(text, "2031-06-12"), "displaced", 350)
    assert ferry.date is None


def test_the_named_person_after_an_unnamed_official_is_that_official(claims_of: Run) -> None:
    text = ("Floods force thousands from homes\n"
            "A total of 5,200 villagers have been evacuated from the river valley, a Zorvian "
            "official said on Wednesday.\n"
            "Marta Kellner, head of the Civil Protection Office, said 3,100 villagers had "
            "been evacuated to 20 shelters.\n"
            "Rain is forecast for the rest of the week.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "displaced", 5200).date == "2031-06-11"
    part = _get(claims, "displaced", 3100)
    assert "kellner" in " | ".join(part.origin).lower()
    assert part.date == "2031-06-11"


def test_a_named_person_later_in_the_story_is_not_the_unnamed_official(
        claims_of: Run) -> None:
    text = ("Floods force thousands from homes\n"
            "A total of 5,200 villagers have been evacuated from the river valley, a Zorvian "
            "official said on Wednesday.\n"
            "Rain is forecast for the rest of the week.\n"
            "Marta Kellner, head of the Civil Protection Office, said 3,100 villagers had "
            "been evacuated to 20 shelters.")
    part = _get(claims_of(text, "2031-06-12"), "displaced", 3100)
    assert part.date is None


def test_at_that_time_takes_the_day_the_sentence_before_names(claims_of: Run) -> None:
    text = ("The ministry has rarely given its losses. It last did so on May 3. At that "
            "time, the ministry said that 420 soldiers had been killed.\n"
            "The Defence Ministry said on Tuesday that 600 soldiers had been killed.")
    claims = claims_of(text, "2031-06-12")
    old = _get(claims, "killed", 420)
    assert old.date == "2031-05-03"
    assert _date_how(old) == ANAPHOR
    assert _get(claims, "killed", 600).date == "2031-06-10"


def test_a_reply_takes_the_day_of_the_statement_answered(claims_of: Run) -> None:
    text = ("Assembly presses government on army losses\n"
            "Today, opposition deputy Karl Brenner told the assembly that 15 soldiers had "
            "died in the border clashes.\n"
            "The Minister of Defence, Lena Ostrova, while responding to Brenner, told the "
            "assembly that 9 soldiers had died in the clashes.\n"
            "Ostrova added that 4 soldiers were still missing.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "killed", 15).date == "2031-06-12"
    answer = _get(claims, "killed", 9)
    assert answer.date == "2031-06-12"
    assert _date_how(answer) == REPLY
    assert _get(claims, "missing", 4).date == "2031-06-12"


def test_an_intelligence_agency_takes_its_ministrys_day(claims_of: Run) -> None:
    text = ("The French Ministry of Defence said on Tuesday that 300 rebels had been "
            "captured near the border.\n"
            "{who} intelligence estimates that 1,200 rebels have been killed since the "
            "spring.")
    claims = claims_of(text.format(who="French"), "2031-06-12")
    assert _get(claims, "captured", 300).date == "2031-06-10"
    estimate = _get(claims, "killed", 1200)
    assert estimate.date == "2031-06-10"
    assert _date_how(estimate) == "source"
    # another country's intelligence is no organ of that ministry
    other = _get(claims_of(text.format(who="German"), "2031-06-12"), "killed", 1200)
    assert other.date is None


def test_a_statement_told_as_background_takes_no_day_from_its_source(claims_of: Run) -> None:
    text = ("The navy said on Tuesday that 14 sailors were missing after the storm.\n"
            "The navy has often revised its counts. After the May 2 collision when the navy "
            "said it had lost 9 sailors, relatives said 20 had died.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "missing", 14).date == "2031-06-10"
    old = _get(claims, "killed", 9)
    assert old.date is None
    assert _date_how(old) == "earlier"


def test_a_statement_after_a_framing_phrase_of_its_own_keeps_its_source_day(
        claims_of: Run) -> None:
    text = ("The navy said on Tuesday that 14 sailors were missing after the storm.\n"
            "After the storm, the navy said 9 sailors had been killed.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "killed", 9).date == "2031-06-10"


_GENERAL = ("Sea war has cost 40,000 lives\n"
            "General Ana Ruiz, the most senior US general, said on Tuesday that 40,000 sailors "
            "had been killed.\n"
            "The storm season is near.\n"
            "The {who} general also noted that 15,000 civilians had been injured.")


def test_one_country_under_two_spellings_is_one_source_for_dates(claims_of: Run) -> None:
    later = _get(claims_of(_GENERAL.format(who="American"), "2031-06-12"), "injured", 15000)
    assert later.date == "2031-06-10"
    assert _date_how(later) == "source"
    other = _get(claims_of(_GENERAL.format(who="French"), "2031-06-12"), "injured", 15000)
    assert other.date is None


def test_the_country_rewrites_fold_three_spellings_to_one() -> None:
    a = Source(names=["the United States Defense Department"], person=False)
    b = Source(names=["the U.S. Defense Department"], person=False)
    c = Source(names=["the American defense department"], person=False)
    assert same_body(a, b) and same_body(b, c) and same_body(a, c)


def test_dateline_anchor_counts_from_a_dateline_shortly_before_publication() -> None:
    assert dateline_anchor("2031-06-11", "2031-06-13") == "2031-06-11"
    assert dateline_anchor("2031-06-13", "2031-06-13") == "2031-06-13"
    assert dateline_anchor("2031-05-01", "2031-06-13") == "2031-06-13"  # too far back
    assert dateline_anchor("2031-06-14", "2031-06-13") == "2031-06-13"  # after publication
    assert dateline_anchor(None, "2031-06-13") == "2031-06-13"


def test_relative_days_under_a_wire_dateline_count_from_the_dateline(claims_of: Run) -> None:
    text = ("LISBURG, June 11 (Wire) -- The ministry said yesterday that 60 soldiers were "
            "killed, and the army said today that 30 rebels were captured.\n"
            "The port stayed closed.\n"
            "On Friday, the navy said 12 sailors were missing.")
    claims = claims_of(text, "2031-06-13")  # a Friday; the dateline is the Wednesday
    assert _get(claims, "killed", 60).date == "2031-06-10"
    assert _get(claims, "captured", 30).date == "2031-06-11"
    assert _get(claims, "missing", 12).date == "2031-06-13"  # past the dateline's paragraph


def test_a_named_resident_after_an_unnamed_official_is_someone_else(claims_of: Run) -> None:
    text = ("Floods force thousands from homes\n"
            "A total of 5,200 villagers have been evacuated from the river valley, a Zorvian "
            "official said on Wednesday.\n"
            "Marta Kellner, a farmer from the valley, said 3,100 villagers had been "
            "evacuated to 20 shelters.\n"
            "Rain is forecast for the rest of the week.")
    part = _get(claims_of(text, "2031-06-12"), "displaced", 3100)
    assert part.date is None


def test_a_reply_to_a_country_takes_no_day(claims_of: Run) -> None:
    text = ("Zorvia said on Tuesday that 40 of its soldiers had been captured.\n"
            "The rebel commander, responding to Zorvia, told reporters that 90 soldiers had "
            "been captured.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "captured", 40).date == "2031-06-10"
    assert _get(claims, "captured", 90).date is None


def test_occasion_bodies_reads_a_briefing_the_speaker_told() -> None:
    assert occasion_bodies("the colonel told a Harbour Command briefing.") == \
        ["Harbour Command"]


def test_a_director_of_an_agency_shares_days_with_its_ministry() -> None:
    ministry = Source(names=["the Defense Department"], person=False)
    director = Source(names=[("Lieutenant General Ana Ruiz, the director of the Defense "
                              "Intelligence Agency"), "Ana Ruiz"], person=True,
                      date="2031-06-10")
    assert share_dates([ministry, director]) == [ministry]
    assert ministry.date == "2031-06-10"
    gallery = Source(names=["General Ana Ruiz, the director of the National Gallery"],
                     person=True, date="2031-06-10")
    other = Source(names=["the Defense Department"], person=False)
    assert share_dates([other, gallery]) == []
    assert other.date is None


def test_a_hearing_dates_the_statement_made_at_it(claims_of: Run) -> None:
    text = ("General Ana Ruiz told the Senate committee at a hearing on Tuesday that 300 "
            "soldiers were missing.")
    assert _get(claims_of(text, "2031-06-12"), "missing", 300).date == "2031-06-10"


def test_at_the_time_of_the_figures_clause_is_no_statement_day(claims_of: Run) -> None:
    text = ("The base was attacked on May 3. The army said that 40 soldiers, who were at the "
            "time guarding the gate, had been killed.\n"
            "The army said on Tuesday that 12 rebels had been captured.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "killed", 40).date != "2031-05-03"
    text = ("The army last gave figures on May 3. The army said at the time that 40 soldiers "
            "had been killed.")
    assert _get(claims_of(text, "2031-06-12"), "killed", 40).date == "2031-05-03"


def test_the_same_day_is_the_day_its_sentence_names(claims_of: Callable[..., list[Claim]]) -> None:
    text = ("HARGEN – Five guards were killed on Sunday when gunmen stormed a depot near "
            "Orvel, the regional command said in a statement the same day.")
    c = _get(claims_of(text, "2031-05-08"), "killed", 5)
    assert c.date == "2031-05-04"


def test_at_the_time_after_an_event_day_names_no_statement_day(
        claims_of: Callable[..., list[Claim]]) -> None:
    text = ("On May 2, gunmen attacked a depot near Orvel, killing five guards, the regional "
            "command said at the time.")
    assert _get(claims_of(text, "2031-05-08"), "killed", 5).date is None
