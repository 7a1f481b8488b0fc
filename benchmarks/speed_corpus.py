"""Write a speed-test corpus of N distinct documents from JSONL corpora.

The documents of the inputs are cycled; every copy after the first has its figures redrawn
(``tollwatch.bench.redraw_figures``), so no text repeats and no cache keyed on text helps:

    python benchmarks/speed_corpus.py ../shared/eval/dev.jsonl ../shared/eval/dev2.jsonl \
        ../shared/eval/train.jsonl -n 1500 -o /tmp/speed-1500.jsonl
    tollwatch bench /tmp/speed-1500.jsonl

Only id, text and published are kept (gold claims are dropped).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from tollwatch.bench import redraw_figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("-n", type=int, default=1500)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    docs = []
    for p in args.inputs:
        for line in p.read_text("utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                docs.append({"id": rec.get("id"), "text": rec["text"],
                             "published": rec.get("published")})
    seen: set[str] = set()
    i = 0
    with args.output.open("w", encoding="utf-8") as f:
        while len(seen) < args.n and i < args.n * 20:
            base = docs[i % len(docs)]
            copy = i // len(docs)
            i += 1
            text = base["text"]
            if copy:
                text = redraw_figures(text, random.Random(f"{base['id']}#{copy}"))
            if text in seen:
                continue  # a text with no figure to redraw: only its first copy is used
            seen.add(text)
            f.write(json.dumps({"id": f"{base['id']}#{copy}", "text": text,
                                "published": base["published"]}, ensure_ascii=False) + "\n")
    print(f"{len(seen)} distinct documents -> {args.output}")


if __name__ == "__main__":
    main()
