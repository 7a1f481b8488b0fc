"""Find the count claims of one parsed sentence.

For each number mention: reject what cannot count people (dates, ages, percentages, money,
units, things); find the counted noun; find the metric from the trigger words linked to it
(the noun itself, its modifiers, the verb governing it, then the nearest trigger in the same
clause); then the hedge, subject, civilian status and the raw material for the actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.numbers import NumberMention

__all__ = ["RawClaim", "candidate_numbers", "claims_in_sentence"]

_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_CURRENCY = ("$", "€", "£", "¥", "₦", "us$", "usd", "rs", "rs.", "ksh", "sh")
_OF_WORDS = {"of", "the", "its", "their", "his", "her", "our", "those", "these", "them",
             "whom", "which", "all", "were", "was"}
_NP_SKIP_POS = {"ADJ", "PROPN", "NOUN", "NUM", "DET", "PART", "ADV"}
_STATE_ARMED = {"soldier", "troop", "serviceman", "servicemen", "servicemember", "personnel",
                "police", "policeman", "policemen", "officer", "marine", "paratrooper",
                "cadet", "guard", "army", "forces", "pow", "conscript", "reservist",
                "trooper", "jawan", "infantryman", "sailor", "pilot", "commando", "defender"}
_WEAK_ONE = {"one"}
_HARM = {"killed", "injured", "casualties"}
_NON_ARMED_BODIES = {"family", "household", "community", "clan", "tribe", "crew", "staff",
                     "parliament", "congregation", "church", "mosque", "team", "union",
                     "press", "public", "opposition", "party", "committee"}
# plural nouns for people by their ending, trusted only with verbs whose objects are people
_AGENT_SUFFIX = re.compile(r"(?:er|or|ist|ian|ant|ent|ee|man|men|ster|ary|ite)s?$")
_PEOPLE_ONLY_VERBS = {"kill", "injure", "wound", "kidnap", "abduct", "arrest", "detain",
                      "evacuate", "displace", "execute", "massacre", "murder", "jail",
                      "imprison", "hold", "captive", "abducted", "kidnapped", "die",
                      "round", "hurt", "behead", "missing", "flee", "neutralise",
                      "neutralize", "neutralised", "neutralized", "shoot", "slay"}
_DEPLOYABLE = {"troop", "soldier", "serviceman", "servicemen", "personnel", "police",
               "policeman", "policemen", "marine", "paratrooper", "peacekeeper", "reservist",
               "officer", "guard", "man", "men", "fighter"}


@dataclass
class RawClaim:
    mention: NumberMention          # offsets relative to the sentence
    metric: str
    qualifier: str
    subject: str | None
    head: str | None                # lemma of the counted noun
    civilian: bool | None
    actor_hints: list[str] = field(default_factory=list)   # phrases naming the side
    state_armed: bool = False
    armed: bool = False
    inherit: bool = False           # "others", bare number: same group as the claim before
    location: str | None = None
    stance: str = "asserted"
    confidence: float = 0.5
    token_i: int = 0


def candidate_numbers(text: str, numbers: list[NumberMention]) -> list[NumberMention]:
    """Drop numbers that by their surroundings cannot count people."""
    out = []
    low = text.lower()
    for n in numbers:
        after = low[n.end:n.end + 14]
        before = low[max(0, n.start - 12):n.start]
        if re.match(r"(\s*(%|per ?cent|percent|-year|-month|-day|-week|-hour|-km|-mile|:\d)|"
                    r"(st|nd|rd|th)\b|[a-z])", after) and not n.words:
            continue
        if re.match(r"\s*(%|per ?cent|percent|-year|-month|years? old|-for-)", after):
            continue
        if re.match(r"-for-|-\w", after) and not n.words:
            continue
        if re.search(r"(aged|age of|ages of|ages|no\.|number|#|page|article|resolution|"
                     r"chapter|section)\s*$", before):
            continue
        if any(before.rstrip().endswith(c) for c in _CURRENCY):
            continue
        prev_word = re.findall(r"[a-z]+\.?(?=,?$)", before.rstrip())
        next_word = re.findall(r"^\s*([a-z]+)", after)
        if (prev_word and prev_word[0].rstrip(".") in _MONTHS) or \
                (next_word and next_word[0] in _MONTHS):
            continue
        if re.search(r"[A-Z][\w.'’-]+,\s*$", text[max(0, n.start - 30):n.start]) and \
                re.match(r"\s*,", text[n.end:]) and not n.words:
            continue  # an age in apposition: "Jane Doe, 22, a resident"
        v = n.value
        if v is not None and not n.words and 1900 <= v <= 2100 and "," not in n.text:
            continue
        if n.words and n.text.lower() in _WEAK_ONE and re.match(r"\s+(another|of the (day|year|"
                                                                 r"most|first|last|main))",
                                                                after):
            continue
        out.append(n)
    return out


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is_person_word(word: str, lex: Lexicon) -> bool:
    return word in lex.people


def _counted_noun(doc: Doc, span: Span, lex: Lexicon) -> Token | None:
    """The noun the number counts: "300 North Korean soldiers" -> soldiers."""
    i = span.end
    steps = 0
    while i < len(doc) and steps < 7:
        t = doc[i]
        low = t.lower_
        if low in _OF_WORDS and steps < 4:
            i += 1
            steps += 1
            continue
        if t.dep_ == "poss" and i > span.end and doc[i - 1].lower_ in ("the", "its", "their"):
            i += 1  # "one of the army's priorities": the possessor is not what is counted
            steps += 1
            continue
        if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "ADJ" and low in lex.people):
            # skip compounds/modifiers that attach to a later noun
            if t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i and \
                    t.head.i - t.i <= 4 and t.head.pos_ in ("NOUN", "PROPN"):
                i += 1
                steps += 1
                continue
            return t
        if t.pos_ in _NP_SKIP_POS or t.text in ("-", "'s", "’s") or \
                (t.dep_ in ("amod", "compound") and t.head.i > t.i):
            i += 1
            steps += 1
            continue
        return None
    return None


def _person_kind(tok: Token, lex: Lexicon, nationality: bool) -> str | None:
    """'armed', 'civilian', 'neutral', 'metric' or None (not people)."""
    lem, low = _lemma(tok), tok.lower_
    if lem == "member":
        # "members of the Taliban" are armed; "members of the same family" are not
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in _NON_ARMED_BODIES:
                        return "neutral"
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    two = f"{prev} {lem}"
    if two in lex.neutral and two not in lex.civilian and two not in lex.armed:
        return "neutral"  # "family members": the two words decide, not "members"
    for w in (two, lem, low):
        if w in lex.civilian:
            return "civilian"
        if w in lex.armed:
            return "armed"
    if lem in lex.metric_nouns or low in lex.metric_nouns or low in lex.metric_adjectives:
        return "metric"
    for w in (two, lem, low):
        if w in lex.neutral:
            return "neutral"
    if nationality:
        return "neutral"
    return None


@dataclass
class _Trigger:
    start: int   # token index range
    end: int
    metric: str
    kind: str    # verb/noun/adj/phrase


def _triggers(doc: Doc, lex: Lexicon) -> list[_Trigger]:
    out: list[_Trigger] = []
    covered: set[int] = set()
    text_low = doc.text.lower()
    for m in lex.phrase_regex.finditer(text_low):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(i in covered for i in range(span.start, span.end)):
            continue
        out.append(_Trigger(span.start, span.end, lex.phrase_metric[m.group(0)], "phrase"))
        covered.update(range(span.start, span.end))
    for t in doc:
        if t.i in covered:
            continue
        lem, low = _lemma(t), t.lower_
        metric: str | None = None
        kind = ""
        if t.pos_ in ("VERB", "AUX") or t.tag_ in ("VBN", "VBD", "VBG"):
            metric = lex.metric_verbs.get(lem) or lex.metric_adjectives.get(low)
            kind = "verb"
            if lem == "lose" and metric is None:
                metric, kind = "casualties", "lose"
        elif t.pos_ == "NOUN" or t.pos_ == "PROPN":
            metric = lex.metric_nouns.get(lem) or lex.metric_nouns.get(low)
            kind = "noun"
        elif t.pos_ == "ADJ":
            metric = lex.metric_adjectives.get(low) or lex.metric_adjectives.get(lem)
            kind = "adj"
        if metric is None and t.pos_ in ("ADJ", "NOUN") and low in lex.metric_adjectives:
            metric, kind = lex.metric_adjectives[low], "adj"
        if metric:
            out.append(_Trigger(t.i, t.i + 1, metric, kind))
    return out


def _qualifier(text_before: str, text_after: str, lex: Lexicon, mention: NumberMention) -> str:
    if mention.value is None:
        return "range"
    if mention.plus:
        return "min"
    before = re.sub(r"\s+", " ", text_before.lower()).rstrip()
    before = re.sub(r"\b(of|by|to|the|a|nearly about)$", lambda m: m.group(0), before)
    for hedge, qual in lex.qualifiers:
        h = hedge
        if re.search(rf"(?:^|[^\w]){re.escape(h)}(?: of| to| by| at)?$", before):
            return qual
        # one word between: "rose to over", "killed at least"
    after = text_after.lower()
    if re.match(r"\s*(or more|and more|plus|\+)\b", after):
        return "min"
    if re.match(r"\s*(or so|odd)\b", after):
        return "approx"
    return "exact"


def _between_has_number(a: int, b: int, number_tokens: set[int]) -> bool:
    lo, hi = (a, b) if a < b else (b, a)
    return any(lo < i < hi for i in number_tokens)


def _pick_metric(doc: Doc, span: Span, head: Token | None, triggers: list[_Trigger],
                 number_tokens: set[int], lex: Lexicon, armed: bool) -> tuple[str, float, int] | None:
    """(metric, confidence, trigger index) for the number ``span`` counting ``head``."""
    anchor = head if head is not None else span.root
    best: tuple[float, str, int] | None = None
    number_tokens = number_tokens - set(range(span.start, span.end))
    # numbers inside the counted phrase ("10 members including four bombers") do not block
    number_tokens = number_tokens - {t.i for t in anchor.subtree}

    def consider(score: float, trig: _Trigger) -> None:
        nonlocal best
        metric = trig.metric
        if trig.kind == "lose" and not armed:
            metric = "killed"
        if best is None or score > best[0]:
            best = (score, metric, trig.start)

    ancestors: list[Token] = []
    for anc in anchor.ancestors:
        ancestors.append(anc)
        # "250,000 were displaced, while 1.2 million others remain in need": a contrasting
        # clause keeps its own metric, none from the clause it hangs on
        if len(ancestors) == 4 or any(c.dep_ == "mark" and c.lower_ in _CONTRAST
                                      for c in anc.children):
            break
    anc_ids = {a.i: k for k, a in enumerate(ancestors)}
    for trig in triggers:
        ti = trig.start
        # a phrase relates to the rest of the sentence through its syntactic head
        # ("forcibly detained", "taken hostage")
        tok = doc[ti] if trig.end - trig.start == 1 else doc[trig.start:trig.end].root
        if head is not None and trig.start <= head.i < trig.end:
            # a status noun ("hostages", "refugees") yields to a verb of death or injury
            # linked to it: "15 hostages were executed"
            consider(100 if trig.metric in _HARM or trig.kind != "noun" else 84, trig)
            continue
        if span.start <= ti < span.end:
            continue
        if head is None and (ti == span.end or (span.start <= tok.head.i < span.end and
                                                 tok.dep_ in ("acl", "amod", "relcl"))):
            consider(95, trig)  # "150 killed", "more than 200 injured"
            continue
        if head is not None and tok.head.i == head.i and tok.dep_ in ("amod", "compound",
                                                                      "acl", "relcl"):
            consider(92 if tok.dep_ != "relcl" else 85, trig)
            continue
        # a participle after coordinated groups modifies them all: "12 men and 25 others
        # detained by the gunmen"
        if head is not None and tok.dep_ == "acl" and tok.head.dep_ == "conj" and \
                tok.head.head.i == head.i and tok.i > head.i:
            consider(90, trig)
            continue
        # the same where the parser did not see the coordination: "with 6 nurses and 11
        # others forcibly detained" (yields to a verb that governs the first group)
        if head is not None and tok.tag_ in ("VBN", "VBD") and trig.start > head.i + 2 and \
                _second_count_between(doc[head.i + 1:trig.start]):
            consider(87, trig)
            continue
        if tok.i in anc_ids:
            consider(88 - 4 * anc_ids[tok.i], trig)
            continue
        # children of the governing verb: "left four policemen dead", "were killed",
        # "put casualties at 1,500"
        gov_verb = next((a for a in ancestors[:2] if a.pos_ in ("VERB", "AUX")), None)
        if gov_verb is not None and tok.head.i == gov_verb.i and tok.dep_ in (
                "oprd", "acomp", "xcomp", "ccomp", "dobj", "attr", "nsubj", "nsubjpass") \
                and not _between_has_number(tok.i, anchor.i, number_tokens):
            consider(86, trig)
            continue
        # "two children were among 11 people killed": the group shares the metric
        if gov_verb is not None and gov_verb.lemma_ == "be" and any(
                c.dep_ == "prep" and c.lower_ in ("among", "amongst") and
                tok.i in {x.i for x in c.subtree} for c in gov_verb.children):
            consider(75, trig)
            continue
        # a verb coordinated with the governing verb: "shouted ... but was shot and killed"
        if ancestors and trig.kind in ("verb", "phrase"):
            x, hops = tok, 0
            while x.dep_ in ("conj", "xcomp", "advcl") and hops < 3 and x.head.i != x.i:
                x, hops = x.head, hops + 1
                if x.i == ancestors[0].i:
                    break
            if hops and x.i == ancestors[0].i and not _between_has_number(tok.i, anchor.i,
                                                                            number_tokens):
                consider(70 - 2 * hops, trig)
                continue
        # a metric noun as the subject of the verb that takes the number ("toll rose to 60")
        if trig.kind == "noun" and ancestors:
            verb = next((a for a in ancestors if a.pos_ in ("VERB", "AUX")), None)
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] \
                if verb is not None else []
            if any(tok.i in {x.i for x in c.subtree} and anchor.i not in {x.i for x in c.subtree}
                   for c in subjects):
                consider(78, trig)
                continue
        dist = ti - (span.end - 1) if ti >= span.end else span.start - trig.end + 1
        a, b = (span.end - 1, ti) if ti >= span.end else (trig.end - 1, span.start)
        if dist <= 10 and not _between_has_number(a, b, number_tokens):
            between = doc[min(a, b) + 1:max(a, b)]
            if any(t.text in (";", "—", "–", "(", ")") or t.lower_ in ("while", "whereas",
                                                                      "but", "although")
                   for t in between):
                continue
            score = 60.0 - dist
            if ti > span.end and {x.lower_ for x in between[-3:]} & {
                    "were", "was", "been", "are", "is", "got"}:
                score += 3  # passive after the noun: "14 people were killed"
            consider(score, trig)
    if best is None:
        return None
    score, metric, ti = best
    return metric, min(0.95, score / 100.0), ti


_LOSS_VERBS = {"lose", "suffer", "sustain", "incur"}
_CONTRAST = {"while", "whereas", "although", "though"}


def _other_side(head: Token, nationality_of: Callable[[str], str | None]) -> Token | None:
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


_SUBSET_MARKERS = ("including", "includes", "included", "among", "incl")


def _is_subset(doc: Doc, span: Span) -> bool:
    """The number opens a part of a group counted before it: "including (at least) 12"."""
    for t in reversed(doc[max(0, span.start - 4):span.start]):
        if t.lower_ in _SUBSET_MARKERS:
            return True
        if not (t.pos_ in ("ADV", "ADJ", "ADP", "DET") or t.lower_ in ("least", "them")):
            return False
    return False


def _second_count_between(between: Span) -> bool:
    """``between`` is "and|or <number> <group> [adverb]": a second counted group."""
    words = list(between)
    return (2 < len(words) <= 6 and words[0].lower_ in ("and", "or") and
            any(t.like_num for t in words[1:]) and
            all(t.pos_ in ("NUM", "NOUN", "ADJ", "ADV", "DET", "PROPN") for t in words[1:]))
# Armed people who are not authorities: whom they "detain" they abduct.
_NON_STATE_ARMED = {"gunman", "gunmen", "militant", "insurgent", "rebel", "terrorist",
                    "bandit", "kidnapper", "abductor", "jihadist", "jihadi", "militia",
                    "militiaman", "militiamen", "guerrilla", "extremist", "attacker",
                    "assailant", "raider", "gang", "gangster", "separatist"}


def _held_by_armed_group(doc: Doc, trig_i: int) -> bool:
    """The detaining verb's agent ("by the gunmen") is an armed group, not an authority."""
    verb = doc[trig_i]
    if verb.dep_ == "advmod":  # "forcibly detained": the adverb's head is the verb
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in _NON_STATE_ARMED or
                                           obj.lower_ in _NON_STATE_ARMED):
                    return True
    return False


