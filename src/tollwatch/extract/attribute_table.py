"""The cheap attribute table: a loaded spaCy ``AttributeRuler``'s rules behind a lookup.

:class:`AttributeTable` applies the ruler's own rules (the normalised attributes and
indices of the loaded ``attribute_ruler``) in the ruler's order, and finds the single-token
rules that apply to a token through a cache keyed on the attributes the patterns read (tag,
lower form, dependency, is-space); the tests of patterns of several tokens are remembered by
the same keys. A ruler whose patterns use anything else is left as it is
(:func:`tollwatch.extract.nlp.speed_up`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["AttributeTable"]

_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})

Predicate = Callable[[dict[str, Any]], bool]


def _value_test(spec: Any) -> Callable[[Any], bool] | None:
    """A test for one attribute's value in a Matcher pattern, or None if not supported."""
    if isinstance(spec, (str, bool, int)):
        want: object = spec
        return lambda v: bool(v == want)
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda v: v not in banned
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda v: isinstance(v, str) and rx.search(v) is not None
    return None


def _token_test(spec: dict[str, Any]) -> Predicate | None:
    """A test over a token's attribute dict for one token of a pattern."""
    if not set(spec) <= _KEYS:
        return None  # OP quantifiers, other attributes: not handled here
    tests: list[tuple[str, Callable[[Any], bool]]] = []
    for key, val in spec.items():
        t = _value_test(val)
        if t is None:
            return None
        tests.append((key, t))
    return lambda attrs: all(t(attrs[k]) for k, t in tests)


