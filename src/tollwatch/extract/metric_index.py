"""What the metric rules look up once instead of on every token: the words a trigger can be
found under (per lexicon), and the tokens that open a clause of their own (per sentence).

``find_triggers`` tests a token only when its lemma or lower case is one of
:func:`trigger_keys`; ``pick_metric`` stops climbing from a figure at a token of
:func:`marked_heads`. Both give what the token-by-token tests gave, in fewer steps.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tollwatch.extract.counted import singular
from tollwatch.extract.doc_cache import columns
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.phrase_trie import longest_first, trie_pattern

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["marked_heads", "phrase_finder", "trigger_keys"]

_KEYS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def trigger_keys(lex: Lexicon) -> frozenset[str]:
    """Every word whose lemma, lower case or ``singular`` form ``find_triggers`` looks up
    (a token none of whose forms is one of them gives no trigger)."""
    got = _KEYS.get(id(lex))
    if got is not None and got[0] is lex:
        return got[1]
    keys = {*lex.metric_verbs, *lex.metric_nouns, *lex.metric_adjectives, *lex.care_verbs,
            *lex.displacing_verbs, *lex.fate_nouns, *lex.custody_places, *lex.refuge_places,
            *lex.captivity_places, *lex.taking_verbs, "lose"}
    # the words whose ``singular`` is one of them: the word, + "s", "-y" -> "-ies"
    forms = {f for k in keys for f in (k, k + "s", k[:-1] + "ies" if k.endswith("y") else k)
             if singular(f) in keys}
    words = frozenset(keys | forms)
    _KEYS[id(lex)] = (lex, words)
    return words


def marked_heads(doc: Doc, marks: set[str]) -> set[int]:
    """The tokens of ``doc`` with a "mark" child among ``marks`` ("while", "after": a
    contrasting or subordinate clause), found once per sentence (one set of ``marks``)."""
    got: set[int] | None = doc.user_data.get("tw_marked")
    if got is None:
        cols = columns(doc)
        got = doc.user_data["tw_marked"] = {
            h for j, h in enumerate(cols.head)
            if h != j and cols.dep[j] == "mark" and cols.lower[j] in marks}
    return got


_PHRASES: dict[int, tuple[Lexicon, re.Pattern[str]]] = {}


def phrase_finder(lex: Lexicon) -> re.Pattern[str]:
    """``lex.phrase_regex`` written as a tree of its phrases' characters
    (:mod:`tollwatch.extract.phrase_trie`): the same matches, found quicker. When the
    phrases are not listed longest first (the lexicon lists them so), the first letters of
    the phrases are checked before the list is tried instead (the same matches too)."""
    got = _PHRASES.get(id(lex))
    if got is not None and got[0] is lex:
        return got[1]
    phrases = [p for p, _ in lex.metric_phrases]
    rx = lex.phrase_regex
    if phrases and all(phrases) and longest_first(phrases):
        rx = re.compile(trie_pattern(phrases), rx.flags)
    elif phrases and all(phrases):
        first = "".join(sorted({re.escape(p[0]) for p in phrases}))
        rx = re.compile(rf"(?=[{first}])" + rx.pattern, rx.flags)
    _PHRASES[id(lex)] = (lex, rx)
    return rx
