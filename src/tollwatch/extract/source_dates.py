"""Dates shared between the names of one source.

A source dated by one of its statements ("the Ombudsman's Office said on Tuesday") dates its
other statements too. The document's memory does not always see that two names are one
source: a fuller name ("the Peruvian Ombudsman's Office"), an acronym ("ISPR" for
"Inter-Services Public Relations"), a surname ("Alcalde" for "Secretary Luisa Alcalde"), a
title ("the prime minister" for "Prime Minister Jane Doe"), another wording ("the Health
Ministry" for "the Ministry of Health", data/dates.yaml). At the end of the document, an
undated source takes the day of the one dated source it names that way; when the names
point at sources dated on different days, it takes none. The claims of that source then
carry the day with ``date_how`` "source", as for any dated source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from tollwatch.extract.body_parts import body_part_of
from tollwatch.extract.date_links import linked
from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.known_bodies import (
    government_voice,
    organ_of,
    same_kind_body,
    same_known_body,
)
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.qualified_names import same_qualified
from tollwatch.extract.sources import Source
from tollwatch.extract.unnamed_members import same_unnamed_group

__all__ = ["fold_forms", "initials", "same_body", "share_dates"]

_SMALL = {"of", "the", "and", "for", "on", "in", "de", "a", "an"}


@lru_cache(maxsize=4096)
def _plain(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(r"^(the|a|an)\s+", "", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


@lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    s = _plain(name)
    for rx, to in load_date_rules().body_name_rewrites:
        s = rx.sub(to, s)
    return s


def _forms(name: str) -> tuple[str, ...]:
    """The folded forms of ``name``: rewritten to one wording (data/dates.yaml), and as
    written when the rewrite changed it ("health ministry of zorvia" is compared as written
    too: the rewrite makes it "health zorvia ministry")."""
    plain, folded = _plain(name), _fold(name)
    return (folded,) if plain == folded else (folded, plain)


def fold_forms(name: str) -> tuple[str, ...]:
    """The folded forms ``same_body`` compares ``name`` in (for the link modules)."""
    return _forms(name)


def initials(name: str) -> str:
    """The acronym of a name's capitalised words ("Inter-Services Public Relations" ->
    "ISPR")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _SMALL]
    return "".join(w[0] for w in words if w[0].isupper()).upper()


def _acronym(name: str) -> str | None:
    bare = name.strip().removeprefix("the ").removeprefix("The ").replace(".", "")
    return bare if 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper() else None


def _contains(long: str, short: str) -> bool:
    """True when folded name ``short`` is inside ``long``, words whole."""
    return bool(short) and f" {short} " in f" {long} "


def same_body(a: Source, b: Source) -> bool:
    """True when a name of ``a`` names ``b`` too: one folded name inside the other (words
    whole, two words at least or a proper name), an acronym of the other's initials, a
    person's surname, a name the alias table knows as the same body, or a bare kind phrase
    of a body of that kind (``known_bodies``), or an unnamed member of an unnamed group
    (``unnamed_members``)."""
    if (a.date_links or b.date_links) and linked(a, b, same_body):
        return True  # names tied for dates only (extract/date_links.py)
    names_a, names_b = _beyond_family(a.names), _beyond_family(b.names)
    if names_a and names_b and len(names_a) + len(names_b) < len(a.names) + len(b.names):
        # two UN bodies are not one for sharing the name "UN"
        a, b = replace(a, names=names_a, date_links=[]), replace(b, names=names_b,
                                                                  date_links=[])
    if same_known_body(a.names, a.person, b.names, b.person) or \
            same_kind_body(a.names, a.person, b.names, b.person) or \
            same_unnamed_group(a.names, b.names) or organ_of(a.names, a.person, b.names, b.person) \
            or government_voice(a.names, a.person, b.names, b.person):
        return True
    if body_part_of(a, b, _forms):
        return True  # a body and its part, or a titled person and the body (body_parts.py)
    return any(_same_names(na, fa, a, nb, fb, b) for na in a.names for fa in _forms(na)
               for nb in b.names for fb in _forms(nb))


def _beyond_family(names: list[str]) -> list[str]:
    """``names`` without the names of a family of bodies ("UN": ``umbrella_names``)."""
    family = load_provenance().umbrella_names
    return [n for n in names if n.lower().removeprefix("the ") not in family]


def _same_names(na: str, fa: str, a: Source, nb: str, fb: str, b: Source) -> bool:
    """True when name ``na`` of ``a`` (folded ``fa``) names ``b`` by ``nb`` (``fb``)."""
    acr = _acronym(na)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    short, long = (fa, fb) if len(fa) < len(fb) else (fb, fa)
    holder = b if short == fa else a  # the source with the longer name
    raw_short = na if short == fa else nb
    if len(short.split()) >= 2 and _contains(long, short):
        return True
    if same_qualified(short, long, raw_short):
        return True  # "the Zorvian General Staff", "the General Staff of the Zorvian army"
    shorter = a if holder is b else b
    if (holder.person or shorter.person) and raw_short[:1].isupper() and \
            len(short.split()) == 1 and long.endswith(" " + short):
        return True  # a surname ("Alcalde" of "Secretary of the Interior Luisa Alcalde")
    if holder.person and short in load_date_rules().person_titles and \
            _contains(long, short):
        return True  # a title alone: "the President"
    if acr is not None and len(nb.split()) >= 2 and initials(nb) == acr:
        return True
    acr_b = _acronym(nb)
    return acr_b is not None and len(na.split()) >= 2 and initials(na) == acr_b


def _bare_title(src: Source) -> bool:
    titles = load_date_rules().person_titles
    return any(_fold(n) in titles for n in src.names)


def share_dates(sources: list[Source], rounds: int = 3) -> list[Source]:
    """Give each undated source the day of the one dated source it names (and no undated
    source of its own); the sources dated so. A source dated so dates others in the next
    round ("the President" through
    "President Ana Ruiz" dated by "Ruiz")."""
    out: list[Source] = []
    for _ in range(rounds):
        dated = [s for s in sources if s.date is not None]
        found: list[tuple[Source, str]] = []
        for src in sources:
            if src.date is not None:
                continue
            days = {d.lead_date or d.date for d in dated if d is not src and same_body(src, d)}
            if _bare_title(src):
                others = [d for d in sources if d is not src and d.date is None and
                          not d.noted and same_body(src, d)]
                if others and not all(any(same_body(o, d) for d in dated) for o in others):
                    continue  # the title fits an undated person of its own too
            if len(days) == 1:
                found.append((src, days.pop() or ""))
        if not found:
            break
        for src, day in found:
            src.date = day
            out.append(src)
    return out
