"""Which sentences of a document extraction parses.

Only sentences that can hold a claim (a number that may count people, and a trigger word)
are parsed, with the sentences their figures need: the sentence closing a quotation a
figure sits in, the sentence naming the speaker a pronoun refers to, earlier sentences
naming the sources a back-reference ("the ministry said") points at, the nearest statement
a figure's sentence may continue, and a following sentence that claims it ("X made this
known"). The rest of the text is only split and scanned with regular expressions. The
words these checks look for are data, in ``tollwatch/data/prefilter.yaml``. A candidate
whose every number counts things (``extract/uncounted.py``) is parsed only when another
sentence needs it, when it names a source, or when a later parsed sentence refers back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tollwatch.errors import ConfigError
from tollwatch.extract.candidates import candidate_numbers
from tollwatch.extract.datafile import read_mapping
from tollwatch.extract.datelines import paragraph_index
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.numbers import find_numbers
from tollwatch.extract.provenance import ProvenanceRules
from tollwatch.extract.sentences import split_sentences
from tollwatch.extract.uncounted import UncountedRules, load_uncounted

__all__ = ["MAX_SENTENCE_CHARS", "Plan", "PlanRow", "PrefilterRules", "SentencePlanner",
           "load_prefilter", "quote_closers", "with_replies"]

MAX_SENTENCE_CHARS = 3000  # longer "sentences" are tables or dumps, not reported speech

PlanRow = tuple[int, int, list[Any], bool]  # (start, end, number mentions, candidate)
Plan = tuple[list[PlanRow], list[int], dict[int, int]]  # rows, sentences to parse, closers

_ACRONYM_INTRO = re.compile(r"\([A-Z][A-Za-z.]{1,9}\)")  # "the Rights Network (HRN)"
_WORD = re.compile(r"[A-Za-z][\w'’-]*|[.,;:!?()\"“”]")
_NAME = r"[A-Z][\w'’-]+"


def _alt(words: Any) -> str:
    items = [str(w) for w in (words or [])]
    if not items:
        raise ValueError("an empty word list")
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


def _lower_pattern(words: list[str]) -> re.Pattern[str] | None:
    """``\b(words)\b`` with case ignored, for lower-cased ASCII text: the same matches, the
    first letter checked before the list of words is tried (None for non-ASCII words)."""
    low = [w.lower() for w in words]
    if not low or not all(w.isascii() and w for w in words):
        return None
    first = "".join(sorted({re.escape(w[0]) for w in low}))
    return re.compile(rf"(?=[{first}])\b({_alt(low)})\b")


def _titles(words: Any) -> str:
    return "|".join(rf"{re.escape(str(t))}\.?\s+" for t in words or [])


@dataclass(frozen=True)
class PrefilterRules:
    """The prefilter's patterns and word lists, built from ``prefilter.yaml``."""

    cue: re.Pattern[str]
    backref: re.Pattern[str]
    pronoun_source: re.Pattern[str]
    bare_followers: frozenset[str]
    people_words: frozenset[str]
    trigger_stems: frozenset[str]
    # words one of which is in every text ``backref`` matches (none: no such check)
    backref_words: tuple[str, ...] = ()
    # ``cue`` for lower-cased ASCII text (None: the cue words are not all ASCII)
    cue_lower: re.Pattern[str] | None = None


def _from_mapping(data: dict[str, Any], where: str) -> PrefilterRules:
    try:
        verbs = f"(?:{_alt(data['reporting_verbs'])})"
        pron = _alt(data["reference_pronouns"])
        inv = _alt(data["inverted_pronouns"])
        nouns = _alt(data["reference_nouns"])
        titles = _titles(data["reference_titles"])
        inv_titles = _titles(data["inverted_titles"])
        backref = re.compile(
            rf"\b(?:{pron})\s+(?:\w+\s+)?{verbs}\b|{verbs}\s+(?:{inv})\b|"
            rf"\b(?:the|this|that)\s+(?:[a-z]+\s+){{0,2}}(?:{nouns})\s+(?:\w+\s+)?{verbs}\b|"
            rf"(?:^|[,“\"]\s*)(?:{titles})?{_NAME}\s+(?:also\s+)?{verbs}\b|"
            rf"{verbs}\s+(?:{inv_titles})?{_NAME}[.,]|according to (?:the|him|her)\b|"
            rf"\b(?:citing|quoting)\s+(?:the|him|her)\b")
        pronoun_source = re.compile(
            rf"\b(?:{_alt(data['person_pronouns'])})\b|"
            rf"\b(?:{_alt(data['body_pronouns'])})\s+(?:\w+\s+)?{verbs}\b|"
            rf"{verbs}\s+(?:{_alt(data['body_pronouns'])})\b", re.IGNORECASE)
        return PrefilterRules(
            cue=re.compile(rf"\b({_alt(data['cue_words'])})\b", re.IGNORECASE),
            backref=backref,
            pronoun_source=pronoun_source,
            bare_followers=frozenset(str(w) for w in data["bare_followers"]),
            people_words=frozenset(str(w).lower() for w in data.get("people_words") or []),
            trigger_stems=frozenset(str(w).lower() for w in data.get("trigger_stems") or []),
            backref_words=(*(str(w) for w in data["reporting_verbs"]), "according to ",
                           "citing", "quoting"),
            cue_lower=_lower_pattern([str(w) for w in data["cue_words"]]),
        )
    except (KeyError, TypeError, ValueError, re.error) as e:
        raise ConfigError(f"bad prefilter rules: {e}", source=where) from e


