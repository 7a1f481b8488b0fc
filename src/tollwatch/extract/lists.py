"""Breakdowns and lists: the figures of one list share the list's metric.

"53 people were killed, 49 gendarmes and four civilians"; "Of the injured, 12 were local, one
was foreign"; "25 were soldiers, six of whom were officers"; "1,300 reservists, 27,000
students and 13,000 volunteers were called up". A figure that finds no metric of its own takes
it from the figure it is listed with (same chain of coordinations and appositions), from the
group a relative partitive refers to ("of whom"), or from a sentence opener that names the
group ("Of the dead, ...", "Among those arrested, ...").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from tollwatch.extract.doc_cache import text_of
from tollwatch.extract.metric import Trigger

__all__ = ["chain_root", "fill_from_lists", "is_list_item", "listed_with_people"]

Pick = tuple[str, float, int]

_PARTITIVE = re.compile(r"^\s*(?:of|among)\s+(?:whom|them|those|these|which)\b", re.IGNORECASE)
_UP_FROM = re.compile(r"\b(?:up|down|rising|falling|revised)\s+from\s+(?:an?\s+|the\s+)?"
                      r"(?:earlier\s+|previous\s+|initial\s+)?(?:(?:toll|figure|count|"
                      r"tally)\s+of\s+)?(?:nearly\s+|about\s+|around\s+|some\s+|almost\s+|"
                      r"roughly\s+|more\s+than\s+|at\s+least\s+)?$", re.IGNORECASE)
_OPENER_WORDS = {"of", "among", "amongst"}
# words that may come before a sentence's opening figure ("At least 20 of them ...")
_LEAD_HEDGES = {"at", "least", "about", "some", "around", "nearly", "almost", "more", "than",
                "over", "roughly", "and", "but", "so", "also", "only", "just", "up", "to"}
_LIST_LINKS = {"conj", "appos"}
_PEOPLE_MODIFIERS = {"personnel", "troop", "infantry", "passenger", "fighting"}


def chain_root(tok: Token) -> int:
    """The first member of the coordination/apposition chain ``tok`` belongs to."""
    hops = 0
    while tok.dep_ in _LIST_LINKS and tok.head.i != tok.i and hops < 12:
        tok, hops = tok.head, hops + 1
    return tok.i


def _anchor(span: Span, head: Token | None) -> Token:
    return head if head is not None else span.root


def is_list_item(doc: Doc, span: Span, earlier: bool) -> bool:
    """The number follows a list separator ("..., and one in the port") after other figures."""
    return earlier and span.start > 0 and doc[span.start - 1].lower_ in (",", "and", "or", ";")


# plural nouns that can name people by their ending ("entrepreneurs", "representatives")
_PERSON_ENDING = re.compile(r"(?<=\w{3})(?:er|or|ist|ian|ant|ent|ee|man|men|ster|ary|ite|eur|ive)s$|(?:ar|or)ies$")


def listed_with_people(tok: Token, people_heads: list[Token]) -> bool:
    """``tok`` (a plural noun of unknown kind, with an ending of people) is coordinated with
    a noun that names people: "1,300 officials, 27,000 entrepreneurs and 13,000 volunteers";
    not "300 servicemen, 15 tanks" nor "98 personnel carriers"."""
    if not _PERSON_ENDING.search(tok.lower_) or any(
            c.dep_ == "compound" and c in people_heads for c in tok.children):
        return False
    if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _PEOPLE_MODIFIERS
           for c in tok.children):
        return False
    root = chain_root(tok)
    return any(p.i != tok.i and chain_root(p) == root for p in people_heads)


def _opener(doc: Doc, triggers: list[Trigger], prev_metric: str | None) -> Pick | None:
    """"Of the civilian victims, ...", "Among those arrested, ...": the group the sentence
    breaks down, and its metric; "Among them ..." breaks down the figure before."""
    k = 0
    while k < len(doc) and (doc[k].is_space or doc[k].is_punct):
        k += 1
    if k >= len(doc) or doc[k].lower_ not in _OPENER_WORDS:
        return None
    if prev_metric is not None and k + 1 < len(doc) and \
            doc[k + 1].lower_ in ("them", "those", "these", "whom") and \
            (k + 2 >= len(doc) or doc[k + 2].pos_ in ("AUX", "VERB", "PUNCT")):
        return prev_metric, 0.55, k
    comma = next((t.i for t in doc[k + 1:k + 10] if t.text in (",", ":")), None)
    if comma is None:
        return None
    inside = [tr for tr in triggers if k < tr.start < comma]
    if not inside:
        return None
    return inside[-1].metric, 0.6, inside[-1].start


def _among_them(span: Span, head: Token | None) -> bool:
    """"40 children were among them": the figure is a part of the group counted before."""
    tok = head if head is not None else span.root
    verb = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "prep" and c.lower_ in ("among", "amongst") and any(
            g.dep_ == "pobj" and g.lower_ in ("them", "those", "these") for g in c.children)
        for c in verb.children)


def _opens_clause(doc: Doc, span: Span) -> bool:
    """The figure opens its sentence, or the clause a reporting verb introduces ("He added
    that 19 of them were women"): only hedges, or a verb's own words and "that", before it."""
    before = [t for t in doc[:span.start] if t.is_alpha and t.lower_ not in _LEAD_HEDGES]
    if not before:
        return True
    clause, hops = span.root, 0
    while clause.dep_ not in ("ccomp", "ROOT") and hops < 4:
        clause, hops = clause.head, hops + 1
    if clause.dep_ != "ccomp" or clause.head.pos_ != "VERB":
        return False
    return all(t.i < clause.left_edge.i or t.lower_ == "that" for t in before) and \
        not any(t.like_num for t in doc[:clause.left_edge.i])


def _joined(doc: Doc, a: Span, b: Span) -> bool:
    """"1,650 and 1,949 troops", "20 Indian and 45 Chinese soldiers": two numbers joined by
    "and"/"or" (the first with at most two adjectives of its own) share the noun after."""
    if b.start <= a.end or b.start - a.end > 3 or doc[b.start - 1].lower_ not in ("and", "or"):
        return False
    return all(t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper()
               for t in doc[a.end:b.start - 1])


def _moved(doc: Doc, a: Span, b: Span) -> bool:
    """"from 246 last year to 368", "rose to 310 from 290": two figures of one tally that
    moved (a "from" figure and a "to" figure a few words apart) share its metric."""
    def word_before(s: Span) -> str:
        return doc[s.start - 1].lower_ if s.start > 0 else ""
    if abs(a.start - b.start) > 12:
        return False
    return {word_before(a), word_before(b)} == {"from", "to"} and \
        not any(t.lower_ in ("between", "ranging", "range") for t in
                doc[max(0, min(a.start, b.start) - 3):min(a.start, b.start)])


def _in_brackets_after_name(doc: Doc, span: Span) -> bool:
    """"Northland (6 215)": the number alone in brackets right after a proper name."""
    return (span.start >= 2 and span.end < len(doc) and doc[span.start - 1].text == "(" and
            doc[span.end].text == ")" and doc[span.start - 2].pos_ == "PROPN")


def fill_from_lists(doc: Doc, items: list[tuple[Span, Token | None]],
                    picks: list[Pick | None], triggers: list[Trigger],
                    prev_metric: str | None = None) -> list[Pick | None]:
    """``picks`` with the figures that found no metric given their list's (``prev_metric``:
    that of the figure before the sentence, for "Among them, ...")."""
    out = list(picks)
    roots = [chain_root(_anchor(span, head)) for span, head in items]
    num_roots = [chain_root(span.root) for span, _ in items]
    opener = _opener(doc, triggers, prev_metric)
    for _ in range(2):  # a second pass carries a metric along a chain filled in the first
        for k, (span, _head) in enumerate(items):
            if out[k] is not None:
                continue
            after = text_of(doc)[span.end_char:]
            if k > 0 and _UP_FROM.search(text_of(doc)[max(0, span.start_char - 28):
                                                      span.start_char]):
                prior = next((out[j] for j in range(k - 1, -1, -1) if out[j] is not None), None)
                if prior is not None:  # "40 dead, up from nine on Tuesday": the same tally
                    out[k] = (prior[0], prior[1] * 0.9, prior[2])
                    continue
            if k > 0 and _PARTITIVE.match(after):
                prior = next((out[j] for j in range(k - 1, -1, -1) if out[j] is not None), None)
                if prior is not None:
                    out[k] = (prior[0], prior[1] * 0.9, prior[2])
                    continue
            if k == 0 and prev_metric is not None and (_PARTITIVE.match(after) or
                                                       _among_them(span, _head)) and \
                    _opens_clause(doc, span):
                # "At least 20 of them are children.": a part of the figure before
                out[k] = (prev_metric, 0.55, span.start)
                continue
            partner = next((out[j] for j in range(len(items)) if j != k and out[j] is not None
                            and (roots[j] == roots[k] or num_roots[j] == num_roots[k] or
                                 _joined(doc, span, items[j][0]) or
                                 _moved(doc, span, items[j][0]))), None)
            if partner is not None:
                out[k] = (partner[0], partner[1] * 0.9, partner[2])
                continue
            if opener is not None and span.start > opener[2]:
                out[k] = opener
                continue
            if _in_brackets_after_name(doc, span):
                # "deaths were highest in Northland (6 215), Eastvale (4 120)": a figure
                # in brackets after a name takes the sentence's metric, when it has one
                metrics = {t.metric for t in triggers}
                if len(metrics) == 1:
                    first = triggers[0]
                    out[k] = (first.metric, 0.6, first.start)
    return out
