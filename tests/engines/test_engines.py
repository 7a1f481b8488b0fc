"""``--engine local`` and ``--engine ray`` on the same inputs: the same documents, claims,
copies and recorded failures; re-runs add nothing; a killed run resumes to the same end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tollwatch.engines import get_engine
from tollwatch.errors import ConfigError, TollwatchError
from tollwatch.extract import EXTRACTOR_VERSION, ExtractOptions
from tollwatch.ingest.run import IngestOptions, IngestSummary
from tollwatch.store import Store

from .corpus import write_corpus
from .failing import POISON, failing_factory

OPTS = IngestOptions(extractor_version=EXTRACTOR_VERSION, batch_size=8)
EXTRACT = ExtractOptions(batch_size=4)


def _run(engine: str, db: Path, inputs: list[str], factory: Any = None,
         errors: list[TollwatchError] | None = None, **kw: Any) -> IngestSummary:
    with Store.open(str(db)) as store:
        return get_engine(engine, factory=factory, **({"workers": 2} if engine == "ray"
                                                      else {})).run(
            store, inputs, EXTRACT, OPTS,
            on_error=errors.append if errors is not None else None, **kw)


def _state(db: Path) -> dict[str, Any]:
    """Everything a run leaves, without ids and times."""
    with Store.open(str(db)) as store, store.engine.connect() as c:
        docs = c.execute(text(
            "select d.doc_id, d.content_hash, d.url, d.outlet, d.title, d.published, "
            "d.language, d.source, r.doc_id, d.similarity from documents d left join "
            "documents r on r.id = d.near_duplicate_of order by d.id")).all()
        copies = c.execute(text(
            "select d.doc_id, c.source, c.given_id from document_copies c join documents d "
            "on d.id = c.document_id order by c.id")).all()
        errors = c.execute(text("select run_id, source, line, code, reason from run_errors "
                                "order by run_id, source, line")).all()
        reports = [json.dumps([r.doc_id, r.claim.to_dict()]) for r in store.reports()]
    return {"documents": [tuple(r) for r in docs], "copies": [tuple(r) for r in copies],
            "errors": [tuple(r) for r in errors], "claims": sorted(reports)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return write_corpus(tmp_path_factory.mktemp("engines") / "in")


@pytest.fixture(scope="module")
def local_db(tmp_path_factory: pytest.TempPathFactory, corpus: list[str]
             ) -> tuple[Path, IngestSummary]:
    db = tmp_path_factory.mktemp("local") / "local.db"
    return db, _run("local", db, corpus)


def test_ray_stores_exactly_what_local_stores_and_reruns_add_nothing(
        ray_local: Any, tmp_path: Path, corpus: list[str],
        local_db: tuple[Path, IngestSummary]) -> None:
    ldb, local = local_db
    errors: list[TollwatchError] = []
    db = tmp_path / "ray.db"
    ray = _run("ray", db, corpus, errors=errors)
    assert local.to_dict() == ray.to_dict()
    assert (ray.new + ray.near_duplicate, ray.duplicate, ray.near_duplicate) == (39, 1, 3)
    assert ray.renamed and ray.renamed[0][0] == "wire-001"
    assert ray.claims > 60
    want = _state(ldb)
    got = _state(db)
    assert got == want
    # input errors name their file (and line), in the run's record too
    named = {(Path(e.source or "").name, e.line, e.code) for e in errors}
    assert named == {("wire.jsonl", 10, "TW103"), ("wire.jsonl", 18, "TW103"),
                     ("empty.txt", None, "TW102"), ("blob.bin", None, "TW101"),
                     ("missing.txt", None, "TW100")}
    assert len(got["errors"]) == ray.failed == 5

    again = _run("ray", db, corpus)
    assert (again.new, again.duplicate, again.near_duplicate, again.claims) == (0, 0, 0, 0)
    assert again.seen == ray.documents and again.failed == 5
    after = _state(db)
    assert {k: after[k] for k in ("documents", "copies", "claims")} == \
        {k: got[k] for k in ("documents", "copies", "claims")}


def test_a_document_failing_on_a_worker_is_reported_recorded_and_alone(
        ray_local: Any, tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path / "in", seed=5, poison=POISON)
    runs = {}
    for engine in ("local", "ray"):
        errors: list[TollwatchError] = []
        db = tmp_path / f"{engine}.db"
        s = _run(engine, db, inputs, factory=failing_factory, errors=errors)
        failed = [e for e in errors if "extraction failed" in e.message]
        assert [(e.source, e.code) for e in failed] == [("poisoned", "TW000")]
        assert "poisoned document" in failed[0].message
        assert s.failed == 6 and s.new + s.near_duplicate == 39
        runs[engine] = (s.to_dict(), _state(db))
    assert runs["local"] == runs["ray"]
    with Store.open(str(tmp_path / "ray.db")) as store:
        assert store.get_document("poisoned") is None


class _Kill(Exception):
    pass


def test_a_run_killed_part_way_reruns_to_the_clean_end_state(
        ray_local: Any, tmp_path: Path, corpus: list[str],
        local_db: tuple[Path, IngestSummary]) -> None:
    db = tmp_path / "killed.db"
    batches = []

    def kill_after_two(s: IngestSummary) -> None:
        batches.append(s.documents)
        if len(batches) == 2:
            raise _Kill

    with pytest.raises(_Kill):
        _run("ray", db, corpus, on_progress=kill_after_two)
    with Store.open(str(db)) as store:
        assert 0 < store.stats().documents < 39
    s = _run("ray", db, corpus)
    assert s.seen == batches[-1] and s.failed == 5
    want, got = _state(local_db[0]), _state(db)
    assert {k: got[k] for k in ("documents", "copies", "claims")} == \
        {k: want[k] for k in ("documents", "copies", "claims")}


def test_unknown_engine_and_address_without_ray_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown engine"):
        get_engine("spark")
    with pytest.raises(ConfigError, match="--address needs --engine ray"):
        get_engine("local", address="127.0.0.1:6379")


def test_cli_without_ray_says_how_to_install_and_never_imports_it(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The district prefect said 14 people were killed in Kovany.",
                   encoding="utf-8")
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from tollwatch.cli import app\n"
        "r = CliRunner().invoke(app, ['ingest', sys.argv[1], '--db', sys.argv[2],\n"
        "                             '--no-progress'])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert 'ray' not in sys.modules, 'local ingest imported ray'\n"
        "sys.modules['ray'] = None  # as if not installed\n"
        "r = CliRunner().invoke(app, ['ingest', sys.argv[1], '--db', sys.argv[2],\n"
        "                             '--engine', 'ray'])\n"
        "print(r.exit_code, r.stderr)\n")
    out = subprocess.run([sys.executable, "-c", probe, str(doc), str(tmp_path / "s.db")],
                         check=False, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    code, _, message = out.stdout.partition(" ")
    assert code == "2"
    assert "pip install 'tollwatch[ray]'" in message and "[TW500]" in message
