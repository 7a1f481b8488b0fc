"""Runs, their errors and counters, content hashes, re-extraction and the fingerprint of a
store, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tollwatch.errors import DecodeError, RecordError
from tollwatch.ingest.dedup import content_hash
from tollwatch.model import Claim, Document
from tollwatch.store import DUPLICATE, NEW, SEEN, Incoming, Store

TEXT_A = ("Officials in the northern province said 26 people were displaced by fighting "
          "around the market town of Ilvar on Thursday night.")
TEXT_B = ("A hospital director in the port city of Senna said 8 patients were injured "
          "when a shell struck the car park of the emergency wing.")


def _c(value: int, metric: str = "displaced") -> Claim:
    return Claim(metric=metric, value=value, quote=f"{value}", start=0, end=2)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s


def test_a_run_counts_outcomes_and_keeps_its_errors(store: Store) -> None:
    run = store.start_run("ingest", ["in/a.txt", "in/b.jsonl"], "v1")
    items = [Incoming(Document(id="a", text=TEXT_A), [_c(26)], source="in/a.txt"),
             Incoming(Document(id="b", text=TEXT_B), [_c(8, "injured")], source="in/b:1"),
             Incoming(Document(id="b2", text=TEXT_B), None, source="in/b:2")]
    errors = [RecordError("malformed JSON line", source="in/b.jsonl", line=3),
              DecodeError("binary data, not text", source="in/c.bin")]
    got = store.add_batch(items, "v1", run_id=run, errors=errors)
    assert [r.outcome for r in got] == [NEW, NEW, DUPLICATE]
    store.finish_run(run)
    info = store.run_info(run)
    assert info is not None
    assert info["status"] == "done" and info["kind"] == "ingest"
    assert info["inputs"] == ["in/a.txt", "in/b.jsonl"] and info["pid"] == os.getpid()
    assert (info["docs_new"], info["docs_duplicate"], info["docs_failed"]) == (2, 1, 2)
    assert info["claims_added"] == 2 and info["finished"] is not None
    assert info["errors"] == [
        {"source": "in/b.jsonl", "line": 3, "code": "TW103", "reason": "malformed JSON line"},
        {"source": "in/c.bin", "line": None, "code": "TW101",
         "reason": "binary data, not text"}]
    assert store.stats().run_errors == 2 and store.stats().runs == 1
    assert store.run_info(run + 1000) is None


def test_seen_inputs_add_nothing_and_are_counted(store: Store) -> None:
    store.add_document(Document(id="a", text=TEXT_A), [_c(26)], "v1", source="s1")
    run = store.start_run("ingest", ["s1"], "v1")
    (r,) = store.add_batch([Incoming(Document(id="a", text=TEXT_A), [_c(26)], source="s1")],
                           "v1", run_id=run)
    assert r.outcome == SEEN and r.claims_added == 0
    info = store.run_info(run)
    assert info is not None and info["docs_seen"] == 1 and info["claims_added"] == 0
    assert store.stats().claims == 1


def test_known_hashes(store: Store) -> None:
    store.add_document(Document(id="a", text=TEXT_A), [], "v1")
    ha, hb = content_hash(TEXT_A), content_hash(TEXT_B)
    assert store.known_hashes([ha, hb, ha]) == {ha}
    assert store.known_hashes([]) == set()
    stored = store.get_document("a")
    assert stored is not None and stored.content_hash == ha


def test_stale_documents_page_by_row_id_and_replace_claims(store: Store) -> None:
    for i in range(5):
        store.add_document(Document(id=f"d{i}", text=f"{TEXT_A} Note {i}."), [_c(i + 1)], "v1")
    store.add_document(Document(id="fresh", text=TEXT_B), [_c(8)], "v2")
    first = store.stale_documents("v2", limit=3)
    assert [d.id for _, d in first] == ["d0", "d1", "d2"]
    rest = store.stale_documents("v2", after=first[-1][0], limit=3)
    assert [d.id for _, d in rest] == ["d3", "d4"]
    run = store.start_run("reextract", [], "v2")
    added = store.replace_claims([(row, [_c(100), _c(200)]) for row, _ in first + rest], "v2",
                                 run_id=run, errors=[RecordError("bad", source="x")])
    assert added == 10
    assert store.stale_documents("v2") == []
    assert sorted(r.claim.value for r in store.reports(doc_id="d3")) == [100, 200]
    info = store.run_info(run)
    assert info is not None and info["claims_added"] == 10 and len(info["errors"]) == 1
    stored = store.get_document("d3")
    assert stored is not None and stored.extractor_version == "v2" and stored.claims == 2


def test_fingerprint_moves_with_every_kind_of_change(store: Store) -> None:
    start = store.fingerprint()
    assert start == (0, 0, 0, 0)
    store.add_document(Document(id="a", text=TEXT_A), [Claim(
        metric="killed", value=2, actor="militia", quote="2", start=0, end=1)], "v1")
    after_doc = store.fingerprint()
    assert all(x > 0 for x in (after_doc[0], after_doc[1], after_doc[3]))
    (r,) = store.reports()
    store.review(r.claim_id, "accepted")
    after_review = store.fingerprint()
    assert after_review[2] > 0 and after_review[:2] == after_doc[:2]
    assert store.fingerprint() == after_review  # reading changes nothing
