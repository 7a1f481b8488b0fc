"""Reporting tags: a verb that reports only as a tag after what was said.

"The convoy was made up of 30 trucks, he continued, adding that the road was closed": the
parser makes "continued" the root, with the statement as its clause and "adding" hanging
from it, so the figure is under no reporting verb of the lexicon. A tag verb of
``data/reporting_tags.yaml`` ("continue", "conclude", "go on") counts as a reporting verb
when:

- a clause with a subject of its own hangs from it and ends before it (the statement comes
  first, "fighting continued" is no tag), or it hangs itself, as a clause, from the main
  verb of the sentence before it (the parser hung the tag on the statement);
- its subject comes right before it, after a comma ("..., he continued"), and is a pronoun
  or a proper name;
- and, when it is followed by anything but a comma or the sentence end, what follows is its
  particle ("he went on").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["TagRules", "is_reporting_tag", "load_tag_rules", "tag_subject"]

_CLAUSES = ("ccomp", "parataxis")
_SUBJECTS = ("nsubj",)
_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl")
_HUNG_ON = ("advcl", "parataxis", "conj")
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


@dataclass(frozen=True)
class TagRules:
    """The words of ``data/reporting_tags.yaml``."""

    verbs: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()


def _words(data: dict[str, object], key: str, where: str) -> frozenset[str]:
    value = data.get(key)
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of words", source=where)
    return frozenset(" ".join(v.lower().split()) for v in value if v.strip())


@lru_cache(maxsize=4)
def load_tag_rules(path: str | None = None) -> TagRules:
    """The reporting-tag rules (built in, or from the YAML file at ``path``)."""
    data, where = read_mapping("reporting_tags.yaml", path, "reporting-tag rules", "are")
    return TagRules(verbs=_words(data, "verbs", where), particles=_words(data, "particles", where))


def _lemma(verb: Token, rules: TagRules) -> str | None:
    """The tag verb ``verb`` is a form of ("continue", or "go on" with its particle)."""
    lemma = verb.lemma_.lower()
    parts = [c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")
             and c.i == verb.i + 1 and c.lower_ in rules.particles]
    if parts and f"{lemma} {parts[0]}" in rules.verbs:
        return f"{lemma} {parts[0]}"
    return lemma if lemma in rules.verbs else None


def _statement_below(verb: Token, start: int) -> bool:
    """The statement is a clause hanging from the tag, ending before its subject."""
    return any(c.dep_ in _CLAUSES and c.i < start and c.right_edge.i < start and
               any(x.dep_ in _CLAUSE_SUBJECTS for x in c.children) for c in verb.children)


def _statement_above(verb: Token) -> bool:
    """The parser hung the tag on the statement instead ("The group was made up of 32 men,
    while the rest were locals, he continued": "continued" a clause of "made")."""
    head = verb.head
    return verb.dep_ in _HUNG_ON and head.i < verb.i and head.pos_ in ("VERB", "AUX") and \
        head.dep_ == "ROOT"


def is_reporting_tag(verb: Token, rules: TagRules | None = None) -> bool:
    """True when ``verb`` is a tag verb set off after the statement it reports
    ("..., he continued", "..., the minister concluded")."""
    return tag_subject(verb, rules) is not None


def tag_subject(verb: Token, rules: TagRules | None = None) -> Token | None:
    """The subject of tag verb ``verb`` set off after the statement it reports ("he" of
    "..., he continued"); None when ``verb`` is no such tag."""
    rules = rules or load_tag_rules()
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = _lemma(verb, rules)
    if lemma is None:
        return None
    # the subject right before the verb (the parser may give it the clause's subject too:
    # "while the rest were locals, he continued")
    subj = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i]
    if not subj or subj[-1].right_edge.i != verb.i - 1:
        return None
    s = subj[-1]
    if not (s.lower_ in _PRONOUNS or s.pos_ == "PROPN"):
        return None
    start = s.left_edge.i
    doc = verb.doc
    if start == 0 or doc[start - 1].text != ",":
        return None
    if not (_statement_below(verb, start) or _statement_above(verb)):
        return None
    after = verb.i + (2 if " " in lemma else 1)
    return s if after >= len(doc) or doc[after].is_punct else None
