"""The document's memory of the sources named so far: later references (pronouns, surnames,
descriptions such as "the agency") resolve to the source named before."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tollwatch.extract.actors import actor_for, is_armed_group
from tollwatch.extract.doc_cache import columns, ents_of, tokens_of
from tollwatch.extract.document_refs import document_antecedent
from tollwatch.extract.person_cues import in_place_list, mentioned_subject, speaks_for_body
from tollwatch.extract.provenance import load_provenance
from tollwatch.extract.references import resolve_more
from tollwatch.extract.sources import (
    _DETERMINERS,
    _PRONOUNS,
    _TITLES,
    Source,
    _before_of,
    _clean,
    _names_of,
    _np_tokens,
    _source,
    _strip_det,
    title_acronyms,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["SourceMemory"]

_POSSESSIVE = {"its": "it", "their": "they", "his": "he"}
_OWNER = re.compile(r"^the (\w+)(?:'s|’s) \S")  # "the agency's tracking matrix"


def _title_word(word: str) -> str:
    """A title as one word in full ("Col." -> "colonel", by the short forms' data)."""
    w = word.rstrip(".").lower()
    return " ".join(load_provenance().short_forms.get(w, (w,))[:1])


def _bare_title(src: Source) -> str | None:
    """The title a source is named by alone ("the governor", "the colonel"), else None."""
    bare = {_strip_det(n) for n in src.names}
    if len(bare) != 1:
        return None
    word = next(iter(bare))
    return word if " " not in word and word in load_provenance().lone_titles else None


def _titled_pair(src: Source, title: str | None, old: Source) -> bool:
    """One of two person sources is named only by a title that the other's name bears
    ("the governor" and "Governor Jane Doe", in either order)."""
    if not old.person:
        return False
    if title is not None:
        return _has_title(old, title)
    old_title = _bare_title(old) or _described_title(old)
    return src.person and old_title is not None and _has_title(src, old_title)


def _described_title(src: Source) -> str | None:
    """The title an unnamed person is introduced by ("a provincial police commander": a
    lower-case description ending in a lone title), so that "Commander Ana Ruiz" after it
    is that person; else None."""
    titles = load_provenance().lone_titles
    for n in src.names:
        words = n.split()
        if len(words) >= 2 and words[0].lower() in ("a", "an") and \
                all(w.islower() for w in words[1:]) and words[-1] in titles:
            return words[-1]
    return None


def _armed_name(name: str) -> bool:
    actor = actor_for(_strip_det(name))
    return actor is not None and is_armed_group(actor)


def _introduced(src: Source) -> bool:
    """``src`` is a body introduced by its kind only: "a local rights group", "an aid
    agency" (an indefinite article, descriptor words, a body noun; no proper name)."""
    rules = load_provenance()
    if src.person or any(w[:1].isupper() and actor_for(w) is None
                         for n in src.names for w in _strip_det(n).split()):
        return False  # (a proper name; a country's demonym is none: "a Yemeni group")
    for n in src.names:
        written = n.split()
        words = n.lower().split()
        if len(words) >= 3 and words[0] in ("a", "an") and words[-1] in rules.body_nouns and \
                all(w in rules.body_descriptors or (o[:1].isupper() and actor_for(o) is not None)
                    for w, o in zip(words[1:-1], written[1:-1])):
            return True  # (also "a Yemeni monitoring group": a country's demonym)
    return False


def _proper(src: Source) -> bool:
    """``src`` goes by a proper name (a capitalised word past an article), not only by a
    description ("Amnesty International", "the RSF"; not "the army")."""
    return any(w[:1].isupper() for n in src.names for w in _strip_det(n).split())


def _has_title(src: Source, title: str) -> bool:
    """One of ``src``'s names bears ``title`` before the person's name ("Governor Jane Doe",
    "Col. Ivo Marek")."""
    return any(len(n.split()) >= 2 and (_title_word(n.split()[0]) == title or
                                        _apposed_title(n) == title)
               for n in src.names)


def _apposed_title(name: str) -> str | None:
    """The title an apposition gives a person ("Paul Essa, the prosecutor": "prosecutor";
    "Ana Ruiz, the chief prosecutor"), else None."""
    if "," not in name:
        return None
    words = name.rsplit(",", 1)[1].split()
    if len(words) >= 2 and words[0].lower() == "the" and all(w.islower() for w in words):
        return _title_word(words[-1])
    return None


# the head of a name before its "of" or "for" ("Center" of "Russian Center for Reconciliation")
_NAME_HEAD = re.compile(r"(\w+) (?:of|for) ")
# a name of capitalised words (and a few joining words) and its acronym in brackets
_ACRONYM_DEFINED = re.compile(
    r"(?P<full>[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|de|al|on)\s+)?[A-Z][\w'’-]*){1,8})"
    r"\s+\((?P<acr>[A-Z]{2,8})\)")


class SourceMemory:
    """The sources named so far in one document, to resolve later references."""

    def __init__(self, body_nouns: frozenset[str] = frozenset(),
                 person_nouns: frozenset[str] = frozenset(),
                 state_heads: frozenset[str] = frozenset()) -> None:
        self.sources: list[Source] = []
        self.body_nouns = body_nouns      # "the group": the last body that made a statement
        self.person_nouns = person_nouns  # "the official": the last person who did
        self.state_heads = state_heads    # bodies no "the group" or "the agency" means
        self.expansions: dict[str, str] = {}  # "TLA" -> "Tarsa Liberation Army" (the text's)

    def remember(self, src: Source) -> Source:
        self._expand(src)
        # merge with an earlier source that shares a name, or that was only a bare description
        # of it ("the army" before "the Algerian army")
        keys = {n.lower() for n in src.names}
        heads = {n.lower().split()[-1] for n in src.names if n.split()}
        family = load_provenance().umbrella_names
        title = _bare_title(src)
        for old in reversed(self.sources):
            bare = {_strip_det(n) for n in old.names}
            generic = not old.person and not src.person and all(
                len(b.split()) == 1 and b.islower() for b in bare) and bool(bare & heads)
            shared = keys & {n.lower() for n in old.names}
            if not shared and _titled_pair(src, title, old):
                shared = {"~title"}  # "the governor" and "Governor Jane Doe": one person
            if shared and shared <= family and not (keys <= family or bare <= family):
                continue  # "the UN refugee agency" and "the UN Mission": two UN bodies
            if generic and not shared and self._claimed_elsewhere(bare, old):
                continue  # "intelligence" (a headline's) after "the intelligence directorate"
            if shared or generic:
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
        last = next((x for x in reversed(self.sources) if not x.noted), None)
        if last is not None and not src.person and _proper(src) and _introduced(last):
            # "..., a local rights group said. The Forum for Civil Liberties (FCL) said":
            # the body introduced by its kind, then named
            for n in src.names:
                last.add_name(n)
            self.touch(last)
            return last
        self.sources.append(src)
        return src

    def _described(self, content: list[str]) -> Source | None:
        """The last named body that made a statement, when the words before the body noun
        of ``content`` only describe its kind ("the rights group", "the UN agency"); for
        an armed group's words ("the rebel group"), the last named armed group."""
        rules = load_provenance()
        kind = " ".join(content[:-1])
        armed = kind in rules.armed_descriptors
        if not kind or not (armed or kind in rules.body_descriptors or all(
                w in rules.body_descriptors for w in content[:-1])):
            return None
        for src in reversed(self.sources):
            if src.noted or src.person or not _proper(src):
                continue
            if not armed or any(_armed_name(n) for n in src.names):
                return src
        return None

    def _claimed_elsewhere(self, bare: set[str], old: Source) -> bool:
        """Another source than ``old`` has one of the words ``bare`` in its names."""
        return any(other is not old and any(
            re.search(rf"\b{re.escape(w)}\b", n.lower()) for w in bare for n in other.names)
            for other in self.sources)

    def note_people(self, doc: Doc) -> None:
        """Remember the people a sentence names, as antecedents for "he" and "she", and its
        subject when that is an organisation, as the antecedent for "it"."""
        every = tokens_of(doc)
        for t in (every[i] for i, dep in enumerate(columns(doc).dep) if dep == "nsubj"):
            if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.pos_ in ("PROPN", "NOUN") and \
                    any(x.ent_type_ in ("ORG", "GPE", "NORP") for x in t.subtree):
                toks = _np_tokens(t)
                names, person, head = _names_of(doc, toks)
                if names and not person:
                    self.remember(_source(names, False, head, noted=True))
            elif mentioned_subject(t) is not None:  # "The governor spoke to reporters."
                names, _, head = _names_of(doc, _np_tokens(t))
                if names:
                    self.remember(_source(names, bool(mentioned_subject(t)), head,
                                          noted=True))
        for ent in ents_of(doc):
            if ent.label_ == "PERSON" and len(ent) >= 2 and not in_place_list(ent.root):
                start = ent.start
                while start > 0 and doc[start - 1].dep_ == "compound" and \
                        doc[start - 1].text[:1].isupper():
                    start -= 1
                names = [_clean(doc[start:ent.end].text), _clean(ent.text),
                         *title_acronyms(doc, start)]
                self.remember(Source(names=list(dict.fromkeys(names)), person=True,
                                     head=ent.root.lemma_.lower(), noted=True))

    def expand_all(self, text: str) -> None:
        """Give every source the full name of its acronym and the other way round, as
        ``text`` defines them ("clashes with the Tarsa Liberation Army (TLA)": "The TLA
        said" is the Tarsa Liberation Army)."""
        for m in _ACRONYM_DEFINED.finditer(text):
            full = _strip_det(" ".join(m.group("full").split()))
            if len(re.findall(r"\b[A-Z]", full)) >= 2:
                self.expansions.setdefault(m.group("acr"), full)
        for src in self.sources:
            self._expand(src)

    def _expand(self, src: Source) -> None:
        """Give ``src`` the full name of its acronym, or the acronym of its full name."""
        if not self.expansions:
            return
        full_of = {v.lower(): k for k, v in self.expansions.items()}
        for n in list(src.names):
            bare = _strip_det(n)
            if bare in self.expansions:
                src.add_name(self.expansions[bare])
            elif bare.lower() in full_of:
                src.add_name(full_of[bare.lower()])

    def touch(self, src: Source) -> None:
        """Make ``src`` the most recent source (it was just named again)."""
        src.noted = False
        if src in self.sources:
            self.sources.remove(src)
        self.sources.append(src)

    def owner_body(self, pronoun: str, speaker: Source | None) -> Source | None:
        """The body that "its" or "their" (``pronoun`` "it" or "they") of a person speaking for
        it means ("Its spokesperson, Jane Doe"): the last body named before, not ``speaker``."""
        for src in reversed(self.sources):
            if src is speaker or src.person or (pronoun == "they" and src.noted):
                continue
            if pronoun == "it" and src.plural:
                continue
            return src
        return None

    def resolve(self, text: str, person_hint: bool | None) -> Source | None:
        """An earlier source that ``text`` (a pronoun, surname or description) refers to."""
        low = text.lower().strip()
        low = _POSSESSIVE.get(low, low)  # "a statement on its website"
        words = low.split()
        if not words:
            return None
        owner = _OWNER.match(low)
        if owner and owner.group(1) in load_provenance().report_nouns:
            stated = [x for x in self.sources if not x.noted]  # "the report's breakdown":
            return stated[-1] if stated else None  # the report of the last statement
        if owner and owner.group(1) in self.body_nouns:
            # "the agency's tracking matrix": a part of the body "the agency" refers to
            found = self.resolve("the " + owner.group(1), False)
            if found is not None:
                found.add_name(text.strip())
            return found
        if low in _PRONOUNS:
            want_person = low in {"he", "she", "him", "her", "i"}
            gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(low)
            for src in reversed(self.sources):
                if low in ("they", "them", "we") and src.noted:
                    continue
                if want_person and src.plural:
                    continue
                if gender is not None and src.person and src.gender not in (None, gender):
                    continue  # "he said" is not Ms Ruiz
                if low in ("they", "them", "we") or src.person == want_person:
                    if gender is not None and src.person:
                        src.gender = gender
                    return src
                if low == "it" and speaks_for_body(src.names):  # the body's spokesperson
                    return src
            return None
        # surname or partial name: "Lee", "Mr Rafael", "Klymenko" (every word capitalised)
        core = [w for w in text.split() if w.lower() not in _DETERMINERS
                and w.rstrip(".").lower() not in _TITLES]
        if len(core) == 1 and core[0][:1].isupper() and len(words) <= 3 and \
                all(w[:1].isupper() or w.lower() in _DETERMINERS for w in text.split()):
            name = core[0].lower()
            # a surname before a first name ("Governor Sani" is Uba Sani, not Sani Musa)
            for src in reversed(self.sources):
                if any(re.split(r"[\s-]+", _before_of(n).lower())[-1] == name
                       for n in src.names):
                    return src
            split = r"[\s,()]+" if core[0].isupper() else r"[\s-]+"  # ("UN" is no part of
            for src in reversed(self.sources):                    # "a UN-backed body")
                if any(name in re.split(split, n.lower()) for n in src.names):
                    return src
        if "," in low and words[0] in ("the", "this", "that"):
            # "The network, a group of medics documenting casualties": the description
            found = self.resolve(text.split(",")[0], person_hint)
            if found is not None:
                return found
        # a description: "the agency", "the ministry", "the interior ministry": every
        # content word must appear in the earlier source's names
        based = max((k for k, w in enumerate(re.sub(r"\s*-\s*based\b", "-based", low).split())
                     if w.endswith("-based")), default=0)
        if based:
            words = re.sub(r"\s*-\s*based\b", "-based", low).split()
        if based:  # "the Britain-based monitor", "the New York-based group": "the monitor"
            words = [words[0], *words[based + 1:]]
        if words[0] in ("the", "this", "that") and len(words) <= 4 and len(words) > 1:
            content = [w for w in words[1:] if w not in _DETERMINERS]
            head = words[-1]
            for src in reversed(self.sources):
                if src.noted:
                    continue
                joined = " ".join(n.lower() for n in src.names)
                heads = {src.head} | {n.lower().split()[-1] for n in src.names if n.split()} \
                    | {w for n in src.names for w in _NAME_HEAD.findall(n.lower())}
                if head in heads and all(re.search(rf"\b{re.escape(w)}\b", joined)
                                         for w in content):
                    return src
            if head in ("statement", "report") and len(content) == 1:
                stated = [x for x in self.sources if not x.noted]
                return stated[-1] if stated else None
            if len(content) == 1 and (head in self.body_nouns or head in self.person_nouns):
                person = head in self.person_nouns and head not in self.body_nouns
                for src in reversed(self.sources):
                    if not src.noted and src.person == person and not (
                            not person and src.head.lstrip("+") in self.state_heads):
                        # ("the group" is no ministry, police force or army named before)
                        src.add_name(text.strip())
                        return src
            if 1 < len(content) <= 3 and head in self.body_nouns:
                # "the media outlets" after "X, an independent media outlet, ...": the
                # words before the generic noun are in the body's names
                for src in reversed(self.sources):
                    joined = " ".join(n.lower() for n in src.names)
                    if not src.noted and not src.person and all(
                            re.search(rf"\b{re.escape(w)}\b", joined) for w in content[:-1]):
                        src.add_name(text.strip())
                        return src
            described = self._described(content) if head in self.body_nouns else None
            if described is not None:
                described.add_name(text.strip())
                return described
        more = resolve_more(self, text)  # "its new figures", "the same report"
        if more is not None:
            return more
        doc_i = document_antecedent(text, [x.head for x in self.sources])  # "the assessment"
        return self.sources[doc_i] if doc_i is not None else None
