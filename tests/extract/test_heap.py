"""Freed memory is kept for the next batch (extract/heap.py): memory of the size of a
batch's objects, freed and allocated again, takes (almost) no new page faults; without the
setting it takes one for about every page (checked in a fresh process each)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from tollwatch.extract.heap import keep_freed_memory

_GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
_SRC = str(Path(__file__).resolve().parents[2] / "src")

# 40 MB of small objects (from the heap, not from mappings of their own), freed, made again
_PROGRAM = """
import resource, sys
if sys.argv[1] == "keep":
    from tollwatch.extract.heap import keep_freed_memory
    assert keep_freed_memory()
def faults():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    blocks = [bytearray(4000) for _ in range(10000)]
    after = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    del blocks
    return after - before
faults()
print(min(faults() for _ in range(3)))
"""


def _faults(mode: str) -> int:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (_SRC, os.environ.get("PYTHONPATH")) if p))
    out = subprocess.run([sys.executable, "-c", _PROGRAM, mode], env=env, check=True,
                         capture_output=True, text=True)
    return int(out.stdout.strip())


@pytest.mark.skipif(not _GLIBC, reason="glibc's malloc only")
def test_freed_memory_is_reused_without_page_faults() -> None:
    pages = 40_000_000 // os.sysconf("SC_PAGE_SIZE")
    assert _faults("keep") < pages // 20
    assert _faults("plain") > pages // 2  # (what the setting avoids)


@pytest.mark.skipif(not _GLIBC, reason="glibc's malloc only")
def test_done_once_per_process() -> None:
    assert keep_freed_memory() is True
    assert keep_freed_memory() is True
    assert keep_freed_memory.cache_info().currsize == 1


@pytest.mark.skipif(_GLIBC, reason="elsewhere than glibc")
def test_nothing_is_done_without_glibc() -> None:
    assert keep_freed_memory() is False
