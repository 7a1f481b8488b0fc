"""source_sides.py, and repeats.dedup keeping a headline's source apart from a body source of
another country. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from tests.extract.claim_lookup import source_names

from tollwatch.extract.repeats import dedup
from tollwatch.extract.source_sides import may_be_one_source, sides_of
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def test_a_country_name_is_its_side() -> None:
    assert sides_of(["Ukraine"]) == {"Ukraine"}


def test_a_filed_body_is_in_its_country() -> None:
    assert sides_of(["The U.K. Defense Ministry"]) == {"United Kingdom"}


def test_a_person_or_an_unknown_body_names_no_country() -> None:
    assert sides_of(["Maj Gen Jane Doe", "the harbour authority"]) == set()


def test_an_armed_group_names_no_country() -> None:
    assert sides_of(["Taliban"]) == set()


def test_two_countries_are_two_sources() -> None:
    assert not may_be_one_source(["Ukraine"], ["U.K. Defense Ministry"])
    assert may_be_one_source(["Ukraine"], ["General Staff of the Ukrainian armed forces",
                                           "Ukraine"])
    assert may_be_one_source(["Ukraine"], ["Maj Gen Jane Doe"])


def _claim(value: int, start: int, origin: list[str], headline: bool = False) -> Claim:
    att: dict[str, object] = {"how": "verb", "from": start}
    if headline:
        att["headline"] = True
    return Claim(metric="casualties", value=value, origin=origin, start=start,
                 end=start + 50, quote="x" * 50, actor="Ruritania", attribution=att)


def test_dedup_keeps_another_countrys_figure_apart() -> None:
    head = _claim(1_000_000, 0, ["Ukraine"], headline=True)
    body = _claim(1_000_000, 300, ["The U.K. Defense Ministry"])
    out = dedup([head, body])
    assert len(out) == 2
    assert out[0].origin == ["Ukraine"]


def test_dedup_folds_a_body_source_of_no_country_into_the_headline() -> None:
    head = _claim(1_000_000, 0, ["Ukraine"], headline=True)
    body = _claim(1_000_000, 300, ["army spokesperson Col Jane Doe"])
    out = dedup([head, body])
    assert len(out) == 1
    assert "col jane doe" in source_names(out[0])
