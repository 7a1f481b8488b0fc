"""Input files to Documents: .txt, .html/.htm, .jsonl (gold format), .csv, RSS/Atom feeds,
directories (recursive) and web pages by URL.

Readers yield either a Document (``read_path``) or a ``Sourced`` document (``read_input``),
or an error, for each record, so one bad file or line never stops the rest. Callers report
the errors and carry on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tollwatch.errors import (
    DecodeError,
    EmptyInputError,
    InputError,
    RecordError,
    TollwatchError,
    TooLargeError,
)
from tollwatch.ingest.decode import decode_bytes, looks_binary, wide_bom_codec
from tollwatch.ingest.html import html_to_article
from tollwatch.ingest.published import NotADate, published_date
from tollwatch.model import Document

__all__ = [
    "CSV_SUFFIXES",
    "FEED_SUFFIXES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "Item",
    "Read",
    "ReadOptions",
    "Sourced",
    "documents_from_jsonl_text",
    "html_language",
    "iter_files",
    "kind_of",
    "read_bytes",
    "read_file",
    "read_path",
]

Item = Document | InputError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
FEED_SUFFIXES = {".rss", ".atom"}


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read: the size limit in bytes for one file (for one record in
    JSONL), and the CSV column holding the text."""

    max_bytes: int = 50 * 1024 * 1024
    text_column: str = "text"


@dataclass(frozen=True, slots=True)
class Sourced:
    """A document and the input it came from: a path, ``path:line`` or a URL."""

    doc: Document
    source: str
    language: str | None = None


Read = Sourced | TollwatchError

_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})?)",
                   re.IGNORECASE)


def html_language(html: bytes | str) -> str | None:
    """The ``lang`` of the ``<html>`` element, if any."""
    data = html.encode("utf-8", "replace") if isinstance(html, str) else html
    m = _LANG.search(data[:65536])
    return m.group(1).decode("ascii").lower() if m else None


def _str_or_none(v: object) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _record(obj: dict[str, Any], body: str, fallback_id: str, source: str, n: int
            ) -> tuple[Document, RecordError | None]:
    """The record's document, and the error to report when its ``published`` is not a
    date (the document is kept, undated)."""
    problem = None
    try:
        published = published_date(obj.get("published"))
    except NotADate:
        published = None
        shown = str(obj.get("published")).strip()
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        problem = RecordError(f"published {shown!r} is not a date; record kept with no date",
                              source=source, line=n)
    doc = Document(
        id=_str_or_none(obj.get("id")) or fallback_id,
        text=body,
        published=published,
        url=_str_or_none(obj.get("url")),
        outlet=_str_or_none(obj.get("outlet")),
        title=_str_or_none(obj.get("title")),
    )
    return doc, problem


def _jsonl_line(line: str, source: str, n: int) -> list[Sourced | RecordError]:
    if not line.strip():
        return []
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return [RecordError(f"malformed JSON line ({e.msg})", source=source, line=n)]
    if not isinstance(obj, dict):
        return [RecordError("JSON line is not an object", source=source, line=n)]
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        return [RecordError("record has no text", source=source, line=n)]
    doc, problem = _record(obj, body, f"{Path(source).stem}:{n}", source, n)
    got = Sourced(doc, f"{source}:{n}", _str_or_none(obj.get("language")))
    return [got] if problem is None else [problem, got]


def documents_from_jsonl_text(text: str, source: str) -> Iterator[Item]:
    """Documents from gold-format JSONL lines (id, text, published, url, outlet)."""
    for n, line in enumerate(text.splitlines(), 1):
        for got in _jsonl_line(line, source, n):
            yield got.doc if isinstance(got, Sourced) else got


def _html_document(text: str, source: str, doc_id: str) -> Document | InputError:
    """The article of an HTML page as a Document, or the error saying there is none."""
    try:
        art = html_to_article(text, source)
    except InputError as e:
        return e
    return Document(id=doc_id, text=art.text, published=art.published, url=art.url,
                    outlet=art.outlet, title=art.title)


def read_bytes(data: bytes, source: str, kind: str, doc_id: str) -> Iterator[Item]:
    """Documents from the bytes of one input of ``kind`` ('txt', 'html' or 'jsonl')."""
    try:
        text = decode_bytes(data, source)
    except InputError as e:
        yield e
        return
    if kind == "jsonl":
        yield from documents_from_jsonl_text(text, source)
        return
    if kind == "html":
        yield _html_document(text, source, doc_id)
        return
    yield Document(id=doc_id, text=text)


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix == ".xml":
        return "xml"
    return "txt"


