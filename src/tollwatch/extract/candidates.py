"""Drop number mentions that by their surroundings cannot count people (dates, ages,
percentages, money, units, names of things).
"""

from __future__ import annotations

import re

from tollwatch.extract.numbers import NumberMention

__all__ = ["candidate_numbers"]

_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


_CURRENCY = ("$", "€", "£", "¥", "₦", "us$", "usd", "rs", "rs.", "ksh", "sh")


_WEAK_ONE = {"one"}


def candidate_numbers(text: str, numbers: list[NumberMention]) -> list[NumberMention]:
    """Drop numbers that by their surroundings cannot count people."""
    out = []
    low = text.lower()
    for n in numbers:
        after = low[n.end:n.end + 14]
        before = low[max(0, n.start - 12):n.start]
        if re.match(r"(\s*(%|per ?cent|percent|-year|-month|-day|-week|-hour|-km|-mile|:\d)|"
                    r"(st|nd|rd|th)\b|[a-z])", after) and not n.words:
            continue
        if re.match(r"\s*(%|per ?cent|percent|-year|-month|years? old|-for-)", after):
            continue
        if re.match(r"-for-|-\w", after) and not n.words:
            continue
        if re.search(r"(aged|age of|ages of|ages|no\.|number|#|page|article|resolution|"
                     r"chapter|section)\s*$", before):
            continue
        if any(before.rstrip().endswith(c) for c in _CURRENCY):
            continue
        prev_word = re.findall(r"[a-z]+\.?(?=,?$)", before.rstrip())
        next_word = re.findall(r"^\s*([a-z]+)", after)
        if (prev_word and prev_word[0].rstrip(".") in _MONTHS) or \
                (next_word and next_word[0] in _MONTHS):
            continue
        if re.search(r"[A-Z][\w.'’-]+,\s*$", text[max(0, n.start - 30):n.start]) and \
                re.match(r"\s*,", text[n.end:]) and not n.words:
            continue  # an age in apposition: "Jane Doe, 22, a resident"
        v = n.value
        if v is not None and not n.words and 1900 <= v <= 2100 and "," not in n.text:
            continue
        if n.words and n.text.lower() in _WEAK_ONE and re.match(r"\s+(another|of the (day|year|"
                                                                 r"most|first|last|main))",
                                                                after):
            continue
        out.append(n)
    return out
