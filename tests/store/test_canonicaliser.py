"""The store under the alias tables' canonicaliser (``reconcile.names.store_canonicaliser``):
a filter by any name of an actor or source finds the claims stored under its other names,
the quick readers answer as the store does, and ``renormalise`` regroups names stored
under the plain ``fold`` (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tollwatch.model import Claim, Document
from tollwatch.reconcile.names import store_canonicaliser
from tollwatch.store import Filters, Store, open_reports
from tollwatch.store.names import fold

V = "canon-1"

STORIES: list[tuple[str, str, str, str, int]] = [
    # (doc id, actor as written, origin as written, metric, value)
    ("k1", "DPRK", "Seoul's spy agency", "deployed", 3000),
    ("k2", "North Korean", "the National Intelligence Service", "killed", 40),
    ("k3", "Pyongyang", "NIS", "injured", 90),
    ("k4", "Norway", "the Lakeside Monitoring Network", "displaced", 250),
    ("k5", "Norwegian", "Lakeside Monitoring Network", "killed", 2),
]


def _fill(store: Store) -> None:
    for n, (doc_id, actor, origin, metric, value) in enumerate(STORIES):
        text = f"{origin} said {value} people were {metric}, citing {actor} sources ({n})."
        store.add_document(
            Document(id=doc_id, text=text, published=f"2032-01-{n + 10:02d}"),
            [Claim(metric=metric, value=value, actor=actor, origin=[origin], quote=text,
                   start=0, end=len(text))], V)


@pytest.fixture
def canon_store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url, canonicalise=store_canonicaliser)
    _fill(s)
    yield s
    s.close()


def _docs(store: Store, **f: str) -> list[str]:
    return [r.doc_id for r in store.reports(**f)]


@pytest.mark.parametrize("name", ["North Korea", "DPRK", "Pyongyang", "north korean"])
def test_any_name_of_an_actor_finds_all_its_claims(canon_store: Store, name: str) -> None:
    assert _docs(canon_store, actor=name) == ["k1", "k2", "k3"]
    assert canon_store.count_reports(actor=name) == 3


@pytest.mark.parametrize("name", ["NIS", "Seoul's spy agency",
                                  "National Intelligence Service (South Korea)"])
def test_any_name_of_a_source_finds_all_its_claims(canon_store: Store, name: str) -> None:
    assert _docs(canon_store, origin=name) == ["k1", "k2", "k3"]


def test_names_stay_as_written(canon_store: Store) -> None:
    by_doc = {r.doc_id: r.claim for r in canon_store.reports()}
    assert by_doc["k1"].actor == "DPRK" and by_doc["k3"].origin == ["NIS"]
    assert by_doc["k2"].actor == "North Korean"


def test_alias_ids_group_the_spellings(canon_store: Store) -> None:
    korea = canon_store.alias_ids("actor", "DPRK")
    assert len(korea) == 3  # three spellings, one actor
    assert canon_store.alias_ids("actor", "Pyongyang") == korea
    assert canon_store.alias_ids("actor", "Norway").isdisjoint(korea)
    assert canon_store.stats().actors == 2


def test_the_quick_reader_answers_as_the_store(canon_store: Store) -> None:
    for f in [Filters(actor="Pyongyang"), Filters(origin="NIS"), Filters(actor="Norwegian"),
              Filters(actor="Pyongyang", metric="killed"), Filters()]:
        with open_reports(canon_store.url if "postgresql" in canon_store.url
                          else canon_store.engine.url.database,
                          canonicalise=store_canonicaliser) as source:
            got = [(r.claim_id, r.doc_id) for r in source.reports(f)]
            assert source.count(f) == len(got)
        want = [(r.claim_id, r.doc_id) for r in canon_store.reports(
            f.actor, f.metric, f.origin, f.since, f.until, f.doc_id)]
        assert got == want, f


def test_renormalise_merges_what_fold_kept_apart(db_url: str) -> None:
    with Store.open(db_url) as plain:
        _fill(plain)
        assert plain.stats().actors == 5  # fold keeps every spelling apart
        assert _docs(plain, actor="Pyongyang") == ["k3"]
        moved = plain.renormalise(store_canonicaliser)
        assert moved > 0
        assert plain.stats().actors == 2
        assert _docs(plain, actor="Pyongyang") == ["k1", "k2", "k3"]
        assert _docs(plain, origin="NIS") == ["k1", "k2", "k3"]
        # and back: the plain fold splits them again
        plain.renormalise(fold)
        assert plain.stats().actors == 5
        assert _docs(plain, actor="Pyongyang") == ["k3"]


def test_a_store_reopened_with_the_canonicaliser_finds_new_and_old(db_url: str) -> None:
    with Store.open(db_url, canonicalise=store_canonicaliser) as s:
        _fill(s)
    with Store.open(db_url, canonicalise=store_canonicaliser) as s:
        text = "Officials in Pyongyang said 12 soldiers were killed (later)."
        s.add_document(Document(id="k6", text=text, published="2032-02-01"),
                       [Claim("killed", 12, actor="Democratic People's Republic of Korea",
                              quote=text, start=0, end=len(text))], V)
        assert _docs(s, actor="North Korea", metric="killed") == ["k2", "k6"]
