"""Reviewed documents as a gold file in the annotation-guidelines format, so users grow
their own evaluation set (``tollwatch export-gold``, then ``tollwatch eval``).

One JSON object a line: ``id``, ``url``, ``outlet``, ``published``, ``text`` and ``claims``,
each claim with ``metric``, ``value``, ``low``, ``high``, ``qualifier``, ``subject``,
``actor``, ``civilian``, ``location``, ``origin`` (list), ``speaker`` (list), ``date``,
``stance`` and ``quote``. A document is exported when at least one of its claims was
reviewed (``complete_only``: when all were); its claims are the current ones with the latest
review's corrections applied, rejected claims left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from tollwatch.store import Store

__all__ = ["GOLD_CLAIM_FIELDS", "gold_records", "write_gold"]

GOLD_CLAIM_FIELDS = ("metric", "value", "low", "high", "qualifier", "subject", "actor",
                     "civilian", "location", "origin", "speaker", "date", "stance", "quote")


def gold_records(store: Store, *, complete_only: bool = False) -> Iterator[dict[str, Any]]:
    """The gold record of each reviewed document, in storage order."""
    for doc_id in store.reviewed_doc_ids():
        stored = store.get_document(doc_id)
        if stored is None:
            continue
        reports = store.reports(doc_id=doc_id)
        if complete_only and any(r.status is None for r in reports):
            continue
        d = stored.document
        claims = []
        for r in sorted(reports, key=lambda r: (r.claim.start, r.claim_id)):
            if r.status == "rejected":
                continue
            c = r.claim.to_dict()
            claims.append({k: c[k] for k in GOLD_CLAIM_FIELDS})
        yield {"id": d.id, "url": d.url, "outlet": d.outlet, "published": d.published,
               "text": d.text, "claims": claims}


def write_gold(store: Store, out: TextIO, *, complete_only: bool = False) -> int:
    """Write the gold file; returns the number of documents written."""
    n = 0
    for rec in gold_records(store, complete_only=complete_only):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
