"""Name normalisation: actors, sources and places to stable canonical names.

The tables live in data files (``tollwatch/data/actors.yaml``, ``sources.yaml``,
``places.yaml``); pycountry supplies every official and common country name. Users add
aliases with a YAML file (``TOLLWATCH_ALIASES`` or the ``aliases_path`` argument)::

    actors:
      North Korea: [Hermit Kingdom]
      Black Banner Brigade: [BBB, the Brigade]     # a new armed group
    sources:
      National Intelligence Service (South Korea): [Korean spooks]
      Lee Seong-kweun: [Lee Sung-kwon]             # a person's spellings
    places:
      Kursk: [Kurskaya oblast]

Canonical actor names are the short common English names a news reader expects
("Russia", "Iran", "Syria", "North Korea", "Palestine", "Turkey"); the Democratic Republic
of the Congo is "DR Congo" and the other Congo "Republic of the Congo". Armed groups use
the form in the guidelines ("al-Shabaab", "Hezbollah", "RSF", "Islamic State").

Matching is case-insensitive, accent-insensitive and treats hyphens as spaces; short
abbreviations (under four letters: "US", "UK", "IS") match only with their written case,
so "us" and "is" are never actors.

    >>> actor_for("Pyongyang"), actor_for("Ukrainians"), actor_for("Russia's")
    ('North Korea', 'Ukraine', 'Russia')
    >>> canonical_source("Seoul's spy agency")
    'National Intelligence Service (South Korea)'
"""

from __future__ import annotations

import difflib
import os
import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tollwatch.errors import ConfigError

__all__ = [
    "ALIASES_ENV",
    "Names",
    "Person",
    "actor_for",
    "actor_in",
    "canonical_place",
    "canonical_source",
    "default_names",
    "fold",
    "reset_default_names",
    "store_canonicaliser",
]

ALIASES_ENV = "TOLLWATCH_ALIASES"

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"'})
_DASHES = re.compile(r"[\-\u2010\u2011\u2012\u2013\u2014\u2212_/]+")
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n\r.,;:!?\"*"
_POSSESSIVE = re.compile(r"(?:(?<=\w)'s|(?<=s)')$", re.IGNORECASE)
_CACHE_LIMIT = 200_000
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=_CACHE_LIMIT)
def _strip_accents(text: str) -> str:
    if text.isascii():
        return text  # nothing to decompose (most English text: no per-character pass)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=_CACHE_LIMIT)
def _tidy(text: str) -> str:
    """Normalise quotes and spaces and trim edge punctuation, keeping case."""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    t = _SPACES.sub(" ", t).strip(_EDGE_PUNCT)
    # brackets only come off the edges when unbalanced: "(NIS" -> "NIS", "X (Y)" stays
    while t and t[-1] in ")]}" and t.count(t[-1]) > t.count({")": "(", "]": "[", "}": "{"}[t[-1]]):
        t = t[:-1].strip(_EDGE_PUNCT)
    while t and t[0] in "([{" and t.count(t[0]) > t.count({"(": ")", "[": "]", "{": "}"}[t[0]]):
        t = t[1:].strip(_EDGE_PUNCT)
    return t


@lru_cache(maxsize=_CACHE_LIMIT)
def fold(text: str) -> str:
    """The comparison form of a name: lower case, no accents, hyphens as spaces, no dots.

    >>> fold("Al-Shabaab's")
    "al shabaab's"
    """
    t = _strip_accents(_tidy(text)).lower()
    t = t.replace(".", "")
    t = _DASHES.sub(" ", t)
    return _SPACES.sub(" ", t).strip(_EDGE_PUNCT)


@lru_cache(maxsize=_CACHE_LIMIT)
def _exact_key(text: str) -> str:
    """The case-keeping form used for short abbreviations ("U.S." -> "US")."""
    t = _strip_accents(_tidy(text)).replace(".", "")
    t = _DASHES.sub(" ", t)
    return _SPACES.sub(" ", t).strip(_EDGE_PUNCT)


@lru_cache(maxsize=_CACHE_LIMIT)
def _strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text).rstrip()


def _strip_article(folded: str) -> str:
    for article in ("the ", "a ", "an "):
        if folded.startswith(article):
            return folded[len(article):]
    return folded


