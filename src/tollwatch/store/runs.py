"""Runs of ``ingest``/``reextract``: each run's row (kind, inputs, host and process,
counts, status) and the errors recorded for it; a run of this host whose process died is
marked interrupted when the next one starts."""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, insert, select, update

from tollwatch.store.schema import RunErrorRow, RunRow
from tollwatch.store.writer import now

__all__ = ["Runs", "pid_alive"]


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` runs on this host (one of another user counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Runs:
    """The runs part of ``Store`` (a mixin over its engine)."""

    engine: Engine

    def start_run(self, kind: str, inputs: Sequence[str], extractor_version: str) -> int:
        """A new run; runs of this host whose process died are marked 'interrupted'."""
        host = socket.gethostname()
        with self.engine.begin() as conn:
            stale = conn.execute(select(RunRow.id, RunRow.pid).where(
                RunRow.status == "running", RunRow.host == host)).all()
            dead = [rid for rid, pid in stale if pid is not None and not pid_alive(pid)]
            if dead:
                conn.execute(update(RunRow).where(RunRow.id.in_(dead))
                             .values(status="interrupted"))
            return int(conn.execute(insert(RunRow).values(
                kind=kind, status="running", started=now(), extractor_version=extractor_version,
                inputs=list(inputs), host=host, pid=os.getpid(), docs_new=0, docs_duplicate=0,
                docs_near_duplicate=0, docs_seen=0, docs_failed=0, claims_added=0,
            ).returning(RunRow.id)).scalar_one())

    def finish_run(self, run_id: int, status: str = "done") -> None:
        with self.engine.begin() as conn:
            conn.execute(update(RunRow).where(RunRow.id == run_id)
                         .values(status=status, finished=now()))

    def run_info(self, run_id: int) -> dict[str, Any] | None:
        """A run's row and its errors, as plain data."""
        with self.engine.connect() as conn:
            row = conn.execute(select(RunRow.__table__).where(RunRow.id == run_id)).first()
            if row is None:
                return None
            info = dict(row._mapping)
            info["errors"] = [dict(r._mapping) for r in conn.execute(
                select(RunErrorRow.source, RunErrorRow.line, RunErrorRow.code,
                       RunErrorRow.reason).where(RunErrorRow.run_id == run_id)
                .order_by(RunErrorRow.id))]
            return info
