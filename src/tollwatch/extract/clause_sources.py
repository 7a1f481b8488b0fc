"""Sources found inside the sentence itself, where the plain subject reading fails.

- A pronoun that speaks in a subordinate clause refers to the subject of the clause it hangs
  from: "The ministry has given no update since it said 40 died" (``it`` is the ministry,
  whatever source the text named before).
- A reporting verb the parser read as a noun: "Western intelligence estimates the army has
  lost 900 men" (``estimates`` a noun root with the statement as its clause): its
  modifiers are the source.
- A reporting verb in -ing read as a noun with its own subject: "..., with the agency
  reporting that 17 remain captive".
- A name after a closing quotation mark that the parser hung inside the quotation: "“...,”
  Maj Gen Jane Doe, who led the airlift, told reporters".
- A name the parser hung on the clause before it: "... killed in the east, First Deputy Chief
  of the General Staff Jane Doe said on Friday" (the verb left with no subject).

The clause links climbed and the pronouns resolved are data (``clause_sources`` in
provenance.yaml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tollwatch.extract.provenance import load_provenance

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "after_quote_subject",
    "clause_antecedent",
    "gerund_read_verb",
    "noun_read_verb",
    "noun_verb_source",
    "noun_verb_subject",
    "outside_own_clause",
    "tail_name_subject",
]

_PERSON = {"he", "she"}
_BODY = {"it"}
_SUBJECTS = ("nsubj", "nsubjpass")


def _fits(pron: str, cand: Token) -> bool:
    """True when ``cand`` (a subject) can be what pronoun ``pron`` stands for."""
    if cand.pos_ not in ("PROPN", "NOUN") or cand.lower_ in load_provenance().clause_not_antecedents:
        return False
    person = cand.ent_type_ == "PERSON"
    plural = cand.tag_ in ("NNS", "NNPS")
    if pron in _PERSON:
        return person and not plural
    if pron in _BODY:
        return not person and not plural
    return plural or not person  # "they": officials, or a body


def clause_antecedent(subj: Token) -> Token | None:
    """The subject of the clause that pronoun ``subj``'s subordinate clause hangs from, when
    it can be what the pronoun stands for; else None."""
    rules = load_provenance()
    pron = subj.lower_
    if pron not in rules.clause_pronouns:
        return None
    x = subj.head
    for _ in range(rules.clause_depth):
        if x.dep_ not in rules.clause_links or x.head.i == x.i:
            return None
        x = x.head
        subs = [c for c in x.children if c.dep_ in _SUBJECTS and c.i < subj.i]
        if subs:
            return subs[0] if _fits(pron, subs[0]) else None
    return None


def _statement_clause(c: Token) -> bool:
    """A clause with a subject of its own, not a relative clause ("[the army has lost ...]")."""
    return c.dep_ in ("ccomp", "relcl") and c.pos_ in ("VERB", "AUX") and \
        any(x.dep_ in _SUBJECTS and x.tag_ not in ("WDT", "WP", "WP$") for x in c.children) \
        and c.left_edge.tag_ not in ("WDT", "WP", "WP$", "WRB")


def noun_read_verb(tok: Token, verbs: frozenset[str]) -> bool:
    """True for a reporting verb the parser read as a noun at the root of the sentence, with
    the statement as its clause ("Western intelligence estimates [the army has lost ...]")."""
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_ == "NNS" and \
        tok.lemma_.lower() in verbs and \
        any(_statement_clause(c) for c in tok.children) and \
        any(c.dep_ in ("compound", "amod") and c.i < tok.i for c in tok.children)


def gerund_read_verb(tok: Token, verbs: frozenset[str]) -> bool:
    """True for a reporting verb in -ing the parser read as a noun with a subject of its own
    ("..., with the Ombudsman's Office reporting that 17 remain captive")."""
    low = tok.lower_
    if tok.pos_ != "NOUN" or not low.endswith("ing") or \
            not any(c.dep_ == "nsubj" for c in tok.children):
        return False
    stem = low[:-3]
    return stem in verbs or stem + "e" in verbs or (
        len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)


def outside_own_clause(verb: Token, figure_i: int | None) -> bool:
    """True for a reporting verb inside a phrase ("..., with the agency reporting that 17
    remain captive", the verb read as a noun or hanging from the preposition) and a figure
    outside what it reports: it speaks only for its clause."""
    if figure_i is None:
        return False
    in_phrase = (verb.pos_ == "NOUN" and verb.dep_ != "ROOT") or (
        verb.dep_ in ("pcomp", "pobj") and
        verb.head.lower_ in load_provenance().clause_absolute_preps) or \
        _contrasted(verb, figure_i)
    return in_phrase and not any(t.i == figure_i for t in verb.subtree) and \
        not _reported_right_after(verb, figure_i)


_CONTRAST = {"but", "yet", "while", "whereas", "although", "though"}


def _contrasted(verb: Token, figure_i: int) -> bool:
    """A reporting verb of a clause set against the figure's, after it ("Police arrested 12
    men, but the army says 40 were held"; "..., while the rebels say ..."): it speaks for
    its own clause only."""
    if figure_i >= verb.i or verb.dep_ not in ("conj", "advcl"):
        return False
    doc = verb.doc
    subj = max((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i),
               key=lambda c: c.i, default=None)  # the nearest ("while the rest ..., he said")
    if subj is None or subj.left_edge.i <= figure_i:
        return False
    # the contrast opens the clause right before its subject: ", but the army says ..."
    # (the parser may hang "but" on the first verb)
    before = [t for t in doc[max(0, subj.left_edge.i - 2):subj.left_edge.i] if not t.is_punct]
    return bool(before) and before[-1].lower_ in _CONTRAST


def _reported_right_after(verb: Token, figure_i: int) -> bool:
    """True when the figure's clause opens with "that" right after the verb, whatever the
    parser hung it on ("..., with the Office reporting that 17 remain captive": "remain"
    hung on the main verb)."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ != "that" or figure_i <= verb.i:
        return False
    mark = doc[verb.i + 1]
    return mark.dep_ == "mark" and any(a.i == mark.head.i for a in doc[figure_i].ancestors) \
        or mark.head.i == figure_i


def noun_verb_subject(tok: Token) -> Token | None:
    """The source of such a noun-read verb: its subject ("the Office" reporting), else the
    noun before it ("intelligence" estimates)."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        return subj
    mods = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    return mods[-1] if mods else None


def noun_verb_source(tok: Token) -> list[Token]:
    """The whole source phrase of a noun-read verb: the words before it that hang from it
    ("Western intelligence"); empty when it has a subject of its own."""
    if any(c.dep_ == "nsubj" for c in tok.children):
        return []
    return sorted((t for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod", "det")
                   for t in c.subtree), key=lambda t: t.i)


def tail_name_subject(verb: Token) -> Token | None:
    """The source of "..., First Deputy Chief of the General Staff Jane Doe said" when the
    parser hung the name on the clause before it: the name between the last comma and the
    verb (capitalised words and their function words), as the token heading that span."""
    doc = verb.doc
    rules = load_provenance()
    end = verb.i
    if end > 3 and doc[end - 1].text == ")":  # "..., the Lisburg Observatory (LOHR) said"
        opening = next((j for j in range(end - 2, max(0, end - 5), -1) if doc[j].text == "("),
                       None)
        end = opening if opening is not None else end
    i = end - 1
    if i < 1 or doc[i].pos_ != "PROPN":
        return None
    while i > 0 and doc[i - 1].text != "," and end - i <= rules.tail_name_max_words:
        i -= 1
    if i == 0 or doc[i - 1].text != ",":
        return None
    span = doc[i:end]
    if not all(t.text[:1].isupper() or t.lower_ in rules.tail_name_joiners for t in span):
        return None
    heads = [t for t in span if not i <= t.head.i < end]
    if len(heads) != 1 or min(t.i for t in heads[0].subtree) != i:
        return None
    return heads[0]


_CLOSERS = ("”", '"')


def after_quote_subject(verb: Token) -> Token | None:
    """The source of "“...,” Maj Gen Jane Doe, who led the airlift, told reporters" when the
    parser hung the name inside the quotation: the name right after the closing mark, set off
    from the verb only by a comma aside."""
    doc = verb.doc
    close = next((t for t in reversed(doc[:verb.i]) if t.text in _CLOSERS), None)
    if close is None:
        return None
    i = close.i + 1
    while i < verb.i and doc[i].text == ",":
        i += 1
    if i >= verb.i or doc[i].pos_ not in ("PROPN", "NOUN", "DET"):
        return None
    name = doc[i]
    while name.dep_ in ("compound", "det") and name.head.i > name.i and name.head.i < verb.i:
        name = name.head
    after = doc[name.i + 1] if name.i + 1 < len(doc) else None
    if after is None or not (after.i == verb.i or after.text == ","):
        return None
    return name if name.pos_ in ("PROPN", "NOUN") else None
