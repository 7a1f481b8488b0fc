"""Find stated numbers in text: digits, separators, scale words, ranges and number words.

Each mention records its character span, its value (or low/high for a range) and whether
it is written in words. Whether a number counts people is decided later, in context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["NumberMention", "find_numbers", "parse_number_words"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
_SCALE_ABBR = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
               "bn": 1_000_000_000}

_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|" \
        r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|" \
        r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|lakhs?|crores?)"
# "and" joins number words only after a scale: "one hundred and twelve", not "nine and five"
_AFTER_SCALE = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=lakh)|(?<=crore))"
_WORDS = (rf"\b(?:(?:a|an)\s+(?=(?:dozen|hundred|thousand|million)\b))?{_WORD}"
          rf"(?:(?:{_AFTER_SCALE}(?:\s+and\s+|-and-)|[\s-]+){_WORD})*\b")
_WORDS_RE = re.compile(_WORDS, re.IGNORECASE)
# the same, for lower-cased ASCII text, where it matches what _WORDS_RE matches in the text
# as written, at the same offsets, about three times quicker (a first letter checked before
# the list of words is tried)
_WORDS_LOWER = re.compile(r"(?=[abcdefhlmnostz])" + _WORDS)
_DIGITS = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d]|[,.]\d)|"
           r"\d+(?:\.\d+)?")
_SCALE = r"(?:\s*(?:million|thousand|billion|hundred|lakhs?|crores?)\b|(?:k|m|mn|mln|bn)\b)"
_DIGIT_RE = re.compile(
    rf"(?<![\w.,/:^-])(?P<a>{_DIGITS})(?P<sa>{_SCALE})?"
    rf"(?:(?P<sep>\s*(?:-|–|—|to)\s*)(?P<b>{_DIGITS})(?P<sb>{_SCALE})?)?"
    rf"(?P<plus>\+|-plus\b)?(?![\w,]*\d|\.\d|\^|\*\*)",
    re.IGNORECASE,
)
_BETWEEN_RE = re.compile(
    rf"\bbetween\s+(?P<a>{_DIGITS})(?P<sa>{_SCALE})?\s+and\s+(?P<b>{_DIGITS})(?P<sb>{_SCALE})?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: int | None
    low: int | None = None
    high: int | None = None
    words: bool = False
    plus: bool = False  # "10,000+"


# "from 65 to 100" is a movement (two figures); "ranging from 65 to 100" is a range
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_RANGE_VERB_BEFORE = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|estimates?|"
                                r"anywhere)\s+from\s*$", re.IGNORECASE)
MAX_DIGITS = 15  # longer digit strings are identifiers or noise, never counts


def _scale(s: str | None) -> int:
    if not s:
        return 1
    key = s.strip().lower()
    return _SCALES.get(key) or _SCALE_ABBR.get(key, 1)


_NON_DIGIT = re.compile(r"\D")
_A_DIGIT = re.compile(r"\d")
_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009]")


def _digits(s: str) -> float:
    return float(_SEPARATORS.sub("", s))


def parse_number_words(text: str) -> int | None:
    """'twenty-five' -> 25, 'a dozen' -> 12, 'two hundred thousand' -> 200000."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[0] in ("a", "an"):
        tokens = ["one"] + tokens[1:]
    total = 0
    current = 0
    seen = False
    for t in tokens:
        if t in _UNITS:
            current += _UNITS[t]
        elif t in _TENS:
            current += _TENS[t]
        elif t == "dozen":
            current = (current or 1) * 12
        elif t == "hundred":
            current = (current or 1) * 100
        elif t in _SCALES:
            total += (current or 1) * _SCALES[t]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in spans)


def _short_low(a: str, b: str) -> bool:
    """The low end of a range written short ("10-15,000"): one or two digits before a
    high end written with its thousands ("15,000"), whose first group it is no larger
    than."""
    head = b.split(",")[0]
    return a.isdigit() and len(a) <= 2 and "," in b and len(b.split(",")) == 2 and \
        head.isdigit() and int(a) <= int(head)


_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
# what follows a period of years rather than a count's noun ("between 2018 and 2022.",
# "2015-2019, some 400 ...", "between 1990 and 1995 in ...")
_PERIOD_AFTER = re.compile(r"\s*(?:$|[.,;:)\]—–-]|(?:in|when|as|before|after|and|the|"
                           r"during|while|because|of|at|on|to|there|some|about)\b)",
                           re.IGNORECASE)


