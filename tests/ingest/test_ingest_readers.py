from __future__ import annotations

import json
from pathlib import Path

import pytest

from tollwatch.errors import (
    DecodeError,
    EmptyInputError,
    InputError,
    NoArticleError,
    RecordError,
    TooLargeError,
)
from tollwatch.ingest.fetch import Fetcher
from tollwatch.ingest.inputs import read_inputs
from tollwatch.ingest.readers import ReadOptions, Sourced, read_file, read_path

TEXT = "Rebel fighters said 8 guards were captured at the Zelin checkpoint on Friday."


def _docs(items: list[object]) -> list[Sourced]:
    return [i for i in items if isinstance(i, Sourced)]


def test_txt_gets_file_stem_id_and_absolute_source(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "brief.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (item,) = list(read_inputs(["brief.txt"]))
    assert isinstance(item, Sourced)
    assert item.doc.id == "brief" and item.source == str(tmp_path / "brief.txt")


def test_latin1_is_detected_not_refused(tmp_path: Path) -> None:
    p = tmp_path / "old.txt"
    p.write_bytes(("Le café du village a été touché; 5 blessés selon la mairie, "
                   "et les pompiers sont restés sur place toute la nuit.").encode("latin-1"))
    (item,) = list(read_file(p))
    assert isinstance(item, Sourced) and "café" in item.doc.text


@pytest.mark.parametrize(("name", "data", "error"), [
    ("blob.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", DecodeError),
    ("empty.txt", b"", EmptyInputError),
    ("blank.txt", b"  \n\t\n", EmptyInputError),
    ("blob.jsonl", b"\x00\x01\x02\x03", DecodeError),
    ("empty.jsonl", b"", EmptyInputError),
    ("menu.html", b"<html><body><a href='/'>Home</a></body></html>", NoArticleError),
])
def test_bad_files_yield_errors_naming_them(tmp_path: Path, name: str, data: bytes,
                                            error: type[InputError]) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    (item,) = list(read_file(p))
    assert isinstance(item, error) and item.source == str(p)


def test_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text(TEXT * 10, encoding="utf-8")
    (item,) = list(read_file(p, ReadOptions(max_bytes=100)))
    assert isinstance(item, TooLargeError)
    j = tmp_path / "big.jsonl"
    j.write_text(json.dumps({"text": TEXT * 10}) + "\n" + json.dumps({"text": TEXT}) + "\n",
                 encoding="utf-8")
    items = list(read_file(j, ReadOptions(max_bytes=200)))
    assert isinstance(items[0], TooLargeError) and items[0].line == 1
    assert isinstance(items[1], Sourced)


def test_jsonl_lines_are_sourced_and_bad_lines_reported(tmp_path: Path) -> None:
    p = tmp_path / "gold.jsonl"
    p.write_bytes(b"\n".join([
        json.dumps({"id": "g1", "text": TEXT, "published": "2024-03-04T10:00:00Z",
                    "language": "en"}).encode(),
        b"{not json",
        json.dumps(["a list"]).encode(),
        json.dumps({"id": "g4", "text": ""}).encode(),
        json.dumps({"text": "Sailors said 3 boats sank."}).encode(),
        "{\"text\": \"Caf\xe9 owners said 2 died.\"}".encode("latin-1"),
    ]))
    items = list(read_file(p))
    docs = _docs(items)
    errors = [i for i in items if isinstance(i, RecordError)]
    assert [(d.doc.id, d.source) for d in docs] == [
        ("g1", f"{p}:1"), ("gold:5", f"{p}:5"), ("gold:6", f"{p}:6")]
    assert docs[0].doc.published == "2024-03-04" and docs[0].language == "en"
    assert docs[2].doc.text.startswith("Café")
    assert [(e.line, e.message.split(" (")[0]) for e in errors] == [
        (2, "malformed JSON line"), (3, "JSON line is not an object"), (4, "record has no text")]


def test_csv_with_named_text_column(tmp_path: Path) -> None:
    p = tmp_path / "sheet.csv"
    p.write_text('id,body,outlet,published\n'
                 f'r1,"{TEXT}",Demo Wire,2024-01-02\n'
                 'r2,,Demo Wire,2024-01-03\n'
                 'r3,"Border guards said 4 were detained.",x,y,extra\n'
                 'r4,"Marines said 2 sailors were missing, officials added.",,\n',
                 encoding="utf-8")
    items = list(read_file(p, ReadOptions(text_column="body")))
    docs = _docs(items)
    assert [(d.doc.id, d.doc.outlet, d.source) for d in docs] == [
        ("r1", "Demo Wire", f"{p}:2"), ("r4", None, f"{p}:5")]
    errors = [(e.line, e.message) for e in items if isinstance(e, RecordError)]
    assert [line for line, _ in errors] == [3, 4]
    (missing,) = list(read_file(p))  # default column "text" is not there
    assert isinstance(missing, RecordError) and "--text-column" in missing.message


def test_directories_are_walked_recursively_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "top.txt").write_text(TEXT + " Again.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [Path(i.source).name for i in items if isinstance(i, Sourced)] == ["deep.txt",
                                                                              "top.txt"]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    (item,) = list(read_inputs([str(tmp_path / "nowhere.txt")]))
    assert isinstance(item, InputError) and "no such file" in item.message


def test_feed_file_fetches_entries(tmp_path: Path, feed_xml: str) -> None:
    p = tmp_path / "news.rss"
    p.write_text(feed_xml, encoding="utf-8")
    with Fetcher() as f:
        items = list(read_inputs([str(p)], fetcher=f))
    assert len(_docs(items)) == 2 and len(items) == 3


def test_read_path_keeps_its_old_contract(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"id": "k", "text": TEXT}) + "\nnope\n", encoding="utf-8")
    items = list(read_path(p))
    assert items[0].id == "k" and isinstance(items[1], RecordError)  # type: ignore[union-attr]
