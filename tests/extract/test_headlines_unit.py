"""headlines.py: which lines are headlines and the source a headline names in its tag."""

from __future__ import annotations

from typing import Any

import pytest

from tollwatch.extract.headlines import headline_source, is_headline, looks_like_source
from tollwatch.extract.provenance import ProvenanceRules, load_provenance


@pytest.fixture(scope="module")
def rules() -> ProvenanceRules:
    return load_provenance()


@pytest.mark.parametrize(("line", "expected"), [
    ("Shelling kills seven in river town - governor", True),
    ("Flood victims pass 30,000: Red Cross", True),
    ("Twelve killed in blast.", False),
    ("Is the ceasefire holding?", False),
    ("They fled!", False),
    ("Ten hurt in crash\u201d", True),   # a closing quote is not the end
    ("Ten hurt in crash.\u201d", False),
    ("", False),
    ("   ", False),
    ("x" * 250, False),                  # too long for a headline
])
def test_is_headline(line: str, expected: bool) -> None:
    assert is_headline(line) is expected


@pytest.mark.parametrize(("line", "source"), [
    ("Shelling kills seven in river town - governor", "governor"),
    ("Flood victims pass 30,000: Red Cross", "Red Cross"),
    ("Police: 12 arrested after riot downtown", "Police"),
    ("Rockets hit the old quarter \u2014 Reuters", "Reuters"),
    ("Nine dead in clashes near the dam, says health ministry", "health ministry"),
])
def test_headline_source(line: str, source: str, rules: ProvenanceRules) -> None:
    found = headline_source(line, rules)
    assert found is not None
    name, at = found
    assert name == source
    assert line[at:at + len(name)] == name


@pytest.mark.parametrize("line", [
    "Twelve killed in blast",                 # no tag at all
    "Ceasefire talks: day 3",                 # a figure in the tag
    "Shelling kills seven - in the river town where it all began",  # too many words
    "Storm: damage",                          # a lower-case phrase, not a body
    "Ukraine: twelve hurt as shells hit the port",  # a place, not a source
])
def test_no_headline_source(line: str, rules: ProvenanceRules) -> None:
    assert headline_source(line, rules) is None


def test_tag_that_is_most_of_the_line_is_skipped(rules: ProvenanceRules) -> None:
    # nothing is left to attribute once the tag is taken off
    assert headline_source("Police: ok", rules) is None


def test_each_part_of_a_headline_has_its_source(rules: ProvenanceRules) -> None:
    line = "Twenty killed: police; 43 hurt in the market: hospital officials"
    first = headline_source(line, rules, at=line.index("Twenty"))
    second = headline_source(line, rules, at=line.index("43"))
    assert first is not None and second is not None
    assert first[0] == "police"
    assert line[first[1]:].startswith("police")
    assert second[0] == "hospital officials"
    assert line[second[1]:].startswith("hospital officials")


@pytest.mark.parametrize("tag", ["police", "Interior Ministry", "the mayor", "Red Cross",
                                 "Governor Ana Ruiz"])
def test_looks_like_source(tag: str, rules: ProvenanceRules) -> None:
    assert looks_like_source(tag, rules)


@pytest.mark.parametrize("tag", ["", "day 3", "more is needed",
                                 "one two three four five six seven eight",
                                 "WASHINGTON"])
def test_does_not_look_like_source(tag: str, rules: ProvenanceRules) -> None:
    assert not looks_like_source(tag, rules)


def test_headline_source_end_to_end(claims_of: object) -> None:
    from collections.abc import Callable

    from tollwatch.model import Claim
    run: Callable[[str], list[Claim]] = claims_of  # type: ignore[assignment]
    claims = run("Shelling kills seven in river town - governor\n\n"
                 "The shelling hit the market on Sunday morning.")
    seven = [c for c in claims if c.value == 7]
    assert seven, claims
    assert seven[0].metric == "killed"
    assert "governor" in [n.lower() for n in seven[0].origin + seven[0].speaker]
    assert seven[0].attribution is not None
    assert seven[0].attribution.get("how") == "headline"


def test_a_spaced_dash_ends_the_counted_phrase(claims_of: Any) -> None:
    # the tag after the dash is no counted noun ("40 mayors"): the figure is the toll's
    claims = claims_of("Market fire toll rises to 40 - mayor")
    assert [(c.metric, c.value, c.subject) for c in claims] == [("killed", 40, None)]
    assert claims[0].origin == ["mayor"]
    # a hyphen inside a word still joins it
    claims = claims_of("Five sub-inspectors were killed in the raid.")
    assert claims[0].subject == "sub-inspectors"


def test_the_outlets_own_name_after_a_dash_is_no_source(extractor: Any) -> None:
    from tollwatch.model import Document
    text = "Market bombing kills 40 - Valley Courier"
    own = extractor.extract(Document(id="a", text=text, outlet="Valley Courier"))
    assert own[0].origin == [] and own[0].speaker == []
    other = extractor.extract(Document(id="b", text=text, outlet="Coast Herald"))
    assert other[0].origin == ["Valley Courier"]


def test_names_outlet() -> None:
    from tollwatch.extract.headlines import names_outlet
    assert names_outlet("BBC News", "BBC") and names_outlet("Reuters", "Reuters")
    assert not names_outlet("mayor", "BBC") and not names_outlet("BBC", None)
