"""Exports of underlying claims for the tools analysts already use.

* :func:`claim_rows` / :func:`write_csv` / :func:`write_parquet`: one row per underlying
  claim. In CSV the reports are summarised (count, outlets, doc ids, urls joined by
  ``"; "``); Parquet also keeps them whole as a list of structs.
* :func:`event_rows` / :func:`write_events_csv`: rows in the shape of UCDP GED or ACLED
  event tables, for the claims that map to one: fatality figures (metric ``killed``)
  that are asserted. ``low``/``best``/``high`` follow UCDP: an exact or approximate
  figure is all three; "at least N" is low and best N, high unknown; "up to N" is high
  and best N, low unknown; a range is its ends, best its midpoint rounded down. The
  event date is the day the claim was first reported (not the day of the violence, which
  the reports may not give), and the location is the place as reported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, TextIO

from tollwatch.reconcile.names import Names, default_names
from tollwatch.reconcile.underlying import UnderlyingClaim

__all__ = [
    "ACLED_COLUMNS",
    "CLAIM_COLUMNS",
    "UCDP_COLUMNS",
    "EventStyle",
    "claim_rows",
    "csv_text",
    "estimates",
    "event_rows",
    "write_csv",
    "write_events_csv",
    "write_parquet",
]

EventStyle = Literal["ucdp", "acled"]

CLAIM_COLUMNS: tuple[str, ...] = (
    "id", "actor", "metric", "value", "low", "high", "best", "qualifier", "origin", "aliases",
    "date", "last_date", "kind", "revises", "location", "civilian", "subject", "own_voice",
    "report_count", "outlets", "doc_ids", "urls", "first_quote",
    "group", "subset", "group_status",  # the counted group (issue 16)
)

UCDP_COLUMNS: tuple[str, ...] = (
    "id", "year", "date_start", "date_end", "side_a", "country", "where_description",
    "deaths_a", "deaths_civilians", "deaths_unknown", "low", "best", "high",
    "source_original", "source_office", "source_date", "source_headline", "source_article",
    "number_of_sources", "notes", "qualifier", "tollwatch_claim_id",
)

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "actor1", "civilian_targeting",
    "country", "location", "source", "source_scale", "notes", "fatalities", "low", "best",
    "high", "qualifier", "tollwatch_claim_id",
)

_JOIN = "; "


def estimates(c: UnderlyingClaim) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) of a claim, UCDP-style."""
    if c.value is None:
        lo, hi = c.low, c.high
        if lo is not None and hi is not None:
            return lo, (lo + hi) // 2, hi
        one = lo if lo is not None else hi
        return lo, one, hi
    v = c.value
    if c.qualifier == "min":
        return v, v, None
    if c.qualifier == "max":
        return None, v, v
    return v, v, v


def claim_rows(claims: Sequence[UnderlyingClaim]) -> list[dict[str, Any]]:
    """One flat row per underlying claim (columns :data:`CLAIM_COLUMNS`)."""
    rows: list[dict[str, Any]] = []
    for c in claims:
        _, best, _ = estimates(c)
        rows.append({
            "id": c.id, "actor": c.actor, "metric": c.metric, "value": c.value, "low": c.low,
            "high": c.high, "best": best, "qualifier": c.qualifier, "origin": c.origin,
            "aliases": _JOIN.join(c.aliases), "date": c.date, "last_date": c.last_date,
            "kind": c.kind, "revises": c.revises, "location": c.location,
            "civilian": c.civilian, "subject": c.subject, "own_voice": c.own_voice,
            "report_count": len(c.reports), "outlets": _JOIN.join(c.outlets),
            "doc_ids": _JOIN.join(dict.fromkeys(r.doc_id for r in c.reports)),
            "urls": _JOIN.join(dict.fromkeys(r.url for r in c.reports if r.url)),
            "first_quote": c.reports[0].quote if c.reports else "",
            "group": c.group, "subset": c.subset, "group_status": c.group_status,
        })
    return rows


def _write_rows(rows: list[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in columns})


def write_csv(claims: Sequence[UnderlyingClaim], out: TextIO | str | Path) -> None:
    """Underlying claims as CSV, to a text stream or a path."""
    rows = claim_rows(claims)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            _write_rows(rows, CLAIM_COLUMNS, fh)
    else:
        _write_rows(rows, CLAIM_COLUMNS, out)


