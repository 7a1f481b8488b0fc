"""The response cue lexicon, loaded from ``tollwatch/data/responses.yaml``.

It gives the cheap text prefilter (one regular expression over a document's text, before
any parse) and the word tables that decide what a response is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping
from tollwatch.model import RESPONSE_KINDS

__all__ = ["CueMatch", "ResponseLexicon", "load_response_lexicon"]

_GAP = r"(?:\W+\w+){0,6}?"


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue phrase found in a sentence: its kind and where (offsets in the sentence)."""

    kind: str
    start: int
    end: int


def _phrase_regex(phrase: str) -> str:
    parts = [p.strip() for p in phrase.lower().split("...")]
    words = [r"\s+".join(re.escape(w) for w in part.split()) for part in parts if part]
    return (_GAP + r"\W+").join(words)


@dataclass(frozen=True)
class ResponseLexicon:  # noqa: PLR0902 (one field per table)
    cues: re.Pattern[str]             # every cue phrase; the group name is the kind
    not_responses: re.Pattern[str] | None
    reporters: frozenset[str]
    referring: frozenset[str]
    pronouns: frozenset[str]
    events: frozenset[str]
    metric_words: dict[str, str]      # word -> metric
    weak: frozenset[str]
    reply_window: int
    prefilter: re.Pattern[str] = re.compile(r"(?!)")  # a word of every cue: cheap first pass
    stems: tuple[str, ...] = ()

    def stem_hits(self, text: str) -> list[int]:
        """Where a prefilter word occurs in ``text`` (plain substring search of the
        lower-cased text: far cheaper than any pattern)."""
        low = text.lower()
        if len(low) != len(text):  # a character that lower-cases to two: offsets move
            return [m.start() for m in self.prefilter.finditer(text)]
        out: list[int] = []
        for st in self.stems:
            i = low.find(st)
            while i >= 0:
                out.append(i)
                i = low.find(st, i + len(st))
        return out
    covers: dict[str, frozenset[str]] = field(default_factory=dict)

    def cue_matches(self, sentence: str) -> list[CueMatch]:
        """The cues of ``sentence`` that are not part of a phrase that is no response."""
        blocked = [(m.start(), m.end()) for m in self.not_responses.finditer(sentence)] \
            if self.not_responses is not None else []
        out = []
        for m in self.cues.finditer(sentence):
            kind = m.lastgroup or ""
            if any(a < m.end() and m.start() < b for a, b in blocked):
                continue
            out.append(CueMatch(kind, m.start(), m.end()))
        return out


def _words(items: Any) -> frozenset[str]:
    return frozenset(str(x).lower() for x in (items or []))


def _from_mapping(data: dict[str, Any], where: str) -> ResponseLexicon:
    try:
        groups = []
        for kind in data["kinds"]:
            if kind not in RESPONSE_KINDS:
                raise ConfigError(f"unknown response kind {kind!r}", source=where)
        # the order of RESPONSE_KINDS' precedence is the file's order of kinds
        for kind, phrases in data["kinds"].items():
            alts = sorted((_phrase_regex(str(p)) for p in phrases or []), key=len, reverse=True)
            if alts:
                groups.append(f"(?P<{kind}>{'|'.join(alts)})")
        cues = re.compile(rf"\b(?:{'|'.join(groups)})\b", re.IGNORECASE)
        stems = sorted({str(x).lower() for x in data["prefilter"]})
        for phrases in data["kinds"].values():
            for p in phrases or []:
                if not any(st in str(p).lower() for st in stems):
                    raise ConfigError(f"cue {p!r} holds no word of the prefilter list",
                                      source=where)
        prefilter = re.compile("|".join(map(re.escape, stems)), re.IGNORECASE)
        nots = data.get("not_responses") or {}
        phrases = [_phrase_regex(str(p)) for p in nots.get("phrases") or []]
        not_re = re.compile(rf"\b(?:{'|'.join(phrases)})\b", re.IGNORECASE) if phrases else None
        about = data["about"]
        metric_words: dict[str, str] = {}
        for metric, words in (about.get("metrics") or {}).items():
            for w in words or []:
                metric_words.setdefault(str(w).lower(), str(metric))
        return ResponseLexicon(
            cues=cues, not_responses=not_re, reporters=_words(nots.get("reporters")),
            referring=_words(about.get("referring_nouns")),
            pronouns=_words(about.get("pronouns")), events=_words(about.get("events")),
            metric_words=metric_words, weak=_words(about.get("weak")),
            reply_window=int(data.get("reply_window", 3)), prefilter=prefilter,
            stems=tuple(stems),
            covers={str(m): _words(v) | {str(m)} for m, v in (about.get("covers") or {}).items()},
        )
    except (KeyError, TypeError, AttributeError, ValueError, re.error) as e:
        raise ConfigError(f"malformed response lexicon ({e!r})", source=where) from e


def kind_rank(kind: str, lex: ResponseLexicon) -> int:
    """Precedence of a kind: the earlier its group in the cue pattern, the stronger."""
    order = list(lex.cues.groupindex)
    return order.index(kind) if kind in order else len(order)


@lru_cache(maxsize=4)
def load_response_lexicon(path: str | None = None) -> ResponseLexicon:
    """Load the built-in response lexicon, or the YAML file at ``path``."""
    data, where = read_mapping("responses.yaml", path, "response lexicon", "is")
    return _from_mapping(data, where)
