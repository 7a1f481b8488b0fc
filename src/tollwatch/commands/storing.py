"""``tollwatch ingest``, ``reextract``, ``stats`` and ``claims``: the evidence store's
commands. Thin: parse options, call the library, print with rich."""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Protocol

import typer

from tollwatch.commands.common import (
    DEFAULT_MODEL,
    DbOption,
    clean,
    console,
    err_console,
    fail,
    register_commands,
)
from tollwatch.errors import ConfigError, ModelError, StoreError, TollwatchError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from tollwatch.commands.layout import Row
    from tollwatch.model import Report
    from tollwatch.store import Store

__all__ = ["COMMANDS", "register"]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

ModelOption = Annotated[str, typer.Option("--model", help="spaCy pipeline for extraction")]


def _open(db: str | None) -> Store:
    from tollwatch.store import Store

    try:
        return Store.open(db)
    except StoreError as e:
        raise fail(str(e), 3) from e


def _extractor(model: str, n_process: int | None) -> tuple[Any, str]:
    """A PooledExtractor on every core unless ``-j`` says otherwise (close it)."""
    from tollwatch.engines.pool import PooledExtractor, processes_for
    from tollwatch.extract import EXTRACTOR_VERSION, ExtractOptions

    return (PooledExtractor(ExtractOptions(model=model), processes_for(n_process)),
            EXTRACTOR_VERSION)


def _progress(console: Console, enabled: bool) -> Progress:
    from rich.progress import (
        BarColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed} docs"), TextColumn("{task.fields[rate]}"),
                    TimeElapsedColumn(), console=console, transient=True,
                    disable=not (enabled and console.is_terminal))


class _Counted(Protocol):
    @property
    def documents(self) -> int: ...


@contextmanager
def _reporting(err: Console, enabled: bool, label: str) -> Iterator[
        tuple[Callable[[TollwatchError], None], Callable[[_Counted], None]]]:
    """``(on_error, on_progress)`` for a run: errors printed above a progress bar that
    shows documents/s."""
    start = time.monotonic()
    with _progress(err, enabled) as bar:
        task = bar.add_task(label, total=None, rate="")

        def on_error(e: TollwatchError) -> None:
            bar.console.print(f"error: {clean(str(e))}")

        def on_progress(s: _Counted) -> None:
            rate = s.documents / max(time.monotonic() - start, 1e-9)
            bar.update(task, completed=s.documents, rate=f"{rate:.1f} docs/s")

        yield on_error, on_progress


def _refresh_view(store: Store, err: Console) -> None:
    """Bring the stored reconciled view up to date with the claims just written."""
    from sqlalchemy.exc import SQLAlchemyError

    from tollwatch.reconcile.stored import refresh

    try:
        refresh(store)
    except (TollwatchError, SQLAlchemyError) as e:  # the claims are stored; `tollwatch reconcile` can redo it
        err.print(f"warning: the reconciled view was not updated: {clean(str(e))}")


