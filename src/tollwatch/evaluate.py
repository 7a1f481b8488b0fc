"""Score extracted claims against a gold file, by the rules of the annotation guidelines.

The measures are those of the project's reference scorer: per document, predicted claims are
matched one-to-one to gold claims with the same metric and number; claim precision, recall
and F1 over all documents; on matched pairs, qualifier, actor, civilian and date accuracy
(case and punctuation folded) and source accuracy (a predicted origin or speaker name matches
a gold one, folded, or one contains the other; no source right when gold has none).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tollwatch.errors import InputError, RecordError

__all__ = ["ERROR_CLASSES", "ErrorCase", "Scores", "classify_errors", "fold", "load_gold",
           "score"]

FIELDS = ("qualifier", "actor", "civilian", "source", "date")


def fold(s: Any) -> str:
    if s is None:
        return ""
    out = unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode().lower()
    out = re.sub(r"^the\s+", "", out)
    return re.sub(r"[^a-z0-9]+", " ", out).strip()


def _names(x: Any) -> list[str]:
    if x is None:
        return []
    if isinstance(x, str):
        return [x] if x.strip() else []
    if isinstance(x, dict):
        return [n for v in x.values() for n in _names(v)]
    return [n for v in x for n in _names(v)]


def _pred_sources(c: Mapping[str, Any]) -> list[str]:
    src = _names(c.get("origin")) + _names(c.get("speaker"))
    s = c.get("source")
    if isinstance(s, dict):
        src += _names(s.get("origin")) + _names(s.get("speaker")) + _names(s.get("name"))
    elif s is not None:
        src += _names(s)
    return [f for f in map(fold, src) if f]


def _same_name(a: str, b: str) -> bool:
    return a == b or (len(a) >= 3 and len(b) >= 3 and (a in b or b in a))


def _as_int(v: Any) -> int | None:
    if v is None:
        return None
    try:
        return round(float(v))
    except (TypeError, ValueError):
        return None


def _key(c: Mapping[str, Any]) -> tuple[Any, ...]:
    return (c.get("metric"), _as_int(c.get("value")), _as_int(c.get("low")),
            _as_int(c.get("high")))


def _numbers_match(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    gv, pv = _as_int(g.get("value")), _as_int(p.get("value"))
    if gv is not None:
        return pv == gv or (pv is None and gv in (_as_int(p.get("low")), _as_int(p.get("high")))
                            and g.get("qualifier") in ("min", "max"))
    return (_as_int(g.get("low")), _as_int(g.get("high"))) == (_as_int(p.get("low")),
                                                               _as_int(p.get("high")))


ERROR_CLASSES = ("missed", "spurious", "wrong metric", "wrong number", "duplicate",
                 "wrong source", "wrong date")


@dataclass
class ErrorCase:
    kind: str          # "missed" or "spurious" (raw); after ``classify_errors`` one of
    doc_id: str        # ERROR_CLASSES
    key: tuple[Any, ...]
    quote: str
    other: tuple[Any, ...] | None = None   # the paired key: the gold one for "wrong metric",
    #                                        "wrong number" and "duplicate"
    detail: str = ""   # "wrong source" / "wrong date" of a matched claim: gold and predicted


@dataclass
class Scores:
    docs: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    accuracy: dict[str, float | None] = field(default_factory=dict)
    per_metric: dict[str, dict[str, float | int]] = field(default_factory=dict)
    errors: list[ErrorCase] = field(default_factory=list)
    # matched claims whose source or date differs from the gold ("wrong source", "wrong date")
    field_errors: list[ErrorCase] = field(default_factory=list)

    def error_classes(self) -> list[ErrorCase]:
        """The errors grouped by class (see ``classify_errors``), then the matched claims
        with a wrong source or date."""
        order = {k: n for n, k in enumerate(ERROR_CLASSES)}
        return classify_errors(self.errors) + sorted(self.field_errors,
                                                     key=lambda e: order[e.kind])

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "docs": self.docs, "gold": self.gold, "predicted": self.predicted,
            "matched": self.matched, "precision": self.precision, "recall": self.recall,
            "f1": self.f1,
        }
        for k in FIELDS:
            out[f"{k}_acc"] = self.accuracy.get(k)
        out["per_metric"] = self.per_metric
        return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def score(gold: Mapping[str, Sequence[Mapping[str, Any]]],
          pred: Mapping[str, Sequence[Mapping[str, Any]]]) -> Scores:
    """Score predictions (doc id -> claim dicts) against gold (doc id -> claim dicts)."""
    tp = fp = fn = 0
    acc = {k: [0, 0] for k in FIELDS}
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    errors: list[ErrorCase] = []
    field_errors: list[ErrorCase] = []
    for doc_id, gclaims in gold.items():
        pclaims = [c for c in pred.get(doc_id, [])
                   if any(_as_int(c.get(k)) is not None for k in ("value", "low", "high"))]
        used: set[int] = set()
        matched_keys: list[tuple[Any, ...]] = []
        for g in gclaims:
            hit = None
            for i, p in enumerate(pclaims):
                if i not in used and p.get("metric") == g["metric"] and _numbers_match(g, p):
                    hit = i
                    break
            if hit is None:
                fn += 1
                per[str(g["metric"])][2] += 1
                errors.append(ErrorCase("missed", doc_id, _key(g), str(g.get("quote", ""))))
                continue
            used.add(hit)
            matched_keys.append(_key(pclaims[hit]))
            tp += 1
            per[str(g["metric"])][0] += 1
            p = pclaims[hit]
            for f in ("qualifier", "actor", "civilian", "date"):
                acc[f][1] += 1
                acc[f][0] += fold(p.get(f)) == fold(g.get(f))
            quote = str(g.get("quote", ""))
            if fold(p.get("date")) != fold(g.get("date")):
                field_errors.append(ErrorCase(
                    "wrong date", doc_id, _key(p), quote,
                    detail=f"gold {g.get('date')} predicted {p.get('date')}"))
            gsrc = [f for f in map(fold, _names(g.get("origin")) + _names(g.get("speaker"))) if f]
            psrc = _pred_sources(p)
            acc["source"][1] += 1
            right = not psrc if not gsrc else any(_same_name(a, b) for a in gsrc for b in psrc)
            acc["source"][0] += right
            if not right:
                given = (_names(p.get("origin")) + _names(p.get("speaker")))[:3]
                field_errors.append(ErrorCase(
                    "wrong source", doc_id, _key(p), quote,
                    detail=f"gold {_names(g.get('origin'))[:3] or 'own voice'} predicted "
                           f"{given or 'own voice'}"))
        for i, p in enumerate(pclaims):
            if i not in used:
                fp += 1
                per[str(p.get("metric"))][1] += 1
                dup = _key(p) in matched_keys
                errors.append(ErrorCase("spurious", doc_id, _key(p), str(p.get("quote", "")),
                                        other=_key(p) if dup else None))
    prec, rec, f1 = _prf(tp, fp, fn)
    out = Scores(docs=len(gold), gold=tp + fn, predicted=tp + fp, matched=tp,
                 precision=prec, recall=rec, f1=f1, errors=errors,
                 field_errors=field_errors)
    out.accuracy = {k: (round(r / n, 4) if n else None) for k, (r, n) in acc.items()}
    for metric in sorted(per):
        mtp, mfp, mfn = per[metric]
        mp, mr, mf = _prf(mtp, mfp, mfn)
        out.per_metric[metric] = {"gold": mtp + mfn, "predicted": mtp + mfp, "matched": mtp,
                                  "precision": mp, "recall": mr, "f1": mf}
    return out


def _number(key: tuple[Any, ...]) -> tuple[Any, ...]:
    return key[1:]


def _same_sentence(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return bool(a and b) and (a in b or b in a)


def classify_errors(errors: Sequence[ErrorCase]) -> list[ErrorCase]:
    """Group raw missed/spurious errors into classes, ordered by class then document.

    - duplicate: a spurious claim with the metric and number of a claim already matched
      (the same figure extracted twice);
    - wrong metric: a missed and a spurious claim of one document with the same number but
      different metrics (the figure was found, counted as the wrong thing);
    - wrong number: a missed and a spurious claim of one document, same metric, from the same
      sentence (a range read as a value, a number misread);
    - missed / spurious: the rest.
    """
    missed = [e for e in errors if e.kind == "missed"]
    spurious = [e for e in errors if e.kind == "spurious"]
    out: list[ErrorCase] = []
    rest_spurious: list[ErrorCase] = []
    for e in spurious:
        if e.other is not None:
            out.append(ErrorCase("duplicate", e.doc_id, e.key, e.quote, other=e.other))
        else:
            rest_spurious.append(e)
    paired: set[int] = set()
    left_missed: list[ErrorCase] = []
    for m in missed:
        j = next((i for i, s in enumerate(rest_spurious) if i not in paired and
                  s.doc_id == m.doc_id and _number(s.key) == _number(m.key) and
                  s.key[0] != m.key[0]), None)
        if j is None:
            j = next((i for i, s in enumerate(rest_spurious) if i not in paired and
                      s.doc_id == m.doc_id and s.key[0] == m.key[0] and
                      _same_sentence(s.quote, m.quote)), None)
            kind = "wrong number"
        else:
            kind = "wrong metric"
        if j is None:
            left_missed.append(m)
            continue
        paired.add(j)
        out.append(ErrorCase(kind, m.doc_id, rest_spurious[j].key, m.quote, other=m.key))
    out += [ErrorCase("missed", m.doc_id, m.key, m.quote) for m in left_missed]
    out += [ErrorCase("spurious", s.doc_id, s.key, s.quote)
            for i, s in enumerate(rest_spurious) if i not in paired]
    order = {k: n for n, k in enumerate(ERROR_CLASSES)}
    return sorted(out, key=lambda e: order[e.kind])


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The records of a gold JSONL file; RecordError names the first bad line."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read gold file: {e}", source=str(path)) from e
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise RecordError(f"malformed JSON line ({e.msg})", source=str(path), line=n) from e
        if not isinstance(rec, dict) or "id" not in rec or "text" not in rec:
            raise RecordError("gold record needs id and text", source=str(path), line=n)
        out.append(rec)
    return out


def gold_claims(records: Iterable[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {str(r["id"]): list(r.get("claims") or []) for r in records}
