"""The phrases as a tree of characters match what the plain alternation matches
(extract/phrase_trie.py), and the metric phrases' finder is that tree (metric_index.py).
Sentences written for this test."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.metric_index import phrase_finder
from tollwatch.extract.phrase_trie import longest_first, trie_pattern

_PHRASES = ["killed or seriously injured", "killed or injured", "taken hostage",
            "taken to hospital", "taken", "killed", "kill", "arrested", "arrest", "a", "ab"]

_TEXTS = [
    "twelve were killed or seriously injured and four killed or injured later",
    "they were killed or badly hurt; others were taken to hospital or taken hostage",
    "the arrested men, the arrests, an arrest warrant and a kill order",
    "killedor injured, killed-or-injured, takenhostage, overtaken, kill",
    "ab a abc b a-b",
    "",
]


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in rx.finditer(text)]


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


@pytest.mark.parametrize("text", _TEXTS)
def test_the_tree_matches_what_the_alternation_matches(text: str) -> None:
    phrases = sorted(_PHRASES, key=len, reverse=True)
    assert longest_first(phrases)
    assert _spans(re.compile(trie_pattern(phrases)), text) == \
        _spans(_alternation(phrases), text)


def test_the_longest_phrase_wins_and_a_boundary_is_needed() -> None:
    rx = re.compile(trie_pattern(["killed or injured", "killed"]))
    assert _spans(rx, "killed or injured") == [(0, 17, "killed or injured")]
    assert _spans(rx, "killed or hurt") == [(0, 6, "killed")]
    assert _spans(rx, "killedx killed.") == [(8, 14, "killed")]


def test_special_characters_are_escaped() -> None:
    rx = re.compile(trie_pattern(["u.n. staff", "a+b"]))
    assert _spans(rx, "the u.n. staff and unxn staff") == [(4, 14, "u.n. staff")]
    for text in ("a+b", "a+bc", "aab", "x a+b."):
        assert _spans(rx, text) == _spans(_alternation(["u.n. staff", "a+b"]), text)
    assert _spans(rx, "x a+b.") == [(2, 5, "a+b")]


def test_longest_first() -> None:
    assert longest_first(["killed or injured", "killed"])
    assert not longest_first(["killed", "killed or injured"])
    assert longest_first(["killed or injured", "killed", "killed or injured"])  # repeated
    assert longest_first(["wounded", "killed"])
    assert longest_first([])


def test_no_phrase_or_an_empty_one_is_refused() -> None:
    with pytest.raises(ValueError):
        trie_pattern([])
    with pytest.raises(ValueError):
        trie_pattern(["killed", ""])


def test_the_metric_phrase_finder_matches_the_lexicons_pattern() -> None:
    lex = load_lexicon(None)
    phrases = [p for p, _ in lex.metric_phrases]
    finder = phrase_finder(lex)
    assert finder is phrase_finder(lex)  # built once
    assert finder.pattern == trie_pattern(phrases)
    # every phrase of the lexicon, alone, inside a sentence, glued to a word, and two of
    # them in a row
    texts = list(phrases) + [f"on monday {p} near the town" for p in phrases] + \
        [f"x{p}" for p in phrases] + [f"{p}s" for p in phrases] + \
        [f"{a} {b}" for a, b in pairwise(phrases)]
    for t in texts:
        assert _spans(finder, t) == _spans(lex.phrase_regex, t), t
