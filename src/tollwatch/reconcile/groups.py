"""Counted groups: what a figure counts, normalised from a claim's ``subject``.

A *group* is a canonical head ("hostages" for "captives", "abductees", "people held in
Gaza"; "detainees" for "prisoners held by the authorities", "those arrested"), with a
*subset* kept apart ("child hostages" are hostages, subset children) and a *status*
("still held", "released", "confirmed dead") that splits one group's series into
sub-series. The vocabulary is data (``tollwatch/data/groups.yaml``), extended by the
``groups:`` section of the user's alias file.

Lookup is a dictionary walk over the subject's folded words (cached per subject and
metric); the status, when the subject gives none, comes from the clause of the quote
around the figure.

    >>> g = default_groups().of("child hostages", "abducted")
    >>> g.head, g.subset, g.status
    ('hostages', 'children', None)
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

import yaml

from tollwatch.errors import ConfigError
from tollwatch.reconcile.group_words import (
    Hit,
    Phrases,
    clause,
    figure_at,
    join_names,
    number_spans,
    words,
)
from tollwatch.reconcile.tables import as_list

__all__ = ["GENERIC", "Group", "Groups", "default_groups", "group_fields", "groups_for",
           "words"]

#: The head of a figure about nobody in particular.
GENERIC: Final = "people"

_KINDS = ("custody", "role", "generic")
# how far from its figure a status word is looked for in the quote, in words
_AFTER_WORDS = 8
_BEFORE_WORDS = 5
# how many words after its figure stand for a claim's missing subject
_SUBJECT_WORDS = 3
_BREAK: Final = frozenset({"of", "among", "including", "from", "in", "held", "by", "who",
                           "that", "which", "with", "at", "on", "near", "after", "during",
                           "inside", "across", "for", "to"})
_CONJ: Final = frozenset({"and", "or", "plus", "as", "well"})
@dataclass(frozen=True, slots=True)
class Group:
    """A figure's counted group: canonical ``head``, ``subset`` and ``status`` (each None
    when not known)."""

    head: str | None = None
    subset: str | None = None
    status: str | None = None

    def label(self) -> str:
        """The group as text: "hostages (children), released"."""
        out = self.head or GENERIC
        if self.subset:
            out += f" ({self.subset})"
        if self.status:
            out += f", {self.status}"
        return out

    def to_dict(self) -> dict[str, str | None]:
        return {"group": self.head, "subset": self.subset, "group_status": self.status}


def _as_list(value: Any, where: str) -> list[str]:
    return as_list(value, where, "phrases")


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError("expected a mapping", source=where)
    return {str(k): v for k, v in value.items()}


_SECTIONS = ("heads", "metric_groups", "metric_heads", "subsets", "statuses", "partitives")


class Groups:
    """The group vocabulary: ``groups.yaml`` plus the ``groups:`` section of an alias file.

    ``of(subject, metric, quote, numbers)`` gives a figure's :class:`Group`;
    ``query(text)`` reads a user's group name ("captives", "children", "hostages still
    held") for a filter. Thread-safe to share.
    """

    def __init__(self, aliases_path: str | os.PathLike[str] | None = None) -> None:
        self.kind: dict[str, str] = {}
        self.heads = Phrases()
        self.participles = Phrases()
        self.subsets = Phrases()
        self.statuses = Phrases()
        self.metric_groups: dict[str, str] = {}
        self.metric_heads: dict[str, dict[str, str]] = {}
        self.partitives: dict[str, str | None] = {}
        self.not_with: dict[str, set[str]] = {}
        self.status_names: dict[tuple[str, ...], str] = {}
        text = resources.files("tollwatch").joinpath("data", "groups.yaml").read_text(
            encoding="utf-8")
        self._load(_yaml(text, "tollwatch/data/groups.yaml"), "groups.yaml")
        self.aliases_path = Path(aliases_path) if aliases_path is not None else None
        if self.aliases_path is not None:
            self._load_user(self.aliases_path)
        self._of = lru_cache(maxsize=65536)(self._of_subject)
        self._in_quote = lru_cache(maxsize=65536)(self._status_in_quote)
        self._after_figure = lru_cache(maxsize=65536)(self._words_after_figure)

    # ------------------------------------------------------------------ loading

    def _load(self, data: Mapping[str, Any], where: str) -> None:
        unknown = set(data) - set(_SECTIONS)
        if unknown:
            raise ConfigError(f"unknown group sections {sorted(unknown)}; expected "
                              f"{', '.join(_SECTIONS)}", source=where)
        for name, entry in _mapping(data.get("heads"), where).items():
            here = f"{where}:heads.{name}"
            if isinstance(entry, list):  # a user's short form: name: [phrases]
                entry = {"phrases": entry}
            entry = _mapping(entry, here)
            kind = str(entry.get("kind") or self.kind.get(name) or "role")
            if kind not in _KINDS:
                raise ConfigError(f"kind {kind!r} is not one of {', '.join(_KINDS)}",
                                  source=here)
            self.kind[name] = kind
            self.heads.add(name, name)
            for phrase in _as_list(entry.get("phrases"), here):
                self.heads.add(phrase, name)
            for phrase in _as_list(entry.get("participles"), here):
                self.participles.add(phrase, name)
        for metric, name in _mapping(data.get("metric_groups"), where).items():
            self.metric_groups[metric] = str(name)
        for metric, table in _mapping(data.get("metric_heads"), where).items():
            for head, other in _mapping(table, f"{where}:metric_heads.{metric}").items():
                self.metric_heads.setdefault(metric, {})[head] = str(other)
        for name, phrases in _mapping(data.get("subsets"), where).items():
            self.subsets.add(name, name)
            for phrase in _as_list(phrases, f"{where}:subsets.{name}"):
                self.subsets.add(phrase, name)
        for name, entry in _mapping(data.get("statuses"), where).items():
            here = f"{where}:statuses.{name}"
            if isinstance(entry, list):
                entry = {"phrases": entry}
            entry = _mapping(entry, here)
            self.status_names[words(name)] = name
            for phrase in _as_list(entry.get("phrases"), here):
                self.statuses.add(phrase, name)
            self.not_with.setdefault(name, set()).update(_as_list(entry.get("not_with"), here))
        for word, status in _mapping(data.get("partitives"), where).items():
            key = words(word)
            if key:
                self.partitives[key[0]] = str(status) if status else None

    def _load_user(self, path: Path) -> None:
        where = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read alias file: {exc.strerror or exc}",
                              source=where) from exc
        except UnicodeDecodeError as exc:
            raise ConfigError(f"cannot read alias file: not UTF-8 text (byte {exc.start})",
                              source=where) from exc
        section = _yaml(text, where).get("groups")
        if section is not None:
            self._load(_mapping(section, where), where)

    # ------------------------------------------------------------------ lookups

    @property
    def names(self) -> list[str]:
        """Every canonical head, in the table's order."""
        return list(self.kind)

    def of(self, subject: str | None, metric: str | None = None, quote: str | None = None,
           numbers: Sequence[int | None] = ()) -> Group:
        """The group of a figure of ``metric`` counting ``subject``; its status from the
        subject, else (for a custody group: hostages, detainees, refugees...) from the
        clause of ``quote`` around the figure, a few words either side (``numbers``:
        value, low, high). With no subject, the words right after the figure name the
        group ("12 civilians were killed")."""
        if not subject and quote:
            subject = self._after_figure(quote, tuple(numbers))
        g = self._of(subject or "", metric or "")
        # only people held, missing or uprooted have a status; a toll's sentence saying
        # its "figures were released" gives none
        if g.status is None and quote and self.kind.get(g.head or "") == "custody":
            status = self._in_quote(quote, tuple(numbers))
            if status is not None and (metric or "") not in self.not_with.get(status, ()):
                g = Group(g.head, g.subset, status)
        return g

    def query(self, text: str) -> Group:
        """A user's group name as a filter: the head, subset and status it names (each
        None when it names none). "captives" -> hostages; "children" -> subset only."""
        ws = words(text)
        head = self._pick_head(ws, [])[0] if ws else None
        if head == GENERIC and not any(h.name == GENERIC for h in self.heads.find(ws)):
            head = None
        subsets = self.subsets.find(ws)
        statuses = self.statuses.find(ws)
        subset = join_names(subsets) if subsets else None
        if head is not None and subset is not None and subset == head:
            subset = None
        status = statuses[0].name if statuses else None
        if status is None:
            status = next((n for k, n in self.status_names.items() if k and k[0] in ws), None)
        return Group(head, subset, status)

    # ------------------------------------------------------------------ internals

    def _pick_head(self, ws: Sequence[str], subsets: list[Hit]
                   ) -> tuple[str | None, str | None, str | None]:
        """(head, role-subset, partitive status) of the words ``ws``."""
        heads = self.heads.find(ws)
        parts = self.participles.find(ws)
        brk = next((i for i, w in enumerate(ws) if w in _BREAK
                    and not any(h.start < i < h.end for h in heads)), len(ws))
        first = [h for h in heads if h.start < brk]
        status: str | None = None
        # "one of the hostages", "the bodies of 20 migrants": the group after "of"
        lead = [w for w in ws[:brk] if not w.isdigit()]
        if brk < len(ws) and ws[brk] == "of" and lead and lead[-1] in self.partitives:
            later = [h for h in heads if h.start > brk and self.kind.get(h.name) != "generic"]
            if later:
                status = self.partitives[lead[-1]]
                first = [later[0]]
                parts = [p for p in parts if p.start > brk]
        if not first:
            if parts:
                return parts[0].name, None, status
            return None, None, status
        names = list(dict.fromkeys(h.name for h in first))
        custody = [n for n in names if self.kind.get(n) == "custody"]
        specific = [n for n in names if self.kind.get(n) != "generic"]
        conj = any(w in _CONJ for w in ws[:brk])
        if conj and len(specific) > 1:
            # "civilians and soldiers": no one group, unless one of them holds people
            return (custody[0] if len(custody) == 1 else None), None, status
        pick = first[-1].name
        if self.kind.get(pick) == "generic" and specific:
            pick = specific[-1]
        first_parts = [p for p in parts if p.start < brk]
        if self.kind.get(pick) == "role" and first_parts:
            # "kidnapped students", "displaced children": the participle's group
            return first_parts[0].name, pick, status
        return pick, None, status

    def _of_subject(self, subject: str, metric: str) -> Group:
        ws = words(subject) if subject else ()
        subsets = self.subsets.find(ws)
        head, role, status = self._pick_head(ws, subsets)
        statuses = self.statuses.find(ws)
        if statuses and status is None:
            status = statuses[0].name
        if status is not None and metric in self.not_with.get(status, ()):
            status = None
        head = self.metric_heads.get(metric, {}).get(head or "", head)
        kind = self.kind.get(head or "", "generic")
        by_metric = self.metric_groups.get(metric)
        if by_metric is not None and kind != "custody":
            if kind == "role" and head != by_metric:
                role = role or head
            head = by_metric
        elif head is None:
            head = GENERIC if ws or metric else None
        subset = join_names(subsets) if subsets else role
        if subset == head:
            subset = None
        if self.kind.get(head or "") != "custody":
            status = None  # "the dead and wounded" are a toll, not people held or freed
        return Group(head, subset, status)

    def _words_after_figure(self, quote: str, numbers: Sequence[int | None]) -> str | None:
        """The few words after the figure in ``quote`` ("civilians were killed"), up to the
        next figure or clause end; None when the figure is not found."""
        text = quote.lower()
        spans = number_spans(text)
        at = figure_at(text, spans, numbers)
        if at is None:
            return None
        stop = spans[at + 1][0] if at + 1 < len(spans) else len(text)
        tail = clause(text[spans[at][1]:stop]).split()[:_SUBJECT_WORDS]
        return " ".join(tail) or None

    def _status_in_quote(self, quote: str, numbers: Sequence[int | None]) -> str | None:
        text = quote.lower()
        if not self.statuses.may_occur(text):
            return None  # most sentences hold no status word at all
        spans = number_spans(text)
        at = figure_at(text, spans, numbers)
        if at is None:
            if len(spans) > 1:
                return None  # several figures, none found: no way to tell whose words
            window_after, window_before = text, ""
        else:
            start, end = spans[at]
            stop = spans[at + 1][0] if at + 1 < len(spans) else len(text)
            begin = spans[at - 1][1] if at > 0 else 0
            window_after = " ".join(clause(text[end:stop]).split()[:_AFTER_WORDS])
            window_before = " ".join(text[begin:start].split()[-_BEFORE_WORDS:])
        fold = _fold_uncached  # windows are one-off text: keep them out of the cache
        for window, pick_last in ((window_after, False), (window_before, True)):
            found = self.statuses.find(fold(window)) if window else []
            if found:
                return (found[-1] if pick_last else found[0]).name
        return None


