"""Properties of the scorer (``tollwatch.evaluate``) on seeded random gold and predicted
claims: the counts add up, a perfect prediction scores 1, adding a spurious claim never
changes recall, swapping gold and prediction swaps precision and recall, per-metric counts
sum to the totals, and error classes account for every miss and every spurious claim."""

from __future__ import annotations

import random
from typing import Any

import pytest

from tollwatch.evaluate import ERROR_CLASSES, classify_errors, score

METRICS = ["killed", "injured", "detained", "displaced"]
SEEDS = range(10)


def _claim(rnd: random.Random, quote: str) -> dict[str, Any]:
    return {"metric": rnd.choice(METRICS), "value": rnd.choice([3, 5, 8, 13, 21, 300]),
            "qualifier": "exact", "actor": rnd.choice([None, "Peru", "Chile"]),
            "civilian": rnd.choice([None, True, False]),
            "origin": rnd.choice([[], ["the health ministry"], ["Kell Watch"]]),
            "date": rnd.choice([None, "2032-01-02"]), "quote": quote}


def corpus(seed: int, docs: int = 8) -> tuple[dict[str, list[dict[str, Any]]],
                                              dict[str, list[dict[str, Any]]]]:
    """Gold and a noisy prediction of it: some claims dropped, some changed, some added."""
    rnd = random.Random(seed)
    gold: dict[str, list[dict[str, Any]]] = {}
    pred: dict[str, list[dict[str, Any]]] = {}
    for d in range(docs):
        doc = f"d{d}"
        gold[doc] = [_claim(rnd, f"Sentence {d}.{i} of the document.")
                     for i in range(rnd.randrange(0, 5))]
        pred[doc] = []
        for g in gold[doc]:
            pick = rnd.random()
            if pick < 0.15:
                continue  # missed
            p = dict(g)
            if pick < 0.3:
                p["value"] = g["value"] + 1  # wrong number
            elif pick < 0.4:
                p["metric"] = next(m for m in METRICS if m != g["metric"])  # wrong metric
            elif pick < 0.5:
                p["actor"] = "Nowhere"
            pred[doc].append(p)
            if rnd.random() < 0.1:
                pred[doc].append(dict(p))  # extracted twice
        for _ in range(rnd.randrange(0, 2)):
            pred[doc].append(_claim(rnd, f"Another sentence of {doc}."))
    return gold, pred


def _total(claims: dict[str, list[dict[str, Any]]]) -> int:
    return sum(len(v) for v in claims.values())


@pytest.mark.parametrize("seed", SEEDS)
def test_the_counts_add_up(seed: int) -> None:
    gold, pred = corpus(seed)
    s = score(gold, pred)
    assert s.docs == len(gold)
    assert s.gold == _total(gold) and s.predicted == _total(pred)
    assert 0 <= s.matched <= min(s.gold, s.predicted)
    if s.predicted:
        assert s.precision == round(s.matched / s.predicted, 4)
    if s.gold:
        assert s.recall == round(s.matched / s.gold, 4)
    if s.precision + s.recall:
        assert s.f1 == pytest.approx(2 * s.precision * s.recall / (s.precision + s.recall),
                                     abs=2e-4)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_perfect_prediction_scores_one(seed: int) -> None:
    gold, _ = corpus(seed)
    if not _total(gold):
        pytest.skip("no gold claims")
    s = score(gold, {k: [dict(c) for c in v] for k, v in gold.items()})
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert all(v in (1.0, None) for v in s.accuracy.values())
    assert s.errors == []


@pytest.mark.parametrize("seed", SEEDS)
def test_a_spurious_claim_never_changes_recall(seed: int) -> None:
    gold, pred = corpus(seed)
    before = score(gold, pred)
    noisy = {k: [*v, {"metric": "killed", "value": 987654, "quote": "noise"}]
             for k, v in pred.items()}
    after = score(gold, noisy)
    assert after.recall == before.recall and after.matched == before.matched
    assert after.predicted == before.predicted + len(gold)
    assert after.precision <= before.precision


@pytest.mark.parametrize("seed", SEEDS)
def test_a_claim_without_a_number_is_not_a_prediction(seed: int) -> None:
    gold, pred = corpus(seed)
    blank = {k: [*v, {"metric": "killed", "value": None, "low": None, "high": None}]
             for k, v in pred.items()}
    assert score(gold, blank).as_dict() == score(gold, pred).as_dict()


@pytest.mark.parametrize("seed", SEEDS)
def test_swapping_gold_and_prediction_swaps_precision_and_recall(seed: int) -> None:
    gold, pred = corpus(seed)
    a, b = score(gold, pred), score(pred, gold)
    assert a.matched == b.matched
    assert (a.precision, a.recall, a.f1) == (b.recall, b.precision, b.f1)


@pytest.mark.parametrize("seed", SEEDS)
def test_per_metric_counts_sum_to_the_totals(seed: int) -> None:
    s = score(*corpus(seed))
    per = s.per_metric.values()
    assert sum(int(m["gold"]) for m in per) == s.gold
    assert sum(int(m["predicted"]) for m in per) == s.predicted
    assert sum(int(m["matched"]) for m in per) == s.matched
    for m in per:
        assert 0.0 <= float(m["f1"]) <= 1.0


@pytest.mark.parametrize("seed", SEEDS)
def test_error_classes_account_for_every_miss_and_spurious_claim(seed: int) -> None:
    s = score(*corpus(seed))
    raw_missed = sum(e.kind == "missed" for e in s.errors)
    raw_spurious = sum(e.kind == "spurious" for e in s.errors)
    assert raw_missed == s.gold - s.matched
    assert raw_spurious == s.predicted - s.matched
    classes = classify_errors(s.errors)
    count = {k: sum(e.kind == k for e in classes) for k in ERROR_CLASSES}
    pairs = count["wrong metric"] + count["wrong number"]
    assert count["missed"] + pairs == raw_missed
    assert count["spurious"] + count["duplicate"] + pairs == raw_spurious
    order = [ERROR_CLASSES.index(e.kind) for e in classes]
    assert order == sorted(order)
    for e in classes:
        if e.kind in ("wrong metric", "wrong number", "duplicate"):
            assert e.other is not None


def test_a_document_only_in_the_prediction_is_not_scored() -> None:
    gold = {"a": [{"metric": "killed", "value": 3}]}
    pred = {"a": [{"metric": "killed", "value": 3}], "zz": [{"metric": "killed", "value": 9}]}
    s = score(gold, pred)
    assert (s.docs, s.predicted, s.precision) == (1, 1, 1.0)


def test_hedged_gold_matches_a_range_end() -> None:
    gold = {"a": [{"metric": "injured", "value": 40, "qualifier": "min"}]}
    pred = {"a": [{"metric": "injured", "value": None, "low": 40, "high": 60}]}
    assert score(gold, pred).matched == 1
    exact = {"a": [{"metric": "injured", "value": 40, "qualifier": "exact"}]}
    assert score(exact, pred).matched == 0
