"""The answers of ``GET /claims`` and ``GET /timeline`` read from the database (a store
keeping a current reconciled view), as bytes, and the warm-up that renders the busiest
series' first pages into the answer cache before the server reports ready.

``claims_answer`` and ``stored_timeline_answer`` are what the endpoints send (web/api.py);
``prefill`` calls the same functions, under the same keys (web/fast_read.py), so a
prefilled answer is byte for byte the one a request would have made.
"""

from __future__ import annotations

import json
import logging
import time
from functools import partial
from typing import TYPE_CHECKING

from sqlalchemy import select

from tollwatch.model import Report
from tollwatch.reconcile.own_voice import DEFAULT_VOICE, Voice
from tollwatch.web.fast_read import TIMELINE_DEFAULT_LIMIT, claims_key, timeline_key
from tollwatch.web.snapshot import Fingerprint, report_dicts

if TYPE_CHECKING:
    from tollwatch.web.service import Service

__all__ = ["busiest_series", "claims_answer", "claims_body", "prefill",
           "stored_timeline_answer"]

log = logging.getLogger("tollwatch.web")


def claims_body(items: list[Report], total: int, limit: int, offset: int) -> bytes:
    """A claims page as the API writes it."""
    from tollwatch.web.api_common import dumps

    return dumps({"items": report_dicts(items), "total": total, "limit": limit,
                  "offset": offset})


def claims_answer(svc: Service, fp: Fingerprint, actor: str | None, metric: str | None,
                  origin: str | None, since: str | None, until: str | None, limit: int,
                  offset: int) -> bytes:
    """``GET /claims`` read from the database."""
    from tollwatch.web.api_common import claims_page

    items, total = claims_page(svc, fp, actor, metric, origin, since, until, limit, offset)
    return claims_body(items, total, limit, offset)


def stored_timeline_answer(svc: Service, fp: Fingerprint, actor: str | None,
                           metric: str | None, limit: int, offset: int,
                           group: str | None, voice: Voice = DEFAULT_VOICE) -> bytes:
    """``GET /timeline`` read from the store's reconciled view."""
    total, rows = svc.stored_timeline(actor, metric, limit, offset, group=group, fp=fp,
                                      voice=voice)
    head = json.dumps({"actor": svc.canonical_actor(actor) if actor else None,
                       "group": group, "own_voice": voice, "total": total, "limit": limit,
                       "offset": offset, "stale": False}, ensure_ascii=False)
    return b"".join((head[:-1].encode("utf-8"), b',"items":[', rows, b"]}"))


def busiest_series(svc: Service, fp: Fingerprint) -> list[tuple[str, str | None, int]]:
    """(actor as spelled, metric or None for all, claims) of every actor of the claims
    (one spelling a name: its busiest, since a filter on it matches them all) alone and
    with each metric, busiest first; from the counts ``Service.warm_counts`` keeps at
    ``fp`` (empty before them)."""
    from tollwatch.store.schema import AliasRow

    table: dict[tuple[int | None, str], int] | None = svc.reads.memo.peek(
        fp, ("claims-table",))
    if not table:
        return []
    with svc.store.engine.connect() as conn:
        rows = conn.execute(select(AliasRow.id, AliasRow.alias, AliasRow.name_id).where(
            AliasRow.id.in_([a for a, _ in table if a is not None]))).all()
    name_of = {int(i): int(name) for i, _, name in rows}
    spelled = {int(i): str(alias) for i, alias, _ in rows}
    per_alias: dict[int, int] = {}
    per_name: dict[tuple[int, str | None], int] = {}
    for (alias, metric), n in table.items():
        if alias is None or alias not in name_of:
            continue
        per_alias[alias] = per_alias.get(alias, 0) + n
        for m in (None, metric):
            per_name[name_of[alias], m] = per_name.get((name_of[alias], m), 0) + n
    best: dict[int, int] = {}
    for alias, n in per_alias.items():
        held = best.get(name_of[alias])
        if held is None or (n, spelled[alias]) > (per_alias[held], spelled[held]):
            best[name_of[alias]] = alias
    out = [(spelled[best[name]], m, n) for (name, m), n in per_name.items()]
    return sorted(out, key=lambda x: (-x[2], x[0], x[1] or ""))


def prefill(svc: Service, fp: Fingerprint, *, series: int, pages: int,
            budget_s: float) -> int:
    """Render into the answer cache, busiest series first (an actor alone or with one
    metric, by claims), each series' timeline (the default page) and first ``pages``
    pages of claims (the default page size), for at most ``series`` actors' series or
    ``budget_s`` seconds; the number of answers made. Stops when the store changes."""
    if not svc.cache_size or series <= 0 or budget_s <= 0:
        return 0
    deadline = time.monotonic() + budget_s
    n = svc.settings.page_size
    chosen = busiest_series(svc, fp)
    actors = {a for a, _, _ in chosen}
    keep = set(sorted(actors, key=lambda a: -next(c for x, m, c in chosen
                                                  if x == a and m is None))[:series])
    made = 0
    for actor, metric, _count in chosen:
        if actor not in keep:
            continue
        if time.monotonic() > deadline or svc.fingerprint() != fp:
            return made
        svc.cached(timeline_key(actor, metric, None, None, None, TIMELINE_DEFAULT_LIMIT, 0),
                   fp, partial(stored_timeline_answer, svc, fp, actor, metric,
                               TIMELINE_DEFAULT_LIMIT, 0, None))
        made += 1 + _claims_pages(svc, fp, actor, metric, n, pages)
    return made


def _claims_pages(svc: Service, fp: Fingerprint, actor: str, metric: str | None, n: int,
                  pages: int) -> int:
    """The first ``pages`` claims pages of one series from one read of the database."""
    from tollwatch.web.api_common import claims_page

    items, total = claims_page(svc, fp, actor, metric, None, None, None, n * pages, 0)
    made = 0
    for page in range(pages):
        offset = page * n
        if offset and offset >= total:
            break
        chunk = items[offset:offset + n]
        svc.cached(claims_key(actor, metric, None, None, None, n, offset), fp,
                   partial(claims_body, chunk, total, n, offset))
        made += 1
    return made
