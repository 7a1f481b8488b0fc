"""Who said it in one sentence: the source of a sentence's figures.

A sentence is attributed by a reporting verb ("X said", "said X"), by a phrase ("according
to X", "per X"), or by a headline tag ("...: ISPR"). Chains give an origin and a relay:
"X said, citing Y", "X reported after a briefing from Y", "according to X, Y said". The
document-level memory (``sources.SourceMemory``) resolves references to earlier sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from tollwatch.extract.attribution_phrases import (
    according_to,
    answering,
    based_at,
    before_comma,
    chain_from,
    describes,
    final_tag_at,
    owner_pronoun,
    reported_by,
)
from tollwatch.extract.attribution_verbs import attribution_verbs
from tollwatch.extract.clause_sources import (
    after_quote_subject,
    clause_antecedent,
    noun_verb_source,
    noun_verb_subject,
    outside_own_clause,
    tail_name_subject,
)
from tollwatch.extract.counted_sources import counted_speakers
from tollwatch.extract.date_anchors import date_anchors
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.doc_cache import columns, in_subtree, memo, text_of, tokens_of
from tollwatch.extract.gapped import gapped_source
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.misparsed_subjects import (
    conjunct_subject,
    name_clause_subject,
    split_subject,
)
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.reporting_forms import aside_around, cited_as
from tollwatch.extract.reporting_tags import tag_subject
from tollwatch.extract.source_memory import SourceMemory
from tollwatch.extract.sources import (
    _PRONOUNS,
    Source,
    _agent_np,
    _clean,
    _names_of,
    _np_tokens,
    _source,
    _span_text,
    _strip_det,
)
from tollwatch.extract.statement_dates import statement_date, tail_verb_date, verb_date
from tollwatch.extract.statement_holders import holder_verb

__all__ = ["Attribution", "Source", "SourceMemory", "attribute_sentence"]


@dataclass
class Attribution:
    origin: list[str] = field(default_factory=list)
    speaker: list[str] = field(default_factory=list)
    date: str | None = None
    verb_i: int | None = None  # token index of the reporting verb, when there is one
    explicit: bool = False     # named in this sentence (not inherited)
    how: str = "own_voice"     # how the source was found: verb, according_to, chain, ...
    date_how: str | None = None  # how the date was found: verb, source, today, dateline
    at: int | None = None      # character offset of the governing statement's sentence
    origin_src: Source | None = None  # the source objects (their names grow with the text)
    relay_src: Source | None = None
    extra_speaker: list[str] = field(default_factory=list)  # "told AFP"
    headline: bool = False     # the figure is in the document's headline
    carried_by: str | None = None  # what carried a continued statement on ("figure_anaphor")

    def reason(self) -> dict[str, object]:
        """The machine-readable reason kept on a claim."""
        out: dict[str, object] = {"how": self.how}
        if self.at is not None:
            out["from"] = self.at
        if self.date_how is not None:
            out["date_how"] = self.date_how
        if self.headline:
            out["headline"] = True
        if self.carried_by is not None:
            out["carried_by"] = self.carried_by
        return out

    def refresh(self) -> None:
        """Take the names the sources have gathered by the end of the document, and the day
        their statements were dated, when this one named none."""
        src = self.relay_src or self.origin_src
        if self.date is None and self.date_how is None and src is not None and \
                src.date is not None:  # (date_how "earlier": a statement before the dated one)
            # a statement before any dated one (a headline's) is the lead statement's: the
            # source's first dated statement, not its last ("had put the toll at 8 on Monday")
            self.date, self.date_how = src.lead_date or src.date, "source"
        if self.origin_src is not None:
            self.origin = list(self.origin_src.names)
        if self.relay_src is not None:
            self.speaker = list(self.relay_src.names) + [
                n for n in self.extra_speaker if n not in self.relay_src.names]


_RELATIVE = {"who", "which", "that", "whom", "whose"}
_POSSESSIVES = {"its", "their", "his", "her", "our"}
_CHAIN_WORDS = {"citing", "quoting"}
_OWN = {"its", "their", "our"}


def _usable_subject(tok: Token) -> bool:
    """A subject that can be a source: not a relative pronoun, not what happened ("the
    attack"), not a counted group, not a bare number ("..., one found dead")."""
    if tok.lower_ in _RELATIVE or tok.lemma_.lower() in load_provenance().event_subjects or \
            (tok.like_num and not any(c.lower_ == "of" for c in tok.children)):
        return False
    if counted_speakers(tok):  # "Two officials, speaking on condition of anonymity, said"
        return True
    # "one" counts a single speaker ("One of the nurses said", "one official said")
    # (the subtree up to ``tok`` lies between its left edge and it)
    doc = tok.doc
    cols, toks = columns(doc), tokens_of(doc)
    return not any(cols.dep[i] in ("nummod", "nsubj", "dobj", "pobj", "quantmod") and
                   cols.lower[i] != "one" and in_subtree(doc, i, tok.i) and toks[i].like_num
                   and not (toks[i].head.pos_ == "PROPN" and toks[i].head.is_title)
                   for i in range(tok.left_edge.i, tok.i + 1))  # (not "the 444 Brigade")


def _subject_of(verb: Token, figure: Token | None = None) -> Token | None:
    """The source phrase of reporting verb ``verb`` (for the figure at ``figure``)."""
    cited = cited_as(verb)
    if cited is not None:
        return cited[0]  # "X cited Y as saying": Y said it
    if verb.pos_ == "NOUN":
        return noun_verb_subject(verb)
    tagged = tag_subject(verb)
    if tagged is not None:
        return tagged  # "..., while the rest were locals, he continued": "he"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"
                and c.left_edge.lower_ not in _CHAIN_WORDS]  # "Quoting X, Y reported"
    usable = next((c for c in subjects if _usable_subject(c)), None)
    if subjects and (usable is not None or conjunct_subject(verb, True) is None):
        # "eight others wounded ..., officials confirm": the parser may give the verb the
        # counted group as a second subject; the first usable one is the source
        return usable
    # the passive: "the toll was confirmed by the governor" (but an attack "claimed by" a
    # group is a claim of responsibility, not of the figure)
    if verb.lemma_.lower() != "claim":
        for c in verb.children:
            if c.dep_ == "agent":
                objs = [p for p in c.children if p.dep_ == "pobj"]
                if objs and _usable_subject(objs[0]):
                    return objs[0]
    misparsed = conjunct_subject(verb, bool(subjects))  # "lost 20 soldiers and reports had"
    if misparsed is not None and _usable_subject(misparsed) and \
            (figure is None or any(a.i == verb.i for a in figure.ancestors) or
             misparsed.doc[misparsed.left_edge.i - 1].text == ","):  # ", the X said"
        return misparsed
    # "X told reporters ... and said ...", "X put it higher, saying ...": the verb shares
    # the subject of the verb it hangs from
    # (when the verb governs the figure: never the subject of the event, "gunmen ...
    # abducted 42 ..., an official said")
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX") and \
            (figure is None or any(a.i == verb.i for a in figure.ancestors)):
        return _subject_of(verb.head, figure)
    holder = holder_verb(verb)  # "X issued a statement Sunday saying ...": X
    if holder is not None:
        return _subject_of(holder, figure)
    # "In a post on X, the Air Force said ...": the parser hung the subject on the fronted
    # phrase; the noun just before the verb, after that phrase's comma, is the subject
    if verb.i > 0:
        before = verb.doc[verb.i - 1]
        if before.pos_ in ("PROPN", "NOUN") and before.dep_ in ("appos", "pobj") and \
                before.head.i < verb.i and any(
                    t.text == "," for t in verb.doc[before.head.i:before.left_edge.i]) and \
                _usable_subject(before):
            return before
    return tail_name_subject(verb) or after_quote_subject(verb) or name_clause_subject(verb)


