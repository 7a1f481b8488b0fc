"""Find the count claims of one parsed sentence.

For each number mention: reject what cannot count people (dates, ages, percentages, money,
units, things); find the counted noun; find the metric from the trigger words linked to it
(the noun itself, its modifiers, the verb governing it, then the nearest trigger in the same
clause); then the hedge, subject, civilian status and the raw material for the actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from tollwatch.extract.absolutes import absolute_parts
from tollwatch.extract.actors import actor_for, is_armed_group
from tollwatch.extract.back_tallies import back_metric, by_name, of_tallies
from tollwatch.extract.captivity import (
    held_by_armed_group,
    held_by_captors,
    held_by_state,
    rescued_by_force,
    resolve_captivity,
    resolve_capture,
    weak_cue,
)
from tollwatch.extract.case_counts import counts_cases
from tollwatch.extract.civilians import civilian_beside
from tollwatch.extract.counted import (
    AGENT_SUFFIX,
    DEPLOYABLE,
    PEOPLE_ONLY_VERBS,
    actor_hints,
    armed_words,
    counted_noun,
    formerly,
    group_of_trigger,
    other_side_of,
    owner_of_losses,
    person_kind,
    subject_text,
)
from tollwatch.extract.counted_sources import one_of_speakers, speakers_of_verb
from tollwatch.extract.doc_cache import span_text, text_of
from tollwatch.extract.force_of import force_of_size
from tollwatch.extract.forces import composing_verb, fighting_verb, force_noun, sized_force
from tollwatch.extract.gapped import gapped_source
from tollwatch.extract.hedges import location, qualifier, stance
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.lists import fill_from_lists, is_list_item, listed_with_people
from tollwatch.extract.losses import victims_metric, victims_opener
from tollwatch.extract.materiel import counts_materiel
from tollwatch.extract.metric import find_triggers, is_subset, pick_metric
from tollwatch.extract.metric_cues import joined_metric
from tollwatch.extract.numbers import NumberMention
from tollwatch.extract.population_wholes import population_wholes
from tollwatch.extract.predicate_parts import predicate_part, predicate_parts
from tollwatch.extract.standing_groups import standing_group
from tollwatch.extract.tally_parts import breakdowns, tally_part
from tollwatch.extract.wholes import parts_of_wholes

__all__ = ["RawClaim", "claims_in_sentence"]


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


def claims_in_sentence(doc: Doc, mentions: list[NumberMention], lex: Lexicon,
                       nationality_of: Callable[[str], str | None],
                       exchange: bool = False,
                       prev_metric: str | None = None,
                       captivity: bool = True,
                       losses: bool = False,
                       last_metric: str | None = None) -> list[RawClaim]:
    """The claims of one parsed sentence ``doc`` given its number ``mentions``.

    ``exchange``: the document speaks of an exchange of prisoners (whoever is returned in
    it was captured); ``prev_metric``: the metric of the last figure of the sentence before
    ("Among them are 12 children"); ``captivity``: the document speaks of people held (else
    "freed", "rescued", "returned" are no captivity cues); ``losses``: the document counts
    the "losses" of a side ("lost 20 soldiers" are then casualties); ``last_metric``: the
    metric of the document's last figure ("the true figure likely surpasses 100,000")."""
    spans: list[tuple[NumberMention, Span]] = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            spans.append((m, span))
    if not spans:
        return []
    triggers = find_triggers(doc, lex)
    if not captivity:
        triggers = [t for t in triggers if not weak_cue(doc, t.start, lex, t.end - t.start)]
    number_tokens: set[int] = set()
    found: list[tuple[NumberMention, Span, Token | None, str | None]] = []
    for m, span in spans:
        force = force_noun(doc, span, lex) or sized_force(doc, span, lex)
        if force is not None:
            found.append((m, span, force, "force"))  # "a 100,000-strong alliance"
            continue
        head = counted_noun(doc, span, lex)
        if head is not None and head.i < span.start and gapped_source(doc, span.root.i):
            head = None  # "..., the army 12": the source of a gapped clause, not the counted
        if counts_materiel(doc, span, head, lex):
            continue  # "1,200 tank losses": equipment
        if speakers_of_verb(doc, head, lex) or one_of_speakers(doc, span.root, lex):
            continue  # "..., two officials said", "One of the nurses told ...": the source
        kind = None
        if head is not None:
            comp = " ".join(t.text for t in doc[span.end:head.i + 1]
                            if t.dep_ == "compound" or t.i == head.i)
            nat = head.text[:1].isupper() and (nationality_of(head.text) is not None or
                                               nationality_of(comp) is not None)
            kind = person_kind(head, lex, nat)
            if kind is None and m.words and m.text.lower() == "one" and \
                    head.ent_type_ == "PERSON" and \
                    all(t.ent_type_ == "PERSON" for t in doc[span.end:head.i + 1]):
                kind = "neutral"  # "they killed one Musa Bello": one person, named
            if kind is None and head.tag_ == "NNS" and AGENT_SUFFIX.search(head.lower_) and \
                    head.lemma_.lower() not in lex.units_not_people:
                kind = "agent"  # "engineers", "smugglers": people if the verb says so
            if kind is None and head.tag_ == "NNPS" or (kind is None and head.pos_ == "PROPN"
                                                       and head.lower_.endswith("s") and
                                                       head.text[:1].isupper()):
                kind = "agent"  # a people's name ("the Xs"): people if the verb says so
            if kind is None and counts_cases(head, lex):
                kind = "neutral"  # "1,150 cases of enforced disappearance"
            if _names_a_model(doc, span, head):
                continue  # "six F-16 fighters": aircraft of a model, not people
        elif m.words and m.text.lower() == "one":
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is not None and nxt.lower_ == "of" and \
                    any(t.tag_ == "JJS" for t in doc[span.end:span.end + 6]):
                continue  # "one of the world's largest displaced populations": a rank
            if (nxt is None or nxt.lower_ not in ("of",) and not (
                    span.start > 0 and doc[span.start - 1].pos_ == "VERB")) and \
                    not is_list_item(doc, span, bool(found)) and not (
                    span.root.dep_ in ("nsubj", "nsubjpass") and
                    span.root.head.lemma_.lower() in lex.metric_verbs and
                    (span.start == 0 or doc[span.start - 1].lower_ not in _PRONOUN_ONE)):
                continue  # "one" counts in "one of", after a verb, as the subject of a
                #           trigger verb ("One died"), or in a list
        found.append((m, span, head, kind))
    people_heads = [h for _, _, h, k in found if h is not None and k not in (None, "agent")]
    analysed = []
    for m, span, head, kind in found:
        if head is not None and kind is None:
            if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in \
                    lex.units_not_people and listed_with_people(head, people_heads):
                kind = "neutral"  # "27,000 entrepreneurs and 13,000 volunteers"
            elif head.lemma_.lower() in lex.units_not_people or head.pos_ in ("NOUN", "PROPN"):
                continue  # counts things
        number_tokens.update(range(span.start, span.end))
        analysed.append((m, span, head, kind))
    picks = [pick_metric(doc, span, head, triggers, number_tokens, lex, kind == "armed",
                         losses)
             if kind != "force" or head is None else ("deployed", 0.8, head.i)
             for _, span, head, kind in analysed]
    picks = _fallbacks(doc, analysed, picks, lex, prev_metric)

    def repick(k: int, free: set[int]) -> Pick | None:
        _, span_k, head_k, kind_k = analysed[k]
        if kind_k == "force":
            return None
        return pick_metric(doc, span_k, head_k, triggers, number_tokens - free, lex,
                           kind_k == "armed", losses)

    picks = absolute_parts(doc, [(span, head) for _, span, head, _ in analysed], picks,
                           repick, {t.start: t.metric for t in triggers if t.end - t.start == 1})
    picks = fill_from_lists(doc, [(span, head) for _, span, head, _ in analysed], picks,
                            triggers, prev_metric)
    picks = parts_of_wholes(doc, [(span, head) for _, span, head, _ in analysed], picks, lex)
    picks = population_wholes(doc, [(s, h) for _, s, h, _ in analysed], picks, triggers)
    picks = [by_name(doc, span, back_metric(doc, span, p, head is not None, last_metric))
             for (_, span, head, _), p in zip(analysed, picks)]
    picks = [tally_part(doc, span, head, p, last_metric, lex)  # "The figure includes three"
             for (_, span, head, _), p in zip(analysed, picks)]
    items = [(span, head) for _, span, head, _ in analysed]
    picks = of_tallies(doc, items, picks)  # "an earlier figure of 410"
    picks = breakdowns(doc, items, picks, last_metric)  # "In Mali, it counted 2,300"
    several = sum(predicate_part(span, head) for span, head in items) >= 2
    picks = predicate_parts(items, picks, prev_metric or (last_metric if several else None))
    picks = [(("killed", 0.9, head.head.i) if _lives_lost(head, lex) else p)
             if head is not None else p for (_, _, head, _), p in zip(analysed, picks)]
    out: list[RawClaim] = []
    for (m, span, head, kind), picked in zip(analysed, picks):
        if kind == "force":
            kind = "armed"
        armed = kind == "armed"
        subset = bool(out) and is_subset(doc, span)
        if picked is None and subset:
            # "killed 35 people overnight, including 12 children": part of the group
            # counted before it, with that group's metric (and side)
            picked = (out[-1].metric, 0.6, span.start)
        if picked is None and armed and head is not None:
            fight = fighting_verb(head, lex)
            if fight is not None:
                picked = ("deployed", 0.5, fight.i)  # "some 300 gunmen stormed the town"
        if picked is None:
            # "900 troops to the border": state forces counted with no other metric are
            # most often a deployment; other armed groups are not guessed
            if not (armed and head is not None and head.lemma_.lower() in DEPLOYABLE) or \
                    _capacity(head) or _released(head, lex):
                continue
            picked = ("deployed", 0.35, span.start)
        metric, conf, trig_i = picked
        if standing_group(doc, span, head, trig_i):
            continue  # "1.3 million people need food aid", "a town of 25,000 inhabitants"
        if kind == "agent":  # a part of people counted before ("Three were lawyers") is people
            if doc[trig_i].lemma_.lower() not in PEOPLE_ONLY_VERBS and \
                    not predicate_part(span, head):
                continue  # "captured 12 launchers" counts things
            if head is not None and head.dep_ == "pobj" and \
                    head.head.lower_ in ("to", "into", "at", "in", "inside"):
                continue  # "evacuated to 41 shelters": a destination, not people
            kind = "neutral"
            conf *= 0.8
        if head is None:
            # "casualties among North Korean forces have passed 3,000": the group is named
            # beside the metric noun, not beside the number
            group = group_of_trigger(doc, trig_i)
            if group is not None:
                head = group
                nat = group.text[:1].isupper() and nationality_of(group.text) is not None
                kind = person_kind(group, lex, nat) or kind
                armed = kind == "armed"
        # who is held decides: fighters taken captive are captured, civilians abducted
        if metric == "displaced" and captivity and rescued_by_force(doc, trig_i, lex, head):
            metric = "abducted"  # "security forces evacuated 80 passengers" (a hijacking)
        metric = resolve_captivity(doc, trig_i, metric, kind, head, lex, exchange)
        metric = resolve_capture(doc, trig_i, metric, head, lex)
        if metric == "detained" and held_by_armed_group(doc, trig_i):
            metric = "abducted"  # "detained by the gunmen": not held by authorities
        if kind == "metric" and head is not None:
            conf = max(conf, 0.8)
        if head is None:
            conf *= 0.8
        before = text_of(doc)[:m.start]
        after = text_of(doc)[m.end:]
        qual = qualifier(before, after, lex, m)
        civ: bool | None = None
        lem = head.lemma_.lower() if head is not None else None
        if kind == "civilian":
            civ = True
        elif kind == "armed":
            civ = False
        if head is not None and civ is None:
            np_text = span_text(doc, span.end, min(len(doc), head.i + 3)).lower()
            if "civilian" in np_text:
                civ = True
            elif any(w in np_text for w in ("prisoners of war", "pows", "soldier", "troop")) \
                    and not formerly(head, lex):
                civ = False
        if head is not None and head.lower_ in ("pows", "pow"):
            civ = False
        owner = owner_of_losses(doc, head if head is not None else span.root)
        if civ is None:
            civ = armed_words(doc, head, owner, lex)
        if civ is None:  # "16 were civilians", "Of the civilian victims, 16 ..."
            civ = civilian_beside(before, after, lex)
        subj = subject_text(doc, span, head) if head is None or head.i > span.start \
            else " ".join(t.text for t in doc[head.left_edge.i:head.i + 1])
        inherit = subset or head is None or (lem in ("other", "others") if lem else False)
        hints = (actor_hints(doc, span, head) if head is None or head.i > span.start
                 else [" ".join(t.text for t in doc[head.left_edge.i:head.i + 1]),
                       *(t.text for t in doc[head.left_edge.i:head.i + 1])]) + owner
        other_side = other_side_of(head, nationality_of) if head is not None else None
        if other_side is not None and head is not None:
            # "390 Russians and Ukrainians": people of two sides, counted together
            hints = []
            subj = span_text(doc, head.i, other_side.i + 1)
        out.append(RawClaim(
            mention=m, metric=metric, qualifier=qual, subject=subj, head=lem,
            civilian=civ, actor_hints=hints,
            state_armed=bool(lem and lem in lex.state_armed), armed=armed, inherit=inherit,
            location=location(doc, span), stance=stance(doc, span.root, lex),
            confidence=round(conf, 3), token_i=span.root.i,
        ))
        also = joined_metric(doc, trig_i, triggers, number_tokens)
        if also is not None:
            # "two soldiers were wounded and captured": the same people in a second metric
            second = resolve_capture(doc, also.start, resolve_captivity(
                doc, also.start, also.metric, kind, head, lex, exchange), head, lex)
            if second != metric:
                out.append(replace(out[-1], metric=second))
    return out


