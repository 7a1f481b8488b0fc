"""The local engine: with worker processes it stores exactly what one process stores (the
same documents, claims and recorded failures), it uses the extractor a factory gives, and
it is what ``get_engine('local')`` returns. Real SQLite stores and the engines' corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tollwatch.engines import LocalEngine, get_engine
from tollwatch.engines.base import default_factory
from tollwatch.errors import ConfigError, TollwatchError
from tollwatch.extract import EXTRACTOR_VERSION, ExtractOptions
from tollwatch.ingest.run import IngestOptions, IngestSummary
from tollwatch.model import Claim, Document
from tollwatch.store import Store

from .corpus import write_corpus

OPTS = IngestOptions(extractor_version=EXTRACTOR_VERSION, batch_size=64)


def _state(db: Path) -> dict[str, Any]:
    with Store.open(str(db)) as store, store.engine.connect() as c:
        docs = c.execute(text("select doc_id, content_hash, source from documents "
                              "order by id")).all()
        errors = c.execute(text("select source, line, code, reason from run_errors "
                                "order by source, line")).all()
        claims = sorted(json.dumps([r.doc_id, r.claim.to_dict()]) for r in store.reports())
    return {"documents": [tuple(r) for r in docs], "errors": [tuple(r) for r in errors],
            "claims": claims}


def _run(db: Path, inputs: list[str], extract: ExtractOptions,
         factory: Any = None) -> tuple[IngestSummary, list[TollwatchError]]:
    errors: list[TollwatchError] = []
    with Store.open(str(db)) as store:
        summary = LocalEngine(factory).run(store, inputs, extract, OPTS,
                                           on_error=errors.append)
    return summary, errors


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return write_corpus(tmp_path_factory.mktemp("local-engine") / "in")


def test_worker_processes_store_what_one_process_stores(corpus: list[str],
                                                        tmp_path: Path) -> None:
    one, one_errors = _run(tmp_path / "one.db", corpus, ExtractOptions(n_process=1))
    two, two_errors = _run(tmp_path / "two.db", corpus, ExtractOptions(n_process=2,
                                                                       batch_size=4))
    assert one.to_dict() | {"run_id": 0} == two.to_dict() | {"run_id": 0}
    assert [str(e) for e in one_errors] == [str(e) for e in two_errors]
    a, b = _state(tmp_path / "one.db"), _state(tmp_path / "two.db")
    assert a == b
    assert one.new >= 24  # enough documents for the pool to start
    assert a["claims"], "the corpus gave no claims"


def test_a_factory_gives_the_extractor(corpus: list[str], tmp_path: Path) -> None:
    seen: list[ExtractOptions] = []

    def factory(options: ExtractOptions) -> Any:
        seen.append(options)

        def extract(doc: Document) -> list[Claim]:
            return [Claim("missing", len(doc.text) % 97, quote=doc.text[:10], start=0,
                          end=min(10, len(doc.text)))]
        return extract

    options = ExtractOptions(n_process=2)  # a custom factory runs in this process
    summary, _ = _run(tmp_path / "f.db", corpus, options, factory=factory)
    assert seen == [options]
    with Store.open(str(tmp_path / "f.db")) as store:
        reports = store.reports()
        # one claim per stored text: new documents and near-duplicates (exact copies
        # are not extracted again)
        assert len(reports) == summary.claims == summary.new + summary.near_duplicate
        assert {r.claim.metric for r in reports} == {"missing"}


def test_get_engine_local_is_the_local_engine() -> None:
    engine = get_engine("local")
    assert isinstance(engine, LocalEngine) and engine.name == "local"
    assert engine.factory is default_factory

    def mine(options: ExtractOptions) -> Any:
        return default_factory(options)

    assert get_engine("local", factory=mine).factory is mine  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["Local", "threads", "", "ray "])
def test_an_unknown_engine_is_a_config_error_naming_the_choices(name: str) -> None:
    with pytest.raises(ConfigError) as e:
        get_engine(name)
    assert e.value.code == "TW500" and "local" in str(e.value) and "ray" in str(e.value)
