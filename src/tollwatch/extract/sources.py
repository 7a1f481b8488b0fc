"""Sources as the text names them, and the document's memory of them.

A source has every name it goes by; the memory resolves later references (pronouns, surnames,
descriptions such as "the agency") to the source named before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tollwatch.extract.doc_cache import columns, ents_of, memo, span_text
from tollwatch.extract.person_cues import load_person_cues, names_a_person
from tollwatch.extract.provenance import load_provenance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["PERSON_ROLES", "Source", "clean_name", "names_of", "np_tokens"]

_STATEMENT_NOUNS = {"statement", "interview", "post", "briefing", "conference", "report",
                    "update", "message", "tweet", "video", "address", "speech", "bulletin",
                    "census", "survey", "study", "assessment", "release", "communique",
                    "communiqué"}
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
    lead_date: str | None = None  # the day of its first statement dated by its own words
    origin: Source | None = None  # who this source relays, when it is a relay
    noted: bool = False  # only mentioned, never yet the source of a statement
    plural: bool = False  # "lawmakers", "officials": never "he" or "she"
    gender: str | None = None  # "m" or "f" once a title or a "he"/"she" said which
    # names tied to this source for dates only ("Pentagon" of "at a Pentagon news
    # conference"; extract/date_links.py)
    date_links: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        names, self.names = self.names, []
        for n in names:
            self.add_name(n)
        if self.person and self.gender is None:
            self.gender = gender_of(self.names)

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


_SPACES = re.compile(r"\s+")
_PARENS = re.compile(r"\s*\([^)]*\)?")


def _clean(text: str) -> str:
    text = _SPACES.sub(" ", text).strip(" ,;:.\"'“”‘’")
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
    return _clean(span_text(doc, start, end))


def _np_tokens(tok: Token) -> list[Token]:
    """The noun phrase of ``tok`` without relative clauses and trailing participles."""
    out: list[Token] = []
    sub = list(tok.subtree)
    deps, heads, ti = columns(tok.doc).dep, columns(tok.doc).head, tok.i  # (read once)
    # a clause inside the name the phrase's head is part of stays ("the Committee to Protect
    # Journalists", the parser's relative clause)
    name_end = next((e.end for e in ents_of(tok.doc) if e.start <= ti < e.end), ti)
    for t in sub:
        dep = deps[t.i]
        if t.i != ti and dep in ("relcl", "acl", "advcl", "punct") and t.i > ti and \
                not (dep != "punct" and t.i < name_end):
            # keep parenthesised acronyms ("(NIS)") but drop clauses
            if dep == "punct":
                continue
            skip = {x.i for x in t.subtree}
            out = [x for x in out if x.i not in skip]
            continue
        out.append(t)
    # drop any token inside a dropped clause
    drop: set[int] = set()
    for t in sub:
        dep = deps[t.i]
        if t.i != ti and dep in ("relcl", "acl", "advcl") and t.i > ti and t.i >= name_end:
            drop.update(x.i for x in t.subtree)
        elif heads[t.i] == ti and dep == "prep" and t.i > ti and \
                tok.doc[t.i - 1].text == ",":
            drop.update(x.i for x in t.subtree)  # "the mayor, in reply to a question, said"
        elif dep == "prep" and t.lower_ == "on" and t.i > ti and any(
                c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in t.children):
            drop.update(x.i for x in t.subtree)  # "said Ana Ruiz of the office on Tuesday"
    return sorted((t for t in out if t.i not in drop), key=lambda t: t.i)


_DATA_NOUNS = {"data", "datum", "figure", "figures", "statistic", "statistics", "tally", "count",
               "number", "numbers", "report", "toll", "estimate", "estimates", "record",
               "records", "analysis", "survey", "database", "dataset", "study", "finding",
               "findings", "list", "log", "census", "ledger"}


def _agent_np(tok: Token) -> list[Token] | None:
    """The body behind a data noun: "data compiled by X", "figures from X", "X's tally", or
    a statement: "a statement issued by X", "a statement from X"."""
    nouns = _DATA_NOUNS | _STATEMENT_NOUNS
    if tok.lemma_.lower() not in nouns and tok.lower_ not in nouns:
        return None
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            for a in c.children:
                if a.dep_ == "agent":
                    objs = [p for p in a.children if p.dep_ == "pobj"]
                    if objs:
                        return _np_tokens(objs[0])
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            # ("estimates by aid groups"; but not "figures from the region")
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs and (c.lower_ == "by" or objs[0].lemma_.lower() in load_provenance().maker_heads or
                         any(x.text[:1].isupper() for x in objs[0].subtree)):
                return _np_tokens(objs[0])  # ("figures from the health ministry")
        if c.dep_ == "poss" and c.text[:1].isupper():
            return [x for x in _np_tokens(c) if x.dep_ != "case"]  # ("Al Jazeera's count")
    # "a statement posted on the group's channel", "a statement on its website": the body
    # whose outlet carried it
    for c in tok.children:
        if c.dep_ in ("acl", "prep"):
            for t in c.subtree:
                if t.dep_ == "poss" and t.head.lemma_.lower() in _OUTLET_NOUNS:
                    return [x for x in _np_tokens(t) if x.dep_ != "case"]
    return None


_OUTLET_NOUNS = {"channel", "website", "site", "account", "page", "feed", "outlet", "agency",
                 "newspaper", "media", "handle", "platform"}


def _names_of(doc: Doc, tokens: list[Token]) -> tuple[list[str], bool, str]:
    """Names for a source phrase: the phrase, its entities, acronyms in parentheses."""
    got = memo(doc, "tw_names", tuple(t.i for t in tokens), lambda: _read_names(doc, tokens))
    return list(got[0]), got[1], got[2]  # (read once per phrase and sentence)


def _read_names(doc: Doc, tokens: list[Token]) -> tuple[list[str], bool, str]:
    names: list[str] = []
    if not tokens:
        return names, False, ""
    idx = {t.i for t in tokens}
    # the phrase up to an appositive comma ("Imran Hayat, the Railways superintendent")
    apposed = [{x.i for x in a.subtree} for a in tokens if a.dep_ == "appos"]
    main = [t for t in tokens if not any(t.i in a for a in apposed)] if apposed else tokens
    phrase = _span_text(doc, main or tokens)
    # (not a phrase with a gap: an apposition the parser hung on it from across the clause,
    # "The rebels said they took 60 soldiers, a claim denied by ...")
    gap = (i for i in range(min(idx), max(idx) + 1) if i not in idx)
    full = phrase if any(not doc[i].is_punct for i in gap) else _span_text(doc, tokens)
    bare = _clean(_PARENS.sub("", phrase))
    if bare and bare != phrase:
        phrase, full = bare, phrase
    person = False
    head = ""
    for ent in ents_of(doc):
        if (ent.start in idx or (ent.end - 1) in idx) and ent.label_ in ("PERSON", "ORG"):
            if _controls(doc, ent.end):
                continue  # "the Houthi-controlled Saba news agency": not named "Houthi"
            if _only_titles(ent):
                continue  # "Spokesman Col" of "Spokesman Col. Ade Bello": no name
            owned = ent.root.dep_ == "poss" and ent.root.head.i in idx and \
                ent.root.head.lemma_.lower() in load_person_cues().bodies
            # ("Taiz's local authority": a body, whatever the recognizer took Taiz for)
            person = person or (ent.label_ == "PERSON" and not owned)
            inside = [t for t in ent if t.i in idx]  # the entity within the phrase only
            if len(inside) == len(ent):
                names.append(_clean(ent.text))
            elif len(inside) >= 2:
                names.append(_span_text(doc, inside))
    for t in tokens:
        if t.text.isupper() and len(t.text) >= 2 and t.is_alpha and t.text not in ("I",) and \
                not _based_in(t):
            names.append(t.text)  # (not the place of "the UK-based centre")
    roots = [t for t in tokens if t.head.i not in idx or t.head.i == t.i]
    root = roots[0] if roots else tokens[-1]
    head = root.lemma_.lower()
    if root.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "cc" for c in root.children):
        head = "+" + head  # marks a plural phrase; see Source.plural
    if head in _PERSON_ROLES or root.ent_type_ == "PERSON" or \
            (not person and names_a_person(tokens, root)):  # "Col Ana Ruiz, the spokeswoman"
        person = True
    if person:
        names += title_acronyms(doc, min(idx))  # "Deputy Inspector General (DIG) Ana Ruiz"
    named = [t for t in tokens if t.pos_ == "PROPN"]
    kinds = [t for t in tokens if not t.is_punct][-1:] + [root] + \
        [t for t in tokens if named and t.i < named[0].i]  # "the search collective Madres"
    if person and head not in _PERSON_ROLES and any(
            t.lower_ in load_provenance().body_nouns and not t.text[:1].isupper() for t in kinds):
        person = False  # "the Desert Mothers collective": a body, whatever the name looks like
    out = [n for n in (phrase, _strip_det(phrase), full) if n]
    names += _aliases(doc, tokens)
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


def _only_titles(ent: Span) -> bool:
    """Every word of the entity is a title or a person's role ("Spokesman Col", "Spokesman"
    that the recognizer cut off a name)."""
    cues = load_person_cues()
    words = [t.lower_.rstrip(".") for t in ent if not t.is_punct]
    return bool(words) and all((w,) in cues.titles or w in cues.roles or w in _PERSON_ROLES
                               for w in words)


def _based_in(t: Token) -> bool:
    """``t`` names where a body is based or who backs it ("UK" of "the UK-based centre",
    "US" of "the US-led coalition"), not the body."""
    doc = t.doc
    return t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and \
        doc[t.i + 2].lower_ in {"based", *load_provenance().control_words}


def _controls(doc: Doc, end: int) -> bool:
    """The entity ending before token ``end`` is glued by a hyphen to a word that says it
    controls the body named after it ("Houthi-controlled", "Hamas-run")."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end - 1].whitespace_ == "" \
        and doc[end + 1].lower_ in load_provenance().control_words