Pick = tuple[str, float, int]


def _fallbacks(doc: Doc, analysed: list[tuple[NumberMention, Span, Token | None, str | None]],
               picks: list[Pick | None], lex: Lexicon,
               prev_metric: str | None = None) -> list[Pick | None]:
    """Metrics for figures that no trigger reached, before lists spread them: people named
    only as victims (of the figure right before when it counts captives or the displaced),
    armed people a force is composed of, and a part of the figure before ("included 10
    Belgians")."""
    out = list(picks)
    opener = victims_opener(doc, lex)
    for k, (_, span, head, kind) in enumerate(analysed):
        held = held_by_captors(head, lex) if head is not None else None
        pick = out[k]
        if held is not None and head is not None and (pick is None or pick[2] != held.i):
            # "the militants are still holding 40 ...": the holding verb is the figure's
            # own, whatever trigger before it reached ("had killed 11 and was holding three")
            like = kind if head.lemma_.lower() != "other" or not k else analysed[k - 1][3]
            out[k] = ("captured" if like == "armed" else "abducted", 0.6, held.i)
            continue
        if out[k] is not None:
            continue
        victims = victims_metric(head, lex) or (opener if opener is not None and
                                                 span.start > 2 else None)
        before = next((p[0] for p in reversed(out[:k]) if p is not None), prev_metric)
        if victims is not None and before in lex.victims_follow:
            victims = before
        if victims is not None:
            out[k] = (victims, 0.55, span.start)
            continue
        held = held_by_state(head, lex) if head is not None else None
        if held is not None:  # "China was holding 50 journalists"
            out[k] = ("captured" if kind == "armed" else "detained", 0.6, held.i)
            continue
        if kind == "armed" and head is not None:
            verb = composing_verb(head, lex)
            if verb is not None:
                out[k] = ("deployed", 0.55, verb.i)
                continue
        force = force_of_size(span, head)
        if force is not None:
            out[k] = ("deployed", 0.5, force.i)  # "a pre-war military force of 180,000"
            continue
        prior = next((out[j] for j in range(k - 1, -1, -1) if out[j] is not None), None)
        if prior is not None and (is_subset(doc, span) or gapped_source(doc, span.root.i)):
            out[k] = (prior[0], 0.6, prior[2])
    return out


