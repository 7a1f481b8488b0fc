"""Drop number mentions that by their surroundings cannot count people (dates, ages,
percentages, money, units, names of things).
"""

from __future__ import annotations

import re

from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.numbers import NumberMention
from tollwatch.extract.proportions import proportion_numbers

__all__ = ["candidate_numbers"]

_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


_CURRENCY = ("$", "€", "£", "¥", "₦", "us$", "usd", "rs", "rs.", "ksh", "sh")


_WEAK_ONE = {"one"}
_EACH_BEFORE = re.compile(r"\b(?:every|each|any|no|not a single)\s+$")
# what rules a figure out by the words right after or before it (``candidate_numbers``)
_UNIT_AFTER = re.compile(r"(\s*(%|per ?cent|percent|-year|-month|-day|-week|-hour|-km|-mile|"
                         r":\d)|(st|nd|rd|th)\b|[a-z])")
_SHARE_AFTER = re.compile(r"\s*(%|per ?cent|percent|-year|-month|years? old|-for-)")
_JOINED_AFTER = re.compile(r"-for-|-\w")
_LABEL_BEFORE = re.compile(r"(?:\b(?:aged(?: between| from)?|between the ages of|age of|ages of|"
                           r"ages|age|no\.|number|page|article|"
                           r"resolution|chapter|section|as young as|as old as)|#)\s*$")
#                          (not "engaged 40")
_PREV_MONTH = re.compile(r"\b([A-Za-z]+)\.? +$")  # "March 5", "Sept. 5"; not "In March, 64"
_NEXT_MONTH = re.compile(r"(?:st|nd|rd|th)? +([A-Z][a-z]+)\b")  # "5 March": a capital, not "may have"
_SPACES = re.compile(r"\s+")


MAX_PEOPLE = 10_000_000_000  # no count of people is larger
# a number after a place or unit name that a preposition introduces: "stationed at Camp 15"
_NAME_BEFORE = re.compile(r"\b(?:at|near|in|on|from|to|of|into|outside|inside|around|behind)\s+"
                          r"(?:[A-Z][\w'’-]*\s+){1,3}$")
_NAME_AFTER = re.compile(r"\s*(?:$|[,.;:)]|(?:and|or|area|sector|post|checkpoint)\b)")
# an age after a name: "said Jane Doe, 32." / "Doe, 32, a teacher"
_AGE_BEFORE = re.compile(r"[A-Z][\w.'’-]+,\s*$")
_AGE_AFTER = re.compile(r"\s*(?:,|\.\s*$|$|;|\))")
# an age after one person named by a common noun: "The boy, 12, was hurt", "her son, 9."
_AGE_NOUN_BEFORE = re.compile(r"\b([a-z]+),\s*$")
MAX_AGE = 120
# "three villagers, one of them aged 19": the one is told apart by an age, not counted
_ONE_AGED = re.compile(r"\s+of\s+(?:them|whom|those)\s*,?\s+(?:aged|age)\b")
# "nine of them were under 18", "most are over 60": an age limit, not a count
_OF_AGE = re.compile(r"\b(?:were|are)\s+(?:under|over|above|below)\s+$")
_TALLY_BEFORE = re.compile(r"\b(?:toll|number|figure|total|count|tally|dead|deaths|killed|"
                           r"casualties|wounded|injured)\b")
# the later ages of a list after "aged": "two children aged six and 10", "aged 8, 12 and 15"
_AGE_LIST = re.compile(r"\b(?:aged|ages(?: of)?|age of)\s+(?:between\s+|from\s+)?[\w-]+"
                       r"(?:\s*,\s*[\w-]+){0,4},?\s+"
                       r"(?:and|or|to)\s+$|\b(?:aged|ages(?: of)?)\s+[\w-]+(?:\s*,\s*[\w-]+){0,4}"
                       r"\s*,\s*$")


# a figure glued to a letter ("P1", "N50", "K2.5") or a bare scale word after one ("P1
# million": the finder reads only "million") is an amount of money or a code, not a count
_GLUED_BEFORE = re.compile(r"[A-Za-z]$")
_AMOUNT_BEFORE = re.compile(r"[A-Za-z][\d.,]*\d\s*$")
_SCALE_WORDS = {"million", "billion", "thousand", "hundred", "trillion"}


def _glued_amount(text: str, n: NumberMention) -> bool:
    before = text[max(0, n.start - 12):n.start]
    if not n.words:
        return bool(_GLUED_BEFORE.search(before))
    return n.text.lower() in _SCALE_WORDS and bool(_AMOUNT_BEFORE.search(before))


def _too_large(n: NumberMention) -> bool:
    return any(v is not None and v > MAX_PEOPLE for v in (n.value, n.low, n.high))


def _is_age_of_one(text: str, n: NumberMention, lex: Lexicon) -> bool:
    """A number set off by commas after a singular person noun ("a woman, 34, and her son,
    9") is that person's age: one person cannot be a count of more."""
    if n.value is None or n.low is not None or n.value > MAX_AGE:
        return False
    m = _AGE_NOUN_BEFORE.search(text[max(0, n.start - 30):n.start])
    if m is None or not _AGE_AFTER.match(text[n.end:]):
        return False
    noun = m.group(1)
    return noun in lex.people and not noun.endswith("s")


