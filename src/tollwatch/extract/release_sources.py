"""The body that puts out a release is a source the next sentences may refer to.

"The ministry issued a statement on Monday. In the statement, it said 30 people were
killed." The release sentence has no reporting verb, so it starts no statement and its
body was not remembered: "it" (or "the statement") found no source and the figure fell to
the article's voice. A sentence whose verb puts out a statement (``publish_verbs`` and
``announce_verbs`` of ``dates.yaml``: "issued a statement", "released its report",
"published figures") with a statement noun for its object makes its subject a source of
the document's memory, the most recent one, so that a pronoun or "the statement" of the
sentences after it names that body. Its day is then the release's, as for any source that
a dated release names (``release_dates``, at the end of the document).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tollwatch.extract.attribution import Attribution
from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.doc_cache import text_of, tokens_of
from tollwatch.extract.release_dates import release_day
from tollwatch.extract.source_memory import SourceMemory
from tollwatch.extract.sources import (
    _STATEMENT_NOUNS,
    Source,
    names_of,
    np_tokens,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["announced", "release_subject", "remember_releaser"]


def _statement_object(verb: Token) -> bool:
    rules = load_date_rules()
    nouns = _STATEMENT_NOUNS | rules.statement_nouns
    return any(c.dep_ in ("dobj", "obj") and (c.lemma_.lower() in nouns or c.lower_ in nouns)
               for c in verb.children)


def release_subject(doc: Doc) -> Token | None:
    """The subject of a verb of ``doc`` that puts out a statement ("The ministry issued a
    statement on Monday": "ministry"), or None."""
    rules = load_date_rules()
    verbs = rules.publish_verbs | rules.announce_verbs
    for t in tokens_of(doc):
        if t.pos_ != "VERB" or t.lemma_.lower() not in verbs or not _statement_object(t):
            continue
        for c in t.children:
            if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN"):
                return c
    return None


def remember_releaser(doc: Doc, memory: SourceMemory, anchor: str | None) -> Source | None:
    """Make the body that puts out a release in ``doc`` the memory's latest source, dated
    with the release's day (``anchor``: the day relative days count from) when it made no
    statement before; the source, or None when the sentence puts none out."""
    subj = release_subject(doc)
    if subj is None:
        return None
    tokens = np_tokens(subj)
    names, person, head = names_of(doc, tokens)
    if not names:
        return None
    text = " ".join(t.text for t in tokens)
    known = memory.resolve(text, person)
    stated = known is not None and not known.noted
    src = known or memory.remember(Source(names=names, person=person, head=head))
    memory.touch(src)
    day = release_day(text_of(doc), anchor)
    if day is not None and src.date is None and not stated:
        src.date = day  # (a source that spoke before keeps its statements undated)
    return src


def announced(src: Source) -> Attribution:
    """The statement of a release that announces a list ("The ministry gave these figures:"
    / "- North: 23 killed"): its items are the releasing body's, dated with its release."""
    return Attribution(origin=list(src.names), explicit=True, how="verb", origin_src=src,
                       date=src.date, date_how="source" if src.date else None)
