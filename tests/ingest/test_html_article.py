"""HTML to article (ingest/html.py): the main text without page furniture, metadata, and
the NoArticleError for pages without one."""

from __future__ import annotations

import pytest

from tollwatch.errors import NoArticleError
from tollwatch.ingest.html import MIN_WORDS, html_to_article

BODY = ("<p>Health officials in the river town of Tolven said 17 people were injured when a "
        "grain silo collapsed during unloading on Wednesday afternoon, and that two of them "
        "were flown to the regional hospital.</p><p>Workers at the site said the structure "
        "had been inspected in the spring and declared safe for another season, according "
        "to a notice pinned at the entrance gate.</p>")

PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Silo collapse injures 17 | Tolven Courier</title>
<meta property="og:site_name" content="Tolven Courier">
<meta property="article:published_time" content="2024-10-09T15:30:00+02:00">
</head><body>
<header><nav><a href="/">Home</a><a href="/news">News</a><a href="/sport">Sport</a></nav></header>
<main><article><h1>Silo collapse injures 17</h1>{BODY}</article></main>
<aside><h3>Most read</h3><ul><li><a href="/x">Cats elect a mayor</a></li></ul></aside>
<footer>Copyright Tolven Courier. Subscribe to our newsletter.</footer>
</body></html>"""


@pytest.fixture(scope="module")
def article() -> object:
    return html_to_article(PAGE, "silo.html", url="https://courier.example/silo")


def test_main_text_without_furniture(article: object) -> None:
    text = article.text  # type: ignore[attr-defined]
    assert "17 people were injured" in text and "declared safe" in text
    assert "Subscribe to our newsletter" not in text and "Cats elect" not in text
    assert "<p>" not in text and "&amp;" not in text


def test_metadata(article: object) -> None:
    assert article.published == "2024-10-09"  # type: ignore[attr-defined]
    assert article.outlet == "Tolven Courier"  # type: ignore[attr-defined]
    assert article.url == "https://courier.example/silo"  # type: ignore[attr-defined]
    title = article.title  # type: ignore[attr-defined]
    assert title is not None and "Silo collapse injures 17" in title


def test_entities_are_decoded_and_markup_in_text_is_not_executed() -> None:
    page = ("<html><body><article><p>Officials said 4 &amp; 5 year olds were among the "
            "injured &lt;script&gt;alert(1)&lt;/script&gt; at the school in Varrow on "
            "Monday morning, according to the mayor.</p></article></body></html>")
    text = html_to_article(page, "e.html").text
    assert "4 & 5 year olds" in text and "<script>" in text  # text, as written


@pytest.mark.parametrize("page", [
    "<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>",
    "<html><body><p>Too short to be news.</p></body></html>",
    "<html><head><title>Only a title here for the page</title></head><body></body></html>",
    "",
])
def test_no_article(page: str) -> None:
    with pytest.raises(NoArticleError) as e:
        html_to_article(page, "menu.html")
    assert e.value.code == "TW105" and e.value.source == "menu.html"


def test_the_word_threshold() -> None:
    assert MIN_WORDS == 6
    enough = ("<html><body><article><p>Seven soldiers were detained at dawn by guards "
              "near the old bridge.</p></article></body></html>")
    assert "Seven soldiers" in html_to_article(enough, "ok.html").text


def test_no_date_and_no_url_stay_unknown() -> None:
    page = f"<html><body><article>{BODY}</article></body></html>"
    art = html_to_article(page, "plain.html")
    assert art.published is None and art.url is None
