"""One body under two names the alias table knows as one.

The origin model's table of well-known bodies (``data/sources.yaml`` and
``data/origins.yaml``) lists, for each body, its full name, acronym, translations and
descriptions: "Inter-Services Public Relations", "ISPR" and "the military's media wing";
"the Pentagon" and "the Defense Department". Two sources of one document with a name that
the table resolves to the same known body are one body, though neither name contains the
other. Only names the table knows are joined so (a bare "the ministry" resolves to
nothing). A person is joined only to the body they speak for ("a senior Defense Department
official", "a spokeswoman for the Red Cross": ``speaks_for`` in data/coreference.yaml), and
two people never.

A bare kind phrase ("the military", "the police": no name or country of its own) names a
body of that kind ("the Zorvian General Staff", "Kenyan police"), for the kinds
``bare_kind_links`` of ``data/coreference.yaml`` lists; whoever shares days through it
(``source_dates``) takes one only when a single such body was dated.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tollwatch.extract.coreference_rules import load_coreference_rules
from tollwatch.reconcile import names as _names

__all__ = ["bare_kind_of", "government_voice", "known_bodies", "organ_of", "same_kind_body",
           "same_known_body", "spoken_for"]


@lru_cache(maxsize=65536)
def _known(name: str) -> str | None:
    table = _names.default_names()
    return table.source(name) if table.is_known_source(name) else None


def known_bodies(names: list[str]) -> set[str]:
    """The canonical names of the known bodies that ``names`` name."""
    return {k for n in names if (k := _known(n)) is not None}


@lru_cache(maxsize=65536)
def spoken_for(name: str) -> str | None:
    """The known body a speaker's description names ("a senior Defense Department
    official", "a spokeswoman for the Red Cross"); None when it names none."""
    rules = load_coreference_rules()
    words = re.findall(r"[\w'’.&-]+", name)
    for i, w in enumerate(words):
        if w.lower() not in rules.speaker_roles:
            continue
        after = words[i + 1:]
        if len(after) > 1 and after[0].lower() in rules.speaker_preps:
            return _known(" ".join(after[1:]))
        before: list[str] = []
        for x in reversed(words[:i]):
            if not x[:1].isupper() or x.lower() in ("a", "an", "the"):
                break
            before.insert(0, x)
        return _known(" ".join(before)) if before else None
    return None


def _bodies(names: list[str], person: bool) -> set[str]:
    if not person:
        return known_bodies(names)
    return {k for n in names if (k := spoken_for(n)) is not None}


def same_known_body(a_names: list[str], a_person: bool, b_names: list[str],
                    b_person: bool) -> bool:
    """True when two sources, not both people, have a name each that the alias table
    resolves to one known body (a person: the body they speak for)."""
    if a_person and b_person:
        return False
    return bool(_bodies(a_names, a_person) & _bodies(b_names, b_person))


@lru_cache(maxsize=65536)
def _bare_kind(name: str) -> str | None:
    kind = _names.default_names().bare_kind(name)
    return kind if kind in load_coreference_rules().bare_kind_links else None


@lru_cache(maxsize=65536)
def _body_kind(name: str) -> str | None:
    return _names.default_names().body_kind(name)


def bare_kind_of(names: list[str]) -> str | None:
    """The kind a source's names name when every one is a bare kind phrase of a linked
    kind ("the military", "military"); None otherwise."""
    kinds = {_bare_kind(n) for n in names}
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


def same_kind_body(a_names: list[str], a_person: bool, b_names: list[str],
                   b_person: bool) -> bool:
    """True when one body is named only by a bare kind phrase and the other has a name of
    a body of that kind."""
    if a_person or b_person:
        return False
    for bare, named in ((a_names, b_names), (b_names, a_names)):
        kind = bare_kind_of(bare)
        if kind is not None and any(_body_kind(n) == kind for n in named):
            return True
    return False


@lru_cache(maxsize=65536)
def _kind_and_country(name: str) -> tuple[str | None, str | None]:
    table = _names.default_names()
    bare = table.bare_kind(name)
    if bare is not None:
        return bare, None
    kind = table.body_kind(name)
    return kind, (table.source_actor(name) if kind is not None else None)


def _organ_names(names: list[str], person: bool) -> list[str]:
    """A body's names; for a person, the known bodies they speak for."""
    return [b for n in names if (b := spoken_for(n)) is not None] if person else names


def organ_of(a_names: list[str], a_person: bool, b_names: list[str], b_person: bool) -> bool:
    """True when two bodies are of two kinds ``organ_kinds`` pairs (data/coreference.yaml:
    a defence ministry and its military) and name no two countries; a person counts as
    the known body they speak for ("the director of the Defense Intelligence Agency"), two
    people never."""
    if a_person and b_person:
        return False
    pairs = load_coreference_rules().organ_kinds
    if not pairs:
        return False
    ka = {_kind_and_country(n) for n in _organ_names(a_names, a_person)} - {(None, None)}
    kb = {_kind_and_country(n) for n in _organ_names(b_names, b_person)} - {(None, None)}
    countries = {c for _, c in ka | kb if c is not None}
    if len(countries) > 1:
        return False
    return any(frozenset((x, y)) in pairs for x, _ in ka for y, _ in kb if x and y and x != y)


@lru_cache(maxsize=65536)
def _government_name(name: str) -> bool:
    return re.sub(r"^(?:the|its|a)\s+", "", name.lower()) in \
        load_coreference_rules().government_bodies


def _bare_government(names: list[str]) -> bool:
    return bool(names) and all(_government_name(n) for n in names)


_WORD = re.compile(r"[\w-]+")


@lru_cache(maxsize=65536)
def _titled(name: str) -> bool:
    words = " " + " ".join(_WORD.findall(name.lower())) + " "
    return any(f" {t} " in words for t in load_coreference_rules().government_titles)


def _minister(names: list[str]) -> bool:
    return any(_titled(n) for n in names)


def government_voice(a_names: list[str], a_person: bool, b_names: list[str],
                     b_person: bool) -> bool:
    """True when one source is "the government" alone and the other a person with a
    government title ("Deputy Minister of Information Ana Ruiz"): one statement's voices."""
    return (not a_person and b_person and _bare_government(a_names) and _minister(b_names)) or \
        (not b_person and a_person and _bare_government(b_names) and _minister(a_names))
