"""The document-level attribution stage: statements, and the figures each governs.

A statement is a source speaking at some point of the text: its names (a person or a body,
with the relay chain), its cue, its date, and the sentence it starts at. It governs its own
sentence, quoted speech that goes on until its speaker is named, and the sentences that carry
its report on (up to ``continuation.max_gap`` sentences on, within its paragraph or the next
``continuation.next_paragraph`` paragraphs) until another statement starts. A headline's
source after a dash or a colon is a statement of its own. A figure no statement governs is
given in the article's own voice.

Dates go with the statement: the day its verb names, else the day its source was last dated
or of the statement it says it is ("In the same statement", ``same_statement``), else
"today" (the publication date), else its paragraph's wire dateline (which dates the
paragraph, not the source). At the end, an undated source takes the day an unparsed sentence
(``unparsed_dates``) or another of its names (``source_dates``) gives it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from tollwatch.extract.attribution import Attribution, attribute_sentence
from tollwatch.extract.attribution_verbs import attribution_verbs
from tollwatch.extract.background_breaks import breaks_between
from tollwatch.extract.clause_sources import outside_own_clause
from tollwatch.extract.date_links import DateLinks, dateline_anchor, framed_before
from tollwatch.extract.datelines import find_datelines, paragraph_index
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.doc_cache import text_of
from tollwatch.extract.figure_anaphora import counts_back
from tollwatch.extract.headline_names import complete_headlines
from tollwatch.extract.headlines import headline_source, is_headline, names_outlet, names_place
from tollwatch.extract.later_dates import UndatedLedger
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.list_sources import in_same_list
from tollwatch.extract.period_dates import as_of_today, earlier_period
from tollwatch.extract.provenance import ProvenanceRules
from tollwatch.extract.quote_bridges import bridges_quotes
from tollwatch.extract.quote_runs import introduced_run, paragraph_texts
from tollwatch.extract.quote_spans import close_at, quote_openers
from tollwatch.extract.rank_links import tie_ranks
from tollwatch.extract.release_dates import date_sources_from_releases
from tollwatch.extract.release_links import release_names
from tollwatch.extract.release_sources import announced, remember_releaser
from tollwatch.extract.same_statement import SAME_STATEMENT, LastDays
from tollwatch.extract.sentences import list_items
from tollwatch.extract.source_dates import fold_forms, same_body, share_dates
from tollwatch.extract.source_memory import SourceMemory
from tollwatch.extract.sources import Source
from tollwatch.extract.statement_dates import cites_statement, earlier_statement, toll_day
from tollwatch.extract.tally_sources import report_source
from tollwatch.extract.title_block import lede_paragraph, title_lines
from tollwatch.extract.unparsed_dates import date_sources_from_text
from tollwatch.extract.year_anchor import story_year

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Statement", "Statements"]


@dataclass
class Statement:
    """One source speaking: what it said governs the figures assigned to it."""

    att: Attribution
    sent: int   # index of the sentence it is made in
    para: int   # index of that sentence's paragraph
    start: int  # character offset of that sentence
    reach_sent: int = -1  # the last sentence of a later paragraph a cue carried it into
    reach_para: int = -1


_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_unquoted = partial(_QUOTED.sub, " ")  # the text without its quoted passages


class Statements:
    """The statements of one document, read in text order, and the figures they govern."""

    def __init__(self, text: str, sents: list[tuple[int, int]], published: str | None,
                 lex: Lexicon, rules: ProvenanceRules, outlet: str | None = None) -> None:
        self.text, self.outlet = text, outlet
        self.sents = sents
        self.published = published
        self.lex = lex
        self.rules = rules
        self.memory = SourceMemory(rules.body_nouns, rules.person_nouns, rules.state_heads)
        self.paras = paragraph_index(text, sents)
        self._para_starts: dict[int, str] = {}
        for (s, _), para in zip(sents, self.paras):
            self._para_starts.setdefault(para, text[s:s + 2].lstrip())
        self._para_sizes = dict(Counter(self.paras))  # paragraph -> its sentences
        self._paragraphs = paragraph_texts(text, sents, self.paras)
        self.current: Statement | None = None
        self.headlines: list[Statement] = []
        self._datelines = find_datelines(text, sents, self.paras, published, rules.datelines)
        self._line_dated: dict[int, str] = {}  # id(source) -> its dateline's day
        self._days = LastDays()  # the last dated statements ("In the same statement, ...")
        self._seen: set[int] = set()  # the sentences read (parsed)
        self._quoted: dict[int, Attribution] = {}
        self._unclaimed: list[tuple[int, Attribution]] = []  # own-voice figures so far
        self._undated = UndatedLedger()  # given before their source was dated
        self._openers = quote_openers(text, sents)
        self._prev_figure: tuple[int, int, Attribution] | None = None  # sentence, token, source
        self._links = DateLinks(text, sents, self.paras, published, same_body)
        self._titles = title_lines(text, sents, self.paras)
        self._items = list_items(text, sents)  # list items ("- North: 23 killed")
        # no publication day: the year the written days give (weekdays stay unresolved)
        self._year = story_year(text) if published is None else None
        self._carried_by: str | None = None  # what the last ``_continues`` was carried by

    # -- dates -------------------------------------------------------------------------
    def _anchor(self, k: int) -> str | None:
        """The day relative days of sentence ``k`` ("yesterday", "on Monday", "today") are
        counted from: its paragraph's dateline day (``dateline_anchor``), else the
        publication day."""
        return dateline_anchor(self._datelines.get(self.paras[k]), self.published) or \
            self._year

    def _date(self, att: Attribution, k: int, sdoc: Doc) -> None:
        """Date a statement made in sentence ``k`` that its verb and source leave undated."""
        src = att.relay_src or att.origin_src
        if att.date_how in ("source", None) and (
                earlier_statement(sdoc, att.verb_i) or framed_before(sdoc, att.verb_i) or
                earlier_period(sdoc, att.verb_i, self.published)):
            att.date, att.date_how = None, "earlier"  # not the day the source was dated with
            return
        if att.date is not None:
            self._line_dated.pop(id(src), None)
            self._days.note(src, att.date)
            return
        if (day := self._days.tied(sdoc, src)) is not None:
            att.date, att.date_how = day, SAME_STATEMENT  # "In the same statement, ..."
            return
        anchor = self._anchor(k)
        if anchor and len(anchor) >= 10 and self.rules.today.search(text_of(sdoc)):
            att.date, att.date_how = anchor[:10], "today"
        elif anchor and len(anchor) >= 10 and as_of_today(text_of(sdoc), anchor[:10], self.rules.as_of):
            att.date, att.date_how = anchor[:10], "as_of"
        elif self.paras[k] in self._datelines:
            att.date, att.date_how = self._datelines[self.paras[k]], "dateline"
        # a dateline dates the statements of its paragraph, not their source; the next
        # sentence of that source that cites the same statement ("..., the statement
        # says") keeps its day, a new statement of the source does not
        if att.date_how == "dateline" and src is not None:
            self._line_dated[id(src)] = att.date or ""
            self._days.note(src, att.date)
        elif att.date is None and src is not None and id(src) in self._line_dated:
            if cites_statement(sdoc, att.verb_i):
                att.date, att.date_how = self._line_dated[id(src)], "statement"
            else:
                del self._line_dated[id(src)]

    # -- statements --------------------------------------------------------------------
    def _start(self, att: Attribution, k: int, sdoc: Doc) -> Statement:
        att.at = self.sents[k][0]
        self._date(att, k, sdoc)
        self._links.started(att, k, self.memory.sources, sdoc)
        self._undated.started(att, sdoc)
        st = Statement(att=att, sent=k, para=self.paras[k], start=att.at)
        self.current = st
        return st

    def _headline(self, k: int, sdoc: Doc, token_i: int) -> Attribution | None:
        """A headline's own attribution ("... - mayor", "Monitor: ...")."""
        if k in self._items or not is_headline(text_of(sdoc)):
            return None
        found = headline_source(text_of(sdoc), self.rules, sdoc[token_i].idx)
        if found is None or names_outlet(found[0], self.outlet) or names_place(sdoc, found):
            return None
        tag = found[0]
        src = self.memory.resolve(tag, None) or self.memory.remember(
            Source(names=[tag], person=False, head=tag.split()[-1].lower()))
        self.memory.touch(src)
        return Attribution(origin=list(src.names), explicit=True, how="headline",
                           origin_src=src, date=src.date, date_how="source" if src.date else None)

    def read(self, k: int, sdoc: Doc) -> None:
        """A sentence without figures: it may name sources and start a statement."""
        self._seen.add(k)
        att = attribute_sentence(sdoc, self.lex, self.memory, None, self._anchor(k))
        if att.explicit and self._is_statement(att, sdoc):
            self._start(att, k, sdoc)
            if self._points_back(att, sdoc):
                self._claim_back(att, k)
        elif not att.explicit:  # "... issued a statement"; "... gave these figures:" + a list
            src = remember_releaser(sdoc, self.memory, self._anchor(k))
            if src is not None and k + 1 in self._items and text_of(sdoc).endswith(":"):
                self._start(announced(src), k, sdoc)

    def _points_back(self, att: Attribution, sdoc: Doc) -> bool:
        """A statement about "this" ("X made this known", "the development was disclosed")."""
        if att.verb_i is None:
            return False
        verb = sdoc[att.verb_i]
        words = {w for ws in self.rules.phrasal_cues.values() for w in ws}
        particles = [c for c in verb.children if c.lower_ in words]
        # the verb's object, or the subject of its particle ("made [this known]")
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        objects += [g for p in particles for g in p.children if g.dep_ in ("nsubj", "dobj")]
        for c in objects:
            if c.lower_ in self.rules.backward_objects or (
                    c.lemma_.lower() in self.rules.backward_objects and
                    any(d.lower_ in ("this", "these", "the") for d in c.children)):
                return True
        return False

    def _claim_back(self, st: Attribution, k: int, carried_by: str | None = None) -> None:
        """Give the own-voice figures just before statement ``st`` (sentence ``k``) to it
        (with ``carried_by``, what tied them to it, only those of its paragraph)."""
        reach = 0 if carried_by else self.rules.next_paragraph
        for j, a in self._unclaimed:
            if k - j > self.rules.max_gap or self.paras[k] - self.paras[j] > reach or \
                    a.headline:
                continue
            a.origin, a.speaker = list(st.origin), list(st.speaker)
            a.origin_src, a.relay_src = st.origin_src, st.relay_src
            a.extra_speaker = list(st.extra_speaker)
            a.date, a.date_how = st.date, st.date_how and "backward"
            a.how, a.at, a.explicit = "backward", st.at, True
            a.carried_by = carried_by
        self._unclaimed = []

    def _is_statement(self, att: Attribution, sdoc: Doc) -> bool:
        """False for a reporting verb that states no figures ("claimed responsibility")."""
        if att.verb_i is None:
            return True
        return not any(c.dep_ in ("dobj", "obj") and c.lower_ in self.rules.not_statement_objects
                       for c in sdoc[att.verb_i].children)

    def quoted(self, closer: int, sdoc: Doc) -> Attribution:
        """The attribution of the sentence closing a quotation (read once)."""
        self._seen.add(closer)
        if closer not in self._quoted:
            att = attribute_sentence(sdoc, self.lex, self.memory, None, self._anchor(closer))
            if att.explicit:
                att.at = self.sents[closer][0]
                self._date(att, closer, sdoc)
            self._quoted[closer] = att
        return self._quoted[closer]

    def govern(self, k: int, sdoc: Doc, token_i: int,
               closer: tuple[int, Doc] | None = None) -> Attribution:
        """The attribution of the figure at token ``token_i`` of sentence ``k``."""
        self._seen.add(k)
        out = self._govern(k, sdoc, token_i, closer)
        out = self._listed(k, sdoc, token_i, out)
        if self.paras[k] == 0 and is_headline(text_of(sdoc)):
            out.headline = True  # every attribution returned is the figure's own object
        toll = toll_day(sdoc, token_i) if out.origin_src is not None else None
        day = resolve_date(toll, self._anchor(k)) if toll else None
        if day is not None:  # "up from Monday's toll of four dead"
            out = replace(out, date=day, date_how="toll", extra_speaker=list(out.extra_speaker))
        self._undated.note(out, lede_paragraph(self.paras[k], self._titles))
        return out

    def _listed(self, k: int, sdoc: Doc, token_i: int, out: Attribution) -> Attribution:
        """The attribution of the figure before in the same list ("... indicating 9,861 have
        been killed and 16,153 injured"), when the parser gave this one another."""
        prev, self._prev_figure = self._prev_figure, (k, token_i, out)
        if prev is None or prev[0] != k or not prev[2].explicit or (
                prev[2].origin_src is out.origin_src and prev[2].relay_src is out.relay_src):
            return out
        verbs = [v.i for v in attribution_verbs(sdoc, self.lex)]
        if not in_same_list(sdoc, prev[1], token_i, verbs):
            return out
        same = replace(prev[2], extra_speaker=list(prev[2].extra_speaker))
        self._prev_figure = (k, token_i, same)
        return same

    def _govern(self, k: int, sdoc: Doc, token_i: int,
                closer: tuple[int, Doc] | None) -> Attribution:
        att = attribute_sentence(sdoc, self.lex, self.memory, token_i, self._anchor(k))
        inner = self._quoted_on(k, sdoc, att) if att.explicit else None
        if inner is not None:
            return inner
        if att.explicit:
            self._start(att, k, sdoc)
            if self._unclaimed and counts_back(text_of(sdoc)):
                # "... 3,300 have been freed. Another 1,200 are still missing, said X": the
                # figure counted against those before ties them to X's statement
                self._claim_back(att, k, carried_by="figure_anaphor")
            self._unclaimed = []
            if self.paras[k] == 0 and is_headline(text_of(sdoc)):
                self.headlines.append(self.current)  # type: ignore[arg-type]
            return att
        owned = None if self.paras[k] == 0 and is_headline(text_of(sdoc)) else \
            report_source(sdoc, token_i, self.memory, anchor=self._anchor(k))
        if owned is not None:  # "Since X's last update, ...", "X gave a toll of 40": X speaks
            self._unclaimed = []
            self._start(owned, k, sdoc)
            return owned
        head = self._headline(k, sdoc, token_i)
        if head is not None:
            st = self._start(head, k, sdoc)
            self.headlines.append(st)
            return head
        if closer is not None:
            q = self.quoted(*closer)
            if q.explicit:
                out = replace(q, how="quote", extra_speaker=list(q.extra_speaker))
                self.current = Statement(att=q, sent=closer[0], para=self.paras[closer[0]],
                                         start=q.at or 0)
                return out
        cur = self.current
        if any(outside_own_clause(v, token_i) for v in attribution_verbs(sdoc, self.lex)):
            cur = None  # "..., with the agency reporting that ...": the sentence's own
            # statement leaves this figure in the article's voice
        if cur is not None and self._continues(cur, k, text_of(sdoc)):
            return replace(cur.att, how="continued", at=cur.start,
                           extra_speaker=list(cur.att.extra_speaker),
                           date_how=cur.att.date_how and "continued",
                           carried_by=self._carried_by)
        own = Attribution(how="own_voice")
        self._unclaimed.append((k, own))
        return own

    def _quoted_on(self, k: int, sdoc: Doc, att: Attribution) -> Attribution | None:
        """The speaker's attribution for a sentence inside the quotation a statement opened
        (its own reporting verb, before the quotation closes, is part of what is quoted)."""
        cur = self.current
        opener = self._openers.get(k)
        if opener is None or cur is None or cur.sent != opener or att.verb_i is None or \
                sdoc[att.verb_i].idx >= close_at(text_of(sdoc)):
            return None
        return replace(cur.att, how="quote", at=cur.start,
                       extra_speaker=list(cur.att.extra_speaker),
                       date_how=cur.att.date_how and "continued")

    def _continues(self, st: Statement, k: int, sentence: str) -> bool:
        """True when sentence ``k`` carries statement ``st`` on."""
        self._carried_by = None
        if st.sent >= k or st.att.how == "headline":
            return False
        if self._quote_run(st, k) or introduced_run(  # (or speech the statement introduces)
                self.paras[k], st.para, self._paragraphs, st.att.origin + st.att.speaker):
            return True  # quoted speech going on, paragraph after paragraph
        sent, para = (st.reach_sent, st.reach_para) if st.reach_sent > st.sent else \
            (st.sent, st.para)
        if k - sent > self.rules.max_gap:
            return False
        paras = self.paras[k] - para
        if paras == 0:  # (unless the paragraph turned to background in between)
            return not breaks_between(self.text, self.sents, sent, k)
        if paras > self.rules.next_paragraph or st.att.headline:
            return False
        text = sentence.lstrip()
        carried = text[:1] in "“\"‘'" or k in self._items or \
            bool(self.rules.carry_on.search(text)) or \
            any(rx.search(text) for rx in self.rules.carry_on_patterns) or \
            bool(self.rules.hearsay.search(_unquoted(text))) or \
            bool(self.rules.first_person.search(_unquoted(text))) or \
            bridges_quotes(self.text[slice(*self.sents[st.sent])], st.para, self.paras[k],
                           self._para_starts, self._para_sizes, text,
                           (self._para_text(self.paras[k] + 1), st.att.origin + st.att.speaker))
        prev = self._prev_figure  # the figure before, when this statement gave it
        if not carried and prev is not None and prev[2].at == st.start and counts_back(text):
            # "Police said 12 were killed. / Another 20 were wounded."
            carried, self._carried_by = True, "figure_anaphor"
        if carried:  # the report goes on from here: the next paragraph may carry it further
            st.reach_sent, st.reach_para = k, self.paras[k]
        return carried

    def _para_text(self, para: int) -> str:
        """The text of paragraph ``para`` ("" past the end)."""
        return self._paragraphs[para] if 0 <= para < len(self._paragraphs) else ""

    def _quote_run(self, st: Statement, k: int) -> bool:
        """True when every paragraph after the statement's, up to sentence ``k``'s, opens
        with a quotation mark, and the statement's own sentence quotes its speaker."""
        s, e = self.sents[st.sent]
        if not any(q in self.text[s:e] for q in "“\"") or self.paras[k] == st.para:
            return False
        starts = self._para_starts
        return all(starts.get(p, "")[:1] in "“\"" for p in range(st.para + 1,
                                                                   self.paras[k] + 1))

    def finish(self) -> None:
        """Give sources the full names of their acronyms, headline sources the fuller names
        the body uses for them ("PM" and "Prime Minister Jane Doe") and its statement's day."""
        self.memory.expand_all(self.text)
        complete_headlines([st.att for st in self.headlines], self.memory.sources,
                           self.rules.short_forms)
        self._undated.close(self.memory.sources, {s: self.text[s:e] for s, e in self.sents})
        unread = [self.text[s:e] for k, (s, e) in enumerate(self.sents) if k not in self._seen]
        date_sources_from_text(unread, self.memory.sources, self.published)
        date_sources_from_releases([self.text[s:e] for s, e in self.sents],
                                   self.memory.sources, self.published)
        released = release_names([self.text[s:e] for s, e in self.sents], self.memory.sources,
                                 self.published, self.rules.today)
        tie_ranks(self.memory.sources, [self.text[s:e] for s, e in self.sents], fold_forms,
                  same_body)
        share_dates(self.memory.sources + released)
        self._undated.close_shared(self.memory.sources)
        self._undated.close_relays()
        self._undated.close_lede()
