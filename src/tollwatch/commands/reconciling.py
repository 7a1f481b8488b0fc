"""``tollwatch timeline``, ``discrepancies`` and ``export``: reconciled claims from the store.

Thin: read reports from the store, reconcile with :mod:`tollwatch.reconcile`, print.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Collection
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tollwatch.commands.common import DbOption, clean, console, err_console, fail, register_commands
from tollwatch.errors import TollwatchError
from tollwatch.model import METRICS, Report

if TYPE_CHECKING:
    from tollwatch.reconcile.names import Names

__all__ = ["COMMANDS", "register"]
AliasesOption = Annotated[Path | None, typer.Option(
    "--aliases", help="YAML file of extra aliases [default: $TOLLWATCH_ALIASES]",
    exists=True, dir_okay=False)]
WindowOption = Annotated[int, typer.Option(
    "--window", min=0, help="Days within which reports of one figure from one origin are one claim")]


class TimelineFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    png = "png"
    svg = "svg"


class OwnVoice(str, Enum):
    hide = "hide"
    show = "show"
    only = "only"


class DiscrepancyFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    ucdp = "ucdp"
    acled = "acled"


def _check_metric(metric: str | None) -> None:
    if metric is not None and metric not in METRICS:
        raise fail(f"unknown metric {metric!r}; one of {', '.join(METRICS)}")


def _reports(db: str | None, metric: str | None) -> list[Report]:
    from tollwatch.store import Store

    try:
        store = Store.open(db)
    except TollwatchError as e:
        raise fail(str(e), 3) from e
    try:
        return store.reports(metric=metric)
    except TollwatchError as e:
        raise fail(str(e), 3) from e
    finally:
        store.close()


def _names(aliases: Path | None) -> Names:
    from tollwatch.reconcile.names import Names, default_names

    try:
        return Names(aliases) if aliases is not None else default_names()
    except TollwatchError as e:
        raise fail(str(e)) from e


def _cell(value: object) -> str:
    return "" if value is None else clean(str(value))


def timeline_cmd(
    actor: Annotated[str | None, typer.Option(
        "--actor", help="Actor (any name, demonym or alias)")] = None,
    group: Annotated[str | None, typer.Option(
        "--group", help="Counted group (any synonym, subset or status: hostages, captives, "
                        "child hostages, hostages released); at least one of --group, --actor")]
        = None,
    metric: Annotated[str | None, typer.Option("--metric", help="Only this metric")] = None,
    location: Annotated[str | None, typer.Option("--location", help="Only claims at this place")]
        = None,
    fmt: Annotated[TimelineFormat, typer.Option("--format", help="Output format")]
        = TimelineFormat.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write here instead of stdout (png/svg default: timeline.<fmt>)")]
        = None,
    window: WindowOption = 7,
    own_voice: Annotated[OwnVoice, typer.Option(
        "--own-voice", help="Figures an outlet gives in its own voice (no source named; "
                            "restatements of a sourced figure are reports of it): hide, "
                            "show (marked own_voice), only")] = OwnVoice.hide,
    db: DbOption = None,
    aliases: AliasesOption = None,
) -> None:
    """The underlying claims about one actor or counted group, in date order (figures in
    an outlet's own voice hidden unless --own-voice show)."""
    from tollwatch.reconcile.chart import write_chart
    from tollwatch.reconcile.export import write_csv
    from tollwatch.reconcile.own_voice import check_voice
    from tollwatch.reconcile.timeline import build_timeline, to_jsonl
    from tollwatch.reconcile.underlying import ReconcileOptions

    _check_metric(metric)
    names = _names(aliases)
    # issue 16: a counted group selects a series as an actor does
    from tollwatch.commands.group_options import check_group, series_title

    check_group(actor, group, names)
    reports = _reports(db, metric)
    entries = build_timeline(reports, actor, metric=metric, location=location,
                             options=ReconcileOptions(window_days=window), names=names,
                             group=group, voice=check_voice(own_voice.value))
    canonical = series_title(actor, group, names)
    if fmt in (TimelineFormat.png, TimelineFormat.svg):
        path = output or Path(f"timeline.{fmt.value}")
        title = f"{canonical}: " + (metric or "all metrics")
        if location:
            title += f" at {location}"
        write_chart(entries, path, "svg" if fmt is TimelineFormat.svg else "png", title=title)
        err_console().print(f"wrote {len(entries)} claims to {path}")
        return
    if fmt is TimelineFormat.jsonl:
        _write_text(to_jsonl(entries), output)
        return
    if fmt is TimelineFormat.csv:
        if output is not None:
            write_csv(entries, output)
        else:
            write_csv(entries, sys.stdout)
        return
    out = console()
    if not entries:
        out.print(f"no claims about {clean(canonical)}")
        return
    from tollwatch.commands.layout import Column, Row, output_width, render

    columns = [Column("date", fixed=True), Column("figure", fixed=True, right=True),
               Column("metric", fixed=True), Column("who"), Column("side"), Column("source"),
               Column("kind", fixed=True), Column("reports", fixed=True, right=True)]
    if group:  # issue 16: the counted group (subset, status) of each figure
        from tollwatch.commands.group_options import group_cell

        columns.insert(4, Column("group"))
    rows = []
    for c in entries:
        who = c.origin + (" (own voice)" if c.own_voice else "")
        cells = [_cell(c.date), c.figure(), c.metric, _cell(c.subject), _cell(c.actor),
                 _cell(who), c.kind, str(len(c.reports))]
        if group:
            cells.insert(4, _cell(group_cell(c)))
        first = c.reports[0] if c.reports else None
        note = ", ".join(c.outlets) or (first.doc_id if first else "")
        if first is not None:
            note += f": “{first.quote}”"
        rows.append(Row(cells, clean(note)))
    title = f"{clean(canonical)}: {len(entries)} underlying claims"
    sys.stdout.write("".join(f"{ln}\n" for ln in render(title, columns, rows, output_width())))


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def discrepancies_cmd(
    actor: Annotated[str | None, typer.Option("--actor", help="Only this actor")] = None,
    metric: Annotated[str | None, typer.Option("--metric", help="Only this metric")] = None,
    threshold: Annotated[float, typer.Option(
        "--threshold", min=0.0, help="Smallest relative gap that counts as a disagreement")] = 0.2,
    stale_days: Annotated[int, typer.Option(
        "--stale-days", min=0, help="How long an origin's figure stays current")] = 30,
    fmt: Annotated[DiscrepancyFormat, typer.Option("--format", help="Output format")]
        = DiscrepancyFormat.table,
    window: WindowOption = 7,
    db: DbOption = None,
    aliases: AliasesOption = None,
) -> None:
    """Where origins disagree at the same time, and where an origin revised a figure."""
    from tollwatch.reconcile.discrepancies import find_discrepancies
    from tollwatch.reconcile.underlying import ReconcileOptions, underlying_claims

    _check_metric(metric)
    names = _names(aliases)
    claims = underlying_claims(_reports(db, metric), ReconcileOptions(window_days=window),
                               names=names)
    found = find_discrepancies(claims, actor=actor, threshold=threshold,
                               stale_days=stale_days, names=names)
    if fmt is DiscrepancyFormat.jsonl:
        sys.stdout.write("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n"
                                 for d in found))
        return
    out = console()
    if not found:
        out.print("no discrepancies")
        return
    from rich.table import Table

    table = Table(title=f"{len(found)} discrepancies")
    for col in ("date", "kind", "actor", "metric", "what", "gap", "reports"):
        table.add_column(col, overflow="fold", no_wrap=col in ("date", "gap"))
    for d in found:
        docs = ", ".join(dict.fromkeys(r.doc_id for c in d.claims for r in c.reports))
        table.add_row(_cell(d.date), d.kind, _cell(d.actor), d.metric, clean(d.describe()),
                      f"{d.gap:.0%}", clean(docs))
    out.print(table)


