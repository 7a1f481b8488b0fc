"""``tollwatch watch``: keep polling feeds and pages into the store. Thin: options, signals,
one line a poll; the loop is ``tollwatch.ingest.watch``."""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tollwatch.commands.common import (
    DEFAULT_MODEL,
    DbOption,
    clean,
    err_console,
    fail,
    register_commands,
)
from tollwatch.errors import ConfigError, ModelError, StoreError

if TYPE_CHECKING:
    from tollwatch.ingest.watch import PollReport

__all__ = ["COMMANDS", "register"]


def watch_cmd(
    sources: Annotated[list[str], typer.Argument(help="RSS/Atom feeds or pages (http/https)")],
    db: DbOption = None,
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 2h")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="One poll, then exit (for cron)")]
        = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a poll")] = False,
    timeout: Annotated[float, typer.Option(min=0.1, help="HTTP timeout in seconds")] = 15.0,
    max_backoff: Annotated[str, typer.Option(
        help="Longest a failing source is left alone")] = "6h",
    model: Annotated[str, typer.Option("--model", help="spaCy pipeline for extraction")]
        = DEFAULT_MODEL,
    n_process: Annotated[int, typer.Option(
        "--processes", "-j", min=1,
        help="Worker processes for extraction (a poll brings a few items: 1 by default)")]
        = 1,
) -> None:
    """Poll feeds and pages, ingesting each new item once; SIGINT/SIGTERM stop it between
    items (exit 0). Conditional requests, a tollwatch User-Agent, and backoff on errors
    and 429/503 (Retry-After). ``--once`` exits 1 when a source failed."""
    from tollwatch.extract import EXTRACTOR_VERSION, ExtractOptions, Extractor
    from tollwatch.ingest.fetch import FetchOptions
    from tollwatch.ingest.run import IngestOptions
    from tollwatch.ingest.watch import Watcher, WatchOptions, parse_interval
    from tollwatch.store import Store

    err = err_console()
    try:
        interval, cap = parse_interval(every), parse_interval(max_backoff)
    except ConfigError as e:
        raise typer.BadParameter(e.message, param_hint="--every/--max-backoff") from e
    stop = threading.Event()
    try:
        store = Store.open(db)
    except StoreError as e:
        raise fail(str(e), 3) from e
    failed = 0

    def on_poll(report: PollReport) -> None:
        nonlocal failed
        failed += len(report.failures)
        for _, message in report.failures:
            err.print(f"error: {clean(message)}")
        if as_json:
            sys.stdout.write(json.dumps(report.to_dict()) + "\n")
        else:
            sys.stdout.write(clean(report.line()) + "\n")
        sys.stdout.flush()

    def on_signal(signum: int, _frame: Any) -> None:
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        options = WatchOptions(
            IngestOptions(extractor_version=EXTRACTOR_VERSION,
                          fetch=FetchOptions(timeout=timeout)),
            every=interval, max_backoff=cap)
        extractor = Extractor(ExtractOptions(model=model, n_process=n_process))
        watcher = Watcher(store, sources, extractor, options, stop)
        watcher.run(on_poll, once=once)
    except ConfigError as e:
        raise fail(str(e), 2) from e
    except (StoreError, ModelError) as e:
        raise fail(str(e), 3) from e
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        store.close()
    if once and failed:
        raise typer.Exit(1)


COMMANDS: dict[str, Callable[..., None]] = {"watch": watch_cmd}


def register(app: typer.Typer, only: Collection[str] | None = None) -> None:
    """Add this module's commands (or those named in ``only``) to ``app``."""
    register_commands(app, COMMANDS, only)
