"""Unit tests of reconcile/sources.py (through Names) and of a user alias file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.reconcile.names import Names


def test_source_canonical_and_key(names: Names) -> None:
    assert names.source("reuters") == "Reuters"
    assert names.source_key("REUTERS") == "reuters"
    assert names.source("") == "" and names.source(None) == ""


def test_unknown_source_comes_back_tidied(names: Names) -> None:
    assert names.source("  Orlan Vesk. ") == "Orlan Vesk"
    assert not names.is_known_source("Orlan Vesk")
    assert not names.is_generic_source("Orlan Vesk")


def test_templated_body_of_a_country(names: Names) -> None:
    assert names.source("Ukraine's health ministry") == "Ministry of Health (Ukraine)"
    assert names.source_actor("Ukraine's health ministry") == "Ukraine"


def test_a_person_loses_the_title(names: Names) -> None:
    assert names.source("President Orlan Vesk") == "Orlan Vesk"


@pytest.mark.parametrize("text", ["officials", "witnesses", "US", "General Staff", "", "  "])
def test_generic_sources(names: Names, text: str) -> None:
    assert names.is_generic_source(text)
    assert not names.is_known_source(text)


@pytest.mark.parametrize("text", ["a briefing", "the statement", "", None])
def test_not_names(names: Names, text: str | None) -> None:
    assert names.is_not_a_name(text)


def test_a_name_is_a_name(names: Names) -> None:
    assert not names.is_not_a_name("Orlan Vesk")
    assert not names.is_not_a_name("Reuters")


def test_source_in_finds_the_first_known_body(names: Names) -> None:
    assert names.source_in("Late on Tuesday, Reuters said the toll rose.") == "Reuters"
    assert names.source_in("nobody said anything") is None
    assert names.source_in(None) is None


def test_user_alias_file_adds_sources_actors_and_places(tmp_path: Path) -> None:
    f = tmp_path / "aliases.yaml"
    f.write_text("sources:\n  Kestbury Monitor: [KBM, the Kestbury watchers]\n"
                 "actors:\n  Orlan Front: [Orlanists]\n"
                 "places:\n  Vesk Harbour: [Veskport]\n", encoding="utf-8")
    nm = Names(f, use_env=False)
    assert nm.aliases_path == f
    assert nm.source("KBM") == "Kestbury Monitor"
    assert nm.source("the Kestbury watchers") == "Kestbury Monitor"
    assert nm.is_known_source("KBM")
    assert nm.actor("Orlanists") == "Orlan Front"
    assert nm.place("Veskport") == "Vesk Harbour"
    assert "KBM" in nm.aliases("Kestbury Monitor")


def test_user_alias_file_with_an_unknown_section(tmp_path: Path) -> None:
    f = tmp_path / "aliases.yaml"
    f.write_text("people:\n  A: [B]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown sections") as exc:
        Names(f, use_env=False)
    assert exc.value.source == str(f)


def test_user_alias_file_missing(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read alias file"):
        Names(tmp_path / "absent.yaml", use_env=False)


def test_user_alias_section_must_be_a_mapping(tmp_path: Path) -> None:
    f = tmp_path / "aliases.yaml"
    f.write_text("sources: [a, b]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="sources must map"):
        Names(f, use_env=False)


def test_user_alias_list_of_non_names(tmp_path: Path) -> None:
    f = tmp_path / "aliases.yaml"
    f.write_text("sources:\n  Kestbury Monitor: [1, 2]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        Names(f, use_env=False)
    assert exc.value.source is not None and "sources.Kestbury Monitor" in exc.value.source


def test_body_kind_of_known_and_templated_bodies(names: Names) -> None:
    assert names.body_kind("the Pentagon") == "defence_ministry"
    assert names.body_kind("the Kenyan police") == "police"
    assert names.body_kind("the Turkish army") == "military"
    assert names.body_kind("the army") is None
    assert names.body_kind("Orlan Vesk") is None


def test_bare_kind_of_a_phrase_with_no_country(names: Names) -> None:
    assert names.bare_kind("the military") == "military"
    assert names.bare_kind("The police") == "police"
    assert names.bare_kind("the Turkish army") is None
    assert names.bare_kind("the Pentagon") is None
    assert names.bare_kind(None) is None
