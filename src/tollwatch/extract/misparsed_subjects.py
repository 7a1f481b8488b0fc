"""The subject of a reporting verb that the parser hung on the clause before.

"... in which the army lost 20 soldiers and reports had stated that 35 rebels were killed":
the parser reads "soldiers and reports" as one object of "lost" and leaves "stated" with no
subject, so the verb borrowed the subject of the verb it hangs from (the sentence's first
speaker). The noun right in front of the verb (auxiliaries, negations and adverbs aside),
after a joining word (``misparsed_subjects.yaml``), that the parser made a conjunct of an
object of the clause before, is the verb's own subject; a list of names before the verb
("..., civilian militia and residents told AFP") is left to the other readings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.extract.datafile import enabled_flag, read_mapping, word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MisparsedRules", "conjunct_subject", "load_misparsed_rules", "name_clause_subject",
           "split_subject"]

_BETWEEN = ("aux", "auxpass", "neg", "advmod")
# the first conjunct is an object of the clause before ("lost 20 soldiers and reports")
_OBJECTS = ("dobj", "pobj", "attr", "oprd")


@dataclass(frozen=True)
class MisparsedRules:
    enabled: bool
    joiners: frozenset[str]


@lru_cache(maxsize=4)
def load_misparsed_rules(path: str | None = None) -> MisparsedRules:
    """The rules of ``misparsed_subjects.yaml`` (or the file at ``path``)."""
    data, where = read_mapping("misparsed_subjects.yaml", path, "misparsed-subject rules",
                               "are")
    on = enabled_flag(data, where)
    return MisparsedRules(on, frozenset(word_list(data.get("joiners"), "joiners", where)))


def conjunct_subject(verb: Token, counted: bool = False) -> Token | None:
    """The noun in front of subjectless ``verb`` that the parser made a conjunct of the
    clause before ("lost 20 soldiers and reports had stated that ..."), else None.
    ``counted``: the verb's subject is a counted group, no source ("... killed 17 people,
    including nine children, the shadow government said": "people" read as the subject)."""
    rules = load_misparsed_rules()
    if not rules.enabled or (not counted and any(c.dep_ in ("nsubj", "nsubjpass")
                                                 for c in verb.children)):
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].head.i == verb.i and doc[i].dep_ in _BETWEEN:
        i -= 1
    if doc[i].text == ",":
        return _aside_subject(doc, i)  # "..., Jane Doe, a spokesman for X, said"
    if i >= 1 and doc[i].text == ")" and doc[i].head.i < i:
        i = doc[i].head.i  # "the National Unity Government (NUG) said": the name before
        if doc[i].dep_ == "appos" and doc[i].head.i < i:
            i = doc[i].head.i
    if i < 1:
        return None
    noun = doc[i]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "conj" or \
            noun.head.i >= noun.i or noun.head.dep_ not in _OBJECTS:
        return None  # ("Nigeria, civilian militia and residents told AFP": a list)
    joiner = doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
    if joiner is None or joiner.lower_ not in rules.joiners:
        return None
    return noun


_ASIDE_REACH = 30  # tokens: how long a name with its aside may be


def _aside_subject(doc: Doc, comma: int) -> Token | None:
    """The name set off by commas right before a subjectless verb ("..., Malek Said, a
    spokesman for the health ministry, said on Tuesday"), which the parser hung on the clause
    before: the one token heading the whole span between the commas, a noun or a name."""
    end = comma - 1
    for j in range(end, max(0, end - _ASIDE_REACH), -1):
        if doc[j - 1].text != "," or j > end:
            continue
        roots = [t for t in doc[j:end + 1] if not j <= t.head.i <= end]
        if len(roots) != 1:
            continue
        root = roots[0]
        if root.pos_ in ("PROPN", "NOUN") and root.left_edge.i == j and \
                root.right_edge.i == end and any(t.pos_ == "PROPN" for t in doc[j:root.i + 1]):
            return root
    return None


_NAME_GLUE = frozenset({"the", "of", "for", "and", "without", "in", "on", "to"})


def name_clause_subject(verb: Token) -> Token | None:
    """A body's name that the parser read as a clause subject of ``verb``: "Save the
    Children said ..." (the name's first word taken for a verb). The clause is two or more
    words, each capitalised but for a few joining words, right before the verb."""
    for c in verb.children:
        if c.dep_ != "csubj" or c.i > verb.i:
            continue
        words = list(c.subtree)
        if len(words) >= 2 and words[-1].i + 1 == verb.i and words[0].text[:1].isupper() and \
                words[-1].text[:1].isupper() and \
                all(w.text[:1].isupper() or w.lower_ in _NAME_GLUE for w in words):
            return c
    return None


def split_subject(subj: Token) -> list[Token] | None:
    """One name the parser split into several subjects of one verb ("Jama'at Nusrat al-Islam
    wal-Muslimin (JNIM) claimed": "Nusrat", "al" and "Islam" each a subject): the words from
    the first subject's phrase to the last one's, when nothing but the name's own words,
    hyphens and brackets stand between them; else None."""
    verb = subj.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) < 2 or subj.i != subjects[0].i:
        return None
    start, end = subjects[0].left_edge.i, subjects[-1].right_edge.i
    words = [subj.doc[i] for i in range(start, end + 1)]
    if any((w.pos_ in ("VERB", "AUX") and w.dep_ not in ("amod", "compound")) or
           w.pos_ == "CCONJ" or w.text == "," for w in words):
        return None
    return words
