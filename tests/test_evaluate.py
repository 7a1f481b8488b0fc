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
