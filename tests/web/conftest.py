"""Fixtures of the web tests: a SQLite store of invented articles ingested with the real
Extractor (built once per session, copied per test), an app over it, and a live server."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tollwatch.store import Store
from tollwatch.web import Settings, create_app

from .articles import ARTICLES, HOSTILE

TOKEN = "test-token-5f1c"


@pytest.fixture(scope="session")
def extractor() -> Any:
    from tollwatch.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Path:
    from tollwatch.extract import EXTRACTOR_VERSION

    path = tmp_path_factory.mktemp("webdb") / "web.db"
    with Store.open(str(path)) as store:
        for doc in [*ARTICLES, HOSTILE]:
            store.add_document(doc, extractor.extract(doc), EXTRACTOR_VERSION, source=doc.id)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def db(template_db: Path, tmp_path: Path) -> str:
    target = tmp_path / "web.db"
    shutil.copy(template_db, target)
    return str(target)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serving(db: str, extractor: Any = None, **settings: Any) -> Iterator[str]:
    """The app over ``db`` served by uvicorn in a thread on a free loopback port; yields
    its base URL."""
    values: dict[str, Any] = {"token": TOKEN}
    values.update(settings)
    app = create_app(db, Settings(**values))
    if extractor is not None:
        app.state.service._extractor = extractor  # share the session's loaded pipeline
    with serve_app(app) as base:
        yield base


@contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def hand_db(tmp_path: Path) -> str:
    """A SQLite store of the hand-made claims of ``handmade.py`` (no spaCy needed)."""
    from .handmade import fill

    path = tmp_path / "hand.db"
    with Store.open(str(path)) as store:
        fill(store)
    return str(path)


@contextmanager
def app_client(db: str, **settings: Any) -> Iterator[tuple[httpx.Client, Any]]:
    """An httpx client of a live server over ``db`` and the app's Service."""
    values: dict[str, Any] = {"token": TOKEN, "fingerprint_ttl": 0.0}
    values.update(settings)
    app = create_app(db, Settings(**values))
    with serve_app(app) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client, app.state.service


@contextmanager
def make_client(db: str, extractor: Any = None, **settings: Any) -> Iterator[httpx.Client]:
    """An httpx client of a live server over ``db`` (see ``serving``)."""
    with serving(db, extractor, **settings) as base, \
            httpx.Client(base_url=base, timeout=60) as client:
        yield client


@pytest.fixture
def client(db: str, extractor: Any) -> Iterator[httpx.Client]:
    with make_client(db, extractor) as c:
        yield c


@pytest.fixture
def live_server(db: str, extractor: Any) -> Iterator[str]:
    with serving(db, extractor) as base:
        yield base
