"""The counted noun of a number and what it says about the people counted: kind (armed,
civilian, neutral), subject text, the phrases that can name their side.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from tollwatch.extract.actors import actor_for, is_armed_group
from tollwatch.extract.doc_cache import ents_of, span_text
from tollwatch.extract.lexicon import Lexicon, load_lexicon

__all__ = ["AGENT_SUFFIX", "DEPLOYABLE", "OF_WORDS", "PEOPLE_ONLY_VERBS", "STATE_ARMED",
           "actor_hints", "armed_words", "counted_noun", "group_of_trigger", "lemma", "other_side_of",
           "owner_of_losses", "person_kind", "singular", "subject_text"]

OF_WORDS = {"of", "the", "its", "their", "his", "her", "our", "those", "these", "them",
             "whom", "which", "all", "were", "was"}


_NP_SKIP_POS = {"ADJ", "PROPN", "NOUN", "NUM", "DET", "PART", "ADV"}


STATE_ARMED = load_lexicon().state_armed  # (the built-in lexicon's; ``people.state_armed``)


_NON_ARMED_BODIES = {"family", "household", "community", "clan", "tribe", "crew", "staff",
                     "parliament", "congregation", "church", "mosque", "team", "union",
                     "press", "public", "opposition", "party", "committee"}
# plural nouns for people by their ending, trusted only with verbs whose objects are people
AGENT_SUFFIX = re.compile(r"(?<=\w{3})(?:er|or|ist|ian|ant|ent|ee|man|men|ster|ary|ite)s?$")  # ("sites": no)


PEOPLE_ONLY_VERBS = {"kill", "injure", "wound", "kidnap", "abduct", "arrest", "detain",
                      "evacuate", "displace", "execute", "massacre", "murder", "jail",
                      "imprison", "hold", "captive", "abducted", "kidnapped", "die",
                      "round", "hurt", "behead", "missing", "flee", "neutralise",
                      "neutralize", "neutralised", "neutralized", "shoot", "slay", "rescue",
                      "free", "liberate", "gun", "deport", "return",
                      "reunite", "release", "hostage",
                      # a group of people named by its metric: "of the dead, two were
                      # visitors"
                      "dead", "victim", "wounded", "injured", "casualty", "fatality"}


DEPLOYABLE = {"troop", "soldier", "serviceman", "servicemen", "personnel", "police",
               "policeman", "policemen", "marine", "paratrooper", "peacekeeper", "reservist",
               "officer", "guard", "man", "men", "fighter"}


_IRREGULAR = {"children": "child", "women": "woman", "schoolchildren": "schoolchild"}


def singular(word: str) -> str:
    """A plain English singular of a plural noun ("casualties" -> "casualty", "children" ->
    "child")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is_person_word(word: str, lex: Lexicon) -> bool:
    return word in lex.people


_NEW_PHRASE = {"the", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
# a day right after the number is the time of the count, not what it counts ("the toll rose
# to 14 Sunday": the parser reads "14 Sunday" as one date)
_DAY_AFTER = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "yesterday", "today", "tonight", "overnight"}


