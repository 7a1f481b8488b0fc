"""Responses over reconciled claims: each underlying claim (one figure from one origin, with
all its reports) gets the responses that answer any of its reports, so a timeline shows,
for each figure, whether the other side responded and how."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

from tollwatch.reconcile.underlying import UnderlyingClaim

__all__ = ["KIND_WORDS", "AnsweringResponse", "ResponseMark", "link_responses",
           "response_label"]

KIND_WORDS: Final[dict[str, str]] = {
    "confirmed": "confirmed", "denied": "denied", "no_comment": "declined to comment",
    "neither": "neither confirmed nor denied",
}


class AnsweringResponse(Protocol):
    """What linking needs of a stored response (``tollwatch.store`` StoredResponse)."""

    id: int
    doc_id: str
    kind: str
    responder: list[str]
    quote: str

    @property
    def day(self) -> str | None: ...


def response_label(kind: str, responder: Sequence[str], day: str | None) -> str:
    """ "Russia: neither confirmed nor denied, 2025-01-13" """
    who = responder[0] if responder else "unnamed"
    text = f"{who}: {KIND_WORDS.get(kind, kind)}"
    return f"{text}, {day}" if day else text


@dataclass(frozen=True, slots=True)
class ResponseMark:
    """A response as a timeline shows it, against the figure it answers."""

    response_id: int
    kind: str
    responder: str | None
    date: str | None
    doc_id: str
    label: str
    quote: str
    claim_ids: tuple[int, ...]  # the figure's reports that it answers

    def to_dict(self) -> dict[str, Any]:
        return {"response_id": self.response_id, "kind": self.kind,
                "responder": self.responder, "date": self.date, "doc_id": self.doc_id,
                "label": self.label, "quote": self.quote, "claims": list(self.claim_ids)}


def link_responses(claims: Sequence[UnderlyingClaim],
                   answers: Mapping[int, Sequence[AnsweringResponse]]
                   ) -> dict[str, list[ResponseMark]]:
    """Underlying claim id -> the responses to any of its reports, once each, by date.

    ``answers`` maps a stored claim id (a report) to the responses that answer it.
    """
    out: dict[str, list[ResponseMark]] = {}
    for c in claims:
        seen: dict[int, list[int]] = {}
        found: dict[int, AnsweringResponse] = {}
        for r in c.reports:
            for resp in answers.get(r.claim_id, ()):
                seen.setdefault(resp.id, []).append(r.claim_id)
                found[resp.id] = resp
        if not found:
            continue
        marks = [ResponseMark(rid, resp.kind, resp.responder[0] if resp.responder else None,
                              resp.day, resp.doc_id,
                              response_label(resp.kind, resp.responder, resp.day),
                              resp.quote, tuple(seen[rid]))
                 for rid, resp in found.items()]
        marks.sort(key=lambda m: (m.date is None, m.date or "", m.response_id))
        out[c.id] = marks
    return out
