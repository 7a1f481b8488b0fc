"""Who said it: find the source of a sentence's figures, and resolve later references.

A sentence is attributed by a reporting verb ("X said", "said X"), by a phrase ("according
to X", "per X"), or by a headline tag ("...: ISPR"). Chains give an origin and a relay:
"X said, citing Y", "X reported after a briefing from Y", "according to X, Y said". A
document-level memory resolves later references: pronouns ("he said"), surnames ("Lee
added") and descriptions ("the agency said") to the source named before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from tollwatch.extract.actors import actor_for as _actor_for
from tollwatch.extract.dates import resolve_date
from tollwatch.extract.lexicon import Lexicon

__all__ = ["Attribution", "Source", "SourceMemory", "attribute_sentence"]

_STATEMENT_NOUNS = {"statement", "interview", "post", "briefing", "conference", "report",
                    "update", "message", "tweet", "video", "address", "speech", "bulletin"}
_TITLES = {"mr", "mrs", "ms", "dr", "gen", "general", "president", "minister", "col", "lt",
           "maj", "capt", "sgt", "prof", "sen", "rep", "gov", "governor", "prime"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_PERSON_ROLES = {
    "spokesman", "spokeswoman", "spokesperson", "official", "minister", "president", "governor",
    "commander", "lawmaker", "legislator", "leader", "chief", "director", "mayor", "general",
    "officer", "secretary", "ambassador", "envoy", "head", "source", "resident", "witness",
    "chairman", "analyst", "prosecutor", "senator", "deputy", "premier", "adviser", "advisor",
}
_ORG_HEADS = {
    "agency", "ministry", "military", "army", "office", "service", "government", "police",
    "council", "committee", "organisation", "organization", "department", "force", "forces",
    "command", "authority", "authorities", "observatory", "group", "monitor", "mission",
    "commission", "cell", "centre", "center", "court", "statement", "media", "wing", "unit",
}


@dataclass
class Source:
    """A source as named in the text, with every name it went by."""

    names: list[str]
    person: bool
    head: str = ""
    date: str | None = None
    origin: Source | None = None  # who this source relays, when it is a relay
    noted: bool = False  # only mentioned, never yet the source of a statement
    plural: bool = False  # "lawmakers", "officials": never "he" or "she"

    def __post_init__(self) -> None:
        names, self.names = self.names, []
        for n in names:
            self.add_name(n)

    def add_name(self, name: str) -> None:
        name = _trim_name(name)
        if name and name.lower() not in {n.lower() for n in self.names}:
            self.names.append(name)


def _trim_name(name: str) -> str:
    """Quotes and punctuation off the ends; a bracket only when it has no partner
    ("the Agency (UNA)" keeps its brackets, "(UNA" loses one)."""
    edge = " ,;:.\"'“”‘’"
    while True:
        name = name.strip(edge)
        if name.endswith("(") or (name.endswith(")") and name.count(")") > name.count("(")):
            name = name[:-1]
        elif name.startswith(")") or (name.startswith("(") and
                                      name.count("(") > name.count(")")):
            name = name[1:]
        else:
            break
    if name.startswith("(") and name.endswith(")") and name.count("(") == 1:
        name = name[1:-1].strip(edge)
    return name


@dataclass
class Attribution:
    origin: list[str] = field(default_factory=list)
    speaker: list[str] = field(default_factory=list)
    date: str | None = None
    verb_i: int | None = None  # token index of the reporting verb, when there is one
    explicit: bool = False     # named in this sentence (not inherited)


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:.\"'“”‘’")
    if text.count("(") > text.count(")"):
        text = text + ")"  # "... Human Rights (KNCHR" lost its closing parenthesis
    return text


def _strip_det(text: str) -> str:
    parts = text.split(" ", 1)
    if len(parts) == 2 and parts[0].lower() in _DETERMINERS:
        return parts[1]
    return text


def _span_text(doc: Doc, tokens: list[Token]) -> str:
    if not tokens:
        return ""
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    return _clean(doc[start:end].text)


def _np_tokens(tok: Token) -> list[Token]:
    """The noun phrase of ``tok`` without relative clauses and trailing participles."""
    out: list[Token] = []
    for t in tok.subtree:
        if t.i != tok.i and t.dep_ in ("relcl", "acl", "advcl", "punct") and t.i > tok.i:
            # keep parenthesised acronyms ("(NIS)") but drop clauses
            if t.dep_ == "punct":
                continue
            skip = {x.i for x in t.subtree}
            out = [x for x in out if x.i not in skip]
            continue
        out.append(t)
    # drop any token inside a dropped clause
    drop: set[int] = set()
    for t in tok.subtree:
        if t.i != tok.i and t.dep_ in ("relcl", "acl", "advcl") and t.i > tok.i:
            drop.update(x.i for x in t.subtree)
    return sorted((t for t in out if t.i not in drop), key=lambda t: t.i)


_DATA_NOUNS = {"data", "datum", "figure", "figures", "statistic", "statistics", "tally", "count",
               "number", "numbers", "report", "toll", "estimate", "estimates", "record",
               "records", "analysis", "survey", "database", "dataset", "study"}


def _agent_np(tok: Token) -> list[Token] | None:
    """The body behind a data noun: "data compiled by X", "figures from X", "X's tally"."""
    if tok.lemma_.lower() not in _DATA_NOUNS and tok.lower_ not in _DATA_NOUNS:
        return None
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            for a in c.children:
                if a.dep_ == "agent":
                    objs = [p for p in a.children if p.dep_ == "pobj"]
                    if objs:
                        return _np_tokens(objs[0])
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs and any(x.text[:1].isupper() for x in objs[0].subtree):
                return _np_tokens(objs[0])
        if c.dep_ == "poss" and c.text[:1].isupper():
            return _np_tokens(c)
    return None


def _names_of(doc: Doc, tokens: list[Token]) -> tuple[list[str], bool, str]:
    """Names for a source phrase: the phrase, its entities, acronyms in parentheses."""
    names: list[str] = []
    if not tokens:
        return names, False, ""
    idx = {t.i for t in tokens}
    # the phrase up to an appositive comma ("Imran Hayat, the Railways superintendent")
    main = [t for t in tokens if not any(a.dep_ == "appos" and t.i in
                                         {x.i for x in a.subtree} for a in tokens)]
    phrase = _span_text(doc, main or tokens)
    full = _span_text(doc, tokens)
    bare = _clean(re.sub(r"\s*\([^)]*\)?", "", phrase))
    if bare and bare != phrase:
        phrase, full = bare, phrase
    person = False
    head = ""
    for ent in doc.ents:
        if (ent.start in idx or (ent.end - 1) in idx) and ent.label_ in ("PERSON", "ORG"):
            person = person or ent.label_ == "PERSON"
            names.append(_clean(ent.text))
    for t in tokens:
        if t.text.isupper() and len(t.text) >= 2 and t.is_alpha and t.text not in ("I",):
            names.append(t.text)
    roots = [t for t in tokens if t.head.i not in idx or t.head.i == t.i]
    root = roots[0] if roots else tokens[-1]
    head = root.lemma_.lower()
    if root.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "cc" for c in root.children):
        head = "+" + head  # marks a plural phrase; see Source.plural
    if head in _PERSON_ROLES or root.ent_type_ == "PERSON":
        person = True
    out = [n for n in (phrase, _strip_det(phrase), full) if n]
    for n in names:
        if n not in out:
            out.append(n)
    seen: set[str] = set()
    uniq = []
    for n in out:
        k = n.lower()
        if k not in seen and len(n) > 1:
            seen.add(k)
            uniq.append(n)
    return uniq, person, head


def _source(names: list[str], person: bool, head: str, **kw: object) -> Source:
    plural = head.startswith("+")
    return Source(names=names, person=person, head=head.lstrip("+"), plural=plural,
                  **kw)  # type: ignore[arg-type]


class SourceMemory:
    """The sources named so far in one document, to resolve later references."""

    def __init__(self) -> None:
        self.sources: list[Source] = []

    def remember(self, src: Source) -> Source:
        # merge with an earlier source that shares a name
        keys = {n.lower() for n in src.names}
        for old in reversed(self.sources):
            if keys & {n.lower() for n in old.names}:
                for n in src.names:
                    old.add_name(n)
                if src.origin and not old.origin:
                    old.origin = src.origin
                if src.date and not old.date:
                    old.date = src.date
                old.noted = old.noted and src.noted
                self.sources.remove(old)
                self.sources.append(old)
                return old
        self.sources.append(src)
        return src

    def note_people(self, doc: Doc) -> None:
        """Remember the people a sentence names, as antecedents for "he" and "she", and its
        subject when that is an organisation, as the antecedent for "it"."""
        for t in doc:
            if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.pos_ in ("PROPN", "NOUN") and \
                    any(x.ent_type_ in ("ORG", "GPE", "NORP") for x in t.subtree):
                toks = _np_tokens(t)
                names, person, head = _names_of(doc, toks)
                if names and not person:
                    self.remember(_source(names, False, head, noted=True))
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                start = ent.start
                while start > 0 and doc[start - 1].dep_ == "compound" and \
                        doc[start - 1].text[:1].isupper():
                    start -= 1
                names = [_clean(doc[start:ent.end].text), _clean(ent.text)]
                self.remember(Source(names=list(dict.fromkeys(names)), person=True,
                                     head=ent.root.lemma_.lower(), noted=True))

    def touch(self, src: Source) -> None:
        """Make ``src`` the most recent source (it was just named again)."""
        src.noted = False
        if src in self.sources:
            self.sources.remove(src)
        self.sources.append(src)

    def resolve(self, text: str, person_hint: bool | None) -> Source | None:
        """An earlier source that ``text`` (a pronoun, surname or description) refers to."""
        low = text.lower().strip()
        words = low.split()
        if not words:
            return None
        if low in _PRONOUNS:
            want_person = low in {"he", "she", "him", "her", "i"}
            for src in reversed(self.sources):
                if low in ("they", "them", "we") and src.noted:
                    continue
                if want_person and src.plural:
                    continue
                if low in ("they", "them", "we") or src.person == want_person:
                    return src
            return None
        # surname or partial name: "Lee", "Mr Rafael", "Klymenko" (every word capitalised)
        core = [w for w in text.split() if w.lower() not in _DETERMINERS
                and w.rstrip(".").lower() not in _TITLES]
        if len(core) == 1 and core[0][:1].isupper() and len(words) <= 3 and \
                all(w[:1].isupper() or w.lower() in _DETERMINERS for w in text.split()):
            name = core[0].lower()
            for src in reversed(self.sources):
                if any(name in re.split(r"[\s-]+", n.lower()) for n in src.names):
                    return src
        # a description: "the agency", "the ministry", "the interior ministry": every
        # content word must appear in the earlier source's names
        if words[0] in ("the", "this", "that") and len(words) <= 4:
            content = [w for w in words[1:] if w not in _DETERMINERS]
            head = words[-1]
            for src in reversed(self.sources):
                if src.noted:
                    continue
                joined = " ".join(n.lower() for n in src.names)
                heads = {src.head} | {n.lower().split()[-1] for n in src.names if n.split()}
                if head in heads and all(re.search(rf"\b{re.escape(w)}\b", joined)
                                         for w in content):
                    return src
            if head in ("statement", "report") and len(content) == 1:
                stated = [x for x in self.sources if not x.noted]
                return stated[-1] if stated else None
        return None


def _attribution_verbs(doc: Doc, lex: Lexicon) -> list[Token]:
    cached: list[Token] | None = doc.user_data.get("tw_verbs")
    if cached is None:
        cached = doc.user_data["tw_verbs"] = _find_attribution_verbs(doc, lex)
    return cached


def _find_attribution_verbs(doc: Doc, lex: Lexicon) -> list[Token]:
    out = []
    for t in doc:
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lex.attribution_verbs \
                and t.dep_ not in ("amod", "compound"):
            if any(c.dep_ == "dobj" and c.lower_ in ("lives", "life") for c in t.children):
                continue  # "the strike claimed the lives of ..."
            out.append(t)
        elif t.pos_ == "VERB" and t.lemma_.lower() in ("show", "find", "suggest") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _DATA_NOUNS for c in t.children):
            out.append(t)  # "data compiled by X show that ..."
    return out


_RELATIVE = {"who", "which", "that", "whom", "whose"}


def _usable_subject(tok: Token) -> bool:
    """A subject that can be a source: not a relative pronoun, not a counted group."""
    if tok.lower_ in _RELATIVE:
        return False
    return not any(t.like_num and t.dep_ in ("nummod", "nsubj", "dobj", "pobj", "quantmod")
                   for t in tok.subtree if t.i <= tok.i)


def _reported_by(inner: Token, outer: Token) -> bool:
    """True when ``inner`` is inside what ``outer`` reports ("X said Y estimated ...")."""
    x = inner
    while x.i != outer.i and x.head.i != x.i:
        if x.dep_ not in ("ccomp", "xcomp", "parataxis"):
            return False
        x = x.head
    return x.i == outer.i


def _subject_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c if _usable_subject(c) else None
    # the passive: "the toll was confirmed by the governor" (but an attack "claimed by" a
    # group is a claim of responsibility, not of the figure)
    if verb.lemma_.lower() != "claim":
        for c in verb.children:
            if c.dep_ == "agent":
                objs = [p for p in c.children if p.dep_ == "pobj"]
                if objs and _usable_subject(objs[0]):
                    return objs[0]
    # "X told reporters ... and said ...", "X put it higher, saying ...": the verb shares
    # the subject of the verb it hangs from
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head)
    # "In a post on X, the Air Force said ...": the parser hung the subject on the fronted
    # phrase; the noun just before the verb, after that phrase's comma, is the subject
    if verb.i > 0:
        before = verb.doc[verb.i - 1]
        if before.pos_ in ("PROPN", "NOUN") and before.dep_ in ("appos", "pobj") and \
                before.head.i < verb.i and any(
                    t.text == "," for t in verb.doc[before.head.i:before.left_edge.i]) and \
                _usable_subject(before):
            return before
    return None


def _verb_date(verb: Token) -> str | None:
    """Text of a date attached to a reporting verb ("said on Monday", "said Sunday")."""
    for c in verb.children:
        if c.dep_ in ("npadvmod", "tmod", "obl", "advmod") and c.ent_type_ == "DATE":
            return " ".join(t.text for t in c.subtree)
        if c.dep_ == "prep" and c.lower_ in ("on", "in"):
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ == "DATE":
                    return " ".join(t.text for t in p.subtree)
                # "said in a statement on 3 March", "in a report published on Tuesday"
                if p.dep_ == "pobj" and p.lemma_.lower() in _STATEMENT_NOUNS:
                    holders = [p, *(a for a in p.children if a.dep_ == "acl")]
                    for q in (q for h in holders for q in h.children):
                        if q.dep_ == "prep" and q.lower_ == "on":
                            for d in q.children:
                                if d.dep_ == "pobj" and d.ent_type_ == "DATE":
                                    return " ".join(t.text for t in d.subtree)
    return None


def _chain_from(doc: Doc, verb: Token | None, lex: Lexicon) -> list[Token] | None:
    """The origin phrase of a chain marker: "citing Y", "after a briefing from Y"."""
    scope = list(verb.subtree) if verb is not None else list(doc)
    for t in scope:
        low = t.lower_
        if low in ("citing", "quoting") and t.pos_ in ("VERB", "NOUN", "ADP", "SCONJ"):
            objs = [c for c in t.children if c.dep_ in ("dobj", "pobj", "obj")]
            if objs:
                return _np_tokens(objs[0])
        if t.lemma_.lower() in lex.relay_nouns or low in ("data", "figures"):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                    objs = [p for p in c.children if p.dep_ == "pobj"]
                    if objs and any(x.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
                                    or x.text[:1].isupper() for x in objs[0].subtree):
                        return _np_tokens(objs[0])
    return None


def _according_to(doc: Doc) -> list[Token] | None:
    if "tw_according" not in doc.user_data:
        doc.user_data["tw_according"] = _find_according_to(doc)
    found: list[Token] | None = doc.user_data["tw_according"]
    return found


def _find_according_to(doc: Doc) -> list[Token] | None:
    for t in doc:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            to = doc[t.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if not objs:
                objs = [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                return _agent_np(objs[0]) or _np_tokens(objs[0])
            # unparsed: take the capitalised run after "according to"
            run = []
            for x in doc[t.i + 2:]:
                if x.is_punct and x.text not in ("'s", "’s", "-"):
                    break
                run.append(x)
            return run or None
        if t.lower_ == "per" and t.i > 0 and doc[t.i - 1].is_punct:
            objs = [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                return _np_tokens(objs[0])
    return None


_FINAL_SAYS = re.compile(
    r",[\"”’]?\s+((?:the\s+|a\s+|an\s+)?[A-Za-z][\w'’.-]*(?:\s+[\w'’.-]+){0,6}?)\s+"
    r"(?:says|said|estimates|estimated|reports|reported|adds|added|notes|noted|claims|"
    r"claimed|states|stated|found|finds|shows|showed)(?:\s+on\s+\w+|\s+\w+day)?\s*[.!]?[\"”’]?\s*$")
_FINAL_INVERTED = re.compile(
    r",[\"”’]?\s+(?:said|reported|added|noted|stated|announced|told\s+\w+)\s+"
    r"((?:the\s+|a\s+|an\s+)?[A-Za-z][\w'’.-]*(?:\s+[\w'’.()-]+){0,8}?)\s*[.!]?[\"”’]?\s*$")
_HEADLINE_PREFIX = re.compile(r"^([A-Z][\w.'’ -]{1,60}):\s+\S")


def _looks_like_source(prefix: str) -> bool:
    """A headline prefix naming a body ("Health Ministry: ..."), not a place ("Nigeria: ...")."""
    words = {w.lower().strip("'’s") for w in prefix.split()}
    if words & _ORG_HEADS or words & _PERSON_ROLES:
        return True
    # an acronym that is not a country: "UN: ...", "ICRC: ..."
    return bool(re.fullmatch(r"[A-Z]{2,6}", prefix.strip())) and _actor_for(prefix) is None


_HEADLINE_TAG = re.compile(r":\s*([A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})\s*$")


def attribute_sentence(doc: Doc, lex: Lexicon, memory: SourceMemory,
                       number_i: int | None = None, published: str | None = None) -> Attribution:
    """The attribution for the figures in the sentence ``doc``.

    ``number_i`` is a token index of the figure: when several reporting verbs are present,
    the one governing it wins.
    """
    if number_i is None:  # a sentence read for its sources only
        memory.note_people(doc)
    verbs = _attribution_verbs(doc, lex)
    chosen: Token | None = None
    subj: Token | None = None
    outer_subj: Token | None = None
    if verbs:
        candidates = [(v, _subject_of(v)) for v in verbs]
        with_subj: list[tuple[Token, Token]] = [
            (v, s) for v, s in candidates if s is not None
                     and not (number_i is not None and s.i <= number_i <= max(
                         x.i for x in s.subtree) and s.lemma_.lower() not in _PRONOUNS)]
        governing = False
        if number_i is not None:
            tok = doc[number_i]
            ancestors = {a.i for a in tok.ancestors}
            gov = [(v, s) for v, s in with_subj if v.i in ancestors]
            if gov:
                with_subj = gov
                governing = True
        if with_subj:
            depth = lambda vs: len(list(vs[0].ancestors))
            # the governing verb nearest the root; when reporting verbs are nested ("Lee
            # said the agency estimated that ..."), the innermost is the origin and the
            # outermost its relay
            chosen, subj = min(with_subj, key=depth)
            if governing and len(with_subj) > 1:
                inner_v, inner_s = max(with_subj, key=depth)
                if inner_v.i != chosen.i and inner_s.lower_ not in _PRONOUNS:
                    if _reported_by(inner_v, chosen):
                        outer_subj = subj  # "X said Y estimated": Y the origin, X relays
                    chosen, subj = inner_v, inner_s  # else the figure's own clause wins
    according = _according_to(doc)
    chain = _chain_from(doc, chosen, lex)
    att = Attribution()
    date_text = _verb_date(chosen) if chosen is not None else None

    speaker_src: Source | None = None
    if subj is not None:
        stoks = _agent_np(subj) or _np_tokens(subj)
        stext = _span_text(doc, stoks)
        names, person, head = _names_of(doc, stoks)
        ref = memory.resolve(stext, person)
        if subj.lemma_.lower() in _PRONOUNS or subj.lower_ in _PRONOUNS:
            if ref is None:
                speaker_src = None
            else:
                speaker_src = ref
        elif ref is not None and (len(stoks) <= 3):
            for n in names:
                ref.add_name(n)
            speaker_src = ref
        elif names:
            speaker_src = memory.remember(_source(names, person, head))
        att.verb_i = chosen.i if chosen is not None else None
    elif verbs and according is None:
        # passive "it was reported" or a verb without a subject we can use
        pass

    outer_src: Source | None = None
    if outer_subj is not None and speaker_src is not None:
        otoks = _np_tokens(outer_subj)
        onames, operson, ohead = _names_of(doc, otoks)
        ref = memory.resolve(_span_text(doc, otoks), operson)
        if ref is None and onames and outer_subj.lower_ not in _PRONOUNS:
            ref = memory.remember(_source(onames, operson, ohead))
        if ref is not speaker_src:
            outer_src = ref

    according_src: Source | None = None
    if according:
        names, person, head = _names_of(doc, according)
        text = _span_text(doc, according)
        ref = memory.resolve(text, person)
        if ref is not None:
            according_src = ref
        elif names:
            according_src = memory.remember(_source(names, person, head))
    chain_src: Source | None = None
    if chain:
        names, person, head = _names_of(doc, chain)
        ref = memory.resolve(_span_text(doc, chain), person)
        chain_src = ref or (memory.remember(_source(names, person, head))
                            if names else None)

    if speaker_src is None and according_src is None and chain_src is None:
        m = _FINAL_SAYS.search(doc.text) or _FINAL_INVERTED.search(doc.text)
        if m:
            tag = _clean(m.group(1))
            ref = memory.resolve(tag, None)
            speaker_src = ref or memory.remember(Source(names=[tag, _strip_det(tag)],
                                                        person=False,
                                                        head=tag.split()[-1].lower()))
    if speaker_src is None and according_src is None and chain_src is None:
        m = _HEADLINE_PREFIX.match(doc.text)
        if m and _looks_like_source(m.group(1)):
            tag = m.group(1).strip()
            ref = memory.resolve(tag, None)
            speaker_src = ref or memory.remember(Source(names=[tag], person=False,
                                                        head=tag.split()[-1].lower()))
    if speaker_src is None and according_src is None and chain_src is None:
        m = _HEADLINE_TAG.search(doc.text)
        if m and len(doc.text) - len(m.group(0)) > 20:
            tag = m.group(1)
            ref = memory.resolve(tag, None)
            speaker_src = ref or memory.remember(Source(names=[tag], person=False,
                                                        head=tag.split()[-1].lower()))
    date = resolve_date(date_text, published) if date_text else None

    for used in (chain_src, according_src, speaker_src):
        if used is not None:
            memory.touch(used)
    if speaker_src is not None and chain_src is not None and chain_src is not speaker_src:
        speaker_src.origin = chain_src
        origin, relay = chain_src, speaker_src
    elif speaker_src is not None and according_src is not None and \
            according_src is not speaker_src:
        origin, relay = speaker_src, according_src
    elif speaker_src is not None and outer_src is not None:
        origin, relay = speaker_src, outer_src
    elif speaker_src is not None:
        origin, relay = speaker_src, None
        if speaker_src.origin is not None:
            origin, relay = speaker_src.origin, speaker_src
    elif according_src is not None:
        origin, relay = according_src, None
        if chain_src is not None and chain_src is not according_src:
            origin, relay = chain_src, according_src
        elif according_src.origin is not None:
            origin, relay = according_src.origin, according_src
    elif chain_src is not None:
        origin, relay = chain_src, None
    else:
        return att
    att.explicit = True
    att.origin = list(origin.names)
    att.speaker = list(relay.names) if relay is not None else []
    # "told AFP": the news agency relays the source
    if chosen is not None and chosen.lemma_.lower() == "tell":
        for c in chosen.children:
            if c.dep_ in ("dative", "dobj", "iobj") and c.ent_type_ in ("ORG", "PERSON") \
                    and c.lower_ not in ("reporters", "journalists"):
                att.speaker = att.speaker + [_span_text(doc, _np_tokens(c))]
    src = relay or origin
    if date is not None:
        src.date = date
    att.date = date if date is not None else src.date
    return att