def _plural_forms(folded: str) -> list[str]:
    out: list[str] = []
    if folded.endswith("ies") and len(folded) > 4:
        out.append(folded[:-3] + "y")
    if folded.endswith("es") and len(folded) > 3:
        out.append(folded[:-2])
    if folded.endswith("s") and len(folded) > 2:
        out.append(folded[:-1])
    return out


def _as_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"expected a list of names, got {value!r}", source=where)


def _load_yaml_text(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_LOADER)  # a safe loader (CSafeLoader or SafeLoader)
    except yaml.YAMLError as exc:
        raise ConfigError(f"not valid YAML: {exc}", source=where) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("the alias file must be a mapping", source=where)
    return data


def _builtin(name: str) -> dict[str, Any]:
    text = resources.files("tollwatch").joinpath("data", name).read_text(encoding="utf-8")
    return _load_yaml_text(text, f"tollwatch/data/{name}")


@dataclass(frozen=True, slots=True)
class Person:
    """A person's name with the title taken off, and the role the title gave."""

    name: str
    role: str | None = None


class _Table:
    """One alias table: folded and exact-case keys to canonical names."""

    def __init__(self) -> None:
        self.ci: dict[str, str] = {}
        self.cs: dict[str, str] = {}
        self.aliases: dict[str, list[str]] = {}

    def add(self, canonical: str, alias: str, *, abbrev: bool = False, override: bool = False) -> None:
        alias = _tidy(alias)
        if not alias:
            return
        seen = self.aliases.setdefault(canonical, [])
        if alias not in seen:
            seen.append(alias)
        if abbrev and len(_exact_key(alias).replace(" ", "")) < 4:
            key, table = _exact_key(alias), self.cs
        else:
            key, table = fold(alias), self.ci
        if not key:
            return
        if override:
            table[key] = canonical
        else:
            table.setdefault(key, canonical)

    def canonical(self, canonical: str) -> None:
        self.add(canonical, canonical, override=True)

    def get(self, text: str, *, plurals: bool = True) -> str | None:
        raw = _strip_possessive(_tidy(text))
        if not raw:
            return None
        hit = self.cs.get(_exact_key(raw))
        if hit is not None:
            return hit
        f = fold(raw)
        for key in (f, _strip_article(f)):
            hit = self.ci.get(key)
            if hit is not None:
                return hit
        if plurals:
            for key in _plural_forms(_strip_article(f)):
                hit = self.ci.get(key)
                if hit is not None:
                    return hit
            if raw.endswith("s") and len(raw) > 2:
                hit = self.cs.get(_exact_key(raw[:-1]))
                if hit is not None:
                    return hit
        return None


