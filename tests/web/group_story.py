"""The invented detainee story (tests/fixtures/detainee_story.jsonl) with the web tests'
articles, ingested with the real Extractor into a SQLite store: the fixtures of the
group-series web tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tollwatch.model import Document
from tollwatch.store import Store

from .articles import ARTICLES

STORY = Path(__file__).resolve().parent.parent / "fixtures" / "detainee_story.jsonl"
MINISTRY = "Ministry of Interior"
MONITOR = "Lantern Rights Watch"


def story_documents() -> list[Document]:
    out = []
    for line in STORY.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        out.append(Document(id=d["id"], text=d["text"], published=d["published"],
                            url=d["url"], outlet=d["outlet"], title=d.get("title")))
    return out


@pytest.fixture(scope="session")
def group_template_db(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Path:
    from tollwatch.extract import EXTRACTOR_VERSION

    path = tmp_path_factory.mktemp("groupdb") / "groups.db"
    with Store.open(str(path)) as store:
        for doc in [*ARTICLES, *story_documents()]:
            store.add_document(doc, extractor.extract(doc), EXTRACTOR_VERSION, source=doc.id)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def group_db(group_template_db: Path, tmp_path: Path) -> str:
    target = tmp_path / "groups.db"
    shutil.copy(group_template_db, target)
    return str(target)
