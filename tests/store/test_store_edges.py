"""Store behaviour at its edges: a read-only store refuses writes with one TW400 line naming
it, passwords never show, the claim index follows re-extraction, and the filters of
``reports`` and ``count_reports`` agree (SQLite, and PostgreSQL where the fixture has it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tollwatch.errors import StoreError, TollwatchError
from tollwatch.model import Claim, Document
from tollwatch.store import Incoming, Store
from tollwatch.store.db import create_store_engine, migration_lock_file

V = "edges-1"

TEXT_A = ("A convoy was ambushed on the coast road near Tellis on Friday and 9 drivers were "
          "killed, the transport union said. Four more drivers were wounded in the attack.")
TEXT_B = ("Flooding in the lower valley forced 1,200 families from their homes this week, "
          "according to the relief agency, which opened three shelters near Ardmoor.")
TEXT_C = ("Customs officers detained 6 men at the northern crossing on Sunday after finding "
          "weapons hidden in a lorry, a ministry statement said.")


def claim(metric: str, value: int | None, *, actor: str | None = None,
          origin: list[str] | None = None, date: str | None = None,
          confidence: float = 0.5) -> Claim:
    return Claim(metric=metric, value=value, actor=actor, origin=list(origin or []),
                 date=date, quote="q", start=0, end=1, confidence=confidence)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url)
    yield s
    s.close()


def _fill(store: Store) -> None:
    store.add_document(Document(id="a", text=TEXT_A, published="2030-05-03", outlet="Coast Post"),
                       [claim("killed", 9, actor="the rebels", origin=["transport union"]),
                        claim("injured", 4, actor="the rebels", origin=["transport union"])], V)
    store.add_document(Document(id="b", text=TEXT_B, published="2030-05-07"),
                       [claim("displaced", 1200, origin=["relief agency"], date="2030-05-06")],
                       V)
    store.add_document(Document(id="c", text=TEXT_C),
                       [claim("detained", 6, actor="customs", origin=["the ministry"])], V)


# -- read-only stores and messages ------------------------------------------------------

def _read_only(path: Path) -> Store:
    return Store.open(f"sqlite:///file:{path}?mode=ro&uri=true")


def test_a_sqlite_uri_filename_opens_the_store(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    with Store.open(str(path)) as s:
        _fill(s)
    with _read_only(path) as ro:
        assert ro.stats().documents == 3
        assert [r.doc_id for r in ro.reports(metric="killed")] == ["a"]
        assert migration_lock_file(ro.engine) is None


def test_writing_a_read_only_store_is_one_store_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    with Store.open(str(path)) as s:
        _fill(s)
    with _read_only(path) as ro:
        with pytest.raises(StoreError) as e:
            ro.add_document(Document(id="d", text="Two guards were injured at the gate."),
                            [claim("injured", 2)], V)
        assert e.value.code == "TW400"
        assert "cannot write" in e.value.message and "readonly" in e.value.message
        assert e.value.source is not None and "ro.db" in e.value.source
        assert "\n" not in str(e.value) and "[SQL:" not in str(e.value)
        # nothing was half-written, and the store still reads
        assert ro.stats().documents == 3


def test_replacing_claims_in_a_read_only_store_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    with Store.open(str(path)) as s:
        _fill(s)
        ((row_id, _),) = s.stale_documents("other", limit=1)
    with _read_only(path) as ro:
        with pytest.raises(StoreError, match="cannot write"):
            ro.replace_claims([(row_id, [claim("killed", 10)])], "edges-2")
        # the failed transaction changed nothing and the writer still works for reads
        assert [r.claim.value for r in ro.reports(doc_id="a", metric="killed")] == [9]


def test_a_read_only_store_that_does_not_exist_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as e:
        _read_only(tmp_path / "never.db")
    assert e.value.code == "TW400" and "never.db" in str(e.value)
    assert not (tmp_path / "never.db").exists()


def test_the_url_of_a_server_store_hides_its_password() -> None:
    # the engine is made without connecting: nothing listens on port 9
    engine = create_store_engine("postgresql+psycopg://tw:s3cret@127.0.0.1:9/tolls")
    try:
        store = Store(engine)
        assert "s3cret" not in store.url and "***" in store.url
        assert store.url.startswith("postgresql+psycopg://tw:")
    finally:
        engine.dispose()


def test_an_unreachable_server_is_one_store_error_without_the_password(unused_port: int
                                                                        ) -> None:
    url = f"postgresql+psycopg://tw:s3cret@127.0.0.1:{unused_port}/tolls?connect_timeout=3"
    with pytest.raises(StoreError) as e:
        Store.open(url)
    text = str(e.value)
    assert e.value.code == "TW400" and "s3cret" not in text and "\n" not in text
    assert "cannot migrate the database" in text and f"{unused_port}" in text


@pytest.mark.parametrize("url", ["postgresql://tw:s3cret@127.0.0.1:notaport/tolls",
                                 "postgresql+psycopg://tw:s3cret@host:1:2/tolls"])
def test_a_url_with_a_bad_port_is_a_store_error_without_the_password(url: str) -> None:
    from tollwatch.store.db import resolve_url

    with pytest.raises(StoreError) as e:
        resolve_url(url)
    assert e.value.code == "TW400" and "not a database URL" in e.value.message
    assert e.value.source is not None and "s3cret" not in str(e.value)
    assert "tw:***@" in e.value.source


def test_store_errors_are_tollwatch_errors() -> None:
    with pytest.raises(TollwatchError):
        Store.open("sqlite:///" + "/no/such/dir/x.db")


# -- the claim index --------------------------------------------------------------------

def test_claim_index_lists_current_claims_with_actor_alias_and_metric(store: Store) -> None:
    _fill(store)
    index = store.claim_index()
    assert sorted(m for _, _, m in index) == ["detained", "displaced", "injured", "killed"]
    by_metric = {m: (cid, alias) for cid, alias, m in index}
    assert by_metric["displaced"][1] is None  # no actor: no alias
    rebels = store.alias_ids("actor", "the rebels")
    assert by_metric["killed"][1] in rebels and by_metric["injured"][1] in rebels
    assert by_metric["detained"][1] not in rebels
    for cid, _, metric in index:
        got = store.get_report(cid)
        assert got is not None and got.claim.metric == metric


def test_claim_index_follows_re_extraction(store: Store) -> None:
    _fill(store)
    before = {cid for cid, _, _ in store.claim_index()}
    ((row_id, doc),) = [x for x in store.stale_documents("edges-2") if x[1].id == "a"]
    assert doc.text == TEXT_A and doc.published == "2030-05-03" and doc.outlet == "Coast Post"
    added = store.replace_claims([(row_id, [claim("killed", 11, actor="the rebels")])],
                                 "edges-2")
    assert added == 1
    after = {cid: m for cid, _, m in store.claim_index()}
    assert len(after) == 3
    assert sorted(after.values()) == ["detained", "displaced", "killed"]
    new_ids = set(after) - before
    assert len(new_ids) == 1
    (new,) = new_ids
    got = store.get_report(new)
    assert got is not None and got.claim.value == 11 and got.doc_id == "a"
    # the document is no longer stale for the new version, the others still are
    assert sorted(d.id for _, d in store.stale_documents("edges-2")) == ["b", "c"]


def test_stale_documents_page_by_row_id(store: Store) -> None:
    _fill(store)
    first = store.stale_documents("later", limit=2)
    assert [d.id for _, d in first] == ["a", "b"]
    rest = store.stale_documents("later", after=first[-1][0], limit=2)
    assert [d.id for _, d in rest] == ["c"]
    assert store.stale_documents(V) == []


# -- filters: reports and counts agree --------------------------------------------------

FILTERS: list[dict[str, str]] = [
    {},
    {"metric": "killed"},
    {"metric": "casualties"},
    {"actor": "the rebels"},
    {"actor": "THE REBELS"},
    {"actor": "nobody at all"},
    {"origin": "relief agency"},
    {"origin": "Transport Union"},
    {"since": "2030-05-04"},
    {"until": "2030-05-03"},
    {"until": "2030-05"},
    {"since": "2030-05-06", "until": "2030-05-06"},
    {"doc_id": "c"},
    {"doc_id": "missing"},
    {"actor": "the rebels", "metric": "injured"},
]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items())
                         or "none")
def test_count_reports_agrees_with_reports(store: Store, f: dict[str, str]) -> None:
    _fill(store)
    assert store.count_reports(**f) == len(store.reports(**f))


def test_filters_select_the_expected_documents(store: Store) -> None:
    _fill(store)

    def docs(**f: str) -> list[str]:
        return [r.doc_id for r in store.reports(**f)]

    assert docs() == ["a", "a", "b", "c"]  # by published date, undated last
    assert docs(actor="The Rebels") == ["a", "a"]
    assert docs(origin="relief agency") == ["b"]
    assert docs(since="2030-05-04") == ["b"]
    # the displaced claim's own date (05-06) counts, not its document's (05-07)
    assert docs(until="2030-05-06") == ["a", "a", "b"]
    assert docs(until="2030-05-05") == ["a", "a"]
    assert docs(doc_id="c") == ["c"]
    assert docs(metric="casualties") == []


def test_limit_and_offset_page_through_the_same_order(store: Store) -> None:
    _fill(store)
    whole = [r.claim_id for r in store.reports()]
    pages = [r.claim_id for off in range(0, 4, 2) for r in store.reports(limit=2, offset=off)]
    assert pages == whole
    assert store.reports(limit=0) == []
    assert store.reports(offset=10) == []


# -- batches ----------------------------------------------------------------------------

def test_a_batch_reports_each_outcome_in_order(store: Store) -> None:
    items = [Incoming(Document(id="x1", text=TEXT_A), [claim("killed", 9)], source="in:1"),
             Incoming(Document(id="x2", text=TEXT_B), [claim("displaced", 1200)],
                      source="in:2"),
             Incoming(Document(id="x3", text=TEXT_A), None, source="in:3")]
    results = store.add_batch(items, V)
    assert [r.outcome for r in results] == ["new", "new", "duplicate"]
    assert results[2].duplicate_of == "x1" and results[2].claims_added == 0
    assert [r.claims_added for r in results[:2]] == [1, 1]
    again = store.add_batch(items, V)
    assert [r.outcome for r in again] == ["seen", "seen", "seen"]
    assert store.stats().documents == 2 and store.stats().claims == 2


def test_an_empty_batch_stores_nothing(store: Store) -> None:
    assert store.add_batch([], V) == []
    assert store.stats().documents == 0


def test_a_run_counts_a_batch_and_its_errors(store: Store) -> None:
    from tollwatch.errors import RecordError

    run = store.start_run("ingest", ["in.jsonl"], V)
    items = [Incoming(Document(id="y1", text=TEXT_C), [claim("detained", 6)], source="in:1")]
    bad = RecordError("record has no text", source="in.jsonl", line=2)
    store.add_batch(items, V, run_id=run, errors=[bad])
    store.finish_run(run)
    info = store.run_info(run)
    assert info is not None
    assert (info["status"], info["docs_new"], info["docs_failed"], info["claims_added"]) == (
        "done", 1, 1, 1)
    assert info["errors"] == [{"source": "in.jsonl", "line": 2, "code": "TW103",
                               "reason": "record has no text"}]
    assert info["inputs"] == ["in.jsonl"]
    assert store.run_info(run + 100) is None


# -- ':memory:' -------------------------------------------------------------------------

def test_memory_is_a_database_in_memory_not_a_file(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from tollwatch.store.db import resolve_url
    from tollwatch.store.location import sqlite_file

    monkeypatch.chdir(tmp_path)
    assert resolve_url(":memory:") == "sqlite:///:memory:"
    assert sqlite_file(":memory:") is None
    with Store.open(":memory:") as s:
        _fill(s)
        assert s.stats().documents == 3
        assert migration_lock_file(s.engine) is None
    assert list(tmp_path.iterdir()) == []  # no file called ':memory:' (nor its lock file)
    with Store.open(":memory:") as again:
        assert again.stats().documents == 0  # each opening is a new, empty database


def test_reading_memory_goes_through_the_store(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from tollwatch.store import read_reports

    monkeypatch.chdir(tmp_path)
    (tmp_path / ":memory:").write_bytes(b"not a database")  # a file of that name is ignored
    assert read_reports(":memory:") == []
