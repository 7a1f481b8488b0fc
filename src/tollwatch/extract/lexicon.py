"""The extraction lexicon, loaded from ``tollwatch/data/lexicon.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping

__all__ = ["Lexicon", "load_lexicon"]


def _words(items: Any) -> frozenset[str]:
    return frozenset(str(x).lower() for x in (items or []))


@dataclass(frozen=True)
class Lexicon:  # noqa: PLR0902 (one field per lexicon table)
    metric_verbs: dict[str, str]        # lemma -> metric
    metric_nouns: dict[str, str]        # lemma -> metric
    metric_adjectives: dict[str, str]   # word -> metric
    metric_phrases: tuple[tuple[str, str], ...]  # (phrase, metric), longest first
    armed: frozenset[str]
    civilian: frozenset[str]
    neutral: frozenset[str]
    qualifiers: tuple[tuple[str, str], ...]  # (hedge, qualifier), longest first
    after_min: frozenset[str]
    attribution_verbs: frozenset[str]
    relay_nouns: frozenset[str]
    chain_markers: tuple[str, ...]
    denial: frozenset[str]
    denial_objects: frozenset[str]
    units_not_people: frozenset[str]
    # verbs whose armed subjects are "fighting somewhere" (deployed): "200 gunmen stormed"
    fighting_verbs: frozenset[str] = frozenset()
    # armed people of a state ("soldier", "gendarme"): their side is a country
    state_armed: frozenset[str] = frozenset()
    # armed people who are not a state's ("gunmen", "militia"): whom they hold they abduct
    non_state_armed: frozenset[str] = frozenset()
    # nouns that, after an armed group's name, name its fighters ("ten Abu Sayyaf men")
    armed_group_members: frozenset[str] = frozenset()
    # words that make people armed once, not now ("former soldiers", "ex-fighters")
    former_words: frozenset[str] = frozenset()
    # "a 100,000-strong alliance": suffixes of a force size and the nouns they describe
    force_suffixes: tuple[str, ...] = ("-strong",)
    force_nouns: frozenset[str] = frozenset()
    # "the rebels were 40 in number": words after a number that give a force's size
    force_size_after: tuple[str, ...] = ()
    # captivity and return (see captivity.py): cues whose metric is decided by who is held
    captivity_cues: frozenset[str] = frozenset()
    explicit_abduction: frozenset[str] = frozenset()   # abducted whoever is held
    exchange_words: frozenset[str] = frozenset()       # captured whoever is held
    authority_holders: frozenset[str] = frozenset()    # detained when held by these
    captivity_context: frozenset[str] = frozenset()    # words of a text about captivity
    weak_captivity_phrases: frozenset[str] = frozenset()  # "came home": only in such a text
    custody_nouns: frozenset[str] = frozenset()
    taken_as: frozenset[str] = frozenset()  # "took five officers prisoner": what they became        # detained: "430 detainees still held"
    # partitive or tally nouns whose own metric yields to the verb: "one of the injured died"
    tally_nouns: frozenset[str] = frozenset()
    # verbs that make "N lives" deaths: "claiming 16,000 lives" (not "saved 40 lives")
    lives_verbs: frozenset[str] = frozenset()
    # "the cell was composed of 32 fighters": armed people a force is made of (deployed)
    force_composition: frozenset[str] = frozenset()
    # "keeps 500,000 soldiers in the region": places a state's own forces are kept in
    stationing_places: frozenset[str] = frozenset()
    # "posted pictures of three men": a metric verb (post, send) of one of these moves no one
    thing_objects: frozenset[str] = frozenset()
    # a document with one of these counts "losses": armed people lost are casualties
    losses_context: frozenset[str] = frozenset()
    # "lost 300 troops in the fighting": a loss over one of these is casualties
    losses_periods: frozenset[str] = frozenset()
    # people named only as victims take the metric of the figure before them, else the default
    victim_nouns: frozenset[str] = frozenset()
    victims_default: str = "killed"
    # ... when the figure before counts one of these ("abducted 30 ... 12 of the victims")
    victims_follow: frozenset[str] = frozenset()
    # "the seven soldiers killed included two officers": the parts share the group's metric
    part_verbs: frozenset[str] = frozenset()
    # "the fate of another 40 residents is unknown": missing (a noun and a state of it)
    fate_nouns: frozenset[str] = frozenset()
    unknown_states: frozenset[str] = frozenset()
    # titles of one person ("the regional governor" is "Governor Jane Doe")
    source_titles: frozenset[str] = frozenset()
    # "9,000 people are staying in temporary shelters": places of refuge (displaced)
    refuge_places: frozenset[str] = frozenset()
    # metric phrases that count only people who are not armed ("crossed into")
    unarmed_phrases: frozenset[str] = frozenset()
    armed_phrases: frozenset[str] = frozenset()  # surrenders: count only armed people
    prison_words: frozenset[str] = frozenset()  # "imprisoned": detained unless armed
    displacing_verbs: frozenset[str] = frozenset()  # "forced 700,000 people from"
    taking_verbs: frozenset[str] = frozenset()  # "they took 12 girls from the camp"
    state_holders: frozenset[str] = frozenset()  # "the junta holds 300 protesters"
    case_nouns: frozenset[str] = frozenset()  # "1,150 cases of enforced disappearance"
    time_spans: frozenset[str] = frozenset()  # "up from 320 a year earlier"
    ago_words: frozenset[str] = frozenset()
    last_words: frozenset[str] = frozenset()  # "up from 7,000 last week"
    # "were admitted to the military hospital": taken to a place of care (injured)
    care_verbs: frozenset[str] = frozenset()
    care_places: frozenset[str] = frozenset()
    # "1,500 soldiers remain in enemy captivity": a state of being held (who decides)
    captivity_places: frozenset[str] = frozenset()
    # "the militants are holding 40 aid workers": verbs of holding people captive
    holding_verbs: frozenset[str] = frozenset()
    # "remain in makeshift prisons": places of custody (detained)
    custody_places: frozenset[str] = frozenset()
    # "five of varying ranks": nouns of a trait, not of the people counted
    trait_nouns: frozenset[str] = frozenset()
    # captured offenders are detained; people an armed force evacuates are rescued captives
    arrest_nouns: frozenset[str] = frozenset()
    rescue_verbs: frozenset[str] = frozenset()
    rescue_forces: frozenset[str] = frozenset()
    # "1,200 tank losses", "85 of them" after "610 tanks captured": equipment, not people
    materiel: frozenset[str] = frozenset()
    # "World War Two", "Flight 17": a number after these words is part of a name
    numbered_names: frozenset[str] = frozenset()
    # phrases that are no trigger before one of these words ("exchange of" before "fire")
    phrase_not_before: dict[str, frozenset[str]] = field(default_factory=dict)

    @cached_property
    def phrase_regex(self) -> re.Pattern[str]:
        """One pattern for every metric phrase, longest first (matched on lower-case text)."""
        alt = "|".join(re.escape(p) for p, _ in self.metric_phrases)
        return re.compile(rf"\b(?:{alt})\b")

    @cached_property
    def qualifier_regex(self) -> re.Pattern[str]:
        """One pattern for a hedge ending the text before a number ("at least", "some of")."""
        alt = "|".join(re.escape(h) for h, _ in self.qualifiers)
        return re.compile(rf"(?:^|[^\w])(?P<h>{alt})(?: of| to| by| at)?$")

    @cached_property
    def qualifier_of(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for h, q in self.qualifiers:
            out.setdefault(h, q)
        return out

    @cached_property
    def phrase_metric(self) -> dict[str, str]:
        return dict(self.metric_phrases)

    @cached_property
    def people(self) -> frozenset[str]:
        return self.armed | self.civilian | self.neutral

    def trigger_words(self) -> frozenset[str]:
        """Every single word that can signal a metric (for cheap candidate filtering)."""
        words: set[str] = set()
        for table in (self.metric_verbs, self.metric_nouns, self.metric_adjectives):
            for w in table:
                words.update(w.split())
        for phrase, _ in self.metric_phrases:
            words.update(phrase.split())
        # words that make a metric without being one's trigger (captivity.py, metric.py)
        for extra in (self.fate_nouns, self.custody_places, self.refuge_places,
                      self.captivity_places,
                      self.care_places, self.holding_verbs, self.rescue_verbs,
                      self.displacing_verbs, self.taking_verbs):
            for w in extra:
                words.update(w.split())
        return frozenset(words)


def _from_mapping(data: dict[str, Any], where: str) -> Lexicon:
    try:
        verbs: dict[str, str] = {}
        nouns: dict[str, str] = {}
        adjs: dict[str, str] = {}
        phrases: list[tuple[str, str]] = []
        for metric, spec in data["metrics"].items():
            for w in spec.get("verbs") or []:
                verbs.setdefault(str(w).lower(), metric)
            for w in spec.get("nouns") or []:
                nouns.setdefault(str(w).lower(), metric)
            for w in spec.get("adjectives") or []:
                adjs.setdefault(str(w).lower(), metric)
            for w in spec.get("phrases") or []:
                phrases.append((str(w).lower(), metric))
        cap = data.get("captivity") or {}
        for w in cap.get("cues") or []:
            # captivity cues enter as "abducted"; captivity.py settles the metric by who is held
            w = str(w).lower()
            if " " in w:
                phrases.append((w, "abducted"))
            else:
                verbs.setdefault(w, "abducted")
        quals: list[tuple[str, str]] = []
        for qual, items in data["qualifiers"].items():
            if qual == "after_min":
                continue
            for w in items:
                quals.append((str(w).lower(), qual))
        att = data["attribution"]
        people = data["people"]
        victims_default = str((data.get("victims") or {}).get("default") or "killed")
        if victims_default not in data["metrics"]:
            raise ConfigError(f"victims default {victims_default!r} is not a metric",
                              source=where)
        for m in (data.get("victims") or {}).get("follow") or []:
            if m not in data["metrics"]:
                raise ConfigError(f"victims follow {m!r} is not a metric", source=where)
        return Lexicon(
            metric_verbs=verbs,
            metric_nouns=nouns,
            metric_adjectives=adjs,
            metric_phrases=tuple(sorted(phrases, key=lambda p: -len(p[0]))),
            armed=_words(people["armed"]),
            civilian=_words(people["civilian"]),
            neutral=_words(people["neutral"]),
            state_armed=_words(people.get("state_armed")),
            non_state_armed=_words(people.get("non_state_armed")),
            armed_group_members=_words(people.get("armed_group_members")),
            former_words=_words(people.get("former_words")),
            qualifiers=tuple(sorted(quals, key=lambda p: -len(p[0]))),
            after_min=_words(data["qualifiers"].get("after_min")),
            attribution_verbs=_words(att["verbs"]) | _words(data.get("attribution_more_verbs")),
            relay_nouns=_words(att["relay_nouns"]),
            chain_markers=tuple(str(x).lower() for x in att["chain_markers"]),
            denial=_words(att["denial"]),
            denial_objects=_words(att["denial_objects"]),
            units_not_people=_words(data["units_not_people"]),
            fighting_verbs=_words(data["metrics"].get("deployed", {}).get("subject_of")),
            force_suffixes=tuple(str(x).lower() for x in
                                 (data.get("force_size") or {}).get("suffixes") or ["-strong"]),
            force_nouns=_words((data.get("force_size") or {}).get("nouns")),
            force_size_after=tuple(str(x).lower() for x in
                                   (data.get("force_size") or {}).get("after") or []),
            captivity_cues=_words(cap.get("cues")),
            explicit_abduction=_words(cap.get("explicit")),
            exchange_words=_words(cap.get("exchange")),
            authority_holders=_words(cap.get("authority_holders")),
            captivity_context=_words(cap.get("context")),
            weak_captivity_phrases=_words(cap.get("weak_phrases")),
            custody_nouns=_words(cap.get("custody_nouns")),
            taken_as=_words(cap.get("taken_as")),
            tally_nouns=_words(data.get("tally_nouns")),
            lives_verbs=_words(data["metrics"].get("killed", {}).get("lives_verbs")),
            force_composition=_words(data.get("force_composition")),
            stationing_places=_words(data.get("force_stationing_places")),
            thing_objects=_words(data.get("thing_objects")),
            losses_context=_words((data.get("losses") or {}).get("context")),
            losses_periods=_words((data.get("losses") or {}).get("periods")),
            victim_nouns=_words((data.get("victims") or {}).get("nouns")),
            victims_default=victims_default,
            victims_follow=_words((data.get("victims") or {}).get("follow")),
            part_verbs=_words(data.get("part_verbs")),
            fate_nouns=_words((data.get("unknown_fate") or {}).get("nouns")),
            unknown_states=_words((data.get("unknown_fate") or {}).get("states")),
            custody_places=_words(cap.get("custody_places")),
            holding_verbs=_words(cap.get("holding_verbs")),
            captivity_places=_words(cap.get("captivity_places")),
            source_titles=_words(data.get("source_titles")),
            refuge_places=_words((data.get("refuge") or {}).get("places")),
            unarmed_phrases=_words((data.get("refuge") or {}).get("unarmed_phrases")),
            armed_phrases=_words(data.get("surrender_phrases")),
            case_nouns=_words(data.get("case_nouns")),
            time_spans=_words((data.get("time_ago") or {}).get("spans")),
            ago_words=_words((data.get("time_ago") or {}).get("words")),
            last_words=_words((data.get("time_ago") or {}).get("last")),
            state_holders=_words(cap.get("state_holders")),
            displacing_verbs=_words((data.get("refuge") or {}).get("displacing_verbs")),
            taking_verbs=_words(cap.get("taking_verbs")),
            prison_words=_words((data.get("capture_as_arrest") or {}).get("prison_words")),
            care_verbs=_words((data.get("taken_for_care") or {}).get("verbs")),
            care_places=_words((data.get("taken_for_care") or {}).get("places")),
            trait_nouns=_words(data.get("trait_nouns")),
            arrest_nouns=_words((data.get("capture_as_arrest") or {}).get("nouns")),
            rescue_verbs=_words((data.get("rescue_by_force") or {}).get("verbs")),
            rescue_forces=_words((data.get("rescue_by_force") or {}).get("forces")),
            materiel=_words(data.get("materiel")),
            numbered_names=_words(data.get("numbered_names")),
            phrase_not_before={str(k).lower(): _words(v) for k, v in
                               (data.get("phrase_not_before") or {}).items()},
        )
    except (KeyError, TypeError, AttributeError) as e:
        raise ConfigError(f"malformed lexicon ({e!r})", source=where) from e


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load the built-in lexicon, or the YAML file at ``path``."""
    data, where = read_mapping("lexicon.yaml", path, "lexicon")
    return _from_mapping(data, where)
