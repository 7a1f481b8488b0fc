"""Throughput of ``tollwatch extract --jsonl`` against a plain spaCy pass, as whole processes.

Both commands run as separate processes over the same corpus on the same machine, one after
the other; wall-clock time, CPU time (user + system, workers included) and the peak memory
(PSS) of each process tree (sampled from /proc every 50 ms) are measured. Ratios from one run are what to compare: absolute figures
move with the machine's load.

Both passes run their libraries as installed: spaCy's modules have their bytecode in
site-packages (pip compiles it at install time), and so does tollwatch installed from a
wheel. A source checkout (an editable install) run with ``PYTHONDONTWRITEBYTECODE`` would
compile the hundred-odd tollwatch modules an extraction imports again in every run (about
0.35 s of CPU before the workers fork, on the machine of docs/evaluation.md), which no
installed tollwatch does; so the bench first writes the bytecode of tollwatch's package
(:func:`compile_package`; nothing to do when it is there already, as after a wheel install).
"""

from __future__ import annotations

import compileall
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["PLAIN_SPACY", "compile_package", "parsed_share", "redraw_figures", "run_bench"]

PLAIN_SPACY = """
import json, sys, spacy
nlp = spacy.load(sys.argv[2])
texts = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            texts.append(json.loads(line)["text"])
n = 0
for doc in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=64):
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
    """Run ``cmd``: its wall time, peak memory and output (:func:`_measure`)."""
    seconds, peak, out, _ = _measure(cmd)
    return seconds, peak, out


def _measure(cmd: list[str]) -> tuple[float, int, str, float]:
    """Run ``cmd``: wall time, peak memory (PSS of its process tree), output, and the CPU
    time (user + system) of the whole process tree, its workers included (a worker that has
    been waited for counts in its parent's figure). Wall time moves with whatever else runs
    on the machine; CPU time much less, so both are reported. The output goes to temporary
    files so that no pipe can fill and block."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as errs:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=errs, text=True)
        peak = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if os.path.isdir("/proc"):
                peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        errs.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"{cmd[0]} exited {proc.returncode}: {errs.read()[-500:]}")
        return elapsed, peak, out.read(), usage.ru_utime + usage.ru_stime


def compile_package(root: Path | None = None) -> bool:
    """Write the bytecode of every module of tollwatch's package (or of ``root``) that lacks
    an up-to-date one, as installing a wheel does; False when it cannot be written (a
    read-only install) or a module does not compile."""
    if root is None:
        import tollwatch

        root = Path(tollwatch.__file__).parent
    try:
        return bool(compileall.compile_dir(str(root), quiet=1))
    except OSError:
        return False


def default_corpus() -> Path:
    return Path(str(resources.files("tollwatch.data").joinpath("bench-corpus.jsonl")))


_FIGURE = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w]|[.,]\d)")


