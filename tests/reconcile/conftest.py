"""Fixtures for the reconciliation tests: the hand-written story of tests/fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tollwatch.model import Claim, Report
from tollwatch.reconcile.names import Names

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
STORY = FIXTURES / "reconcile_story.jsonl"
EXPECTED = FIXTURES / "reconcile_story_expected.jsonl"


def story_reports() -> list[Report]:
    """The story's gold claims as the store would return them."""
    out: list[Report] = []
    n = 0
    for line in STORY.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for c in doc["claims"]:
            n += 1
            out.append(Report(claim_id=n, doc_id=doc["id"], claim=Claim.from_dict(c),
                              url=doc["url"], outlet=doc["outlet"],
                              published=doc["published"], title=doc.get("title")))
    return out


def expected() -> list[dict[str, Any]]:
    return [json.loads(line) for line in EXPECTED.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def names() -> Names:
    return Names(use_env=False)


@pytest.fixture
def reports() -> list[Report]:
    return story_reports()


def report(doc_id: str, metric: str, value: int | None, *, origin: list[str] | None = None,
           outlet: str = "Test Outlet", published: str | None = "2031-03-02",
           date: str | None = None, actor: str | None = "North Korean",
           quote: str | None = None, qualifier: str = "exact", low: int | None = None,
           high: int | None = None, stance: str = "asserted", status: str | None = None,
           location: str | None = None, speaker: list[str] | None = None,
           claim_id: int = 0, subject: str | None = None) -> Report:
    """A one-claim report for hand-built cases."""
    q = quote if quote is not None else f"{doc_id}: {metric} {value} said by {origin}."
    c = Claim(metric=metric, value=value, low=low, high=high, qualifier=qualifier,
              actor=actor, origin=list(origin or []), speaker=list(speaker or []), date=date,
              stance=stance, quote=q, location=location, subject=subject)
    return Report(claim_id=claim_id or abs(hash((doc_id, metric, value))) % 10**6, doc_id=doc_id,
                  claim=c, url=f"https://example.test/{doc_id}", outlet=outlet,
                  published=published, status=status)
