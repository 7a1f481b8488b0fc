"""Freed memory kept in the process for the next batch (glibc's ``malloc``).

Each batch of parsed sentences allocates arrays and objects of about the same sizes as the
batch before, and frees them when its claims are made (:func:`tollwatch.extract.doc_cache.release`).
glibc's allocator gives freed memory back to the system as soon as more than its trim
threshold (128 KiB at first) is free at the top of the heap, and serves blocks above its
mmap threshold with fresh mappings: the next batch then takes a page fault for every page
it touches again. On 390 documents of the speed corpus that was about 150,000 page faults
and 0.5 s of system time in one process, against 15,000 and 0.1 s with the thresholds
below (docs/evaluation.md, "Extraction speed"); the process's peak memory stayed the same.

:func:`keep_freed_memory` raises both thresholds (``mallopt``), once per process; the
workers forked from it inherit the setting. Elsewhere than on Linux with glibc it does
nothing.
"""

from __future__ import annotations

import ctypes
import platform
import sys
from functools import lru_cache

__all__ = ["MMAP_THRESHOLD", "TRIM_THRESHOLD", "keep_freed_memory"]

#: Free memory at the top of the heap kept before any is given back.
TRIM_THRESHOLD = 256 * 1024 * 1024
#: Blocks smaller than this come from the heap, not from a mapping of their own.
MMAP_THRESHOLD = 32 * 1024 * 1024

_M_TRIM_THRESHOLD = -1  # glibc's malloc.h
_M_MMAP_THRESHOLD = -3


@lru_cache(maxsize=1)
def keep_freed_memory() -> bool:
    """Raise glibc's trim and mmap thresholds for this process; whether it was done."""
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)) and \
        bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
