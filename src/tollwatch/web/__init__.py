"""The web app: a REST API (``/api/v1``) and server-rendered pages over the evidence store.

    >>> from tollwatch.web import Settings, create_app
    >>> app = create_app("tollwatch.db", Settings.from_env("127.0.0.1"))
"""

from __future__ import annotations

from tollwatch.web.app import app_from_env, create_app
from tollwatch.web.gold import gold_records, write_gold
from tollwatch.web.settings import Settings

__all__ = ["Settings", "app_from_env", "create_app", "gold_records", "write_gold"]
