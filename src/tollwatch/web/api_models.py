"""The request and answer bodies of the REST API (pydantic models; they make its OpenAPI
document and validate what writers send)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ClaimOut", "ClaimPage", "Corrections", "DocumentIn", "ItemPage", "MetricName",
           "ReviewIn", "TimelineOut"]

MetricName = Literal["killed", "injured", "casualties", "captured", "missing", "deployed",
                     "displaced", "detained", "abducted", "defected"]


class ClaimOut(BaseModel):
    claim_id: int
    doc_id: str
    metric: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    subject: str | None
    actor: str | None
    civilian: bool | None
    location: str | None
    origin: list[str]
    speaker: list[str]
    date: str | None
    stance: str
    quote: str
    start: int
    end: int
    confidence: float
    attribution: dict[str, Any] | None = None
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None
    status: str | None
    # issue 16: the counted group, from the subject (see docs/reconcile.md)
    group: str | None = None
    subset: str | None = None
    group_status: str | None = None


class ClaimPage(BaseModel):
    items: list[ClaimOut]
    total: int
    limit: int
    offset: int


class ItemPage(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int | None = None
    offset: int | None = None


class TimelineOut(BaseModel):
    actor: str | None
    group: str | None = None
    own_voice: str = "hide"
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    stale: bool


class Corrections(BaseModel):
    """Corrected fields; a field left out keeps the extraction's value, ``null`` clears it."""

    model_config = ConfigDict(extra="forbid")
    metric: MetricName | None = None
    value: int | None = Field(None, ge=0, le=10**12)
    low: int | None = Field(None, ge=0, le=10**12)
    high: int | None = Field(None, ge=0, le=10**12)
    qualifier: Literal["exact", "approx", "min", "max", "range"] | None = None
    subject: str | None = Field(None, max_length=512)
    actor: str | None = Field(None, max_length=512)
    civilian: bool | None = None
    location: str | None = Field(None, max_length=512)
    origin: list[Annotated[str, Field(max_length=512)]] | None = Field(None, max_length=20)
    speaker: list[Annotated[str, Field(max_length=512)]] | None = Field(None, max_length=20)
    date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    stance: Literal["asserted", "denied", "hypothetical"] | None = None


class ReviewIn(BaseModel):
    """A reviewer's verdict: ``status``, corrected fields (stored beside the extraction,
    which is never changed), a note and who reviewed."""

    model_config = ConfigDict(extra="forbid")
    status: Literal["accepted", "rejected"]
    corrections: Corrections = Field(default_factory=lambda: Corrections.model_validate({}))
    note: str | None = Field(None, max_length=4000)
    reviewer: str | None = Field(None, max_length=255)


class DocumentIn(BaseModel):
    """An article to extract and store: its ``text`` (with optional metadata), or only a
    ``url`` to fetch (http/https; public addresses unless the server allows private ones)."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    url: str | None = Field(None, max_length=2048)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    outlet: str | None = Field(None, max_length=255)
    title: str | None = Field(None, max_length=1000)
    id: str | None = Field(None, max_length=255)
