"""RSS/Atom feeds and web pages: each feed entry's page is fetched and read as an article."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser

from tollwatch.errors import InputError, RecordError, TollwatchError
from tollwatch.ingest.decode import decode_bytes
from tollwatch.ingest.dedup import content_hash
from tollwatch.ingest.fetch import Fetched, Fetcher, is_url
from tollwatch.ingest.html import html_to_article
from tollwatch.ingest.readers import Read, Sourced, html_language
from tollwatch.model import Document

__all__ = ["feed_entries", "feed_items", "is_feed", "page_item", "url_items"]

_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/feed+json"}
_FEED_TAGS = (b"<rss", b"<feed", b"<rdf:rdf")


def is_feed(data: bytes, media_type: str | None) -> bool:
    """True for RSS/Atom: by media type, or by the first element of the body."""
    if media_type in ("application/rss+xml", "application/atom+xml"):
        return True
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml"):
        end = head.find(b"?>")
        head = head[end + 2:].lstrip() if end >= 0 else head
        while head.startswith(b"<!--") and b"-->" in head:
            head = head[head.find(b"-->") + 3:].lstrip()
    return head.startswith(_FEED_TAGS) or (media_type in _FEED_TYPES and b"<html" not in head)


def _decode(fetched: Fetched, source: str) -> str:
    if fetched.charset:
        try:
            return fetched.data.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(fetched.data, source)


def page_item(fetched: Fetched, source: str, meta: Document | None = None) -> Read:
    """A fetched page as a document: HTML through trafilatura, plain text as it is.

    ``meta`` (from a feed entry) fills the title and date when the page lacks them. The
    document id is the start of its content hash (a URL has no id of its own).
    """
    try:
        text = _decode(fetched, source)
        if fetched.content_type == "text/plain":
            body, title, published, outlet = text, None, None, None
        else:
            art = html_to_article(text, source, url=fetched.url)
            body, title, published, outlet = art.text, art.title, art.published, art.outlet
    except InputError as e:
        return e
    doc = Document(
        id=content_hash(body)[:16], text=body,
        published=published or (meta.published if meta else None),
        url=fetched.url, outlet=outlet, title=title or (meta.title if meta else None),
    )
    return Sourced(doc, source, html_language(fetched.data))


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def feed_entries(data: bytes, source: str) -> Iterator[tuple[str, Document] | RecordError]:
    """Each entry of an RSS/Atom feed: its link and what the feed says of it (title,
    date, as a text-less Document), or a RecordError for an entry without a link."""
    parsed = feedparser.parse(data)
    entries = list(parsed.get("entries", []))
    if not entries:
        reason = "feed has no entries"
        if parsed.get("bozo"):
            reason = f"not a readable feed ({parsed.get('bozo_exception')})"
        yield RecordError(reason, source=source)
        return
    for n, entry in enumerate(entries, 1):
        link = entry.get("link")
        if not isinstance(link, str) or not is_url(link):
            yield RecordError("feed entry has no http(s) link", source=source, line=n)
            continue
        title = entry.get("title")
        yield link, Document(id="", text="", published=_entry_date(entry),
                             title=title if isinstance(title, str) else None)


def feed_items(data: bytes, source: str, fetcher: Fetcher | None) -> Iterator[Read]:
    """Each entry of an RSS/Atom feed, its linked page fetched and read."""
    for got in feed_entries(data, source):
        if isinstance(got, RecordError):
            yield got
            continue
        link, meta = got
        if fetcher is None:
            yield RecordError("feed entries need fetching, and no fetcher was given",
                              source=link)
            continue
        try:
            page = fetcher.get(link)
        except TollwatchError as e:
            yield e
            continue
        yield page_item(page, link, meta)


def url_items(url: str, fetcher: Fetcher) -> Iterator[Read]:
    """A web page by URL, or every entry of a feed by URL."""
    try:
        page = fetcher.get(url)
    except TollwatchError as e:
        yield e
        return
    if is_feed(page.data, page.content_type):
        yield from feed_items(page.data, url, fetcher)
        return
    yield page_item(page, url)
