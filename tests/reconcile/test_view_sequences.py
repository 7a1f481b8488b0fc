"""The stored view after seeded random sequences of what users do to a store (ingest a few
documents, accept a claim with a correction, reject one, re-extract a document), refreshed
after each step: it always equals a rebuild, and its timelines always equal reconciling
the store's reports in memory. Real SQLite stores (PostgreSQL for one sequence)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tollwatch.model import Claim, Document
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.stored import rebuild, refresh, timeline_page, underlying_of, view_state
from tollwatch.reconcile.timeline import build_timeline
from tollwatch.store import Store
from tollwatch.store.schema import DocumentRow

ACTORS = ["Peru", "Finland", "Kenya"]
BODIES = ["Peru's health ministry", "the Finnish interior ministry", "the Kenya Red Cross",
          "the Coastal Watch Group", "an unnamed official"]
VALUES = [30, 30, 45, 60, 90]


def _document(i: int, rng: random.Random) -> tuple[Document, list[Claim]]:
    actor = rng.choice(ACTORS)
    body = rng.choice(BODIES)
    metric = rng.choice(["killed", "injured", "displaced"])
    value = rng.choice(VALUES)
    day = f"2032-{rng.randrange(1, 7):02d}-{rng.randrange(1, 28):02d}"
    quote = f"{body} said {value} people in {actor} were {metric} (note {i})."
    claims = [Claim(metric=metric, value=value, actor=actor, origin=[body], date=day,
                    quote=quote, start=0, end=len(quote),
                    qualifier=rng.choice(["exact", "exact", "approx"]))]
    return (Document(id=f"seq-{i}", text=quote, published=day, outlet=f"Desk {i % 4}"),
            claims)


def _view(store: Store) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for actor in ACTORS:
        total, rows = timeline_page(store, actor, None, 100_000, 0)
        assert total == len(rows)
        for raw in rows:
            i = json.loads(raw)
            out.append((actor, i["id"], i["kind"], i["revises"], i["value"],
                        tuple(sorted(r["claim_id"] for r in i["reports"]))))
    return sorted(out)


def _memory(store: Store, names: Names) -> list[tuple[Any, ...]]:
    reports = store.reports()
    out: list[tuple[Any, ...]] = []
    for actor in ACTORS:
        for c in build_timeline(reports, actor, names=names):
            out.append((actor, c.id, c.kind, c.revises, c.value,
                        tuple(sorted(r.claim_id for r in c.reports))))
    return sorted(out)


class Sequence:
    """One random sequence of steps over a store."""

    def __init__(self, store: Store, seed: int) -> None:
        self.store = store
        self.rng = random.Random(seed)
        self.next_doc = 0

    def ingest(self, n: int) -> str:
        for _ in range(n):
            doc, claims = _document(self.next_doc, self.rng)
            self.store.add_document(doc, claims, "seq-1", source=doc.id)
            self.next_doc += 1
        return f"ingest {n}"

    def _some_claim(self) -> int | None:
        reports = self.store.reports()
        return self.rng.choice(reports).claim_id if reports else None

    def accept_corrected(self) -> str:
        cid = self._some_claim()
        if cid is None:
            return "nothing to review"
        fix = self.rng.choice([{"value": self.rng.choice(VALUES) + 1},
                               {"actor": self.rng.choice(ACTORS)},
                               {"metric": "killed"}, {}])
        self.store.review(cid, "accepted", fix)
        return f"accept {cid} {fix}"

    def reject(self) -> str:
        cid = self._some_claim()
        if cid is None:
            return "nothing to reject"
        self.store.review(cid, "rejected")
        return f"reject {cid}"

    def reextract(self) -> str:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(DocumentRow.id, DocumentRow.doc_id)).all()
        if not rows:
            return "nothing to re-extract"
        pk, doc_id = self.rng.choice(rows)
        current = self.store.reports(doc_id=doc_id)
        if not current:
            return "re-extract of a document without claims"
        old = current[0].claim
        new = Claim.from_dict({**old.to_dict(), "value": (old.value or 0) + 15})
        self.store.replace_claims([(pk, [new])], "seq-2")
        return f"re-extract {doc_id}"

    def step(self) -> str:
        pick = self.rng.random()
        if pick < 0.4:
            return self.ingest(self.rng.randrange(1, 6))
        if pick < 0.6:
            return self.accept_corrected()
        if pick < 0.8:
            return self.reject()
        return self.reextract()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(str(tmp_path / "seq.db"))
    yield s
    s.close()


def _run(store: Store, names: Names, seed: int, steps: int) -> list[str]:
    seq = Sequence(store, seed)
    done = [seq.ingest(12)]
    rebuild(store, names=names)
    for _ in range(steps):
        done.append(seq.step())
        stats = refresh(store, names=names)
        assert stats.mode in ("refresh", "current", "rebuild"), done
        assert _view(store) == _memory(store, names), done
    incremental = _view(store)
    rebuild(store, names=names)
    assert incremental == _view(store), done
    return done


@pytest.mark.parametrize("seed", range(4))
def test_refresh_after_every_step_equals_memory_and_a_rebuild(sqlite_store: Store,
                                                              names: Names, seed: int) -> None:
    done = _run(sqlite_store, names, seed, steps=10)
    kinds = {s.split()[0] for s in done}
    assert len(kinds) >= 3, done  # the sequence did more than ingest


def test_a_sequence_on_postgresql(pg_url: str, names: Names) -> None:
    with Store.open(pg_url) as store:
        _run(store, names, seed=11, steps=8)


def test_the_view_state_follows_the_store(sqlite_store: Store, names: Names) -> None:
    seq = Sequence(sqlite_store, 5)
    seq.ingest(5)
    assert view_state(sqlite_store) is None
    rebuild(sqlite_store, names=names)
    state = view_state(sqlite_store)
    assert state is not None and state.claims == sqlite_store.fingerprint()[1]
    assert refresh(sqlite_store, names=names).mode == "current"
    seq.ingest(2)
    assert refresh(sqlite_store, names=names).mode == "refresh"
    after = view_state(sqlite_store)
    assert after is not None and after.claims == sqlite_store.fingerprint()[1]
    assert after.claims > state.claims


def test_each_report_knows_its_underlying_claim(sqlite_store: Store, names: Names) -> None:
    seq = Sequence(sqlite_store, 9)
    seq.ingest(15)
    seq.reject()
    rebuild(sqlite_store, names=names)
    rejected = {r.claim_id for r in sqlite_store.reports() if r.status == "rejected"}
    in_view = {cid for *_, ids in _view(sqlite_store) for cid in ids}
    for r in sqlite_store.reports():
        found = underlying_of(sqlite_store, r.claim_id)
        if r.claim_id in rejected:
            assert r.claim_id not in in_view
            continue
        assert found is not None, r.claim_id
        assert r.claim_id in {x["claim_id"] for x in found["reports"]}
    assert underlying_of(sqlite_store, 10_000_000) is None
