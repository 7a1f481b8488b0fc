"""Which metric a number is counted in: the trigger words of a sentence and the one linked to
the number (its noun, modifiers, governing verb, then the nearest in the same clause).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from tollwatch.extract.counted import lemma, singular
from tollwatch.extract.doc_cache import columns, in_subtree, text_of, tokens_of
from tollwatch.extract.lexicon import Lexicon, load_lexicon
from tollwatch.extract.losses import attrition
from tollwatch.extract.metric_cues import (
    HARM,
    counts_another,
    fate_unknown,
    forced_out,
    in_other_clause,
    mixed_metrics,
    negated_before,
    next_word,
    number_follows,
    partitive_status,
    taken_from,
)
from tollwatch.extract.metric_index import marked_heads, phrase_finder, trigger_keys

__all__ = ["CONTRAST", "HARM", "NON_STATE_ARMED", "Trigger", "between_has_number",
           "find_triggers", "is_subset", "pick_metric",
           "second_count_between"]



@dataclass
class Trigger:
    start: int   # token index range
    end: int
    metric: str
    kind: str    # verb/noun/adj/phrase
    unarmed: bool = False  # counts only people who are not armed ("crossed into", "in camps")
    armed_only: bool = False  # counts only armed people ("laid down their arms")


def find_triggers(doc: Doc, lex: Lexicon) -> list[Trigger]:
    out: list[Trigger] = []
    covered: set[int] = set()
    text_low = text_of(doc).lower()
    for m in phrase_finder(lex).finditer(text_low):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(i in covered for i in range(span.start, span.end)) or \
                next_word(text_low, m.end()) in lex.phrase_not_before.get(m.group(0), ()):
            continue  # (also "an exchange of fire": no exchange of prisoners)
        if m.group(0) in lex.captivity_cues and negated_before(text_low, m.start()):
            continue  # "refugees have not returned home": no return from captivity
        out.append(Trigger(span.start, span.end, lex.phrase_metric[m.group(0)], "phrase",
                           m.group(0) in lex.unarmed_phrases, m.group(0) in lex.armed_phrases))
        covered.update(range(span.start, span.end))
    toks, cols = tokens_of(doc), columns(doc)
    words = trigger_keys(lex)
    for i, low in enumerate(cols.lower):
        # (a word none of whose forms is in a table below gives no trigger)
        if i in covered or (low not in words and cols.lemma[i] not in words):
            continue
        t = toks[i]
        lem, pos = cols.lemma[i], cols.pos[i]
        metric: str | None = None
        kind = ""
        if pos in ("VERB", "AUX") or t.tag_ in ("VBN", "VBD", "VBG"):
            metric = lex.metric_verbs.get(lem) or lex.metric_adjectives.get(low) or \
                (lex.metric_nouns.get(low) if t.tag_ in ("VB", "VBP") else None)  # "hostage"
            kind = "verb"
            if lem in lex.care_verbs and _taken_for_care(t, lex):
                metric = "injured"  # "were admitted to the military hospital"
            if metric is None and lem in lex.displacing_verbs and forced_out(t):
                metric = "displaced"  # "forced some 700,000 people from camps and homes"
            if metric is None and lem in lex.taking_verbs and taken_from(t):
                metric = "abducted"  # "they took 12 girls from the camp" (captivity.py)
            if lem == "lose" and metric is None:
                metric, kind = "casualties", "lose"
            if metric is not None and any(c.dep_ == "dobj" and c.lemma_.lower() in
                                          lex.thing_objects for c in t.children):
                metric = None  # "it posted pictures of three men", "sent a letter"
        elif pos == "NOUN" or pos == "PROPN":
            metric = lex.metric_nouns.get(lem) or lex.metric_nouns.get(low) or \
                lex.metric_nouns.get(singular(low))  # "43 Chinese Casualties" (a PROPN)
            kind = "noun"
        elif pos == "ADJ":
            metric = lex.metric_adjectives.get(low) or lex.metric_adjectives.get(lem)
            kind = "adj"
        if metric is None and pos in ("ADJ", "NOUN") and low in lex.metric_adjectives:
            metric, kind = lex.metric_adjectives[low], "adj"
        verb_metric = (lex.metric_verbs.get(lem) or lex.metric_verbs.get(low) or
                       lex.metric_verbs.get(singular(low))) \
            if metric is None and pos == "NOUN" else None  # (looked up first: cheaper)
        if verb_metric and (t.dep_ == "ROOT" or any(
                c.dep_ in ("dobj", "nummod") or (c.dep_ == "compound" and c.i == t.i - 1 and
                                                 any(g.dep_ == "nummod" for g in c.children))
                for c in t.children) or number_follows(doc, t.i)):
            # a headline verb parsed as a noun: "Attacks on villages kill at least 12",
            # "Bomb wounds six officers", "UNHCR: 250,000 flee into Chad", "Army says 27
            # insurgents surrender" (the counted noun a compound of the verb)
            metric, kind = verb_metric, "verb"
        if metric is None and lem in lex.fate_nouns and fate_unknown(t, lex):
            metric, kind = "missing", "noun"  # "the fate of another 40 residents is unknown"
        place = "detained" if lem in lex.custody_places else \
            "displaced" if lem in lex.refuge_places else \
            "abducted" if lem in lex.captivity_places else None  # settled by who is held
        if place and pos == "NOUN" and t.dep_ == "pobj" and \
                t.head.lower_ in ("in", "inside", "at") and \
                t.head.head.pos_ in ("VERB", "AUX") and t.head.i not in covered:
            # "10,000 men remain in makeshift prisons" (held by authorities), "9,000 people
            # are staying in temporary shelters" (displaced): the "in" links the place to
            # the verb like a state phrase
            out.append(Trigger(t.head.i, t.head.i + 1, place, "phrase", place == "displaced"))
            continue
        if metric:  # (a verb that drives people out displaces no fighters)
            out.append(Trigger(t.i, t.i + 1, metric, kind, lem in lex.displacing_verbs))
    return out


def _taken_for_care(verb: Token, lex: Lexicon) -> bool:
    """``verb`` takes someone "to" a place of care ("admitted to the military hospital",
    "evacuated to hospitals in the capital")."""
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into") and any(
        p.dep_ == "pobj" and p.lemma_.lower() in lex.care_places for p in c.children)
        for c in verb.children)


def _object_of_other_verb(anchor: Token, tok: Token) -> bool:
    """``anchor`` is the object of a verb of its own ("who commanded 300 men") that the
    trigger ``tok`` lies outside of: the figure belongs to that verb's clause."""
    verb = anchor.head
    if anchor.dep_ != "dobj" or verb.pos_ != "VERB" or verb.i == tok.i:
        return False
    return tok.i not in {t.i for t in verb.subtree}


