"""Properties reconciliation must keep on any input, checked on seeded random corpora of
hand-built reports (numbers, hedges, origins, dates and outlets drawn at random):

* every report that takes part lands in exactly one underlying claim;
* a claim's first and last dates are its reports' earliest and latest;
* the result does not depend on the order the reports come in;
* updates revise an earlier claim of their own series, with another figure;
* disagreements are between two origins, revisions within one;
* filters, exports and the JSON shape agree with the claims they start from.
"""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date, timedelta

import pytest
from tests.reconcile.conftest import report

from tollwatch.model import Report
from tollwatch.reconcile import (
    ReconcileOptions,
    UnderlyingClaim,
    filter_claims,
    find_discrepancies,
    relative_gap,
    underlying_claims,
)
from tollwatch.reconcile.export import CLAIM_COLUMNS, claim_rows, csv_text, event_rows
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.timeline import to_jsonl
from tollwatch.reconcile.underlying import keep_report, parse_date

ORIGINS: list[list[str]] = [
    ["Ukraine's General Staff"], ["the regional governor"], ["Kestbury Monitor"],
    ["Orlan Vesk"], [], ["an official"],
]
ACTORS: list[str | None] = ["Russia", "Ukraine", None]
OUTLETS = ["Harbour Wire", "Evening Courier", "Valley Times"]
VALUES = [12, 12, 15, 40, 300, 310, 1000]
START = date(2031, 3, 1)
SEEDS = range(8)


def corpus(seed: int, n: int = 50, *, stances: bool = False) -> list[Report]:
    """``n`` one-claim reports drawn with ``seed``; with ``stances``, some rejected,
    denied, hypothetical or without a figure."""
    rnd = random.Random(seed)
    out: list[Report] = []
    for i in range(n):
        day = START + timedelta(days=rnd.randrange(45))
        value: int | None = rnd.choice(VALUES)
        low = high = None
        qualifier = rnd.choice(["exact", "exact", "approx", "min", "max"])
        if rnd.random() < 0.1:
            value, low, high, qualifier = None, 20, 30, "range"
        stance, status = "asserted", None
        if stances:
            pick = rnd.random()
            if pick < 0.1:
                stance = "denied"
            elif pick < 0.2:
                stance = "hypothetical"
            elif pick < 0.3:
                status = "rejected"
            elif pick < 0.35:
                value = low = high = None
        out.append(report(
            f"doc{i:03d}", rnd.choice(["killed", "injured"]), value, low=low, high=high,
            origin=rnd.choice(ORIGINS), outlet=rnd.choice(OUTLETS),
            published=(day + timedelta(days=rnd.randrange(3))).isoformat(),
            date=day.isoformat() if rnd.random() < 0.7 else None,
            actor=rnd.choice(ACTORS), qualifier=qualifier, stance=stance, status=status,
            quote=f"Report {i} gives the figure {value or low} for the week.",
            claim_id=i + 1))
    return out


def signature(claims: list[UnderlyingClaim]) -> list[tuple[object, ...]]:
    return sorted((c.id, c.kind, c.revises, c.date, c.last_date, c.origin, c.value, c.low,
                   c.high, tuple(sorted(r.claim_id for r in c.reports))) for c in claims)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_kept_report_is_in_exactly_one_claim(seed: int, names: Names) -> None:
    reports = corpus(seed, stances=True)
    kept = {r.claim_id for r in reports if keep_report(r, ReconcileOptions())}
    claims = underlying_claims(reports, names=names)
    placed = [r.claim_id for c in claims for r in c.reports]
    assert len(placed) == len(set(placed))
    assert set(placed) == kept
    assert len({c.id for c in claims}) == len(claims)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_claims_dates_span_its_reports(seed: int, names: Names) -> None:
    for c in underlying_claims(corpus(seed), names=names):
        days = [r.date for r in c.reports if r.date is not None]
        if days:
            assert (c.date, c.last_date) == (min(days), max(days))
        else:
            assert c.date is None and c.last_date is None
        assert c.reports, "a claim without reports"


@pytest.mark.parametrize("seed", SEEDS)
def test_the_result_does_not_depend_on_report_order(seed: int, names: Names) -> None:
    reports = corpus(seed)
    expected = signature(underlying_claims(reports, names=names))
    for shuffle in range(3):
        again = list(reports)
        random.Random(shuffle).shuffle(again)
        assert signature(underlying_claims(again, names=names)) == expected


@pytest.mark.parametrize("seed", SEEDS)
def test_claims_come_in_date_order_undated_last(seed: int, names: Names) -> None:
    claims = underlying_claims(corpus(seed), names=names)
    days = [c.date or "9999-99-99" for c in claims]
    assert days == sorted(days)


@pytest.mark.parametrize("seed", SEEDS)
def test_updates_revise_an_earlier_claim_of_their_series(seed: int, names: Names) -> None:
    claims = underlying_claims(corpus(seed), names=names)
    by_id = {c.id: c for c in claims}
    for c in claims:
        if c.kind == "first":
            assert c.revises is None
            continue
        if c.kind == "update":
            assert c.revises in by_id, c.to_record()
            prev = by_id[c.revises]
            assert prev.series == c.series
            assert prev.numbers != c.numbers
            assert (prev.date or "9999") <= (c.date or "9999")


