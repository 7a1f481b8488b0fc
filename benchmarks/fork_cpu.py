"""CPU time and page faults of ``tollwatch extract --jsonl`` before and after the pool forks.

    PYTHONPATH=src .venv/bin/python benchmarks/fork_cpu.py CORPUS.jsonl [extract options]

Runs the extract command in this process (its output goes to stdout as usual) and prints
to stderr, as one JSON line: the parent's CPU seconds (user + system), system seconds and
minor page faults when the worker pool starts (everything before it runs on one core while
the others wait: imports, loading the pipeline), the same at the end, and the workers'
totals (``RUSAGE_CHILDREN``, counted once they have been waited for). With ``-j 1`` there is
no fork and the ``fork`` entry stays empty. These figures move much less with the machine's
load than wall time; compare alternated runs (docs/evaluation.md, "Extraction speed").
"""

from __future__ import annotations

import json
import multiprocessing.pool as mpp
import resource
import sys
import time
from typing import Any

_T0 = time.perf_counter()
_FORK: dict[str, float] = {}


def _usage(who: int) -> dict[str, float]:
    r = resource.getrusage(who)
    return {"cpu": round(r.ru_utime + r.ru_stime, 3), "sys": round(r.ru_stime, 3),
            "minflt": r.ru_minflt}


def main() -> None:
    original = mpp.Pool.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        if not _FORK:
            _FORK.update(_usage(resource.RUSAGE_SELF), wall=round(time.perf_counter() - _T0, 3))
        original(self, *args, **kwargs)

    mpp.Pool.__init__ = init  # type: ignore[method-assign]
    corpus, options = sys.argv[1], sys.argv[2:]
    sys.argv = ["tollwatch", "extract", "--jsonl", *options, corpus]
    from tollwatch.cli import main as cli

    try:
        cli()
    except SystemExit:
        pass
    print(json.dumps({"fork": _FORK, "parent": _usage(resource.RUSAGE_SELF),
                      "workers": _usage(resource.RUSAGE_CHILDREN),
                      "wall": round(time.perf_counter() - _T0, 3)}), file=sys.stderr)


if __name__ == "__main__":
    main()
