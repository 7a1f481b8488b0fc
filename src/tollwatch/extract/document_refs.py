"""Documents as sources.

- A document named again by another word for a document: "A declassified intelligence report
  assessed that ... The assessment said ...": a bare definite document noun ("the
  assessment", "the study") that names no source of its own head is the most recent source
  that is itself a document ("a declassified intelligence report").
- A record that shows the figure: "..., the school's register has shown", "hospital records
  show 40 patients died" (``showing_record``).
- Reports that say it: "..., with reports that 40 attackers have been killed so far"
  (``reports_that``; the reports are the unnamed source).

The nouns and verbs are data (``tollwatch/data/document_refs.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tollwatch.extract.datafile import read_mapping
from tollwatch.extract.doc_cache import columns

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token

__all__ = ["DocumentRefs", "document_antecedent", "load_document_refs", "reports_that",
           "showing_record"]


@dataclass(frozen=True)
class DocumentRefs:
    determiners: frozenset[str]
    nouns: frozenset[str]
    showing_verbs: frozenset[str] = frozenset()
    record_nouns: frozenset[str] = frozenset()
    hearsay_nouns: frozenset[str] = frozenset()
    hearsay_marks: frozenset[str] = frozenset()
    giving_verbs: frozenset[str] = frozenset()  # "reports putting the toll at 40"


@lru_cache(maxsize=1)
def load_document_refs() -> DocumentRefs:
    """The built-in ``document_refs.yaml``."""
    data, _ = read_mapping("document_refs.yaml", None, "document reference rules", "are")
    sec = data.get("document_refs") or {}
    shows = data.get("showing_documents") or {}

    def words(d: dict[str, object], key: str) -> frozenset[str]:
        items = d.get(key)
        return frozenset(str(w).lower() for w in items) if isinstance(items, list) \
            else frozenset()

    return DocumentRefs(determiners=words(sec, "determiners"), nouns=words(sec, "nouns"),
                        showing_verbs=words(shows, "verbs"),
                        record_nouns=words(shows, "nouns"),
                        hearsay_nouns=words(data.get("reports_that") or {}, "nouns"),
                        hearsay_marks=words(data.get("reports_that") or {}, "marks"),
                        giving_verbs=words(data.get("reports_giving") or {}, "verbs"))


def document_antecedent(text: str, heads: Iterable[str],
                        rules: DocumentRefs | None = None) -> int | None:
    """The index (in ``heads``, the head nouns of the sources named so far, oldest first) of
    the document that ``text`` ("the assessment") names again; None when ``text`` is no bare
    definite document noun or no source named before is a document."""
    rules = rules or load_document_refs()
    words = text.lower().split()
    if len(words) != 2 or words[0] not in rules.determiners or words[1] not in rules.nouns:
        return None
    found = [i for i, h in enumerate(heads) if h.lower() in rules.nouns]
    return found[-1] if found else None


_SHOWN = ("ccomp", "dobj", "obj", "xcomp", "parataxis", "advcl")


def showing_record(sdoc: Doc, token_i: int, rules: DocumentRefs | None = None) -> Token | None:
    """The record that shows the figure at ``token_i`` ("the school's register has shown",
    "hospital records show 40 ..."): the subject of a showing verb whose head is a record
    noun, with the figure in what the verb governs and not in the subject; else None."""
    rules = rules or load_document_refs()
    fig = sdoc[token_i]
    ancestors = {a.i for a in fig.ancestors}
    cols = columns(sdoc)
    for i, lemma in enumerate(cols.lemma):
        if lemma not in rules.showing_verbs or cols.pos[i] != "VERB" or i not in ancestors:
            continue
        verb = sdoc[i]
        step = fig
        while step.head.i != verb.i:
            step = step.head
        if step.dep_ not in _SHOWN:
            continue  # the figure is not in what the verb shows
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in rules.record_nouns or \
                any(t.i == token_i for t in subj.subtree):
            continue
        return subj
    return None


def reports_that(sdoc: Doc, token_i: int, rules: DocumentRefs | None = None) -> Token | None:
    """The report noun whose that-clause holds the figure at ``token_i`` ("with reports that
    40 attackers have been killed"); None when there is none."""
    rules = rules or load_document_refs()
    prev = sdoc[token_i]
    for anc in sdoc[token_i].ancestors:
        if anc.pos_ == "NOUN" and anc.lower_ in rules.hearsay_nouns and \
                prev.dep_ in ("acl", "ccomp") and prev.pos_ in ("VERB", "AUX") and \
                any(c.dep_ == "mark" and c.lower_ in rules.hearsay_marks
                    for c in prev.children):
            return anc
        if anc.pos_ == "NOUN" and anc.lower_ in rules.hearsay_nouns and prev.dep_ == "acl" \
                and prev.tag_ == "VBG" and prev.lemma_.lower() in rules.giving_verbs:
            return anc  # "reports putting the number of dead at over 40"
        prev = anc
    return None