@pytest.mark.parametrize("seed", SEEDS)
def test_each_series_starts_once(seed: int, names: Names) -> None:
    firsts: dict[object, list[str]] = {}
    for c in underlying_claims(corpus(seed), names=names):
        if c.kind == "first":
            firsts.setdefault(c.series, []).append(c.id)
    assert all(len(ids) == 1 for ids in firsts.values()), firsts


@pytest.mark.parametrize("seed", SEEDS)
def test_reconciling_twice_gives_the_same_records(seed: int, names: Names) -> None:
    reports = corpus(seed)
    first = to_jsonl(underlying_claims(reports, names=names))
    assert to_jsonl(underlying_claims(reports, names=names)) == first
    rows = [json.loads(line) for line in first.splitlines()]
    assert len(rows) == len(underlying_claims(reports, names=names))
    assert all(set(r) >= {"id", "origin", "date", "kind", "reports"} for r in rows)


def test_ids_do_not_depend_on_unrelated_reports(names: Names) -> None:
    reports = corpus(3)
    alone = {c.id for c in underlying_claims(reports[:1], names=names)}
    (cid,) = alone
    # a report of another metric and origin does not change the first claim's id
    other = report("zz", "injured" if reports[0].claim.metric == "killed" else "killed", 7,
                   origin=["Valley Medical Board"], actor="Ukraine", date="2031-05-30",
                   claim_id=999)
    assert cid in {c.id for c in underlying_claims([*reports[:1], other], names=names)}


# -- options ----------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_options_bring_back_what_they_name(seed: int, names: Names) -> None:
    reports = corpus(seed, stances=True)

    def placed(opts: ReconcileOptions) -> set[int]:
        return {r.claim_id for c in underlying_claims(reports, opts, names=names)
                for r in c.reports}

    base = placed(ReconcileOptions())
    every = placed(ReconcileOptions(include_rejected=True, include_denied=True,
                                    include_hypothetical=True))
    assert base <= every
    by_id = {r.claim_id: r for r in reports}
    for cid in every - base:
        r = by_id[cid]
        assert r.status == "rejected" or r.claim.stance in ("denied", "hypothetical")
    for cid in base:
        assert by_id[cid].status != "rejected"
        assert by_id[cid].claim.stance == "asserted"
    no_figure = {r.claim_id for r in reports
                 if r.claim.value is None and r.claim.low is None and r.claim.high is None}
    assert not (no_figure & every)


def test_denied_claims_keep_their_stance_when_included(names: Names) -> None:
    reps = [report("n1", "killed", 40, origin=["the regional governor"], date="2031-03-02",
                   stance="denied")]
    assert underlying_claims(reps, names=names) == []
    (c,) = underlying_claims(reps, ReconcileOptions(include_denied=True), names=names)
    assert c.stance == "denied"
    # a denied figure is never a disagreement or revision
    assert find_discrepancies([c], names=names) == []


@pytest.mark.parametrize("gap,window,claims", [(3, 7, 1), (7, 7, 1), (8, 7, 2), (2, 1, 2),
                                                (0, 0, 1)])
def test_the_window_joins_reports_close_enough(names: Names, gap: int, window: int,
                                               claims: int) -> None:
    first = START
    later = START + timedelta(days=gap)
    reps = [report("w1", "killed", 40, origin=["the regional governor"],
                   date=first.isoformat(), published=first.isoformat(), claim_id=1),
            report("w2", "killed", 40, origin=["the regional governor"],
                   date=later.isoformat(), published=later.isoformat(), claim_id=2,
                   quote="A second sentence giving forty dead.")]
    got = underlying_claims(reps, ReconcileOptions(window_days=window), names=names)
    assert len(got) == claims
    if claims == 2:
        assert [c.kind for c in got] == ["first", "repeat"]


def test_an_undated_repeat_joins_the_earlier_claim_only_when_asked(names: Names) -> None:
    reps = [report("u1", "killed", 40, origin=["the regional governor"], date="2031-03-02",
                   published="2031-03-02", claim_id=1),
            report("u2", "killed", 40, origin=["the regional governor"], date=None,
                   published="2031-04-20", claim_id=2,
                   quote="The governor's figure of forty dead was repeated.")]
    joined = underlying_claims(reps, names=names)
    # it joins the claim first reported on 03-02; its publication day is the last report
    assert [(c.date, c.last_date) for c in joined] == [("2031-03-02", "2031-04-20")]
    assert sorted(r.claim_id for r in joined[0].reports) == [1, 2]
    apart = underlying_claims(reps, ReconcileOptions(attach_undated=False), names=names)
    assert len(apart) == 2