def _owner_of_losses(doc: Doc, tok: Token) -> list[str]:
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


def _group_of_trigger(doc: Doc, trig_i: int) -> Token | None:
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
        return _group_of_trigger(doc, tok.head.i) if tok.head.pos_ == "NOUN" and \
            any(c.dep_ == "prep" for c in tok.head.children) else None
    return None


def _subject_text(doc: Doc, span: Span, head: Token | None) -> str | None:
    if head is None:
        return None
    start = span.end
    while start < head.i and doc[start].lower_ in _OF_WORDS:
        start += 1
    return doc[start:head.i + 1].text if start <= head.i else head.text


def _actor_hints(doc: Doc, span: Span, head: Token | None) -> list[str]:
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
        if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < span.start:
            np_tokens.extend(c.subtree)
    seen: set[int] = set()
    for ent in doc.ents:
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


def _location(doc: Doc, span: Span) -> str | None:
    best: tuple[int, str] | None = None
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.start > 0 and \
                doc[ent.start - 1].lower_ in ("in", "at", "near", "outside", "from", "across",
                                              "around", "on"):
            d = abs(ent.start - span.start)
            if best is None or d < best[0]:
                best = (d, ent.text)
    return best[1] if best else None


def _stance(doc: Doc, tok: Token, lex: Lexicon) -> str:
    for a in [tok, *tok.ancestors]:
        lem = a.lemma_.lower()
        if lem in lex.denial and a.pos_ in ("VERB", "ADJ"):
            return "denied"
        if lem in lex.denial_objects and a.pos_ == "NOUN":
            for x in a.ancestors:
                if x.lemma_.lower() in lex.denial:
                    return "denied"
    for a in [tok, *tok.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in a.children):
            return "hypothetical"
        if a.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in
                                             ("could", "would", "might") for c in a.children):
            return "hypothetical"
    return "asserted"


