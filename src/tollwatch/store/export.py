"""Reports to rows and files: the columns of ``tollwatch claims`` in CSV, JSONL, Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from tollwatch.model import Claim, Report

__all__ = ["COLUMNS", "LIST_FIELDS", "report_row", "write_csv", "write_jsonl", "write_parquet"]

LIST_FIELDS = ("origin", "speaker")
COLUMNS: tuple[str, ...] = (
    "claim_id", "doc_id", "url", "outlet", "published", "title", "status",
    *(f for f in Claim.__dataclass_fields__ if f != "attribution"),
)


def report_row(r: Report) -> dict[str, Any]:
    """One flat row: the document's fields beside every claim field."""
    d = r.to_dict()
    return {k: d.get(k) for k in COLUMNS}


def _cell(v: Any) -> Any:
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    return "" if v is None else v


def write_csv(reports: Iterable[Report], out: IO[str]) -> int:
    w = csv.writer(out)
    w.writerow(COLUMNS)
    n = 0
    for r in reports:
        row = report_row(r)
        w.writerow([_cell(row[k]) for k in COLUMNS])
        n += 1
    return n


def write_jsonl(reports: Iterable[Report], out: IO[str]) -> int:
    n = 0
    for r in reports:
        out.write(json.dumps(report_row(r), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_parquet(reports: Sequence[Report], path: Path | IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("claim_id", pa.int64()), ("doc_id", pa.string()), ("url", pa.string()),
        ("outlet", pa.string()), ("published", pa.string()), ("title", pa.string()),
        ("status", pa.string()), ("metric", pa.string()), ("value", pa.int64()),
        ("low", pa.int64()), ("high", pa.int64()), ("qualifier", pa.string()),
        ("subject", pa.string()), ("actor", pa.string()), ("civilian", pa.bool_()),
        ("location", pa.string()), ("origin", pa.list_(pa.string())),
        ("speaker", pa.list_(pa.string())), ("date", pa.string()), ("stance", pa.string()),
        ("quote", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("confidence", pa.float64()),
    ])
    rows = [report_row(r) for r in reports]
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)
    return len(rows)