class Names:
    """The alias tables, built-in plus an optional user YAML file.

    ``aliases_path`` defaults to the ``TOLLWATCH_ALIASES`` environment variable; pass
    ``use_env=False`` to ignore it. Lookups are cached and thread-safe to share.
    """

    def __init__(self, aliases_path: str | os.PathLike[str] | None = None, *,
                 use_env: bool = True) -> None:
        self._actors = _Table()
        self._sources = _Table()
        self._places = _Table()
        self._groups: set[str] = set()
        self._code_to_actor: dict[str, str] = {}
        self._actor_to_code: dict[str, str] = {}
        self._by_actor_kind: dict[tuple[str, str], str] = {}
        self._kind_template: dict[str, str] = {}
        self._kind_phrases: list[tuple[str, str]] = []
        self._titles: list[tuple[str, str]] = []
        self._title_modifiers: list[str] = []
        self._not_names: set[str] = set()
        self._templated_actor: dict[str, str] = {}
        self._country_words: dict[str, str] = {}
        self._surnames: dict[str, str] = {}
        self._place_suffixes: list[str] = []
        self._source_kind: dict[str, str] = {}
        self._source_actor: dict[str, str] = {}
        self._cache: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()
        self._load_actors(_builtin("actors.yaml"))
        self._load_sources(_builtin("sources.yaml"))
        self._load_places(_builtin("places.yaml"))
        path: str | os.PathLike[str] | None = aliases_path
        if path is None and use_env:
            path = os.environ.get(ALIASES_ENV) or None
        self.aliases_path: Path | None = Path(path) if path is not None else None
        if self.aliases_path is not None:
            self._load_user(self.aliases_path)

    # ------------------------------------------------------------------ loading

    def _load_actors(self, data: Mapping[str, Any]) -> None:
        import pycountry  # imported here: only needed while building the tables

        countries = data.get("countries") or {}
        groups = data.get("groups") or {}
        if not isinstance(countries, dict) or not isinstance(groups, dict):
            raise ConfigError("countries and groups must be mappings", source="actors.yaml")
        py: dict[str, Any] = {c.alpha_2: c for c in pycountry.countries}
        # canonical names first, so that no alias can take them over
        for code in sorted(set(py) | set(countries)):
            entry = countries.get(code) or {}
            pc = py.get(code)
            name = entry.get("name") or (
                (getattr(pc, "common_name", None) or pc.name) if pc is not None else None)
            if not name:
                raise ConfigError(f"country {code} has no name", source="actors.yaml")
            self._code_to_actor[code] = name
            self._actor_to_code[name] = code
            self._actors.canonical(name)
        for name in groups:
            self._groups.add(str(name))
            self._actors.canonical(str(name))
        # then the hand table, whose aliases win over pycountry's names
        for code, entry in countries.items():
            if not entry:
                continue
            name = self._code_to_actor[code]
            where = f"actors.yaml:{code}"
            for field in ("demonyms", "capitals", "aliases"):
                for alias in _as_list(entry.get(field), where):
                    self._actors.add(name, alias)
            for alias in _as_list(entry.get("abbrevs"), where):
                self._actors.add(name, alias, abbrev=True)
        for gname, entry in groups.items():
            entry = entry or {}
            where = f"actors.yaml:{gname}"
            for field in ("aliases", "members"):
                for alias in _as_list(entry.get(field), where):
                    self._actors.add(str(gname), alias)
            for alias in _as_list(entry.get("abbrevs"), where):
                self._actors.add(str(gname), alias, abbrev=True)
        for code, pc in py.items():
            name = self._code_to_actor[code]
            for attr in ("name", "common_name", "official_name"):
                val = getattr(pc, attr, None)
                if val:
                    self._actors.add(name, val)

    def _load_sources(self, data: Mapping[str, Any]) -> None:
        kinds = data.get("kinds") or {}
        phrases: list[tuple[str, str]] = []
        for kind, spec in kinds.items():
            self._kind_template[kind] = str(spec.get("template") or f"{kind} ({{country}})")
            for phrase in _as_list(spec.get("phrases"), f"sources.yaml:kinds.{kind}"):
                phrases.append((fold(phrase), kind))
        self._kind_phrases = sorted(set(phrases), key=lambda p: (-len(p[0]), p[0]))
        titles: list[tuple[str, str]] = []
        for role, words in (data.get("titles") or {}).items():
            for word in _as_list(words, "sources.yaml:titles"):
                titles.append((fold(word), str(role)))
        self._titles = sorted(set(titles), key=lambda p: (-len(p[0]), p[0]))
        self._not_names = {fold(w) for w in _as_list(data.get("not_names"), "sources.yaml:not_names")}
        self._title_modifiers = sorted(
            {fold(m) for m in _as_list(data.get("title_modifiers"), "sources.yaml:title_modifiers")},
            key=lambda m: (-len(m), m))
        for code, words in (data.get("country_words") or {}).items():
            actor = self._code_to_actor.get(code)
            if actor is None:
                raise ConfigError(f"unknown country code {code}", source="sources.yaml")
            for word in _as_list(words, "sources.yaml:country_words"):
                self._country_words[fold(word)] = actor
        for group in data.get("surname_variants") or []:
            names = _as_list(group, "sources.yaml:surname_variants")
            if names:
                head = fold(names[0]).replace(" ", "")
                for n in names:
                    self._surnames[fold(n).replace(" ", "")] = head
        for canonical, entry in (data.get("sources") or {}).items():
            canonical = str(canonical)
            entry = entry or {}
            where = f"sources.yaml:{canonical}"
            self._sources.canonical(canonical)
            for alias in _as_list(entry.get("aliases"), where):
                self._sources.add(canonical, alias)
            for alias in _as_list(entry.get("abbrevs"), where):
                self._sources.add(canonical, alias, abbrev=True)
            code, kind = entry.get("country"), entry.get("kind")
            if code is not None:
                actor = self._code_to_actor.get(str(code))
                if actor is None:
                    raise ConfigError(f"unknown country code {code}", source=where)
                self._source_actor[canonical] = actor
                if kind is not None:
                    if kind not in self._kind_template:
                        raise ConfigError(f"unknown kind {kind}", source=where)
                    self._by_actor_kind.setdefault((actor, str(kind)), canonical)
            if kind is not None:
                self._source_kind[canonical] = str(kind)

    def _load_places(self, data: Mapping[str, Any]) -> None:
        self._place_suffixes = sorted(
            (fold(s) for s in _as_list(data.get("suffixes"), "places.yaml:suffixes")),
            key=len, reverse=True)
        for canonical, aliases in (data.get("places") or {}).items():
            self._places.canonical(str(canonical))
            for alias in _as_list(aliases, f"places.yaml:{canonical}"):
                self._places.add(str(canonical), alias)

    def _load_user(self, path: Path) -> None:
        where = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read alias file: {exc.strerror or exc}", source=where) from exc
        data = _load_yaml_text(text, where)
        # "groups" (counted groups, issue 16) is read by tollwatch.reconcile.groups
        unknown = set(data) - {"actors", "sources", "places", "groups"}
        if unknown:
            raise ConfigError(f"unknown sections {sorted(unknown)}; expected actors, sources, "
                              "places, groups", source=where)
        for section, table in (("actors", self._actors), ("sources", self._sources),
                               ("places", self._places)):
            entries = data.get(section) or {}
            if not isinstance(entries, dict):
                raise ConfigError(f"{section} must map canonical names to alias lists", source=where)
            for canonical, aliases in entries.items():
                canonical = str(canonical)
                # a user alias may name an existing entry by one of its aliases
                existing = table.get(canonical, plurals=False)
                target = existing if existing is not None else canonical
                table.canonical(target)
                for alias in _as_list(aliases, f"{where}:{section}.{canonical}"):
                    table.add(target, alias, abbrev=alias.isupper(), override=True)

    # ------------------------------------------------------------------ caching

    def _cached(self, kind: str, text: str, fn: Any) -> Any:
        key = (kind, text)
        try:
            return self._cache[key]
        except KeyError:
            pass
        value = fn(text)
        with self._lock:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = value
        return value

    # ------------------------------------------------------------------ actors

    def actor(self, text: str | None) -> str | None:
        """The canonical actor a name, demonym, capital or abbreviation stands for."""
        if not text:
            return None
        result: str | None = self._cached("actor", text, self._actors.get)
        return result

    def actor_in(self, text: str | None) -> str | None:
        """The first actor named inside a longer phrase ("North Korean soldiers").

        Only capitalised words count, so "turkey farmers" names no country.
        """
        if not text:
            return None
        result: str | None = self._cached("actor_in", text, self._scan_actor)
        return result

    def _scan_actor(self, text: str) -> str | None:
        whole = self._actors.get(text)
        if whole is not None:
            return whole
        found = self.actors_in(text)
        return found[0] if found else None

    def actors_in(self, text: str | None) -> list[str]:
        """Every actor named in a text, in order of first mention (capitalised words only)."""
        if not text:
            return []
        tokens = re.findall(r"[\w'’.\-]+", _tidy(text))
        tokens = [t.strip(".") or t for t in tokens]
        out: list[str] = []
        i = 0
        while i < len(tokens):
            step = 1
            if any(ch.isupper() for ch in tokens[i]):
                for n in range(min(6, len(tokens) - i), 0, -1):
                    hit = self._actors.get(" ".join(tokens[i:i + n]))
                    if hit is not None:
                        if hit not in out:
                            out.append(hit)
                        step = n
                        break
            i += step
        return out

    def is_group(self, actor: str) -> bool:
        """Whether a canonical actor is an armed group rather than a country."""
        return actor in self._groups

    def country_code(self, actor: str) -> str | None:
        """ISO alpha-2 code of a canonical country name."""
        return self._actor_to_code.get(actor)

    def actors(self) -> list[str]:
        """Every canonical actor name."""
        return sorted(self._actors.aliases)

    # ------------------------------------------------------------------ sources

    def source(self, name: str | None) -> str:
        """The canonical name of a source; unknown names come back tidied.

        Known bodies by name, abbreviation or description ("Seoul's spy agency",
        "South Korean intelligence"); a country's body with no entry gets a templated
        name ("Ukraine's health ministry" -> "Ministry of Health (Ukraine)"); a person
        loses their title ("lawmaker Lee Seong-kweun" -> "Lee Seong-kweun").
        """
        if not name:
            return ""
        result: str = self._cached("source", name, self._resolve_source)
        return result

    def source_key(self, name: str | None) -> str:
        """A folded key of :meth:`source`, for comparing and grouping."""
        return fold(self.source(name))

    def is_known_source(self, name: str | None) -> bool:
        """Whether the name resolves to a built-in or user-listed source."""
        if not name:
            return False
        return self.source(name) in self._sources.aliases

    def is_not_a_name(self, name: str | None) -> bool:
        """Whether an extracted source is no name at all ("a briefing", "the statement")."""
        if not name or not name.strip():
            return True
        return _strip_article(fold(_strip_possessive(_tidy(name)))) in self._not_names

    def source_in(self, text: str | None) -> str | None:
        """The first known body a text names ("... Seoul's spy agency believes ..."), by its
        canonical name; None when it names none."""
        if not text:
            return None
        tokens = re.findall(r"[\w'’.\-]+", _tidy(text))
        for i in range(len(tokens)):
            if not any(ch.isupper() for ch in tokens[i]):
                continue
            for n in range(min(8, len(tokens) - i), 0, -1):
                phrase = " ".join(tokens[i:i + n]).strip(".")
                if self.is_known_source(phrase):
                    return self.source(phrase)
        return None

    def source_kind(self, canonical: str) -> str | None:
        """The kind of body a canonical source is ("intelligence", "health_ministry")."""
        return self._source_kind.get(canonical)

    def source_actor(self, name: str | None) -> str | None:
        """The country (or group) a source belongs to, when the tables or its name say."""
        canonical = self.source(name)
        return self._source_actor.get(canonical) or self._templated_actor.get(canonical)

    def is_generic_source(self, name: str | None) -> bool:
        """Whether a source name names nobody in particular: empty, an actor's name
        ("US"), a bare kind of body ("officials", "General Staff") or all lower case."""
        if not name or not name.strip():
            return True
        generic: bool = self._cached("generic", name, self._is_generic_source)
        return generic

    def _is_generic_source(self, name: str) -> bool:
        if self.is_known_source(name):
            return False
        clean = _strip_possessive(_tidy(name))
        if _strip_article(fold(clean)) in self._not_names:
            return True
        if self._actors.get(clean) is not None:
            return True
        if self._kind_of(fold(clean)) is not None:
            return True
        return not any(ch.isupper() for ch in clean)

    def _actor_for_source(self, text: str) -> str | None:
        f = fold(_strip_possessive(_tidy(text)))
        f = _strip_article(f)
        hit = self._country_words.get(f)
        if hit is not None:
            return hit
        return self._actors.get(text)

    def _kind_name(self, actor: str | None, kind: str) -> str:
        if actor is not None:
            known = self._by_actor_kind.get((actor, kind))
            if known is not None:
                return known
            name = self._kind_template[kind].format(country=actor)
            self._templated_actor[name] = actor
            return name
        return re.sub(r"\s*\(\{country\}\)", "", self._kind_template[kind]).strip()

    def _resolve_source(self, name: str) -> str:
        clean = _strip_possessive(_tidy(name))
        if not clean:
            return ""
        hit = self._sources.get(clean, plurals=False)
        if hit is not None:
            return hit
        paren = re.match(r"^(.+?)\s*\(([^()]+)\)$", clean)
        if paren is not None:
            # "the National Intelligence Service (NIS)": either part may be the known one
            for part in (paren.group(1), paren.group(2)):
                resolved = self._resolve_source(part)
                if resolved in self._sources.aliases:
                    return resolved
            return self._resolve_source(paren.group(1))
        clean = _strip_the(clean)
        f = _strip_article(fold(clean))
        # "X's Y", "X Y", "Y of X", "Y in X" with Y a body or a kind of body
        words = f.split(" ")
        for i in range(1, len(words)):
            head, tail = " ".join(words[:i]), " ".join(words[i:])
            head_clean = head[:-2] if head.endswith("'s") else head.rstrip("'")
            actor = self._actor_for_source(head_clean)
            if actor is not None:
                known = self._sources.get(tail, plurals=False)
                if known is not None:
                    return known
                kind = self._kind_of(tail)
                if kind is not None:
                    return self._kind_name(actor, kind)
            if words[i - 1] in ("of", "in", "for", "from") and i >= 2:
                body = " ".join(words[:i - 1])
                actor = self._actor_for_source(tail)
                if actor is not None:
                    kind = self._kind_of(body)
                    if kind is not None:
                        return self._kind_name(actor, kind)
                    known = self._sources.get(body, plurals=False)
                    if known is not None:
                        return known
        kind = self._kind_of(f)
        if kind is not None and self._kind_template[kind].startswith("Ministry"):
            # "the defence ministry" names an institution; "officials" or "the military"
            # alone name nobody in particular and stay as written
            return self._kind_name(None, kind)
        person = self.person(clean)
        if person is not None:
            known = self._sources.get(person.name, plurals=False)
            return known if known is not None else person.name
        return clean

    def _kind_of(self, folded: str) -> str | None:
        folded = _strip_article(folded)
        for phrase, kind in self._kind_phrases:
            if folded == phrase:
                return kind
        return None

    # ------------------------------------------------------------------ people

    def person(self, name: str) -> Person | None:
        """The person a source name gives, with any title removed and its role.

        None when the name carries no title and does not look like a personal name
        (two to five capitalised words).
        """
        result: Person | None = self._cached("person", name, self._parse_person)
        return result

    def _take_title(self, tokens: list[str]) -> tuple[int, str | None]:
        """Length of a leading title (with any modifiers before it) and its role."""
        folded = [fold(t) for t in tokens]
        start = 0
        moved = True
        while moved:
            moved = False
            for mod in self._title_modifiers:
                parts = mod.split(" ")
                if folded[start:start + len(parts)] == parts:
                    start += len(parts)
                    moved = True
                    break
        for phrase, role in self._titles:
            parts = phrase.split(" ")
            if folded[start:start + len(parts)] == parts:
                return start + len(parts), role
        return 0, None

    def _parse_person(self, name: str) -> Person | None:
        text = _strip_possessive(_tidy(name))
        role: str | None = None
        words = _strip_article(fold(text)).split(" ")
        if any(self._kind_of(" ".join(words[k:])) is not None for k in range(min(4, len(words)))):
            return None  # "General Staff", "Russia's General Staff": a body, not a person
        if self._sources.get(text, plurals=False) is not None:
            return None
        # "Lee Seong-kweun, a lawmaker" / "Lee Seong-kweun (lawmaker)"
        m = re.match(r"^(.+?)\s*(?:,|\()\s*(.+?)\)?$", text)
        if m is not None:
            rest = m.group(2).split()
            for i in range(len(rest)):
                n, r = self._take_title(rest[i:])
                if n and r is not None:
                    text, role = m.group(1), r
                    break
        tokens = text.split()
        changed = True
        while changed and tokens:
            changed = False
            n, r = self._take_title(tokens)
            if n and n < len(tokens):
                tokens, role, changed = tokens[n:], role or r, True
                continue
            # a country word before a title: "Ukrainian President ...", "South Korean lawmaker ..."
            for k in (3, 2, 1):
                if k < len(tokens) and self._actors.get(" ".join(tokens[:k])) is not None:
                    n, r = self._take_title(tokens[k:])
                    if n and k + n < len(tokens):
                        tokens, role, changed = tokens[k + n:], role or r, True
                        break
        if not tokens:
            return None
        words = [t for t in tokens if t.lower() not in ("al", "bin", "ibn", "van", "von", "de", "da", "el")]
        looks_like_name = 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words)
        if role is None and not (2 <= len(tokens) <= 5 and looks_like_name):
            return None
        if not looks_like_name:
            return None
        return Person(" ".join(tokens), role)

    def same_person(self, a: str, b: str) -> bool:
        """Whether two personal names are spellings of one name (titles ignored).

        Surnames must agree (or be listed as variants); the other parts must be close
        after romanisation folding ("Seong-kweun" / "Sung-kwon"). Roles are the caller's
        to check.
        """
        pa, pb = self.person(a), self.person(b)
        na = pa.name if pa is not None else a
        nb = pb.name if pb is not None else b
        if fold(na) == fold(nb):
            return True
        ta = [fold(t).replace(" ", "") for t in na.split()]
        tb = [fold(t).replace(" ", "") for t in nb.split()]
        if not ta or not tb:
            return False
        sa = {self._surnames.get(t, t) for t in ta}
        sb = {self._surnames.get(t, t) for t in tb}
        common = sa & sb
        if not common:
            return False
        rest_a = "".join(_romanise(t) for t in ta if self._surnames.get(t, t) not in common)
        rest_b = "".join(_romanise(t) for t in tb if self._surnames.get(t, t) not in common)
        if not rest_a or not rest_b:
            # "Zelensky" / "Volodymyr Zelensky": one name is only the surname
            return True
        return difflib.SequenceMatcher(None, rest_a, rest_b).ratio() >= 0.72

    # ------------------------------------------------------------------ places

    def place(self, text: str | None) -> str | None:
        """The canonical place name, or the written name tidied ("Kursk region" -> "Kursk")."""
        if not text:
            return None
        result: str | None = self._cached("place", text, self._resolve_place)
        return result

    def _resolve_place(self, text: str) -> str | None:
        clean = _tidy(text)
        if not clean:
            return None
        hit = self._places.get(clean, plurals=False)
        if hit is not None:
            return hit
        f = _strip_article(fold(clean))
        for suffix in self._place_suffixes:
            if f.endswith(" " + suffix):
                base = f[: -len(suffix) - 1]
                hit = self._places.get(base, plurals=False)
                if hit is not None:
                    return hit
                words = clean.split()
                n = len(suffix.split(" "))
                if len(words) > n:
                    return _strip_the(" ".join(words[:-n]))
        return _strip_the(clean)

    # ------------------------------------------------------------------ aliases

    def aliases(self, canonical: str) -> list[str]:
        """Every name listed for a canonical actor, source or place."""
        out: list[str] = []
        for table in (self._actors, self._sources, self._places):
            for alias in table.aliases.get(canonical, []):
                if alias not in out:
                    out.append(alias)
        return out


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