def _years(a: str, b: str) -> bool:
    """``a`` and ``b`` read as a period of years ("2018" to "2022"), the second later."""
    return bool(_YEAR_RE.fullmatch(a) and _YEAR_RE.fullmatch(b)) and int(a) < int(b)


_VAGUE_BEFORE = re.compile(r"\b(?:few|several|many|some few)\s+$", re.IGNORECASE)


def find_numbers(text: str) -> list[NumberMention]:
    """All number mentions in ``text``, in order, without overlaps."""
    out: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    # (both digit patterns need a digit, the range one "between" too: no letter but B, E,
    # T, W, N lower-cases to those)
    digits = _A_DIGIT.search(text) is not None
    for m in _BETWEEN_RE.finditer(text) if digits and "between" in text.lower() else ():
        if any(len(_NON_DIGIT.sub("", m.group(x))) > MAX_DIGITS for x in ("a", "b")):
            continue
        if _years(m.group("a"), m.group("b")) and not m.group("sa") and not m.group("sb") \
                and _PERIOD_AFTER.match(text, m.end()):
            continue  # "between 2018 and 2022": a period, no count
        sb = _scale(m.group("sb"))
        sa = _scale(m.group("sa")) if m.group("sa") else sb
        lo, hi = round(_digits(m.group("a")) * sa), round(_digits(m.group("b")) * sb)
        if lo < hi:
            out.append(NumberMention(m.start(), m.end(), m.group(0), None, lo, hi))
            taken.append((m.start(), m.end()))
    for m in _DIGIT_RE.finditer(text) if digits else ():
        if _overlaps(taken, m.start(), m.end()):
            continue
        a, b = m.group("a"), m.group("b")
        if any(len(_NON_DIGIT.sub("", x)) > MAX_DIGITS for x in (a, b) if x):
            continue
        sb = _scale(m.group("sb"))
        before = text[max(0, m.start() - 30):m.start()]
        if b is not None and "to" in m.group("sep").lower() and _FROM_BEFORE.search(before) \
                and not _RANGE_VERB_BEFORE.search(before):
            # a toll that moves: both figures stand on their own
            a_end = m.start("sep")
            out.append(NumberMention(m.start(), a_end, text[m.start():a_end],
                                     round(_digits(a) * _scale(m.group("sa")))))
            out.append(NumberMention(m.start("b"), m.end(), text[m.start("b"):m.end()],
                                     round(_digits(b) * sb), plus=bool(m.group("plus"))))
            taken.append((m.start(), m.end()))
            continue
        if b is not None and _years(a, b) and not m.group("sa") and not m.group("sb") and \
                _PERIOD_AFTER.match(text, m.end()):
            continue  # "2018-2022": a period, no count
        if b is not None:
            sa = _scale(m.group("sa")) if m.group("sa") else sb
            lo, hi = round(_digits(a) * sa), round(_digits(b) * sb)
            if lo < 1000 <= hi and "," not in a and "." not in a and _short_low(a, b):
                lo *= 1000  # "10-15,000": the low end shares the high end's thousands
            if lo < hi:
                out.append(NumberMention(m.start(), m.end(), m.group(0), None, lo, hi,
                                         plus=bool(m.group("plus"))))
                taken.append((m.start(), m.end()))
                continue
            # not a range ("1,000-for-1,000", "24-7"): keep the first number only
            end = m.start("sep")
            val = round(_digits(a) * _scale(m.group("sa")))
            out.append(NumberMention(m.start(), end, text[m.start():end], val))
            taken.append((m.start(), end))
            continue
        val = round(_digits(a) * _scale(m.group("sa")))
        out.append(NumberMention(m.start(), m.end(), m.group(0), val,
                                 plus=bool(m.group("plus"))))
        taken.append((m.start(), m.end()))
    for m in _WORDS_LOWER.finditer(text.lower()) if text.isascii() else \
            _WORDS_RE.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        words = text[m.start():m.end()]
        # a trailing digit scale after words is rare; a word range "ten to twelve" is handled
        # by two mentions joined later if needed
        wval = parse_number_words(words)
        if wval is None:
            continue
        if _VAGUE_BEFORE.search(text, max(0, m.start() - 12), m.start()) and \
                words.lower().split()[0] in ("hundred", "thousand", "million", "dozen"):
            continue  # "a few thousand", "several hundred": no number is stated
        out.append(NumberMention(m.start(), m.end(), words, wval, words=True))
        taken.append((m.start(), m.end()))
    # digits followed by a scale word written out: "3 million" is covered by _SCALE;
    out.sort(key=lambda n: n.start)
    return out
