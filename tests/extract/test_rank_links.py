"""A ranked officer and the armed force they speak for, joined for dates only
(extract/rank_links.py, data/rank_links.yaml). Hand-written sentences only (none from
evaluation data)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.rank_links import (
    force_name,
    is_force,
    is_ranked_officer,
    load_rank_rules,
    tie_ranks,
)
from tollwatch.extract.source_dates import fold_forms, same_body, share_dates
from tollwatch.extract.sources import Source
from tollwatch.model import Claim

from .claim_lookup import date_how as _date_how
from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]
_PUB = "2031-06-10"  # a Tuesday


def _body(*names: str) -> Source:
    return Source(names=list(names), person=False)


def _person(*names: str) -> Source:
    return Source(names=list(names), person=True)


# -- the rules --------------------------------------------------------------------------

@pytest.mark.parametrize("names", [
    ("Brigadier Ann Roe",),
    ("Lt. Col. Marta Kellner", "Kellner"),
    ("Maj.-Gen. Piet Vos", "Vos"),
    ("the Rear Admiral Lena Dorn",),
    ("General Oskar Brand", "Oskar Brand"),
])
def test_a_rank_and_a_proper_name_make_a_ranked_officer(names: tuple[str, ...]) -> None:
    assert is_ranked_officer(_person(*names))


@pytest.mark.parametrize("names", [
    ("Ann Roe",),  # no rank
    ("Colonel Ann Roe, the rebels' commander",),  # an office of her own
    ("Brigadier Ann Roe", "the brigade spokeswoman"),  # another name holds an office
    ("the general",),  # a rank and no name
    ("Attorney General Lisa Marr",),  # not opened by a rank
    ("the Majority Leader",),
])
def test_other_names_are_no_ranked_officer(names: tuple[str, ...]) -> None:
    assert not is_ranked_officer(_person(*names))


@pytest.mark.parametrize(("name", "force"), [
    ("the Zorvian Defence Forces", True),
    ("the army", True),  # folded to "military"
    ("Zorvia's armed forces", True),
    ("the navy", True),
    ("the Lisburg police", False),
    ("the rebel forces", False),
    ("the Health Ministry", False),
])
def test_is_force_reads_the_end_of_the_folded_name(name: str, force: bool) -> None:
    assert is_force(_body(name), fold_forms) is force


def test_force_name_needs_one_armed_force() -> None:
    one = [_body("the Zorvian Defence Forces"), _body("the Health Ministry")]
    assert force_name(one, fold_forms, same_body) == "the Zorvian Defence Forces"
    two = [_body("the Zorvian army"), _body("the Lisburg navy")]
    assert force_name(two, fold_forms, same_body) is None  # two forces: whose officer?
    same = [_body("the Zorvian army"), _body("the army")]  # one force under two names
    assert force_name(same, fold_forms, same_body) == "the Zorvian army"
    noted = [Source(names=["the Zorvian army"], person=False, noted=True)]
    assert force_name(noted, fold_forms, same_body) is None  # it made no statement


def test_tie_ranks_needs_a_figure_the_two_share() -> None:
    sentences = ["The Zorvian Defence Forces say they have killed 24 rebels.",
                 "'We have counted 24,' Brigadier Ann Roe told reporters on Monday.",
                 "Colonel Piet Vos said 7 roads were shut."]
    force = _body("The Zorvian Defence Forces")
    roe = _person("Brigadier Ann Roe")
    vos = _person("Colonel Piet Vos")
    assert tie_ranks([force, roe, vos], sentences, fold_forms, same_body) == [roe]
    assert roe.date_links == ["The Zorvian Defence Forces"]
    assert vos.date_links == []  # his figure is none of the force's
    roe.date = "2031-06-09"
    share_dates([force, roe, vos])
    assert force.date == "2031-06-09"
    assert vos.date is None


def test_rules_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "ranks.yaml"
    bad.write_text("ranks: colonel\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ranks must be a list"):
        load_rank_rules(str(bad))


# -- in documents -----------------------------------------------------------------------

_LEDE = ("Zorvian forces kill 24 rebels near the port\n"
         "The Zorvian Defence Forces say they have killed 24 rebels in the fighting around "
         "the port of Lisburg.\n")


def test_the_officers_day_dates_the_forces_statement(claims_of: Run) -> None:
    text = _LEDE + ("\"So far we have counted 24, but there may be more,\" Brigadier Ann Roe "
                    "told reporters in Lisburg on Monday.\n")
    c = _get(claims_of(text, _PUB), "killed", 24)
    assert c.date == "2031-06-09"
    assert _date_how(c) == "source"


def test_an_officer_giving_another_figure_dates_nothing(claims_of: Run) -> None:
    text = _LEDE + ("Brigadier Ann Roe told reporters in Lisburg on Monday that 3 bridges "
                    "had been repaired.\n")
    assert _get(claims_of(text, _PUB), "killed", 24).date is None


def test_an_officer_of_two_forces_story_dates_nothing(claims_of: Run) -> None:
    text = _LEDE + ("The Lisburg navy said it had lost 5 sailors.\n"
                    "\"So far we have counted 24, but there may be more,\" Brigadier Ann Roe "
                    "told reporters in Lisburg on Monday.\n")
    assert _get(claims_of(text, _PUB), "killed", 24).date is None
