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


def test_agrees_with_the_reference_scorer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Same measures as ../shared/eval/score.py on the same predictions (when present)."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    ref = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
    if not ref.exists():
        pytest.skip("reference scorer ../shared/eval/score.py not present")
    gold = {"a": [_c("killed", 10, qualifier="min", actor="Mali", civilian=False,
                     origin=["Army"], speaker=[], date="2024-01-02"),
                  _c("injured", 3, qualifier="exact", actor=None, civilian=None, origin=[],
                     speaker=[], date=None),
                  {"metric": "displaced", "value": None, "low": 100, "high": 200,
                   "qualifier": "range", "origin": ["UN"], "speaker": []}],
            "b": [_c("detained", 7, qualifier="approx", origin=["police"], speaker=[])]}
    pred = {"a": [_c("killed", 10, qualifier="exact", actor="mali", civilian=False,
                     origin=["the army spokesman"], date="2024-01-02"),
                  {"metric": "displaced", "value": None, "low": 100, "high": 200,
                   "origin": [], "speaker": ["UN agency"]},
                  _c("captured", 4)],
            "b": [_c("detained", 7, qualifier="approx", origin=[], speaker=[])]}
    gpath, ppath = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gpath.write_text("\n".join(json.dumps({"id": k, "text": "", "claims": v})
                               for k, v in gold.items()), encoding="utf-8")
    ppath.write_text("\n".join(json.dumps({"id": k, "claims": v}) for k, v in pred.items()),
                     encoding="utf-8")
    out = subprocess.run([sys.executable, str(ref), str(gpath), str(ppath), "--json"],
                         capture_output=True, text=True, check=True)
    theirs = json.loads(out.stdout)
    ours = score(gold, pred).as_dict()
    ours.pop("per_metric")
    assert ours == theirs


def test_errors_are_grouped_by_class() -> None:
    from tollwatch.evaluate import ERROR_CLASSES, classify_errors

    gold = {"d": [_c("killed", 10, quote="Ten died in the raid."),
                  _c("abducted", 6, quote="Six were freed."),
                  _c("injured", None, low=3, high=5, quote="Three to five were hurt."),
                  _c("missing", 2, quote="Two are missing.")]}
    pred = {"d": [_c("killed", 10, quote="Ten died in the raid."),
                  _c("killed", 10, quote="The ten dead were buried."),    # duplicate
                  _c("captured", 6, quote="Six were freed."),             # wrong metric
                  _c("injured", 3, quote="Three to five were hurt."),     # wrong number
                  _c("deployed", 40, quote="40 troops arrived.")]}        # spurious
    s = score(gold, pred)
    cases = classify_errors(s.errors)
    assert cases == s.error_classes()
    kinds = [c.kind for c in cases]
    assert kinds == ["missed", "spurious", "wrong metric", "wrong number", "duplicate"]
    assert kinds == sorted(kinds, key=ERROR_CLASSES.index)
    by_kind = {c.kind: c for c in cases}
    assert by_kind["missed"].key == ("missing", 2, None, None)
    assert by_kind["wrong metric"].key == ("captured", 6, None, None)
    assert by_kind["wrong metric"].other == ("abducted", 6, None, None)
    assert by_kind["wrong number"].other == ("injured", None, 3, 5)
    assert by_kind["duplicate"].key == ("killed", 10, None, None)
    # the raw errors stay as the scorer counts them
    assert sorted(e.kind for e in s.errors) == ["missed"] * 3 + ["spurious"] * 4


def test_matched_claims_with_a_wrong_source_or_date_are_listed_after_the_rest() -> None:
    from tollwatch.evaluate import ERROR_CLASSES

    gold = {"d": [_c("killed", 10, origin=["Harbour Police"], date="2031-04-02",
                     quote="Ten died, the harbour police said on Tuesday."),
                  _c("injured", 4, origin=[], date=None, quote="Four were hurt."),
                  _c("missing", 2, origin=["the mayor"], date=None, quote="Two are missing.")]}
    pred = {"d": [_c("killed", 10, origin=["the harbour police"], date=None,
                     quote="Ten died, the harbour police said on Tuesday."),
                  _c("injured", 4, origin=["the mayor"], date=None, quote="Four were hurt."),
                  _c("missing", 2, origin=["Mayor Ines Kolar", "the mayor"], date=None,
                     quote="Two are missing.")]}
    s = score(gold, pred)
    assert s.errors == []  # every claim matched
    cases = s.error_classes()
    assert [c.kind for c in cases] == ["wrong source", "wrong date"]
    assert ERROR_CLASSES[-2:] == ("wrong source", "wrong date")
    source, date = cases
    assert date.key == ("killed", 10, None, None)
    assert date.detail == "gold 2031-04-02 predicted None"
    assert source.key == ("injured", 4, None, None)
    assert source.detail == "gold own voice predicted ['the mayor']"
    # the accuracies count the same pairs
    assert s.accuracy["date"] == round(2 / 3, 4) and s.accuracy["source"] == round(2 / 3, 4)
