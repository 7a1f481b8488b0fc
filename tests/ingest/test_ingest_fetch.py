from __future__ import annotations

import pytest

from tollwatch.errors import FetchError
from tollwatch.ingest.feeds import url_items
from tollwatch.ingest.fetch import Fetcher, FetchOptions
from tollwatch.ingest.readers import Sourced


def test_fetches_a_page(web: str) -> None:
    with Fetcher() as f:
        got = f.get(f"{web}/article.html")
    assert got.content_type == "text/html" and b"Carrow" in got.data


def test_follows_a_bounded_number_of_redirects(web: str) -> None:
    with Fetcher(FetchOptions(max_redirects=3)) as f:
        assert f.get(f"{web}/redirect").url.endswith("/article.html")
        with pytest.raises(FetchError, match="more than 3 redirects"):
            f.get(f"{web}/loop")


@pytest.mark.parametrize(("path", "options", "reason"), [
    ("/missing", FetchOptions(), "HTTP 404"),
    ("/big", FetchOptions(max_bytes=1000), "over the limit"),
    ("/slow", FetchOptions(timeout=0.3), "timed out"),
])
def test_failures_are_fetch_errors_naming_the_url(web: str, path: str, options: FetchOptions,
                                                  reason: str) -> None:
    with Fetcher(options) as f, pytest.raises(FetchError, match=reason) as e:
        f.get(web + path)
    assert e.value.source == web + path


def test_unreachable_and_non_http(unused_port: int) -> None:
    with Fetcher(FetchOptions(timeout=2)) as f:
        with pytest.raises(FetchError, match="cannot fetch"):
            f.get(f"http://127.0.0.1:{unused_port}/x")
        with pytest.raises(FetchError, match="only http"):
            f.get("file:///etc/passwd")


def test_page_to_document_with_metadata(web: str) -> None:
    with Fetcher() as f:
        (item,) = list(url_items(f"{web}/article.html", f))
    assert isinstance(item, Sourced)
    assert "11 people were killed" in item.doc.text and "Home" not in item.doc.text
    assert item.doc.title == "Strike on Carrow depot" and item.doc.published == "2024-06-03"
    assert item.doc.url == f"{web}/article.html" and item.language == "en"
    assert len(item.doc.id) == 16


def test_plain_text_and_declared_charset(web: str) -> None:
    with Fetcher() as f:
        (a,) = list(url_items(f"{web}/plain.txt", f))
        (b,) = list(url_items(f"{web}/latin1.txt", f))
    assert isinstance(a, Sourced) and a.doc.text.startswith("Marines")
    assert isinstance(b, Sourced) and b.doc.text.startswith("Café")


def test_page_without_article(web: str) -> None:
    with Fetcher() as f:
        (item,) = list(url_items(f"{web}/nav.html", f))
    assert not isinstance(item, Sourced) and "no article" in str(item)


def test_feed_by_url_fetches_each_entry(web: str) -> None:
    with Fetcher() as f:
        items = list(url_items(f"{web}/feed.xml", f))
    docs = [i for i in items if isinstance(i, Sourced)]
    errors = [i for i in items if not isinstance(i, Sourced)]
    assert [(d.doc.title or "")[:7] for d in docs] == ["Story 1", "Story 2"]
    assert docs[0].doc.published == "2024-07-01" and "7 fighters" in docs[0].doc.text
    assert len(errors) == 1 and errors[0].source == f"{web}/missing"
