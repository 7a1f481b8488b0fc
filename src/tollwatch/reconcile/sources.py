"""Sources: the bodies (and people) that give figures, by name, abbreviation, translation
or description, resolved to one canonical name each."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tollwatch.errors import ConfigError
from tollwatch.reconcile.folding import _strip_article, _strip_possessive, _strip_the, _tidy, fold
from tollwatch.reconcile.people import PersonNames
from tollwatch.reconcile.tables import _as_list

__all__ = ["SourceNames"]


_ABBREV_HEAD = re.compile(r"^((?:[A-Z]\.){2,}|[A-Z]{2,3})\s+(.+)$")

class SourceNames(PersonNames):
    """The source resolver of :class:`tollwatch.reconcile.names.Names`."""

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
        self._add_sources(data.get("sources") or {}, "sources.yaml")

    def _load_origins(self, data: Mapping[str, Any], where: str = "origins.yaml") -> None:
        """More bodies and kind phrases (``origins.yaml``: the well-known bodies of the
        world); entries already known keep their canonical name and gain the aliases."""
        phrases = list(self._kind_phrases)
        for kind, words in (data.get("kind_phrases") or {}).items():
            if kind not in self._kind_template:
                raise ConfigError(f"unknown kind {kind}", source=where)
            for phrase in _as_list(words, f"{where}:kind_phrases.{kind}"):
                phrases.append((fold(phrase), str(kind)))
        self._kind_phrases = sorted(set(phrases), key=lambda p: (-len(p[0]), p[0]))
        self._add_sources(data.get("sources") or {}, where)

    def _add_sources(self, entries: Mapping[str, Any], file: str) -> None:
        for canonical, entry in entries.items():
            canonical = str(canonical)
            entry = entry or {}
            where = f"{file}:{canonical}"
            if not isinstance(entry, dict):
                raise ConfigError("a source entry must be a mapping", source=where)
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

    def body_kind(self, name: str | None) -> str | None:
        """The kind of body a source name names, known ("the Pentagon": "defence_ministry")
        or a country's body of a kind ("Zorvian army": "military"); None for a bare kind
        phrase with no country ("the army") and for other names."""
        canonical = self.source(name)
        kind = self._source_kind.get(canonical)
        if kind is not None:
            return kind
        actor = self._templated_actor.get(canonical)
        if actor is None:
            return None
        return next((k for k, tpl in self._kind_template.items()
                     if tpl.format(country=actor) == canonical), None)

    def bare_kind(self, name: str | None) -> str | None:
        """The kind a bare kind phrase names ("the military": "military"), with no
        country or name of its own; None for other names."""
        if not name or self.is_known_source(name):
            return None
        return self._kind_of(fold(_strip_possessive(_tidy(name))))

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
        abbrev = _ABBREV_HEAD.match(clean)
        if abbrev is not None:
            # "U.K. Defense Ministry", "US intelligence": a country's abbreviation (kept in
            # capitals, as "us" the word is no country) is that country's body
            actor = self._actors.get(abbrev.group(1).replace(".", ""))
            if actor is not None:
                resolved = self._resolve_source(f"{actor}'s {abbrev.group(2)}")
                if resolved in self._sources.aliases or resolved in self._templated_actor:
                    return resolved
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
