"""A claim's attribution reason is stored, read back by every reader, and migrated."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, inspect

from tollwatch.model import Claim, Document
from tollwatch.store import Filters, Store, read_reports
from tollwatch.store.db import MIGRATIONS

V = "test-attr"

TEXT = ("The Lakeside Monitor said on Friday that 21 fishermen were detained. "
        "Among the detained were 4 boys.")
REASON = {"how": "continued", "from": 0, "date_how": "continued"}


def _claims() -> list[Claim]:
    return [
        Claim(metric="detained", value=21, origin=["Lakeside Monitor"], quote="q", start=0,
              end=69, date="2031-01-03", attribution={"how": "verb", "from": 0,
                                                      "date_how": "verb"}),
        Claim(metric="detained", value=4, origin=["Lakeside Monitor"], quote="q", start=70,
              end=100, date="2031-01-03", attribution=dict(REASON)),
        Claim(metric="killed", value=3, quote="q", start=0, end=1),  # stored before reasons
    ]


def test_attribution_round_trips_through_the_store(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.add_document(Document(id="lake", text=TEXT, published="2031-01-04"), _claims(),
                           V)
        got = {r.claim.value: r for r in store.reports()}
        assert got[4].claim.attribution == REASON
        assert got[21].claim.attribution == {"how": "verb", "from": 0, "date_how": "verb"}
        assert got[3].claim.attribution is None
        extracted = store.extracted(got[4].claim_id)
        assert extracted is not None and extracted.attribution == REASON
        report = store.get_report(got[4].claim_id)
        assert report is not None and report.to_dict()["attribution"] == REASON


def test_a_review_keeps_the_attribution(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.add_document(Document(id="lake", text=TEXT), _claims(), V)
        four = next(r for r in store.reports() if r.claim.value == 4)
        store.add_review(four.claim_id, "accepted", {"value": 5})
        got = store.get_report(four.claim_id)
        assert got is not None and got.claim.value == 5 and got.claim.attribution == REASON


def test_the_sqlite_reader_decodes_the_attribution(tmp_path: Path) -> None:
    path = str(tmp_path / "r.db")
    with Store.open(path) as store:
        store.add_document(Document(id="lake", text=TEXT), _claims(), V)
    got = {r.claim.value: r.claim.attribution for r in read_reports(path, Filters())}
    assert got == {21: {"how": "verb", "from": 0, "date_how": "verb"}, 4: REASON, 3: None}


@pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection of expression-based index:sqlalchemy.exc.SAWarning")
def test_migration_0003_adds_and_drops_the_column(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url)
    command.upgrade(cfg, "0002")
    engine = create_engine(url)
    assert "attribution" not in {c["name"] for c in inspect(engine).get_columns("claims")}
    command.upgrade(cfg, "0003")
    engine.dispose()
    assert "attribution" in {c["name"] for c in inspect(engine).get_columns("claims")}
    command.downgrade(cfg, "0002")
    engine.dispose()
    assert "attribution" not in {c["name"] for c in inspect(engine).get_columns("claims")}
    engine.dispose()
