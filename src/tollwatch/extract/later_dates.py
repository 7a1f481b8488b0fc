"""Which day a statement's source passes on to it, by where the source was dated.

A source dated by one of its statements ("On Tuesday, the spokesman revised his figures")
dates the statements of that source that come after it in the text; the ones before it were
made earlier, on a day the text does not name ("The spokesman told the press that four
soldiers had died." ... "On Tuesday, the spokesman revised his figures"). Such an earlier
statement keeps no date (``date_how`` "later"), also when the day reaches its source through
another name of it (``source_dates``) whose first dated statement comes later. A source
first dated in the sentence itself, or given a day at the end of the document by an unparsed
sentence, dates it. Nor are the headline and the lede marked: they sum up what the body goes
on to date ("The army said 11 soldiers were killed." ... "The army announced on Sunday").

A statement relayed by a source that names no day ("..., according to the agency") takes
the day its origin was dated with before or in its sentence (``date_how`` "origin").

A dateline alone on its line above the story ("Tripoli, 14 June 2016:") dates the
paragraphs under it up to the next dateline (``header_dates``); the undated statements of
the headline and lede take the day of the dateline that dated their source's statement
(``close_lede``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from tollwatch.extract.attribution import Attribution
from tollwatch.extract.date_links import load_date_link_rules
from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.period_dates import load_period_rules
from tollwatch.extract.source_dates import same_body
from tollwatch.extract.sources import Source

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["LATER", "ORIGIN", "UndatedLedger", "header_dates"]

LATER = "later"
ORIGIN = "origin"  # the day of the origin a relay that names none passes on


def header_dates(lines: dict[int, str], headed: dict[int, str], last: int) -> dict[int, str]:
    """Paragraph -> day, with the paragraphs under a dateline alone on its line ("Tripoli,
    14 June 2016:" above the story) given its day up to the next dateline, when
    ``later_dates.header_dateline_spans`` is on (``headed``: the first paragraph under each
    such line)."""
    if not load_date_rules().header_dateline_spans:
        return lines
    out = dict(lines)
    for first, day in headed.items():
        for p in range(first, last + 1):
            if p != first and p in lines:
                break
            out.setdefault(p, day)
    return out


def _subject_names(verb: Token, src: Source) -> bool:
    """True when the subject of ``verb`` is named by one of ``src``'s names."""
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        subject = " ".join(t.text for t in c.subtree).lower()
        if any(n.lower() in subject or subject in n.lower() for n in src.names if len(n) > 2):
            return True
    return False


def _elsewhen(sentence: str) -> bool:
    """The sentence places its statement at a time of its own ("said at the time", "had
    said earlier", "last week") or is unknown (empty)."""
    if not sentence:
        return True
    low = sentence.lower()
    rules = load_date_link_rules()
    return any(t in low for t in rules.anaphoric_times) or any(
        re.search(rf"\b{w}\b", low) for w in load_period_rules().markers)


def _source(att: Attribution) -> Source | None:
    return att.relay_src or att.origin_src


class UndatedLedger:
    """The attributions given while their source had no day yet, in text order."""

    def __init__(self) -> None:
        self._undated: list[Attribution] = []  # past the headline and lede
        self._all: list[Attribution] = []
        self._lede: list[Attribution] = []  # the headline's and lede's
        self._line_days: dict[int, tuple[Source, str]] = {}  # sources of dateline statements
        self._first_dated: dict[int, int] = {}  # id(source) -> offset of its first dated one
        self._days: list[tuple[int, str]] = []  # (offset, day) of the statements dated so

    def started(self, att: Attribution, sdoc: Doc | None = None) -> None:
        """Note a statement as it starts: the first one dated of each source, and where.
        A relayed statement whose dated verb has the origin for its subject ("Addressing an
        event late Thursday, the general said ..., reports the agency") dates the origin
        too, when it had no day."""
        self._dated_at(att)
        src = _source(att)
        if src is not None and att.date is not None and att.date_how == "dateline":
            self._line_days.setdefault(id(src), (src, att.date))
        origin = att.origin_src
        if sdoc is None or origin is None or att.relay_src is None or origin.date is not None \
                or att.date is None or att.date_how != "verb" or att.verb_i is None:
            return
        if _subject_names(sdoc[att.verb_i], origin):
            origin.date = att.date
            if att.at is not None:
                self._first_dated.setdefault(id(origin), att.at)

    def _dated_at(self, att: Attribution) -> None:
        if att.date is not None and att.at is not None and \
                att.date_how in ("verb", "dateline"):
            self._days.append((att.at, att.date))
        src = _source(att)
        if src is not None and att.date is not None and att.date_how == "verb" and \
                att.at is not None:
            self._first_dated.setdefault(id(src), att.at)

    def note(self, att: Attribution, para: int) -> None:
        """Keep ``att`` (given in paragraph ``para``) when neither it nor its source has a
        day when it is given. The headline and lede paragraphs (``later_dates.
        lede_paragraphs``) sum up the statements the body goes on to date: kept for their
        relays only (``close_relays``), never marked "later"."""
        self._dated_at(att)
        src = _source(att)
        if src is not None and att.date is None and att.date_how is None and src.date is None:
            self._all.append(att)
            if para >= load_date_rules().lede_paragraphs and not att.headline:
                self._undated.append(att)
            else:
                self._lede.append(att)

    def close(self, sources: list[Source],
              sentences: Mapping[int, str] | None = None) -> list[Attribution]:
        """Mark the kept attributions whose source a later statement dated (call before the
        end-of-document sharing of days); the attributions marked. An attribution between
        two statements of the day its source was dated with takes that day, unless its
        sentence (``sentences``: offset -> text) places it at another time ("at the
        time", "earlier")."""
        dated = {id(s) for s in sources if s.date is not None}
        out: list[Attribution] = []
        for att in self._undated:
            src = _source(att)
            first = self._first_dated.get(id(src)) if src is not None else None
            if first is not None and att.at is not None and first <= att.at:
                continue  # dated in the same sentence ("... reported Monday what it said")
            if src is not None and id(src) in dated and att.date is None and \
                    att.date_how is None:
                if src.date is not None and self._day_before(att.at) == src.date and \
                        not _elsewhen((sentences or {}).get(att.at or 0, "")):
                    # between two statements of one day ("a police officer told the
                    # committee on Tuesday" ... "At Tuesday's hearing, he also said"): that day
                    att.date, att.date_how = src.date, "source"
                    continue
                att.date_how = LATER
                out.append(att)
        return out

    def _day_before(self, at: int | None) -> str | None:
        """The day of the last statement dated before offset ``at``, else None."""
        if at is None:
            return None
        days = [(a, d) for a, d in self._days if a < at]
        return max(days)[1] if days else None

    def close_shared(self, sources: list[Source]) -> list[Attribution]:
        """Mark the kept attributions whose source took its day from another name of it
        (``source_dates``, call after) that only a later statement dated ("The army
        spokesman Colonel Ann Roe told the press ..." before "On Tuesday, Colonel Roe
        revised her figures"); the attributions marked."""
        out: list[Attribution] = []
        for att in self._undated:
            src = _source(att)
            if src is None or src.date is None or att.date is not None or \
                    att.date_how is not None or att.at is None or id(src) in self._first_dated:
                continue
            donors = [self._first_dated[id(d)] for d in sources
                      if d is not src and d.date == src.date and id(d) in self._first_dated
                      and same_body(src, d)]
            if donors and min(donors) > att.at:
                att.date_how = LATER
                out.append(att)
        return out

    def close_relays(self) -> list[Attribution]:
        """Give the kept attributions whose relay is undated the day their origin was
        dated with, before or in their sentence ("The ministry said on Monday ..." ... "The
        ministry also said 40 were killed, according to the agency"); the ones dated so."""
        out: list[Attribution] = []
        for att in self._all:
            relay, origin = att.relay_src, att.origin_src
            if relay is None or origin is None or origin is relay or relay.date is not None \
                    or origin.date is None or att.date is not None or att.date_how is not None:
                continue
            first = self._first_dated.get(id(origin))
            if first is not None and att.at is not None and first > att.at:
                continue  # the origin was dated only by a later statement
            att.date, att.date_how = origin.date, ORIGIN
            out.append(att)
        return out

    def close_lede(self) -> list[Attribution]:
        """Give the headline's and lede's undated statements the day of the dateline that
        dated a statement of their source under another name ("Another 24 were killed, the
        Ministry of Health said" above "LISBURG, June 9 (Wire) -- ... the Health Ministry
        reported"), when the datelines give one day; the ones dated so."""
        out: list[Attribution] = []
        for att in self._lede:
            src = _source(att)
            if src is None or src.date is not None or att.date is not None or \
                    att.date_how is not None:
                continue
            days = {day for other, day in self._line_days.values()
                    if other is src or same_body(src, other)}
            if len(days) == 1:
                att.date, att.date_how = days.pop(), "dateline"
                out.append(att)
        return out
