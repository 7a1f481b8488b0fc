"""The rules of the document-level source coreference (``data/coreference.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping, word_list

__all__ = ["CoreferenceRules", "load_coreference_rules"]


@dataclass(frozen=True)
class CoreferenceRules:
    """Which kinds of body a bare kind phrase ("the military") may name; which unnamed
    descriptions name a member of an unnamed group ("a military officer" of "two military
    sources")."""

    bare_kind_links: frozenset[str]
    member_heads: frozenset[str] = frozenset()
    member_skip: frozenset[str] = frozenset()
    speaker_roles: frozenset[str] = frozenset()
    speaker_preps: frozenset[str] = frozenset()
    organ_kinds: frozenset[frozenset[str]] = frozenset()
    government_bodies: frozenset[str] = frozenset()  # "the government"
    government_titles: frozenset[str] = frozenset()  # "Deputy Minister of Information X"


@lru_cache(maxsize=8)
def load_coreference_rules(path: str | None = None) -> CoreferenceRules:
    """The coreference rules of ``path`` (None: the built-in ``coreference.yaml``)."""
    data, where = read_mapping("coreference.yaml", path, "coreference rules", "are")
    member = data.get("unnamed_member") or {}
    if not isinstance(member, dict):
        raise ConfigError("unnamed_member must be a mapping", source=where)
    organs = data.get("organ_kinds") or []
    if not isinstance(organs, list) or not all(isinstance(p, list) and len(p) == 2
                                               for p in organs):
        raise ConfigError("organ_kinds must be a list of pairs of kinds", source=where)
    speaks = data.get("speaks_for") or {}
    if not isinstance(speaks, dict):
        raise ConfigError("speaks_for must be a mapping", source=where)
    return CoreferenceRules(
        bare_kind_links=frozenset(word_list(data.get("bare_kind_links"), "bare_kind_links", where)),
        member_heads=frozenset(word_list(member.get("heads"), "unnamed_member.heads", where)),
        member_skip=frozenset(word_list(member.get("skip"), "unnamed_member.skip", where)),
        speaker_roles=frozenset(word_list(speaks.get("roles"), "speaks_for.roles", where)),
        speaker_preps=frozenset(word_list(speaks.get("preps"), "speaks_for.preps", where)),
        organ_kinds=frozenset(frozenset(str(k) for k in p) for p in organs),
        government_bodies=frozenset(word_list((data.get("government_voices") or {}).get(
            "bodies"), "government_voices.bodies", where)),
        government_titles=frozenset(word_list((data.get("government_voices") or {}).get(
            "titles"), "government_voices.titles", where)))
