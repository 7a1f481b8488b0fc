"""Responses in the store: written with their claims, linked, filtered, replaced on
re-extraction (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tollwatch.extract import Extractor
from tollwatch.ingest.run import IngestOptions, ingest, reextract
from tollwatch.model import Claim, Document, Extraction, Response
from tollwatch.store import Store

V = "resp-1"
TEXT = ("The Hill Front said 19 soldiers were killed when its fighters stormed a base. "
        "The army denied the reports on Monday.")


def _extraction() -> Extraction:
    claims = [Claim("killed", 19, actor="Ruritania", origin=["Hill Front"], quote="q",
                    start=0, end=77),
              Claim("injured", 4, actor="Borduria", origin=["Hill Front"], quote="q",
                    start=0, end=77)]
    resp = Response("denied", ["the army", "army"], speaker=["a spokesman"],
                    about="the reports", claims=[0], date="2025-03-10",
                    quote="The army denied the reports on Monday.", start=78, end=116,
                    confidence=0.75)
    return Extraction(claims, [resp])


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url)
    yield s
    s.close()


def test_responses_are_stored_linked_and_filtered(store: Store) -> None:
    doc = Document(id="r1", text=TEXT, published="2025-03-14")
    store.add_document(doc, _extraction(), V)
    (r,) = store.responses()
    assert (r.doc_id, r.kind, r.responder, r.speaker, r.about) == (
        "r1", "denied", ["the army", "army"], ["a spokesman"], "the reports")
    assert (r.date, r.published, r.day, r.start, r.end) == (
        "2025-03-10", "2025-03-14", "2025-03-10", 78, 116)
    (answered,) = r.claim_ids
    rep = store.get_report(answered)
    assert rep is not None and (rep.claim.metric, rep.claim.value) == ("killed", 19)
    assert store.responses_to([answered]) == {answered: [r]}
    assert [x.id for x in store.responses(kind="denied")] == [r.id]
    assert store.responses(kind="confirmed") == []
    assert [x.id for x in store.responses(responder="Army")] == [r.id]
    assert store.responses(responder="the navy") == []
    assert [x.id for x in store.responses(actor="Ruritania")] == [r.id]
    assert store.responses(actor="Borduria") == []  # it answers the killed, not the injured
    assert store.count_responses(kind="denied") == 1
    assert store.count_responses(actor="Borduria") == 0


def test_a_document_with_responses_and_no_claims(store: Store) -> None:
    doc = Document(id="r2", text="The embassy declined to comment on the talks.")
    resp = Response("no_comment", ["The embassy"], about="the talks", quote=doc.text,
                    start=0, end=len(doc.text))
    store.add_document(doc, Extraction([], [resp]), V)
    (r,) = store.responses()
    assert (r.kind, r.claim_ids, r.day) == ("no_comment", [], None)


def test_ingest_and_reextract_write_responses(db_url: str, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, "utf-8")
    ex = Extractor()
    with Store.open(db_url) as store:
        ingest(store, [str(src)], ex, IngestOptions(extractor_version=V))
        (r,) = store.responses()
        assert r.kind == "denied"
        assert len(r.claim_ids) == 1
        reextract(store, ex, "resp-2")
        (again,) = store.responses()
        assert again.kind == "denied" and store.count_responses() == 1
        rep = store.get_report(again.claim_ids[0])
        assert rep is not None and rep.claim.value == 19
        assert store.responses_to(again.claim_ids) == {again.claim_ids[0]: [again]}