class AttributeTable:
    """The rules of a loaded spaCy ``AttributeRuler``, applied through a lookup table."""

    def __init__(self, ruler: Any) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self.vocab = ruler.vocab
        self._attrs: list[Any] = list(ruler.attrs)
        self._indices: list[int] = list(ruler.indices)
        singles: list[tuple[int, Predicate]] = []
        multis: list[tuple[int, list[Predicate]]] = []
        ok = True
        # ruler.patterns lists the rules in the order of their ids (one entry per pattern)
        for rule_id, entry in enumerate(self._rules(ruler)):
            for pattern in entry:
                tests = [_token_test(spec) for spec in pattern]
                if any(t is None for t in tests):
                    ok = False
                    continue
                checked = [t for t in tests if t is not None]
                if len(checked) == 1:
                    singles.append((rule_id, checked[0]))
                else:
                    multis.append((rule_id, checked))
        self.supported = ok
        self._singles = singles
        self._multis = multis
        # Rules whose pattern names the token's lower form are looked up by that form; the
        # others depend on (tag, dependency, is-space) only, a handful of combinations.
        self._by_lower: dict[str, list[tuple[int, Predicate]]] = {}
        self._no_lower: list[tuple[int, Predicate]] = []
        self._other: list[tuple[int, Predicate]] = []
        for rule_id, test, spec in self._single_specs(ruler):
            low = spec.get("LOWER")
            forms = [low] if isinstance(low, str) else (
                low.get("IN") if isinstance(low, dict) and set(low) == {"IN"} else None)
            if low is None:
                self._no_lower.append((rule_id, test))
            elif forms is not None:
                for f in forms:
                    self._by_lower.setdefault(f, []).append((rule_id, test))
            else:
                self._other.append((rule_id, test))
        self._firsts: dict[str, list[int]] = {}
        self._multi_any: list[int] = []
        for k, (rule_id, _tests) in enumerate(multis):
            first = self._multi_first_forms(ruler, rule_id)
            if first is None:
                self._multi_any.append(k)
            else:
                for f in first:
                    self._firsts.setdefault(f, []).append(k)
        self._cache: dict[tuple[int, int, int, int], tuple[int, ...]] = {}
        self._base: dict[tuple[int, int, bool], list[int]] = {}
        # the array path: the token attributes the patterns read, and those the rules set
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        self._key_ids = [TAG, LOWER, DEP, IS_SPACE]
        strings = self.vocab.strings
        self._firsts_by_id: dict[int, list[int]] = {
            strings.add(f): ks for f, ks in self._firsts.items()}
        # one write per token with the rules' attributes merged, unless a rule sets
        # extension attributes ("_"), whose values are dicts merged differently
        self._mergeable = all("_" not in d for d in self._attrs)
        self._effects: dict[tuple[int, int, int, int], dict[Any, Any]] = {}
        # patterns of several tokens: those a token may start, and each token test, by the
        # ids the tests read (tollwatch's sentences repeat these keys all the time)
        self._multi_starts: dict[tuple[int, int, int, int], tuple[int, ...]] = {}
        self._multi_tests: dict[tuple[int, int, tuple[int, int, int, int]], bool] = {}

    def _single_specs(self, ruler: Any) -> list[tuple[int, Predicate, dict[str, Any]]]:
        out = []
        for rule_id, entry in enumerate(self._rules(ruler)):
            for pattern in entry:
                if len(pattern) == 1:
                    test = _token_test(pattern[0])
                    if test is not None:
                        out.append((rule_id, test, pattern[0]))
        return out

    def _multi_first_forms(self, ruler: Any, rule_id: int) -> list[str] | None:
        forms: list[str] = []
        for pattern in self._rules(ruler)[rule_id]:
            if len(pattern) < 2:
                continue
            low = pattern[0].get("LOWER")
            if isinstance(low, str):
                forms.append(low)
            elif isinstance(low, dict) and set(low) == {"IN"}:
                forms.extend(low["IN"])
            else:
                return None
        return forms

    @staticmethod
    def _rules(ruler: Any) -> list[list[list[dict[str, Any]]]]:
        """The patterns of each rule id, in id order (the order the ruler applies them)."""
        by_id: dict[int, list[list[dict[str, Any]]]] = {}
        for m_id in range(len(ruler.attrs)):
            by_id[m_id] = [list(p) for p in ruler.matcher.get(str(m_id))[1]]
        return [by_id[i] for i in range(len(by_id))]

    def _attr_dict(self, tok: Any) -> dict[str, Any]:
        return {"TAG": tok.tag_, "LOWER": tok.lower_, "DEP": tok.dep_, "IS_SPACE": tok.is_space}

    def _single_rules(self, tok: Any) -> tuple[int, ...]:
        key = (tok.tag, tok.lower, tok.dep, int(tok.is_space))
        hit = self._cache.get(key)
        if hit is None:
            hit = self._match_singles(self._attr_dict(tok), (tok.tag, tok.dep, tok.is_space))
            if len(self._cache) < 200_000:
                self._cache[key] = hit
        return hit

    def _match_singles(self, attrs: dict[str, Any], bkey: tuple[int, int, bool]
                       ) -> tuple[int, ...]:
        base = self._base.get(bkey)
        if base is None:
            base = [rid for rid, test in self._no_lower if test(attrs)]
            self._base[bkey] = base
        found = set(base)
        for rid, test in self._by_lower.get(attrs["LOWER"], ()):
            if test(attrs):
                found.add(rid)
        for rid, test in self._other:
            if test(attrs):
                found.add(rid)
        return tuple(sorted(found))

    def __call__(self, doc: Any) -> Any:
        if not self._mergeable or not len(doc):
            return self._call_per_token(doc)
        keys = [tuple(k) for k in doc.to_array(self._key_ids).tolist()]
        extra = self._multi_matches(keys) if self._multis else {}
        effects = self._effects
        put = self._set
        for i, key in enumerate(keys):
            effect = None if i in extra else effects.get(key)
            if effect is None:
                if i in extra:
                    effect = self._effect(tuple(sorted(set(self._rules_of(key)) | extra[i])))
                else:
                    effect = self._effect(self._rules_of(key))
                    if len(effects) < 200_000:
                        effects[key] = effect
            if effect:
                put(doc[i], effect)
        return doc

    def _rules_of(self, key: tuple[int, int, int, int]) -> tuple[int, ...]:
        """The single-token rules for a token's (tag, lower, dep, is-space) ids."""
        hit = self._cache.get(key)
        if hit is None:
            tag, lower, dep, space = key
            strings = self.vocab.strings
            attrs = {"TAG": strings[tag], "LOWER": strings[lower], "DEP": strings[dep],
                     "IS_SPACE": bool(space)}
            hit = self._match_singles(attrs, (tag, dep, bool(space)))
            if len(self._cache) < 200_000:
                self._cache[key] = hit
        return hit

    def _effect(self, rules: tuple[int, ...]) -> dict[Any, Any]:
        """The attributes that rules applied in id order leave on a token (the last rule
        to set an attribute wins, as when the ruler sets them one rule after another)."""
        out: dict[Any, Any] = {}
        for rid in rules:
            out.update(self._attrs[rid])
        return out

    def _multi_matches(self, keys: list[tuple[int, int, int, int]]) -> dict[int, set[int]]:
        """Token index -> the rules of several tokens that set it.

        Whether a pattern's token test passes depends on the token's (tag, lower, dep,
        is-space) ids alone, so each answer is remembered by those ids: the patterns a token
        may start, and each later token's test, are looked up, not rebuilt per token.
        """
        out: dict[int, set[int]] = {}
        n = len(keys)
        starts = self._multi_starts
        for i in range(n):
            key = keys[i]
            ks = starts.get(key)
            if ks is None:
                ks = self._starting(key)
            for k in ks:
                rid, tests = self._multis[k]
                width = len(tests)
                if i + width <= n and all(self._passes(k, j, keys[i + j])
                                          for j in range(1, width)):
                    target = self._indices[rid]
                    out.setdefault(i + (target if target >= 0 else width + target),
                                   set()).add(rid)
        return out

    def _key_attrs(self, key: tuple[int, int, int, int]) -> dict[str, Any]:
        strings = self.vocab.strings
        tag, lower, dep, space = key
        return {"TAG": strings[tag], "LOWER": strings[lower], "DEP": strings[dep],
                "IS_SPACE": bool(space)}

    def _starting(self, key: tuple[int, int, int, int]) -> tuple[int, ...]:
        """The patterns of several tokens whose first token test a token with ``key``
        passes (those keyed by its lower form, and those with no form to key them by)."""
        ks = sorted(set(self._firsts_by_id.get(key[1], ())) | set(self._multi_any))
        found: tuple[int, ...] = ()
        if ks:
            attrs = self._key_attrs(key)
            found = tuple(k for k in ks if self._multis[k][1][0](attrs))
        if len(self._multi_starts) < 200_000:
            self._multi_starts[key] = found
        return found

    def _passes(self, k: int, j: int, key: tuple[int, int, int, int]) -> bool:
        """Whether token ``j`` of pattern ``k`` matches a token with ``key``."""
        memo = (k, j, key)
        hit = self._multi_tests.get(memo)
        if hit is None:
            hit = bool(self._multis[k][1][j](self._key_attrs(key)))
            if len(self._multi_tests) < 200_000:
                self._multi_tests[memo] = hit
        return hit

    def _call_per_token(self, doc: Any) -> Any:
        matches: list[tuple[int, int]] = []  # (rule id, index of the token it sets)
        n = len(doc)
        for i in range(n):
            for rid in self._single_rules(doc[i]):
                matches.append((rid, i))  # a one-token span: index 0 or -1 is that token
        if self._multis:
            attrs: list[dict[str, Any]] | None = None
            for i in range(n):
                ks = self._firsts.get(doc[i].lower_)
                if ks is None and not self._multi_any:
                    continue
                if attrs is None:
                    attrs = [self._attr_dict(t) for t in doc]
                for k in sorted(set(ks or ()) | set(self._multi_any)):
                    rid, tests = self._multis[k]
                    width = len(tests)
                    if i + width <= n and all(tests[j](attrs[i + j]) for j in range(width)):
                        target = self._indices[rid]
                        matches.append((rid, i + (target if target >= 0 else width + target)))
        matches.sort()
        for rid, i in matches:
            self._set(doc[i], self._attrs[rid])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        for d in docs:
            yield self(d)
