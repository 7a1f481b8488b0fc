"""A body and its parts: one source under two names that neither the name rules nor the
tables link (rules in ``data/body_parts.yaml``; dates only, read by
``source_dates.same_body``).

- **A bare body and the body whose name contains it.** "The police" and "the Lisburg
  police department"; "the army" and "the army's 4th division"; "the United Nations" and
  "the U.N. mission in Zorvia" (``bodies``, ``aliases``). The bare name is only one of
  the body nouns, articles left out.
- **A person whose title names a body, and that body.** "The inspector-general of police"
  and "the police"; "a ministry spokesman" and "the Health Ministry"; "the army's
  commander" and "the army" (``titles``, ``skip``). With the title taken out, what is left
  of the person's description is one of the body's names, or a bare body noun inside one
  of them, or holds the body's bare name. Two people are never joined so.

Names are compared in the folded forms of ``source_dates`` (``body_name_rewrites``: "army"
is "military"), passed in by the caller. The sources so joined share a day only when the
ones linked to an undated source were dated on one day (``source_dates.share_dates``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping, word_list
from tollwatch.extract.sources import Source

__all__ = ["BodyPartRules", "body_part_of", "load_body_part_rules", "title_body"]

Forms = Callable[[str], tuple[str, ...]]


@dataclass(frozen=True)
class BodyPartRules:
    """The words of ``data/body_parts.yaml``."""

    bodies: frozenset[str] = frozenset()
    aliases: tuple[tuple[str, str], ...] = ()
    titles: tuple[str, ...] = ()
    body_heads: frozenset[str] = frozenset()
    skip: frozenset[str] = frozenset()


def _pairs(data: dict[str, object], key: str, where: str) -> tuple[tuple[str, str], ...]:
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
            for p in value):
        raise ConfigError(f"{key} must be a list of [spelling, name] pairs", source=where)
    return tuple((" ".join(a.lower().split()), " ".join(b.lower().split())) for a, b in value)


@lru_cache(maxsize=8)
def load_body_part_rules(path: str | None = None) -> BodyPartRules:
    """The rules of ``path`` (None: the built-in ``body_parts.yaml``)."""
    data, where = read_mapping("body_parts.yaml", path, "body part rules", "are")
    return BodyPartRules(
        bodies=frozenset(word_list(data.get("bodies"), "bodies", where)),
        aliases=_pairs(data, "aliases", where),
        titles=tuple(sorted(word_list(data.get("titles"), "titles", where), key=len, reverse=True)),
        body_heads=frozenset(word_list(data.get("body_heads"), "body_heads", where)),
        skip=frozenset(word_list(data.get("skip"), "skip", where)))


def _contains(long: str, short: str) -> bool:
    return bool(short) and f" {short} " in f" {long} "


@lru_cache(maxsize=4096)
def _alias(form: str, rules: BodyPartRules) -> str:
    out = f" {form} "
    for spelling, name in rules.aliases:
        out = out.replace(f" {spelling} ", f" {name} ")
    return " ".join(out.split())


def _bare(form: str, rules: BodyPartRules) -> bool:
    return form in rules.bodies


def _is_person(src: Source, forms: Forms, rules: BodyPartRules) -> bool:
    """True when ``src`` speaks as a person here: a name of it carries a title ("the
    inspector-general of police", typed a body or not), or it is typed a person and no name
    of it ends in a body head (the parser takes "the Lisburg police department" for a
    person now and then)."""
    folded = [f for n in src.names for f in forms(n) if f]
    if any(title_body(f, rules) is not None for f in folded):
        return True
    return src.person and not any(f.split()[-1] in rules.body_heads for f in folded)


def _body_forms(src: Source, forms: Forms, rules: BodyPartRules) -> set[str]:
    return {_alias(f, rules) for n in src.names for f in forms(n) if f}


def title_body(form: str, rules: BodyPartRules | None = None) -> str | None:
    """What is left of a folded person's description once its title is taken out ("inspector
    general of police" -> "police", "ministry spokesman" -> "ministry"), up to its last body
    head ("police chief ann roe" -> "police"); None when it has no title or nothing is
    left."""
    rules = rules or load_body_part_rules()
    padded = f" {form} "
    found = False
    for title in rules.titles:
        if f" {title} " in padded:
            padded = padded.replace(f" {title} ", " ")
            found = True
    if not found:
        return None
    left = [w for w in padded.split() if w not in rules.skip]
    heads = [i for i, w in enumerate(left) if w in rules.body_heads or w in rules.bodies]
    if heads:  # up to the body's last head: "police ann roe" (Police Chief Ann Roe) -> "police"
        left = left[:heads[-1] + 1]
    return " ".join(left) or None


def _person_bodies(src: Source, forms: Forms, rules: BodyPartRules) -> set[str]:
    out: set[str] = set()
    for name in src.names:
        for part in name.split(","):
            for f in forms(part):
                if f and (left := title_body(_alias(f, rules), rules)) is not None:
                    out.add(left)
    return out


def _capitalised(src: Source, forms: Forms) -> frozenset[str]:
    """The words written with a capital in ``src``'s names, lower-cased and folded
    ("Defense": "defense" and "defence")."""
    caps = [w for n in src.names for w in re.findall(r"\w+", n) if w[:1].isupper()]
    return frozenset({w.lower() for w in caps} |
                     {x for w in caps for f in forms(w) for x in f.split()})


def _part_of(long: str, bare: str, caps: frozenset[str]) -> bool:
    """True when the bare body ``bare`` is inside the form ``long`` and every word before
    it was written with a capital (a place or a name: "Lisburg police department"), so
    that the longer name is that body's, not a body of another kind ("border police")."""
    if not _contains(long, bare):
        return False
    before = f" {long} ".split(f" {bare} ")[0].split()
    return all(w in caps for w in before)


def _names_body(part: str, body: str, person: Source, holder: Source, forms: Forms,
                rules: BodyPartRules) -> bool:
    """True when ``part`` (what a title leaves of ``person``'s name) names the body form
    ``body`` (of ``holder``): the same, one a bare body inside the other, or a lone body
    head that ends the body's name."""
    if part in rules.body_heads and not _bare(part, rules) and body.endswith(" " + part):
        return True  # a lone head: "a ministry spokesman" for "the health ministry"
    return part == body or \
        (_bare(part, rules) and _part_of(body, part, _capitalised(holder, forms))) or \
        (_bare(body, rules) and _part_of(part, body, _capitalised(person, forms)))


def body_part_of(a: Source, b: Source, forms: Forms,
                 rules: BodyPartRules | None = None) -> bool:
    """True when one of ``a`` and ``b`` is a bare body whose name the other's contains, or a
    person whose title names the other (a body); ``forms`` folds a name."""
    rules = rules or load_body_part_rules()
    pa, pb = _is_person(a, forms, rules), _is_person(b, forms, rules)
    if pa and pb:
        return False
    if pa or pb:
        person, body = (a, b) if pa else (b, a)
        parts = _person_bodies(person, forms, rules)
        return any(_names_body(p, f, person, body, forms, rules) for p in parts
                   for f in _body_forms(body, forms, rules))
    fa, fb = _body_forms(a, forms, rules), _body_forms(b, forms, rules)
    return any(x != y and _bare(x, rules) and _part_of(y, x, _capitalised(holder, forms))
               for short, long, holder in ((fa, fb, b), (fb, fa, a))
               for x in short for y in long)

