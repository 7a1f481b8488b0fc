"""The alias tables' building blocks: YAML loading, one table of aliases, and the state
every part of :class:`tollwatch.reconcile.names.Names` shares."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from tollwatch.errors import ConfigError
from tollwatch.reconcile.folding import (
    _exact_key,
    _plural_forms,
    _strip_article,
    _strip_possessive,
    _tidy,
    fold,
)

__all__ = ["CACHE_LIMIT", "NameTables", "Person", "as_list", "builtin", "load_yaml_text"]

CACHE_LIMIT = 200_000
_CACHE_LIMIT = CACHE_LIMIT
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _as_list(value: Any, where: str, what: str = "names") -> list[str]:
    """A table entry's list of strings (a single string is a list of one); a ConfigError
    naming ``where`` otherwise."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"expected a list of {what}, got {value!r}", source=where)


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



class NameTables:
    """The tables and caches the name resolvers share (filled by ``Names``)."""

    _actors: _Table
    _sources: _Table
    _places: _Table
    _groups: set[str]
    _code_to_actor: dict[str, str]
    _actor_to_code: dict[str, str]
    _by_actor_kind: dict[tuple[str, str], str]
    _kind_template: dict[str, str]
    _kind_phrases: list[tuple[str, str]]
    _titles: list[tuple[str, str]]
    _title_modifiers: list[str]
    _not_names: set[str]
    _templated_actor: dict[str, str]
    _country_words: dict[str, str]
    _surnames: dict[str, str]
    _place_suffixes: list[str]
    _source_kind: dict[str, str]
    _source_actor: dict[str, str]
    _cache: dict[tuple[str, str], Any]
    _lock: threading.Lock

    def _init_tables(self) -> None:
        self._actors = _Table()
        self._sources = _Table()
        self._places = _Table()
        self._groups = set()
        self._code_to_actor = {}
        self._actor_to_code = {}
        self._by_actor_kind = {}
        self._kind_template = {}
        self._kind_phrases = []
        self._titles = []
        self._title_modifiers = []
        self._not_names = set()
        self._templated_actor = {}
        self._country_words = {}
        self._surnames = {}
        self._place_suffixes = []
        self._source_kind = {}
        self._source_actor = {}
        self._cache = {}
        self._lock = threading.Lock()

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

    def _kind_of(self, folded: str) -> str | None:
        folded = _strip_article(folded)
        for phrase, kind in self._kind_phrases:
            if folded == phrase:
                return kind
        return None

    # ------------------------------------------------------------------ people


as_list = _as_list
load_yaml_text = _load_yaml_text
builtin = _builtin
