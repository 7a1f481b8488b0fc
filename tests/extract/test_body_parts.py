"""A body and its parts, and a titled person and the body the title names: one source
under two names, joined for dates only (extract/body_parts.py, data/body_parts.yaml).
Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.body_parts import body_part_of, load_body_part_rules, title_body
from tollwatch.extract.source_dates import same_body, share_dates
from tollwatch.extract.sources import Source
from tollwatch.model import Claim

from .claim_lookup import date_how as _date_how
from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]


def _forms(name: str) -> tuple[str, ...]:
    words = name.lower().replace("'s", "").replace("-", " ").replace(".", " ").split()
    return (" ".join(w for w in words if w not in ("the", "a", "an")),)


def _body(*names: str) -> Source:
    return Source(names=list(names), person=False)


def _person(*names: str) -> Source:
    return Source(names=list(names), person=True)


# -- the rules --------------------------------------------------------------------------

@pytest.mark.parametrize(("bare", "fuller"), [
    ("the police", "the Lisburg police department"),
    ("the army", "the army's 4th division"),
    ("the United Nations", "the U.N. mission in Zorvia"),
    ("UN", "the UN refugee agency"),
    ("the navy", "the navy's southern fleet"),
])
def test_a_bare_body_names_the_body_whose_name_contains_it(bare: str, fuller: str) -> None:
    assert body_part_of(_body(bare), _body(fuller), _forms)
    assert body_part_of(_body(fuller), _body(bare), _forms)
    assert same_body(_body(bare), _body(fuller))


@pytest.mark.parametrize(("a", "b"), [
    ("the Health Ministry", "the Defence Ministry"),  # two ministries, neither bare
    ("the Lisburg police", "the Harbour police"),
    ("the army", "the Harbour Command"),  # no body noun in common
    ("the police", "the police"),  # the same name: the name rules' business
    ("police", "border police"),  # another kind of police
])
def test_two_bodies_neither_bare_nor_contained_are_not_joined(a: str, b: str) -> None:
    assert not body_part_of(_body(a), _body(b), _forms)


@pytest.mark.parametrize(("person", "body"), [
    ("the inspector-general of police", "police"),
    ("the police chief", "the Lisburg police"),
    ("a ministry spokesman", "the Health Ministry"),
    ("a senior health ministry official", "the health ministry"),
    ("the army's commander", "the army"),
    ("Marta Kellner, the police chief", "police"),
    ("the chief of police", "the Harbour police"),
    ("Police Chief Marta Kellner", "the Lisburg police"),
])
def test_a_person_whose_title_names_a_body_is_joined_to_it(person: str, body: str) -> None:
    assert body_part_of(_person(person), _body(body), _forms)
    assert same_body(_body(body), _person(person))


@pytest.mark.parametrize(("person", "body"), [
    ("a health ministry spokesman", "the Defence Ministry"),
    ("the police chief", "the army"),
    ("Marta Kellner", "police"),  # no title
    ("a farmer", "the Lisburg police"),
    ("the police chief", "the border police"),
])
def test_a_title_naming_another_body_joins_nothing(person: str, body: str) -> None:
    assert not body_part_of(_person(person), _body(body), _forms)


def test_the_name_rewrites_apply_before_the_title_is_read() -> None:
    assert same_body(_person("a senior health ministry official"),
                     _body("the Ministry of Health"))


def test_a_body_the_parser_took_for_a_person_is_a_body() -> None:
    dept = Source(names=["the Lisburg police department"], person=True)
    assert body_part_of(_body("police"), dept, _forms)


def test_a_lone_head_of_a_title_names_the_body_it_ends() -> None:
    assert body_part_of(_person("a ministry spokesman"), _body("the health ministry"), _forms)
    assert body_part_of(_person("the agency's director"), _body("the UN refugee agency"),
                        _forms)
    assert not body_part_of(_person("the agency's director"), _body("the health ministry"),
                            _forms)


def test_a_bare_ministry_is_not_every_ministry() -> None:
    assert not body_part_of(_body("the ministry"), _body("the Water Ministry"), _forms)
    assert not body_part_of(_body("the police"), _body("the riot police"), _forms)


def test_a_titled_name_typed_a_body_is_read_by_its_title() -> None:
    for name in ("the inspector-general of police", "Inspector-General of Police Ann Roe"):
        assert body_part_of(_body(name), _body("police"), _forms)
        assert not body_part_of(_body(name), _body("the army"), _forms)


def test_two_people_are_never_joined() -> None:
    assert not body_part_of(_person("the police chief"), _person("a police spokesman"),
                            _forms)


def test_title_body_takes_the_title_out() -> None:
    assert title_body("inspector general of police") == "police"
    assert title_body("senior ministry official") == "ministry"
    assert title_body("police chief ann roe") == "police"
    assert title_body("health ministry spokesman ann roe") == "health ministry"
    assert title_body("ann roe") is None
    assert title_body("spokesman") is None


def test_the_part_takes_the_day_of_its_one_dated_body() -> None:
    police = _body("the police")
    police.date = "2031-06-10"
    division = _body("the Lisburg police department")
    assert share_dates([police, division]) == [division]
    assert division.date == "2031-06-10"


def test_two_dated_bodies_of_one_bare_noun_give_no_day() -> None:
    a, b = _body("the Lisburg police"), _body("the Harbour police")
    a.date, b.date = "2031-06-10", "2031-06-11"
    bare = _body("police")
    assert share_dates([a, b, bare]) == []
    assert bare.date is None


def test_a_bad_rules_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "parts.yaml"
    bad.write_text("bodies: police\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bodies must be a list"):
        load_body_part_rules(str(bad))
    bad.write_text("aliases: [[un]]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="aliases must be a list of"):
        load_body_part_rules(str(bad))


def test_a_rules_file_of_ones_own_is_read(tmp_path: Path) -> None:
    own = tmp_path / "parts.yaml"
    own.write_text("bodies: [coast guard]\ntitles: [captain]\nskip: [the, of]\n",
                   encoding="utf-8")
    rules = load_body_part_rules(str(own))
    assert body_part_of(_person("the captain of the coast guard"),
                        _body("the Lisburg coast guard"), _forms, rules)
    assert not body_part_of(_body("the police"), _body("the Lisburg police"), _forms, rules)


# -- whole documents ------------------------------------------------------------------

# 2031-06-12 is a Thursday: "Tuesday" is the 10th

def test_a_department_takes_the_day_of_the_police(claims_of: Run) -> None:
    text = ("Floods kill 12 in Lisburg\n"
            "Twelve people were killed when the river burst its banks, police said on "
            "Tuesday.\n"
            "The water rose two metres in an hour.\n"
            "Another 40 people were injured, according to the Lisburg police department.")
    claims = claims_of(text, "2031-06-12")
    hurt = _get(claims, "injured", 40)
    assert hurt.date == "2031-06-10"
    assert _date_how(hurt) == "source"


def test_a_spokesman_of_the_ministry_takes_its_day(claims_of: Run) -> None:
    text = ("Clashes in the north\n"
            "The Interior Ministry said on Tuesday that 14 officers were killed in the "
            "clashes.\n"
            "Roads to the north were closed.\n"
            "Some 30 officers were wounded, a ministry spokesman told the radio.")
    claims = claims_of(text, "2031-06-12")
    hurt = _get(claims, "injured", 30)
    assert hurt.date == "2031-06-10"
    assert _date_how(hurt) == "source"


def test_the_army_does_not_take_the_day_of_the_police(claims_of: Run) -> None:
    text = ("Clashes in the north\n"
            "Twelve people were killed in the clashes, police said on Tuesday.\n"
            "Roads to the north were closed.\n"
            "Another 40 soldiers were injured, according to the army's 4th division.")
    claims = claims_of(text, "2031-06-12")
    assert _get(claims, "injured", 40).date is None
