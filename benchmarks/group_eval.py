"""How well counted groups (issue 16) map real subjects, on gold files of the guidelines'
format.

    python benchmarks/group_eval.py GOLD.jsonl [GOLD.jsonl ...] [--timeline hostages ...]
        [--scorer ../shared/eval/score_timeline.py]

For each gold file:

* coverage: of the gold claims with no actor (the figures no actor timeline shows), the
  share that get a group, and the share that get a specific one (not "people");
* agreement: the real extractor run on the texts; on the claims it finds (same document,
  metric and numbers as a gold claim), the share whose group (from the extracted subject
  and sentence) is the group of the gold claim;
* with ``--timeline G``: the group timeline from the extracted claims against the group
  timeline from the gold claims of the same documents (reference: gold underlying claims
  with a named origin), scored with score_timeline.py's matching (recall, spurious).
  Documents with no publication date get one nominal day on both sides.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path
from typing import Any

from tollwatch.model import Claim, Document, Report
from tollwatch.reconcile.groups import GENERIC, default_groups
from tollwatch.reconcile.timeline import build_timeline

NOMINAL_DAY = "2000-01-01"


def _group(c: Claim) -> str | None:
    return default_groups().of(c.subject, c.metric, c.quote, (c.value, c.low, c.high)).head


def _reports(pairs: list[tuple[dict[str, Any], Claim]]) -> list[Report]:
    return [Report(claim_id=i + 1, doc_id=d["id"], claim=c, url=d.get("url"),
                   outlet=d.get("outlet"), published=d.get("published") or NOMINAL_DAY)
            for i, (d, c) in enumerate(pairs)]


def evaluate(path: Path, timelines: list[str], scorer: Any) -> dict[str, Any]:
    from tollwatch.extract import Extractor

    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    gold = [(d, Claim.from_dict(c)) for d in docs for c in d.get("claims", [])]
    unnamed = [c for _, c in gold if not c.actor]
    heads = [_group(c) for c in unnamed]
    out: dict[str, Any] = {
        "file": path.name, "claims": len(gold), "null_actor": len(unnamed),
        "with_group": sum(h is not None for h in heads),
        "specific_group": sum(h is not None and h != GENERIC for h in heads),
        "heads": dict(Counter(h for h in heads if h and h != GENERIC).most_common()),
    }
    ex = Extractor()
    extracted = []
    for d in docs:
        doc = Document(id=d["id"], text=d["text"], published=d.get("published"),
                       url=d.get("url"), outlet=d.get("outlet"))
        extracted.extend((d, c) for c in ex.extract(doc))
    pool: dict[str, list[Claim]] = {}
    for d, c in extracted:
        pool.setdefault(d["id"], []).append(c)
    matched = same = 0
    for d, g in gold:
        cands = pool.get(d["id"], [])
        m = next((c for c in cands if (c.metric, c.value, c.low, c.high)
                  == (g.metric, g.value, g.low, g.high)), None)
        if m is None:
            continue
        cands.remove(m)
        matched += 1
        same += _group(m) == _group(g)
    out.update(matched=matched, same_group=same)
    if timelines and scorer is not None:
        published = {d["id"]: d.get("published") or NOMINAL_DAY for d in docs}
        gold_reports, pred_reports = _reports(gold), _reports(extracted)
        out["timelines"] = {}
        for name in timelines:
            ref = [{"metric": c.metric, "value": c.value, "low": c.low, "high": c.high,
                    "qualifier": c.qualifier, "origin": [c.origin, *c.aliases],
                    "date": c.date, "docs": [r.doc_id for r in c.reports]}
                   for c in build_timeline(gold_reports, group=name) if not c.own_voice]
            pred = [c.to_record() for c in build_timeline(pred_reports, group=name)]
            s = scorer.score(ref, published, pred)
            out["timelines"][name] = {k: s[k] for k in ("reference", "predicted", "matched",
                                                        "recall", "spurious")}
    return out


def _load_scorer(path: Path) -> Any:
    if not path.exists():
        return None
    import sys

    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location("score_timeline", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--timeline", nargs="*", default=[], help="groups to score as timelines")
    ap.add_argument("--scorer", type=Path,
                    default=Path(__file__).resolve().parents[2] / "shared" / "eval"
                    / "score_timeline.py")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    scorer = _load_scorer(args.scorer) if args.timeline else None
    for path in args.gold:
        r = evaluate(path, args.timeline, scorer)
        if args.json:
            print(json.dumps(r, ensure_ascii=False))
            continue
        n = r["null_actor"] or 1
        print(f"{r['file']}: {r['claims']} gold claims, {r['null_actor']} with no actor; "
              f"a group {r['with_group']}/{r['null_actor']} ({r['with_group'] / n:.1%}), "
              f"a specific group {r['specific_group']}/{r['null_actor']} "
              f"({r['specific_group'] / n:.1%})")
        print(f"  extracted claims matching a gold claim {r['matched']}, same group "
              f"{r['same_group']}/{r['matched']} ({r['same_group'] / (r['matched'] or 1):.1%})")
        for name, s in r.get("timelines", {}).items():
            print(f"  --group {name}: reference {s['reference']}, predicted {s['predicted']}, "
                  f"recall {s['recall']:.2f}, spurious {s['spurious']:.2f}")


if __name__ == "__main__":
    main()
