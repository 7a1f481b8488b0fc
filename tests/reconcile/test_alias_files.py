"""A user's alias file (``--aliases``, ``TOLLWATCH_ALIASES``): what it adds, how it meets the
built-in tables, and every way it can be wrong, each a one-line TW500 naming the file (and
the entry), in the library and through ``tollwatch timeline``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.errors import ConfigError
from tollwatch.reconcile.names import ALIASES_ENV, Names
from tollwatch.store import Store


def _file(tmp_path: Path, text: str, name: str = "aliases.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BAD: list[tuple[str, str, str]] = [
    ("actors: [one, two]\n", "actors must map", ""),
    ("places: just a word\n", "places must map", ""),
    ("- a list\n- at the top\n", "must be a mapping", ""),
    ("actors:\n  Orlan Front: {members: [a]}\n", "expected a list of names", "actors.Orlan Front"),
    ("sources:\n  Kell Watch: [3, 4]\n", "expected a list of names", "sources.Kell Watch"),
    ("actors:\n  Orlan Front: [Orlanists\n", "not valid YAML", ""),
    ("actors: {Orlan Front: [a]}\nnicknames: {x: [y]}\n", "unknown sections", ""),
    ("\t- tab indented: [x]\n", "not valid YAML", ""),
]


@pytest.mark.parametrize("text,message,entry", BAD, ids=[m for _, m, _ in BAD])
def test_a_bad_alias_file_is_a_config_error_naming_it(tmp_path: Path, text: str, message: str,
                                                      entry: str) -> None:
    path = _file(tmp_path, text)
    with pytest.raises(ConfigError) as e:
        Names(path, use_env=False)
    assert e.value.code == "TW500"
    assert message in e.value.message
    assert e.value.source is not None and e.value.source.startswith(str(path))
    if entry:
        assert entry in e.value.source


def test_an_alias_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("actors:\n  Orl\xe9an Front: [Orl\xe9anists]\n".encode("latin-1"))
    with pytest.raises(ConfigError) as e:
        Names(path, use_env=False)
    assert e.value.source == str(path) and "not UTF-8 text" in e.value.message
    assert e.value.code == "TW500"


def test_the_group_vocabulary_names_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    from tollwatch.reconcile.groups import Groups

    path = tmp_path / "groups-latin.yaml"
    path.write_bytes("groups:\n  d\xe9tenus: {}\n".encode("latin-1"))
    with pytest.raises(ConfigError) as e:
        Groups(path)
    assert e.value.source == str(path) and "not UTF-8 text" in e.value.message


def test_an_empty_alias_file_adds_nothing(tmp_path: Path, names: Names) -> None:
    nm = Names(_file(tmp_path, ""), use_env=False)
    assert nm.actors() == names.actors()
    assert nm.actor("Pyongyang") == "North Korea"


def test_the_environment_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(tmp_path, "actors:\n  Orlan Front: [Orlanists]\n")
    monkeypatch.setenv(ALIASES_ENV, str(path))
    assert Names().actor("the Orlanists") == "Orlan Front"
    assert Names(use_env=False).actor("the Orlanists") != "Orlan Front"


def test_an_entry_named_by_an_alias_extends_the_built_in_one(tmp_path: Path) -> None:
    nm = Names(_file(tmp_path, "actors:\n  DPRK: [Hermit Kingdom]\n"), use_env=False)
    assert nm.actor("Hermit Kingdom") == "North Korea"
    assert nm.actor("DPRK") == "North Korea"
    assert "Hermit Kingdom" in nm.aliases("North Korea")


def test_a_short_capitalised_alias_matches_only_in_capitals(tmp_path: Path) -> None:
    nm = Names(_file(tmp_path, "actors:\n  Orlan Front: [OF, Orlanists]\n"), use_env=False)
    assert nm.actor("OF") == "Orlan Front"
    assert nm.actor("of") is None
    assert nm.actor("orlanists") == "Orlan Front"


def test_user_sources_group_under_one_origin(tmp_path: Path) -> None:
    nm = Names(_file(tmp_path, "sources:\n  Kell Coast Watch: [KCW, the coast watchers]\n"),
               use_env=False)
    assert nm.source("KCW") == nm.source("the coast watchers") == "Kell Coast Watch"
    assert nm.source_key("KCW") == nm.source_key("Kell Coast Watch")
    assert nm.is_known_source("the coast watchers")
    assert not nm.is_generic_source("KCW")


def test_user_places_resolve(tmp_path: Path) -> None:
    nm = Names(_file(tmp_path, "places:\n  Vesk Harbour: [Veskport, the old port]\n"),
               use_env=False)
    assert nm.place("Veskport") == "Vesk Harbour"
    assert nm.place("the old port") == "Vesk Harbour"


# -- through the command line -----------------------------------------------------------

@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from tollwatch.model import Claim, Document

    path = str(tmp_path_factory.mktemp("alias-db") / "a.db")
    with Store.open(path) as store:
        for n, actor in enumerate(["Orlanists", "the Orlanists", "Orlan fighters"]):
            text = f"Monitors said {10 + n} {actor} were killed in the hills ({n})."
            store.add_document(Document(id=f"o{n}", text=text, published=f"2032-04-0{n + 1}"),
                               [Claim("killed", 10 + n, actor=actor, origin=["Kell Watch"],
                                      date=f"2032-04-0{n + 1}", quote=text, start=0,
                                      end=len(text))], "alias-1")
    return path


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "120", **(env or {})})


def test_the_timeline_groups_what_the_file_joins(db: str, tmp_path: Path) -> None:
    path = _file(tmp_path, "actors:\n  Orlan Front: [Orlanists, Orlan fighters]\n")
    r = run("timeline", "--actor", "Orlan Front", "--format", "jsonl", "--db", db,
            "--aliases", str(path))
    assert r.exit_code == 0, r.output
    assert len(r.stdout.splitlines()) == 3
    plain = run("timeline", "--actor", "Orlan Front", "--format", "jsonl", "--db", db,
                env={ALIASES_ENV: ""})
    assert plain.exit_code == 0 and plain.stdout.strip() == ""


@pytest.mark.parametrize("command", [("timeline", "--actor", "Orlan Front"),
                                     ("discrepancies",), ("export", "{tmp}/x.csv")])
@pytest.mark.parametrize("text,message,entry", BAD[:4], ids=[m for _, m, _ in BAD[:4]])
def test_every_command_names_a_bad_alias_file(db: str, tmp_path: Path,
                                              command: tuple[str, ...], text: str,
                                              message: str, entry: str) -> None:
    path = _file(tmp_path, text)
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    r = run(*args, "--db", db, "--aliases", str(path))
    assert r.exit_code == 2
    err = r.stderr.replace("\n", " ")
    assert err.startswith("error: ") and "TW500" in err and message in err
    assert str(path) in r.stderr.replace("\n", "")
    assert r.stdout == "" and not (tmp_path / "x.csv").exists()


def test_a_missing_alias_file_is_a_usage_error(db: str, tmp_path: Path) -> None:
    r = run("timeline", "--actor", "X", "--db", db, "--aliases", str(tmp_path / "none.yaml"))
    assert r.exit_code == 2 and "none.yaml" in r.output