def _after_currency(before: str) -> bool:
    """``before`` (lower-cased) ends with a currency sign, or a currency's letters as a word
    of their own ("rs 500", not "told reporters 12")."""
    head = before.rstrip()
    for cur in _CURRENCY:
        if head.endswith(cur) and (not cur[0].isalpha() or len(head) == len(cur) or
                                   not head[-len(cur) - 1].isalpha()):
            return True
    return False


def _in_a_name(low: str, n: NumberMention, lex: Lexicon) -> bool:
    """The number follows a word of the lexicon's ``numbered_names`` ("world war",
    "flight"): it is part of the name of an event or a thing."""
    before = _SPACES.sub(" ", low[max(0, n.start - 30):n.start]).rstrip()
    names = _names_of(lex)
    return before in names[0] or before.endswith(names[1])


_NAMES: dict[int, tuple[Lexicon, tuple[frozenset[str], tuple[str, ...]]]] = {}


def _names_of(lex: Lexicon) -> tuple[frozenset[str], tuple[str, ...]]:
    """``lex.numbered_names``, and each with the space before it (for one ``endswith``)."""
    got = _NAMES.get(id(lex))
    if got is None or got[0] is not lex:
        names = lex.numbered_names
        got = _NAMES[id(lex)] = (lex, (frozenset(names), tuple(" " + w for w in names)))
    return got[1]


def _day_of_month(text: str, n: NumberMention) -> bool:
    """A day beside its month ("March 5", "5 March"); not a count after "In January, ",
    nor before the verb "may" ("40 may have died")."""
    if n.value is not None and n.value > 31:
        return False
    before = text[max(0, n.start - 12):n.start]
    prev = _PREV_MONTH.search(before)
    if prev and prev.group(1).lower() in _MONTHS:
        return True
    nxt = _NEXT_MONTH.match(text[n.end:n.end + 14])
    return bool(nxt and nxt.group(1).lower() in _MONTHS)


def candidate_numbers(text: str, numbers: list[NumberMention],
                      lex: Lexicon | None = None) -> list[NumberMention]:
    """Drop numbers that by their surroundings cannot count people."""
    out = []
    low = text.lower()
    force_suffixes = lex.force_suffixes if lex is not None else ("-strong",)
    shares = proportion_numbers(text, numbers)
    for k, n in enumerate(numbers):
        if k in shares:
            continue  # "eight out of ten of those killed": a proportion, no count
        after = low[n.end:n.end + 14]
        before = low[max(0, n.start - 24):n.start]
        if _too_large(n):
            continue
        if any(after.startswith(sfx) for sfx in force_suffixes):
            out.append(n)  # "a 5,000-strong force": a force figure
            continue
        if not n.words and _UNIT_AFTER.match(after):
            continue
        if _SHARE_AFTER.match(after):
            continue
        if not n.words and _JOINED_AFTER.match(after):
            continue
        if _LABEL_BEFORE.search(before):
            continue
        if _after_currency(before):
            continue
        if _glued_amount(text, n):
            continue  # "P1 million in ransom", "N50 paid": a sum with a currency letter
        if _day_of_month(text, n):
            continue
        if _AGE_LIST.search(low[max(0, n.start - 50):n.start]):
            continue  # "aged six and 10"
        if _ONE_AGED.match(after) or (_OF_AGE.search(before) and _AGE_AFTER.match(after) and
                                      not _TALLY_BEFORE.search(low[max(0, n.start - 40):n.start])):
            continue  # "one of them aged 12" (its age says who); "were under 18": an age
        if _AGE_BEFORE.search(text[max(0, n.start - 30):n.start]) and \
                _AGE_AFTER.match(text[n.end:]) and not n.words:
            continue  # an age in apposition: "Jane Doe, 22, a resident"
        if lex is not None and not n.words and _is_age_of_one(text, n, lex):
            continue  # an age in apposition to one person: "the boy, 12, was wounded"
        if not n.words and "," not in n.text and \
                _NAME_BEFORE.search(text[max(0, n.start - 60):n.start]) and \
                _NAME_AFTER.match(text[n.end:]):
            continue  # a unit or place number: "a post near Hill 15 and" (not "in Niger 1,220")
        if lex is not None and _in_a_name(low, n, lex):
            continue  # "World War Two", "Flight 17": the number is part of a name
        v = n.value
        if v is not None and not n.words and 1900 <= v <= 2100 and \
                re.fullmatch(r"\d{4}", n.text):  # a year ("1 906" is a count)
            continue
        if n.words and n.text.lower() in _WEAK_ONE and _EACH_BEFORE.search(before):
            continue  # "every one of those casualties", "no one was hurt": no count
        if n.words and n.text.lower() in _WEAK_ONE and re.match(r"\s+(another|of the (day|year|"
                                                                 r"most|first|last|main))",
                                                                after):
            continue
        out.append(n)
    return out
