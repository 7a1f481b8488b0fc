"""Throughput of ``tollwatch extract --jsonl`` against a plain spaCy pass, as whole processes.

Both commands run as separate processes over the same corpus on the same machine, one after
the other; wall-clock time and the peak memory (PSS) of each process tree (sampled from
/proc every 50 ms) are measured. Ratios from one run are what to compare: absolute figures
move with the machine's load.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["PLAIN_SPACY", "run_bench"]

PLAIN_SPACY = """
import json, sys, spacy
nlp = spacy.load(sys.argv[2])
texts = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            texts.append(json.loads(line)["text"])
n = 0
for doc in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=32):
    n += len(doc)
print(n)
"""


def _tree_rss(pid: int) -> int:
    """Memory in bytes of ``pid`` and all its descendants (Linux /proc).

    Proportional set size (PSS) where the kernel reports it, so that pages shared between a
    parent and its forked workers are counted once; resident set size (RSS) otherwise.
    """
    total = 0
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                parts = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(parts[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    stack = [pid]
    while stack:
        p = stack.pop()
        stack.extend(children.get(p, []))
        total += _pss(p)
    return total


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _timed(cmd: list[str]) -> tuple[float, int, str]:
    """Run ``cmd``; its output goes to temporary files so that no pipe can fill and block."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as errs:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=errs, text=True)
        peak = 0
        while proc.poll() is None:
            if os.path.isdir("/proc"):
                peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
        out.seek(0)
        errs.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"{cmd[0]} exited {proc.returncode}: {errs.read()[-500:]}")
        return elapsed, peak, out.read()


def default_corpus() -> Path:
    return Path(str(resources.files("tollwatch.data").joinpath("bench-corpus.jsonl")))


def _repeated(path: Path, times: int, workdir: Path) -> Path:
    """A copy of the JSONL corpus at ``path`` with every document ``times`` times."""
    lines = [x for x in path.read_text("utf-8").splitlines() if x.strip()]
    out = workdir / f"{path.stem}-x{times}.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for r in range(times):
            for line in lines:
                rec = json.loads(line)
                rec["id"] = f"{rec.get('id', 'doc')}#{r}"
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def run_bench(corpus: Path | None, model: str, processes: int = 2,
              repeat: int | None = None) -> dict[str, Any]:
    """Run both passes over ``corpus`` and return the figures.

    ``repeat`` repeats every document (default: 50 times for the small built-in corpus, once
    for a corpus given by path), so that start-up does not dominate the timing.
    """
    times = repeat if repeat is not None else (1 if corpus else 50)
    with tempfile.TemporaryDirectory(prefix="tollwatch-bench-") as tmp:
        path = corpus or default_corpus()
        if times > 1:
            path = _repeated(path, times, Path(tmp))
        return _run(path, model, processes, corpus or default_corpus(), times)


def _run(path: Path, model: str, processes: int, source: Path, times: int) -> dict[str, Any]:
    texts = [json.loads(x)["text"] for x in path.read_text("utf-8").splitlines() if x.strip()]
    exe = [sys.executable, "-m", "tollwatch"]
    t_plain, m_plain, out_plain = _timed([sys.executable, "-c", PLAIN_SPACY, str(path), model,
                                          str(processes)])
    tokens = int(out_plain.strip().splitlines()[-1])
    t_tw, m_tw, out_tw = _timed(exe + ["extract", "--jsonl", "--model", model,
                                       "-j", str(processes), str(path)])
    n_claims = sum(len(json.loads(x)["claims"]) for x in out_tw.splitlines() if x.strip())
    return {
        "corpus": str(source),
        "repeat": times,
        "documents": len(texts),
        "tokens": tokens,
        "processes": processes,
        "claims": n_claims,
        "tollwatch_seconds": round(t_tw, 3),
        "tollwatch_docs_per_s": round(len(texts) / t_tw, 2),
        "tollwatch_tokens_per_s": round(tokens / t_tw, 1),
        "tollwatch_peak_pss_mb": round(m_tw / 2**20, 1),
        "spacy_seconds": round(t_plain, 3),
        "spacy_docs_per_s": round(len(texts) / t_plain, 2),
        "spacy_peak_pss_mb": round(m_plain / 2**20, 1),
        "speedup_vs_spacy": round(t_plain / t_tw, 3),
    }
