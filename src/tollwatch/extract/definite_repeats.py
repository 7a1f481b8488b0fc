"""Figures written as a definite reference to a count the article gave before.

"Seven soldiers were killed on Sunday." ... "All seven soldiers killed were from one unit, the
source said." The later figure is written as people already counted ("all seven", "the 12
victims"): the sourced sentence restates the lead's figure however few of its words it uses
again, so the lead's claim takes its source and date (``later_sources.credit_earlier``), and
the other own-voice figures of the lead's sentence, the one report it sums up, take them too.
The determiners are data (``definite_repeats.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping, word_list
from tollwatch.extract.numbers import find_numbers
from tollwatch.model import Claim

__all__ = ["DefiniteRules", "credit_sentence_mates", "definite_figure", "definite_mention",
           "definite_restatement", "load_definite_rules"]


@dataclass(frozen=True)
class DefiniteRules:
    """The compiled rules: the determiner right before a figure that opens its sentence
    (``opening``) or stands anywhere in it (``anywhere``), whether the credited figure's
    sentence-mates share its source, and whether a definite figure inside a clause is
    folded into the count it mentions."""

    enabled: bool
    opening: re.Pattern[str] | None
    anywhere: re.Pattern[str] | None
    sentence_mates: bool
    fold_mentions: bool


@lru_cache(maxsize=4)
def load_definite_rules(path: str | None = None) -> DefiniteRules:
    """The rules of ``definite_repeats.yaml`` (or the file at ``path``)."""
    data, where = read_mapping("definite_repeats.yaml", path, "definite-repeat rules", "are")
    flags = [data.get(k, True) for k in ("enabled", "sentence_mates", "fold_mentions")]
    if not all(isinstance(f, bool) for f in flags):
        raise ConfigError("enabled, sentence_mates and fold_mentions must be true or false",
                          source=where)
    dets = word_list(data.get("determiners"), "determiners", where)
    alt = "|".join(r"\s+".join(re.escape(p) for p in d.split())
                   for d in sorted(dets, key=len, reverse=True))
    opening = re.compile(rf"^\W*(?:{alt})\s+$", re.IGNORECASE) if dets else None
    anywhere = re.compile(rf"(?:^|[^\w'’])(?:{alt})\s+$", re.IGNORECASE) if dets else None
    return DefiniteRules(flags[0], opening, anywhere, flags[1], flags[2])


def _written_after(c: Claim, rx: re.Pattern[str] | None) -> bool:
    if rx is None or c.value is None:
        return False
    q = c.quote
    return any(m.value == c.value and rx.search(q[:m.start]) for m in find_numbers(q))


def definite_figure(c: Claim) -> bool:
    """True when ``c``'s sentence opens with its number written after a definite determiner
    ("All seven soldiers killed were ...", "The 12 victims were ..."): the people already
    counted are the sentence's topic."""
    rules = load_definite_rules()
    return rules.enabled and _written_after(c, rules.opening)


def definite_mention(c: Claim) -> bool:
    """True when ``c``'s number is written after a definite determiner inside its sentence
    ("According to the report, after the four men were executed, ..."): a mention of people
    counted before, not a count of its own (``fold_mentions``)."""
    rules = load_definite_rules()
    return rules.enabled and rules.fold_mentions and not definite_figure(c) and \
        _written_after(c, rules.anywhere)


def definite_restatement(earlier: list[Claim], c: Claim) -> Claim | None:
    """The earlier claim that own-voice claim ``c`` names again by a definite reference
    opening its sentence ("Gunmen wounded five policemen, officials said. / The five wounded
    officers were taken to hospital."): people counted before, whoever counted them, so no
    claim of its own (``earlier``: claims of the same metric, number and group, in text
    order)."""
    att = c.attribution or {}
    if c.origin or c.speaker or att.get("how") != "own_voice" or att.get("headline") or \
            not load_definite_rules().fold_mentions or not definite_figure(c):
        return None
    return next((e for e in reversed(earlier) if e.start < c.start), None)


def credit_sentence_mates(claims: list[Claim]) -> None:
    """Give the own-voice figures of a sentence whose figure a definite restatement credited
    (``carried_by: "definite"``) the same source and date."""
    if not load_definite_rules().sentence_mates:
        return
    credited = {c.start: c for c in claims
                if (c.attribution or {}).get("carried_by") == "definite"}
    if not credited:
        return
    for c in claims:
        src = credited.get(c.start)
        att = c.attribution or {}
        if src is None or c is src or c.origin or c.speaker or att.get("headline") or \
                att.get("how") != "own_voice":
            continue
        c.origin, c.speaker, c.date = list(src.origin), list(src.speaker), src.date
        c.attribution = {**(src.attribution or {}), "carried_by": "sentence"}
        c.confidence = round(min(c.confidence, src.confidence), 3)
