"""The provenance rules, loaded from ``tollwatch/data/provenance.yaml``.

Headline patterns, short forms, reference nouns, the words that date a statement on the day
of publication, dateline patterns, how far a statement carries on, and the confidence that
each way of finding a source deserves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping

__all__ = ["ProvenanceRules", "load_provenance"]


@dataclass(frozen=True)
class ProvenanceRules:  # noqa: PLR0902 (one field per table)
    headline_patterns: tuple[re.Pattern[str], ...]
    headline_max_words: int
    headline_role_words: frozenset[str]
    headline_not_sources: frozenset[str]
    short_forms: dict[str, tuple[str, ...]]
    body_nouns: frozenset[str]
    person_nouns: frozenset[str]
    today: re.Pattern[str]
    datelines: tuple[re.Pattern[str], ...]
    max_gap: int
    next_paragraph: int
    carry_on: re.Pattern[str]
    first_person: re.Pattern[str]
    not_statement_objects: frozenset[str]
    phrasal_cues: dict[str, tuple[str, ...]]
    backward_objects: frozenset[str]
    backward_cue: re.Pattern[str]
    confidence: dict[str, float]
    cited_as_verbs: frozenset[str] = frozenset()
    cited_as_preps: frozenset[str] = frozenset()
    cited_in_preps: frozenset[str] = frozenset()
    headline_body_tolerance: float = 0.0
    alias_verbs: frozenset[str] = frozenset()
    description_stops: frozenset[str] = frozenset()
    description_generic: frozenset[str] = frozenset()
    hearsay: re.Pattern[str] = re.compile(r"(?!x)x")
    alias_preps: frozenset[str] = frozenset()
    headline_body_reach: int = 0
    later_source_reach: int = 0
    later_source_shared: float = 1.0
    later_source_paragraphs: int = 0
    clause_pronouns: frozenset[str] = frozenset()
    clause_links: frozenset[str] = frozenset()
    clause_depth: int = 0
    clause_absolute_preps: frozenset[str] = frozenset()
    # a live blog's time stamp opening an entry ("14:05 GMT -"): no source, no day
    time_stamps: tuple[re.Pattern[str], ...] = ()
    update_notes: tuple[re.Pattern[str], ...] = ()  # "(Adds ombudsman figures, ...)"
    # heads of subjects that name what happened, no source ("The attack put the toll at 40")
    event_subjects: frozenset[str] = frozenset()
    # heads of bodies that make figures ("figures from the health ministry")
    maker_heads: frozenset[str] = frozenset()
    # words after a name and a hyphen that make it a description of who controls a body,
    # not a name of the body ("the Houthi-controlled Saba news agency" is not "Houthi")
    control_words: frozenset[str] = frozenset()
    # words of a person's names that say "he" or "she" ("Mr", "spokeswoman"): m, f
    person_genders: dict[str, frozenset[str]] = field(default_factory=dict)
    # heads of state bodies that a generic body noun ("the group") does not refer back to
    state_heads: frozenset[str] = frozenset()
    # "as of 8 August": the day a tally stood (group "day")
    as_of: re.Pattern[str] = re.compile(r"(?!x)x")
    clausal_cues: frozenset[str] = frozenset()
    carry_on_patterns: tuple[re.Pattern[str], ...] = ()
    report_nouns: frozenset[str] = frozenset()
    pointing_words: frozenset[str] = frozenset()
    message_nouns: frozenset[str] = frozenset()
    # words before a body noun that describe a kind of named body ("the rights group")
    body_descriptors: frozenset[str] = frozenset()
    armed_descriptors: frozenset[str] = frozenset()  # "the rebel group": an armed group's
    # names of a family of bodies ("UN"): two sources sharing only such a name are not one
    umbrella_names: frozenset[str] = frozenset()
    person_titles: frozenset[str] = frozenset()
    not_surnames: frozenset[str] = frozenset()
    # titles that name one person when they stand alone ("the governor", "the colonel")
    lone_titles: frozenset[str] = frozenset()
    body_roles: frozenset[str] = frozenset()
    body_role_preps: frozenset[str] = frozenset()
    tail_name_max_words: int = 0
    tail_name_joiners: frozenset[str] = frozenset()
    clause_not_antecedents: frozenset[str] = frozenset()

    def confidence_of(self, how: str) -> float:
        """The confidence factor for a source found by ``how`` (1.0 when unlisted)."""
        return self.confidence.get(how, 1.0)


def _words(items: Any) -> frozenset[str]:
    return frozenset(str(x).lower() for x in (items or []))


def _phrasal(items: Any) -> dict[str, tuple[str, ...]]:
    """{"make": ("known",)} from ["make known"]: a verb and the particle it needs."""
    out: dict[str, list[str]] = {}
    for item in items or []:
        verb, _, rest = str(item).lower().partition(" ")
        if rest:
            out.setdefault(verb, []).append(rest)
    return {k: tuple(v) for k, v in out.items()}


def _alternatives(words: Any, before: str, after: str) -> re.Pattern[str]:
    """One case-blind pattern for a list of phrases, longest first."""
    items = sorted((str(w) for w in words or []), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in items) or r"(?!x)x"
    return re.compile(before + alt + after, re.IGNORECASE)


def _compile(pattern: Any, where: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern), flags)
    except re.error as e:
        raise ConfigError(f"bad pattern {pattern!r}: {e}", source=where) from e


def _from_mapping(data: dict[str, Any], where: str) -> ProvenanceRules:
    try:
        hs = data.get("headline_source") or {}
        refs = data.get("reference_nouns") or {}
        cont = data.get("continuation") or {}
        today = sorted((str(w) for w in data.get("today_words") or []), key=len, reverse=True)
        today_rx = "|".join(re.escape(w) for w in today) or r"(?!x)x"
        as_of_rx = "|".join(r"\s+".join(map(re.escape, str(w).split()))
                            for w in data.get("as_of_words") or []) or r"(?!x)x"
        return ProvenanceRules(
            headline_patterns=tuple(_compile(p, where)
                                    for p in data.get("headline_patterns") or []),
            headline_max_words=int(hs.get("max_words", 6)),
            headline_role_words=_words(hs.get("role_words")),
            headline_not_sources=_words(hs.get("not_sources")),
            short_forms={str(k).lower(): tuple(str(x).lower() for x in v)
                         for k, v in (data.get("short_forms") or {}).items()},
            body_nouns=_words(refs.get("body")),
            state_heads=_words(refs.get("state_heads")),
            body_descriptors=_words(refs.get("descriptors")),
            armed_descriptors=_words(refs.get("armed_descriptors")),
            umbrella_names=_words(data.get("umbrella_names")),
            person_nouns=_words(refs.get("person")),
            today=re.compile(rf"\b(?:{today_rx})(?!\w)", re.IGNORECASE),
            datelines=tuple(_compile(p, where) for p in data.get("dateline_patterns") or []),
            time_stamps=tuple(_compile(p, where) for p in data.get("time_stamps") or []),
            update_notes=tuple(_compile(p, where, re.IGNORECASE)
                               for p in data.get("update_notes") or []),
            event_subjects=_words(data.get("event_subjects")) |
            _words(data.get("part_subjects")),
            maker_heads=_words(data.get("maker_heads")),
            control_words=_words(data.get("control_words")),
            person_genders={str(k): _words(v) for k, v in
                            (data.get("person_genders") or {}).items()},
            as_of=re.compile(rf"\b(?:{as_of_rx})\s+(?P<day>[A-Za-z]+\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
                             rf"|\d{{1,2}}\s+[A-Za-z]+\.?(?:,?\s+\d{{4}})?|[A-Z][a-z]+day)\b",
                             re.IGNORECASE),
            max_gap=int(cont.get("max_gap", 3)),
            next_paragraph=int(cont.get("next_paragraph", 1)),
            carry_on=_alternatives(cont.get("carry_on_starts"), r"^\W*(?:", r")\b"),
            first_person=_alternatives(cont.get("first_person"), r"\b(?:", r")\b"),
            not_statement_objects=_words(data.get("not_statement_objects")),
            phrasal_cues=_phrasal(data.get("phrasal_cues")),
            backward_objects=_words(data.get("backward_objects")),
            backward_cue=_alternatives(data.get("backward_cues"), r"\b(?:", r")\b"),
            confidence={str(k): float(v) for k, v in (data.get("confidence") or {}).items()},
            cited_as_verbs=_words((data.get("cited_as") or {}).get("verbs")),
            cited_as_preps=_words((data.get("cited_as") or {}).get("prepositions")),
            cited_in_preps=_words((data.get("cited_as") or {}).get("outlet_prepositions")),
            hearsay=_alternatives(cont.get("hearsay"), r"\b(?:", r")\b"),
            description_stops=_words((data.get("descriptions") or {}).get("stop_at")),
            description_generic=_words((data.get("descriptions") or {}).get("generic")),
            alias_verbs=_words((data.get("aliases") or {}).get("verbs")),
            alias_preps=_words((data.get("aliases") or {}).get("prepositions")),
            headline_body_tolerance=float((data.get("headline_body") or {}).get("tolerance", 0)),
            headline_body_reach=int((data.get("headline_body") or {}).get("reach_chars", 0)),
            later_source_reach=int((data.get("later_source") or {}).get("reach_chars", 0)),
            later_source_shared=float((data.get("later_source") or {}).get("min_shared", 1)),
            clause_pronouns=_words((data.get("clause_sources") or {}).get("pronouns")),
            clause_links=_words((data.get("clause_sources") or {}).get("links")),
            clause_depth=int((data.get("clause_sources") or {}).get("depth", 0)),
            clause_absolute_preps=_words((data.get("clause_sources") or {}).get(
                "absolute_prepositions")),
            clausal_cues=_words(data.get("clausal_cues")),
            carry_on_patterns=tuple(_compile(p, where, re.IGNORECASE) for p in
                                    cont.get("carry_on_patterns") or []),
            report_nouns=_words((data.get("references") or {}).get("report_nouns")),
            pointing_words=_words((data.get("references") or {}).get("pointing_words")),
            message_nouns=_words((data.get("references") or {}).get("message_nouns")),
            person_titles=_words((data.get("person_names") or {}).get("titles")),
            not_surnames=_words((data.get("person_names") or {}).get("not_surnames")),
            lone_titles=_words((data.get("person_names") or {}).get("lone_titles")),
            body_roles=_words((data.get("person_names") or {}).get("body_roles")),
            body_role_preps=_words((data.get("person_names") or {}).get("body_role_preps")),
            tail_name_max_words=int((data.get("tail_name") or {}).get("max_words", 0)),
            tail_name_joiners=_words((data.get("tail_name") or {}).get("joiners")),
            clause_not_antecedents=_words((data.get("clause_sources") or {}).get(
                "not_antecedents")),
            later_source_paragraphs=int((data.get("later_source") or {}).get("max_paragraphs",
                                                                              0)),
        )
    except (TypeError, ValueError, AttributeError) as e:
        raise ConfigError(f"malformed provenance rules ({e!r})", source=where) from e


@lru_cache(maxsize=4)
def load_provenance(path: str | None = None) -> ProvenanceRules:
    """Load the built-in provenance rules, or the YAML file at ``path``."""
    data, where = read_mapping("provenance.yaml", path, "provenance rules", "are")
    return _from_mapping(data, where)