def ingest_cmd(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, directories (recursive), feeds or http(s) URLs")],
    db: DbOption = None,
    text_column: Annotated[str, typer.Option(help="CSV column holding the text")] = "text",
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction")] = 64,
    max_bytes: Annotated[int, typer.Option(min=1, help="Size limit of one input")]
        = 50 * 1024 * 1024,
    timeout: Annotated[float, typer.Option(min=0.1, help="HTTP timeout in seconds")] = 15.0,
    model: ModelOption = DEFAULT_MODEL,
    n_process: Annotated[int | None, typer.Option(
        "--processes", "-j", min=1,
        help="Worker processes for extraction, ray: extraction actors (default: every "
             "core; a few documents are extracted in one process)")] = None,
    engine: Annotated[str, typer.Option(
        help="local (this machine) or ray (Ray Data stages; pip install 'tollwatch[ray]')")]
        = "local",
    address: Annotated[str | None, typer.Option(
        help="Ray cluster to run on (--engine ray) [default: start a local Ray]")] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON")] = False,
) -> None:
    """Read inputs, extract their claims and store both (exit 1 when any input failed)."""
    from tollwatch.engines import get_engine
    from tollwatch.engines.pool import processes_for
    from tollwatch.extract import EXTRACTOR_VERSION, ExtractOptions
    from tollwatch.ingest.fetch import FetchOptions
    from tollwatch.ingest.readers import ReadOptions
    from tollwatch.ingest.run import IngestOptions

    err = err_console()
    try:
        runner = get_engine(engine, address=address, workers=n_process)
    except ConfigError as e:
        err.print(f"error: {clean(str(e))}")
        raise typer.Exit(2) from e
    store = _open(db)
    try:
        version = EXTRACTOR_VERSION
        local_processes = processes_for(n_process) if engine == "local" else 1
        extract = ExtractOptions(model=model, n_process=local_processes)
        opts = IngestOptions(
            extractor_version=version, batch_size=batch_size,
            read=ReadOptions(max_bytes=max_bytes, text_column=text_column),
            fetch=FetchOptions(timeout=timeout, max_bytes=max_bytes),
        )
        start = time.monotonic()
        with _reporting(err, progress, "ingest") as (on_error, on_progress):
            summary = runner.run(store, inputs, extract, opts, on_error=on_error,
                                 on_progress=on_progress)
        _refresh_view(store, err)
        elapsed = time.monotonic() - start
    except (StoreError, ModelError) as e:
        err.print(f"error: {clean(str(e))}")
        raise typer.Exit(3) from e
    finally:
        store.close()
    for given, stored in summary.renamed:
        err.print(f"note: id {clean(given)!r} already names another text; "
                  f"stored as {clean(stored)!r}")
    if as_json:
        typer.echo(json.dumps({**summary.to_dict(), "seconds": round(elapsed, 3)}))
    else:
        rate = summary.documents / max(elapsed, 1e-9)
        console(soft_wrap=True).print(
            f"run {summary.run_id}: {summary.new} new, {summary.duplicate} duplicate, "
            f"{summary.near_duplicate} near-duplicate, {summary.seen} already stored, "
            f"{summary.failed} failed; {summary.claims} claims added "
            f"({elapsed:.1f}s, {rate:.1f} docs/s)")
    if summary.failed:
        raise typer.Exit(1)


