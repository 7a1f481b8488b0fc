"""Whether a source phrase names a person when the parser found no person's name in it.

"Col Ana Ruiz, the army spokeswoman, said 14 were killed. / She said 9 were captured.": the
small model often tags no PERSON in a name it does not know, and the phrase's head is the
name itself, so the source was kept as a body and "she" found no one to refer to. A title
opening the phrase ("Col", "Sheikh", "Dr") or a person's role at the head of an appositive
("X, the army spokeswoman", "X, a nurse") makes it a person. The words are data
(``person_cues.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.extract.datafile import enabled_flag, read_mapping, word_list
from tollwatch.extract.provenance import load_provenance

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PersonCues", "in_place_list", "load_person_cues", "mentioned_subject",
           "names_a_person", "speaks_for_body"]


@dataclass(frozen=True)
class PersonCues:
    """Titles (one or more words, lower-case) and person roles (lemmas)."""

    enabled: bool
    titles: frozenset[tuple[str, ...]]
    roles: frozenset[str]
    bodies: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_person_cues(path: str | None = None) -> PersonCues:
    """The cues of ``person_cues.yaml`` (or the file at ``path``)."""
    data, where = read_mapping("person_cues.yaml", path, "person cues", "are")
    on = enabled_flag(data, where)
    titles = frozenset(tuple(t.split()) for t in word_list(data.get("titles"), "titles", where))
    roles = frozenset(word_list(data.get("roles"), "roles", where))
    bodies = frozenset(word_list(data.get("mentioned_bodies"), "mentioned_bodies", where))
    places = frozenset(word_list(data.get("place_nouns"), "place_nouns", where))
    return PersonCues(enabled=on, titles=titles, roles=roles, bodies=bodies, places=places)


def _word(tok: Token) -> str:
    return tok.lower_.rstrip(".")


def names_a_person(tokens: list[Token], root: Token, cues: PersonCues | None = None) -> bool:
    """True when the source phrase ``tokens`` (``root`` its head) opens with a title before
    a proper name, or its head or an appositive of its head is a person's role."""
    cues = cues or load_person_cues()
    if not cues.enabled or not tokens:
        return False
    words = [t for t in tokens if t.is_alpha or t.text.rstrip(".").isalpha()]
    if words and words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    for title in cues.titles:  # (also after a role: "Army spokesman Colonel Ana Ruiz")
        n = len(title)
        for at in range(len(words) - n):
            if tuple(_word(t) for t in words[at:at + n]) == title and \
                    words[at + n].pos_ == "PROPN" and words[at + n].text[:1].isupper() and \
                    (at == 0 or words[at - 1].lemma_.lower() in cues.roles):
                return True
    # one person's role, in the singular ("Doctors Without Borders" is a body)
    if root.tag_ == "NN" and root.lemma_.lower() in cues.roles:
        return True
    idx = {t.i for t in tokens}
    return any(c.dep_ == "appos" and c.i in idx and c.tag_ == "NN" and
               c.lemma_.lower() in cues.roles for c in root.children)


def speaks_for_body(names: list[str]) -> bool:
    """True when a person's names say whom they speak for ("Gen. Ana Ruiz, spokesperson
    for the Defence Ministry"; ``person_names.body_roles`` in provenance.yaml): "it" may
    then refer to that body's statement."""
    rules = load_provenance()
    for n in names:
        words = [w.strip(",").lower() for w in n.split()]
        for i, w in enumerate(words[:-1]):
            if w in rules.body_roles and words[i + 1] in rules.body_role_preps:
                return True
    return False


def mentioned_subject(tok: Token, cues: PersonCues | None = None) -> bool | None:
    """For the subject ``tok`` of a sentence's main verb that is a definite singular noun
    ("the governor", "the ministry"): True when it names a person's role, False when it
    names a body (``mentioned_bodies``), None otherwise."""
    cues = cues or load_person_cues()
    if not cues.enabled or tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT" or \
            tok.tag_ != "NN" or not any(c.dep_ in ("det", "poss") and c.lower_ in
                                        ("the", "its", "his", "her", "their")
                                        for c in tok.children):
        return None
    lemma = tok.lemma_.lower()
    if lemma in cues.roles:
        return True
    if lemma in cues.bodies:
        return False
    return None


def in_place_list(root: Token, cues: PersonCues | None = None) -> bool:
    """``root`` (of a name) is a place: an apposition calls it one ("Qila Noor, a town"), or
    it is one of a list of places: a member of its list (by "and", commas) is a place
    entity, or a place noun (``place_nouns``) closes the list ("Kairu, Dan Gulbi and Mai
    Rana villages")."""
    cues = cues or load_person_cues()
    if any(c.dep_ == "appos" and c.lemma_.lower() in cues.places for c in root.children):
        return True  # "from Qila Noor, a town south of the capital"
    top = root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    members = [top, *(t for t in top.subtree if t.dep_ == "conj")]
    if len(members) < 2:
        return False
    if any(m.ent_type_ in ("GPE", "LOC", "FAC") for m in members):
        return True
    last = max(m.i for m in members)
    doc = root.doc
    return last + 1 < len(doc) and doc[last + 1].lemma_.lower() in cues.places