_ROMAN_RULES: tuple[tuple[str, str], ...] = (
    ("eo", "o"), ("eu", "u"), ("ou", "u"), ("oo", "u"), ("ae", "e"), ("ui", "i"),
    ("kh", "k"), ("zh", "z"), ("yy", "y"), ("iy", "i"), ("yi", "i"), ("ck", "k"),
    ("w", ""), ("h", ""), ("y", "i"), ("j", "y"), ("u", "o"),
)


def _romanise(token: str) -> str:
    t = re.sub(r"[^a-z]", "", token)
    for a, b in _ROMAN_RULES:
        t = t.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", t)


# ---------------------------------------------------------------------- module level

_default: Names | None = None
_default_lock = threading.Lock()


def default_names() -> Names:
    """The shared tables (built-in plus ``TOLLWATCH_ALIASES``), built on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Names()
    return _default


def reset_default_names() -> None:
    """Forget the shared tables (after ``TOLLWATCH_ALIASES`` changes)."""
    global _default
    with _default_lock:
        _default = None


def actor_for(text: str | None) -> str | None:
    """Canonical actor for a country name, demonym, capital, abbreviation or group."""
    return default_names().actor(text)


def actor_in(text: str | None) -> str | None:
    """First actor named inside a phrase such as "North Korean soldiers"."""
    return default_names().actor_in(text)


def canonical_source(name: str | None) -> str:
    """Canonical name of a source; unknown names come back tidied."""
    return default_names().source(name)


def store_canonicaliser(name: str, kind: str) -> str:
    """A key for the store's pluggable canonicaliser (``Store.open(canonicalise=...)``):
    actors by canonical actor, sources by canonical source, both folded."""
    names = default_names()
    if kind == "actor":
        return fold(names.actor(name) or name)
    return names.source_key(name) or fold(name)


def canonical_place(text: str | None) -> str | None:
    """Canonical place name, or the written name tidied."""
    return default_names().place(text)