def _aliases(doc: Doc, tokens: list[Token]) -> list[str]:
    """Names a clause of the phrase gives its source: "a blogger known as Falcon", "one of
    the survivors, who identified himself as Tomas Riel" (``aliases`` in provenance.yaml)."""
    rules = load_provenance()
    out: list[str] = []
    for t in tokens:
        for clause in t.children:
            if clause.dep_ not in ("acl", "relcl") or \
                    clause.lemma_.lower() not in rules.alias_verbs:
                continue
            for prep in clause.children:
                if prep.dep_ == "prep" and prep.lower_ in rules.alias_preps:
                    out += [_span_text(doc, _np_tokens(p)) for p in prep.children
                            if p.dep_ == "pobj" and p.pos_ == "PROPN"]
    return [n for n in out if n]


def gender_of(names: list[str]) -> str | None:
    """"m" or "f" when a word of a person's names says which ("Mr", "spokeswoman";
    ``person_genders`` in provenance.yaml), else None."""
    genders = load_provenance().person_genders
    words = {w for n in names for w in re.findall(r"[a-z]+", n.lower())}
    found = {g for g, cues in genders.items() if words & cues}
    return found.pop() if len(found) == 1 else None


def _before_of(name: str) -> str:
    """A name up to its first comma or "of" ("Governor Jane Doe of Zorvia State" ->
    "Governor Jane Doe"), where a person's surname ends it."""
    return re.split(r",|\s+of\s+", name, maxsplit=1)[0].strip() or name


def _source(names: list[str], person: bool, head: str, **kw: object) -> Source:
    plural = head.startswith("+")
    return Source(names=names, person=person, head=head.lstrip("+"), plural=plural,
                  **kw)  # type: ignore[arg-type]


# The name machinery, shared with the responses stage (extract/responses.py).
PERSON_ROLES = _PERSON_ROLES
clean_name = _clean
np_tokens = _np_tokens
names_of = _names_of


def title_acronyms(doc: Doc, start: int) -> list[str]:
    """Acronyms in brackets in the title right before a person's name at token ``start``:
    "Deputy Inspector General of Police (DIG) Counter-Terrorism Department (CTD) Ana Ruiz"
    gives DIG and CTD, so that "the DIG" later refers to her."""
    out: list[str] = []
    i = start - 1
    while i >= 0 and start - i <= 16 and (doc[i].text[:1].isupper() or doc[i].is_punct or
                                           doc[i].lower_ in ("of", "and", "for")):
        t = doc[i]
        if t.is_upper and t.is_alpha and len(t.text) >= 2 and i > 0 and \
                doc[i - 1].text == "(":
            out.append(t.text)
        i -= 1
    return out
