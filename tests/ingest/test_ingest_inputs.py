"""Inputs real files bring (issue 13, point 3): UTF-16/UTF-32 text with a byte-order mark,
and records whose ``published`` is not a date."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tollwatch.errors import DecodeError, RecordError
from tollwatch.ingest.decode import decode_bytes, wide_bom_codec
from tollwatch.ingest.published import NotADate, published_date
from tollwatch.ingest.readers import Sourced, read_file

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Medics in Orlova said 14 people were killed when the ferry capsized on Sunday."


@pytest.mark.parametrize(("bom", "codec"), [
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
])
def test_text_with_a_byte_order_mark_is_read_as_text(bom: bytes, codec: str) -> None:
    text = TEXT + " Café owners — «closed»."
    assert decode_bytes(bom + text.encode(codec), "x.txt") == text


def test_utf16_without_text_is_still_refused() -> None:
    with pytest.raises(DecodeError):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\x00\x01\x00" * 50, "x.bin")
    with pytest.raises(DecodeError):  # an odd byte out: not UTF-16
        decode_bytes(codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x00\xd8", "x.txt")
    with pytest.raises(DecodeError):
        decode_bytes(b"\x00\x01\x02\x03" * 100, "x.bin")  # binary without a mark


def test_wide_bom_codec() -> None:
    assert wide_bom_codec(codecs.BOM_UTF16_LE + b"a\x00") == "utf-16"
    assert wide_bom_codec(codecs.BOM_UTF32_LE + b"a\x00\x00\x00") == "utf-32"
    assert wide_bom_codec(codecs.BOM_UTF8 + b"a") is None and wide_bom_codec(b"ab") is None


def test_a_utf16_file_yields_its_claim(tmp_path: Path) -> None:
    f = tmp_path / "windows.txt"
    f.write_bytes(TEXT.encode("utf-16"))  # Python writes the mark, as Windows tools do
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, "-m", "tollwatch.cli", "extract", "--jsonl", str(f)],
                       capture_output=True, text=True, env=env, timeout=300, check=False)
    assert r.returncode == 0, r.stderr
    claims = json.loads(r.stdout)["claims"]
    assert [(c["metric"], c["value"]) for c in claims] == [("killed", 14)]


def test_utf16_and_utf32_jsonl_and_csv(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"r{i}", "text": TEXT, "published": "2025-01-0" + str(i)})
                    + "\n" for i in (1, 2))
    for codec in ("utf-16", "utf-32"):
        f = tmp_path / f"{codec}.jsonl"
        f.write_bytes(lines.encode(codec))
        got = list(read_file(f))
        assert [g.doc.id for g in got if isinstance(g, Sourced)] == ["r1", "r2"], got
        assert [g.source for g in got if isinstance(g, Sourced)] == [f"{f}:1", f"{f}:2"]
    c = tmp_path / "sheet.csv"
    c.write_bytes(f"id,text,published\na,{TEXT},2025-02-03\n".encode("utf-16"))
    (doc,) = list(read_file(c))
    assert isinstance(doc, Sourced) and doc.doc.published == "2025-02-03"


@pytest.mark.parametrize(("value", "iso"), [
    ("2025-03-14", "2025-03-14"), ("2025-03-14T08:30:00Z", "2025-03-14"),
    ("2025-03", "2025-03"), ("2025", "2025"), ("14 March 2025", "2025-03-14"),
    ("Tue, 04 Feb 2025 08:00:00 GMT", "2025-02-04"), ("March 2025", "2025-03"),
    ("", None), (None, None), ("  ", None),
])
def test_published_dates(value: object, iso: str | None) -> None:
    assert published_date(value) == iso


@pytest.mark.parametrize("value", ["yesterday", "n/a", "2025-13-45", "March 14", "12",
                                   "2025-02-30", 42])
def test_published_that_is_not_a_date(value: object) -> None:
    with pytest.raises(NotADate):
        published_date(value)


def test_a_record_with_a_bad_date_is_reported_and_kept(tmp_path: Path) -> None:
    f = tmp_path / "wire.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a", "text": TEXT, "published": "2025-03-01"}),
        json.dumps({"id": "b", "text": TEXT + " Again.", "published": "last Tuesday"}),
    ]) + "\n", encoding="utf-8")
    got = list(read_file(f))
    errors = [g for g in got if isinstance(g, RecordError)]
    docs = [g.doc for g in got if isinstance(g, Sourced)]
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].published == "2025-03-01" and docs[1].published is None
    (err,) = errors
    assert (err.source, err.line) == (str(f), 2)
    assert "'last Tuesday' is not a date" in str(err) and "kept" in str(err)
    c = tmp_path / "sheet.csv"
    c.write_text(f"id,text,published\nx,{TEXT},someday\n", encoding="utf-8")
    err2, doc = list(read_file(c))
    assert isinstance(err2, RecordError) and err2.line == 2
    assert isinstance(doc, Sourced) and doc.doc.published is None


def test_ingest_reports_the_record_and_stores_it(tmp_path: Path) -> None:
    f = tmp_path / "wire.jsonl"
    f.write_text(json.dumps({"id": "b", "text": TEXT, "published": "soon"}) + "\n",
                 encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, "-m", "tollwatch.cli", "ingest", "--no-progress",
                        "--json", "--db", str(tmp_path / "s.db"), str(f)],
                       capture_output=True, text=True, env=env, timeout=300, check=False)
    assert r.returncode == 1
    assert f"{f}:1: published 'soon' is not a date" in r.stderr
    summary = json.loads(r.stdout)
    assert summary["new"] == 1 and summary["claims"] == 1
