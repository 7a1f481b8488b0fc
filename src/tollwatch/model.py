"""The shared vocabulary: documents in, claims out.

Every stage (extraction, ingestion, the store, reconciliation, the web app) speaks in
these types. They are plain dataclasses so that they pickle cheaply across processes
(multiprocessing, Ray) and convert to the JSON gold format with ``to_dict``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Final, Literal

__all__ = [
    "METRICS",
    "QUALIFIERS",
    "RESPONSE_KINDS",
    "STANCES",
    "Claim",
    "Document",
    "Extraction",
    "Metric",
    "Qualifier",
    "Report",
    "Response",
    "Stance",
    "responses_of",
]

Metric = Literal[
    "killed", "injured", "casualties", "captured", "missing",
    "deployed", "displaced", "detained", "abducted", "defected",
]
Qualifier = Literal["exact", "approx", "min", "max", "range"]
Stance = Literal["asserted", "denied", "hypothetical"]

METRICS: Final[tuple[str, ...]] = (
    "killed", "injured", "casualties", "captured", "missing",
    "deployed", "displaced", "detained", "abducted", "defected",
)
QUALIFIERS: Final[tuple[str, ...]] = ("exact", "approx", "min", "max", "range")
STANCES: Final[tuple[str, ...]] = ("asserted", "denied", "hypothetical")
RESPONSE_KINDS: Final[tuple[str, ...]] = ("confirmed", "denied", "no_comment", "neither")


@dataclass(frozen=True, slots=True)
class Document:
    """One report: its text and what is known about where it came from.

    ``published`` is an ISO date string (``YYYY-MM-DD``) or None; relative dates in the
    text ("on Monday") are resolved against it.
    """

    id: str
    text: str
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Claim:
    """One count claim, with the fields of the annotation guidelines.

    ``value`` is the stated number, or None for a range given by ``low``/``high``.
    ``quote`` is the sentence holding the number, ``text[start:end]`` of its document.
    ``origin`` names the body that produced the figure (every name it appears under in the
    document); ``speaker`` whoever relays it, when that differs.
    """

    metric: str
    value: int | None
    low: int | None = None
    high: int | None = None
    qualifier: str = "exact"
    subject: str | None = None
    actor: str | None = None
    civilian: bool | None = None
    location: str | None = None
    origin: list[str] = field(default_factory=list)
    speaker: list[str] = field(default_factory=list)
    date: str | None = None
    stance: str = "asserted"
    quote: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 0.5
    # why the claim has its source and date: {"how": "verb" | "according_to" | "chain" |
    # "quote" | "reference" | "continued" | "headline" | "repeat" | "headline_body" | "cited" |
    # "backward" | "restated" | "later" | "possessive" | "record" | "given" | "reports" |
    # "tally_part" | "gapped" | "own_voice" (each in words in data/reasons.yaml), "from": the character offset of the governing statement's
    # sentence, "date_how": ..., "headline": true, "repeated_at": where the body repeats it,
    # "carried_by": what carried a continued statement on ("figure_anaphor"), or what tied
    # a "later" claim to its restatement ("definite": "all seven soldiers killed ..."; a
    # sentence-mate of such a claim: "sentence"), "mirrored": true for the second claim of
    # a figure counted on each of two sides ("45 soldiers from each side")}
    attribution: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        # By hand rather than dataclasses.asdict (which deep-copies generically): this runs
        # once a claim on every export, and is several times faster.
        return {"metric": self.metric, "value": self.value, "low": self.low, "high": self.high,
                "qualifier": self.qualifier, "subject": self.subject, "actor": self.actor,
                "civilian": self.civilian, "location": self.location,
                "origin": list(self.origin), "speaker": list(self.speaker), "date": self.date,
                "stance": self.stance, "quote": self.quote, "start": self.start,
                "end": self.end, "confidence": self.confidence,
                "attribution": dict(self.attribution) if self.attribution is not None
                else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        names = {f for f in cls.__dataclass_fields__}
        kwargs = {k: v for k, v in data.items() if k in names}
        for key in ("origin", "speaker"):
            v = kwargs.get(key)
            if v is None:
                kwargs[key] = []
            elif isinstance(v, str):
                kwargs[key] = [v]
            else:
                kwargs[key] = list(v)
        att = kwargs.get("attribution")
        kwargs["attribution"] = dict(att) if isinstance(att, dict) else None
        return cls(**kwargs)


@dataclass(slots=True)
class Report:
    """A stored claim with the document that carries it: the unit reconciliation works on.

    ``claim`` holds the effective fields (a reviewer's corrections applied over the
    extraction); ``status`` is the review status (None, "accepted" or "rejected").
    """

    claim_id: int
    doc_id: str
    claim: Claim
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    status: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = self.claim.to_dict()
        out.update(claim_id=self.claim_id, doc_id=self.doc_id, url=self.url, outlet=self.outlet,
                   published=self.published, title=self.title, status=self.status)
        return out


@dataclass(slots=True)
class Response:
    """A confirmation, denial, refusal to comment, or neither-confirm-nor-deny.

    ``kind`` is one of RESPONSE_KINDS; ``responder`` names who answers (every name it goes
    by in the document), ``speaker`` whoever voices the answer for it, when that differs;
    ``about`` what is answered, as written; ``claims`` indexes into the same document's
    claims of the figures it answers (empty when it answers none). ``quote`` is the
    sentence, ``text[start:end]`` of its document; ``date`` the day of the answer.
    """

    kind: str
    responder: list[str] = field(default_factory=list)
    speaker: list[str] = field(default_factory=list)
    about: str | None = None
    claims: list[int] = field(default_factory=list)
    date: str | None = None
    quote: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "responder": list(self.responder),
                "speaker": list(self.speaker), "about": self.about,
                "claims": list(self.claims), "date": self.date, "quote": self.quote,
                "start": self.start, "end": self.end, "confidence": self.confidence}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Response:
        names = {f for f in cls.__dataclass_fields__}
        kwargs = {k: v for k, v in data.items() if k in names}
        for key in ("responder", "speaker"):
            v = kwargs.get(key)
            kwargs[key] = [] if v is None else [v] if isinstance(v, str) else list(v)
        kwargs["claims"] = [int(i) for i in kwargs.get("claims") or []]
        return cls(**kwargs)


class Extraction(list[Claim]):
    """A document's claims (the list itself, in text order) and its ``responses``.

    A list so that everything that takes a document's claims (the ingest loop, engines,
    the store) takes an Extraction unchanged; ``responses`` rides along (and pickles
    with it across worker processes).
    """

    responses: list[Response]

    def __init__(self, claims: Iterable[Claim] = (),
                 responses: Iterable[Response] = ()) -> None:
        super().__init__(claims)
        self.responses = list(responses)

    @property
    def claims(self) -> list[Claim]:
        return list(self)


def responses_of(claims: Sequence[Claim]) -> list[Response]:
    """The responses riding on a document's claims (none for a plain list)."""
    found: list[Response] | None = getattr(claims, "responses", None)
    return list(found) if found else []
