"""The shared vocabulary: documents in, claims out.

Every stage (extraction, ingestion, the store, reconciliation, the web app) speaks in
these types. They are plain dataclasses so that they pickle cheaply across processes
(multiprocessing, Ray) and convert to the JSON gold format with ``to_dict``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Final, Literal

__all__ = [
    "METRICS",
    "QUALIFIERS",
    "STANCES",
    "Claim",
    "Document",
    "Metric",
    "Qualifier",
    "Report",
    "Stance",
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
    # "quote" | "reference" | "continued" | "headline" | "repeat" | "own_voice", "from": the
    # character offset of the governing statement's sentence, "date_how": ...}
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
