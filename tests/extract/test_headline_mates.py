"""An undated sourced headline figure takes the one day of its source's other dated
headline figures (extract/headline_mates.py, data/headline_mates.yaml). Hand-written
sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.headline_mates import date_headline_mates, headline_mates_enabled
from tollwatch.extract.repeats import same_source
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _head(value: int, metric: str, names: list[str], date: str | None,
          how: str = "verb", stance: str = "asserted") -> Claim:
    return Claim(metric=metric, value=value, origin=names, date=date, stance=stance,
                 quote="x", attribution={"how": how, "headline": True})


def test_an_undated_headline_figure_takes_its_source_day() -> None:
    a = _head(40, "killed", ["Lisburg police", "police"], "2031-06-02")
    b = _head(60, "injured", ["police"], None, how="headline")
    b.attribution = {"how": "headline", "from": 50}  # a subhead sourced by its tag
    date_headline_mates([a, b], same_source)
    assert b.date == "2031-06-02"
    assert b.attribution["date_how"] == "headline"


def test_another_source_or_two_days_give_none() -> None:
    a = _head(40, "killed", ["the governor"], "2031-06-02")
    b = _head(60, "injured", ["the health ministry"], None)
    date_headline_mates([a, b], same_source)
    assert b.date is None  # another source
    c = _head(12, "killed", ["the governor"], "2031-06-03")
    d = _head(5, "missing", ["the governor"], None)
    date_headline_mates([a, c, d], same_source)
    assert d.date is None  # the source's headline figures give two days


def test_a_denial_and_an_earlier_statement_stay_undated() -> None:
    a = _head(40, "killed", ["the army"], "2031-06-02", stance="denied")
    b = _head(60, "injured", ["the army"], None)
    date_headline_mates([a, b], same_source)
    assert b.date is None
    e = _head(40, "killed", ["the army"], "2031-06-02")
    f = _head(60, "injured", ["the army"], None)
    f.attribution = {"how": "verb", "headline": True, "date_how": "earlier"}
    date_headline_mates([e, f], same_source)
    assert f.date is None


def test_a_subhead_dated_through_the_headline(claims_of: Run) -> None:
    text = ("Zorvia says it killed 40 rebels as fighting spreads\n"
            "Army spokesman: 40 rebels killed and 15 soldiers wounded\n"
            "LISBURG: Zorvia said on Sunday it killed 40 rebels in overnight raids.\n"
            "The army spokesman, Colonel Ana Ruiz, said 40 rebels were killed and 15 "
            "soldiers wounded.\n")
    claims = claims_of(text, published="2031-06-03")
    wounded = [c for c in claims if c.metric == "injured" and c.value == 15]
    assert wounded and wounded[0].date == "2031-06-01"


def test_rules_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "mates.yaml"
    bad.write_text("enabled: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        headline_mates_enabled(str(bad))
    off = tmp_path / "off.yaml"
    off.write_text("enabled: false\n", encoding="utf-8")
    assert headline_mates_enabled(str(off)) is False
