"""The reporting verbs of a sentence: the tokens a statement can hang from.

A lemma of the lexicon's attribution verbs (not negated, not a modifier, not "claimed the
lives of"); a verb of finding with a data noun as its subject ("data compiled by X show") or a
clause of what was found (``clausal_cues``); a verb with its particle ("made this known");
reporting verbs the parser read as nouns (``clause_sources``); and a tag verb set off after
what was said ("..., he continued", ``reporting_tags``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tollwatch.extract.clause_sources import gerund_read_verb, noun_read_verb
from tollwatch.extract.doc_cache import columns, tokens_of
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.reporting_forms import is_negated
from tollwatch.extract.reporting_tags import is_reporting_tag, load_tag_rules
from tollwatch.extract.sources import _DATA_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["attribution_verbs"]


def attribution_verbs(doc: Doc, lex: Lexicon) -> list[Token]:
    """The reporting verbs of ``doc`` (computed once per parsed sentence)."""
    cached: list[Token] | None = doc.user_data.get("tw_verbs")
    if cached is None:
        cached = doc.user_data["tw_verbs"] = _find_attribution_verbs(doc, lex)
    return cached


def _find_attribution_verbs(doc: Doc, lex: Lexicon) -> list[Token]:
    out = []
    toks = tokens_of(doc)
    cols = columns(doc)
    lemmas, verbs = cols.lemma, lex.attribution_verbs
    heads = _verb_lemmas(lex)
    for i, pos in enumerate(cols.pos):
        # (only these can pass ``_reports``: a verb of one of ``heads``, a noun read for a
        # reporting verb)
        if pos == "VERB" or pos == "AUX":
            if lemmas[i] not in heads:
                continue
        elif pos != "NOUN" or not (cols.lower[i].endswith("ing") or
                                   (cols.dep[i] == "ROOT" and lemmas[i] in verbs)):
            continue
        t = toks[i]
        if _reports(t, lex) and not (t.dep_ != "pcomp" and is_negated(t)):
            out.append(t)  # (a negated verb, "the army has never declared ...", states nothing)
    return out


_HEADS: dict[int, tuple[object, object, object, frozenset[str]]] = {}


def _verb_lemmas(lex: Lexicon) -> frozenset[str]:
    """Every lemma a verb of ``_reports`` can have (its verb branches, the tag verbs)."""
    prov, tags = load_provenance(), load_tag_rules()
    got = _HEADS.get(id(lex))
    if got is not None and got[0] is lex and got[1] is prov and got[2] is tags:
        return got[3]
    heads = frozenset(lex.attribution_verbs | {"show", "find", "suggest"} |
                      set(prov.clausal_cues) | set(prov.phrasal_cues) |
                      {v.split()[0] for v in tags.verbs if v.split()})
    _HEADS[id(lex)] = (lex, prov, tags, heads)
    return heads


def _reports(t: Token, lex: Lexicon) -> bool:
    """Token ``t`` is a reporting verb (negated or not)."""
    pos = t.pos_
    if pos in ("VERB", "AUX") and t.lemma_.lower() in lex.attribution_verbs \
            and t.dep_ not in ("amod", "compound"):
        # not "the strike claimed the lives of ...", nor a verb of a metric done to people
        # ("the army posted 300 soldiers to the border": a deployment, not a post)
        return not any(c.dep_ == "dobj" and (c.lower_ in ("lives", "life") or (
            t.lemma_.lower() in lex.metric_verbs and
            any(n.dep_ == "nummod" or n.like_num for n in c.subtree)))
            for c in t.children)
    if pos == "VERB" and t.lemma_.lower() in ("show", "find", "suggest") and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _DATA_NOUNS for c in t.children):
        return True  # "data compiled by X show that ..."
    if pos == "VERB" and t.lemma_.lower() in load_provenance().clausal_cues and any(
            c.dep_ == "ccomp" for c in t.children):
        return True  # "the report assessed that ...", "the team found that ..."
    if noun_read_verb(t, lex.attribution_verbs) or gerund_read_verb(t, lex.attribution_verbs):
        return True  # "Western intelligence estimates [the army lost ...]"
    if is_reporting_tag(t):
        return True  # "..., he continued, adding that ..." (``reporting_tags``)
    # "X made this known"
    return pos in ("VERB", "AUX") and any(
        c.lower_ in _phrasal().get(t.lemma_.lower(), ()) for c in t.children)


def _phrasal() -> dict[str, tuple[str, ...]]:
    return load_provenance().phrasal_cues
