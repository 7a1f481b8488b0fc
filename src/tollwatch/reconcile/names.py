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

import os
import re
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tollwatch.errors import ConfigError
from tollwatch.reconcile.folding import _strip_article, _strip_the, _tidy, fold
from tollwatch.reconcile.sources import SourceNames
from tollwatch.reconcile.tables import Person, _as_list, _builtin, _load_yaml_text

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


class Names(SourceNames):
    """The alias tables, built-in plus an optional user YAML file.

    ``aliases_path`` defaults to the ``TOLLWATCH_ALIASES`` environment variable; pass
    ``use_env=False`` to ignore it. Lookups are cached and thread-safe to share.
    """

    def __init__(self, aliases_path: str | os.PathLike[str] | None = None, *,
                 use_env: bool = True) -> None:
        self._init_tables()
        self._lock = threading.Lock()
        self._load_actors(_builtin("actors.yaml"))
        self._load_sources(_builtin("sources.yaml"))
        self._load_origins(_builtin("origins.yaml"))
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
        except UnicodeDecodeError as exc:
            raise ConfigError(f"cannot read alias file: not UTF-8 text (byte {exc.start})",
                              source=where) from exc
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

