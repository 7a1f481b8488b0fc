"""The day a statement was made, as its sentence names it.

"said on Monday", "said Sunday", "said late Friday", "told reporters Tuesday", "said in a
statement on 3 March", "at a briefing on Thursday", "according to a statement issued on
Wednesday", "disclosed this while speaking to reporters on Monday": the date hangs on the
reporting verb, on the statement it names or on the occasion it was made at, never on the
verb of the event reported ("strikes on Saturday killed 33, the ministry said" names no day
for the statement). A day right beside the reporting verb ("said on Tuesday one person was
killed") dates the statement whichever verb the parser hung it on; a day that is a
possessive ("said Monday's attack") names the event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.doc_cache import columns, ents_of, tokens_of
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.relative_dates import according_object, source_clause
from tollwatch.extract.sources import _STATEMENT_NOUNS
from tollwatch.extract.statement_holders import holder_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["adjacent_date", "cites_statement", "earlier_statement", "rising_toll_verb",
           "statement_date", "tail_verb_date", "toll_day", "verb_date"]


def _phrasal() -> dict[str, tuple[str, ...]]:
    return load_provenance().phrasal_cues


def _is_day(text: str) -> bool:
    """True when ``text`` names a day (not "a bi-weekly briefing", not "10:30am")."""
    return resolve_date(text, "2000-01-01") is not None


def _statement_noun(t: Token) -> bool:
    """True for a noun that names a statement ("statement", "briefing", "figures")."""
    lemma = t.lemma_.lower()
    return lemma in _STATEMENT_NOUNS or lemma in load_date_rules().statement_nouns or \
        t.lower_ in load_date_rules().statement_nouns


def _day_token(t: Token) -> bool:
    return t.ent_type_ in load_date_rules().day_labels


def _subtree_text(t: Token) -> str:
    return " ".join(x.text for x in t.subtree)


def _period(t: Token) -> bool:
    """True for a day marked as a stretch of events ("On Thursday alone, police reported
    ..."), not the day of a statement (``period_words``)."""
    words = load_date_rules().period_words
    return any(x.lower_ in words for x in t.subtree)


def _verb_day(c: Token) -> bool:
    return _day_token(c) and not _period(c) and _is_day(_subtree_text(c))


def verb_date(verb: Token) -> str | None:
    """Text of a date attached to a reporting verb ("said on Monday", "said Sunday"), or to
    the reporting verb whose "with" clause it is ("told the council on Friday, with an aide
    confirming that ...")."""
    found = _own_verb_date(verb)
    head = verb.head
    if found is None and verb.dep_ == "pcomp" and \
            head.lower_ in load_date_rules().joining_preps and head.head.pos_ == "VERB":
        found = _own_verb_date(head.head)
    holder = holder_verb(verb) if found is None else None
    if holder is not None:
        found = _own_verb_date(holder)  # "issued a statement Sunday saying ...": Sunday
    if found is None and verb.dep_ == "ccomp" and \
            head.lemma_.lower() in load_date_rules().saying_verbs:
        # "The group documented 40 killings, it said on Tuesday", "X told reporters on
        # Tuesday that the agency had recorded 412,000 arrivals": the saying's day
        found = _own_verb_date(head)
    return found or _after_inverted_subject(verb)



def _after_inverted_subject(verb: Token) -> str | None:
    """The day that ends a subject after its verb, hung by the parser inside the subject
    ("..., said Ana Ruiz of the regional office on Tuesday": Tuesday is the saying's)."""
    for subj in verb.children:
        if subj.dep_ != "nsubj" or subj.i < verb.i:
            continue
        last = max(t.i for t in subj.subtree)
        for t in subj.subtree:
            if t.dep_ == "prep" and t.lower_ == "on" and t.i > subj.i and \
                    max(x.i for x in t.subtree) == last:
                for p in t.children:
                    if p.dep_ == "pobj" and _verb_day(p):
                        return _subtree_text(p)
    return None


def _own_verb_date(verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ in ("npadvmod", "tmod", "obl", "advmod") and _verb_day(c):
            return _subtree_text(c)
        if c.dep_ == "advmod" and c.lower_ in ("late", "early"):  # "late on Tuesday"
            c = next((g for g in c.children if g.dep_ == "prep" and g.lower_ == "on"), c)
        if c.dep_ == "prep" and c.lower_ in ("on", "in"):
            for p in c.children:
                if p.dep_ == "pobj" and _verb_day(p):
                    return _subtree_text(p)
                # "said in a statement on 3 March", "in a report published on Tuesday"
                if p.dep_ == "pobj" and _statement_noun(p):
                    holders = [p, *(a for a in p.children if a.dep_ == "acl")]
                    for q in (q for h in holders for q in h.children):
                        if q.dep_ == "prep" and q.lower_ == "on":
                            for d in q.children:
                                if d.dep_ == "pobj" and _verb_day(d):
                                    return _subtree_text(d)
    return adjacent_date(verb)


def _entity_at(doc: Doc, i: int) -> Span | None:
    """The day entity that token ``i`` belongs to (without a count the recognizer ran
    into it: "said on Monday 12 soldiers died" is Monday)."""
    labels = load_date_rules().day_labels
    for ent in ents_of(doc):
        if ent.start <= i < ent.end:
            if ent.label_ not in labels:
                return None
            last = ent[-1]
            if len(ent) > 1 and last.like_num and last.dep_ == "nummod" and \
                    not (ent.start <= last.head.i < ent.end) and i < ent.end - 1:
                return doc[ent.start:ent.end - 1]
            return ent
    return None


def _names_a_day(doc: Doc, ent: Span) -> bool:
    if ent.end < len(doc) and doc[ent.end].lower_ in load_date_rules().period_words:
        return False  # "Thursday alone": a stretch of events
    if ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s"):
        return False  # "Monday's attack": the event's day
    if ent.end < len(doc) and doc[ent.end].pos_ in ("NOUN", "PROPN") and \
            doc[ent.end].head.i != ent.root.i:
        return False  # "Sunday night raids"
    return _is_day(ent.text)


def adjacent_date(verb: Token) -> str | None:
    """Text of a day written right beside reporting verb ``verb``: after it, perhaps past
    its listener ("said on Tuesday", "told reporters Tuesday"), or just before it ("X on
    Tuesday said", "X Wednesday reported")."""
    rules = load_date_rules()
    doc = verb.doc
    listeners = {x.i for c in verb.children if c.dep_ in ("dative", "dobj", "iobj")
                 and not any(t.like_num or t.pos_ in ("VERB", "AUX") for t in c.subtree)
                 and len(list(c.subtree)) <= rules.listener_max_words
                 for x in c.subtree}
    j = verb.i + 1
    while j < len(doc) and (doc[j].i in listeners or doc[j].pos_ == "PART" or (
            doc[j].lower_ in rules.verb_day_links and not _day_token(doc[j]))):
        j += 1
    if j < len(doc) and j > verb.i:
        ent = _entity_at(doc, j)
        if ent is not None and ent.start >= verb.i + 1 and _names_a_day(doc, ent):
            return str(ent.text)
    j = verb.i - 1
    while j >= 0 and doc[j].pos_ == "AUX" or (j >= 0 and doc[j].lower_ in ("on",)):
        j -= 1
    if j >= 0:
        ent = _entity_at(doc, j)
        if ent is not None and ent.end == j + 1 and _names_a_day(doc, ent):
            before = doc[ent.start - 1] if ent.start > 0 else None
            if before is None or before.pos_ not in ("ADP", "SCONJ") or before.lower_ == "on":
                return str(ent.text)
    return None


def statement_date(doc: Doc, anchors: list[Token]) -> str | None:
    """Text of a date that dates the statement made at one of ``anchors`` (a reporting verb,
    "according"): attached to it directly or through the statement it names ("at a press
    conference on Monday", "according to a statement issued on Wednesday") or the occasion
    it was made at ("while speaking to reporters on Monday"), never through the verb of the
    event reported ("strikes on Saturday killed 33")."""
    rules = load_date_rules()
    want = {a.i for a in anchors}
    for ent in ents_of(doc):
        if ent.label_ not in rules.day_labels or not _is_day(ent.text) or _period(ent.root):
            continue  # not a day ("a bi-weekly briefing"), or a stretch ("Friday alone")
        if _after_statement_noun(doc, ent):
            return str(ent.text)  # "..., in a video message early Thursday"
        x = ent.root
        published = False  # the day is on the publishing of a report ("released on Friday")
        while x.head.i != x.i:
            x = x.head
            if x.i in want or source_clause(x, want):
                return str(ent.text)  # (or "according to X, which reported on Monday")
            if _day_token(x):
                continue  # "Tuesday" [DATE] "night" [TIME]: one day
            if (x.dep_ == "prep" or x.pos_ == "ADP") and x.lower_ in rules.span_preps:
                break  # "After the July 30 attack, X claimed": the time of events
            if x.dep_ == "prep" or x.pos_ == "ADP" or (_statement_noun(x) and x.pos_ != "VERB"):
                continue
            if x.dep_ == "acl" and _statement_noun(x.head):
                continue  # "a statement issued on Wednesday"
            if x.head.i in want and any(x.lower_ in p for p in _phrasal().values()):
                continue  # "made this known at a briefing on Thursday"
            if x.head.i in want and x.dep_ in ("advcl", "xcomp", "pcomp") and \
                    x.lemma_.lower() in rules.occasion_verbs:
                continue  # "disclosed this while speaking to reporters on Monday"
            if x.dep_ == "acl" and x.lemma_.lower() in rules.occasion_verbs | \
                    rules.publish_verbs and x.head.dep_ in ("nsubj", "nsubjpass") and \
                    x.head.head.i in want:
                return str(ent.text)  # "The governor, speaking to reporters Monday, said"
                #                       "The agency's round, published on 9 May, counts"
            if x.dep_ == "acl" and x.lemma_.lower() in rules.publish_verbs and \
                    x.head.pos_ == "NOUN" and not any(c.dep_ == "nummod"
                                                      for c in x.head.children):
                published = True
                continue  # "the latest report of the agency's unit, released on Friday"
            if published and x.dep_ == "pobj" and x.pos_ in ("NOUN", "PROPN"):
                continue  # (the unit of "... of the agency's unit, released on Friday")
            if x.head.i in want and x.dep_ in ("advcl", "xcomp", "ccomp", "conj", "acl") and \
                    x.lemma_.lower() in rules.publish_verbs and not _puts_people(x):
                continue  # "said in his statement posted on Twitter on Tuesday night" (not
                #           "the army posted 300 soldiers to the town on Sunday")
            if x.head.i in want and x.dep_ == "dobj" and x.pos_ in ("NOUN", "PROPN") and \
                    x.head.lemma_.lower() in rules.announce_verbs:
                continue  # "announced a prisoner exchange on Thursday"
            break
    return None


def _after_statement_noun(doc: Doc, ent: Span) -> bool:
    """True when day ``ent`` follows the statement noun of a phrase "in a message", "at a
    briefing" ("in a video message early Thursday", "at a briefing on Friday"), however the
    parser hung the two; or "according to a statement Monday"."""
    j = ent.start - 1
    if j >= 0 and doc[j].lower_ == "on":
        j -= 1
    if j < 0 or not _statement_noun(doc[j]) or doc[j].dep_ != "pobj" or \
            (doc[j].head.lower_ not in ("in", "at", "during") and not according_object(doc[j])):
        return False  # (also "according to a ministry statement Monday")
    return _names_a_day(doc, ent)


def tail_verb_date(doc: Doc, start: int, verbs: frozenset[str] | set[str]) -> str | None:
    """Text of the day of the first reporting verb at or after character ``start`` (the
    verb of a sentence-final tag, "..., two military sources said Monday")."""
    for t in tokens_of(doc):
        if t.idx >= start and t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs:
            return verb_date(t)
    return None


def cites_statement(doc: Doc, verb_i: int | None) -> bool:
    """True when the reporting verb at ``verb_i`` has a statement for its subject ("the
    statement says", "the report added"): the sentence goes on citing one statement."""
    if verb_i is None:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and _statement_noun(c)
               for c in doc[verb_i].children)


def earlier_statement(doc: Doc, verb_i: int | None) -> bool:
    """True when the reporting verb at ``verb_i`` is put before the statement being reported
    ("said earlier", "Earlier, X said", "had previously reported"), or the statement it (or
    "according to") cites is ("according to an earlier report")."""
    rules = load_date_rules()
    if verb_i is not None and any(c.dep_ == "advmod" and c.lower_ in rules.earlier_words
                                  for c in doc[verb_i].children):
        return True
    # "according to an earlier report", "cited a previous statement"
    anchors = {verb_i} if verb_i is not None else set()
    cols, toks = columns(doc), tokens_of(doc)
    anchors |= {i for i, low in enumerate(cols.lower) if low == "according"}
    nouns = rules.statement_nouns
    for i, lemma in enumerate(cols.lemma):
        # (``_statement_noun`` read from the columns)
        if not (lemma in _STATEMENT_NOUNS or lemma in nouns or cols.lower[i] in nouns):
            continue
        t = toks[i]
        if not any(c.dep_ == "amod" and c.lower_ in rules.earlier_adjectives
                   for c in t.children):
            continue
        x = t
        for _ in range(3):
            if x.head.i == x.i:
                break
            x = x.head
            if x.i in anchors:
                return True
    return False


def toll_day(doc: Doc, token_i: int) -> str | None:
    """Text of the day of a dated toll the figure at ``token_i`` is given in ("up from
    Monday's toll of four dead and 12 injured": the toll given on Monday), or None."""
    rules = load_date_rules()
    x = doc[token_i]
    giving = rules.publish_verbs | rules.announce_verbs | {"report", "give"}
    for c in (*x.children, *(c for t in x.ancestors if t.lemma_.lower() in rules.toll_nouns
                             for c in t.children)):
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.lemma_.lower() in giving:
            return _own_verb_date(c)  # "its earlier toll of 14 given late on Tuesday"
    before = _day_of_toll_before(doc, x)
    if before is not None:  # "rose to 30 on Monday, up from 21 on Sunday"
        return before
    contact = _contact_clause_verb(x, giving)
    if contact is not None:  # "up from 27 it had reported on Tuesday"
        return _own_verb_date(contact)
    for _ in range(rules.toll_reach):
        if x.head.i == x.i:
            return None
        x = x.head
        if x.lemma_.lower() in rules.toll_nouns or x.lower_ in rules.toll_nouns:
            for c in x.children:
                if c.dep_ == "poss" and _day_token(c) and _is_day(c.text):
                    return str(c.text)
            return None
    return None


def _day_of_toll_before(doc: Doc, x: Token) -> str | None:
    """The day right after the figure ``x`` of an earlier toll ("up from 21 on Sunday")."""
    if x.head.lower_ != "from" or x.head.head.lower_ not in ("up", "down"):
        return None
    at = x.i + 1 + (x.i + 1 < len(doc) and doc[x.i + 1].lower_ == "on")
    for ent in ents_of(doc):
        if ent.start == at and ent.label_ in load_date_rules().day_labels and \
                _is_day(ent.text):
            return str(ent.text)
    return None


def rising_toll_verb(doc: Doc, token_i: int) -> Token | None:
    """The verb that brings a toll to the figure at ``token_i`` ("the death toll rose to 23
    on Tuesday": ``rose``), whose day dates the statement, else None."""
    rules = load_date_rules()
    x = doc[token_i]
    for _ in range(3):
        if x.head.i == x.i:
            return None
        x = x.head
        if x.lower_ == "from":
            return None  # "up from 17 a day earlier": the toll before, not the one given
        if x.pos_ in ("VERB", "AUX"):
            break
    if x.lemma_.lower() not in rules.rising_verbs:
        return None
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in rules.rising_subjects
           for c in x.children):
        return x
    return None


def _contact_clause_verb(x: Token, giving: frozenset[str] | set[str]) -> Token | None:
    """The giving verb of a relative clause without "that" right after the figure ("27 it
    had reported on Tuesday", "the 14 they gave on Monday"), which the parser may hang on the
    sentence's verb instead of the figure; None when the figure is followed by anything else."""
    doc = x.doc
    i = x.i + 1
    if i >= len(doc) or doc[i].pos_ != "PRON" or doc[i].dep_ != "nsubj":
        return None
    i += 1
    while i < len(doc) and doc[i].pos_ == "AUX":
        i += 1
    verb = doc[i] if i < len(doc) else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in giving or \
            doc[x.i + 1].head.i != verb.i:
        return None
    return verb


def _puts_people(verb: Token) -> bool:
    """``verb``'s object is counted ("posted 300 soldiers", "gave 40 recruits"): a deed
    done to people, not a statement put out."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.like_num or any(
        n.dep_ == "nummod" for n in c.children)) for c in verb.children)  # ("five were
    #                                                            released on Sunday")