# -- discrepancies ----------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_disagreements_pair_two_origins_revisions_one(seed: int, names: Names) -> None:
    claims = underlying_claims(corpus(seed), names=names)
    for d in find_discrepancies(claims, names=names):
        a, b = d.claims
        assert (a.actor, a.metric) == (b.actor, b.metric) == (d.actor, d.metric)
        assert a.stance == b.stance == "asserted"
        assert a.date is not None and b.date is not None
        if d.kind == "disagreement":
            assert a.origin_key != b.origin_key
            assert d.gap > 0.2
            assert d.gap == pytest.approx(relative_gap(a, b))
            da, db = parse_date(a.date), parse_date(b.date)
            assert da is not None and db is not None and 0 <= (db - da).days <= 30
        else:
            assert a.origin_key == b.origin_key and b.revises == a.id
            assert a.date <= b.date
        text = d.describe()
        assert a.origin in text and b.origin in text
        json.dumps(d.to_dict())


@pytest.mark.parametrize("seed", SEEDS)
def test_a_higher_threshold_never_finds_more(seed: int, names: Names) -> None:
    claims = underlying_claims(corpus(seed), names=names)

    def pairs(threshold: float) -> set[tuple[str, str]]:
        return {(d.claims[0].id, d.claims[1].id) for d in find_discrepancies(
            claims, threshold=threshold, revisions=False, names=names)}

    loose, strict, none = pairs(0.05), pairs(0.5), pairs(10.0)
    assert strict <= loose
    assert none == set()


@pytest.mark.parametrize("seed", SEEDS)
def test_switches_pick_the_kinds(seed: int, names: Names) -> None:
    claims = underlying_claims(corpus(seed), names=names)
    both = find_discrepancies(claims, names=names)
    only_rev = find_discrepancies(claims, disagreements=False, names=names)
    only_dis = find_discrepancies(claims, revisions=False, names=names)
    assert {d.kind for d in only_rev} <= {"revision"}
    assert {d.kind for d in only_dis} <= {"disagreement"}
    assert len(both) == len(only_rev) + len(only_dis)
    assert find_discrepancies(claims, revisions=False, disagreements=False, names=names) == []


def test_relative_gap_is_symmetric_and_zero_for_overlaps(names: Names) -> None:
    claims = underlying_claims(corpus(1), names=names)
    for a in claims[:12]:
        assert relative_gap(a, a) == 0.0
        for b in claims[:12]:
            assert relative_gap(a, b) == pytest.approx(relative_gap(b, a))
            assert relative_gap(a, b) >= 0.0


# -- filters and exports ----------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_filters_select_a_subset_and_compose(seed: int, names: Names) -> None:
    claims = underlying_claims(corpus(seed), names=names)
    ids = {c.id for c in claims}
    killed = filter_claims(claims, metric="killed", names=names)
    assert {c.id for c in killed} <= ids and all(c.metric == "killed" for c in killed)
    russia = filter_claims(claims, actor="Russian", names=names)
    assert all(c.actor == "Russia" for c in russia)
    both = filter_claims(claims, actor="Russia", metric="killed", names=names)
    assert {c.id for c in both} == {c.id for c in killed} & {c.id for c in russia}
    # filtering what is already filtered changes nothing
    assert [c.id for c in filter_claims(both, actor="Russia", metric="killed",
                                        names=names)] == [c.id for c in both]
    n_metric = len(filter_claims(claims, metric="killed", names=names)) + len(
        filter_claims(claims, metric="injured", names=names))
    assert n_metric == len(claims)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_csv_export_has_a_row_per_claim_with_its_reports(seed: int, names: Names) -> None:
    claims = underlying_claims(corpus(seed), names=names)
    rows = list(csv.DictReader(io.StringIO(csv_text(claims))))
    assert len(rows) == len(claims)
    assert tuple(rows[0]) == CLAIM_COLUMNS if rows else True
    for row, c in zip(rows, claims, strict=True):
        assert row["id"] == c.id and int(row["report_count"]) == len(c.reports)
        assert row["doc_ids"].split("; ") == list(dict.fromkeys(r.doc_id for r in c.reports))
        assert row["first_quote"] == c.reports[0].quote
    assert [r["id"] for r in claim_rows(claims)] == [c.id for c in claims]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("style", ["ucdp", "acled"])
def test_events_are_the_dated_asserted_killings(seed: int, style: str, names: Names) -> None:
    claims = underlying_claims(corpus(seed), names=names)
    rows = event_rows(claims, style, names=names)  # type: ignore[arg-type]
    wanted = [c for c in claims if c.metric == "killed" and c.date is not None
              and c.stance == "asserted"]
    assert [r["tollwatch_claim_id"] for r in rows] == [c.id for c in wanted]
    for row, c in zip(rows, wanted, strict=True):
        low, best, high = row["low"], row["best"], row["high"]
        assert best is not None
        if low is not None:
            assert low <= best
        if high is not None:
            assert best <= high
        if style == "ucdp":
            deaths = [row["deaths_a"], row["deaths_civilians"], row["deaths_unknown"]]
            assert [d for d in deaths if d is not None] == [best]
            assert row["date_start"] == c.date and row["year"] == int(c.date[:4])
        else:
            assert row["fatalities"] == best and row["event_date"] == c.date
