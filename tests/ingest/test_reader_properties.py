"""Properties of reading input files, on seeded random inputs written to disk:

* ``read_file`` never raises: whatever the bytes and the suffix, each item is a sourced
  document or a TollwatchError with a stable TW code, one line, naming the file;
* text in any encoding with a byte-order mark, and UTF-8 without one, reads back exactly;
* in JSONL, good records come out in order, each broken line is one RecordError with its
  line number, and the rest of the file is still read;
* CSV texts with commas, quotes and line breaks read back exactly;
* a publication date written in the usual ways reads as the same ISO day.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from tollwatch.errors import InputError, RecordError, TollwatchError
from tollwatch.ingest.decode import decode_bytes
from tollwatch.ingest.published import NotADate, published_date
from tollwatch.ingest.readers import ReadOptions, Sourced, read_file

SUFFIXES = [".txt", ".html", ".jsonl", ".csv", ".xml", ".rss", ".md"]
SEEDS = range(6)
_CODE = re.compile(r"\[TW[0-9]{3}\]$")

_PROSE = ("rescue crews reached the flooded village after a night of rain and found "
          "eleven families sheltering in the school hall while the river kept rising "
          "officials counted the missing twice before dawn")
WORDS = _PROSE.split(" ")
ACCENTED = ["café", "naïve", "Zürich", "São", "Łódź", "Ærø", "señal", "über"]


def sentence(rnd: random.Random, n: int = 14) -> str:
    words = [rnd.choice(WORDS + ACCENTED) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def blob(rnd: random.Random) -> bytes:
    """Bytes of one of several shapes: binary, text in some encoding, broken text."""
    shape = rnd.randrange(8)
    text = " ".join(sentence(rnd) for _ in range(rnd.randrange(1, 6)))
    if shape == 0:
        return bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 3000)))
    if shape == 1:
        return text.encode("utf-8")
    if shape == 2:
        return text.encode("latin-1", "replace")
    if shape == 3:
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if shape == 4:
        raw = text.encode("utf-8")
        return raw[: max(1, len(raw) - rnd.randrange(1, 3))]  # cut inside a character
    if shape == 5:
        return b""
    if shape == 6:
        return b" \n\t " * rnd.randrange(1, 5)
    lines = [json.dumps({"id": f"r{i}", "text": sentence(rnd)}) for i in range(3)]
    lines.insert(rnd.randrange(4), "{broken json")
    return "\n".join(lines).encode("utf-8")


def check(item: object, path: Path) -> None:
    assert isinstance(item, (Sourced, TollwatchError)), item
    if isinstance(item, TollwatchError):
        text = str(item)
        assert "\n" not in text and _CODE.search(text), text
        assert item.code.startswith(("TW1", "TW2")), text
        assert item.source is not None and str(path) in item.source
    else:
        assert item.doc.text.strip()
        assert item.source.startswith(str(path))


@pytest.mark.parametrize("seed", SEEDS)
def test_reading_any_bytes_never_raises(tmp_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    for n in range(20):
        path = tmp_path / f"in{n}{rnd.choice(SUFFIXES)}"
        path.write_bytes(blob(rnd))
        items = list(read_file(path, ReadOptions(max_bytes=1_000_000)))
        assert items, f"{path} gave nothing at all"
        for item in items:
            check(item, path)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_an_empty_file_is_one_error_of_any_kind(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    items = list(read_file(path))
    assert len(items) == 1
    (err,) = items
    assert isinstance(err, TollwatchError) and str(path) in str(err)
    # empty input everywhere except a feed, which says it has no entries
    assert err.code in ("TW102", "TW103")


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".csv"])
def test_a_file_over_the_limit_is_refused_by_size(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"big{suffix}"
    line = json.dumps({"id": "x", "text": "word " * 400}) if suffix == ".jsonl" \
        else "text\n" + "word " * 400 if suffix == ".csv" else "word " * 400
    path.write_text(line, encoding="utf-8")
    items = list(read_file(path, ReadOptions(max_bytes=500)))
    assert [type(i).__name__ for i in items] == ["TooLargeError"]
    assert "over the limit of 500" in str(items[0]) and items[0].code == "TW104"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("codec,bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8),
                                       ("utf-16-le", codecs.BOM_UTF16_LE),
                                       ("utf-16-be", codecs.BOM_UTF16_BE),
                                       ("utf-32-le", codecs.BOM_UTF32_LE),
                                       ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_text_with_its_encoding_marked_reads_back_exactly(seed: int, codec: str,
                                                         bom: bytes) -> None:
    rnd = random.Random(seed)
    text = "\n".join(sentence(rnd) for _ in range(4)) + " \u2014 \u201cquoted\u201d \u20ac5"
    assert decode_bytes(bom + text.encode(codec), "mem.txt") == text


@pytest.mark.parametrize("seed", SEEDS)
def test_text_files_keep_their_exact_text_and_name(tmp_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    text = "\n\n".join(sentence(rnd) for _ in range(5))
    path = tmp_path / f"note-{seed}.txt"
    path.write_text(text, encoding="utf-8")
    (item,) = read_file(path)
    assert isinstance(item, Sourced)
    assert (item.doc.id, item.doc.text, item.source) == (f"note-{seed}", text, str(path))


@pytest.mark.parametrize("seed", SEEDS)
def test_jsonl_good_records_survive_broken_lines(tmp_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    lines: list[str] = []
    good: list[tuple[int, str, str]] = []
    bad: list[int] = []
    for n in range(1, 31):
        kind = rnd.randrange(6)
        if kind == 0:
            lines.append('{"id": "half", "text": "cut off')
            bad.append(n)
        elif kind == 1:
            lines.append(json.dumps(["a", "list", "not", "an", "object"]))
            bad.append(n)
        elif kind == 2:
            lines.append(json.dumps({"id": f"e{n}", "text": "   "}))
            bad.append(n)
        elif kind == 3:
            lines.append("")  # blank lines are skipped silently
        else:
            text = sentence(rnd)
            lines.append(json.dumps({"id": f"g{n}", "text": text, "outlet": "Hill Gazette"},
                                    ensure_ascii=rnd.random() < 0.5))
            good.append((n, f"g{n}", text))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(path))
    docs = [i for i in items if isinstance(i, Sourced)]
    errors = [i for i in items if isinstance(i, TollwatchError)]
    assert [(d.doc.id, d.doc.text) for d in docs] == [(i, t) for _, i, t in good]
    assert [d.source for d in docs] == [f"{path}:{n}" for n, _, _ in good]
    assert all(d.doc.outlet == "Hill Gazette" for d in docs)
    assert [e.line for e in errors] == bad
    assert all(isinstance(e, RecordError) and e.code == "TW103" for e in errors)
    # items come in line order, errors and documents interleaved
    order = [int(i.source.rsplit(":", 1)[1]) if isinstance(i, Sourced) else i.line
             for i in items]
    assert order == sorted(order)


def test_jsonl_records_without_an_id_are_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"Line {n} says 3 were hurt."})
                              for n in range(1, 4)), encoding="utf-8")
    ids = [i.doc.id for i in read_file(path) if isinstance(i, Sourced)]
    assert ids == ["wire:1", "wire:2", "wire:3"]


def test_a_jsonl_line_in_another_encoding_is_read_or_named(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    good = json.dumps({"id": "u", "text": "Plain ascii text about 4 injured."})
    latin = '{"id": "l", "text": "Caf\xe9 owners said 2 were hurt."}'.encode("latin-1")
    path.write_bytes(good.encode() + b"\n" + latin + b"\n")
    items = list(read_file(path))
    docs = {i.doc.id: i.doc.text for i in items if isinstance(i, Sourced)}
    assert docs["u"].startswith("Plain ascii")
    if "l" in docs:  # detected as a legacy encoding: the accent survives
        assert docs["l"].startswith("Caf\xe9")
    else:
        (err,) = [i for i in items if isinstance(i, TollwatchError)]
        assert err.line == 2 and str(path) in str(err)


@pytest.mark.parametrize("seed", SEEDS)
def test_csv_texts_with_commas_quotes_and_newlines_read_back(tmp_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    rows = []
    for n in range(12):
        text = sentence(rnd)
        if rnd.random() < 0.4:
            text += ', he said, "again"'
        if rnd.random() < 0.3:
            text += "\nA second line, after a break."
        rows.append({"id": f"c{n}", "text": text, "published": "2030-06-0" + str(n % 9 + 1)})
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["id", "text", "published"])
    w.writeheader()
    w.writerows(rows)
    path = tmp_path / "sheet.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    docs = [i.doc for i in read_file(path) if isinstance(i, Sourced)]
    assert [(d.id, d.text, d.published) for d in docs] == [
        (r["id"], r["text"], r["published"]) for r in rows]


def test_csv_with_another_text_column(tmp_path: Path) -> None:
    path = tmp_path / "body.csv"
    path.write_text("id,body\nb1,Guards said 3 men were detained.\n", encoding="utf-8")
    (err,) = read_file(path)
    assert isinstance(err, InputError) and "'text'" in str(err) and "--text-column" in str(err)
    (item,) = read_file(path, ReadOptions(text_column="body"))
    assert isinstance(item, Sourced) and item.doc.text == "Guards said 3 men were detained."


# -- publication dates ------------------------------------------------------------------

FORMATS = ["%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%a, %d %b %Y 08:15:00 GMT",
           "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M", "%d %b %Y", "%Y%m%d"]


@pytest.mark.parametrize("seed", SEEDS)
def test_dates_written_the_usual_ways_read_as_the_same_day(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(25):
        day = date(1995, 1, 1) + timedelta(days=rnd.randrange(14000))
        fmt = rnd.choice(FORMATS)
        written = day.strftime(fmt)
        assert published_date(written) == day.isoformat(), (fmt, written)


@pytest.mark.parametrize("value,iso", [("March 2031", "2031-03"), ("2031", "2031"),
                                       ("2031-07", "2031-07"), (None, None), ("  ", None)])
def test_a_date_keeps_only_what_it_says(value: str | None, iso: str | None) -> None:
    assert published_date(value) == iso


@pytest.mark.parametrize("seed", SEEDS)
def test_words_and_numbers_that_are_no_date_are_refused(seed: int) -> None:
    rnd = random.Random(seed)
    junk = ["soon", "n/a", "yesterday-ish", "2031-13-40", "31/31/2031", "1234567",
            "twelfth of never", "12 March"]  # no year: not a publication date
    for value in rnd.sample(junk, 5):
        with pytest.raises(NotADate):
            published_date(value)


def test_a_bad_published_value_keeps_the_record_undated(tmp_path: Path) -> None:
    path = tmp_path / "dated.jsonl"
    path.write_text(json.dumps({"id": "d", "text": "Medics said 8 were injured.",
                                "published": "whenever"}), encoding="utf-8")
    items = list(read_file(path))
    assert [type(i).__name__ for i in items] == ["RecordError", "Sourced"]
    err, doc = items
    assert isinstance(doc, Sourced) and doc.doc.published is None
    assert "'whenever' is not a date" in str(err) and err.line == 1
