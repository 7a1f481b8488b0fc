from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from corpus_gen import make_corpus, write_jsonl
from tollwatch.errors import TollwatchError
from tollwatch.ingest.run import IngestOptions, IngestSummary, ingest, reextract
from tollwatch.model import Claim, Document
from tollwatch.store import Store

OPTS = IngestOptions(extractor_version="toy-1", batch_size=4)


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store.open(db_url)
    yield s  # type: ignore[misc]
    s.close()


def _mixed(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    docs = make_corpus(9, seed=3)
    write_jsonl(d / "wire.jsonl", docs[:6])
    (d / "copy.txt").write_text(str(docs[0]["text"]), encoding="utf-8")  # exact copy
    (d / "near.txt").write_text("Updated: " + str(docs[1]["text"]), encoding="utf-8")
    (d / "own.txt").write_text(str(docs[7]["text"]), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "bin.dat").write_bytes(bytes(range(256)))
    with (d / "wire.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{oops\n")
    return d


def test_mixed_folder_then_same_input_again(store: Store, tmp_path: Path,
                                            toy_extractor: Any) -> None:
    d = _mixed(tmp_path)
    errors: list[TollwatchError] = []
    s = ingest(store, [str(d)], toy_extractor, OPTS, on_error=errors.append)
    assert (s.new, s.duplicate, s.near_duplicate, s.failed) == (7, 1, 1, 3)
    assert {Path(e.source or "").name for e in errors} == {"empty.txt", "bin.dat",
                                                          "wire.jsonl"}
    assert next(e for e in errors if e.source and e.source.endswith("jsonl")).line == 7
    stats = store.stats()
    assert stats.documents == 8 and stats.claims == s.claims > 0
    info = store.run_info(s.run_id)
    assert info is not None and info["status"] == "done" and len(info["errors"]) == 3
    assert (info["docs_new"], info["docs_duplicate"], info["claims_added"]) == (7, 1, s.claims)

    again = ingest(store, [str(d)], toy_extractor, OPTS)
    assert (again.new, again.duplicate, again.near_duplicate, again.claims) == (0, 0, 0, 0)
    assert again.seen == 9 and again.failed == 3
    after = store.stats()
    assert (after.documents, after.claims, after.copies) == (8, stats.claims, stats.copies)


def test_claims_match_the_extractor_exactly(store: Store, tmp_path: Path,
                                            toy_extractor: Any) -> None:
    docs = make_corpus(10, seed=5)
    ingest(store, [str(write_jsonl(tmp_path / "c.jsonl", docs))], toy_extractor, OPTS)
    for d in docs:
        doc = Document(id=str(d["id"]), text=str(d["text"]))
        want = [c.to_dict() for c in toy_extractor(doc)]
        got = [r.claim.to_dict() for r in store.reports(doc_id=doc.id)]
        assert got == want
        r = store.reports(doc_id=doc.id)[0]
        assert (r.url, r.outlet, r.published) == (d["url"], d["outlet"], d["published"])
        assert doc.text[r.claim.start:r.claim.end].strip() == r.claim.quote


def test_copies_within_one_batch_are_extracted_once(store: Store, tmp_path: Path) -> None:
    text = str(make_corpus(1, seed=9)[0]["text"])
    calls: list[str] = []

    def extract(doc: Document) -> list[Claim]:
        calls.append(doc.id)
        return [Claim(metric="killed", value=1)]

    p = tmp_path / "dups.jsonl"
    p.write_text("".join(json.dumps({"id": f"d{i}", "text": text}) + "\n" for i in range(3)),
                 encoding="utf-8")
    s = ingest(store, [str(p)], extract, OPTS)
    assert (s.new, s.duplicate, s.claims, calls) == (1, 2, 1, ["d0"])


def test_a_failing_document_fails_alone(store: Store, tmp_path: Path) -> None:
    docs = make_corpus(6, seed=11)

    def extract(doc: Document) -> list[Claim]:
        if doc.id == "syn-000003":
            raise RuntimeError("tokeniser choked")
        return [Claim(metric="injured", value=2)]

    errors: list[TollwatchError] = []
    s = ingest(store, [str(write_jsonl(tmp_path / "c.jsonl", docs))], extract, OPTS,
               on_error=errors.append)
    assert (s.new, s.failed) == (5, 1)
    assert errors[0].source == "syn-000003" and "tokeniser choked" in errors[0].message
    s2 = ingest(store, [str(tmp_path / "c.jsonl")], extract, OPTS)
    assert (s2.seen, s2.failed, s2.new) == (5, 1, 0)  # retried, failed again, nothing lost


class _Versioned:
    def __init__(self, bump: int) -> None:
        self.bump = bump

    def extract_many(self, docs: Any) -> Any:
        for d in docs:
            yield d, [Claim(metric="killed", value=len(d.text) + self.bump)]


def test_reextract_replaces_claims_and_resumes(store: Store, tmp_path: Path) -> None:
    docs = make_corpus(7, seed=13)
    path = str(write_jsonl(tmp_path / "c.jsonl", docs))
    ingest(store, [path], _Versioned(0), OPTS)
    progress: list[int] = []
    s = reextract(store, _Versioned(1), "toy-2", batch_size=3,
                  on_progress=lambda r: progress.append(r.documents))
    assert (s.documents, s.claims, s.failed, progress) == (7, 7, 0, [3, 6, 7])
    assert all(r.claim.value == len(d["text"]) + 1  # type: ignore[arg-type]
               for r, d in zip(store.reports(), sorted(docs, key=lambda d: d["published"]),
                               strict=True))
    assert store.stats().claims == 7
    assert reextract(store, _Versioned(1), "toy-2").documents == 0


def test_progress_is_reported_per_batch(store: Store, tmp_path: Path,
                                        toy_extractor: Callable[..., Any]) -> None:
    seen: list[int] = []

    def on_progress(s: IngestSummary) -> None:
        seen.append(s.documents)

    path = str(write_jsonl(tmp_path / "c.jsonl", make_corpus(10, seed=1)))
    ingest(store, [path], toy_extractor, OPTS, on_progress=on_progress)
    assert seen == [4, 8, 10]