def read_path(path: Path, options: ReadOptions | None = None) -> Iterator[Item]:
    """Documents from one .txt, .html or .jsonl file; errors are yielded, never raised.

    The same reading as :func:`read_file`, without the input each document came from.
    """
    for item in read_file(path, options):
        if isinstance(item, Sourced):
            yield item.doc
        elif isinstance(item, InputError):
            yield item
        else:
            yield InputError(str(item.message), source=item.source, line=item.line)


def iter_files(root: Path) -> Iterator[Path]:
    """Regular files under ``root`` (recursive, sorted, hidden names skipped)."""
    for p in sorted(root.rglob("*")):
        if any(part.startswith(".") for part in p.relative_to(root).parts):
            continue
        if p.is_file():
            yield p


def _read_jsonl(path: Path, source: str, opts: ReadOptions) -> Iterator[Read]:
    """JSONL streamed line by line; the size limit applies to each record."""
    with path.open("rb") as fh:
        head = fh.read(8192)
        if not head.strip():
            yield EmptyInputError("empty input", source=source)
            return
        wide = wide_bom_codec(head)
        if wide is not None:  # UTF-16/32 with a byte-order mark: read as text, streamed
            yield from _read_wide_jsonl(path, source, opts, wide)
            return
        if looks_binary(head):
            yield DecodeError("binary data, not text", source=source)
            return
        fh.seek(0)
        for n, raw in enumerate(fh, 1):
            if len(raw) > opts.max_bytes:
                yield TooLargeError(f"record is {len(raw)} bytes, over the limit of "
                                    f"{opts.max_bytes}", source=source, line=n)
                continue
            if not raw.strip():
                continue
            try:
                line = decode_bytes(raw, source)
            except InputError as e:
                yield RecordError(e.message, source=source, line=n)
                continue
            yield from _jsonl_line(line, source, n)


def _read_wide_jsonl(path: Path, source: str, opts: ReadOptions, codec: str
                     ) -> Iterator[Read]:
    with path.open("r", encoding=codec, newline="") as fh:
        n = 0
        try:
            for n, line in enumerate(fh, 1):
                if len(line) > opts.max_bytes:
                    yield TooLargeError(f"record is over the limit of {opts.max_bytes} "
                                        "bytes", source=source, line=n)
                    continue
                yield from _jsonl_line(line, source, n)
        except UnicodeDecodeError:
            yield RecordError(f"not valid {codec.upper()}", source=source, line=n + 1)


def _read_csv(text: str, source: str, opts: ReadOptions, stem: str) -> Iterator[Read]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fields = reader.fieldnames
    except csv.Error as e:
        yield RecordError(f"malformed CSV header ({e})", source=source, line=1)
        return
    if not fields or opts.text_column not in fields:
        yield RecordError(f"no column named {opts.text_column!r} (use --text-column)",
                          source=source, line=1)
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield RecordError(f"malformed CSV row ({e})", source=source, line=reader.line_num)
            return
        n = reader.line_num
        if None in row:
            yield RecordError("row has more fields than the header", source=source, line=n)
            continue
        body = row.get(opts.text_column)
        if not body or not body.strip():
            yield RecordError(f"row has no text in column {opts.text_column!r}",
                              source=source, line=n)
            continue
        doc, problem = _record(dict(row), body, f"{stem}:{n}", source, n)
        if problem is not None:
            yield problem
        yield Sourced(doc, f"{source}:{n}", _str_or_none(row.get("language")))


def read_file(path: Path, options: ReadOptions | None = None,
              fetcher: Any = None) -> Iterator[Read]:
    """Sourced documents from one file of any supported kind; errors yielded, not raised.

    ``fetcher`` (a ``tollwatch.ingest.fetch.Fetcher``) fetches the pages of a feed's
    entries; without one, feeds are reported as errors.
    """
    opts = options or ReadOptions()
    source = str(path)
    kind = kind_of(path)
    try:
        if kind == "jsonl":
            yield from _read_jsonl(path, source, opts)
            return
        size = path.stat().st_size
        if size > opts.max_bytes:
            yield TooLargeError(f"file is {size} bytes, over the limit of {opts.max_bytes}",
                                source=source)
            return
        data = path.read_bytes()
    except OSError as e:
        yield InputError(f"cannot read: {e.strerror or e}", source=source)
        return
    if kind in ("feed", "xml"):
        from tollwatch.ingest.feeds import feed_items, is_feed

        if kind == "feed" or is_feed(data, None):
            yield from feed_items(data, source, fetcher)
            return
        kind = "html"
    try:
        text = decode_bytes(data, source)
    except InputError as e:
        yield e
        return
    if kind == "csv":
        yield from _read_csv(text, source, opts, path.stem)
        return
    if kind == "html":
        got = _html_document(text, source, path.stem)
        yield got if isinstance(got, InputError) else Sourced(got, source, html_language(data))
        return
    yield Sourced(Document(id=path.stem, text=text), source)
