"""The qualifier (hedge), stance and location of a claim from the words around its number.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from tollwatch.extract.doc_cache import columns, ents_of
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.numbers import NumberMention

__all__ = ["location", "qualifier", "stance"]


_SPACES = re.compile(r"\s+")
_REACH: dict[int, tuple[Lexicon, int]] = {}


def _reach(lex: Lexicon) -> int:
    """How far back from the end of a text a match of ``lex.qualifier_regex`` can start."""
    got = _REACH.get(id(lex))
    if got is None or got[0] is not lex:
        longest = max((len(h) for h, _ in lex.qualifiers), default=0)
        got = _REACH[id(lex)] = (lex, longest + 1 + len(" of"))
    return got[1]


def qualifier(text_before: str, text_after: str, lex: Lexicon, mention: NumberMention) -> str:
    if mention.value is None:
        return "range"
    if mention.plus:
        return "min"
    # hedges are short: only the end of the text before the number matters
    before = _SPACES.sub(" ", text_before[-80:].lower()).rstrip()
    # (a match ends the text: it starts no further back than one character, the longest
    # hedge and " of"; ``^`` still matches only at the real start)
    m = lex.qualifier_regex.search(before, max(0, len(before) - _reach(lex)))
    if m is not None:
        return lex.qualifier_of[m.group("h")]
    after = text_after.lower()
    if re.match(r"\s*(or more|and more|plus|\+)\b", after):
        return "min"
    if re.match(r"\s*(or so|odd)\b", after):
        return "approx"
    return "exact"


def location(doc: Doc, span: Span) -> str | None:
    """The place of the figure ``span``: the proper name right after it ("12 in neighbouring
    Kan Gyi"), else the place entity nearest it after a preposition, else a line's label."""
    own = _own_place(doc, span)
    if own is not None:
        return own
    best: tuple[int, str] | None = None
    for ent in ents_of(doc):
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.start > 0 and \
                doc[ent.start - 1].lower_ in ("in", "at", "near", "outside", "from", "across",
                                              "around", "on"):
            d = abs(ent.start - span.start)
            if best is None or d < best[0]:
                best = (d, _glued(doc, ent.start, ent.end))
    return best[1] if best else _label_place(doc, span)


def _glued(doc: Doc, start: int, end: int) -> str:
    """The text of tokens ``start:end`` run on over the hyphened words glued to them: the
    recognizer stops "Saint-Louis-du-Nord" at "Saint-Louis"; and over a place entity right
    after it, which the recognizer split off ("DR" and "Congo" of "DR Congo")."""
    while end < len(doc) and doc[end].ent_iob_ == "B" and doc[end].ent_type_ in \
            ("GPE", "LOC") and doc[end - 1].whitespace_ == " ":
        end += 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    while end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and \
            doc[end].text in ("-", "‑") and doc[end].whitespace_ == "" and \
            doc[end + 1].is_alpha:
        end += 2
    return doc[start:end].text


_NOT_PLACES = ("DATE", "TIME", "NORP", "EVENT")  # (the recognizer often calls a village a person)


def _own_place(doc: Doc, span: Span) -> str | None:
    """The proper name "in" or "at" right after the figure names ("29 in Ywa Thit and 12 in
    neighbouring Kan Gyi"; one adjective may come between), when no entity says it is no
    place ("12 in January" is a date)."""
    i = span.end
    if i >= len(doc) or doc[i].lower_ not in ("in", "at"):
        return None
    i += 1
    if i < len(doc) and doc[i].pos_ in ("ADJ", "VERB") and doc[i].text.islower():
        i += 1  # "neighbouring", "northern"
    j = i
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in _NOT_PLACES:
        j += 1
    return doc[i:j].text if j > i else None


def _label_place(doc: Doc, span: Span) -> str | None:
    """The place a line's label names before a colon, for the figures after it: "Songoro: 23
    killed, 9 injured" (proper names or a place entity, not a source's role word)."""
    words = [t for t in doc[:5] if not t.is_space]
    while words and words[0].is_punct:
        words.pop(0)
    colon = next((j for j, t in enumerate(words) if t.text == ":"), None)
    if not colon or words[colon].i >= span.start:
        return None
    label = words[:colon]
    places = {t.i for e in ents_of(doc) if e.label_ in ("GPE", "LOC", "FAC") for t in e}
    if not all(t.pos_ == "PROPN" or t.i in places for t in label) or \
            any(t.ent_type_ in ("ORG", "PERSON", "NORP") for t in label):
        return None
    return doc[label[0].i:label[-1].i + 1].text


_SAYING = {"say", "add", "tell", "state", "explain", "insist", "claim"}


def stance(doc: Doc, tok: Token, lex: Lexicon) -> str:
    # (read from the columns: ``line`` is ``[tok, *tok.ancestors]`` by index)
    cols = columns(doc)
    lemma, pos, heads = cols.lemma, cols.pos, cols.head
    line = [tok.i]
    while heads[line[-1]] != line[-1] and len(line) <= len(heads):
        line.append(heads[line[-1]])
    for k, a in enumerate(line):
        lem = lemma[a]
        if k and lem in _SAYING and pos[a] == "VERB" and not (
                lem in lex.denial_objects and _bare_verb(doc[a])):
            break  # "denied the raid, saying it had killed 30": what it says, not denies
        if lem in lex.denial and pos[a] in ("VERB", "ADJ"):
            return "denied"
        if lem in lex.denial_objects and (pos[a] == "NOUN" or _bare_verb(doc[a])):
            for x in line[k + 1:]:
                if lemma[x] in lex.denial:
                    return "denied"
            if _called_false(doc[a], lex):
                return "denied"  # "claims that 40 were captured were untrue"
    ifs, modals = _conditions(doc)
    for a in line:
        if a in ifs:
            return "hypothetical"
        if pos[a] in ("VERB", "AUX") and a in modals:
            return "hypothetical"
    return "asserted"


def _bare_verb(t: Token) -> bool:
    """A report noun the parser took for a verb: no subject ("said claims that ...")."""
    return t.pos_ == "VERB" and t.tag_ in ("VBZ", "NNS") and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)


def _called_false(t: Token, lex: Lexicon) -> bool:
    """The report ``t`` is said to be false by the "be" after it: "reports that 300 died were
    false" (the "be" its head, or the parser's sibling of it)."""
    for be in (t.head, *t.head.children):
        if be.lemma_ == "be" and be.i > t.i and any(
                c.dep_ in ("acomp", "attr") and c.lemma_.lower() in lex.denial
                for c in be.children):
            return True
    return False


def _conditions(doc: Doc) -> tuple[set[int], set[int]]:
    """The tokens with a child "if"/"unless" as a mark, and those with a child "could",
    "would" or "might" as an auxiliary (once per sentence)."""
    got: tuple[set[int], set[int]] | None = doc.user_data.get("tw_conditions")
    if got is None:
        cols = columns(doc)
        ifs, modals = set(), set()
        for j, h in enumerate(cols.head):
            if h == j:
                continue
            if cols.dep[j] == "mark" and cols.lower[j] in ("if", "unless"):
                ifs.add(h)
            elif cols.dep[j] == "aux" and cols.lower[j] in ("could", "would", "might"):
                modals.add(h)
        got = doc.user_data["tw_conditions"] = (ifs, modals)
    return got
