"""lexicon.py: a user lexicon file is read into the tables the extractor uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.lexicon import Lexicon, load_lexicon

MINIMAL = """\
metrics:
  killed:
    verbs: [Kill, slay]
    nouns: [death]
    adjectives: [dead]
    phrases: [lost their lives]
  injured:
    verbs: [wound, kill]
    phrases: [in hospital]
qualifiers:
  min: [at least, more than]
  approx: [about]
  after_min: [or more]
attribution:
  verbs: [say]
  relay_nouns: [report]
  chain_markers: [citing]
  denial: [deny]
  denial_objects: [report]
people:
  armed: [Soldier]
  civilian: [civilian]
  neutral: [person]
units_not_people: [tonne]
captivity:
  cues: [abduct, taken hostage]
"""


def _lex(tmp_path: Path, text: str = MINIMAL, name: str = "lex.yaml") -> Lexicon:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return load_lexicon(str(p))


def test_tables_from_a_minimal_file(tmp_path: Path) -> None:
    lex = _lex(tmp_path)
    assert lex.metric_verbs["kill"] == "killed"
    assert lex.metric_verbs["slay"] == "killed"
    assert lex.metric_nouns == {"death": "killed"}
    assert lex.metric_adjectives == {"dead": "killed"}
    assert lex.armed == frozenset({"soldier"})
    assert lex.people == frozenset({"soldier", "civilian", "person"})
    assert lex.after_min == frozenset({"or more"})


def test_first_metric_keeps_a_shared_word(tmp_path: Path) -> None:
    assert _lex(tmp_path).metric_verbs["kill"] == "killed"  # "injured" lists it later


def test_captivity_cues_enter_as_abducted(tmp_path: Path) -> None:
    lex = _lex(tmp_path)
    assert lex.metric_verbs["abduct"] == "abducted"
    assert lex.phrase_metric["taken hostage"] == "abducted"
    assert lex.captivity_cues == frozenset({"abduct", "taken hostage"})


def test_phrases_longest_first(tmp_path: Path) -> None:
    lex = _lex(tmp_path)
    lengths = [len(p) for p, _ in lex.metric_phrases]
    assert lengths == sorted(lengths, reverse=True)
    m = lex.phrase_regex.search("twelve lost their lives on monday")
    assert m is not None and lex.phrase_metric[m.group(0)] == "killed"
    assert lex.phrase_regex.search("they lost theirlives") is None


def test_qualifier_regex_ends_the_text(tmp_path: Path) -> None:
    lex = _lex(tmp_path)
    m = lex.qualifier_regex.search("officials said at least")
    assert m is not None and lex.qualifier_of[m.group("h")] == "min"
    m = lex.qualifier_regex.search("about to")  # "to" may follow a hedge
    assert m is not None and lex.qualifier_of[m.group("h")] == "approx"
    assert lex.qualifier_regex.search("at least some were") is None
    assert lex.qualifier_regex.search("roundabout") is None  # whole words only


def test_trigger_words_split_phrases(tmp_path: Path) -> None:
    words = _lex(tmp_path).trigger_words()
    assert {"kill", "death", "dead", "lost", "their", "lives", "hospital"} <= words


def test_defaults_of_optional_sections(tmp_path: Path) -> None:
    lex = _lex(tmp_path)
    assert lex.victims_default == "killed"
    assert lex.force_suffixes == ("-strong",)
    assert lex.tally_nouns == frozenset()


def test_victims_default_must_be_a_metric(tmp_path: Path) -> None:
    path = tmp_path / "bad-victims.yaml"
    with pytest.raises(ConfigError, match="victims default 'vanished' is not a metric") as ei:
        _lex(tmp_path, MINIMAL + "victims:\n  default: vanished\n", "bad-victims.yaml")
    assert ei.value.source == str(path)


def test_victims_follow_must_be_metrics(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="victims follow 'vanished' is not a metric"):
        _lex(tmp_path, MINIMAL + "victims:\n  follow: [killed, vanished]\n", "bad-follow.yaml")
    assert _lex(tmp_path, MINIMAL + "victims:\n  follow: [killed]\n").victims_follow == \
        frozenset({"killed"})


@pytest.mark.parametrize("section", ["metrics", "qualifiers", "attribution", "people",
                                     "units_not_people"])
def test_missing_section_names_the_file(tmp_path: Path, section: str) -> None:
    kept = [block for block in MINIMAL.split("\n") if block]
    text, skip = [], False
    for line in kept:
        if not line.startswith(" "):
            skip = line.startswith(section + ":")
        if not skip:
            text.append(line)
    name = f"no-{section}.yaml"
    with pytest.raises(ConfigError, match="malformed lexicon") as ei:
        _lex(tmp_path, "\n".join(text) + "\n", name)
    assert ei.value.source == str(tmp_path / name)
    assert ei.value.code == "TW500"


def test_builtin_lexicon_has_the_metrics() -> None:
    lex = load_lexicon()
    metrics = set(lex.metric_verbs.values()) | set(lex.metric_nouns.values())
    assert {"killed", "injured", "displaced", "detained", "abducted"} <= metrics
    assert load_lexicon() is lex  # cached
