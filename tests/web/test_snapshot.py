"""The reconciled view (web/snapshot.py) built from a store of hand-made claims: its
indexes, series, actors and sources, and the JSON fragments it makes once."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tollwatch.model import Claim, Report
from tollwatch.reconcile.items import timeline_item
from tollwatch.reconcile.names import default_names
from tollwatch.reconcile.underlying import ReconcileOptions
from tollwatch.store import Store
from tollwatch.web.service import NameCount, Series, Snapshot
from tollwatch.web.service import report_dict as old_report_dict
from tollwatch.web.snapshot import build_snapshot, report_dict

from .handmade import fill


@pytest.fixture
def store(tmp_path: object) -> Iterator[Store]:
    with Store.open("sqlite:///:memory:") as s:
        fill(s)
        yield s


def _build(store: Store, fp: tuple[int, int, int, int] = (1, 2, 3, 4)) -> Snapshot:
    return build_snapshot(fp, store.reports(), store.claim_index(), ReconcileOptions(),
                          default_names())


def test_the_names_stay_importable_from_service() -> None:
    assert old_report_dict is report_dict


def test_every_report_belongs_to_exactly_one_underlying_claim(store: Store) -> None:
    snap = _build(store)
    ids = [r.claim_id for r in snap.reports]
    assert sorted(snap.by_claim_id) == sorted(ids)
    members = [ref.claim_id for c in snap.claims for ref in c.reports]
    assert sorted(members) == sorted(ids)
    for cid, under in snap.by_claim_id.items():
        assert cid in [ref.claim_id for ref in under.reports]


def test_by_actor_joins_every_name_of_an_actor_in_date_order(store: Store) -> None:
    snap = _build(store)
    assert set(snap.by_actor) == {"russia", "ukraine"}
    russia = snap.by_actor["russia"]
    assert [(c.date, c.metric, c.value) for c in russia] == [
        ("2024-03-31", "injured", 30), ("2024-03-31", "killed", 12),
        ("2024-04-02", "killed", 15)]
    assert all(c.actor == "Russia" for c in russia)


def test_claims_of_no_actor_are_only_indexed_by_origin(store: Store) -> None:
    snap = _build(store)
    no_actor = [c for c in snap.claims if c.actor is None]
    assert [c.metric for c in no_actor] == ["displaced"]
    assert all(no_actor[0] not in seq for seq in snap.by_actor.values())
    assert no_actor[0] in snap.by_origin["a un agency"]


def test_series_count_claims_reports_and_origins_busiest_first(store: Store) -> None:
    snap = _build(store)
    assert snap.series == [
        Series("Russia", "killed", 2, 2, 1, "2024-03-31", "2024-04-02"),
        Series("Russia", "injured", 1, 1, 1, "2024-03-31", "2024-03-31"),
        Series("Ukraine", "detained", 1, 1, 1, None, None)]
    assert snap.series[0].to_dict() == {"actor": "Russia", "metric": "killed", "claims": 2,
                                        "reports": 2, "origins": 1, "first": "2024-03-31",
                                        "last": "2024-04-02"}


def test_actors_and_sources(store: Store) -> None:
    snap = _build(store)
    assert snap.actors == [NameCount("Russia", 3, 3, (), ("injured", "killed")),
                           NameCount("Ukraine", 1, 1, (), ("detained",))]
    health = snap.sources[0]
    assert (health.name, health.claims, health.reports) == ("Ministry of Health", 3, 3)
    assert health.aliases == ("the health ministry", "health ministry")
    assert health.to_dict()["aliases"] == ["the health ministry", "health ministry"]
    assert [s.reports for s in snap.sources] == sorted((s.reports for s in snap.sources),
                                                       reverse=True)


def test_the_claim_list_index_follows_the_extraction(store: Store) -> None:
    snap = _build(store)
    assert snap.metric_at == [r.claim.metric for r in snap.reports]
    positions = sorted(p for seq in snap.by_alias.values() for p in seq)
    assert positions == list(range(len(snap.reports)))
    assert snap.by_alias[None] == [3]  # the report with no actor


def test_review_statuses_are_kept(store: Store) -> None:
    first = store.reports()[0]
    store.review(first.claim_id, "rejected")
    snap = _build(store)
    assert snap.status == {first.claim_id: "rejected"}


def test_an_empty_store_gives_an_empty_view() -> None:
    with Store.open("sqlite:///:memory:") as s:
        snap = _build(s, (0, 0, 0, 0))
    assert snap.claims == [] and snap.series == [] and snap.actors == []
    assert snap.sources == [] and snap.by_alias == {} and snap.group_series == []
    assert snap.fingerprint == (0, 0, 0, 0) and snap.seconds >= 0


def test_fragments_are_the_items_json_made_once(store: Store) -> None:
    snap = _build(store)
    c = snap.claims[0]
    text = snap.item_json(c)
    assert json.loads(text) == json.loads(json.dumps(timeline_item(c, snap.status)))
    assert snap.item_json(c) is text  # made once
    first = snap.report_json(0)
    assert json.loads(first) == report_dict(snap.reports[0])
    assert snap.report_json(0) is first


def test_report_dict_is_the_report_with_its_group() -> None:
    claim = Claim(metric="abducted", value=7, subject="aid workers", actor="RSF",
                  origin=["a UN agency"], quote="Seven aid workers were abducted.", start=3,
                  end=35)
    report = Report(claim_id=9, doc_id="d", claim=claim, url="https://x.example",
                    outlet="X", published="2024-01-02", title="T", status="accepted")
    out = report_dict(report)
    base = report.to_dict()
    assert {k: out[k] for k in base} == base
    assert set(out) - set(base) == {"group", "subset", "group_status"}
    out["origin"].append("changed")
    assert claim.origin == ["a UN agency"]  # lists are copies


def test_the_json_keeps_unicode_and_escapes_nothing_it_should_not() -> None:
    claim = Claim(metric="killed", value=3, origin=["مصدر"], quote="<b>“3”</b> & co",
                  start=0, end=5)
    snap = Snapshot((0, 0, 0, 0), [], {}, {}, {}, {}, [], [], [],
                    reports=[Report(1, "d", claim)])
    text = snap.report_json(0)
    assert "مصدر" in text and "“3”" in text  # not \\u escapes
    assert json.loads(text)["quote"] == "<b>“3”</b> & co"
