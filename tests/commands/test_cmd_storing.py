"""The store's commands end to end, with the real Extractor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from corpus_gen import make_corpus, write_jsonl
from tollwatch.cli import app
from tollwatch.model import Claim, Document
from tollwatch.store import Store
from tollwatch.store.schema import DocumentRow

GOOD = ("Police in Castellan said at least 12 civilians were killed when gunmen opened fire "
        "on a crowded bus station on Saturday evening. Another 30 people were wounded.")
LATIN = ("Le maire de Pellan a déclaré que 7 soldats avaient été tués près du pont. "
         "The army said 7 soldiers were killed near the bridge at Pellan on Sunday.")
JSONL_OK = {"id": "brief-1", "text": "Rebel fighters said they captured 15 government "
            "soldiers near Arbel on Wednesday, a claim the defence ministry denied.",
            "published": "2024-04-10", "url": "https://news.example/arbel",
            "outlet": "Demo Wire"}


@pytest.fixture(scope="module")
def extractor() -> Any:
    from tollwatch.extract import Extractor

    return Extractor()


def _invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def _stats(db: str) -> dict[str, int]:
    r = _invoke("stats", "--db", db, "--json")
    assert r.exit_code == 0
    out: dict[str, int] = json.loads(r.stdout)
    return out


def test_mixed_folder_bad_files_named_good_stored_exit_nonzero(
        tmp_path: Path, db_url: str, extractor: Any) -> None:
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "latin.txt").write_bytes(LATIN.encode("latin-1"))
    (d / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00" * 20)
    (d / "empty.txt").write_bytes(b"")
    (d / "feed.jsonl").write_text(json.dumps(JSONL_OK) + "\n{\"id\": \"x\", \"text\": \n",
                                  encoding="utf-8")
    r = _invoke("ingest", str(d), "--db", db_url)
    assert r.exit_code == 1
    err = r.stderr
    assert f"{d / 'photo.jpg'}: binary data" in err
    assert f"{d / 'empty.txt'}: empty input" in err
    assert f"{d / 'feed.jsonl'}:2: malformed JSON line" in err
    assert "good.txt" not in err and "latin.txt" not in err
    assert "3 new" in r.stdout and "3 failed" in r.stdout

    want = [
        ("good", GOOD), ("latin", LATIN), ("brief-1", str(JSONL_OK["text"]))]
    with Store.open(db_url) as store:
        for doc_id, text in want:
            got = [x.claim.to_dict() for x in store.reports(doc_id=doc_id)]
            expected = [c.to_dict() for c in extractor.extract(Document(id=doc_id, text=text))]
            assert got == expected
            stored = store.get_document(doc_id)
            assert stored is not None and stored.document.text == text
    before = _stats(db_url)
    assert before["documents"] == 3 and before["runs"] == 1

    again = _invoke("ingest", str(d), "--db", db_url, "--json")
    assert again.exit_code == 1
    summary = json.loads(again.stdout)
    assert (summary["new"], summary["claims"], summary["seen"]) == (0, 0, 3)
    after = _stats(db_url)
    assert {k: v for k, v in after.items() if k not in ("runs", "run_errors")} == \
        {k: v for k, v in before.items() if k not in ("runs", "run_errors")}


def test_db_from_environment(tmp_path: Path) -> None:
    db = str(tmp_path / "env.db")
    p = tmp_path / "one.txt"
    p.write_text(GOOD, encoding="utf-8")
    assert _invoke("ingest", str(p), env={"TOLLWATCH_DB": db}).exit_code == 0
    assert _stats(db)["documents"] == 1


def test_urls_and_feeds(tmp_path: Path, web: str, unused_port: int) -> None:
    db = str(tmp_path / "web.db")
    r = _invoke("ingest", f"{web}/article.html", f"{web}/feed.xml", f"{web}/nav.html",
                f"http://127.0.0.1:{unused_port}/gone", "--db", db, "--timeout", "3")
    assert r.exit_code == 1
    assert f"{web}/missing: HTTP 404" in r.stderr
    assert f"{web}/nav.html: no article" in r.stderr
    assert f"127.0.0.1:{unused_port}/gone: cannot fetch" in r.stderr
    with Store.open(db) as store:
        assert store.stats().documents == 3
        run = store.run_info(1)
        assert run is not None and len(run["errors"]) == 3


def _seed(db: str) -> None:
    with Store.open(db) as s:
        s.add_document(Document(id="d1", text="One.", published="2024-02-01",
                                url="https://a.example/1", outlet="Alpha"), [
            Claim(metric="killed", value=9, actor="The Azure Front", origin=["Health Ministry"],
                  quote="q1", start=0, end=4),
            Claim(metric="injured", value=20, actor="Azure Front", origin=["a medic"]),
        ], "v")
        s.add_document(Document(id="d2", text="Two.", published="2024-03-05", outlet="Beta"), [
            Claim(metric="killed", value=None, low=3, high=5, qualifier="range",
                  actor="navy", origin=["the health ministry"]),
        ], "v")


def test_claims_filters_and_formats(tmp_path: Path, db_url: str) -> None:
    _seed(db_url)
    r = _invoke("claims", "--db", db_url, "--actor", "azure front", "--metric", "killed",
                "--format", "jsonl")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(x["doc_id"], x["value"], x["url"], x["outlet"], x["published"]) for x in rows] == [
        ("d1", 9, "https://a.example/1", "Alpha", "2024-02-01")]
    r = _invoke("claims", "--db", db_url, "--origin", "HEALTH MINISTRY", "--format", "csv")
    lines = r.stdout.splitlines()
    assert lines[0].startswith("claim_id,doc_id,url,outlet,published,title,status,metric")
    assert len(lines) == 3
    r = _invoke("claims", "--db", db_url, "--since", "2024-03-01", "--format", "jsonl")
    assert [json.loads(x)["low"] for x in r.stdout.splitlines()] == [3]
    out = tmp_path / "all.parquet"
    assert _invoke("claims", "--db", db_url, "--format", "parquet", "-o", str(out)).exit_code == 0
    table = pq.read_table(out).to_pylist()
    assert [t["value"] for t in table] == [9, 20, None]
    assert table[0]["origin"] == ["Health Ministry"] and table[2]["high"] == 5
    r = _invoke("claims", "--db", db_url)
    assert r.exit_code == 0 and "3 claims" in r.stdout and "Azure" in r.stdout
    assert _invoke("claims", "--db", db_url, "--since", "last week").exit_code == 2
    assert _invoke("claims", "--db", db_url, "--format", "xml").exit_code == 2
    stats = _stats(db_url)
    assert (stats["documents"], stats["claims"], stats["actors"], stats["sources"]) == \
        (2, 3, 2, 2)


def test_table_output_does_not_interpret_markup(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    with Store.open(db) as s:
        s.add_document(Document(id="m", text="x"), [
            Claim(metric="killed", value=1, actor="[red]Rebels[/red]\x1b[2J")], "v")
    r = _invoke("claims", "--db", db)
    flat = "".join(line.strip("│ ") for line in r.stdout.splitlines())
    assert "[red]Rebels[/red]?[2J" in flat and "\x1b" not in r.stdout


def test_reextract_after_a_version_change(tmp_path: Path, extractor: Any) -> None:
    db = str(tmp_path / "re.db")
    corpus = write_jsonl(tmp_path / "c.jsonl", make_corpus(5, seed=4))
    assert _invoke("ingest", str(corpus), "--db", db).exit_code == 0
    before = _invoke("claims", "--db", db, "--format", "jsonl").stdout
    with Store.open(db) as s, s.engine.begin() as conn:
        conn.execute(update(DocumentRow).values(extractor_version="0.0.0-old"))
    r = _invoke("reextract", "--db", db)
    assert r.exit_code == 0 and "5 documents re-extracted" in r.stdout
    after = _invoke("claims", "--db", db, "--format", "jsonl").stdout

    def strip(s: str) -> list[dict[str, Any]]:
        return [{k: v for k, v in json.loads(x).items() if k != "claim_id"}
                for x in s.splitlines()]

    assert strip(after) == strip(before)
    assert "0 documents re-extracted" in _invoke("reextract", "--db", db).stdout


def test_bad_database_url_is_reported(tmp_path: Path) -> None:
    r = _invoke("stats", "--db", str(tmp_path / "no" / "such" / "dir.db"))
    assert r.exit_code == 3 and "does not exist" in r.stderr


def test_a_table_shows_the_first_rows_and_says_how_many_there_are(tmp_path: Path) -> None:
    from tollwatch.commands.storing import TABLE_ROWS

    db = str(tmp_path / "t.db")
    with Store.open(db) as s:
        s.add_document(Document(id="many", text="x", published="2024-01-01"), [
            Claim(metric="killed", value=n, actor="Rebels") for n in range(1, TABLE_ROWS + 6)],
            "v")
    r = _invoke("claims", "--db", db, "--actor", "rebels")
    assert r.exit_code == 0
    assert f"{TABLE_ROWS} of {TABLE_ROWS + 5} claims shown" in r.stdout
    r = _invoke("claims", "--db", db, "--limit", str(TABLE_ROWS + 2))
    assert f"{TABLE_ROWS + 2} claims" in r.stdout and " of " not in r.stdout
    r = _invoke("claims", "--db", db, "--format", "jsonl")
    assert len(r.stdout.splitlines()) == TABLE_ROWS + 5  # other formats give every claim
    r = _invoke("claims", "--db", db, "--format", "jsonl", "--limit", "3")
    assert [json.loads(x)["value"] for x in r.stdout.splitlines()] == [1, 2, 3]
