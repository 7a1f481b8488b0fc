"""Extraction quality with the fast path and without it, in one table.

    python benchmarks/fast_path_eval.py ../shared/eval/seed.jsonl ../shared/eval/dev.jsonl \
        ../shared/eval/dev2.jsonl ../shared/eval/train.jsonl

Each gold file is extracted three ways, one process each, and scored as `tollwatch eval`
scores it:

- **default**: what a user runs (the planner's sentences, the cheap components of
  ``extract/nlp.py``: attribute table, lemma cache, NumPy NER decoder, stepped parser,
  NumPy's BLAS);
- **spaCy's components**: the same sentences through spaCy's own parser, recognizer,
  attribute ruler and lemmatizer, multiplying with BLIS (``ExtractOptions.spacy_components``);
- **every sentence**: every sentence of every document parsed by spaCy's own components
  (``ExtractOptions.parse_every_sentence`` as well): no speed work at all.

It prints the scores of each and how many documents' claims differ from the default's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tollwatch.evaluate import gold_claims, load_gold, score
from tollwatch.extract import ExtractOptions, Extractor
from tollwatch.model import Document

WAYS = {
    "default": ExtractOptions(),
    "spaCy's components": ExtractOptions(spacy_components=True),
    "every sentence": ExtractOptions(spacy_components=True, parse_every_sentence=True),
}
COLS = ["f1", "precision", "recall", "source_acc", "date_acc", "qualifier_acc", "actor_acc"]


def _extract(options: ExtractOptions, docs: list[Document]) -> dict[str, list[dict[str, Any]]]:
    ex = Extractor(options)
    out: dict[str, list[dict[str, Any]]] = {}
    for k in range(0, len(docs), options.batch_size):
        batch = docs[k:k + options.batch_size]
        for d, found in zip(batch, ex.extract_batch(batch)):
            out[d.id] = [c.to_dict() for c in found]
    return out


def main() -> None:
    print("| set | way | " + " | ".join(COLS) + " | predicted | documents differing |")
    print("|" + " --- |" * (len(COLS) + 4))
    for path in sys.argv[1:]:
        records = load_gold(Path(path))
        docs = [Document(id=str(r["id"]), text=str(r["text"]), published=r.get("published"),
                         url=r.get("url"), outlet=r.get("outlet")) for r in records]
        gold = gold_claims(records)
        base: dict[str, list[dict[str, Any]]] | None = None
        for way, options in WAYS.items():
            pred = _extract(options, docs)
            if base is None:
                base = pred
            differ = sum(json.dumps(pred[d], sort_keys=True) != json.dumps(base[d],
                                                                            sort_keys=True)
                         for d in pred)
            s = score(gold, pred).as_dict()
            print(f"| {Path(path).stem} | {way} | "
                  + " | ".join(str(s.get(c)) for c in COLS)
                  + f" | {s['predicted']} | {differ} of {len(pred)} |", flush=True)


if __name__ == "__main__":
    main()
