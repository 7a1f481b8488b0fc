"""Shapes of a sentence that change what a trigger word counts: a status word on the group
a part is taken from ("five of the missing soldiers were found dead"), a fate said to be
unknown ("the fate of 40 others is unknown": missing), a list of metrics sharing one figure
("862 people were killed, injured, abducted or displaced": no claim of any one), and two
verbs of two metrics done to one group ("were abducted and later killed": a claim of each).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from tollwatch.extract.metric import Trigger

from tollwatch.extract.lexicon import Lexicon

__all__ = ["HARM", "fate_unknown", "joined_metric", "mixed_metrics", "partitive_status"]

HARM = {"killed", "injured", "casualties"}


def mixed_metrics(doc: Doc, ti: int, triggers: list[Trigger], number_tokens: set[int]) -> bool:
    """The trigger at ``ti`` is one of a list of metrics that share one figure ("were killed,
    injured, abducted or displaced"; "dead, wounded or missing"): the figure is a total of
    several metrics, no claim of any one ("killed and injured" alone is casualties)."""
    by_token = {t.start: t.metric for t in triggers if t.end - t.start == 1}
    if ti not in by_token:
        return False
    metrics, items, joined_by_or = {by_token[ti]}, 1, False
    for step in (1, -1):
        j, sep = ti + step, False
        while 0 <= j < len(doc) and j not in number_tokens:
            t = doc[j]
            if t.text == "," or t.lower_ in ("and", "or"):
                sep = True
                joined_by_or = joined_by_or or t.lower_ == "or"
            elif sep and j in by_token:
                metrics.add(by_token[j])
                items, sep = items + 1, False
            else:
                break
            j += step
    if len(metrics) < 2 or metrics <= HARM:
        return False
    return items >= 3 or joined_by_or


def fate_unknown(noun: Token, lex: Lexicon) -> bool:
    """The clause of ``noun`` ("fate") says it is not known: "... is unknown", "remains
    unclear", "is not known"."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.i == noun.i:
        return False
    negated = any(c.dep_ == "neg" for c in verb.children)
    if negated and f"not {verb.lower_}" in lex.unknown_states:
        return True  # "the fate of 25 crew members is not known"
    for c in verb.children:
        if c.dep_ not in ("acomp", "attr", "oprd", "xcomp"):
            continue
        words = {c.lower_} | ({f"not {c.lower_}"} if negated or any(
            g.dep_ == "neg" for g in c.children) else set())
        if words & lex.unknown_states:
            return True
    return False


def partitive_status(doc: Doc, span: Span, head: Token | None,
                     triggers: list[Trigger]) -> Trigger | None:
    """The trigger word on the group a partitive number is part of ("five of the missing
    soldiers", "two of the injured workers"), else None."""
    if head is None or span.end >= len(doc) or doc[span.end].lower_ != "of":
        return None
    for trig in triggers:
        if trig.end - trig.start != 1:
            continue
        tok = doc[trig.start]
        if span.end < tok.i < head.i and tok.head.i == head.i and tok.dep_ in ("amod",
                                                                             "compound"):
            return trig
    return None


_BETWEEN_VERBS = {"and", "later", "then", "subsequently", "eventually", "were", "was", "had",
                  "been", "have", "has", "got"}


def joined_metric(doc: Doc, ti: int, triggers: list[Trigger],
                  number_tokens: set[int]) -> Trigger | None:
    """The trigger of another metric that the verb at ``ti`` is joined to by "and" with no
    figure of its own ("two soldiers were wounded and captured", "were abducted and later
    killed"): the same people counted in both; killed and injured alone are casualties."""
    by_token = {t.start: t for t in triggers if t.end - t.start == 1}
    if ti not in by_token or doc[ti].pos_ not in ("VERB", "AUX"):
        return None
    for step in (1, -1):
        j, joined = ti + step, False
        while 0 <= j < len(doc) and j not in number_tokens and doc[j].lower_ in _BETWEEN_VERBS:
            joined = joined or doc[j].lower_ == "and"
            j += step
        other = by_token.get(j)
        if not joined or other is None or doc[j].pos_ not in ("VERB", "AUX") or \
                other.metric == by_token[ti].metric or {other.metric, by_token[ti].metric} <= HARM:
            continue
        after = j + 1 if step == 1 else ti + 1
        if after < len(doc) and doc[after].lower_ in (",", "or"):
            continue  # a longer list (see mixed_metrics)
        return other
    return None


def in_other_clause(tok: Token, anchor: Token, number_i: int) -> bool:
    """``tok`` lies in a relative clause on another noun than ``anchor`` that does not hold
    the number: "Three of them were wanted for a bombing that killed 22 worshippers" (the
    bombing's clause counts its own dead, not the three)."""
    x, hops = tok, 0
    while hops < 4 and x.head.i != x.i:
        if x.dep_ == "relcl":
            return x.head.i != anchor.i and not (x.left_edge.i <= number_i <= x.right_edge.i)
        x, hops = x.head, hops + 1
    return False


def number_follows(doc: Doc, i: int) -> bool:
    """A number comes right after token ``i`` (a hedge of up to two words between)."""
    for t in doc[i + 1:i + 4]:
        if t.like_num:
            return True
        if t.pos_ not in ("ADV", "ADP", "ADJ", "DET"):
            return False
    return False


def next_word(text: str, at: int) -> str:
    """The word that starts after offset ``at`` of ``text`` (past spaces), or ""."""
    m = _WORD.match(text, at)
    return m.group(1) if m else ""


_WORD = re.compile(r"\s*(\w+)")


def forced_out(verb: Token) -> bool:
    """A verb that drives its object "from" or "out of" a place: "forced some 700,000
    people from camps and homes", "drove 3,000 families out of the valley"."""
    return any(c.dep_ == "dobj" for c in verb.children) and any(
        (c.dep_ == "prep" and c.lower_ == "from") or
        (c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "out") for c in verb.children)


def taken_from(verb: Token) -> bool:
    """A verb of taking with people for its object, taken "from" somewhere or "away": "they
    took 12 girls from the camp", "took away 30 men", "61 students were taken from the
    school" (a captivity cue in a text about people held: ``captivity.taking_verbs``)."""
    return any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children) and any(
        (c.dep_ == "prep" and c.lower_ == "from") or
        (c.dep_ in ("prt", "advmod") and c.lower_ == "away") for c in verb.children)


def counts_another(tok: Token, span: Span) -> bool:
    """``tok`` is a status noun another figure counts ("21 hostages and four soldiers died":
    "hostages" counts 21, not the four soldiers): no trigger for ``span``'s figure."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "nummod" and not span.start <= c.i < span.end
                                      for c in tok.children)


_NOT_BEFORE = re.compile(r"\b(?:not|never|n't|yet to)\s+$")


def negated_before(text_low: str, start: int) -> bool:
    """The words right before offset ``start`` negate what follows ("have not returned
    home": no return from captivity)."""
    return _NOT_BEFORE.search(text_low[max(0, start - 20):start]) is not None