_fold_uncached = words.__wrapped__


def _yaml(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"not valid YAML: {exc}", source=where) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("the group file must be a mapping", source=where)
    return data


_DEFAULT: dict[str | None, Groups] = {}
_DEFAULT_LOCK = threading.Lock()


def groups_for(aliases_path: str | os.PathLike[str] | None) -> Groups:
    """The vocabulary with the alias file at ``aliases_path`` (or none), built once."""
    key = str(aliases_path) if aliases_path is not None else None
    with _DEFAULT_LOCK:
        found = _DEFAULT.get(key)
        if found is None:
            found = _DEFAULT[key] = Groups(aliases_path)
        return found


def default_groups() -> Groups:
    """The built-in vocabulary with the alias file of ``TOLLWATCH_ALIASES``, if set."""
    return groups_for(os.environ.get("TOLLWATCH_ALIASES") or None)


def group_fields(claim: Any, groups: Groups | None = None) -> dict[str, str | None]:
    """``{"group", "subset", "group_status"}`` of a :class:`~tollwatch.model.Claim` (any object
    with subject, metric, quote, value, low and high), for JSON output beside its fields."""
    g = (groups or default_groups()).of(claim.subject, claim.metric, claim.quote,
                                        (claim.value, claim.low, claim.high))
    return g.to_dict()
