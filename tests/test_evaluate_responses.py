"""The response scorer, on hand-made gold and predictions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tollwatch.evaluate_responses import claim_pairs, has_responses, score_responses

TEXT = "Rebels said 20 soldiers died. The army denied it. The police had no comment."
G_CLAIMS = [{"metric": "killed", "value": 20}]
GOLD = [{"id": "d", "text": TEXT, "claims": G_CLAIMS, "responses": [
    {"kind": "denied", "responder": ["the army"], "speaker": [], "claims": [0],
     "quote": "The army denied it."},
    {"kind": "no_comment", "responder": ["police"], "speaker": [], "claims": [0],
     "quote": "The police had no comment."}]}]


def _pred(*responses: dict[str, object], claims: list[dict[str, object]] | None = None
          ) -> dict[str, dict[str, object]]:
    return {"d": {"claims": claims if claims is not None else
                  [{"metric": "injured", "value": 3}, {"metric": "killed", "value": 20}],
                  "responses": list(responses)}}


def _at(quote: str) -> dict[str, int]:
    start = TEXT.index(quote)
    return {"start": start, "end": start + len(quote)}


def test_all_right() -> None:
    s = score_responses(GOLD, _pred(
        {"kind": "denied", "responder": ["The army"], "claims": [1], **_at("The army denied it.")},
        {"kind": "no_comment", "responder": ["the police"], "claims": [1],
         **_at("The police had no comment.")}))
    assert (s.gold, s.predicted, s.matched, s.f1) == (2, 2, 2, 1.0)
    assert (s.kind_acc, s.responder_acc, s.link_acc) == (1.0, 1.0, 1.0)


def test_wrong_kind_responder_and_link_are_counted() -> None:
    s = score_responses(GOLD, _pred(
        {"kind": "confirmed", "responder": ["the navy"], "claims": [0],
         **_at("The army denied it.")}))
    assert (s.matched, s.precision, s.recall) == (1, 1.0, 0.5)
    assert (s.kind_acc, s.responder_acc, s.link_acc) == (0.0, 0.0, 0.0)
    assert {e.kind for e in s.errors} == {"kind", "responder", "link", "missed"}


def test_spurious_and_quote_matching() -> None:
    s = score_responses(GOLD, _pred(
        {"kind": "denied", "responder": ["army"], "claims": [1], "quote": "The army denied it."},
        {"kind": "denied", "responder": ["rebels"], "claims": [], "quote": "Rebels said 20"}))
    assert (s.matched, s.predicted) == (1, 2)
    assert [e.kind for e in s.errors] == ["missed", "spurious"]


def test_claim_pairs_follow_the_claim_scorer() -> None:
    assert claim_pairs(G_CLAIMS, [{"metric": "killed", "value": None},
                                  {"metric": "killed", "value": 20}]) == {1: 0}
    assert has_responses(GOLD) and not has_responses([{"id": "x", "text": ""}])


def test_eval_command_scores_the_fixture(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "responses_gold.jsonl"
    out = subprocess.run([sys.executable, "-m", "tollwatch", "eval", str(fixture), "--json",
                          "--predictions", str(tmp_path / "p.jsonl")],
                         capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)["responses"]
    assert got["gold"] == 7
    assert got["precision"] >= 0.85 and got["recall"] >= 0.85
    assert got["kind_acc"] == 1.0
    lines = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert all("responses" in x for x in lines)
