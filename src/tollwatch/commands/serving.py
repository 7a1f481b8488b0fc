"""``tollwatch serve`` (the web app) and ``export-gold`` (reviewed documents as a gold
file). Thin: options in, ``tollwatch.web`` does the work."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Annotated

import typer

from tollwatch.commands.common import DbOption, err_console, register_commands
from tollwatch.errors import TollwatchError

__all__ = ["COMMANDS", "MAX_AUTO_WORKERS", "default_workers", "register"]

#: The most server processes ``default_workers`` starts.
MAX_AUTO_WORKERS = 4


def default_workers(db: str | None = None, cpus: int | None = None) -> int:
    """How many server processes ``serve`` starts unless told: one per CPU but one (at
    most ``MAX_AUTO_WORKERS``) when the store keeps a current reconciled view, so that
    each process only reads indexes; else 1, since each process would reconcile the whole
    store into its own memory (and a ``:memory:`` store cannot be shared). One CPU is
    left to the rest (clients, the database, the OS): on 2 CPUs with the load test's
    client beside it, two processes answered fewer requests a second than one, for more
    CPU a request (each caches its own answers). Opening the store migrates it, once,
    before the processes start."""
    from tollwatch.reconcile.stored import VIEW_VERSION, view_state
    from tollwatch.store import Store
    from tollwatch.store.db import resolve_url

    if ":memory:" in resolve_url(db):
        return 1
    with Store.open(db) as store:
        state = view_state(store)
        fp = store.fingerprint()
    current = (state is not None and state.version == VIEW_VERSION
               and state.claims == fp[1] and state.reviews == fp[2])
    n = cpus if cpus is not None else (os.cpu_count() or 1)
    return max(1, min(n - 1, MAX_AUTO_WORKERS)) if current else 1


def serve_cmd(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default)")]
        = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port")] = 8000,
    workers: Annotated[int, typer.Option(
        min=0, help="Server processes; 0: one per CPU but one (at most 4) when the store "
                    "keeps its reconciled view (tollwatch reconcile), else 1")] = 0,
    allow_remote: Annotated[bool, typer.Option(
        "--allow-remote", help="Allow binding to a non-loopback address (reads then need "
                               "the token too)")] = False,
) -> None:
    """Serve the web app and the REST API (/api/v1); writes need $TOLLWATCH_TOKEN."""
    from tollwatch.web.settings import TOKEN_ENV, is_loopback_host

    err = err_console()
    if not is_loopback_host(host) and not allow_remote:
        err.print(f"error: {host} is not a loopback address; pass --allow-remote to serve "
                  "beyond this machine (reads will need the token)")
        raise typer.Exit(2)
    if not is_loopback_host(host) and not os.environ.get(TOKEN_ENV):
        err.print(f"error: serving beyond loopback needs ${TOKEN_ENV}")
        raise typer.Exit(2)
    if not os.environ.get(TOKEN_ENV):
        err.print(f"note: ${TOKEN_ENV} is not set: reads only, every write is refused")
    try:
        if workers == 0:
            workers = default_workers(db)  # migrates once, and fails early on a bad store
        elif workers > 1:
            from tollwatch.store import Store

            Store.open(db).close()  # migrate once, and fail early on a bad store
        import uvicorn

        if workers > 1:
            from tollwatch.web.app import DB_ENV, HOST_ENV, WORKERS_ENV

            if db:
                os.environ[DB_ENV] = db
            os.environ[HOST_ENV] = host
            os.environ[WORKERS_ENV] = str(workers)
            err.print(f"serving {db or 'the store'} on http://{host}:{port}/ "
                      f"({workers} processes)")
            uvicorn.run("tollwatch.web.app:app_from_env", factory=True, host=host, port=port,
                        workers=workers, log_level="warning", access_log=False,
                        proxy_headers=False)
            return
        from tollwatch.web.app import create_app
        from tollwatch.web.settings import Settings

        app = create_app(db, Settings.from_env(host, warm=True))
    except TollwatchError as e:
        err.print(f"error: {e}")
        raise typer.Exit(3) from e
    err.print(f"serving {app.state.service.store.url} on http://{host}:{port}/")
    # no proxy-header rewriting: nothing reads the client's address (~4% of a cached read)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                proxy_headers=False)


def export_gold_cmd(
    output: Annotated[Path | None, typer.Argument(help="File to write [default: stdout]")]
        = None,
    db: DbOption = None,
    complete_only: Annotated[bool, typer.Option(
        "--complete-only", help="Only documents whose every claim was reviewed")] = False,
) -> None:
    """Reviewed documents as a gold JSONL file (annotation-guidelines format) for eval."""
    from tollwatch.store import Store
    from tollwatch.web.gold import write_gold

    err = err_console()
    try:
        store = Store.open(db)
    except TollwatchError as e:
        err.print(f"error: {e}")
        raise typer.Exit(3) from e
    try:
        if output is None:
            n = write_gold(store, sys.stdout, complete_only=complete_only)
        else:
            with output.open("w", encoding="utf-8") as fh:
                n = write_gold(store, fh, complete_only=complete_only)
    except OSError as e:
        err.print(f"error: cannot write {output}: {e.strerror or e}")
        raise typer.Exit(1) from e
    finally:
        store.close()
    err.print(f"wrote {n} documents" + (f" to {output}" if output else ""))


COMMANDS: dict[str, Callable[..., None]] = {
    "serve": serve_cmd,
    "export-gold": export_gold_cmd,
}


def register(app: typer.Typer, only: Collection[str] | None = None) -> None:
    """Add this module's commands (or those named in ``only``) to ``app``."""
    register_commands(app, COMMANDS, only)