# "another one was seized", "the one that died": "one" as a pronoun for a thing
_PRONOUN_ONE = {"another", "the", "that", "this", "which", "every", "each", "no", "any", "a"}
_MODEL = re.compile(r"^[A-Za-z]{1,4}-?\d")


def _names_a_model(doc: Doc, span: Span, head: Token) -> bool:
    """A model designation between the number and its noun: "six F-16 fighters" (not an
    armed group's name of the same shape: "32 M23 fighters")."""
    return any(_MODEL.match(t.text) and not _group_name(t.text) for t in doc[span.end:head.i])


def _group_name(text: str) -> bool:
    group = actor_for(text)
    return group is not None and is_armed_group(group)


_MODALS = {"can", "could", "may", "might", "would"}


def _capacity(head: Token) -> bool:
    """The people are what something can hold: "can carry a squad of 10 troops"."""
    verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in _MODALS
                                    for c in verb.children)


def _released(head: Token, lex: Lexicon) -> bool:
    """The people are freed or returned ("released 800 child soldiers"): whatever they are
    counted as, it is no deployment."""
    verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.lemma_.lower() in lex.captivity_cues:
        return True
    # "the release of 833 child soldiers": a noun of freeing governs them
    return any(a.pos_ == "NOUN" and a.lemma_.lower() in lex.captivity_cues
               for a in list(head.ancestors)[:3])


def _lives_lost(head: Token, lex: Lexicon) -> bool:
    """"claiming 16,000 lives", "five lives lost": lives that a verb of death governs."""
    if head.lemma_.lower() not in ("life", "lives"):
        return False
    return head.head.lemma_.lower() in lex.lives_verbs or any(
        c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.lives_verbs for c in head.children)
