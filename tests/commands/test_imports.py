"""Starting a command costs only what it uses: ``tollwatch claims`` on a SQLite or
PostgreSQL store loads neither SQLAlchemy nor pydantic nor spaCy, and no command module loads
them on import.

These assert which modules are loaded (behaviour), not how long anything takes; the timings
are in benchmarks/store_bench.py and docs/store.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tollwatch.model import Claim, Document
from tollwatch.store import Store

HEAVY = ("sqlalchemy", "pydantic", "spacy", "alembic", "fastapi", "pyarrow", "rich",
         "tollwatch.extract", "tollwatch.reconcile", "tollwatch.web", "tollwatch.ingest")

_PROBE = """
import json, sys
from tollwatch.cli import main
heavy = json.loads(sys.argv[2])
sys.argv = ["tollwatch", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith(tuple(heavy)))), file=sys.stderr)
"""


def _loaded(*args: str) -> set[str]:
    r = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(args), json.dumps(HEAVY)],
                       capture_output=True, text=True, check=True)
    return {m.split(".")[0] if not m.startswith("tollwatch") else ".".join(m.split(".")[:2])
            for m in json.loads(r.stderr.strip().splitlines()[-1])}


def test_importing_the_cli_and_every_command_module_is_light() -> None:
    code = ("import sys, json; import tollwatch.cli as c\n"
            "from importlib import import_module\n"
            "[import_module('tollwatch.commands.' + m) for m in set(c.COMMANDS.values())]\n"
            f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({HEAVY!r}))))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(r.stdout) == []


def test_claims_on_sqlite_loads_no_sqlalchemy(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    with Store.open(db) as s:
        s.add_document(Document(id="a", text="x"), [Claim(metric="killed", value=3)], "v")
    assert _loaded("claims", "--db", db, "--format", "jsonl") == set()
    assert _loaded("claims", "--db", db) == {"rich"}  # the table


def test_claims_on_postgresql_loads_no_sqlalchemy(pg_url: str) -> None:
    with Store.open(pg_url) as s:
        s.add_document(Document(id="a", text="x"), [Claim(metric="killed", value=3)], "v")
    assert _loaded("claims", "--db", pg_url, "--format", "jsonl") == set()


def test_a_store_that_needs_migrating_still_works(tmp_path: Path) -> None:
    # no file yet: the command goes through Store (SQLAlchemy), which creates it
    assert "sqlalchemy" in _loaded("claims", "--db", str(tmp_path / "new.db"), "--format",
                                   "jsonl")
    assert (tmp_path / "new.db").is_file()
