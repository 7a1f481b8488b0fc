"""What an ingest or re-extraction run records when things go wrong part of the way: a
document whose extraction fails and the copies of it, an extractor that cannot load its
model, Ctrl-C, ids that collide, and extraction done upstream (real stores, SQLite and
PostgreSQL; the extractors are small functions of the text, written here)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tollwatch.errors import ModelError, RecordError, TollwatchError
from tollwatch.ingest.readers import Sourced
from tollwatch.ingest.run import Extracted, IngestOptions, ingest, ingest_items, reextract
from tollwatch.model import Claim, Document
from tollwatch.store import Store

OPTS = IngestOptions(extractor_version="run-1", batch_size=3)
MARK = "Qwertzuiop"

TEXTS = [
    "Lifeboat crews said 4 sailors were missing after the trawler sank off Kell Point.",
    "The district council said 120 families were displaced by the landslide near Ormby.",
    f"A {MARK} sentence that this test's extractor refuses: 7 were injured at the fair.",
    "Mountain rescuers said 2 climbers were injured on the north face of the Tarn Crag.",
    "Prison officials said 15 inmates were detained after the riot in the east wing.",
]


def counting(doc: Document) -> list[Claim]:
    """One claim per document: the first number in it, as 'injured'; fails on MARK."""
    if MARK in doc.text:
        raise ValueError("cannot read this one")
    number = next(int(w) for w in doc.text.replace(",", "").split() if w.isdigit())
    return [Claim(metric="injured", value=number, quote=doc.text, start=0, end=len(doc.text))]


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url)
    yield s
    s.close()


def _jsonl(path: Path, texts: list[str], prefix: str = "d") -> Path:
    path.write_text("".join(json.dumps({"id": f"{prefix}{n}", "text": t}) + "\n"
                            for n, t in enumerate(texts)), encoding="utf-8")
    return path


def test_a_failing_document_and_its_copies_are_named_and_the_rest_stored(
        store: Store, tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "wire.jsonl", [*TEXTS, TEXTS[2], TEXTS[0]])
    errors: list[TollwatchError] = []
    one_batch = IngestOptions(extractor_version="run-1", batch_size=10)
    s = ingest(store, [str(path)], counting, one_batch, on_error=errors.append)
    assert (s.new, s.duplicate, s.failed) == (4, 1, 2)
    messages = [str(e) for e in errors]
    assert any("extraction failed: ValueError: cannot read this one" in m and "d2" in m
               for m in messages)
    assert any("not stored: the copy it repeats failed" in m and f"{path}:6" in m
               for m in messages)
    assert sorted(r.claim.value or 0 for r in store.reports()) == [2, 4, 15, 120]
    info = store.run_info(s.run_id)
    assert info is not None and info["status"] == "done"
    assert info["docs_failed"] == 2 and len(info["errors"]) == 2
    assert {e["code"] for e in info["errors"]} == {"TW000"}


def test_a_failing_document_repeated_in_a_later_batch_fails_again(store: Store,
                                                                  tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "wire.jsonl", [*TEXTS, TEXTS[2]])
    errors: list[TollwatchError] = []
    s = ingest(store, [str(path)], counting, OPTS, on_error=errors.append)  # batches of 3
    assert (s.new, s.failed) == (4, 2)
    assert [e.source for e in errors] == ["d2", "d5"]
    assert all("extraction failed" in e.message for e in errors)


def test_a_fixed_extractor_picks_up_what_failed(store: Store, tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "wire.jsonl", TEXTS)
    first = ingest(store, [str(path)], counting, OPTS)
    assert (first.new, first.failed) == (4, 1)

    def forgiving(doc: Document) -> list[Claim]:
        return counting(Document(id=doc.id, text=doc.text.replace(MARK, "plain")))

    second = ingest(store, [str(path)], forgiving, OPTS)
    assert (second.new, second.seen, second.failed) == (1, 4, 0)
    assert sorted(r.claim.value or 0 for r in store.reports()) == [2, 4, 7, 15, 120]


def test_a_model_that_cannot_load_stops_the_run_as_failed(store: Store,
                                                          tmp_path: Path) -> None:
    def no_model(doc: Document) -> list[Claim]:
        raise ModelError("cannot load the spaCy pipeline 'xx_missing'")

    path = _jsonl(tmp_path / "wire.jsonl", TEXTS[:2])
    with pytest.raises(ModelError, match="xx_missing"):
        ingest(store, [str(path)], no_model, OPTS)
    (run,) = [store.run_info(i) for i in range(1, 3) if store.run_info(i) is not None]
    assert run is not None and run["status"] == "failed"
    assert store.stats().documents == 0


def test_ctrl_c_marks_the_run_interrupted_and_keeps_whole_batches(store: Store,
                                                                  tmp_path: Path) -> None:
    seen: list[str] = []

    def stop_on_the_fifth(doc: Document) -> list[Claim]:
        seen.append(doc.id)
        if doc.id == "d4":
            raise KeyboardInterrupt
        return counting(doc)

    texts = [t.replace(MARK, "plain") for t in TEXTS]
    path = _jsonl(tmp_path / "wire.jsonl", texts)
    with pytest.raises(KeyboardInterrupt):
        ingest(store, [str(path)], stop_on_the_fifth, OPTS)
    info = store.run_info(1)
    assert info is not None and info["status"] == "interrupted"
    # the first batch (three documents) was committed whole; the second not at all
    assert store.stats().documents == 3
    again = ingest(store, [str(path)], counting, OPTS)
    assert (again.seen, again.new) == (3, 2)


def test_an_id_that_names_another_text_is_renamed_and_said(store: Store,
                                                           tmp_path: Path) -> None:
    a = _jsonl(tmp_path / "a.jsonl", [TEXTS[0]], prefix="same")
    b = _jsonl(tmp_path / "b.jsonl", [TEXTS[1]], prefix="same")
    ingest(store, [str(a)], counting, OPTS)
    s = ingest(store, [str(b)], counting, OPTS)
    assert s.new == 1 and len(s.renamed) == 1
    given, stored = s.renamed[0]
    assert given == "same0" and stored != "same0"
    assert s.to_dict()["renamed"] == [[given, stored]]
    doc = store.get_document(stored)
    assert doc is not None and doc.document.text == TEXTS[1]


def test_the_summary_adds_up(store: Store, tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "wire.jsonl", [*TEXTS, TEXTS[0]])
    (tmp_path / "blank.txt").write_text("  ", encoding="utf-8")
    s = ingest(store, [str(path), str(tmp_path / "blank.txt")], counting, OPTS)
    d = s.to_dict()
    assert set(d) == {"run_id", "new", "duplicate", "near_duplicate", "seen", "failed",
                      "claims", "renamed"}
    assert s.documents == s.new + s.duplicate + s.near_duplicate + s.seen == 5
    assert d["failed"] == 2 and d["claims"] == 4 == store.stats().claims


# -- extraction done upstream (what the engines hand over) ------------------------------

def _sourced(n: int, text: str) -> Sourced:
    return Sourced(Document(id=f"u{n}", text=text), f"upstream:{n}")


def test_upstream_claims_and_errors_are_stored_as_given(store: Store) -> None:
    items: list[Sourced | Extracted | TollwatchError] = [
        Extracted(_sourced(0, TEXTS[0]), claims=[Claim("missing", 4)]),
        Extracted(_sourced(1, TEXTS[1]), error=TollwatchError("worker died", source="u1")),
        RecordError("record has no text", source="feed.jsonl", line=9),
        _sourced(3, TEXTS[3]),  # not extracted upstream: extracted here
        Extracted(_sourced(4, TEXTS[0])),  # a copy of u0: not extracted again
    ]
    errors: list[TollwatchError] = []
    s = ingest_items(store, items, counting, OPTS, on_error=errors.append)
    assert (s.new, s.duplicate, s.failed) == (2, 1, 2)
    assert [str(e) for e in errors] == ["feed.jsonl:9: record has no text [TW103]",
                                        "u1: worker died [TW000]"]
    got = {(r.doc_id, r.claim.metric, r.claim.value) for r in store.reports()}
    assert got == {("u0", "missing", 4), ("u3", "injured", 2)}


# -- re-extraction ----------------------------------------------------------------------

def test_reextract_counts_and_records_its_failures(store: Store, tmp_path: Path) -> None:
    clean = [t.replace(MARK, "plain") for t in TEXTS]
    ingest(store, [str(_jsonl(tmp_path / "w.jsonl", clean))], counting, OPTS)

    def picky(doc: Document) -> list[Claim]:
        if "Lifeboat" in doc.text:
            raise RuntimeError("a new rule broke")
        return [Claim("killed", 1)]

    errors: list[TollwatchError] = []
    s = reextract(store, picky, "run-2", batch_size=2, on_error=errors.append)
    assert (s.documents, s.failed, s.claims) == (4, 1, 4)
    assert s.to_dict() == {"run_id": s.run_id, "documents": 4, "failed": 1, "claims": 4}
    assert len(errors) == 1 and "a new rule broke" in str(errors[0])
    info = store.run_info(s.run_id)
    assert info is not None and info["kind"] == "reextract" and info["status"] == "done"
    assert [e["reason"] for e in info["errors"]] == [errors[0].message]
    # the failed document keeps its old claim and stays stale for the next run
    assert [d.text for _, d in store.stale_documents("run-2")] == [clean[0]]
    metrics = sorted(r.claim.metric for r in store.reports())
    assert metrics == ["injured", "killed", "killed", "killed", "killed"]