def reextract_cmd(
    db: DbOption = None,
    model: ModelOption = DEFAULT_MODEL,
    n_process: Annotated[int | None, typer.Option(
        "--processes", "-j", min=1,
        help="Worker processes for extraction (default: every core; a few documents are "
             "extracted in one process)")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction")] = 64,
    progress: Annotated[bool, typer.Option(help="Show a progress bar")] = True,
) -> None:
    """Re-extract the stored documents that an older extractor version read."""
    from tollwatch.ingest.run import reextract

    err = err_console()
    store = _open(db)
    extractor, version = _extractor(model, n_process)
    try:
        with _reporting(err, progress, "reextract") as (on_error, on_progress):
            summary = reextract(store, extractor, version, batch_size=batch_size,
                                on_error=on_error, on_progress=on_progress)
        _refresh_view(store, err)
    except (StoreError, ModelError) as e:
        err.print(f"error: {clean(str(e))}")
        raise typer.Exit(3) from e
    finally:
        extractor.close()
        store.close()
    console(soft_wrap=True).print(
        f"run {summary.run_id}: {summary.documents} documents re-extracted with version "
        f"{version}, {summary.claims} claims, {summary.failed} failed")
    if summary.failed:
        raise typer.Exit(1)


def stats_cmd(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Counts of documents, claims, sources, actors and runs."""
    store = _open(db)
    try:
        stats = store.stats().to_dict()
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(stats))
        return
    from rich.table import Table

    table = Table("what", "count")
    for k, v in stats.items():
        table.add_row(k.replace("_", " "), str(v))
    console().print(table)


def _date(value: str | None) -> str | None:
    if value is not None and (not _DATE.match(value) or not _real_date(value)):
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return value


def _real_date(value: str) -> bool:
    """Whether an ISO date, month or year names a real one (no month 13, no 31 April)."""
    from datetime import date

    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], *(parts[1:] + [1, 1])[:2])
    except ValueError:
        return False
    return True


#: Rows a ``claims`` table shows unless ``--limit`` says otherwise (a table is for reading;
#: csv, jsonl and parquet give every claim).
TABLE_ROWS = 25


def claims_cmd(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor (any name of it)")] = None,
    metric: Annotated[str | None, typer.Option(help="killed, injured, ...")] = None,
    origin: Annotated[str | None, typer.Option(help="Source of the figure")] = None,
    since: Annotated[str | None, typer.Option(callback=_date, help="From date (ISO)")] = None,
    until: Annotated[str | None, typer.Option(callback=_date, help="To date (ISO)")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv, jsonl or parquet")]
        = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to a file")]
        = None,
    limit: Annotated[int | None, typer.Option(
        min=1, help=f"At most this many [default: all; a table shows {TABLE_ROWS}]")] = None,
) -> None:
    """Stored claims, one a row, oldest first, with the document's id, url, outlet and date."""
    from tollwatch.model import METRICS
    from tollwatch.store.reader import open_reports
    from tollwatch.store.rows import Filters

    if fmt not in ("table", "csv", "jsonl", "parquet"):
        raise typer.BadParameter("must be table, csv, jsonl or parquet", param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--format")
    if metric is not None and metric not in METRICS:
        raise typer.BadParameter(f"unknown metric {metric!r}; one of {', '.join(METRICS)}",
                                 param_hint="--metric")
    filters = Filters(actor, metric, origin, since, until)
    try:
        with open_reports(db) as source:
            if fmt != "table":
                _write_reports(source.reports(filters, limit), fmt, output)
                return
            reports = source.reports(filters, limit or TABLE_ROWS)
            total = source.count(filters) if limit is None and len(reports) == TABLE_ROWS \
                else len(reports)
        _print_table(reports, total, output)
    except StoreError as e:
        raise fail(str(e), 3) from e
    except OSError as e:  # the output file (a missing folder, no permission, a full disk)
        raise fail(f"cannot write {output}: {e.strerror or e}", 1) from e


def _write_reports(reports: list[Report], fmt: str, output: Path | None) -> None:
    from tollwatch.store.export import write_csv, write_jsonl, write_parquet

    if fmt == "parquet":
        assert output is not None
        write_parquet(reports, output)
        return
    write = write_csv if fmt == "csv" else write_jsonl
    if output is None:
        write(reports, sys.stdout)
        return
    with output.open("w", encoding="utf-8", newline="") as fh:
        write(reports, fh)


def _print_table(reports: list[Report], total: int, output: Path | None) -> None:
    """The claims as a table (``tollwatch.commands.layout``): the fields on a line, the
    document, outlet and quote beneath."""
    from tollwatch.commands.layout import Column, output_width, render, wrap

    columns = (
        Column("id", fixed=True, right=True), Column("figure", fixed=True, right=True),
        Column("metric", fixed=True), Column("who"), Column("side"), Column("source"),
        Column("date", fixed=True))
    rows = [_table_row(r) for r in reports]
    footer = f"{total} claims"
    if total > len(reports):
        footer = (f"{len(reports)} of {total} claims shown; --limit N shows more, "
                  "--format csv or jsonl gives every one")
    width = output_width()
    text = "".join(f"{ln}\n" for ln in [*render(None, columns, rows, width),
                                        *wrap(footer, width, 3)])
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")


def _table_row(r: Report) -> Row:
    from tollwatch.commands.layout import Row

    c = r.claim
    figure = str(c.value) if c.value is not None else f"{c.low}-{c.high}"
    if c.qualifier not in ("exact", "range"):
        figure = f"{figure} ({c.qualifier})"
    if c.stance != "asserted":
        figure = f"{figure} [{c.stance}]"
    where = r.doc_id + (f" · {r.outlet}" if r.outlet else "")
    cells = [str(r.claim_id), figure, c.metric, c.subject or "", c.actor or "",
             "; ".join(c.origin), r.published or c.date or ""]
    return Row([clean(x) for x in cells], clean(f"{where}: “{c.quote}”"))


COMMANDS: dict[str, Callable[..., None]] = {
    "ingest": ingest_cmd,
    "reextract": reextract_cmd,
    "stats": stats_cmd,
    "claims": claims_cmd,
}


def register(app: typer.Typer, only: Collection[str] | None = None) -> None:
    """Add this module's commands (or those named in ``only``) to ``app``."""
    register_commands(app, COMMANDS, only)
