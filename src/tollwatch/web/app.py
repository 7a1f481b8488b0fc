"""The web app: ``create_app(store_url, settings)`` builds a FastAPI app over one store.

    >>> app = create_app("tollwatch.db", Settings.from_env("127.0.0.1"))
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)

The REST API lives under ``/api/v1`` (OpenAPI document at ``/api/v1/openapi.json``, its
browser at ``/api/v1/docs`` is off: it would load scripts from a CDN); pages are rendered on
the server (``tollwatch.web.pages``) with the scripts and styles of ``web/static``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.staticfiles import StaticFiles

from tollwatch.store import Store
from tollwatch.web.fast_read import FastReads
from tollwatch.web.security import GuardMiddleware
from tollwatch.web.service import Service
from tollwatch.web.settings import Settings

__all__ = ["STATIC", "TEMPLATES", "TollwatchApp", "app_from_env", "create_app"]

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"

#: Environment variables ``app_from_env`` reads (set by ``tollwatch serve`` for workers).
DB_ENV = "TOLLWATCH_DB"
HOST_ENV = "TOLLWATCH_SERVE_HOST"
WORKERS_ENV = "TOLLWATCH_SERVE_WORKERS"


class TollwatchApp(FastAPI):
    """The FastAPI app with the fast path of cached reads (``web/fast_read.py``) in front
    of its middleware and routing: ``fast`` None sends every request the full path."""

    fast: FastReads | None = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        fast = self.fast
        if fast is not None and scope["type"] == "http" and await fast.answer(scope, send):
            return
        await super().__call__(scope, receive, send)


def create_app(store_url: str | None = None, settings: Settings | None = None, *,
               store: Store | None = None) -> TollwatchApp:
    """A FastAPI app over the store at ``store_url`` (path or SQLAlchemy URL; None means
    ``$TOLLWATCH_DB`` or ./tollwatch.db), or over an open ``store``."""
    from tollwatch.web import api, pages, responses

    cfg = settings or Settings.from_env()
    owned = store is None
    the_store = store or Store.open(store_url, engine_options=_pool(store_url, cfg))
    service = Service(the_store, cfg)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if cfg.warm and not await run_in_threadpool(service.view_current):
            # build the reconciled view before taking requests (each worker its own),
            # unless the store keeps a current one (``tollwatch reconcile``)
            await run_in_threadpool(service.snapshot)
        elif cfg.warm:
            # claims and timelines are read from the database: count them by actor and
            # metric once and render the busiest first pages (/health?warm=1 waits for
            # it; requests meanwhile count what they need)
            threading.Thread(target=service.warm_counts, name="tollwatch-counts",
                             daemon=True).start()
        if not cfg.warm or service.current is not None:
            service.warmed.set()
        try:
            yield
        finally:
            if owned:
                the_store.close()

    app = TollwatchApp(
        title="tollwatch", version="1", lifespan=lifespan, openapi_url="/api/v1/openapi.json",
        docs_url=None, redoc_url=None,
        description="Count claims of conflict news, with their sources and reviews.")
    app.state.settings = cfg
    app.state.service = service
    app.include_router(api.router)
    app.include_router(responses.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(GuardMiddleware, settings=cfg)
    app.fast = FastReads(service, GuardMiddleware(app, cfg))
    return app


def _pool(store_url: str | None, cfg: Settings) -> dict[str, int]:
    from tollwatch.store.db import resolve_url

    url = resolve_url(store_url)
    if url.startswith("sqlite") and ":memory:" in url:
        return {}
    # several server processes share the database's connections (PostgreSQL allows 100)
    workers = max(1, int(os.environ.get(WORKERS_ENV) or 1))
    size = max(4, cfg.pool_size // workers)
    return {"pool_size": size, "max_overflow": size}


def app_from_env() -> TollwatchApp:
    """The app for ``$TOLLWATCH_DB`` and settings from the environment (the factory
    ``tollwatch serve --workers N`` gives uvicorn)."""
    return create_app(os.environ.get(DB_ENV),
                      Settings.from_env(os.environ.get(HOST_ENV, "127.0.0.1"), warm=True))
