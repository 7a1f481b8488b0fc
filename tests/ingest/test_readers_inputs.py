"""Reading files (readers.py), command-line inputs (inputs.py, sources.py) and feeds
(feeds.py) from real files and the loopback server of tests/conftest.py."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tollwatch.errors import (
    DecodeError,
    EmptyInputError,
    FetchError,
    InputError,
    NoArticleError,
    RecordError,
    TooLargeError,
)
from tollwatch.ingest.feeds import feed_entries, feed_items, is_feed, page_item, url_items
from tollwatch.ingest.fetch import Fetched, Fetcher, FetchOptions
from tollwatch.ingest.inputs import InputUnit, input_units, read_inputs, read_unit
from tollwatch.ingest.readers import (
    ReadOptions,
    Sourced,
    documents_from_jsonl_text,
    html_language,
    iter_files,
    kind_of,
    read_bytes,
    read_file,
    read_path,
)
from tollwatch.ingest.sources import SUPPORTED_SUFFIXES, iter_inputs
from tollwatch.model import Document

LINE = "Coastguard officers said 9 fishermen were missing after their boat capsized."
PAGE = """<!doctype html><html lang="fr-CA"><head><meta charset="utf-8">
<title>Bridge collapse at Marven</title></head><body><article><h1>Bridge collapse</h1>
<p>Rescue divers said 5 people were missing after an old road bridge collapsed into the
river at Marven during the evening rush, and that the search would resume at first light.</p>
<p>Engineers had warned the town council about cracks in the supports for several years,
according to minutes of council meetings seen by local reporters this week.</p>
</article></body></html>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<!-- a comment before the root -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom demo</title>
<entry><title>First</title><link href="{base}/story/3"/>
<updated>2024-08-09T10:00:00Z</updated></entry>
<entry><title>No link</title><updated>2024-08-10T10:00:00Z</updated></entry>
<entry><title>Mail link</title><link href="mailto:desk@example.org"/></entry>
</feed>"""


def _write(p: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


@pytest.fixture(scope="module")
def fetcher() -> Fetcher:
    f = Fetcher(FetchOptions(timeout=5))
    yield f  # type: ignore[misc]
    f.close()


# -- kinds and languages --------------------------------------------------------------

@pytest.mark.parametrize(("name", "kind"), [
    ("a.txt", "txt"), ("a.TXT", "txt"), ("a.md", "txt"), ("noext", "txt"),
    ("a.html", "html"), ("a.HTM", "html"), ("a.xhtml", "html"),
    ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.csv", "csv"),
    ("a.rss", "feed"), ("a.atom", "feed"), ("a.xml", "xml"),
])
def test_kind_of_by_suffix(name: str, kind: str) -> None:
    assert kind_of(Path(name)) == kind


@pytest.mark.parametrize(("html", "lang"), [
    ('<html lang="EN-gb"><body>', "en-gb"),
    ("<html class='x' lang='uk'>", "uk"),
    ("<HTML LANG=de>", "de"),
    ("<html><body lang='fr'>", None),
    ("no html at all", None),
])
def test_html_language(html: str, lang: str | None) -> None:
    assert html_language(html) == lang
    assert html_language(html.encode()) == lang


# -- txt and html ---------------------------------------------------------------------

def test_txt_keeps_its_text_exactly(tmp_path: Path) -> None:
    text = "Line one with 3 injured.\r\nLine two.\n\n  indented\n"
    p = _write(tmp_path / "raw.txt", text.encode("utf-8"))
    (item,) = list(read_file(p))
    assert isinstance(item, Sourced)
    assert item.doc.text == text and item.doc.id == "raw" and item.language is None
    assert item.doc.published is None and item.doc.url is None


def test_html_file_gives_article_text_title_and_language(tmp_path: Path) -> None:
    p = _write(tmp_path / "bridge.html", PAGE)
    (item,) = list(read_file(p))
    assert isinstance(item, Sourced)
    assert "5 people were missing" in item.doc.text
    assert "<p>" not in item.doc.text
    assert item.doc.title is not None and item.doc.title.startswith("Bridge collapse")
    assert item.language == "fr-ca" and item.doc.id == "bridge" and item.source == str(p)


def test_xml_that_is_not_a_feed_is_read_as_html(tmp_path: Path) -> None:
    p = _write(tmp_path / "page.xml", PAGE)
    (item,) = list(read_file(p))
    assert isinstance(item, Sourced) and "old road bridge" in item.doc.text


def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    d = tmp_path / "dir.txt"
    d.mkdir()
    (item,) = list(read_file(d))
    assert type(item) is InputError and item.code == "TW100"
    assert item.source == str(d) and "cannot read" in item.message


def test_size_limit_is_inclusive(tmp_path: Path) -> None:
    p = _write(tmp_path / "exact.txt", "x" * 99 + "\n")
    (item,) = list(read_file(p, ReadOptions(max_bytes=100)))
    assert isinstance(item, Sourced)
    (item,) = list(read_file(p, ReadOptions(max_bytes=99)))
    assert isinstance(item, TooLargeError) and "100 bytes" in item.message
    assert item.code == "TW104"


# -- jsonl ----------------------------------------------------------------------------

def test_jsonl_fields_are_cleaned(tmp_path: Path) -> None:
    rec = {"id": "  ", "text": LINE, "published": "2024-02-29T23:59:00+02:00",
           "url": " https://example.org/a ", "outlet": "", "title": 12, "language": " "}
    p = _write(tmp_path / "wire.jsonl", json.dumps(rec) + "\n")
    (item,) = list(read_file(p))
    assert isinstance(item, Sourced)
    doc = item.doc
    assert doc.id == "wire:1"  # a blank id falls back to stem:line
    assert doc.published == "2024-02-29" and doc.url == "https://example.org/a"
    assert doc.outlet is None and doc.title == "12" and item.language is None
    assert item.source == f"{p}:1"


def test_jsonl_blank_lines_skipped_and_line_numbers_kept(tmp_path: Path) -> None:
    lines = ["", json.dumps({"id": "a", "text": LINE}), "   ", "[1, 2]", "{\"text\": 5}",
             "{broken", json.dumps({"id": "b", "text": LINE + " Later."})]
    p = _write(tmp_path / "mix.jsonl", "\n".join(lines) + "\n")
    items = list(read_file(p))
    kinds = [(type(i).__name__, getattr(i, "line", None) or i.source.rsplit(":", 1)[1])
             for i in items]
    assert kinds == [("Sourced", "2"), ("RecordError", 4), ("RecordError", 5),
                     ("RecordError", 6), ("Sourced", "7")]
    errors = [i for i in items if isinstance(i, RecordError)]
    assert [e.message for e in errors] == ["JSON line is not an object", "record has no text",
                                           errors[2].message]
    assert errors[2].message.startswith("malformed JSON line (")
    assert str(errors[0]) == f"{p}:4: JSON line is not an object [TW103]"


def test_jsonl_binary_head_refuses_the_file(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": LINE}).encode()
    p = _write(tmp_path / "head.jsonl", good + b"\n" + b"\x00\x00\x00\n" + good + b"\n")
    (err,) = list(read_file(p))
    assert isinstance(err, DecodeError) and err.source == str(p)


def test_jsonl_binary_line_past_the_head_is_one_record_error(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": LINE}).encode() + b"\n"
    n = 8192 // len(good) + 2
    p = _write(tmp_path / "tail.jsonl", good * n + b"\x00\x01\x02\n" + good)
    items = list(read_file(p))
    assert len(items) == n + 2
    bad = items[n]
    assert isinstance(bad, RecordError) and bad.line == n + 1 and "binary" in bad.message
    assert all(isinstance(i, Sourced) for i in items[:n] + items[n + 1:])


def test_jsonl_crlf_and_unicode(tmp_path: Path) -> None:
    rec = {"id": "k", "text": "Die Behörden meldeten 4 Verletzte in Köln."}
    p = _write(tmp_path / "crlf.jsonl", (json.dumps(rec, ensure_ascii=False) + "\r\n") * 2)
    items = list(read_file(p))
    assert len(items) == 2 and all(isinstance(i, Sourced) for i in items)
    assert items[0].doc.text == rec["text"]  # type: ignore[union-attr]


def test_a_large_jsonl_is_streamed_record_by_record(tmp_path: Path) -> None:
    n = 3000
    p = tmp_path / "many.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"d{i}", "text": f"{LINE} Number {i}."}) + "\n")
    # the whole file is far over the limit; each record is under it
    assert p.stat().st_size > 100_000
    items = list(read_file(p, ReadOptions(max_bytes=400)))
    assert len(items) == n and all(isinstance(i, Sourced) for i in items)
    assert items[-1].doc.id == f"d{n - 1}"  # type: ignore[union-attr]


def test_documents_from_jsonl_text() -> None:
    text = json.dumps({"id": "x", "text": LINE}) + "\nnot json\n"
    items = list(documents_from_jsonl_text(text, "s.jsonl"))
    assert isinstance(items[0], Document) and items[0].id == "x"
    assert isinstance(items[1], RecordError) and items[1].line == 2


# -- csv ------------------------------------------------------------------------------

def test_csv_quoted_multiline_cells_and_line_numbers(tmp_path: Path) -> None:
    body = 'id,text,published\nr1,"First line,\nsecond line with 3 killed",2024-01-02\n' \
           'r2,,2024-01-03\nr3,"Plain, 7 wounded",2024-01-04,extra\nr4,Last one 2 missing,\n'
    p = _write(tmp_path / "rows.csv", body)
    items = list(read_file(p))
    assert isinstance(items[0], Sourced)
    assert items[0].doc.text == "First line,\nsecond line with 3 killed"
    assert items[0].doc.published == "2024-01-02" and items[0].source == f"{p}:3"
    assert isinstance(items[1], RecordError) and items[1].line == 4
    assert isinstance(items[2], RecordError) and "more fields" in items[2].message
    assert isinstance(items[3], Sourced) and items[3].doc.published is None


def test_csv_custom_text_column_and_missing_column(tmp_path: Path) -> None:
    p = _write(tmp_path / "body.csv", "body,language\nFour were detained.,en\n")
    (item,) = list(read_file(p))
    assert isinstance(item, RecordError) and "'text'" in item.message and item.line == 1
    (item,) = list(read_file(p, ReadOptions(text_column="body")))
    assert isinstance(item, Sourced) and item.language == "en" and item.doc.id == "body:2"


# -- read_bytes, read_path ------------------------------------------------------------

def test_read_bytes_by_kind() -> None:
    (doc,) = list(read_bytes(LINE.encode(), "<stdin>", "txt", "stdin"))
    assert isinstance(doc, Document) and doc.id == "stdin" and doc.text == LINE
    (doc,) = list(read_bytes(PAGE.encode(), "<stdin>", "html", "stdin"))
    assert isinstance(doc, Document) and "Marven" in doc.text
    docs = list(read_bytes(b'{"id": "j", "text": "x 1 killed"}\n', "<stdin>", "jsonl", "s"))
    assert [d.id for d in docs if isinstance(d, Document)] == ["j"]
    (err,) = list(read_bytes(b"", "<stdin>", "txt", "stdin"))
    assert isinstance(err, EmptyInputError) and err.source == "<stdin>"
    (err,) = list(read_bytes(b"<html><body>menu</body></html>", "<stdin>", "html", "s"))
    assert isinstance(err, NoArticleError) and err.code == "TW105"


def test_read_path_without_a_fetcher_turns_feed_errors_into_input_errors(
        tmp_path: Path, web: str) -> None:
    p = _write(tmp_path / "f.atom", ATOM.format(base=web))
    items = list(read_path(p))
    assert items and all(isinstance(i, InputError) for i in items)
    assert any("no fetcher" in i.message for i in items if isinstance(i, InputError))


# -- directories and command-line inputs -----------------------------------------------

@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".git").mkdir()
    _write(root / "a.txt", LINE)
    _write(root / "b" / "deep" / "c.md", LINE)
    _write(root / "b" / "d.jsonl", json.dumps({"id": "dj", "text": LINE}) + "\n")
    _write(root / "b" / "e.pdf", b"%PDF-1.4\x00\x00")
    _write(root / ".git" / "HEAD", "ref: x")
    _write(root / ".hidden.txt", LINE)
    return root


def test_iter_files_sorted_recursive_without_hidden(tree: Path) -> None:
    got = [p.relative_to(tree).as_posix() for p in iter_files(tree)]
    assert got == ["a.txt", "b/d.jsonl", "b/deep/c.md", "b/e.pdf"]


def test_input_units_absolute_in_order_and_errors(tree: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    units = list(input_units(["https://x.example/a", "a.txt", str(tmp_path / "nope"), "b"]))
    assert units[0] == InputUnit("url", "https://x.example/a")
    assert units[1] == InputUnit("file", str(tree / "a.txt"))
    assert units[2].kind == "error" and units[2].reason == "no such file or directory"
    assert [u.spec for u in units[3:]] == [str(tree / "b" / "d.jsonl"),
                                          str(tree / "b" / "deep" / "c.md"),
                                          str(tree / "b" / "e.pdf")]


def test_a_fifo_is_not_a_regular_file(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (unit,) = list(input_units([str(fifo)]))
    assert unit.kind == "error" and unit.reason == "not a regular file or directory"
    (err,) = list(read_unit(unit))
    assert isinstance(err, InputError) and err.source == str(fifo)


def test_read_inputs_keeps_going_past_bad_inputs(tree: Path) -> None:
    items = list(read_inputs([str(tree), str(tree / "missing.txt")]))
    docs = [i for i in items if isinstance(i, Sourced)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert sorted(d.doc.id for d in docs) == ["a", "c", "dj"]
    assert {e.code for e in errors} == {"TW101", "TW100"}
    assert any(e.source == str(tree / "b" / "e.pdf") and isinstance(e, DecodeError)
               for e in errors)


def test_url_unit_without_fetcher() -> None:
    (err,) = list(read_unit(InputUnit("url", "http://127.0.0.1:9/x")))
    assert isinstance(err, InputError) and "no fetcher" in err.message


def test_sources_walk_only_supported_suffixes(tree: Path) -> None:
    assert ".pdf" not in SUPPORTED_SUFFIXES and ".md" in SUPPORTED_SUFFIXES
    items = list(iter_inputs([str(tree), str(tree / "gone.txt")]))
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert {"a", "c", "dj"} <= {d.id for d in docs}  # the pdf is not walked
    assert len(errs) == 1 and errs[0].source == str(tree / "gone.txt")


def test_sources_skip_hidden_names_like_ingest_does(tree: Path) -> None:
    _write(tree / ".git" / "notes.md", LINE)
    ids = sorted(i.id for i in iter_inputs([str(tree)]) if isinstance(i, Document))
    assert ids == ["a", "c", "dj"]


def test_sources_read_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(LINE.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    (doc,) = list(iter_inputs(["-"]))
    assert isinstance(doc, Document) and doc.id == "stdin" and doc.text == LINE


# -- feeds ----------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "media", "expected"), [
    (b"<rss version='2.0'><channel/></rss>", None, True),
    (b"  <?xml version='1.0'?>\n<!-- c --><!-- d -->\n<feed>", None, True),
    (b"<rdf:RDF xmlns:rdf='x'>", None, True),
    (b"<html><body>hi</body></html>", "application/rss+xml", True),
    (b"<html><body>hi</body></html>", "text/xml", False),
    (b"<?xml version='1.0'?><html>", None, False),
    (b"<items/>", "application/xml", True),
    (b"plain", "text/plain", False),
])
def test_is_feed(data: bytes, media: str | None, expected: bool) -> None:
    assert is_feed(data, media) is expected


def test_atom_entries_links_titles_dates_and_bad_entries(web: str) -> None:
    got = list(feed_entries(ATOM.format(base=web).encode(), "demo.atom"))
    assert len(got) == 3
    link, meta = got[0]  # type: ignore[misc]
    assert link == f"{web}/story/3" and meta.title == "First" and meta.published == "2024-08-09"
    for n, err in ((2, got[1]), (3, got[2])):
        assert isinstance(err, RecordError) and err.line == n and err.source == "demo.atom"


def test_rss_dates_from_pubdate(feed_xml: str) -> None:
    got = [g for g in feed_entries(feed_xml.encode(), "f.rss") if not isinstance(g, RecordError)]
    assert [m.published for _, m in got] == ["2024-07-01", "2024-07-02", None]
    assert [m.title for _, m in got] == ["Item 1", "Item 2", "Gone"]


@pytest.mark.parametrize("data", [b"<rss version='2.0'><channel></channel></rss>",
                                  b"this is <not> a feed &&"])
def test_feed_without_entries_is_one_record_error(data: bytes) -> None:
    (err,) = list(feed_entries(data, "empty.rss"))
    assert isinstance(err, RecordError) and err.source == "empty.rss"
    assert "feed has no entries" in err.message or "not a readable feed" in err.message


def test_atom_file_with_fetcher_reads_the_linked_page(tmp_path: Path, web: str,
                                                      fetcher: Fetcher) -> None:
    p = _write(tmp_path / "demo.atom", ATOM.format(base=web))
    items = list(read_file(p, fetcher=fetcher))
    (doc,) = [i for i in items if isinstance(i, Sourced)]
    assert doc.source == f"{web}/story/3"
    assert "21 fighters were captured" in doc.doc.text
    assert doc.doc.title is not None and doc.doc.title.startswith("Story 3")
    assert doc.doc.published == "2024-08-09"
    assert doc.doc.url == f"{web}/story/3" and len(doc.doc.id) == 16
    assert sum(isinstance(i, RecordError) for i in items) == 2


def test_feed_items_reports_fetch_failures_and_continues(web: str, fetcher: Fetcher) -> None:
    rss = (f"<rss version='2.0'><channel><title>t</title>"
           f"<item><title>a</title><link>{web}/missing</link></item>"
           f"<item><title>b</title><link>{web}/story/2</link></item></channel></rss>")
    items = list(feed_items(rss.encode(), "x.rss", fetcher))
    assert isinstance(items[0], FetchError) and items[0].source == f"{web}/missing"
    assert "404" in items[0].message and items[0].code == "TW200"
    assert isinstance(items[1], Sourced) and "14 fighters" in items[1].doc.text


def test_url_items_page_and_plain_text(web: str, fetcher: Fetcher) -> None:
    (page,) = list(url_items(f"{web}/article.html", fetcher))
    assert isinstance(page, Sourced) and "11 people were killed" in page.doc.text
    assert page.language == "en"
    (plain,) = list(url_items(f"{web}/plain.txt", fetcher))
    assert isinstance(plain, Sourced)
    assert plain.doc.text == "Marines said 6 sailors were missing after the storm."
    (gone,) = list(url_items(f"{web}/missing", fetcher))
    assert isinstance(gone, FetchError)


def test_page_item_uses_feed_metadata_only_as_fallback() -> None:
    meta = Document(id="", text="", published="2023-01-01", title="From the feed")
    fetched = Fetched("http://h/p", PAGE.encode(), "text/html", "utf-8")
    got = page_item(fetched, "http://h/p", meta)
    assert isinstance(got, Sourced)
    assert got.doc.title is not None  # the page's own title wins over the feed's
    assert got.doc.title.startswith("Bridge collapse")
    assert got.doc.published == "2023-01-01"              # the page has no date
    bad_charset = Fetched("http://h/q", "Caf\u00e9: 2 hurt today.".encode("latin-1"),
                          "text/plain", "no-such-charset")
    got = page_item(bad_charset, "http://h/q")
    assert isinstance(got, Sourced) and got.doc.text.startswith("Caf")
    empty = page_item(Fetched("http://h/e", b"", "text/plain", None), "http://h/e")
    assert isinstance(empty, EmptyInputError) and empty.source == "http://h/e"


def test_a_huge_text_file_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    p.write_text((LINE + "\n") * 60_000, encoding="utf-8")  # about 4.7 MB
    (item,) = list(read_file(p))
    assert isinstance(item, Sourced)
    assert item.doc.text.count("\n") == 60_000 and item.doc.text.endswith("capsized.\n")


def test_a_huge_html_file_over_the_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    p = tmp_path / "huge.html"
    p.write_text("<html><body>" + "<p>filler words here</p>" * 50_000 + "</body></html>",
                 encoding="utf-8")
    (item,) = list(read_file(p, ReadOptions(max_bytes=1_000_000)))
    assert isinstance(item, TooLargeError) and item.source == str(p)