@lru_cache(maxsize=8)
def load_prefilter(path: str | None = None) -> PrefilterRules:
    """The prefilter rules of ``path`` (None: the built-in ``prefilter.yaml``)."""
    data, where = read_mapping("prefilter.yaml", path, "prefilter rules", "are")
    return _from_mapping(data, where)


def _people_words(lex: Lexicon, extra: frozenset[str]) -> frozenset[str]:
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
    return frozenset(words | extra)


def _trigger_regex(lex: Lexicon, extra: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(sorted((re.escape(s) for s in _stems(lex, extra)), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})", re.IGNORECASE)


def _stems(lex: Lexicon, extra: frozenset[str]) -> set[str]:
    stems: set[str] = set(extra)
    for w in lex.trigger_words():
        if not w.isalpha():
            continue
        stems.add(w[: max(4, len(w) - 2)] if len(w) > 4 else w)
    return stems


def _trigger_lower(lex: Lexicon, extra: frozenset[str]) -> re.Pattern[str] | None:
    """``_trigger_regex`` for lower-cased ASCII text (None for non-ASCII stems)."""
    stems = _stems(lex, extra)
    if not stems or not all(s.isascii() and s for s in stems):
        return None
    low = {s.lower() for s in stems}
    first = "".join(sorted({re.escape(s[0]) for s in low}))
    alt = "|".join(sorted((re.escape(s) for s in low), key=len, reverse=True))
    return re.compile(rf"(?=[{first}])\b(?:{alt})")


def quote_closers(text: str, sents: list[tuple[int, int]]) -> dict[int, int]:
    """For sentences inside an open quotation, the index of the sentence closing it."""
    out: dict[int, int] = {}
    open_from: int | None = None
    for k, (s, e) in enumerate(sents):
        seg = text[s:e]
        depth = seg.count("“") - seg.count("”")  # curly quotes opened and not closed
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


def with_replies(order: list[int], replies: set[int], plan: list[PlanRow]) -> list[int]:
    """The sentences to parse: those chosen for claims, and those responses need."""
    more = [k for k in replies if plan[k][1] - plan[k][0] <= MAX_SENTENCE_CHARS]
    return sorted(set(order).union(more))


class SentencePlanner:
    """Splits a document and chooses the sentences worth parsing."""

    def __init__(self, lexicon: Lexicon, provenance: ProvenanceRules,
                 rules: PrefilterRules | None = None,
                 uncounted: UncountedRules | None = None, every_sentence: bool = False) -> None:
        self.lexicon = lexicon
        self.every_sentence = every_sentence  # parse them all (for measuring the plan)
        self.provenance = provenance
        self.rules = rules or load_prefilter()
        self.trigger_re = _trigger_regex(lexicon, self.rules.trigger_stems)
        self._trigger_low = _trigger_lower(lexicon, self.rules.trigger_stems)
        self.people_words = _people_words(lexicon, self.rules.people_words)
        self.uncounted = (uncounted or load_uncounted()).without(
            self._counts_people, lexicon.units_not_people)

    def plan(self, text: str) -> Plan:
        """The sentences of ``text`` (with their number mentions and whether they may hold a
        claim), the indexes of those to parse, and each quoted sentence's closer."""
        rules = self.rules
        sents = split_sentences(text)
        plan: list[PlanRow] = []
        last_candidate = -1
        for k, (s, e) in enumerate(sents):
            st = text[s:e]
            if e - s > MAX_SENTENCE_CHARS:
                plan.append((s, e, [], False))  # not prose (a table, a dump): not parsed
                continue
            mentions = candidate_numbers(st, find_numbers(st), self.lexicon)
            cand = bool(mentions) and self._triggered(st) and \
                any(self.may_count_people(st, m) for m in mentions)
            plan.append((s, e, mentions, cand))
            if cand:
                last_candidate = k
        if self.every_sentence:
            return plan, [k for k, (s, e) in enumerate(sents) if e - s <= MAX_SENTENCE_CHARS], \
                quote_closers(text, sents)
        if last_candidate < 0:
            return plan, [], {}
        quote_close = quote_closers(text, sents)
        need: set[int] = set()
        context: set[int] = set()  # sentences another sentence's figures need
        last_backref = -1  # the last sentence that refers back to a source named before
        for k, (s, e, _, cand) in enumerate(plan):
            if cand:
                need.add(k)
                closer = quote_close.get(k)
                if closer is not None:
                    context.add(closer)
                refs = text[s:e] + (" " + text[plan[closer][0]:plan[closer][1]]
                                    if closer is not None else "")
                if (not rules.backref_words or any(w in refs for w in rules.backref_words)) \
                        and rules.backref.search(refs):
                    last_backref = max(last_backref, closer if closer is not None else k)
                    if k > 0 and rules.pronoun_source.search(refs):
                        context.add(k - 1)  # who "he" or "she" is, is often said just before
        need |= context
        for k, (s, e, _, cand) in enumerate(plan):
            if not cand and k < last_backref and (self._cued(text[s:e]) or
                                                   _ACRONYM_INTRO.search(text[s:e])):
                need.add(k)  # names a source that a later figure refers back to
        self._continued(text, sents, plan, quote_close, need)
        need -= self._unneeded(text, plan, context, need)
        return plan, sorted(need), quote_close

    def _unneeded(self, text: str, plan: list[PlanRow], context: set[int],
                  need: set[int]) -> set[int]:
        """The candidate sentences that cannot yield a claim (each number counts things:
        ``uncounted.yaml``) and that no other sentence needs: not in ``context``, naming no
        source (no cue word, no acronym introduced)."""
        out: set[int] = set()
        last_ref = self._last_reference(text, plan, need)
        for k, (s, e, mentions, cand) in enumerate(plan):
            if not cand or k in context or k < last_ref:
                continue
            st = text[s:e]
            if self.uncounted.all_things(st, mentions) and not self._cued(st) and \
                    not _ACRONYM_INTRO.search(st):
                out.add(k)
        return out

    def _last_reference(self, text: str, plan: list[PlanRow], need: set[int]) -> int:
        """The last sentence of ``need`` (those parsed) that may refer back to a source or a person named before ("it
        said", "he added", "the ministry noted"; -1 for none): a sentence before it is read
        for the names it gives, even when it yields no claim."""
        rules = self.rules
        for k in sorted(need, reverse=True):
            s, e, _, _ = plan[k]
            st = text[s:e]
            if e - s <= MAX_SENTENCE_CHARS and (
                    rules.pronoun_source.search(st) or (
                        any(w in st for w in rules.backref_words) and rules.backref.search(st))):
                return k
        return -1

    def _counts_people(self, word: str) -> bool:
        """``word`` may name people (a people or metric word of the lexicon or the
        prefilter: "villagers", "dead", "casualties")."""
        return word in self.people_words or word in self.lexicon.people

    def _continued(self, text: str, sents: list[tuple[int, int]], plan: list[PlanRow],
                   quote_close: dict[int, int], need: set[int]) -> None:
        """A figure whose sentence names no source may continue the statement before it
        (parse the nearest sentence with a cue within reach) or be claimed by the
        statement after it ("X made this known")."""
        cue = self._cued
        paras = paragraph_index(text, sents)
        prov = self.provenance
        for k, (s, e, _, cand) in enumerate(plan):
            if not cand or cue(text[s:e]) or k in quote_close:
                continue
            for j in range(k - 1, max(-1, k - 1 - prov.max_gap), -1):
                if paras[k] - paras[j] > prov.next_paragraph:
                    break
                if plan[j][3] or j in need:
                    break  # a figure's sentence: read anyway
                if cue(text[plan[j][0]:plan[j][1]]) or text[plan[j][1] - 1] == ":":
                    need.add(j)  # (or announces the list the figure is an item of)
                    break
            j = k + 1
            if j < len(plan) and not plan[j][3] and paras[j] - paras[k] <= prov.next_paragraph \
                    and prov.backward_cue.search(text[plan[j][0]:plan[j][1]]):
                need.add(j)

    def _triggered(self, sentence: str) -> bool:
        """``trigger_re`` matches in ``sentence``."""
        low = self._trigger_low
        if low is not None and sentence.isascii():
            return low.search(sentence.lower()) is not None
        return self.trigger_re.search(sentence) is not None

    def _cued(self, sentence: str) -> bool:
        """``rules.cue`` matches in ``sentence``."""
        low = self.rules.cue_lower
        if low is not None and sentence.isascii():
            return low.search(sentence.lower()) is not None
        return self.rules.cue.search(sentence) is not None

    def may_count_people(self, sentence: str, m: Any) -> bool:
        """A cheap look at the words around a number before paying for a parse."""
        after = _WORD.findall(sentence[m.end:m.end + 60])[:5]
        for w in after:
            lw = w.lower()
            if lw in self.people_words or self.trigger_re.match(lw):
                return True
            if w[:1].isupper() and lw.endswith("s") and len(lw) > 3:
                return True  # a plural demonym: "Ukrainians"
        first = after[0].lower() if after else ""
        if not after or first in self.rules.bare_followers:
            return True  # a bare number: "rose to 60", "two were killed"
        before = _WORD.findall(sentence[max(0, m.start - 50):m.start])[-4:]
        return any(self.trigger_re.match(w.lower()) for w in before)
