"""Unit tests of reconcile/tables.py: YAML loading, list coercion and one alias table."""

from __future__ import annotations

import pytest

from tollwatch.errors import ConfigError
from tollwatch.reconcile.tables import NameTables, _Table, as_list, builtin, load_yaml_text


def test_as_list_accepts_none_a_string_or_a_list_of_strings() -> None:
    assert as_list(None, "f.yaml") == []
    assert as_list("Kest", "f.yaml") == ["Kest"]
    given = ["Kest", "Varn"]
    out = as_list(given, "f.yaml")
    assert out == given and out is not given


@pytest.mark.parametrize("bad", [3, {"a": "b"}, ["Kest", 4]])
def test_as_list_rejects_other_values_naming_the_file(bad: object) -> None:
    with pytest.raises(ConfigError) as exc:
        as_list(bad, "aliases.yaml")
    assert exc.value.source == "aliases.yaml"
    assert "TW500" in str(exc.value)


def test_load_yaml_text() -> None:
    assert load_yaml_text("", "x.yaml") == {}
    assert load_yaml_text("actors:\n  Kest: [Kestians]\n", "x.yaml") == {
        "actors": {"Kest": ["Kestians"]}}


def test_load_yaml_text_rejects_bad_yaml_and_non_mappings() -> None:
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_yaml_text("a: [b\n", "bad.yaml")
    with pytest.raises(ConfigError, match="must be a mapping") as exc:
        load_yaml_text("- a\n- b\n", "list.yaml")
    assert str(exc.value).startswith("list.yaml: ")


def test_load_yaml_text_is_safe() -> None:
    with pytest.raises(ConfigError):
        load_yaml_text("a: !!python/object/apply:os.system ['true']\n", "evil.yaml")


@pytest.mark.parametrize("name", ["actors.yaml", "sources.yaml", "places.yaml", "reconcile.yaml"])
def test_builtin_data_files_are_mappings(name: str) -> None:
    data = builtin(name)
    assert isinstance(data, dict) and data


def test_table_folds_aliases_and_keeps_the_first_canonical() -> None:
    t = _Table()
    t.add("Kestian Army", "Kestian Army")
    t.add("Kestian Army", "the Kest-Army")
    t.add("Other", "The Kest Army")  # same folded key: the first canonical stays
    assert t.get("the kest army") == "Kestian Army"
    assert t.get("THE KEST\u2013ARMY") == "Kestian Army"
    assert t.get("kestian army") == "Kestian Army"
    assert t.aliases["Kestian Army"] == ["Kestian Army", "the Kest-Army"]
    assert t.aliases["Other"] == ["The Kest Army"]


def test_table_override_replaces_the_canonical() -> None:
    t = _Table()
    t.add("Other", "Varn Guard")
    t.canonical("Varn Guard")
    assert t.get("Varn Guard") == "Varn Guard"


def test_table_ignores_empty_aliases() -> None:
    t = _Table()
    t.add("Kest", "  ..  ")
    assert t.aliases == {}
    assert t.get("") is None


def test_short_abbreviations_match_case_sensitively() -> None:
    t = _Table()
    t.add("Kest Liberation Front", "KLF", abbrev=True)
    assert t.get("KLF") == "Kest Liberation Front"
    assert t.get("K.L.F.") == "Kest Liberation Front"
    assert t.get("klf") is None  # a lower-case word is not the abbreviation
    assert t.get("KLFs") == "Kest Liberation Front"  # plural of the abbreviation
    assert t.get("KLFs", plurals=False) is None


def test_long_abbreviations_are_folded() -> None:
    t = _Table()
    t.add("Kest Defence Union", "KDUN", abbrev=True)
    assert t.get("kdun") == "Kest Defence Union"


def test_table_lookup_strips_possessive_article_and_plural() -> None:
    t = _Table()
    t.add("Varn Militia", "Varn militia")
    assert t.get("Varn militia's") == "Varn Militia"
    assert t.get("the Varn militia") == "Varn Militia"
    assert t.get("Varn militias") == "Varn Militia"
    assert t.get("the Varn militias") == "Varn Militia"
    assert t.get("Varn militias", plurals=False) is None
    assert t.get("Orl militia") is None


def test_name_tables_cache_calls_once_per_key() -> None:
    nt = NameTables()
    nt._init_tables()
    calls: list[str] = []

    def fn(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert nt._cached("actor", "kest", fn) == "KEST"
    assert nt._cached("actor", "kest", fn) == "KEST"
    assert nt._cached("place", "kest", fn) == "KEST"
    assert calls == ["kest", "kest"]


def test_name_tables_kind_of_matches_whole_phrases_after_the_article() -> None:
    nt = NameTables()
    nt._init_tables()
    nt._kind_phrases = [("army", "military"), ("health ministry", "health")]
    assert nt._kind_of("the army") == "military"
    assert nt._kind_of("health ministry") == "health"
    assert nt._kind_of("armys") is None
    assert nt._kind_of("the army of kest") is None
