"""Unit tests of reconcile/names.py: actors, places, aliases and the module helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollwatch.reconcile import names as names_mod
from tollwatch.reconcile.names import ALIASES_ENV, Names, store_canonicaliser


@pytest.mark.parametrize(("text", "actor"), [
    ("North Korea", "North Korea"),
    ("N. Korea", "North Korea"),
    ("North Korean", "North Korea"),
    ("the North Koreans", "North Korea"),
    ("DPRK", "North Korea"),
    ("Kestia", None),
    ("", None),
    (None, None),
])
def test_actor(names: Names, text: str | None, actor: str | None) -> None:
    assert names.actor(text) == actor


def test_actor_in_needs_capitals(names: Names) -> None:
    assert names.actor_in("North Korean soldiers") == "North Korea"
    assert names.actor_in("turkey farmers") is None
    assert names.actor_in("Turkey farmers") == "Turkey"
    assert names.actor_in(None) is None


def test_actors_in_order_of_first_mention(names: Names) -> None:
    assert names.actors_in("Ukrainian and Russian troops, and Ukrainian medics") == [
        "Ukraine", "Russia"]
    assert names.actors_in("no side at all") == []
    assert names.actors_in(None) == []


def test_countries_and_groups(names: Names) -> None:
    assert names.country_code("Ukraine") == "UA"
    assert names.country_code("Nowhere") is None
    assert not names.is_group("North Korea")
    groups = [a for a in names.actors() if names.is_group(a)]
    assert groups and all(names.country_code(g) is None for g in groups)
    assert names.actors() == sorted(names.actors())


def test_place_aliases_and_suffixes(names: Names) -> None:
    assert names.place("Kiev") == "Kyiv"
    assert names.place("Kyiv province") == "Kyiv"  # a known place with a suffix
    assert names.place("the Vesk province") == "Vesk"  # unknown: the suffix comes off
    assert names.place("The Orlan Valley") == "Orlan Valley"
    assert names.place("") is None and names.place(None) is None


def test_aliases_of_a_canonical_name(names: Names) -> None:
    assert names.aliases("Kyiv")[0] == "Kyiv"
    assert "Kiev" in names.aliases("Kyiv")
    assert names.aliases("Kestia") == []


def test_store_canonicaliser() -> None:
    assert store_canonicaliser("DPRK", "actor") == "north korea"
    assert store_canonicaliser("REUTERS", "source") == "reuters"
    assert store_canonicaliser("Orlan Vesk", "source") == "orlan vesk"


def test_default_names_follow_the_environment(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "aliases.yaml"
    f.write_text("actors:\n  Orlan Front: [Orlanists]\n", encoding="utf-8")
    monkeypatch.setenv(ALIASES_ENV, str(f))
    names_mod.reset_default_names()
    try:
        assert names_mod.default_names() is names_mod.default_names()
        assert names_mod.actor_for("Orlanists") == "Orlan Front"
        assert Names(use_env=False).actor("Orlanists") is None
    finally:
        monkeypatch.delenv(ALIASES_ENV)
        names_mod.reset_default_names()
    assert names_mod.actor_for("Orlanists") is None
