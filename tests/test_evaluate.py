"""The scorer follows the annotation guidelines' matching rules."""

from tollwatch.evaluate import fold, score


def _c(metric: str, value: int | None, **kw: object) -> dict[str, object]:
    return {"metric": metric, "value": value, **kw}


def test_fold() -> None:
    assert fold("The Ministry’s  Office!") == "ministrys office"
    assert fold(None) == ""


def test_matching_and_accuracies() -> None:
    gold = {"d": [_c("killed", 10, qualifier="min", origin=["Health Ministry"], speaker=[]),
                  _c("injured", 4, qualifier="exact", origin=[], speaker=[])]}
    pred = {"d": [_c("killed", 10, qualifier="min", origin=["the health ministry spokesman"]),
                  _c("injured", 4, qualifier="approx", origin=["police"]),
                  _c("missing", 2)]}
    s = score(gold, pred)
    assert (s.matched, s.predicted, s.gold) == (2, 3, 2)
    assert s.accuracy["qualifier"] == 0.5
    assert s.accuracy["source"] == 0.5   # second has a source where gold has none
    assert s.per_metric["missing"]["predicted"] == 1


def test_min_gold_matches_range_end() -> None:
    gold = {"d": [_c("displaced", 5000, qualifier="min")]}
    pred = {"d": [{"metric": "displaced", "value": None, "low": 5000, "high": 6000}]}
    assert score(gold, pred).matched == 1


def test_claims_without_numbers_are_ignored() -> None:
    s = score({"d": []}, {"d": [{"metric": "killed", "value": None}]})
    assert s.predicted == 0
