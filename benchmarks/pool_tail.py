"""When each worker of ``tollwatch extract --jsonl`` (default pool) ran each batch.

    PYTHONPATH=src .venv/bin/python benchmarks/pool_tail.py CORPUS.jsonl > /dev/null

Wraps the pool's batch function so that every worker records (start, end, documents, CPU)
for each batch it extracts, runs the command, and prints per worker: batches, documents,
busy and CPU seconds, and when its last batch ended; then how far apart the workers
finished (the tail: a worker idling while another parses the last batch) and the last
batches handed out (``engines/pool.py``, ``tail_sizes``).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from tollwatch.engines import pool

_LOG = Path(tempfile.mkdtemp(prefix="tw-tail-")) / "batches.txt"
_RUN = pool._run
_RUN_RENDERED = pool._run_rendered
_T0 = time.time()


def _timed(batch: list[Any]) -> Any:
    """The pool's batch function, its start, end, size and CPU appended to the log (a
    module-level function: the pool pickles it by name)."""
    start, cpu = time.time(), time.process_time()
    out = _RUN(batch)
    _note(start, cpu, len(batch))
    return out


def _timed_rendered(job: Any) -> Any:
    """The same for the batches whose JSON lines the workers make (``extract --jsonl``)."""
    start, cpu = time.time(), time.process_time()
    out = _RUN_RENDERED(job)
    _note(start, cpu, len(job[0]))
    return out


def _note(start: float, cpu: float, n: int) -> None:
    with _LOG.open("a", encoding="utf-8") as f:
        f.write(f"{os.getpid()} {start - _T0:.3f} {time.time() - _T0:.3f} {n} "
                f"{time.process_time() - cpu:.3f}\n")


def main() -> None:
    log, t0 = _LOG, _T0
    pool._run = _timed
    pool._run_rendered = _timed_rendered
    sys.argv = ["tollwatch", "extract", "--jsonl", sys.argv[1]]
    from tollwatch.cli import main as cli

    try:
        cli()
    except SystemExit:
        pass
    end = time.time() - t0
    by: dict[str, list[tuple[float, float, int, float]]] = defaultdict(list)
    for line in log.read_text("utf-8").splitlines():
        pid, s, e, n, c = line.split()
        by[pid].append((float(s), float(e), int(n), float(c)))
    ends = sorted(max(e for _, e, _, _ in v) for v in by.values())
    starts = sorted(min(s for s, _, _, _ in v) for v in by.values())
    print(f"first batch started at {starts[0]:.2f} s (the parent loads the pipeline and "
          f"forks before)", file=sys.stderr)
    for pid, v in by.items():
        print(f"worker {pid}: {len(v)} batches, {sum(b[2] for b in v)} documents, "
              f"busy {sum(e - s for s, e, _, _ in v):.1f} s, CPU {sum(b[3] for b in v):.1f} s, "
              f"last batch ended at {max(e for _, e, _, _ in v):.1f} s", file=sys.stderr)
    print(f"workers finished {ends[-1] - ends[0]:.2f} s apart; exit at {end:.1f} s",
          file=sys.stderr)
    last = sorted((s, e, n) for v in by.values() for s, e, n, _ in v)[-8:]
    print("last batches (start, end, documents):",
          [(round(s, 1), round(e, 1), n) for s, e, n in last], file=sys.stderr)


if __name__ == "__main__":
    main()