def write_parquet(claims: Sequence[UnderlyingClaim], path: str | Path) -> None:
    """Underlying claims as Parquet, with the reports as a list of structs."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    report_type = pa.struct([
        ("doc_id", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
        ("published", pa.string()), ("quote", pa.string()), ("claim_id", pa.int64()),
        ("date", pa.string()), ("names", pa.list_(pa.string())),
    ])
    schema = pa.schema([
        ("id", pa.string()), ("actor", pa.string()), ("metric", pa.string()),
        ("value", pa.int64()), ("low", pa.int64()), ("high", pa.int64()), ("best", pa.int64()),
        ("qualifier", pa.string()), ("origin", pa.string()), ("aliases", pa.list_(pa.string())),
        ("date", pa.date32()), ("last_date", pa.date32()), ("kind", pa.string()),
        ("revises", pa.string()), ("location", pa.string()), ("civilian", pa.bool_()),
        ("subject", pa.string()), ("own_voice", pa.bool_()), ("report_count", pa.int64()),
        ("reports", pa.list_(report_type)),
        ("group", pa.string()), ("subset", pa.string()), ("group_status", pa.string()),
    ])
    from datetime import date as Date

    def day(text: str | None) -> Date | None:
        return Date.fromisoformat(text) if text else None

    records = []
    for c in claims:
        _, best, _ = estimates(c)
        records.append({
            "id": c.id, "actor": c.actor, "metric": c.metric, "value": c.value, "low": c.low,
            "high": c.high, "best": best, "qualifier": c.qualifier, "origin": c.origin,
            "aliases": list(c.aliases), "date": day(c.date), "last_date": day(c.last_date),
            "kind": c.kind, "revises": c.revises, "location": c.location,
            "civilian": c.civilian, "subject": c.subject, "own_voice": c.own_voice,
            "report_count": len(c.reports),
            "reports": [{"doc_id": r.doc_id, "url": r.url, "outlet": r.outlet,
                         "published": r.published, "quote": r.quote, "claim_id": r.claim_id,
                         "date": r.date, "names": list(r.names)} for r in c.reports],
            "group": c.group, "subset": c.subset, "group_status": c.group_status,
        })
    table = pa.Table.from_pylist(records, schema=schema)
    pq.write_table(table, str(path))


def _maps_to_event(c: UnderlyingClaim) -> bool:
    return c.metric == "killed" and c.stance == "asserted" and c.date is not None


def event_rows(claims: Sequence[UnderlyingClaim], style: EventStyle = "ucdp", *,
               names: Names | None = None) -> list[dict[str, Any]]:
    """Rows shaped like UCDP GED or ACLED events, for the claims that map to one."""
    nm = names or default_names()
    rows: list[dict[str, Any]] = []
    for n, c in enumerate((c for c in claims if _maps_to_event(c)), start=1):
        low, best, high = estimates(c)
        year = int(c.date[:4]) if c.date else None
        country = c.actor if c.actor is not None and nm.country_code(c.actor) else None
        headline = next((r.title for r in c.reports if r.title), None)
        urls = _JOIN.join(dict.fromkeys(r.url for r in c.reports if r.url))
        quote = c.reports[0].quote if c.reports else ""
        if style == "ucdp":
            civ = best if c.civilian is True else None
            side = best if c.civilian is not True and c.actor is not None else None
            unknown = best if civ is None and side is None else None
            rows.append({
                "id": n, "year": year, "date_start": c.date, "date_end": c.date,
                "side_a": c.actor, "country": country, "where_description": c.location,
                "deaths_a": side, "deaths_civilians": civ, "deaths_unknown": unknown,
                "low": low, "best": best, "high": high, "source_original": c.origin,
                "source_office": _JOIN.join(c.outlets),
                "source_date": _JOIN.join(dict.fromkeys(r.published for r in c.reports
                                                        if r.published)),
                "source_headline": headline, "source_article": urls,
                "number_of_sources": len(c.reports), "notes": quote,
                "qualifier": c.qualifier, "tollwatch_claim_id": c.id,
            })
        else:
            rows.append({
                "event_id_cnty": f"TW{n}", "event_date": c.date, "year": year,
                "time_precision": 1, "actor1": c.actor,
                "civilian_targeting": "Civilian targeting" if c.civilian is True else None,
                "country": country, "location": c.location,
                "source": _JOIN.join([c.origin, *[o for o in c.outlets if o != c.origin]]),
                "source_scale": None, "notes": quote, "fatalities": best, "low": low,
                "best": best, "high": high, "qualifier": c.qualifier,
                "tollwatch_claim_id": c.id,
            })
    return rows


def write_events_csv(claims: Sequence[UnderlyingClaim], out: TextIO | str | Path,
                     style: EventStyle = "ucdp", *, names: Names | None = None) -> int:
    """Event-table rows as CSV; returns how many rows were written."""
    rows = event_rows(claims, style, names=names)
    columns = UCDP_COLUMNS if style == "ucdp" else ACLED_COLUMNS
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            _write_rows(rows, columns, fh)
    else:
        _write_rows(rows, columns, out)
    return len(rows)


def csv_text(claims: Sequence[UnderlyingClaim]) -> str:
    """Underlying claims as CSV text."""
    buf = io.StringIO()
    write_csv(claims, buf)
    return buf.getvalue()
