"""One figure counted on each of two sides is two claims (extract/mirror_counts.py,
data/mirror_counts.yaml). Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.mirror_counts import load_mirror_rules, mirror_counts, mirrored
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _c(quote: str, value: int) -> Claim:
    return Claim(metric="captured", value=value, quote=quote, origin=["the ministry"],
                 attribution={"how": "verb", "from": 0})


@pytest.mark.parametrize("quote,value", [
    ("The deal saw the return of 60 soldiers from each side on Friday.", 60),
    ("The two armies will swap 1,200 prisoners each from both sides next week.", 1200),
    ("Zorvia freed 75 captured sailors in exchange for as many fishermen.", 75),
    ("Ten soldiers were killed on either side of the border line.", 10),
    ("They exchanged 40 detainees apiece for the two sides.", 40),
])
def test_figures_counted_on_each_side(quote: str, value: int) -> None:
    assert mirrored(_c(quote, value))


@pytest.mark.parametrize("quote,value", [
    # one side only
    ("The deal saw the return of 60 soldiers to Zorvia on Friday.", 60),
    # "each side" far from the figure, after another clause
    ("Zorvia freed 75 sailors, and officials from each side met in the capital.", 75),
    # the same number twice in the sentence: which one is meant is not known
    ("Zorvia freed 75 sailors and Lisburg freed 75 farmers on each side of the river.", 75),
])
def test_figures_counted_once(quote: str, value: int) -> None:
    assert not mirrored(_c(quote, value))


def test_the_mirrored_claim_keeps_the_source_and_says_why() -> None:
    c = _c("The deal saw the return of 60 soldiers from each side on Friday.", 60)
    c.actor, c.date = "Zorvia", "2031-01-03"
    out = mirror_counts([c])
    assert len(out) == 2 and out[0] is c
    twin = out[1]
    assert (twin.metric, twin.value, twin.origin, twin.date) == \
        ("captured", 60, ["the ministry"], "2031-01-03")
    assert twin.actor is None  # the other side, not named
    assert twin.attribution == {"how": "verb", "from": 0, "mirrored": True}
    twin.origin.append("x")
    assert c.origin == ["the ministry"]  # its own lists


def test_extracted_twice_with_the_statement_source(claims_of: Run) -> None:
    text = ("Zorvia and Lisburg carried out a prisoner exchange on Friday.\n"
            "The defence ministry said on Friday the swap saw the return of 60 prisoners of "
            "war from each side.\n")
    claims = [c for c in claims_of(text, published="2031-01-04")
              if c.metric == "captured" and c.value == 60]
    assert len(claims) == 2
    assert all("defence ministry" in " ".join(c.origin).lower() for c in claims)
    assert all(c.date == "2031-01-03" for c in claims)


def test_rules_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "m.yaml"
    bad.write_text("enabled: true\nafter_figure: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_mirror_rules(str(bad))
    worse = tmp_path / "w.yaml"
    worse.write_text("enabled: true\nmax_words: -1\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_mirror_rules(str(worse))
    off = tmp_path / "off.yaml"
    off.write_text("enabled: false\n", encoding="utf-8")
    assert not load_mirror_rules(str(off)).enabled
