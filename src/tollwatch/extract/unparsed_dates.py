"""Days that sentences left unparsed give the sources they name.

Extraction parses only the sentences that may hold a figure and those that name a source a
figure refers back to. A sentence after the figures often dates their statement ("...,
according to a statement issued on Tuesday by the Interior Ministry"; "The agency made
the figures public in a report on Monday"). Read with a pattern, not parsed: a statement
word (a reporting verb or a statement noun) followed closely by a day ("said on Tuesday",
"statement issued on Tuesday"), in a sentence that names exactly one source of the
document by one of its names (or spells out its acronym: "the United Nations" for
"U.N."), dates that source when none of its statements named a day.
The day of an event ("the attack on Tuesday", "Monday's raid") is not read: it follows no
statement word, or is a possessive; a possessive day of a statement noun under a preposition
("in yesterday's interview", "at Monday's briefing") is the statement's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.sources import Source

__all__ = ["DAY_PATTERN", "date_sources_from_text", "may_name_day", "named_in", "statement_day"]

_WORD = (r"(?:said|says|announced|reported|confirmed|stated|added|noted|told\s+\w+|"
         r"statement|report|briefing|conference|interview|update|bulletin|post|message)")
DAY_PATTERN = (r"(?:(?:late|early|earlier)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
        r"(?:\s+(?:morning|afternoon|evening|night))?|today|yesterday|"
        r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}\b|"
        r"\d{1,2}\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
        r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)")
_STATEMENT_DAY = re.compile(
    rf"\b{_WORD}\b(?:\s+(?:issued|released|published|posted|made|given|late|early))?"
    rf"(?:\s+(?:on|in|at))?\s+(?P<day>{DAY_PATTERN})(?![\w'’]|\s*['’]s\b)", re.IGNORECASE)


_ANY_DIGIT = re.compile(r"\d")


def may_name_day(sentence: str) -> bool:
    """False when no ``DAY_PATTERN`` can match in ``sentence``: every day it names has a
    digit or "day" in it (no other letter matches d, a, y with case ignored)."""
    return "day" in sentence.lower() or _ANY_DIGIT.search(sentence) is not None


@lru_cache(maxsize=4)
def _possessive_day() -> re.Pattern[str] | None:
    """A day given as the possessive of a statement noun under a preposition ("in
    yesterday's interview", "at Monday's briefing"; ``possessive_statement_days``)."""
    rules = load_date_rules()
    if not rules.possessive_day_preps or not rules.possessive_day_nouns:
        return None
    preps = "|".join(re.escape(p) for p in sorted(rules.possessive_day_preps))
    nouns = "|".join(re.escape(n) for n in sorted(rules.possessive_day_nouns))
    return re.compile(rf"\b(?:{preps})\s+(?P<day>{DAY_PATTERN})['’]s\s+(?:[\w-]+\s+)?"
                      rf"(?:{nouns})\b", re.IGNORECASE)


def statement_day(sentence: str, published: str | None) -> str | None:
    """The ISO day a statement word of ``sentence`` is dated with, or None."""
    if not may_name_day(sentence):
        return None
    possessive = _possessive_day()
    for pattern in (_STATEMENT_DAY, possessive):
        for m in pattern.finditer(sentence) if pattern is not None else ():
            day = resolve_date(m.group("day"), published)
            if day is not None:
                return day
    return None


_SMALL = {"of", "the", "and", "for", "on", "in", "de"}


def _spelled_out(sentence: str, acronym: str) -> bool:
    """True when ``sentence`` spells out ``acronym`` ("U.N." or "UN": "the United Nations
    said"): a run of capitalised words, small words between them, with those initials."""
    words = re.findall(r"[\w’'-]+", sentence)
    for i, w in enumerate(words):
        if not w[:1].isupper():
            continue
        got = ""
        for x in words[i:]:
            if x.lower() in _SMALL and got:
                continue
            if not x[:1].isupper():
                break
            got += x[0]
            if got == acronym:
                return True
            if len(got) >= len(acronym):
                break
    return False


def _acronym(name: str) -> str | None:
    bare = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.IGNORECASE).replace(".", "")
    return bare if 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper() else None


def _title_surname(name: str) -> str | None:
    """The short form "Governor Doe" of a titled person's name ("Governor Jane Doe of the
    Eastern Province"): the title and the surname, or None for other names."""
    person = re.split(r"\s+of\s+|,", name.strip(), maxsplit=1)[0].split()
    if len(person) < 3 or person[0].lower() not in load_lexicon().source_titles or \
            not all(w[:1].isupper() for w in person):
        return None
    return f"{person[0]} {person[-1]}"


def named_in(sentence: str, src: Source) -> bool:
    """True when ``sentence`` names ``src`` by a name that picks one source out, or by the
    title and surname of a titled person's name ("Governor Doe")."""
    for name in src.names:
        short = _title_surname(name)
        if short is not None and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", sentence):
            return True
        acr = _acronym(name)
        if acr is not None and _spelled_out(sentence, acr):
            return True
        bare = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
        if len(bare) < 3 or (" " not in bare and not bare[:1].isupper()):
            continue  # "ministry", "he": not a name that picks one source out
        if re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", sentence, re.IGNORECASE):
            return True
    return False


def date_sources_from_text(sentences: Iterable[str], sources: list[Source],
                           published: str | None) -> list[Source]:
    """Date the undated sources that one of ``sentences`` (left unparsed) names alone with
    a dated statement word; the sources dated so."""
    out: list[Source] = []
    stated = [s for s in sources if not s.noted]
    for sentence in sentences:
        day = statement_day(sentence, published)
        if day is None:
            continue
        named = [s for s in stated if named_in(sentence, s)]
        if not named or not _one_source(named) or any(s.date is not None for s in named):
            continue
        for s in named:
            s.date = day
            out.append(s)
    return out


def _one_source(named: list[Source]) -> bool:
    """True when ``named`` are the records of one source: each shares a name with the first
    (a headline's "governor" given the body's "Governor Jane Doe")."""
    first = {n.lower() for n in named[0].names}
    return all(first & {n.lower() for n in s.names} for s in named[1:])