def _read_of_verb(doc: Doc, verb: Token | None,
                  lex: Lexicon) -> tuple[list[Token] | None, str | None]:
    """``chain_from`` and ``verb_date`` of the chosen verb (read once per sentence and verb:
    the sentence is attributed again for each of its figures)."""
    return memo(doc, "tw_verb_read", (verb.i if verb is not None else None, id(lex)),
                lambda: (chain_from(doc, verb, lex),
                         verb_date(verb) if verb is not None else None))


def attribute_sentence(doc: Doc, lex: Lexicon, memory: SourceMemory,
                       number_i: int | None = None, published: str | None = None) -> Attribution:
    """The attribution for the figures in the sentence ``doc``.

    ``number_i`` is a token index of the figure: when several reporting verbs are present,
    the one governing it wins.
    """
    att = _attribute(doc, lex, memory, number_i, published)
    if number_i is None:  # a sentence read for its sources: its people, for later "he"
        memory.note_people(doc)
    return att


def _attribute(doc: Doc, lex: Lexicon, memory: SourceMemory, number_i: int | None,
               published: str | None) -> Attribution:
    verbs = attribution_verbs(doc, lex)
    chosen: Token | None = None
    outer_v: Token | None = None  # the outermost reporting verb, when a nested one governs
    subj: Token | None = None
    outer_subj: Token | None = None
    if verbs:
        figure = doc[number_i] if number_i is not None else None
        answered = [v for v in verbs if answering(v, lex)]  # ", an account X rejected"
        candidates = [(v, _subject_of(v, figure)) for v in verbs
                      if v not in answered or len(answered) == len(verbs)]
        with_subj: list[tuple[Token, Token]] = [
            (v, s) for v, s in candidates if s is not None
                     and not outside_own_clause(v, number_i)
                     and not (number_i is not None and in_subtree(doc, number_i, s.i)
                              and s.lemma_.lower() not in _PRONOUNS
                              and not describes(doc[number_i], s))]
        governing = False
        if number_i is not None:
            tok = doc[number_i]
            ancestors = {a.i for a in tok.ancestors}
            gov = [(v, s) for v, s in with_subj if v.i in ancestors]
            if gov:
                with_subj = gov
                governing = True
        if with_subj:
            depth = lambda vs: len(list(vs[0].ancestors))
            # the governing verb nearest the root; when reporting verbs are nested ("Lee
            # said the agency estimated that ..."), the innermost is the origin and the
            # outermost its relay
            chosen, subj = min(with_subj, key=depth)
            outer_v = chosen
            if governing and len(with_subj) > 1:
                inner_v, inner_s = max(with_subj, key=depth)
                if inner_v.i != chosen.i and inner_s.lower_ not in _PRONOUNS and not any(
                        c.dep_ == "poss" and c.lower_ in _OWN for c in inner_s.children):
                    # ("X said its teams recorded ...": X speaks for a part of its own)
                    if reported_by(inner_v, chosen):
                        outer_subj = subj  # "X said Y estimated": Y the origin, X relays
                    chosen, subj = inner_v, inner_s  # else the figure's own clause wins
    according = according_to(doc)
    if according and number_i is not None:
        lo, hi = min(t.i for t in according), max(t.i for t in according)
        aside = aside_around(doc, lo, hi)
        if aside is not None and not aside[0] < number_i < aside[1] and any(
                not t.is_punct for t in doc[aside[0] + 1:max(aside[0] + 1, lo - 2)]):
            according = None  # "Five guards - all from X according to Y - were ...": Y's
            # word is on the aside only
    gap = gapped_source(doc, number_i) if number_i is not None else None
    if gap is not None:  # "..., the provincial government 35": the gap's own source
        chosen, subj, outer_subj, according = None, gap[-1], None, None
    if chosen is not None and outer_subj is None:
        cited = cited_as(chosen)
        if cited is not None and cited[1] is not None:
            outer_subj = cited[1]  # the one citing relays the one cited
    chain, date_text = _read_of_verb(doc, chosen, lex)
    att = Attribution()

    speaker_src: Source | None = None
    owner_src: Source | None = None
    referred = False  # the source is a reference to one named before ("it", "the agency")
    if subj is not None:
        subj = clause_antecedent(subj) or subj  # "X gave no update since it said ..."
        stoks = gap or (noun_verb_source(chosen) if chosen is not None and
                        chosen.pos_ == "NOUN" else None) or _agent_np(subj) or \
            split_subject(subj) or _np_tokens(subj)
        stext = _span_text(doc, stoks)
        names, person, head = _names_of(doc, stoks)
        ref = memory.resolve(stext, person)
        if subj.lemma_.lower() in _PRONOUNS or subj.lower_ in _PRONOUNS:
            speaker_src = ref
            referred = ref is not None
        elif ref is not None and len([t for t in before_comma(stoks) if t.i > based_at(
                stoks)]) <= 2 + (based_at(stoks) < 0):  # ("the agency", "the London-based
            #                                       monitor", "the network, a group of ...")
            for n in names:
                if n.lower() not in _POSSESSIVES:
                    ref.add_name(n)
            speaker_src = ref
            referred = True
        elif names:
            speaker_src = memory.remember(_source(names, person, head))
        owner = owner_pronoun(subj) if speaker_src is not None else None
        owner_src = memory.owner_body(owner, speaker_src) if owner else None  # "Its spokesman"
        att.verb_i = chosen.i if chosen is not None else None
    elif verbs and according is None:
        # passive "it was reported" or a verb without a subject we can use
        pass

    outer_src: Source | None = None
    if outer_subj is not None and speaker_src is not None:
        otoks = _np_tokens(outer_subj)
        onames, operson, ohead = _names_of(doc, otoks)
        ref = memory.resolve(_span_text(doc, otoks), operson)
        if ref is None and onames and outer_subj.lower_ not in _PRONOUNS:
            ref = memory.remember(_source(onames, operson, ohead))
        if ref is not speaker_src:
            outer_src = ref

    according_src: Source | None = None
    if according:
        names, person, head = _names_of(doc, according)
        text = _span_text(doc, according)
        ref = memory.resolve(text, person)
        if ref is not None:
            according_src = ref
        elif names and text.lower() not in _PRONOUNS:  # (an unresolved "him" is no name)
            according_src = memory.remember(_source(names, person, head))
    chain_src = owner_src
    if chain:
        names, person, head = _names_of(doc, chain)
        ref = memory.resolve(_span_text(doc, chain), person)
        chain_src = ref or (memory.remember(_source(names, person, head))
                            if names else None)

    if speaker_src is None and according_src is None and chain_src is None:
        found = final_tag_at(text_of(doc))
        if found:
            tag = _clean(found[0])
            ref = memory.resolve(tag, None)
            referred = ref is not None
            speaker_src = ref or memory.remember(Source(names=[tag, _strip_det(tag)],
                                                        person=False,
                                                        head=tag.split()[-1].lower()))
            if date_text is None:  # the day of the tag's verb ("..., two sources said Monday")
                date_text = tail_verb_date(doc, found[1], lex.attribution_verbs)
    if date_text is None:
        anchors = date_anchors(doc, chosen, outer_v, number_i, bool(according),
                               lex.attribution_verbs)
        date_text = statement_date(doc, anchors) if anchors else None
    date = resolve_date(date_text, published) if date_text else None

    for used in (chain_src, according_src, speaker_src):
        if used is not None:
            memory.touch(used)
    if speaker_src is not None and chain_src is not None and chain_src is not speaker_src:
        if chosen is None or chosen.lemma_.lower() not in lex.denial:  # (one it denies is
            speaker_src.origin = chain_src  # no origin it goes on relaying)
        origin, relay = chain_src, speaker_src
    elif speaker_src is not None and according_src is not None and \
            according_src is not speaker_src:
        origin, relay = speaker_src, according_src
    elif speaker_src is not None and outer_src is not None:
        origin, relay = speaker_src, outer_src
    elif speaker_src is not None:
        origin, relay = speaker_src, None
        if speaker_src.origin is not None:
            origin, relay = speaker_src.origin, speaker_src
    elif according_src is not None:
        origin, relay = according_src, None
        if chain_src is not None and chain_src is not according_src:
            origin, relay = chain_src, according_src
        elif according_src.origin is not None:
            origin, relay = according_src.origin, according_src
    elif chain_src is not None:
        origin, relay = chain_src, None
    else:
        return att
    att.explicit = True
    att.origin_src, att.relay_src = origin, relay
    att.origin = list(origin.names)
    att.speaker = list(relay.names) if relay is not None else []
    if chain_src is not None and origin is chain_src:
        att.how = "chain"
    elif according_src is not None and speaker_src is None:
        att.how = "according_to"
    else:
        att.how = "reference" if referred else "verb"
        if chosen is not None and cited_as(chosen) is not None:
            att.how = "cited"
        elif gap is not None:
            att.how = "gapped"
    # "told AFP": the news agency relays the source
    if chosen is not None and chosen.lemma_.lower() == "tell":
        for c in chosen.children:
            if c.dep_ in ("dative", "dobj", "iobj") and c.ent_type_ in ("ORG", "PERSON") \
                    and c.lower_ not in ("reporters", "journalists"):
                att.extra_speaker.append(_span_text(doc, _np_tokens(c)))
                att.speaker = att.speaker + att.extra_speaker
    src = relay or origin
    if date is not None:
        src.date = date
        src.lead_date = src.lead_date or date
        att.date_how = "verb"
    elif src.date is not None:
        att.date_how = "source"
    att.date = date if date is not None else src.date
    return att
