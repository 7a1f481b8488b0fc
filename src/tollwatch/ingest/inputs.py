"""Command-line inputs (files, directories, URLs) to a stream of sourced documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from tollwatch.errors import InputError
from tollwatch.ingest.feeds import url_items
from tollwatch.ingest.fetch import Fetcher, is_url
from tollwatch.ingest.readers import Read, ReadOptions, iter_files, read_file

__all__ = ["read_inputs"]


def read_inputs(specs: Iterable[str], options: ReadOptions | None = None,
                fetcher: Fetcher | None = None) -> Iterator[Read]:
    """Every document (or error) of ``specs``, in order: URLs are fetched (pages or
    feeds), directories walked recursively, files read by their suffix. Paths are made
    absolute, so that the same file is the same source from any working directory."""
    opts = options or ReadOptions()
    for spec in specs:
        if is_url(spec):
            if fetcher is None:
                yield InputError("URLs need fetching, and no fetcher was given", source=spec)
            else:
                yield from url_items(spec, fetcher)
            continue
        path = Path(spec).expanduser().absolute()
        if path.is_dir():
            for f in iter_files(path):
                yield from read_file(f, opts, fetcher)
        elif path.is_file():
            yield from read_file(path, opts, fetcher)
        elif path.exists():
            yield InputError("not a regular file or directory", source=str(path))
        else:
            yield InputError("no such file or directory", source=str(path))
