"""The YAML rules loaders: the built-in files load, a bad user file gives a ConfigError
(TW500) that names the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tollwatch.errors import ConfigError, TollwatchError
from tollwatch.extract.datafile import read_mapping
from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.response_cues import load_response_lexicon

LOADERS: list[Callable[[str], Any]] = [load_lexicon, load_provenance, load_date_rules,
                                       load_response_lexicon]


def _write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_builtin_mapping_names_package_file() -> None:
    data, where = read_mapping("provenance.yaml", None, "provenance rules", "are")
    assert isinstance(data, dict) and data
    assert where == "tollwatch/data/provenance.yaml"


def test_user_mapping_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.yaml", "a: 1\nb: [x, y]\n")
    data, where = read_mapping("unused.yaml", path, "rules")
    assert data == {"a": 1, "b": ["x", "y"]}
    assert where == path


def test_missing_file_is_config_error(tmp_path: Path) -> None:
    path = str(tmp_path / "absent.yaml")
    with pytest.raises(ConfigError) as ei:
        read_mapping("unused.yaml", path, "response lexicon")
    err = ei.value
    assert err.code == "TW500"
    assert err.source == path
    assert "cannot read response lexicon" in str(err)
    assert str(err).startswith(path + ": ")


def test_invalid_yaml_is_config_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.yaml", "key: [unclosed\n  - : :\n")
    with pytest.raises(ConfigError) as ei:
        read_mapping("unused.yaml", path, "date rules", "are")
    assert ei.value.source == path
    assert "date rules are not valid YAML" in ei.value.message
    assert str(ei.value).endswith("[TW500]")


def test_agreement_word_is_used(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.yaml", "a: [\n")
    with pytest.raises(ConfigError, match="the lexicon is not valid YAML"):
        read_mapping("unused.yaml", path, "the lexicon")


@pytest.mark.parametrize("text", ["- a\n- b\n", "just a string\n", "42\n", ""])
def test_non_mapping_is_config_error(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, "list.yaml", text)
    with pytest.raises(ConfigError) as ei:
        read_mapping("unused.yaml", path, "provenance rules")
    assert ei.value.message == "provenance rules must be a mapping"
    assert ei.value.source == path


def test_config_error_is_a_tollwatch_error() -> None:
    assert issubclass(ConfigError, TollwatchError)
    assert ConfigError.code == "TW500"


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_loader_builtin_loads(loader: Callable[[str | None], Any]) -> None:
    assert loader(None) is not None


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_loader_bad_yaml_names_file(tmp_path: Path, loader: Callable[[str], Any]) -> None:
    path = _write(tmp_path, f"{loader.__name__}.yaml", "x: {oops\n")
    with pytest.raises(ConfigError) as ei:
        loader(path)
    assert ei.value.source == path
    assert ei.value.code == "TW500"
    assert path in str(ei.value)


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_loader_list_file_names_file(tmp_path: Path, loader: Callable[[str], Any]) -> None:
    path = _write(tmp_path, f"{loader.__name__}-list.yaml", "- one\n- two\n")
    with pytest.raises(ConfigError, match="must be a mapping") as ei:
        loader(path)
    assert ei.value.source == path


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_loader_missing_file_names_file(tmp_path: Path, loader: Callable[[str], Any]) -> None:
    path = str(tmp_path / f"{loader.__name__}-none.yaml")
    with pytest.raises(ConfigError, match="cannot read") as ei:
        loader(path)
    assert ei.value.source == path


def test_provenance_bad_pattern_names_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "prov.yaml", "headline_patterns:\n  - '(?P<source>[unclosed'\n")
    with pytest.raises(ConfigError, match="bad pattern") as ei:
        load_provenance(path)
    assert ei.value.source == path


def test_provenance_wrong_type_names_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "prov2.yaml", "headline_source:\n  max_words: many\n")
    with pytest.raises(ConfigError, match="malformed provenance rules") as ei:
        load_provenance(path)
    assert ei.value.source == path


def test_date_rules_bad_regex_names_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "dates.yaml", "bare_datelines:\n  patterns: ['(unclosed']\n")
    with pytest.raises(ConfigError, match="bad date rules") as ei:
        load_date_rules(path)
    assert ei.value.source == path


def test_date_rules_bad_number_names_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "dates2.yaml", "listener_max_words: lots\n")
    with pytest.raises(ConfigError) as ei:
        load_date_rules(path)
    assert ei.value.source == path


def test_date_rules_minimal_file_gets_defaults(tmp_path: Path) -> None:
    path = _write(tmp_path, "dates3.yaml", "publish_verbs: [Publish, issue]\n")
    rules = load_date_rules(path)
    assert rules.publish_verbs == frozenset({"publish", "issue"})
    assert rules.day_labels == frozenset({"DATE"})
    assert rules.listener_max_words == 4
    assert rules.bare_dateline_paragraphs == 3
    assert rules.bare_datelines == ()


def test_provenance_minimal_file_gets_defaults(tmp_path: Path) -> None:
    path = _write(tmp_path, "prov3.yaml",
                  "headline_source:\n  role_words: [Sheriff]\nconfidence:\n  chain: 0.5\n")
    rules = load_provenance(path)
    assert rules.headline_role_words == frozenset({"sheriff"})
    assert rules.headline_max_words == 6
    assert rules.headline_patterns == ()
    assert rules.confidence_of("chain") == 0.5
    assert rules.confidence_of("never-listed") == 1.0
    # an empty list of phrases matches nothing
    assert rules.first_person.search("we said") is None


def test_provenance_phrasal_cues_split_verb_and_particle(tmp_path: Path) -> None:
    path = _write(tmp_path, "prov4.yaml",
                  "phrasal_cues: ['Make known', 'point out', 'point to', 'single']\n")
    rules = load_provenance(path)
    assert rules.phrasal_cues == {"make": ("known",), "point": ("out", "to")}


def test_response_lexicon_wrong_shape_names_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "resp.yaml", "cues: 12\n")
    with pytest.raises(ConfigError) as ei:
        load_response_lexicon(path)
    assert ei.value.source == path


def test_a_rules_file_that_is_not_utf8_is_a_config_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "lexicon-latin.yaml"
    path.write_bytes("metrics:\n  killed: [tu\xe9s]\n".encode("latin-1"))
    with pytest.raises(ConfigError) as e:
        read_mapping("lexicon.yaml", str(path), "lexicon")
    assert e.value.source == str(path) and e.value.code == "TW500"
    assert "cannot read lexicon: not UTF-8 text" in e.value.message


def test_enabled_flag_defaults_to_true_and_names_the_file_when_not_a_boolean() -> None:
    from tollwatch.extract.datafile import enabled_flag

    assert enabled_flag({}, "rules.yaml") is True
    assert enabled_flag({"enabled": False}, "rules.yaml") is False
    with pytest.raises(ConfigError, match="enabled must be true or false") as e:
        enabled_flag({"enabled": "no"}, "my-rules.yaml")
    assert "my-rules.yaml" in str(e.value)
