"""Input files to Documents: .txt, .html/.htm, .jsonl (gold format) and standard input.

Readers yield either a Document or an InputError for each record, so one bad file or line
never stops the rest. Callers report the errors and carry on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tollwatch.errors import InputError, RecordError, TooLargeError
from tollwatch.ingest.decode import decode_bytes
from tollwatch.ingest.html import html_to_article
from tollwatch.model import Document

__all__ = ["ReadOptions", "read_path", "read_bytes", "documents_from_jsonl_text"]

Item = Document | InputError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read: the size limit in bytes for one file."""

    max_bytes: int = 50 * 1024 * 1024


def _str_or_none(v: object) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _published(v: object) -> str | None:
    s = _str_or_none(v)
    return s[:10] if s else None


def documents_from_jsonl_text(text: str, source: str) -> Iterator[Item]:
    """Documents from gold-format JSONL lines (id, text, published, url, outlet)."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield RecordError(f"malformed JSON line ({e.msg})", source=source, line=n)
            continue
        if not isinstance(obj, dict):
            yield RecordError("JSON line is not an object", source=source, line=n)
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield RecordError("record has no text", source=source, line=n)
            continue
        doc_id = _str_or_none(obj.get("id")) or f"{Path(source).stem}:{n}"
        yield Document(
            id=doc_id,
            text=body,
            published=_published(obj.get("published")),
            url=_str_or_none(obj.get("url")),
            outlet=_str_or_none(obj.get("outlet")),
            title=_str_or_none(obj.get("title")),
        )


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
        try:
            art = html_to_article(text, source)
        except InputError as e:
            yield e
            return
        yield Document(id=doc_id, text=art.text, published=art.published, url=art.url,
                       outlet=art.outlet, title=art.title)
        return
    yield Document(id=doc_id, text=text)


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "txt"


def read_path(path: Path, options: ReadOptions | None = None) -> Iterator[Item]:
    """Documents from one file; errors are yielded, never raised."""
    opts = options or ReadOptions()
    source = str(path)
    try:
        size = path.stat().st_size
        if size > opts.max_bytes:
            yield TooLargeError(f"file is {size} bytes, over the limit of {opts.max_bytes}",
                                source=source)
            return
        data = path.read_bytes()
    except OSError as e:
        yield InputError(f"cannot read: {e.strerror or e}", source=source)
        return
    yield from read_bytes(data, source, kind_of(path), path.stem)
