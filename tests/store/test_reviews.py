"""Reviews (store/reviews.py): every correctable field is applied to what the store reads
back, the extraction kept beside; the queue shrinks as claims are reviewed; SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tollwatch.model import Claim, Document
from tollwatch.store import CORRECTABLE_FIELDS, REVIEW_STATUSES, Store
from tollwatch.store.reviews import CORRECTABLE_FIELDS as HOME_FIELDS
from tollwatch.store.store import CORRECTABLE_FIELDS as OLD_FIELDS

V = "reviews-test"

TEXT = ("Officials in the hill town of Perrow said on Friday that a landslide after days of "
        "rain had buried a row of houses, and that rescuers were still digging by hand.")


def _claims() -> list[Claim]:
    return [Claim(metric="missing", value=12, qualifier="approx", subject="villagers",
                  actor=None, civilian=True, location="Perrow", origin=["town officials"],
                  speaker=["the mayor"], date="2024-06-07", stance="asserted",
                  quote=TEXT, start=0, end=len(TEXT), confidence=c)
            for c in (0.8, 0.3, 0.55)]


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        s.add_document(Document(id="perrow", text=TEXT, published="2024-06-08"), _claims(), V)
        yield s


def test_the_constants_are_importable_from_every_old_place() -> None:
    assert CORRECTABLE_FIELDS == HOME_FIELDS == OLD_FIELDS
    assert REVIEW_STATUSES == ("accepted", "rejected")
    assert "quote" not in CORRECTABLE_FIELDS and "start" not in CORRECTABLE_FIELDS


CORRECTED: dict[str, Any] = {
    "metric": "killed", "value": 9, "low": 8, "high": 10, "qualifier": "range",
    "subject": "residents", "actor": "the storm", "civilian": False, "location": "Upper Perrow",
    "origin": ["the provincial rescue service"], "speaker": ["a rescuer"],
    "date": "2024-06-06", "stance": "denied"}


def test_the_correction_table_names_every_correctable_field() -> None:
    assert set(CORRECTED) == set(CORRECTABLE_FIELDS)


@pytest.mark.parametrize("field", CORRECTABLE_FIELDS)
def test_each_field_correction_is_read_back(store: Store, field: str) -> None:
    first = store.reports()[0]
    before = store.extracted(first.claim_id)
    assert before is not None
    store.review(first.claim_id, "accepted", {field: CORRECTED[field]})
    got = store.get_report(first.claim_id)
    assert got is not None and got.status == "accepted"
    value = getattr(got.claim, field)
    assert (list(value) if isinstance(value, tuple) else value) == CORRECTED[field]
    for other in CORRECTABLE_FIELDS:  # the other fields keep the extraction's values
        if other != field:
            assert getattr(got.claim, other) == getattr(before, other), other
    after = store.extracted(first.claim_id)
    assert after == before  # the extraction itself is never changed
    assert got.claim.quote == TEXT


def test_a_null_correction_clears_the_field(store: Store) -> None:
    first = store.reports()[0]
    store.review(first.claim_id, "accepted", {"location": None, "subject": None})
    got = store.get_report(first.claim_id)
    assert got is not None and got.claim.location is None and got.claim.subject is None
    assert got.claim.value == 12


def test_a_later_review_replaces_an_earlier_correction(store: Store) -> None:
    first = store.reports()[0]
    store.review(first.claim_id, "accepted", {"value": 20})
    store.review(first.claim_id, "rejected", {}, note="not this landslide", reviewer="kim")
    got = store.get_report(first.claim_id)
    assert got is not None and got.status == "rejected" and got.claim.value == 12
    history = store.reviews(first.claim_id)
    assert [(h.status, h.corrected, h.note, h.reviewer) for h in history] == [
        ("accepted", {"value": 20}, None, None), ("rejected", {}, "not this landslide", "kim")]
    assert history[0].id < history[1].id and all(h.claim_id == first.claim_id
                                                 for h in history)


def test_reviews_of_another_claim_are_not_listed(store: Store) -> None:
    a, b, _c = store.reports()
    store.review(a.claim_id, "accepted")
    assert store.reviews(b.claim_id) == []
    assert store.reviews(10**9) == []


def test_the_queue_shrinks_as_claims_are_reviewed(store: Store) -> None:
    queue = store.review_queue()
    assert [r.claim.confidence for r in queue] == [0.3, 0.55, 0.8]
    assert store.count_review_queue() == 3
    store.review(queue[0].claim_id, "rejected")
    assert [r.claim.confidence for r in store.review_queue()] == [0.55, 0.8]
    assert store.count_review_queue() == 2
    for r in store.review_queue():
        store.review(r.claim_id, "accepted")
    assert store.review_queue() == [] and store.count_review_queue() == 0


def test_equal_confidence_queues_by_claim_id(db_url: str) -> None:
    with Store.open(db_url) as s:
        claims = [Claim(metric="injured", value=v, quote="q", start=0, end=1, confidence=0.5)
                  for v in (5, 6, 7)]
        s.add_document(Document(id="tie", text=TEXT), claims, V)
        queue = s.review_queue()
        assert [r.claim.value for r in queue] == [5, 6, 7]
        assert [r.claim_id for r in queue] == sorted(r.claim_id for r in queue)


def test_add_review_keeps_fields_review_would_refuse(store: Store) -> None:
    # add_review is the low-level write (ingest of review files); review() validates
    first = store.reports()[0]
    with pytest.raises(ValueError, match="cannot correct"):
        store.review(first.claim_id, "accepted", {"quote": "rewritten"})
    rid = store.add_review(first.claim_id, "accepted", {"value": 3, "note_field": 1})
    assert rid > 0
    got = store.get_report(first.claim_id)
    assert got is not None and got.claim.value == 3 and got.claim.quote == TEXT


@pytest.mark.parametrize("status", ["", "Accepted", "pending", "rejected "])
def test_statuses_are_exact(store: Store, status: str) -> None:
    first = store.reports()[0]
    with pytest.raises(ValueError, match="status must be one of"):
        store.review(first.claim_id, status)
    with pytest.raises(ValueError):
        store.add_review(first.claim_id, status)
    assert store.reviews(first.claim_id) == []


def test_the_bad_field_message_names_it_and_the_allowed_ones(store: Store) -> None:
    first = store.reports()[0]
    with pytest.raises(ValueError) as e:
        store.review(first.claim_id, "accepted", {"zeta": 1, "end": 2})
    text = str(e.value)
    assert text.startswith("cannot correct end, zeta;") and "metric" in text