def redraw_figures(text: str, rng: random.Random) -> str:
    """``text`` with every figure redrawn at about the same magnitude.

    Years (1900-2100 written without a separator) are kept, so dates stay dates; a figure
    written with thousands separators keeps them. The sentences stay the same, so the copy
    reads like another report of the same kind, but no text repeats exactly, and no cache
    keyed on text can answer for it.
    """

    def one(m: re.Match[str]) -> str:
        raw = m.group(0)
        n = int(raw.replace(",", ""))
        if "," not in raw and 1900 <= n <= 2100:
            return raw
        if n <= 31:  # days of a month, small counts: keep them small
            new = rng.randint(1, 31)
        else:
            new = rng.randint(max(32, n // 2), n * 2)
        return f"{new:,}" if "," in raw else str(new)

    return _FIGURE.sub(one, text)


def _repeated(path: Path, times: int, workdir: Path) -> Path:
    """The JSONL corpus at ``path`` with every document ``times`` times, figures redrawn.

    The first copy of each document is as given; each further copy has its figures redrawn
    (:func:`redraw_figures`, seeded by the document id and copy number, so a run is
    repeatable), so that the texts are distinct, as in a real stream.
    """
    lines = [x for x in path.read_text("utf-8").splitlines() if x.strip()]
    out = workdir / f"{path.stem}-x{times}.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for r in range(times):
            for line in lines:
                rec = json.loads(line)
                rec["id"] = f"{rec.get('id', 'doc')}#{r}"
                if r:
                    rec["text"] = redraw_figures(rec["text"], random.Random(rec["id"]))
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def parsed_share(texts: list[str], model: str) -> float:
    """The share of the corpus's characters that the extractor hands to the spaCy parser.

    Only the planning step runs (sentence split, number scan, trigger look-up): nothing is
    parsed, so this is cheap.
    """
    from tollwatch.extract import ExtractOptions, Extractor
    from tollwatch.model import Document

    ex = Extractor(ExtractOptions(model=model))
    total = parsed = 0
    for i, text in enumerate(texts):
        total += len(text)
        parsed += ex.parsed_chars(Document(id=str(i), text=text))
    return parsed / total if total else 0.0


def run_bench(corpus: Path | None, model: str, processes: int | None = None,
              repeat: int | None = None) -> dict[str, Any]:
    """Run the passes over ``corpus`` and return the figures.

    ``repeat`` makes that many copies of every document, each further copy with its figures
    redrawn so that no text repeats (default: 50 for the small built-in corpus, 1 for a
    corpus given by path). ``processes`` is given to the default pass as ``-j``; None runs
    it with no option, as a user would.
    """
    times = repeat if repeat is not None else (1 if corpus else 50)
    with tempfile.TemporaryDirectory(prefix="tollwatch-bench-") as tmp:
        path = corpus or default_corpus()
        if times > 1:
            path = _repeated(path, times, Path(tmp))
        return _run(path, model, processes, corpus or default_corpus(), times)


def _extract_pass(path: Path, model: str, jobs: int | None) -> tuple[float, int, int, float]:
    cmd = [sys.executable, "-m", "tollwatch", "extract", "--jsonl", "--model", model]
    if jobs is not None:
        cmd += ["-j", str(jobs)]
    seconds, peak, out, cpu = _measure(cmd + [str(path)])
    claims = sum(len(json.loads(x)["claims"]) for x in out.splitlines() if x.strip())
    return seconds, peak, claims, cpu


def _run(path: Path, model: str, processes: int | None, source: Path,
         times: int) -> dict[str, Any]:
    texts = [json.loads(x)["text"] for x in path.read_text("utf-8").splitlines() if x.strip()]
    compiled = compile_package()
    cores = os.cpu_count() or 1
    t_plain, m_plain, out_plain, c_plain = _measure(
        [sys.executable, "-c", PLAIN_SPACY, str(path), model, str(cores)])
    tokens = int(out_plain.strip().splitlines()[-1])
    t_tw, m_tw, n_claims, c_tw = _extract_pass(path, model, processes)
    t_one, m_one, n_one, c_one = _extract_pass(path, model, 1)
    mb = 2**20
    return {
        "corpus": str(source),
        "repeat": times,
        "documents": len(texts),
        "distinct_texts": len(set(texts)),
        "tokens": tokens,
        "parsed_char_share": round(parsed_share(texts, model), 3),
        "processes": processes if processes is not None else "default",
        "tollwatch_bytecode": compiled,
        "claims": n_claims,
        "tollwatch_seconds": round(t_tw, 3),
        "tollwatch_docs_per_s": round(len(texts) / t_tw, 2),
        "tollwatch_tokens_per_s": round(tokens / t_tw, 1),
        "tollwatch_peak_pss_mb": round(m_tw / mb, 1),
        "tollwatch_cpu_seconds": round(c_tw, 3),
        "tollwatch_j1_seconds": round(t_one, 3),
        "tollwatch_j1_peak_pss_mb": round(m_one / mb, 1),
        "tollwatch_j1_cpu_seconds": round(c_one, 3),
        "tollwatch_j1_claims": n_one,
        "spacy_processes": cores,
        "spacy_seconds": round(t_plain, 3),
        "spacy_docs_per_s": round(len(texts) / t_plain, 2),
        "spacy_peak_pss_mb": round(m_plain / mb, 1),
        "spacy_cpu_seconds": round(c_plain, 3),
        "speedup_vs_spacy": round(t_plain / t_tw, 3),
        "speedup_j1_vs_spacy": round(t_plain / t_one, 3),
        # CPU time of each process tree: the machine's load moves it much less than wall time
        "cpu_ratio_vs_spacy": round(c_plain / c_tw, 3) if c_tw else None,
    }