def export_cmd(
    output: Annotated[Path, typer.Argument(help="File to write")],
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", help="csv/parquet: underlying claims; ucdp/acled: event-table rows "
                         "(fatality claims)")] = ExportFormat.csv,
    actor: Annotated[str | None, typer.Option("--actor", help="Only this actor")] = None,
    metric: Annotated[str | None, typer.Option("--metric", help="Only this metric")] = None,
    window: WindowOption = 7,
    db: DbOption = None,
    aliases: AliasesOption = None,
) -> None:
    """Export underlying claims as CSV or Parquet, or as UCDP/ACLED-style event rows."""
    from tollwatch.reconcile.export import (
        EventStyle,
        write_csv,
        write_events_csv,
        write_parquet,
    )
    from tollwatch.reconcile.timeline import filter_claims
    from tollwatch.reconcile.underlying import ReconcileOptions, underlying_claims

    _check_metric(metric)
    names = _names(aliases)
    claims = underlying_claims(_reports(db, metric), ReconcileOptions(window_days=window),
                               names=names)
    claims = filter_claims(claims, actor=actor, metric=metric, names=names)
    try:
        if fmt is ExportFormat.csv:
            write_csv(claims, output)
            n = len(claims)
        elif fmt is ExportFormat.parquet:
            write_parquet(claims, output)
            n = len(claims)
        else:
            style: EventStyle = "ucdp" if fmt is ExportFormat.ucdp else "acled"
            n = write_events_csv(claims, output, style, names=names)
    except OSError as e:
        raise fail(f"cannot write {output}: {e.strerror or e}", 1) from e
    err_console().print(f"wrote {n} rows to {output}")


def reconcile_cmd(
    db: DbOption = None,
    full: Annotated[bool, typer.Option(
        "--rebuild", help="Rebuild the stored view from every claim (else bring it up to date)")]
        = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome as JSON")] = False,
) -> None:
    """Keep the reconciled view in the store (underlying claims and their links) current,
    or rebuild it; ``ingest``, ``reextract`` and reviews keep it current by themselves."""
    from tollwatch.reconcile.stored import rebuild, refresh
    from tollwatch.store import Store

    try:
        store = Store.open(db)
    except TollwatchError as e:
        raise fail(str(e), 3) from e
    try:
        stats = rebuild(store) if full else refresh(store)
    except TollwatchError as e:
        raise fail(str(e), 3) from e
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(stats.to_dict()))
    else:
        console(soft_wrap=True).print(
            f"{stats.mode}: {stats.reports} reports, {stats.underlying} underlying claims "
            f"written ({stats.seconds:.2f}s)")


COMMANDS: dict[str, Callable[..., None]] = {
    "reconcile": reconcile_cmd,
    "timeline": timeline_cmd,
    "discrepancies": discrepancies_cmd,
    "export": export_cmd,
}


def register(app: typer.Typer, only: Collection[str] | None = None) -> None:
    """Add this module's commands (or those named in ``only``) to ``app``."""
    register_commands(app, COMMANDS, only)
