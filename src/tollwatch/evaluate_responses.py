"""Score extracted responses against the ``responses`` lists of a gold file.

Per document, a predicted response matches a gold one when they are in the same sentence
(the predicted ``start``/``end`` overlap the gold ``quote`` in the text), one to one in text
order. Over all documents: precision, recall and F1 of those matches; on matched pairs,
**kind** accuracy, **responder** accuracy (as source accuracy for claims: a predicted
responder or speaker name matches a gold responder or speaker name, folded, or one contains
the other) and **link** accuracy: the claims the prediction answers, mapped onto gold claims
through the claim matching of :func:`tollwatch.evaluate.score` (same metric and number),
are exactly the gold response's ``claims``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tollwatch.evaluate import _as_int, _names, _numbers_match, _prf, _same_name, fold

__all__ = ["ResponseError", "ResponseScores", "claim_pairs", "gold_responses",
           "has_responses", "score_responses"]


@dataclass
class ResponseError:
    kind: str          # "missed", "spurious", or "kind", "responder", "link" on a match
    doc_id: str
    detail: str
    quote: str


@dataclass
class ResponseScores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    kind_acc: float | None = None
    responder_acc: float | None = None
    link_acc: float | None = None
    errors: list[ResponseError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "kind_acc": self.kind_acc, "responder_acc": self.responder_acc,
                "link_acc": self.link_acc}


def claim_pairs(gclaims: Sequence[Mapping[str, Any]],
                pclaims: Sequence[Mapping[str, Any]]) -> dict[int, int]:
    """Predicted claim index -> gold claim index, matched as the claim scorer does."""
    usable = [i for i, c in enumerate(pclaims)
              if any(_as_int(c.get(k)) is not None for k in ("value", "low", "high"))]
    used: set[int] = set()
    out: dict[int, int] = {}
    for gi, g in enumerate(gclaims):
        for i in usable:
            p = pclaims[i]
            if i not in used and p.get("metric") == g.get("metric") and _numbers_match(g, p):
                used.add(i)
                out[i] = gi
                break
    return out


def _span(text: str, r: Mapping[str, Any]) -> tuple[int, int]:
    start, end = r.get("start"), r.get("end")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        return start, end
    quote = str(r.get("quote") or "")
    at = text.find(quote) if quote else -1
    return (at, at + len(quote)) if at >= 0 else (-1, -1)


def _who(r: Mapping[str, Any]) -> list[str]:
    return [f for f in map(fold, _names(r.get("responder")) + _names(r.get("speaker"))) if f]


def score_responses(records: Iterable[Mapping[str, Any]],
                    pred: Mapping[str, Mapping[str, Any]]) -> ResponseScores:
    """Score ``pred`` (doc id -> {"claims": [...], "responses": [...]}) against the gold
    ``records`` (each with text, claims, responses)."""
    tp = fp = fn = 0
    right = {"kind": 0, "responder": 0, "link": 0}
    errors: list[ResponseError] = []
    for rec in records:
        doc_id, text = str(rec["id"]), str(rec.get("text") or "")
        gold = list(rec.get("responses") or [])
        got = pred.get(doc_id) or {}
        presp = list(got.get("responses") or [])
        pairs = claim_pairs(list(rec.get("claims") or []), list(got.get("claims") or []))
        used: set[int] = set()
        for g in gold:
            gs, ge = _span(text, g)
            spans = [_span(text, p) for p in presp]
            hit = next((i for i, (ps, pe) in enumerate(spans)
                        if i not in used and ps < ge and gs < pe), None)
            if hit is None:
                fn += 1
                errors.append(ResponseError("missed", doc_id, str(g.get("kind")),
                                            str(g.get("quote", ""))))
                continue
            used.add(hit)
            tp += 1
            p = presp[hit]
            quote = str(g.get("quote", ""))
            if p.get("kind") == g.get("kind"):
                right["kind"] += 1
            else:
                errors.append(ResponseError("kind", doc_id, f"{p.get('kind')} for "
                                            f"{g.get('kind')}", quote))
            gw, pw = _who(g), _who(p)
            if (not gw and not pw) or any(_same_name(a, b) for a in gw for b in pw):
                right["responder"] += 1
            else:
                errors.append(ResponseError("responder", doc_id, f"{pw} for {gw}", quote))
            linked = {pairs.get(int(i), -1 - int(i)) for i in p.get("claims") or []}
            want = {int(i) for i in g.get("claims") or []}
            if linked == want:
                right["link"] += 1
            else:
                errors.append(ResponseError("link", doc_id, f"{sorted(linked)} for "
                                            f"{sorted(want)}", quote))
        for i, p in enumerate(presp):
            if i not in used:
                fp += 1
                errors.append(ResponseError("spurious", doc_id, str(p.get("kind")),
                                            str(p.get("quote", ""))))
    prec, rec_, f1 = _prf(tp, fp, fn)

    def acc(k: str) -> float | None:
        return round(right[k] / tp, 4) if tp else None

    return ResponseScores(gold=tp + fn, predicted=tp + fp, matched=tp, precision=prec,
                          recall=rec_, f1=f1, kind_acc=acc("kind"),
                          responder_acc=acc("responder"), link_acc=acc("link"),
                          errors=errors)


def has_responses(records: Iterable[Mapping[str, Any]]) -> bool:
    """True when the gold file annotates responses (any record has a responses list)."""
    return any(isinstance(r.get("responses"), list) for r in records)


def gold_responses(records: Iterable[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {str(r["id"]): list(r.get("responses") or []) for r in records}
