"""Expand command-line inputs (files, directories, '-') into Documents or InputErrors."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from tollwatch.errors import InputError
from tollwatch.ingest.readers import Item, ReadOptions, read_bytes, read_path

__all__ = ["SUPPORTED_SUFFIXES", "iter_inputs"]

SUPPORTED_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson"}


def _walk(directory: Path) -> Iterator[Path]:
    """Supported files under ``directory``, sorted; hidden names skipped, as ingest does."""
    for p in sorted(directory.rglob("*")):
        if any(part.startswith(".") for part in p.relative_to(directory).parts):
            continue
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES:
            yield p


def iter_inputs(paths: Iterable[str], options: ReadOptions | None = None,
                stdin_kind: str = "txt") -> Iterator[Item]:
    """Documents from each path in turn; '-' reads standard input; directories recurse."""
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            yield from read_bytes(data, "<stdin>", stdin_kind, "stdin")
            continue
        path = Path(raw)
        if path.is_dir():
            for p in _walk(path):
                yield from read_path(p, options)
        elif path.exists():
            yield from read_path(path, options)
        else:
            yield InputError("no such file or directory", source=raw)
