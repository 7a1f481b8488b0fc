"""The origin model's rules, read from ``tollwatch/data/reconcile.yaml``: which source names
are fragments of sentences, which are unnamed, which people speak for a body, which
sentences restate an earlier figure and which counted groups are a part of a force.

    >>> rules = default_rules()
    >>> rules.is_fragment('the ministry said 498 soldiers had been killed')
    True
    >>> rules.is_unnamed("a senior NATO official")
    True
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

from tollwatch.reconcile.folding import fold, strip_article, strip_possessive, tidy
from tollwatch.reconcile.tables import as_list, builtin

__all__ = ["Rules", "default_rules"]

_QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e")
_WORD = re.compile(r"[\w'\u2019.&-]+")


_NON_WORD = re.compile(r"[^0-9a-z]+")


def _plain(sentence: str) -> str:
    """A sentence in lower-case words (not through ``fold``, whose cache is for names)."""
    return _NON_WORD.sub(" ", sentence.lower()).strip()


def _phrases(data: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(sorted({fold(p) for p in as_list(data.get(key), f"reconcile.yaml:{key}")},
                        key=lambda p: (-len(p), p)))


def _has_phrase(folded: str, phrases: tuple[str, ...]) -> str | None:
    padded = f" {folded} "
    for p in phrases:
        if f" {p} " in padded:
            return p
    return None


@dataclass(frozen=True, slots=True)
class Rules:
    """The word lists of ``reconcile.yaml`` and the tests built on them."""

    unnamed_heads: frozenset[str]
    unnamed_openers: frozenset[str]
    document_words: frozenset[str]
    document_modifiers: frozenset[str]
    fragment_words: frozenset[str]
    fragment_max_chars: int
    voice_titles: tuple[str, ...]
    restatement_cues: tuple[str, ...]
    part_cues: tuple[str, ...]
    own_side_cues: tuple[str, ...] = ()
    credit_verbs: tuple[str, ...] = ()
    credit_max_words: int = 8
    _memo: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False, hash=False,
                                              repr=False)
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False,
                                                  hash=False, repr=False)

    def _cached(self, kind: str, name: str, fn: Any) -> Any:
        key = (kind, name)
        try:
            return self._memo[key]
        except KeyError:
            pass
        if len(self._memo) > 200_000:
            self._memo.clear()
        value = self._memo[key] = fn(name)
        return value

    def _pattern(self, kind: str, phrases: tuple[str, ...]) -> re.Pattern[str]:
        pat = self._patterns.get(kind)
        if pat is None:
            body = "|".join(re.escape(_plain(p)) for p in phrases if _plain(p)) or "(?!x)x"
            pat = self._patterns[kind] = re.compile(rf"(?:^| )(?:{body})(?: |$)")
        return pat

    @classmethod
    def load(cls, data: dict[str, Any]) -> Rules:
        def words(key: str) -> frozenset[str]:
            return frozenset(fold(w) for w in as_list(data.get(key), f"reconcile.yaml:{key}"))

        return cls(unnamed_heads=words("unnamed_heads"), unnamed_openers=words("unnamed_openers"),
                   document_words=words("document_words"),
                   document_modifiers=words("document_modifiers"),
                   fragment_words=words("fragment_words"),
                   fragment_max_chars=int(data.get("fragment_max_chars") or 60),
                   voice_titles=_phrases(data, "voice_titles"),
                   restatement_cues=_phrases(data, "restatement_cues"),
                   part_cues=_phrases(data, "part_cues"),
                   own_side_cues=_phrases(data, "own_side_cues"),
                   credit_verbs=_phrases(data, "credit_verbs"),
                   credit_max_words=int(data.get("credit_max_words") or 8))

    def credited(self, quote: str | None) -> str | None:
        """The words a sentence credits with what follows: those opening the sentence (or a
        clause after a comma, semicolon or colon) right before a credit verb ("British
        intelligence estimates ..." -> "British intelligence"), at most
        ``credit_max_words`` of them starting with a capital or an article; None when there are
        none."""
        if not quote or not self.credit_verbs:
            return None
        found: str | None = self._cached("credited", quote, self._credited)
        return found

    def _credited(self, quote: str) -> str | None:
        pat = self._patterns.get("credit")
        if pat is None:
            verbs = "|".join(re.escape(v) for v in self.credit_verbs)
            pat = self._patterns["credit"] = re.compile(
                rf"(?:^|[,;:]\s+)((?:(?:the|a|an|The|A|An) [A-Za-z]|[A-Z])[^,;:()]*?)\s+(?:{verbs})\b")
        for m in pat.finditer(tidy(quote)):
            words = m.group(1).split()
            if 0 < len(words) <= self.credit_max_words:
                return m.group(1)
        return None

    def _is_fragment(self, name: str | None) -> bool:
        """A source that is no name but a piece of a sentence: too long, holding quotation
        marks, or holding a word no name holds ("said", "that", "were")."""
        if not name:
            return False
        text = tidy(name)
        if len(text) > self.fragment_max_chars or any(q in name for q in _QUOTE_MARKS):
            return True
        tokens = [t for t in _WORD.findall(text) if t.islower()]
        return any(fold(t) in self.fragment_words for t in tokens)

    def _is_unnamed(self, name: str | None) -> bool:
        """A source that names nobody: "an official", "two diplomats", "intelligence
        authorities", "a senior NATO official", "Russian officials"."""
        if not name:
            return False
        folded = fold(strip_possessive(tidy(name)))
        words = folded.split(" ")
        if not words[0] or not any(w in self.unnamed_heads for w in words):
            return False
        if words[0] in self.unnamed_openers:
            return True  # "an official", "two diplomats", "a senior NATO official"
        if words[-1] not in self.unnamed_heads:
            return False
        raw = _WORD.findall(tidy(name))
        if not any(t[:1].isupper() for t in raw):
            return True  # "intelligence authorities", "officials"
        # "Russian officials", "US sources": a side's unnamed people
        return len(raw) == 2 and words[-1].endswith("s") and not raw[1][:1].isupper()

    def _body_of_document(self, name: str) -> str | None:
        """The issuer of a document named as a source: "a declassified US intelligence
        report" -> "US intelligence"; None when the name ends in no document word."""
        tokens = tidy(name).split()
        folded = [fold(t) for t in tokens]
        if len(tokens) < 2 or folded[-1] not in self.document_words:
            return None
        keep = tokens[:-1]
        fk = folded[:-1]
        while keep and (fk[0] in self.unnamed_openers or fk[0] in ("the",)
                        or fk[0] in self.document_modifiers and fk[0] != "intelligence"):
            keep, fk = keep[1:], fk[1:]
        while keep and fk[-1] in self.document_modifiers and fk[-1] != "intelligence":
            keep, fk = keep[:-1], fk[:-1]
        return " ".join(keep) if keep else None

    def _voice_body(self, name: str) -> str | None:
        """The body a spokesperson speaks for, as written: "the ministry's spokesman Igor
        K." -> "the ministry"; "Igor K., spokesman for the Defence Ministry" -> "the
        Defence Ministry"; None when the name gives no spokesperson."""
        text = tidy(name)
        folded = fold(text)
        title = _has_phrase(folded, self.voice_titles)
        if title is None:
            return None
        low = text.lower()
        at = low.find(title) if title in low else -1
        if at < 0:
            return None
        before = strip_possessive(text[:at].strip(" ,")).strip(" ,")
        after = text[at + len(title):].strip(" ,")
        m = re.match(r"^(?:for|of|at)\s+(.+?)(?:,.*)?$", after, re.IGNORECASE)
        if m is not None:
            return m.group(1).strip() or None
        if "," in before:  # "Igor K., the ministry's spokesman"
            before = before.rsplit(",", 1)[1].strip()
        if before and strip_article(fold(before)) not in self.unnamed_openers:
            return before
        return None

    def is_fragment(self, name: str | None) -> bool:
        """A source that is no name but a piece of a sentence: too long, holding quotation
        marks, or holding a word no name holds ("said", "that", "were")."""
        return bool(name) and bool(self._cached("fragment", name or "", self._is_fragment))

    def is_unnamed(self, name: str | None) -> bool:
        """A source that names nobody: "an official", "two diplomats", "intelligence
        authorities", "a senior NATO official", "Russian officials"."""
        return bool(name) and bool(self._cached("unnamed", name or "", self._is_unnamed))

    def body_of_document(self, name: str) -> str | None:
        """The issuer of a document named as a source: "a declassified US intelligence
        report" -> "US intelligence"; None when the name ends in no document word."""
        found: str | None = self._cached("document", name, self._body_of_document)
        return found

    def voice_body(self, name: str) -> str | None:
        """The body a spokesperson speaks for, as written: "the ministry's spokesman Igor
        K." -> "the ministry"; "Igor K., spokesman for the Defence Ministry" -> "the
        Defence Ministry"; None when the name gives no spokesperson."""
        found: str | None = self._cached("voice", name, self._voice_body)
        return found

    def restates(self, quote: str | None, *, plain: bool = False) -> bool:
        """Whether a sentence gives its figure as said before ("has said", "previously");
        ``plain``: the sentence is already in lower-case words (``origins.quote_key``)."""
        return bool(quote) and self._pattern("restate", self.restatement_cues).search(
            (quote or "") if plain else _plain(quote or "")) is not None

    def own_side(self, quote: str | None, *, plain: bool = False) -> bool:
        """Whether a sentence counts the source's own side ("498 of its soldiers")."""
        return bool(quote) and self._pattern("own", self.own_side_cues).search(
            (quote or "") if plain else _plain(quote or "")) is not None

    def part_of(self, subject: str | None) -> str | None:
        """The cue that makes a counted group a part of a force ("an elite unit",
        "one region"), or None for a whole."""
        if not subject:
            return None
        found: str | None = self._cached(
            "part", subject, lambda text: _has_phrase(fold(text), self.part_cues))
        return found


_rules: Rules | None = None
_lock = threading.Lock()


def default_rules() -> Rules:
    """The built-in rules (``tollwatch/data/reconcile.yaml``), read once."""
    global _rules
    if _rules is None:
        with _lock:
            if _rules is None:
                _rules = Rules.load(builtin("reconcile.yaml"))
    return _rules
