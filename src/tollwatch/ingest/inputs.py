"""Command-line inputs (files, directories, URLs) to a stream of sourced documents.

Reading is split in two so that it can be spread over workers: ``input_units`` lists, in
order, the units of work of a command line (one per URL and per file, directories walked;
cheap, done once), and ``read_unit`` reads one of them (the costly part: decoding, HTML,
feeds). ``read_inputs`` is the two chained in one process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tollwatch.errors import InputError
from tollwatch.ingest.feeds import url_items
from tollwatch.ingest.fetch import Fetcher, is_url
from tollwatch.ingest.readers import Read, ReadOptions, iter_files, read_file

__all__ = ["InputUnit", "input_units", "read_inputs", "read_unit"]

UnitKind = Literal["url", "file", "error"]


@dataclass(frozen=True, slots=True)
class InputUnit:
    """One unit of reading: a URL, a file, or an input that is already known to be bad
    (``reason`` says why)."""

    kind: UnitKind
    spec: str
    reason: str | None = None


def input_units(specs: Iterable[str]) -> Iterator[InputUnit]:
    """The units of ``specs``, in order: URLs as given, directories walked recursively
    (sorted, hidden names skipped), paths made absolute so that the same file is the same
    source from any working directory."""
    for spec in specs:
        if is_url(spec):
            yield InputUnit("url", spec)
            continue
        path = Path(spec).expanduser().absolute()
        if path.is_dir():
            for f in iter_files(path):
                yield InputUnit("file", str(f))
        elif path.is_file():
            yield InputUnit("file", str(path))
        elif path.exists():
            yield InputUnit("error", str(path), "not a regular file or directory")
        else:
            yield InputUnit("error", str(path), "no such file or directory")


def read_unit(unit: InputUnit, options: ReadOptions | None = None,
              fetcher: Fetcher | None = None) -> Iterator[Read]:
    """Every document (or error) of one unit; errors are yielded, never raised."""
    if unit.kind == "error":
        yield InputError(unit.reason or "cannot be read", source=unit.spec)
    elif unit.kind == "url":
        if fetcher is None:
            yield InputError("URLs need fetching, and no fetcher was given", source=unit.spec)
        else:
            yield from url_items(unit.spec, fetcher)
    else:
        yield from read_file(Path(unit.spec), options or ReadOptions(), fetcher)


def read_inputs(specs: Iterable[str], options: ReadOptions | None = None,
                fetcher: Fetcher | None = None) -> Iterator[Read]:
    """Every document (or error) of ``specs``, in order: URLs are fetched (pages or
    feeds), directories walked recursively, files read by their suffix."""
    opts = options or ReadOptions()
    for unit in input_units(specs):
        yield from read_unit(unit, opts, fetcher)
