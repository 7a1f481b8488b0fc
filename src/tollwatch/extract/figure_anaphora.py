"""Figures that count back to the group a statement just counted.

"Police said twelve people were killed. / Another 20 were wounded." The second paragraph
names no source, and no "Among them" opens it; but its figure is counted against the one
before ("another", "a further", "20 more", "20 others", "25 of the dead"), so it carries the
statement before on into the next paragraph like a sentence that points back. The cue words
are data (``figure_anaphora.yaml``); the stage keeps such a figure's reason visible
(``carried_by: "figure_anaphor"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tollwatch.extract.datafile import enabled_flag, read_mapping, word_list
from tollwatch.extract.figure_things import counts_things

__all__ = ["AnaphoraRules", "counts_back", "load_anaphora_rules"]

# a figure: digits ("20", "1,200") or a number word (checked against the list below)
_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "dozen", "dozens", "thousand", "thousands"]
_FIGURE = (r"(?:\d+(?:[,.]\d+)*(?:\s+(?:hundred|thousand|million))?|(?:" +
           "|".join(_NUMBER_WORDS) + r")(?:[\s-]+(?:" + "|".join(_NUMBER_WORDS) + r"))*)")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


_ANY_FIGURE = re.compile(rf"\b{_FIGURE}\b", re.IGNORECASE)


@dataclass(frozen=True)
class AnaphoraRules:
    """The compiled cue: a figure tied back to the count before it."""

    enabled: bool
    pattern: re.Pattern[str] | None


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(re.escape(p) for p in w.split())
                    for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def load_anaphora_rules(path: str | None = None) -> AnaphoraRules:
    """The rules of ``figure_anaphora.yaml`` (or the file at ``path``)."""
    data, where = read_mapping("figure_anaphora.yaml", path, "figure-anaphora rules", "are")
    on = enabled_flag(data, where)
    before = word_list(data.get("before_figure"), "before_figure", where)
    after = word_list(data.get("after_figure"), "after_figure", where)
    part = word_list(data.get("part_of"), "part_of", where)
    hedges = word_list(data.get("hedges"), "hedges", where)
    hedge = rf"(?:(?:{_alt(hedges)})\s+)?" if hedges else ""
    forms = []
    if before:
        forms.append(rf"\b(?:{_alt(before)})\s+{hedge}{_FIGURE}\b")
    if after:
        forms.append(rf"\b{_FIGURE}\s+(?:{_alt(after)})\b")
    if part:
        forms.append(rf"\b{_FIGURE}\s+of\s+(?:{_alt(part)})\b")
    pattern = re.compile("|".join(forms), re.IGNORECASE) if forms else None
    return AnaphoraRules(enabled=on, pattern=pattern)


def counts_back(sentence: str, rules: AnaphoraRules | None = None) -> bool:
    """True when a figure of ``sentence`` (outside quoted passages) is counted against a
    group counted before ("Another 20 were wounded", "25 of the dead were women")."""
    rules = rules or load_anaphora_rules()
    if not rules.enabled or rules.pattern is None:
        return False
    text = _QUOTED.sub(" ", sentence)
    found = rules.pattern.search(text)
    if found is None:
        return False
    # the sentence's first figure: "killed three and injured four others" counts "others"
    # against its own first figure, not against the statement before
    before = _YEAR.sub(" ", text[:found.start()])
    return not any(not counts_things(before[m.end():]) for m in _ANY_FIGURE.finditer(before))
