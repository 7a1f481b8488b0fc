"""What the rules read again and again from a parsed sentence, computed once per Doc.

spaCy rebuilds ``Doc.text`` from its tokens on every call (one Python Token object per
token), builds new Span objects on every ``Doc.ents``, and makes a new Token object for
every ``doc[i]`` and every step of ``for t in doc``. The rules ask these of the same
parsed sentence many times; the answers do not change once the pipeline has run, so they
are kept in the Doc's ``user_data`` (the way :mod:`tollwatch.extract.attribution_verbs`
keeps its verbs). Nothing here changes what is read, only how often it is built.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, SPACY
from spacy.parts_of_speech import NAMES as _POS_NAMES

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span, Token

__all__ = ["Columns", "columns", "ents_of", "in_subtree", "memo", "release", "seed_text",
           "span_text", "text_of", "tokens_of"]

_TEXT = "tw_text"
_ENTS = "tw_ents"
_TOKENS = "tw_tokens"
_COLUMNS = "tw_columns"


def text_of(doc: Doc) -> str:
    """``doc.text``, built once."""
    ud = doc.user_data
    text: str | None = ud.get(_TEXT)
    if text is None:
        # ``doc.text`` joins every token's ``text_with_ws`` (its orth and, if it has one,
        # the space after it): the same read from one array, no Token built
        orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist()
        words = _strings(orths, doc.vocab.strings, _STR)
        text = ud[_TEXT] = "".join([w + " " if sp else w for w, sp in zip(words, spaces)])
    return text


def seed_text(doc: Doc, text: str) -> Doc:
    """``doc``, parsed from ``text``, with ``text`` kept as its ``text_of`` (the tokenizer
    loses no character: ``doc.text`` is ``text``; checked on its length)."""
    n = len(doc)
    if (n and doc[n - 1].idx + len(doc[n - 1].text_with_ws) == len(text)) or (not n and
                                                                           not text):
        doc.user_data[_TEXT] = text
    return doc


def ents_of(doc: Doc) -> Sequence[Span]:
    """``doc.ents``, built once."""
    ud = doc.user_data
    ents: Sequence[Span] | None = ud.get(_ENTS)
    if ents is None:
        ents = doc.ents
        ud[_ENTS] = ents
    return ents


def tokens_of(doc: Doc) -> list[Token]:
    """The tokens of ``doc`` as a list (``tokens_of(doc)[i]`` is ``doc[i]``), built once."""
    ud = doc.user_data
    toks: list[Token] | None = ud.get(_TOKENS)
    if toks is None:
        toks = ud[_TOKENS] = list(doc)
    return toks


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the Doc's text (no tokens are built)."""
    if start < 0 or end < 0:
        return doc[start:end].text  # (counted from the end: spaCy's own slicing)
    n = len(doc)
    start, end = min(start, n), min(end, n)
    if start >= end:
        return ""
    toks = tokens_of(doc)
    last = toks[end - 1]
    return text_of(doc)[toks[start].idx:last.idx + len(last)]


class Columns(NamedTuple):
    """Token attributes of a Doc as lists (``columns(doc).pos[i]`` is ``doc[i].pos_``), read
    in one pass so that a scan over every token builds no Token object."""

    lower: list[str]   # ``t.lower_``
    lemma: list[str]   # ``t.lemma_.lower()``
    pos: list[str]     # ``t.pos_``
    dep: list[str]     # ``t.dep_``
    head: list[int]    # ``t.head.i``


_POS = {int(k): v for k, v in _POS_NAMES.items()}
# a string's hash is the same in every StringStore: the strings read so far, by hash
_STR: dict[int, str] = {}
_LOWERED: dict[int, str] = {}
_KNOWN_MAX = 200_000


def columns(doc: Doc) -> Columns:
    """The :class:`Columns` of ``doc``, built once."""
    ud = doc.user_data
    cols: Columns | None = ud.get(_COLUMNS)
    if cols is None:
        strings = doc.vocab.strings
        arr = doc.to_array([LOWER, LEMMA, POS, DEP, HEAD])
        # (a head is stored as an offset, negative ones wrapped round in the uint64 array)
        heads = (arr[:, 4].astype(numpy.int64) + numpy.arange(len(arr))).tolist()
        lows, lemmas, poss, deps = arr[:, :4].T.tolist()
        cols = ud[_COLUMNS] = Columns(_strings(lows, strings, _STR),
                                      _strings(lemmas, strings, _LOWERED, lower=True),
                                      [_POS[p] for p in poss], _strings(deps, strings, _STR),
                                      heads)
    return cols


def _strings(hashes: list[int], strings: StringStore, known: dict[int, str],
             lower: bool = False) -> list[str]:
    """The strings of ``hashes`` (lower-cased if ``lower``), by way of ``known``."""
    try:
        return [known[h] for h in hashes]
    except KeyError:
        pass
    if len(known) > _KNOWN_MAX:
        known.clear()  # (a long run meets ever new words: start again)
    for h in hashes:
        if h not in known:
            known[h] = strings[h].lower() if lower else strings[h]
    return [known[h] for h in hashes]


def in_subtree(doc: Doc, i: int, root: int) -> bool:
    """Token ``i`` is in the subtree of token ``root`` (``i in {t.i for t in
    doc[root].subtree}``): ``root`` is ``i`` or one of its ancestors."""
    heads = columns(doc).head
    for _ in range(len(heads)):
        if i == root:
            return True
        h = heads[i]
        if h == i:
            return False
        i = h
    return False


def release(docs: Iterable[Doc]) -> None:
    """Drop what this module (and the rules) kept in each of ``docs``, once nothing reads
    them any more. The kept Tokens and Spans point back at their Doc: left in place, every
    parsed sentence is a reference cycle that only the cyclic garbage collector frees (after
    it has been carried into the oldest generation, whose collections traverse every live
    object); cleared, a Doc is freed as soon as its last reference goes."""
    for d in docs:
        d.user_data.clear()


_T = TypeVar("_T")


def memo(doc: Doc, name: str, key: Hashable, make: Callable[[], _T]) -> _T:
    """``make()``, kept in ``doc`` under ``name`` and ``key`` (what a rule reads of a
    sentence again for each of its figures)."""
    table: dict[Hashable, _T] = doc.user_data.setdefault(name, {})
    if key not in table:
        table[key] = make()
    return table[key]
