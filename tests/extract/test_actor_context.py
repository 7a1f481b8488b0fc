"""actor_context.py: the side of a figure named outside its counted noun phrase."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract import Extractor
from tollwatch.extract.actor_context import (
    actor_from_context,
    count_of_side,
    load_actor_cues,
    part_of_before,
    predicate_side,
    side_of_metric,
)
from tollwatch.model import Claim


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _actor(claims: list[Claim], value: int) -> str | None:
    hits = [c for c in claims if c.value == value]
    assert hits, f"no claim with value {value}: {[(c.metric, c.value) for c in claims]}"
    return hits[0].actor


def _number(sdoc: Any, text: str) -> tuple[int, int, int]:
    start = sdoc.text.index(text)
    tok = next(t for t in sdoc if t.idx == start)
    return tok.i, start, start + len(text)


# -- a demonym before a metric noun ---------------------------------------------------

@pytest.mark.parametrize(("text", "number", "actor"), [
    ("Analysts said Georgian losses had reached about 4,200 by the end of June.",
     "4,200", "Georgia"),
    ("Officials Say Armenian Casualties Have Passed 3,000", "3,000", "Armenia"),
    ("On the Moldovan side, there were 812 deaths and 1,300 wounded, a spokesman said.",
     "812", "Moldova"),
    ("The Serbian death toll rose to 61, the report said.", "61", "Serbia"),
    ("Estonian military casualties stood at 230, the minister said.", "230", "Estonia"),
])
def test_side_of_metric(text: str, number: str, actor: str) -> None:
    start = text.index(number)
    assert side_of_metric(text, start, start + len(number), load_actor_cues()) == actor


def test_side_of_metric_prefers_the_pair_before_the_number() -> None:
    text = "Polish losses reached 500 while Latvian losses were lower."
    start = text.index("500")
    assert side_of_metric(text, start, start + 3, load_actor_cues()) == "Poland"


def test_side_of_metric_takes_a_pair_after_when_none_before() -> None:
    text = "About 900 were counted as Bulgarian casualties by the end of the week."
    start = text.index("900")
    assert side_of_metric(text, start, start + 3, load_actor_cues()) == "Bulgaria"


@pytest.mark.parametrize("text", [
    "The Vilnius death toll rose to 14 overnight.",       # a capital is a place
    "The death toll rose to 14 overnight.",               # no side at all
    "Hospital Staff counted 14 deaths in the morning.",   # capitalised, not a side
])
def test_side_of_metric_none(text: str) -> None:
    start = text.index("14")
    assert side_of_metric(text, start, start + 2, load_actor_cues()) is None


def test_side_of_metric_two_sides_joined_have_none() -> None:
    text = "Turkish and Syrian casualties together passed 700, the monitor said."
    start = text.index("700")
    assert side_of_metric(text, start, start + 3, load_actor_cues()) is None


# -- the "of" phrase of a count noun --------------------------------------------------

@pytest.mark.parametrize(("text", "number", "actor"), [
    ("The total number of Greek soldiers injured is now 18, a spokesman said.", "18",
     "Greece"),
    ("The tally of Nepali workers missing stood at 42 on Sunday.", "42", "Nepal"),
])
def test_count_of_side(text: str, number: str, actor: str) -> None:
    assert count_of_side(text, text.index(number), load_actor_cues()) == actor


@pytest.mark.parametrize("text", [
    "The number of Greek and Turkish sailors rescued reached 64.",   # two sides
    "The number of people rescued in Athens reached 64.",            # a place only
    "The number of Athens residents rescued reached 64.",            # a capital
])
def test_count_of_side_none(text: str) -> None:
    assert count_of_side(text, text.index("64"), load_actor_cues()) is None


# -- the loser of a verb of loss --------------------------------------------------------

def test_subject_of_loss_verb(nlp: Any) -> None:
    sdoc = nlp("The Greek army had lost 37 soldiers in the fighting.")
    i, s, e = _number(sdoc, "37")
    assert actor_from_context(sdoc, i, s, e, "soldier", [], None) == "Greece"


def test_subject_of_suffer_with_a_part(nlp: Any) -> None:
    sdoc = nlp("Croatian troops have suffered more than 9,000 casualties, including "
               "about 2,100 killed.")
    i, s, e = _number(sdoc, "2,100")
    assert actor_from_context(sdoc, i, s, e, None, [], None) == "Croatia"


# -- a possessive --------------------------------------------------------------------

def test_possessive_names_the_side_before_it(nlp: Any) -> None:
    sdoc = nlp("Norway's army said on Monday that 14 of its soldiers were wounded.")
    i, s, e = _number(sdoc, "14")
    assert actor_from_context(sdoc, i, s, e, "soldier", [], None) == "Norway"


def test_possessive_falls_back_on_the_source(nlp: Any) -> None:
    sdoc = nlp("It said 11 of its own troops were injured.")
    i, s, e = _number(sdoc, "11")
    assert actor_from_context(sdoc, i, s, e, "troop", ["the Finnish ministry"], None) \
        == "Finland"


def test_possessive_does_not_give_the_enemy_a_side(nlp: Any) -> None:
    sdoc = nlp("Chile said its troops killed 25 militants near the border.")
    i, s, e = _number(sdoc, "25")
    assert actor_from_context(sdoc, i, s, e, "militant", [], None) is None


# -- a part of the group before -----------------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("Among them, 12 were officers.", "12"),
    ("Of whom 7 were colonels.", "7"),
    ("At least 300 of the total were conscripts.", "300"),
    ("Some 40 of those killed were volunteers.", "40"),
])
def test_part_of_before(text: str, number: str) -> None:
    start = text.index(number)
    assert part_of_before(text, start, start + len(number), load_actor_cues())


@pytest.mark.parametrize(("text", "number"), [
    ("Air strikes then hit 20 of them near the river.", "20"),
    ("In total 300 soldiers were killed.", "300"),
])
def test_not_part_of_before(text: str, number: str) -> None:
    start = text.index(number)
    assert not part_of_before(text, start, start + len(number), load_actor_cues())


def test_part_takes_the_side_of_the_whole(nlp: Any) -> None:
    sdoc = nlp("Among them, 12 were officers.")
    i, s, e = _number(sdoc, "12")
    assert actor_from_context(sdoc, i, s, e, None, [], "Hungary") == "Hungary"


# -- a nationality as the predicate of the number ------------------------------------

@pytest.mark.parametrize(("text", "number", "actor"), [
    ("Of the 30 dead, 8 were Dutch and the rest local.", "8", "Netherlands"),
    ("Four were Kenyans, the embassy said.", "Four", "Kenya"),
    ("Of whom 3 are all Peruvian nationals.", "3", "Peru"),
    ("Twelve were foreigners, at least five of whom were Chilean.", "five", "Chile"),
])
def test_predicate_side(text: str, number: str, actor: str) -> None:
    end = text.index(number) + len(number)
    assert predicate_side(text, end) == actor


@pytest.mark.parametrize(("text", "number"), [
    ("Of the dead, 8 were in Lima when the blast hit.", "8"),   # a place, lowercase 'in'
    ("Eight were Lima residents.", "Eight"),                    # a capital city
    ("Nine were wounded.", "Nine"),
])
def test_predicate_side_none(text: str, number: str) -> None:
    end = text.index(number) + len(number)
    assert predicate_side(text, end) is None


def test_extractor_predicate_nationality(claims_of: Any) -> None:
    claims = claims_of("The blast killed 20 people, of whom 7 were Belgian, police said.")
    assert _actor(claims, 7) == "Belgium"


def test_each_figure_of_a_list_takes_its_own_predicate(claims_of: Any) -> None:
    # the figures of one sentence share a side only when their own words name none
    claims = claims_of("Of the victims, 21 were Peruvian, one was Danish and two were Chilean, "
                       "police said.")
    assert [_actor(claims, n) for n in (21, 1, 2)] == ["Peru", "Denmark", "Chile"]


# -- through the extractor ------------------------------------------------------------

def test_extractor_metric_noun_side(claims_of: Any) -> None:
    claims = claims_of("Romanian losses in the war had reached 5,400 killed by March, "
                       "the institute said.")
    assert _actor(claims, 5400) == "Romania"


def test_extractor_loss_verb_beats_the_most_named_country(claims_of: Any) -> None:
    claims = claims_of("Portugal and Spain clashed at the border. Spain blamed Portugal. "
                       "Spain said the clash was provoked.\n"
                       "The Portuguese army lost 18 soldiers in the clash.")
    assert _actor(claims, 18) == "Portugal"


def test_extractor_possessive(claims_of: Any) -> None:
    claims = claims_of("Austria's defence ministry said on Friday that 16 of its soldiers "
                       "and 9 civilians were killed in the attack.")
    assert _actor(claims, 16) == "Austria"


def test_extractor_counted_noun_side_is_kept(claims_of: Any) -> None:
    # the counted noun names its side; the metric noun's side does not override it
    claims = claims_of("Danish casualties were light, but 45 Swedish soldiers were killed.")
    assert _actor(claims, 45) == "Sweden"


def test_bad_cues_file(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text("- just a list\n", "utf-8")
    with pytest.raises(ConfigError):
        load_actor_cues(str(bad))


@pytest.mark.parametrize("noun", ["gendarmes", "constables", "airmen"])
def test_state_forces_of_every_kind_take_the_story_country(claims_of: Any, noun: str) -> None:
    # armed people of a state with no side named take the country the story names
    claims = claims_of(f"Raiders struck a garrison in eastern Zambia on Monday.\n"
                       f"A regional governor said 14 {noun} were killed.")
    assert _actor(claims, 14) == "Zambia"


def test_state_armed_words_are_lexicon_data() -> None:
    from tollwatch.extract.lexicon import load_lexicon
    words = load_lexicon().state_armed
    assert {"gendarme", "soldier", "constable"} <= words
    assert "peacekeeper" not in words  # a UN force's country is not the host's


def test_state_forces_take_the_country_of_the_region_when_no_country_is_named(
        claims_of: Any) -> None:
    # a story that names only a region (ISO 3166-2, through pycountry) of one country
    claims = claims_of("Troops sent to Zamfara after raids\n"
                       "About 700 soldiers arrived in Zamfara on Monday, a governor said.")
    assert _actor(claims, 700) == "Nigeria"
    # a country named anywhere wins over a region's
    claims = claims_of("Troops sent to Zamfara after raids\n"
                       "About 700 soldiers from Niger arrived in Zamfara on Monday.")
    assert _actor(claims, 700) == "Niger"


def test_regions_many_countries_share_or_plain_words_name_no_country() -> None:
    from tollwatch.extract.actors import country_of_region
    assert country_of_region("Zamfara") == "Nigeria"
    assert country_of_region("Punjab") is None   # India and Pakistan
    assert country_of_region("North") is None    # a word of direction
    assert country_of_region("Georgia") is None  # a country's name
