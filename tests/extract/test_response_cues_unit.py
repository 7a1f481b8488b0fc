"""response_cues.py: response cue phrases of a sentence, their kind and precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract.response_cues import ResponseLexicon, kind_rank, load_response_lexicon


@pytest.fixture(scope="module")
def lex() -> ResponseLexicon:
    return load_response_lexicon()


def _kinds(lex: ResponseLexicon, sentence: str) -> list[str]:
    return [m.kind for m in lex.cue_matches(sentence)]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The army denied the report on Sunday.", "denied"),
    ("A spokesman declined to comment on the figures.", "no_comment"),
    ("The ministry would neither confirm nor deny the toll.", "neither"),
])
def test_cue_kinds(lex: ResponseLexicon, sentence: str, kind: str) -> None:
    assert kind in _kinds(lex, sentence)


def test_cue_offsets_are_in_the_sentence(lex: ResponseLexicon) -> None:
    s = "The army denied the report on Sunday."
    m = next(x for x in lex.cue_matches(s) if x.kind == "denied")
    assert s[m.start:m.end].lower().startswith("denied")


def test_no_cue(lex: ResponseLexicon) -> None:
    assert lex.cue_matches("Heavy rain fell on the valley overnight.") == []


def test_not_response_phrase_blocks_the_cue(lex: ResponseLexicon) -> None:
    s = "Reporters could not independently confirm the figures."
    assert "confirmed" not in _kinds(lex, s)


def test_kind_rank_follows_pattern_order(lex: ResponseLexicon) -> None:
    order = list(lex.cues.groupindex)
    assert order, "the built-in lexicon has cue kinds"
    ranks = [kind_rank(k, lex) for k in order]
    assert ranks == sorted(ranks) == list(range(len(order)))
    assert kind_rank("no-such-kind", lex) == len(order)


def test_neither_outranks_denied(lex: ResponseLexicon) -> None:
    assert kind_rank("neither", lex) < kind_rank("denied", lex)


def test_stem_hits_find_prefilter_words(lex: ResponseLexicon) -> None:
    s = "Officials DENIED it."
    hits = lex.stem_hits(s)
    assert hits
    assert all(0 <= i < len(s) for i in hits)
    assert lex.stem_hits("Heavy rain fell overnight.") == []


def test_user_lexicon_kinds(tmp_path: Path) -> None:
    p = tmp_path / "responses.yaml"
    p.write_text("kinds:\n  confirmed:\n    - flatly confirmed\n  denied:\n    - denied\n"
                 "prefilter: [confirm, deni]\nabout: {}\nreply_window: 2\n", encoding="utf-8")
    lex = load_response_lexicon(str(p))
    assert lex.reply_window == 2
    assert list(lex.cues.groupindex) == ["confirmed", "denied"]
    assert _kinds(lex, "The army flatly confirmed the claim.") == ["confirmed"]
    assert kind_rank("confirmed", lex) == 0


def test_unknown_kind_is_config_error(tmp_path: Path) -> None:
    p = tmp_path / "responses.yaml"
    p.write_text("kinds:\n  rebutted:\n    - flatly rejected\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown response kind 'rebutted'") as ei:
        load_response_lexicon(str(p))
    assert ei.value.source == str(p)
    assert ei.value.code == "TW500"


def test_cue_outside_prefilter_is_config_error(tmp_path: Path) -> None:
    p = tmp_path / "responses.yaml"
    p.write_text("kinds:\n  denied:\n    - rebuffed\nprefilter: [deni]\nabout: {}\n",
                 encoding="utf-8")
    with pytest.raises(ConfigError, match="holds no word of the prefilter") as ei:
        load_response_lexicon(str(p))
    assert ei.value.source == str(p)


def test_missing_section_is_config_error(tmp_path: Path) -> None:
    p = tmp_path / "responses.yaml"
    p.write_text("kinds:\n  denied:\n    - denied\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="malformed response lexicon") as ei:
        load_response_lexicon(str(p))
    assert ei.value.source == str(p)
