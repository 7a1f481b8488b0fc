"""Names of one source that nothing else links, and days a statement takes from the
sentence before it (rules in ``data/date_links.yaml``; dates only).

- **An occasion's body.** A speaker "at a Pentagon news conference" speaks for the body
  named before the occasion noun: the speaker and that body share the day either was
  dated with (``Source.date_links``, read by ``source_dates.same_body``).
- **An unnamed speaker named next.** "An army official said on Friday ..." followed at
  once by "Jane Roe, director of the relief agency, said ..." : the named person, new to the
  document and giving no day, is the official the first sentence left unnamed.
- **"At that time".** A statement placed at the time the sentence before it names ("The
  ministry last reported its losses on March 25. At that time, it said ...") takes that day
  (``date_how`` "anaphor") when the sentence before names exactly one.
- **A reply.** A speaker "responding to" another speaks on the day the statement answered
  was dated with, when the answer names no day of its own (``date_how`` "reply").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as _date
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.errors import ConfigError
from tollwatch.extract.attribution import Attribution
from tollwatch.extract.datafile import read_mapping, word_list
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.doc_cache import text_of
from tollwatch.extract.sources import Source
from tollwatch.extract.unparsed_dates import DAY_PATTERN

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ANAPHOR", "REPLY", "DateLinkRules", "DateLinks", "anaphor_on_verb", "anaphoric_day", "dateline_anchor", "framed_before", "is_unnamed",
           "linked", "load_date_link_rules", "occasion_bodies", "reply_targets"]

ANAPHOR = "anaphor"  # the day the sentence before names ("At that time, ...")
REPLY = "reply"  # the day of the statement answered ("responding to Roe, ...")

Same = Callable[[Source, Source], bool]


@dataclass(frozen=True)
class DateLinkRules:
    """The words of ``data/date_links.yaml``."""

    occasion_preps: tuple[str, ...] = ()
    occasion_nouns: tuple[str, ...] = ()
    unnamed_articles: frozenset[str] = frozenset()
    unnamed_heads: frozenset[str] = frozenset()
    named_roles: frozenset[str] = frozenset()
    anaphoric_times: tuple[str, ...] = ()
    same_day_times: tuple[str, ...] = ()  # those that may point to a day of their sentence
    reply_verbs: tuple[str, ...] = ()
    reply_preps: tuple[str, ...] = ()
    framing_preps: frozenset[str] = frozenset()
    dateline_anchor_days: int = 0


def _days(data: dict[str, object], key: str, where: str) -> int:
    value = data.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ConfigError(f"{key} must be a whole number of days", source=where)
    return value


def _section(data: dict[str, object], key: str, where: str) -> dict[str, object]:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise ConfigError(f"{key} must be a mapping", source=where)
    return value


@lru_cache(maxsize=8)
def load_date_link_rules(path: str | None = None) -> DateLinkRules:
    """The rules of ``path`` (None: the built-in ``date_links.yaml``)."""
    data, where = read_mapping("date_links.yaml", path, "date link rules", "are")
    occ = _section(data, "occasions", where)
    unnamed = _section(data, "unnamed_then_named", where)
    replies = _section(data, "replies", where)
    return DateLinkRules(
        occasion_preps=word_list(occ.get("preps"), "preps", where),
        occasion_nouns=word_list(occ.get("nouns"), "nouns", where),
        unnamed_articles=frozenset(word_list(unnamed.get("articles"), "articles", where)),
        unnamed_heads=frozenset(word_list(unnamed.get("heads"), "heads", where)),
        named_roles=frozenset(word_list(unnamed.get("roles"), "roles", where)),
        anaphoric_times=word_list(data.get("anaphoric_times"), "anaphoric_times", where),
        same_day_times=word_list(data.get("same_day_times"), "same_day_times", where),
        reply_verbs=word_list(replies.get("verbs"), "verbs", where),
        reply_preps=word_list(replies.get("preps"), "preps", where),
        framing_preps=frozenset(word_list(data.get("framing_preps"), "framing_preps", where)),
        dateline_anchor_days=_days(data, "dateline_anchor_days", where))


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                          reverse=True))


_CAP = r"[A-Z][\w’'.&-]*"
_NAME = rf"{_CAP}(?:\s+(?:of|for|and|{_CAP})){{0,5}}?"


_RX: dict[tuple[object, int], tuple[DateLinkRules, re.Pattern[str] | None]] = {}


def _rx_of(build: Callable[[DateLinkRules], re.Pattern[str] | None],
           rules: DateLinkRules) -> re.Pattern[str] | None:
    """``build(rules)``, kept by the rules' identity (the cache of ``build`` hashes every
    field of the rules on each call)."""
    got = _RX.get((build, id(rules)))
    if got is None or got[0] is not rules:
        got = _RX[(build, id(rules))] = (rules, build(rules))
    return got[1]


@lru_cache(maxsize=4)
def _occasion_rx(rules: DateLinkRules) -> re.Pattern[str] | None:
    if not rules.occasion_preps or not rules.occasion_nouns:
        return None
    return re.compile(rf"\b(?:{_alt(rules.occasion_preps)})\s+(?:a|an|the)\s+"
                      rf"(?P<body>(?:the\s+)?{_NAME})(?:['’]s)?\s+"
                      rf"(?:{_alt(rules.occasion_nouns)})\b", re.IGNORECASE)


def occasion_bodies(sentence: str, rules: DateLinkRules | None = None) -> list[str]:
    """The bodies named before an occasion noun ("told reporters at a Pentagon news
    conference" -> ["Pentagon"]); only capitalised names."""
    rx = _rx_of(_occasion_rx, rules or load_date_link_rules())
    if rx is None:
        return []
    out = []
    for m in rx.finditer(sentence):
        body = re.sub(r"^the\s+", "", m.group("body"), flags=re.IGNORECASE)
        body = re.sub(r"['’]s$", "", body)
        words = body.split()
        if words and all(w[:1].isupper() or w in ("of", "for", "and") for w in words) and \
                words[-1][:1].isupper():
            out.append(body)
    return out


@lru_cache(maxsize=4)
def _reply_rx(rules: DateLinkRules) -> re.Pattern[str] | None:
    if not rules.reply_verbs or not rules.reply_preps:
        return None
    return re.compile(rf"\b(?:{_alt(rules.reply_verbs)})\s+(?:{_alt(rules.reply_preps)})\s+"
                      rf"(?P<who>(?-i:{_CAP}(?:\s+{_CAP}){{0,4}}))", re.IGNORECASE)


def reply_targets(sentence: str, rules: DateLinkRules | None = None) -> list[str]:
    """The capitalised names a speaker responds to ("responding to Olsen" -> ["Olsen"])."""
    rx = _rx_of(_reply_rx, rules or load_date_link_rules())
    return [m.group("who") for m in rx.finditer(sentence)] if rx is not None else []


@lru_cache(maxsize=4)
def _anaphor_rx(rules: DateLinkRules) -> re.Pattern[str] | None:
    if not rules.anaphoric_times:
        return None
    return re.compile(rf"\b(?:{_alt(rules.anaphoric_times)})\b", re.IGNORECASE)


_DAY = re.compile(rf"\b{DAY_PATTERN}(?:,?\s+\d{{4}}\b)?", re.IGNORECASE)


def anaphoric_day(sentence: str, before: str, published: str | None,
                  rules: DateLinkRules | None = None) -> str | None:
    """The day ``before`` names, when ``sentence`` places its statement at that time ("At
    that time, ...") and ``before`` names exactly one day; None otherwise."""
    rx = _rx_of(_anaphor_rx, rules or load_date_link_rules())
    if rx is None or rx.search(sentence) is None:
        return None
    days = {d for m in _DAY.finditer(before) if (d := resolve_date(m.group(0), published))}
    return days.pop() if len(days) == 1 else None


@lru_cache(maxsize=4)
def _same_day_rx(rules: DateLinkRules) -> re.Pattern[str] | None:
    if not rules.same_day_times:
        return None
    return re.compile(rf"\b(?:{_alt(rules.same_day_times)})\b", re.IGNORECASE)


def _before_time(sentence: str, rules: DateLinkRules) -> str:
    """The words of ``sentence`` before its first same-day time ("... on Sunday, the
    mission said in a statement the same day": "... on Sunday, the mission said in a
    statement "); "" when none."""
    rx = _rx_of(_same_day_rx, rules)
    m = rx.search(sentence) if rx is not None else None
    return sentence[:m.start()] if m is not None else ""


def _capitals(name: str) -> int:
    """How many capitalised words the name has before any comma, articles left out."""
    return sum(1 for w in name.split(",")[0].split()
               if w[:1].isupper() and w.lower() not in ("a", "an", "the"))


def framed_before(doc: Doc, verb_i: int | None, rules: DateLinkRules | None = None) -> bool:
    """True when the reporting verb at ``verb_i`` is inside a clause told as the background
    of the sentence: marked by a framing word ("After the army said ...") or under a
    framing preposition ("After the May 2 attack when the army said ...")."""
    if verb_i is None:
        return False
    words = (rules or load_date_link_rules()).framing_preps
    verb = doc[verb_i]
    if any(c.dep_ == "mark" and c.lower_ in words for c in verb.children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ == "when" and c.i > 0 and
           doc[c.i - 1].ent_type_ == "DATE" for c in verb.children):
        return True  # "since early March, when it said": a statement of that time
    x = verb
    for _ in range(4):
        if x.head.i == x.i:
            return False
        x = x.head
        if x.dep_ == "prep" and x.lower_ in words:
            return True
    return False


def anaphor_on_verb(doc: Doc, verb_i: int | None, rules: DateLinkRules | None = None) -> bool:
    """True when an anaphoric time ("At that time") hangs on the reporting verb at
    ``verb_i`` ("At that time, the ministry said"; "it said at the time that"), not on
    the figures' clause ("40 soldiers, who were at the time guarding the base"); with no
    verb ("according to"), when it opens the sentence."""
    rx = _rx_of(_anaphor_rx, rules or load_date_link_rules())
    if rx is None:
        return False
    text = text_of(doc)
    for m in rx.finditer(text):
        if verb_i is None:
            if not text[:m.start()].strip(" \"'“‘"):
                return True
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and (span.root.head.i == verb_i or span.root.i == verb_i):
            return True
    return False


def dateline_anchor(dateline: str | None, published: str | None) -> str | None:
    """The day relative days under a dateline are counted from: the dateline's day when it
    is up to ``dateline_anchor_days`` before publication (a wire story filed the day before
    it was published: "yesterday" is the day before the dateline), else ``published``; with
    no publication day, the dateline's day (a story's only anchor)."""
    if published is None:
        return dateline[:10] if dateline else None
    if dateline is None or dateline[:10] == published[:10]:
        return published
    try:
        gap = (_date.fromisoformat(published[:10]) - _date.fromisoformat(dateline[:10])).days
    except ValueError:
        return published
    return dateline[:10] if 0 < gap <= load_date_link_rules().dateline_anchor_days \
        else published


def is_unnamed(src: Source, rules: DateLinkRules | None = None) -> bool:
    """True when ``src`` is described by an indefinite description ending in a speaker head
    ("an army official", "a Thai official") and never by a name of two capitalised words
    ("Jane Roe", "a Defense Ministry official")."""
    rules = rules or load_date_link_rules()
    described = False
    for name in src.names:
        words = name.split()
        if len(words) >= 2 and words[0].lower() in rules.unnamed_articles and \
                words[-1].lower() in rules.unnamed_heads and "," not in name:
            described = True
        if _capitals(name) >= 2:
            return False
    return described


def _named_officer(src: Source, rules: DateLinkRules) -> bool:
    """True when ``src`` is a person named by a name of two capitalised words or more who
    holds an office one of its names gives (``unnamed_then_named.roles``: "Jane Roe,
    director of the relief agency")."""
    if not src.person or not any(_capitals(n) >= 2 for n in src.names):
        return False
    words = {w for n in src.names for w in re.split(r"[^\w]+", n.lower()) if w}
    return bool(words & rules.named_roles)


def linked(a: Source, b: Source, same: Same) -> bool:
    """True when a name tied to ``a`` for dates (``Source.date_links``) names ``b``, or one
    tied to ``b`` names ``a``."""
    for x, y in ((a, b), (b, a)):
        for name in x.date_links:
            if same(Source(names=[name], person=False), y):
                return True
    return False


class DateLinks:
    """Reads each statement as it starts, in text order: ties the names of one source
    together for dates and gives a statement the day of the time or reply it names."""

    def __init__(self, text: str, sents: list[tuple[int, int]], paras: list[int],
                 published: str | None, same: Same) -> None:
        self.text = text
        self.sents = sents
        self.paras = paras
        self.published = published
        self.same = same
        self.rules = load_date_link_rules()
        self._days: dict[int, str] = {}  # id(source) -> the day its last dated statement had
        self._started: set[int] = set()  # id(source) of the sources that made a statement
        self._prev: tuple[int, Source, Attribution] | None = None

    def _sentence(self, k: int) -> str:
        s, e = self.sents[k]
        return self.text[s:e]

    def started(self, att: Attribution, k: int, sources: list[Source], doc: Doc) -> None:
        """Note statement ``att`` of sentence ``k`` (parsed: ``doc``), after its own date was
        read."""
        src = att.relay_src or att.origin_src
        if src is None:
            return
        sentence = self._sentence(k)
        for body in occasion_bodies(sentence, self.rules):
            if body not in src.date_links:
                src.date_links.append(body)
        if anaphor_on_verb(doc, att.verb_i, self.rules) or (
                att.verb_i is not None and
                _before_time(sentence, self.rules)[doc[att.verb_i].idx:].strip()):
            self._anaphor(att, k, sentence)  # (the same day after the verb: its own)
        if att.date is None and att.date_how is None:
            self._reply(att, src, sentence, sources)
        self._after_unnamed(att, k, src)
        if att.date is not None:
            self._days[id(src)] = att.date
        self._started.add(id(src))
        self._prev = (k, src, att)

    def _anaphor(self, att: Attribution, k: int, sentence: str) -> None:
        if att.date_how not in (None, "source", "earlier"):
            return
        if k == 0 or self.paras[k - 1] != self.paras[k]:
            day = anaphoric_day(sentence, _before_time(sentence, self.rules), self.published,
                                self.rules)
            if day is not None:
                att.date, att.date_how = day, ANAPHOR
            return
        # the day the sentence names before the time ("killed on Sunday, the mission said
        # in a statement the same day"), else the one the sentence before names
        day = anaphoric_day(sentence, _before_time(sentence, self.rules), self.published,
                            self.rules) or \
            anaphoric_day(sentence, self._sentence(k - 1), self.published, self.rules)
        if day is not None:
            att.date, att.date_how = day, ANAPHOR

    def _reply(self, att: Attribution, src: Source, sentence: str,
               sources: list[Source]) -> None:
        for who in reply_targets(sentence, self.rules):
            probe = Source(names=[who], person=True)
            days = {self._days[id(s)] for s in sources
                    if s is not src and s.person and id(s) in self._days and
                    self.same(probe, s)}
            if len(days) == 1:
                att.date, att.date_how = days.pop(), REPLY
                if src.date is None:  # as a day on its verb would date it
                    src.date = att.date
                return

    def _after_unnamed(self, att: Attribution, k: int, src: Source) -> None:
        prev = self._prev
        if prev is None or att.date is not None or src.date is not None:
            return
        pk, psrc, patt = prev
        if pk != k - 1 or psrc is src or patt.date is None or id(src) in self._started or \
                not is_unnamed(psrc, self.rules) or not _named_officer(src, self.rules) or \
                is_unnamed(src, self.rules):
            return
        for name in psrc.names:
            if name not in src.date_links:
                src.date_links.append(name)