def _time_ago(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Tokens from ``i`` say how long ago: "a year earlier", "two weeks ago", "last week",
    "last Friday" (the lexicon's ``time_ago``)."""
    if i + 1 < len(doc) and doc[i].lower_ in lex.last_words and (
            doc[i + 1].lemma_.lower() in lex.time_spans or doc[i + 1].lower_ in _DAY_AFTER):
        return True
    if i + 2 >= len(doc) or not (doc[i].lower_ in ("a", "an") or doc[i].like_num):
        return False
    return doc[i + 1].lemma_.lower() in lex.time_spans and doc[i + 2].lower_ in lex.ago_words


def _headline_verb(t: Token, lex: Lexicon) -> bool:
    """``t``, tagged a singular noun, is the base form of a metric verb that is no metric
    noun or people noun ("flee" in "250,000 flee into Chad")."""
    low = t.lower_
    return t.tag_ == "NN" and low in lex.metric_verbs and low not in lex.metric_nouns and \
        low not in lex.people


def counted_noun(doc: Doc, span: Span, lex: Lexicon) -> Token | None:
    """The noun the number counts: "300 North Korean soldiers" -> soldiers."""
    i = span.end
    steps = 0
    if i < len(doc) and (doc[i].lower_ in _NEW_PHRASE or doc[i].lower_ in _DAY_AFTER or
                         _time_ago(doc, i, lex)):
        return None  # "rose to 310 from 290 the day before": a new noun phrase, not counted;
        #              "up from 320 a year earlier": the time of the count
    named = _past_a_name(doc, span)
    if named is not None:
        return named
    while i < len(doc) and steps < 7:
        t = doc[i]
        low = t.lower_
        if low in _SEPARATORS and t.whitespace_ and doc[i - 1].whitespace_:
            return None  # a headline's tag after a spaced dash: "kills 40 - mayor"
        if low in OF_WORDS and steps < 4:
            i += 1
            steps += 1
            continue
        if t.dep_ == "poss" and i > span.end and (
                doc[i - 1].lower_ in ("the", "its", "their") or
                (doc[t.left_edge.i - 1].lower_ in OF_WORDS and t.left_edge.i > span.end
                 and t.head.i > t.i and t.head.pos_ == "NOUN" and
                 span.text.lower() != "one")):
            # "one of the army's priorities", "45,000 of the leader's soldiers": the
            # possessor is not what is counted ("one of Jane Doe's advisers" stays no count)
            i += 1
            steps += 1
            continue
        if _hyphen_joined(doc, i):
            # "five sub-inspectors", "three bullet-riddled bodies": the word is one modifier
            # or noun; the noun is its last part
            i += 2
            steps += 1
            continue
        if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "ADJ" and low in lex.people):
            # skip compounds/modifiers that attach to a later noun
            if t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i and \
                    t.head.i - t.i <= 4 and t.head.pos_ in ("NOUN", "PROPN"):
                if t.head.i == t.i + 1 and _headline_verb(t.head, lex) and \
                        singular(t.lemma_.lower()) in lex.people:
                    return t  # "27 insurgents surrender": the verb taken for a noun
                i += 1
                steps += 1
                continue
            if t.lemma_.lower() in lex.trait_nouns and \
                    any(x.lower_ == "of" or x.tag_ == "VBG" for x in doc[span.end:t.i]):
                return None  # "another five of varying ranks", "80 holding senior ranks":
                #              people of a trait
            if _headline_verb(t, lex):
                return None  # "250,000 flee into Chad": a verb the parser took for a noun
            if t.tag_ == "NN" and low in lex.taken_as and i > span.end and \
                    doc[i - 1].tag_ == "NNS":
                return doc[i - 1]  # "had taken five police officers prisoner"
            return t
        if t.pos_ in _NP_SKIP_POS or t.text in ("-", "'s", "’s") or \
                (t.dep_ in ("amod", "compound") and t.head.i > t.i) or \
                (t.text in _OPENING_QUOTES and t.head.i > t.i):  # 37 "terrorists"
            i += 1
            steps += 1
            continue
        if _second_number_shares(doc, span.end, i):
            i += 2  # "100,000 Russian and 100,000 Ukrainian soldiers": the noun after both
            steps += 1
            continue
        return None
    return None


def _past_a_name(doc: Doc, span: Span) -> Token | None:
    """The noun a number counts past a long name of a group with its acronym ("30 Allied
    Democratic Forces (ADF) rebels"): the number's head, when only proper names and
    brackets stand between them."""
    head = span.root.head
    if span.root.dep_ != "nummod" or head.pos_ != "NOUN" or not 4 < head.i - span.end <= 9:
        return None
    between = doc[span.end:head.i]
    if all(t.pos_ == "PROPN" or t.text in ("(", ")", "-") for t in between) and \
            any(t.text == "(" for t in between):
        return head
    return None


_OPENING_QUOTES = ("\"", "“", "‘", "'")
_SEPARATORS = {"-", "–", "—", "|", "--"}


def _second_number_shares(doc: Doc, start: int, i: int) -> bool:
    """Token ``i`` is "and"/"or" between a first number's capitalised adjectives (from
    ``start``) and a second number: "20 Indian and 45 Chinese soldiers"."""
    return i > start and i + 1 < len(doc) and doc[i].lower_ in ("and", "or") and \
        doc[i + 1].like_num and all(t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper()
                                    for t in doc[start:i])


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Token ``i`` is the first part of a hyphenated word the tokenizer split ("sub", "-",
    "inspectors"; "bullet", "-", "riddled")."""
    return i + 2 < len(doc) and doc[i].is_alpha and not doc[i].whitespace_ and \
        doc[i + 1].text == "-" and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha


def person_kind(tok: Token, lex: Lexicon, nationality: bool) -> str | None:
    """'armed', 'civilian', 'neutral', 'metric' or None (not people). Armed people once,
    not now ("former soldiers", "ex-fighters": ``people.former_words``) are neutral."""
    kind = _person_kind(tok, lex, nationality)
    if kind == "armed" and formerly(tok, lex):
        return "neutral"
    return kind


def formerly(tok: Token, lex: Lexicon) -> bool:
    """True when the people ``tok`` names were armed once, not now ("former Iraqi soldiers",
    "ex-fighters")."""
    if tok.i > 1 and tok.nbor(-1).lower_ == "-" and tok.nbor(-2).lower_ in lex.former_words:
        return True
    return any(c.lower_ in lex.former_words for c in tok.lefts)


def _person_kind(tok: Token, lex: Lexicon, nationality: bool) -> str | None:
    lem, low = lemma(tok), tok.lower_
    if lem == "member":
        # "members of the Taliban" are armed; "members of the same family" are not
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in _NON_ARMED_BODIES:
                        return "neutral"
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    if prev == "-" and tok.i > 1:  # "non-combatants": the word the hyphen joins decides
        joined = f"{tok.nbor(-2).lower_}-{lem}"
        if joined in lex.civilian:
            return "civilian"
        if joined in lex.armed:
            return "armed"
    two = f"{prev} {lem}"
    if two in lex.neutral and two not in lex.civilian and two not in lex.armed:
        return "neutral"  # "family members": the two words decide, not "members"
    for w in (two, lem, low, singular(low)):  # (a title-case "Militants" keeps its plural)
        if w in lex.civilian:
            return "civilian"
        if w in lex.armed:
            return "armed"
    if lem in lex.metric_nouns or low in lex.metric_nouns or low in lex.metric_adjectives or \
            singular(low) in lex.metric_nouns:
        return "metric"  # "43 Chinese Casualties" in a headline: a PROPN of the plural
    for w in (two, lem, low):
        if w in lex.neutral:
            return "neutral"
    if nationality:
        return "neutral"
    return None


_LOSS_VERBS = {"lose", "suffer", "sustain", "incur"}


def other_side_of(head: Token, nationality_of: Callable[[str], str | None]) -> Token | None:
    """A conjunct of the counted group that names people of another country."""
    mine = nationality_of(head.text)
    if mine is None:
        return None
    for c in head.children:
        if c.dep_ == "conj":
            other = nationality_of(c.text)
            if other is not None and other != mine:
                return c
    return None


def owner_of_losses(doc: Doc, tok: Token) -> list[str]:
    """"Ukraine had lost 1,500 troops", "Russia has suffered 300,000 casualties": the subject
    of a verb of loss is the side the counted people belong to."""
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            if a.lemma_.lower() in _LOSS_VERBS:
                for c in a.children:
                    if c.dep_ == "nsubj":
                        return [" ".join(t.text for t in c.subtree)]
            return []
    return []


def armed_words(doc: Doc, head: Token | None, owner: list[str], lex: Lexicon) -> bool | None:
    """False (not civilians) when the words around a count that names no kind of people say
    they are armed: a modifier of a general or metric head ("combatant casualties", "US
    service members"), an armed group's name before "men" ("ten Abu Sayyaf men") or the side
    that suffered the losses ("Russian troops suffered 300,000 casualties"); else None."""
    if head is not None and (head.lemma_.lower() in lex.neutral or head.lemma_.lower() in
                             lex.metric_nouns or head.lemma_.lower() == "member"):
        for c in head.children:
            if c.dep_ not in ("compound", "amod") or c.i > head.i:
                continue
            word = c.lemma_.lower()
            if word in lex.armed or word + head.lemma_.lower() in lex.armed:
                return False
    if head is not None and head.lemma_.lower() in lex.armed_group_members:
        mods = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
        if mods:
            group = actor_for(span_text(doc, mods[0].left_edge.i, head.i))
            if group is not None and is_armed_group(group):
                return False  # "ten Abu Sayyaf men"
    for name in owner:
        words = name.lower().split()
        if words and (words[-1] in lex.armed or singular(words[-1]) in lex.armed):
            return False
    return None


def group_of_trigger(doc: Doc, trig_i: int) -> Token | None:
    """The people a metric noun is about: "casualties among X", "deaths of X"."""
    tok = doc[trig_i]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("among", "amongst"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    # "casualty estimates among ...": the metric noun is a compound of the head
    if tok.dep_ == "compound":
        return group_of_trigger(doc, tok.head.i) if tok.head.pos_ == "NOUN" and \
            any(c.dep_ == "prep" for c in tok.head.children) else None
    return None


def subject_text(doc: Doc, span: Span, head: Token | None) -> str | None:
    if head is None:
        return None
    start = span.end
    while start < head.i and (doc[start].lower_ in OF_WORDS or
                              doc[start].text in _OPENING_QUOTES):
        start += 1  # (not the quotation mark of 37 "terrorists")
    cut = next((t.i for t in doc[start:head.i] if _second_number_shares(doc, start, t.i)),
               None)
    if cut is not None:  # "20 Indian and 45 Chinese soldiers": "Indian soldiers"
        return f"{doc[start:cut].text} {head.text}"
    return span_text(doc, start, head.i + 1) if start <= head.i else head.text


def actor_hints(doc: Doc, span: Span, head: Token | None) -> list[str]:
    """Phrases in the counted noun phrase that can name a side."""
    hints: list[str] = []
    if head is None:
        return hints
    np_start = span.end
    np_tokens = [t for t in doc[np_start:head.i + 1]]
    # "members of the Taliban", "soldiers of the 5th brigade"
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    np_tokens.extend(p.subtree)
    for c in head.children:
        if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < span.start and \
                not any(t.like_num for t in doc[max(0, c.i - 3):c.i]):
            # not the modifier of an earlier number ("100 Russian and 90 Ukrainian soldiers")
            np_tokens.extend(c.subtree)
    seen: set[int] = set()
    for ent in ents_of(doc):
        if ent.start < span.start < ent.end:
            continue  # "Chilean and 100,000 Peruvian" read as one name across the number
        if ent.label_ in ("NORP", "GPE", "ORG", "LOC") and ent.start not in seen and any(
                ent.start <= t.i < ent.end for t in np_tokens):
            hints.append(ent.text)
            seen.add(ent.start)
    for t in np_tokens:
        if t.pos_ in ("PROPN", "ADJ", "NOUN") and t.text[:1].isupper():
            hints.append(t.text)
    # multiword modifiers joined
    caps = " ".join(t.text for t in np_tokens if t.text[:1].isupper())
    if caps:
        hints.append(caps)
    hints.append(head.text)
    return hints