def _lose_metric(doc: Doc, trig: Trigger, anchor: Token, armed: bool,
                 losses: bool, lex: Lexicon) -> str | None:
    """The metric of a figure that a verb of loss takes: "lost 20 soldiers" are dead, unless
    the document counts "losses" or the loss is a war's attrition over a time ("lost 300
    troops since the invasion", "in the fighting"): then killed and wounded together; the
    one who loses ("One woman lost her sons") and a denied loss are not counted."""
    verb = doc[trig.start]
    if anchor.head.i == verb.i and anchor.dep_ in ("nsubj", "nsubjpass"):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    return "casualties" if armed and (losses or attrition(verb, lex)) else "killed"


def _has_counted_subject(tok: Token) -> bool:
    """A relative clause with a counted subject of its own: "131 people, of whom 24 died"."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and
               (c.like_num or any(g.like_num for g in c.children)) for c in tok.children)


def _opens_contrast(tok: Token) -> bool:
    """``tok`` heads a contrasting clause ("..., while all minors were evacuated")."""
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST for c in tok.children)


_CLAUSE_BREAKS = {"while", "whereas", "but", "although"}
# a subordinate clause opened between a trigger and a number: "were forced to flee after 100
# fighters attacked" (the fighters did not flee)
_SUBORDINATORS = {"after", "before", "when", "because", "until", "once", "since", "as"}


def between_has_number(a: int, b: int, number_tokens: set[int]) -> bool:
    lo, hi = (a, b) if a < b else (b, a)
    return any(lo < i < hi for i in number_tokens)


def pick_metric(doc: Doc, span: Span, head: Token | None, triggers: list[Trigger],
                number_tokens: set[int], lex: Lexicon, armed: bool,
                losses: bool = False) -> tuple[str, float, int] | None:
    """(metric, confidence, trigger index) for the number ``span`` counting ``head``
    (``losses``: the document counts "losses", so "lost N soldiers" are casualties)."""
    anchor = head if head is not None else span.root
    best: tuple[float, str, int] | None = None
    number_tokens = number_tokens - set(range(span.start, span.end))
    # numbers inside the counted phrase ("10 members including four bombers") do not block
    number_tokens = {n for n in number_tokens if not in_subtree(doc, n, anchor.i)}

    status = partitive_status(doc, span, head, triggers)

    def consider(score: float, trig: Trigger) -> None:
        nonlocal best
        metric: str | None = trig.metric
        fate = status is not None and status.metric == "missing" and trig.kind != "noun"
        if status is not None and trig is not status and trig.metric not in HARM and not fate:
            return  # "two of the abducted girls were released": still the abducted (the
            #         missing, of unknown fate, take the verb that tells it: "taken hostage")
        score += 10 * (fate and trig is not status)
        if (armed and (trig.unarmed or trig.metric == "displaced" and trig.kind == "verb")) or \
                (trig.armed_only and not armed and head is not None):
            return  # "200 fighters crossed into the border", "two gunmen fled": no refugees
            #         ("five former fighters who had laid down their arms": no surrender)
        if trig.kind == "lose":
            metric = _lose_metric(doc, trig, anchor, armed, losses, lex)
        if metric is None:
            return
        if best is None or score > best[0]:
            best = (score, metric, trig.start)

    ancestors: list[Token] = []
    marked = marked_heads(doc, _MARKS)
    for anc in anchor.ancestors:
        ancestors.append(anc)
        # "250,000 were displaced, while 1.2 million others remain in need": a contrasting
        # clause keeps its own metric, none from the clause it hangs on
        if len(ancestors) == 4 or anc.i in marked:
            break
    anc_ids = {a.i: k for k, a in enumerate(ancestors)}
    # "12 of its servicemen were missing": the verb governs the number, two steps above
    reach = 2 if len(ancestors) > 2 and ancestors[0].lower_ == "of" and \
        span.start <= ancestors[1].i < span.end else 0
    for trig in triggers:
        ti = trig.start
        # a phrase relates to the rest of the sentence through its syntactic head
        # ("forcibly detained", "taken hostage")
        tok = doc[ti] if trig.end - trig.start == 1 else doc[trig.start:trig.end].root
        if head is not None and trig.start <= head.i < trig.end:
            # a status noun ("hostages", "refugees") yields to a verb of death or injury
            # linked to it: "15 hostages were executed"
            # so does a group named by its metric in a partitive: "one of the injured died"
            partitive = span.end < len(doc) and doc[span.end].lower_ == "of"
            # (a verb's noun, "conscripts", is a status noun: "300 conscripts were killed")
            consider(80 if partitive else
                     100 if trig.metric in HARM or trig.kind != "noun" and
                     doc[ti].pos_ != "NOUN" else 84, trig)
            continue
        if span.start <= ti < span.end:
            continue
        if trig.kind == "lose" and trig.end <= span.start <= trig.end + 2 and all(
                t.pos_ in ("ADV", "ADP", "DET", "PRON") for t in doc[trig.end:span.start]):
            consider(93, trig)  # "we lost nine and five were injured": the object of "lost"
            continue
        if head is None and (ti == span.end or (span.start <= tok.head.i < span.end and
                                                 tok.dep_ in ("acl", "amod", "relcl"))):
            consider(95, trig)  # "150 killed", "more than 200 injured"
            continue
        if trig is status:
            # "eight of the missing fishermen were found dead": the word is what the group
            # was; a verb of death or injury on the part says what became of it
            consider(76, trig)
            continue
        if head is not None and tok.head.i == head.i and tok.dep_ in ("amod", "compound",
                                                                      "acl", "relcl"):
            if tok.dep_ == "relcl" and _has_counted_subject(tok):
                continue  # "131 people, of whom 24 died": the clause counts a part
            consider(92 if tok.dep_ != "relcl" else 85, trig)
            continue
        # a verb coordinated with a clause on the counted noun: "one soldier, who fought
        # bravely, embraced martyrdom"
        base, hops = tok, 0
        while base.dep_ == "conj" and base.head.i != base.i and hops < 3:
            base, hops = base.head, hops + 1
        if head is not None and base is not tok and base.head.i == head.i and \
                base.dep_ in ("acl", "relcl") and not _has_counted_subject(base) and \
                not any(t.like_num for t in tok.subtree):  # "... and killed two guards"
            consider(83, trig)
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
                second_count_between(doc[head.i + 1:trig.start]):
            consider(87, trig)
            continue
        if tok.i in anc_ids:
            if head is None and anc_ids[tok.i] == 0 and tok.i > span.end and \
                    any(t.text in (",", ";") for t in doc[span.end:tok.i]):
                continue  # "injured reached 159, 61 deaths": a misread list, not its noun
            consider(88 - 4 * anc_ids[tok.i] + (reach > 0 and trig.metric in HARM) -
                     20 * (trig.kind == "noun" and counts_another(tok, span)), trig)
            continue
        # children of the governing verb: "left four policemen dead", "were killed",
        # "put casualties at 1,500"
        gov_verb = next((a for a in ancestors[:2 + reach] if a.pos_ in ("VERB", "AUX")), None)
        if gov_verb is not None and tok.head.i == gov_verb.i and tok.dep_ in (
                "oprd", "acomp", "xcomp", "ccomp", "dobj", "attr", "nsubj", "nsubjpass") \
                and not between_has_number(tok.i, anchor.i, number_tokens):
            consider(86, trig)
            continue
        # a state phrase on the governing verb: "four suspects ... are under arrest"
        if gov_verb is not None and trig.kind == "phrase" and tok.head.i == gov_verb.i and \
                tok.dep_ == "prep" and not between_has_number(tok.i, anchor.i, number_tokens):
            consider(80, trig)
            continue
        # "two children were among 11 people killed", "were listed among the 100 killed":
        # the group shares the metric
        if gov_verb is not None and any(
                c.dep_ == "prep" and c.lower_ in ("among", "amongst") and
                in_subtree(doc, tok.i, c.i) for c in gov_verb.children):
            consider(75, trig)
            continue
        # a verb coordinated with the governing verb: "shouted ... but was shot and killed"
        if ancestors and trig.kind in ("verb", "phrase"):
            # the governing verb, also past a list in apposition: "Ana, her son, two
            # daughters ... were shot and killed"
            gov_i = next((a.i for a in ancestors if a.pos_ in ("VERB", "AUX")), -1)
            x, hops = tok, 0
            while x.dep_ in ("conj", "xcomp", "advcl") and hops < 3 and x.head.i != x.i:
                if _opens_contrast(x):
                    break  # "..., while all minors have been evacuated": another clause
                x, hops = x.head, hops + 1
                if x.i in (ancestors[0].i, gov_i):
                    break
            if hops and x.i in (ancestors[0].i, gov_i) and \
                    not between_has_number(tok.i, anchor.i, number_tokens) and \
                    not any(t.i in number_tokens for t in tok.subtree):  # "and killed 12"
                consider(70 - 2 * hops, trig)
                continue
        # a metric noun as the subject of the verb that takes the number ("toll rose to 60")
        if trig.kind == "noun" and ancestors:
            verb = next((a for a in ancestors if a.pos_ in ("VERB", "AUX")), None)
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] \
                if verb is not None else []
            if any(in_subtree(doc, tok.i, c.i) and not in_subtree(doc, anchor.i, c.i)
                   for c in subjects):
                consider(78, trig)
                continue
        # a tally ("the number of people killed", "the toll") as the subject or object of the
        # verb that takes the number: "the number of X killed had risen to 36", "brought to
        # 27 the number of people killed"
        if ancestors and lex.tally_nouns:
            verb = next((a for a in ancestors if a.pos_ in ("VERB", "AUX")), None)
            tallies = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                       and c.lemma_.lower() in lex.tally_nouns] if verb is not None else []
            if any(in_subtree(doc, tok.i, c.i) and not in_subtree(doc, anchor.i, c.i)
                   for c in tallies):
                consider(80, trig)
                continue
        dist = ti - (span.end - 1) if ti >= span.end else span.start - trig.end + 1
        a, b = (span.end - 1, ti) if ti >= span.end else (trig.end - 1, span.start)
        if dist <= 10 and not between_has_number(a, b, number_tokens):
            between = doc[min(a, b) + 1:max(a, b)]
            if any(t.text in (";", "—", "–", "(", ")") or t.lower_ in _CLAUSE_BREAKS or
                   (t.dep_ == "mark" and t.lower_ in _SUBORDINATORS)
                   for t in between):
                continue
            if (dist > 3 and (_object_of_other_verb(anchor, tok) or
                              in_other_clause(tok, anchor, span.root.i))) or \
                    (tok.pos_ == "VERB" and tok.dep_ == "conj" and ti > span.end and
                     any(t.i in number_tokens for t in tok.subtree)):
                continue  # "a colonel who commanded 300 men was among the defectors";
                #           "engaged 40 militants ... and killed 12 of them"
            score = 60.0 - dist
            if ti > span.end and {x.lower_ for x in between[-3:]} & {
                    "were", "was", "been", "are", "is", "got"}:
                score += 3  # passive after the noun: "14 people were killed"
            consider(score, trig)
    if best is None:
        return None
    score, metric, ti = best
    if mixed_metrics(doc, ti, triggers, number_tokens):
        return None  # "862 people were killed, injured, abducted or displaced": no one metric
    if metric == "deployed" and any(lemma(a) in lex.captivity_cues for a in ancestors[:3]):
        return None  # "the release of 833 child soldiers": freed, whatever else is near
    return metric, min(0.95, score / 100.0), ti


CONTRAST = {"while", "whereas", "although", "though"}
_MARKS = CONTRAST | _SUBORDINATORS  # the marks of a clause of its own (``pick_metric``)


_SUBSET_MARKERS = ("including", "includes", "included", "among", "incl")


def is_subset(doc: Doc, span: Span) -> bool:
    """The number opens a part of a group counted before it: "including (at least) 12"."""
    for t in reversed(doc[max(0, span.start - 4):span.start]):
        if t.lower_ in _SUBSET_MARKERS:
            return True
        if not (t.pos_ in ("ADV", "ADJ", "ADP", "DET") or t.lower_ in ("least", "them")):
            return False
    return False


def second_count_between(between: Span) -> bool:
    """``between`` is "and|or <number> <group> [adverb]": a second counted group."""
    words = list(between)
    return (2 < len(words) <= 6 and words[0].lower_ in ("and", "or") and
            any(t.like_num for t in words[1:]) and
            all(t.pos_ in ("NUM", "NOUN", "ADJ", "ADV", "DET", "PROPN") for t in words[1:]))
# Armed people who are not authorities: whom they "detain" they abduct (the lexicon's
# ``people.non_state_armed``).
NON_STATE_ARMED = load_lexicon().non_state_armed
