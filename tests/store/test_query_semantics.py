"""What reads return (query.py through Store, reader.py without SQLAlchemy): the meaning
of each filter, order, limits, reviews and browsing, on SQLite and PostgreSQL.

One store per backend is filled once for the module and only read by the tests.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tollwatch.model import Claim, Document, Report
from tollwatch.store import Filters, Store, open_reports, read_reports
from tollwatch.store.names import ACTOR, SOURCE

V = "sem-1"


def _claim(metric: str, value: int, actor: str | None, origin: list[str],
           date: str | None = None, confidence: float = 0.5) -> Claim:
    return Claim(metric=metric, value=value, actor=actor, origin=origin,
                 quote=f"{value} were {metric}.", start=0, end=10, date=date,
                 confidence=confidence)


DOCS: list[tuple[Document, list[Claim]]] = [
    (Document(id="jan", text="January report on the valley, 10% of homes hit.",
              published="2024-01-20", outlet="Valley Post", title="Winter shelling"), [
        _claim("killed", 4, "The Northern Brigade", ["Red Crescent"], confidence=0.9),
        _claim("injured", 11, "northern brigade", ["the red crescent", "a nurse"],
               confidence=0.2),
    ]),
    (Document(id="feb", text="February report_with_underscore about the port.",
              published="2024-02-05", url="https://port.example/feb"), [
        _claim("killed", 9, "coast guard", ["Port Authority"], date="2024-01-31",
               confidence=0.6),
    ]),
    (Document(id="mar", text="March report on the hills.", published="2024-03-15"), [
        _claim("detained", 30, "The Northern Brigade", ["Interior Ministry"], date="2024-03",
               confidence=0.4),
        _claim("killed", 2, None, [], confidence=0.7),
    ]),
    (Document(id="undated", text="An undated note."), [
        _claim("killed", 1, "coast guard", ["Red Crescent"], confidence=0.3),
    ]),
]


def _fill(location: str) -> None:
    with Store.open(location) as s:
        for doc, claims in DOCS:
            s.add_document(doc, claims, V)
        feb = s.reports(doc_id="feb")[0]
        s.review(feb.claim_id, "rejected", note="wrong port")
        s.review(feb.claim_id, "accepted", {"value": 8, "location": "the port"},
                 note="checked", reviewer="lee")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        path = str(tmp_path_factory.mktemp("sem") / "store.db")
        _fill(path)
        yield path
        return
    import psycopg

    server: str = request.getfixturevalue("pg_server")
    admin = server.replace("postgresql+psycopg://", "postgresql://", 1)
    name = f"tw_sem_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{server.rsplit('/', 1)[0]}/{name}"
    try:
        _fill(url)
        yield url
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def store(location: str) -> Iterator[Store]:
    s = Store.open(location)
    yield s
    s.close()


def _key(reports: list[Report]) -> list[tuple[str, str, int | None]]:
    return [(r.doc_id, r.claim.metric, r.claim.value) for r in reports]


def test_order_is_published_date_then_claim_id_undated_last(store: Store) -> None:
    assert _key(store.reports()) == [
        ("jan", "killed", 4), ("jan", "injured", 11), ("feb", "killed", 8),
        ("mar", "detained", 30), ("mar", "killed", 2), ("undated", "killed", 1)]
    assert store.count_reports() == 6


@pytest.mark.parametrize(("actor", "docs"), [
    ("Northern Brigade", ["jan", "jan", "mar"]),
    ("the northern brigade", ["jan", "jan", "mar"]),
    ("NORTHERN BRIGADE.", ["jan", "jan", "mar"]),
    ("Coast Guard", ["feb", "undated"]),
    ("brigade", []),  # a name, not a substring
    ("' OR 1=1 --", []),
])
def test_actor_filter_matches_any_spelling(store: Store, location: str, actor: str,
                                           docs: list[str]) -> None:
    assert [r.doc_id for r in store.reports(actor=actor)] == docs
    assert store.count_reports(actor=actor) == len(docs)
    assert [r.doc_id for r in read_reports(location, Filters(actor=actor))] == docs


@pytest.mark.parametrize(("origin", "values"), [
    ("red crescent", [4, 11, 1]),
    ("A Nurse", [11]),
    ("port authority", [8]),
    ("ministry", []),
])
def test_origin_filter(store: Store, location: str, origin: str, values: list[int]) -> None:
    assert [r.claim.value for r in store.reports(origin=origin)] == values
    assert [r.claim.value for r in read_reports(location, Filters(origin=origin))] == values


def test_dates_use_the_claim_date_before_the_published_date(store: Store,
                                                            location: str) -> None:
    # feb's claim is dated 2024-01-31: a January claim in a February article
    assert _key(store.reports(until="2024-01")) == [
        ("jan", "killed", 4), ("jan", "injured", 11), ("feb", "killed", 8)]
    assert _key(store.reports(since="2024-02-01")) == [
        ("mar", "detained", 30), ("mar", "killed", 2)]
    # a month prefix is inclusive: "2024-03" claims are within until=2024-03
    assert store.count_reports(since="2024-03", until="2024-03") == 2
    assert store.count_reports(since="2024-01-20", until="2024-01-20") == 2
    # undated claims in undated documents match no date filter
    assert "undated" not in {r.doc_id for r in store.reports(since="1900-01-01")}
    for f in (Filters(until="2024-01"), Filters(since="2024-02-01"),
              Filters(since="2024-03", until="2024-03")):
        assert _key(read_reports(location, f)) == _key(
            store.reports(since=f.since, until=f.until))


def test_filters_combine(store: Store, location: str) -> None:
    f = Filters(actor="northern brigade", metric="killed", origin="red crescent",
                until="2024-02")
    assert _key(store.reports(f.actor, f.metric, f.origin, f.since, f.until)) == \
        [("jan", "killed", 4)]
    assert _key(read_reports(location, f)) == [("jan", "killed", 4)]
    assert store.count_reports(metric="killed", doc_id="mar") == 1
    assert store.reports(doc_id="nope") == []


def test_limit_and_offset_page_through_in_order(store: Store, location: str) -> None:
    everything = _key(store.reports())
    pages = [_key(store.reports(limit=4, offset=o)) for o in (0, 4, 8)]
    assert pages[0] + pages[1] == everything and pages[2] == []
    assert _key(read_reports(location, offset=2)) == everything[2:]
    assert _key(read_reports(location, limit=2, offset=3)) == everything[3:5]
    assert _key(store.reports(limit=0)) == []


def test_the_latest_review_applies_and_the_extraction_is_kept(store: Store,
                                                              location: str) -> None:
    (feb,) = store.reports(doc_id="feb")
    assert feb.status == "accepted" and feb.claim.value == 8
    assert feb.claim.location == "the port" and feb.url == "https://port.example/feb"
    extracted = store.extracted(feb.claim_id)
    assert extracted is not None and extracted.value == 9 and extracted.location is None
    history = store.reviews(feb.claim_id)
    assert [h.status for h in history] == ["rejected", "accepted"]
    assert history[1].corrected == {"value": 8, "location": "the port"}
    assert history[1].reviewer == "lee" and history[0].note == "wrong port"
    (via_reader,) = read_reports(location, Filters(doc_id="feb"))
    assert via_reader.status == "accepted" and via_reader.claim.value == 8
    # filters match the extraction, not the correction
    assert store.count_reports(metric="killed", doc_id="feb") == 1
    others = [r for r in store.reports() if r.doc_id != "feb"]
    assert all(r.status is None for r in others)


def test_review_rejects_bad_input(store: Store) -> None:
    (feb,) = store.reports(doc_id="feb")
    with pytest.raises(ValueError, match="status"):
        store.review(feb.claim_id, "maybe")
    with pytest.raises(ValueError, match="cannot correct"):
        store.review(feb.claim_id, "accepted", {"quote": "rewritten"})
    with pytest.raises(KeyError):
        store.review(10**9, "accepted")
    assert len(store.reviews(feb.claim_id)) == 2  # nothing was recorded


def test_get_report_and_missing_things(store: Store) -> None:
    first = store.reports()[0]
    got = store.get_report(first.claim_id)
    assert got is not None and got.claim == first.claim and got.title == "Winter shelling"
    assert store.get_report(10**9) is None
    assert store.extracted(10**9) is None
    assert store.get_document("nope") is None


def test_review_queue_is_unreviewed_least_confident_first(store: Store) -> None:
    queue = store.review_queue()
    assert [r.claim.confidence for r in queue] == [0.2, 0.3, 0.4, 0.7, 0.9]
    assert store.count_review_queue() == 5
    assert [r.claim.value for r in store.review_queue(limit=2, offset=1)] == [1, 30]


def test_latest_reports_newest_first(store: Store) -> None:
    assert [r.doc_id for r in store.latest_reports(limit=4)] == ["mar", "mar", "feb", "jan"]
    assert store.latest_reports(limit=10)[-1].doc_id == "undated"


def test_documents_text_search_is_literal(store: Store) -> None:
    assert [d.doc_id for d in store.documents()] == ["mar", "feb", "jan", "undated"]
    assert [d.doc_id for d in store.documents("REPORT")] == ["mar", "feb", "jan"]
    assert [d.doc_id for d in store.documents("10%")] == ["jan"]
    assert [d.doc_id for d in store.documents("%")] == ["jan"]  # not a wildcard
    assert [d.doc_id for d in store.documents("t_with")] == ["feb"]
    assert [d.doc_id for d in store.documents("t_w_th")] == []  # "_" is not a wildcard
    assert [d.doc_id for d in store.documents("winter shell")] == ["jan"]  # the title
    assert store.count_documents("report") == 3 and store.count_documents("  ") == 4
    jan = next(d for d in store.documents() if d.doc_id == "jan")
    assert jan.claims == 2 and jan.chars == len(DOCS[0][0].text) and jan.outlet == "Valley Post"


def test_alias_ids_match_the_actor_filter(store: Store) -> None:
    brigade = store.alias_ids(ACTOR, "northern brigade")
    assert len(brigade) == 2  # "The Northern Brigade" and "northern brigade"
    assert store.alias_ids(ACTOR, "The Northern Brigade") == brigade
    assert store.alias_ids(SOURCE, "northern brigade") == set()
    assert len(store.alias_ids(SOURCE, "Red Crescent")) == 2


def test_stats_and_reviewed_documents(store: Store) -> None:
    stats = store.stats()
    assert (stats.documents, stats.claims, stats.reviews) == (4, 6, 2)
    assert stats.copies == 0 and stats.near_duplicates == 0
    assert store.reviewed_doc_ids() == ["feb"]


def test_open_reports_gives_a_reader_for_a_migrated_store(location: str) -> None:
    with open_reports(location) as source:
        assert type(source).__name__ in ("SQLiteReader", "PostgresReader")
        assert source.count() == 6
        assert source.count(Filters(actor="coast guard", since="2024-01")) == 1  # feb only


def test_open_reports_on_a_new_file_creates_the_store(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    with open_reports(str(path)) as source:
        assert type(source).__name__ == "_StoreSource"
        assert source.reports() == [] and source.count() == 0
    assert path.is_file()


def test_a_custom_canonicaliser_groups_names(tmp_path: Path) -> None:
    def canon(name: str, kind: str) -> str:
        key = name.strip().lower().removeprefix("the ")
        return {"nb": "northern brigade"}.get(key, key)

    path = str(tmp_path / "canon.db")
    with Store.open(path, canonicalise=canon) as s:
        s.add_document(Document(id="x", text="Short note one."),
                       [_claim("killed", 3, "NB", []), _claim("killed", 5, "northern brigade",
                                                              [])], V)
        assert [r.claim.value for r in s.reports(actor="the northern brigade")] == [3, 5]
        assert [r.claim.value for r in read_reports(path, Filters(actor="nb"),
                                                    canonicalise=canon)] == [3, 5]
    # with the default key, "NB" is a name of its own
    assert [r.claim.value for r in read_reports(path, Filters(actor="northern brigade"))] \
        == [3, 5]  # the stored names keep the grouping they were stored under
    with Store.open(path) as s:
        assert s.renormalise(lambda n, k: n.strip().lower()) >= 1
        assert [r.claim.value for r in s.reports(actor="northern brigade")] == [5]
