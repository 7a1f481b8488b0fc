"""Days that a release by a body the story never quotes gives the names of that body
(extract/release_links.py). Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

import re
from collections.abc import Callable

from tollwatch.extract.release_links import release_names, released_by
from tollwatch.extract.sources import Source
from tollwatch.model import Claim

from .claim_lookup import date_how as _date_how
from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]

_TODAY = re.compile(r"\btoday\b", re.IGNORECASE)
_PUB = "2031-06-12"  # a Thursday


def test_released_by_reads_the_capitalised_name_before_the_publish_verb() -> None:
    assert released_by("The Zorvian Ministry of Defence released its latest assessment "
                       "today.") == "The Zorvian Ministry of Defence"
    assert released_by("On Monday, the Relief Agency published new figures.") == \
        "the Relief Agency"
    assert released_by("the ministry released new figures on Monday.") is None
    assert released_by("The Relief Agency said 40 were missing.") is None


def test_release_names_dates_a_releaser_no_source_names() -> None:
    sentences = ["The Relief Agency published its report today.",
                 "On Monday, the Harbour Office issued a statement.",
                 "The Relief Agency said 40 were missing."]
    out = release_names(sentences, [], _PUB, _TODAY)
    assert [(s.names[0], s.date) for s in out] == [("The Relief Agency", _PUB),
                                                   ("the Harbour Office", "2031-06-09")]
    assert all(s.noted for s in out)
    quoted = Source(names=["the Relief Agency"], person=False)
    assert [s.names[0] for s in release_names(sentences, [quoted], _PUB, _TODAY)] == \
        ["the Harbour Office"]  # the agency is a source of the document: release_dates dates it


def test_a_release_today_dates_another_name_of_its_body(claims_of: Run) -> None:
    text = ("The French Ministry of Defence released its latest intelligence assessment on "
            "the war today, reporting heavy losses.\n"
            "French intelligence estimates that 1,200 rebels have been killed since the "
            "spring.")
    estimate = _get(claims_of(text, _PUB), "killed", 1200)
    assert estimate.date == _PUB
    assert _date_how(estimate) == "source"


def test_an_undated_release_dates_nothing(claims_of: Run) -> None:
    text = ("The French Ministry of Defence released its latest intelligence assessment on "
            "the war, reporting heavy losses.\n"
            "French intelligence estimates that 1,200 rebels have been killed since the "
            "spring.")
    assert _get(claims_of(text, _PUB), "killed", 1200).date is None
