"""The document-level statements stage, on hand-written articles (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.model import Claim

from .claim_lookup import get_claim as _get
from .claim_lookup import source_names as _names

Run = Callable[..., list[Claim]]


def test_a_sentence_that_carries_the_report_on_takes_its_source_and_date(claims_of: Run) -> None:
    text = ("Floodwater rose across the valley on Sunday.\n"
            "The Provincial Relief Office said on Tuesday that 48 villagers were killed in "
            "the landslides. Among the dead were 11 children.")
    claims = claims_of(text, "2031-03-13")
    kids = _get(claims, "killed", 11)
    assert "provincial relief office" in _names(kids)
    assert kids.date == "2031-03-11"
    assert kids.attribution is not None and kids.attribution["how"] == "continued"
    first = _get(claims, "killed", 48)
    assert kids.attribution["from"] == text.index("The Provincial")
    assert first.attribution is not None and first.attribution["how"] == "verb"


def test_a_new_paragraph_without_a_cue_is_the_article_s_own_voice(claims_of: Run) -> None:
    text = ("The harbour authority said 30 sailors were wounded in the blast.\n"
            "In a similar attack two years earlier, 14 dockworkers were killed.")
    claims = claims_of(text, "2031-05-02")
    old = _get(claims, "killed", 14)
    assert old.origin == [] and old.speaker == [] and old.date is None
    assert old.attribution == {"how": "own_voice"}


def test_a_pointing_back_start_carries_into_the_next_paragraph(claims_of: Run) -> None:
    text = ("The Coastal Watch Network said on Friday that 62 fishermen were detained by "
            "the navy.\n"
            "Of those, 19 were detained near the northern cape.")
    claims = claims_of(text, "2031-07-05")
    cape = _get(claims, "detained", 19)
    assert "coastal watch network" in _names(cape)
    assert cape.date == "2031-07-04"


def test_it_and_the_group_resolve_to_the_body_named_before(claims_of: Run) -> None:
    text = ("The Valley Rights Collective (VRC) published its monthly tally on Monday.\n"
            "The group said 27 farmers were abducted in March. It added that 9 herders "
            "were killed.")
    claims = claims_of(text, "2031-04-09")
    for c in (_get(claims, "abducted", 27), _get(claims, "killed", 9)):
        names = _names(c)
        assert "valley rights collective" in names or "vrc" in names, names


def test_headline_source_after_a_dash(claims_of: Run) -> None:
    text = ("Mortar fire kills 12 in hill town - governor\n"
            "Twelve people died when shells hit the market of the hill town, the town's "
            "doctors told reporters.")
    c = _get(claims_of(text, "2031-02-02"), "killed", 12)
    assert "governor" in _names(c)
    assert c.attribution is not None and c.attribution["how"] == "headline"


def test_headline_source_before_a_colon(claims_of: Run) -> None:
    text = "Observatory: 35 militiamen killed in a week of clashes\nThe clashes went on."
    c = _get(claims_of(text, "2031-02-02"), "killed", 35)
    assert "observatory" in _names(c)


def test_a_place_before_a_colon_is_no_source(claims_of: Run) -> None:
    text = "Nigeria: 35 villagers killed in a raid on a market\nThe raid began at dawn."
    c = _get(claims_of(text, "2031-02-02"), "killed", 35)
    assert c.origin == [] and c.speaker == []


def test_headline_figure_repeated_in_the_body_is_one_claim_with_the_body_s_source(
        claims_of: Run) -> None:
    text = ("Raid on border post leaves 17 guards dead\n"
            "Seventeen border guards were killed in the overnight raid, the interior "
            "ministry said on Wednesday.")
    claims = claims_of(text, "2031-06-12")
    dead = [c for c in claims if c.metric == "killed" and c.value == 17]
    assert len(dead) == 1
    assert "interior ministry" in _names(dead[0])
    assert dead[0].date == "2031-06-11"
    assert dead[0].quote.startswith("Raid on border post")


def test_headline_short_form_takes_the_body_s_fuller_name_and_date(claims_of: Run) -> None:
    text = ("20 hostages freed in desert rescue: PM\n"
            "Prime Minister Arlo Vennick said on Monday that commandos freed 20 hostages "
            "held at the gas plant.")
    claims = claims_of(text, "2031-08-20")
    freed = [c for c in claims if c.value == 20]
    assert freed
    names = _names(freed[0])
    assert "pm" in names and "vennick" in names


def test_today_dates_a_statement_on_the_publication_day(claims_of: Run) -> None:
    text = "The district coroner said this morning that 8 miners were killed in the blast."
    c = _get(claims_of(text, "2031-09-14"), "killed", 8)
    assert c.date == "2031-09-14"
    # the day hangs on the reporting verb, as in "said today"
    assert c.attribution is not None and c.attribution["date_how"] == "verb"
    text = "\"We found 8 miners dead,\" the coroner told the crowd outside this morning."
    c = _get(claims_of(text, "2031-09-14"), "killed", 8)
    assert c.date == "2031-09-14"


def test_a_wire_dateline_dates_its_paragraph(claims_of: Run) -> None:
    text = ("Gunmen attack a convoy\n"
            "PORTVALE, May 3 (Wire) -- The regional police said 6 drivers were kidnapped "
            "on the highway.")
    c = _get(claims_of(text, "2031-05-04"), "abducted", 6)
    assert c.date == "2031-05-03"
    assert c.attribution is not None and c.attribution["date_how"] == "dateline"


def test_the_event_day_is_not_the_statement_day(claims_of: Run) -> None:
    text = "Air strikes on Saturday killed 33 people, the health ministry said."
    c = _get(claims_of(text, "2031-01-08"), "killed", 33)
    assert c.date is None
    assert "health ministry" in _names(c)


def test_claimed_responsibility_states_no_figures(claims_of: Run) -> None:
    text = ("The Black Ridge Front claimed responsibility for the ambush.\n"
            "At least 9 soldiers were killed, residents said later.\n"
            "Eleven officers were killed in a separate attack in 2029.")
    claims = claims_of(text, "2031-01-08")
    old = _get(claims, "killed", 11)
    assert "black ridge" not in _names(old)


def test_quoted_speech_that_goes_on_keeps_its_speaker(claims_of: Run) -> None:
    text = ("“We found the village empty. Then we counted 41 bodies in the square,” said "
            "Mirela Dost, a local aid coordinator.")
    c = _get(claims_of(text, "2031-10-10"), "killed", 41)
    assert "mirela dost" in _names(c)


def test_confidence_reflects_how_the_source_was_found(claims_of: Run) -> None:
    text = ("The Provincial Relief Office said 48 villagers were killed in the landslides. "
            "Among the dead were 11 children.")
    claims = claims_of(text, "2031-03-13")
    assert _get(claims, "killed", 11).confidence < _get(claims, "killed", 48).confidence


def test_a_statement_about_this_governs_the_figures_before_it(claims_of: Run) -> None:
    text = ("Patrols have detained 31 smugglers in the eastern hills this month.\n"
            "Colonel Rhea Marlow made this known at a news briefing on Thursday.")
    c = _get(claims_of(text, "2031-11-08"), "detained", 31)
    assert "rhea marlow" in _names(c)
    assert c.date == "2031-11-06"
    assert c.attribution is not None and c.attribution["how"] == "backward"
    assert c.attribution["from"] == text.index("Colonel")


def test_a_report_of_this_by_any_reporting_verb_points_back(claims_of: Run) -> None:
    # "reported this", "confirmed these": the planner reads the sentence after the figure
    text = ("Floods have displaced 4,200 residents along the southern delta this week.\n"
            "Governor Ilse Varga reported this on her official channel on Tuesday.")
    c = _get(claims_of(text, "2031-11-08"), "displaced", 4200)
    assert "ilse varga" in _names(c)
    assert c.date == "2031-11-04"
    assert c.attribution is not None and c.attribution["how"] == "backward"
    text = ("Guards have detained 27 escaped inmates near the border crossing.\n"
            "The prison service confirmed these numbers in a statement on Tuesday.")
    c = _get(claims_of(text, "2031-11-08"), "detained", 27)
    assert "prison service" in _names(c)


def test_a_later_statement_about_something_else_leaves_the_own_voice(claims_of: Run) -> None:
    text = ("Patrols have detained 31 smugglers in the eastern hills this month.\n"
            "Colonel Rhea Marlow said the roads would reopen on Thursday.")
    c = _get(claims_of(text, "2031-11-08"), "detained", 31)
    assert c.origin == [] and c.attribution == {"how": "own_voice"}


def test_a_quote_repeating_a_sourced_figure_is_no_new_claim(claims_of: Run) -> None:
    text = ("The fire brigade said 16 workers were killed in the depot blast.\n"
            "Rescuers searched the ruins through the night.\n"
            "“Sixteen workers were killed, and the depot was destroyed.")
    dead = [c for c in claims_of(text, "2031-11-08") if c.metric == "killed" and c.value == 16]
    assert len(dead) == 1 and "fire brigade" in _names(dead[0])


def test_quoted_speech_running_over_paragraphs_keeps_its_speaker(claims_of: Run) -> None:
    text = ("Major Ines Corvo told reporters on Monday: “The patrol came under fire at dawn.\n"
            "“Our units held the ridge for six hours.\n"
            "“By noon we had lost 7 soldiers, and the enemy had withdrawn.”\n"
            "The ridge lies near the border.")
    c = _get(claims_of(text, "2031-12-03"), "killed", 7)  # "lost" soldiers are dead
    assert "ines corvo" in _names(c)
    assert c.date == "2031-12-01"


def test_the_article_s_own_later_figure_stays_a_claim(claims_of: Run) -> None:
    text = ("The fire brigade said 16 workers were killed in the depot blast.\n"
            "Rescuers searched the ruins through the night.\n"
            "In a fire at the same depot in 2028, 16 workers were killed.")
    dead = [c for c in claims_of(text, "2031-11-08") if c.metric == "killed" and c.value == 16]
    assert len(dead) == 2 and dead[1].origin == []



def test_hearsay_in_the_next_paragraph_goes_on_with_the_report(claims_of: Run) -> None:
    text = ("A farmer in Tula said gunmen killed nine villagers on Tuesday night.\n"
            "The gunmen were also said to have abducted three women from the village.")
    c = _get(claims_of(text), "abducted", 3)
    assert "farmer in tula" in _names(c)
    assert c.attribution is not None and c.attribution["how"] == "continued"
    plain = text.replace("were also said to have abducted", "abducted")
    assert _get(claims_of(plain), "abducted", 3).origin == []


def test_a_report_carried_on_paragraph_after_paragraph_by_cues(claims_of: Run) -> None:
    text = ("Losses estimated\n"
            "The Defence Analysis Bureau said on Monday that the northern army likely lost "
            "about 900 soldiers in the spring.\n"
            "Therefore, overall, the northern army has likely lost about 2,100 soldiers "
            "this year.\n"
            "The median of the range is 2,300 soldiers killed.\n"
            "Elsewhere, 40 farmers were killed in floods last year.")
    claims = claims_of(text, "2031-09-03")
    median = next(c for c in claims if c.value == 2300)
    assert "defence analysis bureau" in _names(median)
    assert median.attribution is not None and median.attribution["how"] == "continued"
    floods = next(c for c in claims if c.value == 40)
    assert floods.origin == [] and floods.speaker == []


def test_a_start_naming_the_counted_group_carries_into_the_next_paragraph(
        claims_of: Run) -> None:
    text = ("Ferry disaster\n"
            "The Maritime Safety Board said on Sunday that 26 passengers had drowned.\n"
            "The 26 victims included nine children and four crew members.")
    claims = claims_of(text, "2031-08-04")
    kids = _get(claims, "killed", 9)
    assert "maritime safety board" in _names(kids)
    assert kids.attribution is not None and kids.attribution["how"] == "continued"
