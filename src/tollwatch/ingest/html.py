"""HTML to article text and metadata, with trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollwatch.errors import NoArticleError

__all__ = ["MIN_WORDS", "Article", "html_to_article"]

#: Fewer words than this is a menu or a stub, not an article.
MIN_WORDS = 6
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None


def html_to_article(html: str, source: str, url: str | None = None) -> Article:
    """Extract the main text of an HTML page; NoArticleError when there is none."""
    import trafilatura  # imported on first use: it is slow to import

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=False,
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or len(_WORD.findall(text)) < MIN_WORDS:
        raise NoArticleError("no article text found in the HTML", source=source)
    date = getattr(result, "date", None)
    return Article(
        text=text,
        title=getattr(result, "title", None),
        published=date[:10] if isinstance(date, str) and len(date) >= 10 else None,
        url=getattr(result, "url", None) or url,
        outlet=getattr(result, "sitename", None),
    )
