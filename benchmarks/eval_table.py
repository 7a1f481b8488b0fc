"""Print a markdown table of `tollwatch eval` on gold files, with per-metric F1.

    python benchmarks/eval_table.py ../shared/eval/seed.jsonl ../shared/eval/dev.jsonl \
        ../shared/eval/dev2.jsonl ../shared/eval/train.jsonl

Each file is scored by the installed `tollwatch eval --json` as a user runs it (default
options). Extra arguments after `--` go to every `tollwatch eval` call.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

COLS = ["docs", "gold", "predicted", "precision", "recall", "f1", "qualifier_acc",
        "actor_acc", "civilian_acc", "source_acc", "date_acc"]


def main() -> None:
    args = sys.argv[1:]
    extra: list[str] = []
    if "--" in args:
        i = args.index("--")
        args, extra = args[:i], args[i + 1:]
    rows = []
    metrics: dict[str, dict[str, float]] = {}
    for path in args:
        r = subprocess.run([sys.executable, "-m", "tollwatch", "eval", path, "--json", *extra],
                           capture_output=True, text=True, check=True)
        out = json.loads(r.stdout)
        name = Path(path).stem
        rows.append("| " + " | ".join([name] + [str(out.get(c, "")) for c in COLS]) + " |")
        for m, fig in out.get("per_metric", {}).items():
            metrics.setdefault(m, {})[name] = fig["f1"]
    print("| set | " + " | ".join(COLS) + " |")
    print("|" + " --- |" * (len(COLS) + 1))
    print("\n".join(rows))
    names = [Path(p).stem for p in args]
    print()
    print("| metric (F1) | " + " | ".join(names) + " |")
    print("|" + " --- |" * (len(names) + 1))
    for m in sorted(metrics):
        print(f"| {m} | " + " | ".join(str(metrics[m].get(n, "")) for n in names) + " |")


if __name__ == "__main__":
    main()