def claims_in_sentence(doc: Doc, mentions: list[NumberMention], lex: Lexicon,
                       nationality_of: Callable[[str], str | None]) -> list[RawClaim]:
    """The claims of one parsed sentence ``doc`` given its number ``mentions``."""
    spans: list[tuple[NumberMention, Span]] = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            spans.append((m, span))
    if not spans:
        return []
    triggers = _triggers(doc, lex)
    number_tokens: set[int] = set()
    analysed = []
    for m, span in spans:
        head = _counted_noun(doc, span, lex)
        kind = None
        if head is not None:
            comp = " ".join(t.text for t in doc[span.end:head.i + 1]
                            if t.dep_ == "compound" or t.i == head.i)
            nat = head.text[:1].isupper() and (nationality_of(head.text) is not None or
                                               nationality_of(comp) is not None)
            kind = _person_kind(head, lex, nat)
            if kind is None and head.tag_ == "NNS" and _AGENT_SUFFIX.search(head.lower_) and \
                    head.lemma_.lower() not in lex.units_not_people:
                kind = "agent"  # "engineers", "smugglers": people if the verb says so
            if kind is None and (head.lemma_.lower() in lex.units_not_people or
                                 head.pos_ in ("NOUN", "PROPN")):
                continue  # counts things
        elif m.words and m.text.lower() == "one":
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is None or nxt.lower_ not in ("of",) and not (
                    span.start > 0 and doc[span.start - 1].pos_ == "VERB"):
                continue
        number_tokens.update(range(span.start, span.end))
        analysed.append((m, span, head, kind))
    out: list[RawClaim] = []
    for m, span, head, kind in analysed:
        armed = kind == "armed"
        picked = _pick_metric(doc, span, head, triggers, number_tokens, lex, armed)
        subset = bool(out) and _is_subset(doc, span)
        if picked is None and subset:
            # "killed 35 people overnight, including 12 children": part of the group
            # counted before it, with that group's metric (and side)
            picked = (out[-1].metric, 0.6, span.start)
        if picked is None and armed and head is not None and head.dep_ == "nsubj" and \
                head.head.lemma_.lower() in lex.fighting_verbs:
            picked = ("deployed", 0.5, head.head.i)  # "some 300 gunmen stormed the town"
        if picked is None:
            # "900 troops to the border": state forces counted with no other metric are
            # most often a deployment; other armed groups are not guessed
            if not (armed and head is not None and head.lemma_.lower() in _DEPLOYABLE):
                continue
            picked = ("deployed", 0.35, span.start)
        metric, conf, trig_i = picked
        if kind == "agent":
            if doc[trig_i].lemma_.lower() not in _PEOPLE_ONLY_VERBS:
                continue  # "captured 12 launchers" counts things
            kind = "neutral"
            conf *= 0.8
        if head is None:
            # "casualties among North Korean forces have passed 3,000": the group is named
            # beside the metric noun, not beside the number
            group = _group_of_trigger(doc, trig_i)
            if group is not None:
                head = group
                nat = group.text[:1].isupper() and nationality_of(group.text) is not None
                kind = _person_kind(group, lex, nat) or kind
                armed = kind == "armed"
        if metric == "abducted" and kind == "armed":
            metric = "captured"  # fighters "taken captive" are prisoners of an armed side
        if metric == "detained" and _held_by_armed_group(doc, trig_i):
            metric = "abducted"  # "detained by the gunmen": not held by authorities
        if kind == "metric" and head is not None:
            conf = max(conf, 0.8)
        if head is None:
            conf *= 0.8
        before = doc.text[:m.start]
        after = doc.text[m.end:]
        qual = _qualifier(before, after, lex, m)
        civ: bool | None = None
        lem = head.lemma_.lower() if head is not None else None
        if kind == "civilian":
            civ = True
        elif kind == "armed":
            civ = False
        if head is not None and civ is None:
            np_text = doc[span.end:min(len(doc), head.i + 3)].text.lower()
            if "civilian" in np_text:
                civ = True
            elif any(w in np_text for w in ("prisoners of war", "pows", "soldier", "troop")):
                civ = False
        if head is not None and head.lower_ in ("pows", "pow"):
            civ = False
        owner = _owner_of_losses(doc, head if head is not None else span.root)
        subj = _subject_text(doc, span, head) if head is None or head.i > span.start \
            else " ".join(t.text for t in doc[head.left_edge.i:head.i + 1])
        inherit = subset or head is None or (lem in ("other", "others") if lem else False)
        hints = (_actor_hints(doc, span, head) if head is None or head.i > span.start
                 else [" ".join(t.text for t in doc[head.left_edge.i:head.i + 1]),
                       *(t.text for t in doc[head.left_edge.i:head.i + 1])]) + owner
        other_side = _other_side(head, nationality_of) if head is not None else None
        if other_side is not None and head is not None:
            # "390 Russians and Ukrainians": people of two sides, counted together
            hints = []
            subj = doc[head.i:other_side.i + 1].text
        out.append(RawClaim(
            mention=m, metric=metric, qualifier=qual, subject=subj, head=lem,
            civilian=civ, actor_hints=hints,
            state_armed=bool(lem and lem in _STATE_ARMED), armed=armed, inherit=inherit,
            location=_location(doc, span), stance=_stance(doc, span.root, lex),
            confidence=round(conf, 3), token_i=span.root.i,
        ))
    return out
