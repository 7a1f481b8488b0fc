"""Reading stored documents (store/documents.py): one document with its provenance, the
searchable list, the latest claims, reviewed documents, content hashes, counts and the
fingerprint; on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from tollwatch.ingest.dedup import content_hash
from tollwatch.model import Claim, Document
from tollwatch.store import NEAR_DUPLICATE, Incoming, Store

V = "docs-test"

_SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vu", "dor", "pel", "ank", "ris", "gu",
              "fen", "hal", "jo", "nei", "quo", "bri", "zel", "um"]


def story(seed: int, words: int = 90) -> str:
    """An invented text of made-up words, different for each seed (no near duplicates)."""
    rng = random.Random(seed)
    out = []
    for i in range(words):
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        out.append(word + ("." if i % 12 == 11 else ""))
    return " ".join(out)


def claim(value: int, *, metric: str = "killed", actor: str | None = "the militia",
          confidence: float = 0.5) -> Claim:
    return Claim(metric=metric, value=value, actor=actor, origin=["a spokesman"],
                 quote=f"{value} people", start=0, end=5, confidence=confidence)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s


def test_get_document_gives_its_text_provenance_and_claim_count(store: Store) -> None:
    doc = Document(id="river-1", text=story(1), published="2024-03-02",
                   url="https://news.example/river", outlet="Example Wire", title="Floods")
    fetched = datetime(2024, 3, 2, 10, 30, tzinfo=UTC)
    store.add_batch([Incoming(doc, [claim(4), claim(9, metric="injured")], source="feed:1",
                              language="en", fetched=fetched)], V)
    got = store.get_document("river-1")
    assert got is not None
    assert got.document == doc
    assert got.source == "feed:1" and got.language == "en"
    assert got.content_hash == content_hash(doc.text)
    assert got.extractor_version == V and got.claims == 2
    assert got.near_duplicate_of is None and got.similarity is None
    assert got.fetched.replace(tzinfo=UTC) == fetched
    assert got.copies == ["feed:1"]


def test_get_document_of_an_unknown_id_is_none(store: Store) -> None:
    assert store.get_document("nothing-here") is None
    store.add_document(Document(id="a", text=story(2)), [], V)
    assert store.get_document("A") is None  # ids are exact, not folded


def test_get_document_lists_every_copy_and_the_story_it_copies(store: Store) -> None:
    base = story(3, words=200)
    store.add_document(Document(id="first", text=base), [claim(3)], V, source="s1")
    store.add_document(Document(id="again", text=base), [claim(3)], V, source="s2")
    near = store.add_document(Document(id="edited", text=base + " Update: " + story(4, 8)),
                              [claim(5)], V, source="s3")
    assert near.outcome == NEAR_DUPLICATE
    first = store.get_document("first")
    assert first is not None and first.copies == ["s1", "s2"] and first.claims == 1
    edited = store.get_document("edited")
    assert edited is not None and edited.near_duplicate_of == "first"
    assert edited.similarity is not None and 0.5 <= edited.similarity < 1.0


def test_superseded_claims_are_not_counted(store: Store) -> None:
    store.add_document(Document(id="d", text=story(5)), [claim(1), claim(2)], V)
    row, _doc = store.stale_documents("v-next")[0]
    store.replace_claims([(row, [claim(7)])], "v-next")
    got = store.get_document("d")
    assert got is not None and got.claims == 1 and got.extractor_version == "v-next"
    assert [d.claims for d in store.documents()] == [1]


def test_documents_are_newest_first_undated_last(store: Store) -> None:
    for i, day in enumerate(["2024-01-05", None, "2024-02-01", "2023-12-31", None]):
        store.add_document(Document(id=f"d{i}", text=story(10 + i), published=day), [], V)
    assert [d.doc_id for d in store.documents()] == ["d2", "d0", "d3", "d4", "d1"]
    page = store.documents(limit=2, offset=1)
    assert [d.doc_id for d in page] == ["d0", "d3"]
    assert store.documents(limit=10, offset=10) == []


def test_document_summaries_carry_their_fields(store: Store) -> None:
    text = story(20)
    store.add_document(Document(id="s", text=text, published="2024-05-01",
                                url="https://x.example/s", outlet="X", title="A title"),
                       [claim(2), claim(3)], V)
    (summary,) = store.documents()
    assert summary.to_dict() == {"doc_id": "s", "url": "https://x.example/s", "outlet": "X",
                                 "title": "A title", "published": "2024-05-01", "claims": 2,
                                 "chars": len(text)}


def test_search_matches_text_title_or_id_case_insensitively(store: Store) -> None:
    store.add_document(Document(id="alpha", text=story(30) + " Harbour Strike"), [], V)
    store.add_document(Document(id="beta", text=story(31), title="Mountain pass"), [], V)
    store.add_document(Document(id="gamma-harbour", text=story(32)), [], V)
    assert {d.doc_id for d in store.documents("harbour")} == {"alpha", "gamma-harbour"}
    assert [d.doc_id for d in store.documents("MOUNTAIN")] == ["beta"]
    assert store.count_documents("harbour") == 2
    assert store.count_documents("no such words anywhere") == 0


@pytest.mark.parametrize("blank", [None, "", "   ", "\t\n"])
def test_a_blank_search_lists_everything(store: Store, blank: str | None) -> None:
    for i in range(3):
        store.add_document(Document(id=f"d{i}", text=story(40 + i)), [], V)
    assert len(store.documents(blank)) == 3 and store.count_documents(blank) == 3


@pytest.mark.parametrize("wild", ["%", "_", "\\", "50%", "a_b"])
def test_search_wildcards_are_plain_characters(store: Store, wild: str) -> None:
    store.add_document(Document(id="plain", text=story(50)), [], V)
    store.add_document(Document(id="marked", text=story(51) + f" rate {wild} here"), [], V)
    assert [d.doc_id for d in store.documents(wild)] == ["marked"]
    assert store.count_documents(wild) == 1


def test_search_text_is_never_sql(store: Store) -> None:
    store.add_document(Document(id="d", text=story(52)), [], V)
    hostile = "'; DROP TABLE documents; --"
    assert store.documents(hostile) == [] and store.count_documents(hostile) == 0
    assert store.count_documents() == 1


def test_latest_reports_are_the_most_recently_published(store: Store) -> None:
    days = ["2024-01-01", "2024-03-01", None, "2024-02-01"]
    for i, day in enumerate(days):
        store.add_document(Document(id=f"d{i}", text=story(60 + i), published=day),
                           [claim(10 + i)], V)
    got = store.latest_reports(limit=10)
    assert [r.doc_id for r in got] == ["d1", "d3", "d0", "d2"]
    assert [r.claim.value for r in store.latest_reports(limit=2)] == [11, 13]


def test_latest_reports_apply_reviews(store: Store) -> None:
    store.add_document(Document(id="d", text=story(70), published="2024-01-01"),
                       [claim(10)], V)
    (r,) = store.reports()
    store.review(r.claim_id, "accepted", {"value": 12})
    (latest,) = store.latest_reports()
    assert latest.claim.value == 12 and latest.status == "accepted"


def test_reviewed_doc_ids_in_storage_order(store: Store) -> None:
    for i in range(4):
        store.add_document(Document(id=f"d{i}", text=story(80 + i)), [claim(i + 1)], V)
    by_doc = {r.doc_id: r.claim_id for r in store.reports()}
    assert store.reviewed_doc_ids() == []
    store.review(by_doc["d2"], "rejected")
    store.review(by_doc["d0"], "accepted")
    store.review(by_doc["d2"], "accepted")
    assert store.reviewed_doc_ids() == ["d0", "d2"]


def test_a_reviewed_claim_that_was_replaced_does_not_mark_its_document(store: Store) -> None:
    store.add_document(Document(id="d", text=story(90)), [claim(1)], V)
    (r,) = store.reports()
    store.review(r.claim_id, "accepted")
    row, _ = store.stale_documents("v2")[0]
    store.replace_claims([(row, [claim(2)])], "v2")
    assert store.reviewed_doc_ids() == []  # the reviewed claim is superseded


def test_known_hashes_in_batches(store: Store) -> None:
    texts = [story(100 + i, words=20) for i in range(12)]
    for i, t in enumerate(texts[:6]):
        store.add_document(Document(id=f"d{i}", text=t), [], V)
    stored = {content_hash(t) for t in texts[:6]}
    unknown = [f"{i:064x}" for i in range(1200)]  # more than one batch of 500
    asked = [content_hash(t) for t in texts] + unknown
    assert store.known_hashes(asked) == stored
    assert store.known_hashes(iter(asked)) == stored  # any iterable


def test_stats_count_each_kind(store: Store) -> None:
    base = story(110, words=200)
    store.add_document(Document(id="a", text=base),
                       [claim(3, actor="the militia"), claim(4, actor="police")], V,
                       source="s1")
    store.add_document(Document(id="b", text=base), [claim(3)], V, source="s2")  # a copy
    store.add_document(Document(id="c", text=base + " Update: " + story(111, 8)),
                       [claim(5, actor=None)], V, source="s3")
    (first, *_rest) = store.reports()
    store.review(first.claim_id, "accepted")
    stats = store.stats()
    assert stats.to_dict() == {"documents": 2, "claims": 3, "sources": 1, "actors": 2,
                               "runs": 0, "copies": 1, "near_duplicates": 1, "reviews": 1,
                               "run_errors": 0}


def test_stats_of_an_empty_store(store: Store) -> None:
    assert set(store.stats().to_dict().values()) == {0}


def test_fingerprint_ignores_reads_and_grows_with_names(store: Store) -> None:
    store.add_document(Document(id="a", text=story(120)), [claim(1, actor="militia")], V)
    fp = store.fingerprint()
    store.documents("x")
    store.latest_reports()
    store.stats()
    assert store.fingerprint() == fp
    store.add_document(Document(id="b", text=story(121)), [claim(2, actor="a new unit")], V)
    after = store.fingerprint()
    assert after[0] > fp[0] and after[1] > fp[1] and after[3] > fp[3]
    assert after[2] == fp[2] == 0
