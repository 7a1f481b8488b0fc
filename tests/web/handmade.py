"""A small store of hand-made claims for the web tests that need no spaCy pipeline: two
actors over several days, a group count and an undated report (invented stories)."""

from __future__ import annotations

import random

from tollwatch.model import Claim, Document
from tollwatch.store import Store

V = "handmade-1"

_SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vu", "dor", "pel", "ank", "ris", "gu",
              "fen", "hal", "jo", "nei", "quo", "bri", "zel", "um"]


def filler(seed: int, words: int = 80) -> str:
    """Invented words, different for each seed (so no two stories are near duplicates)."""
    rng = random.Random(seed)
    return " ".join("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
                    for _ in range(words))


def _claim(metric: str, value: int, actor: str | None, origin: str, date: str | None, *,
           subject: str | None = None, location: str | None = None,
           confidence: float = 0.6) -> Claim:
    quote = f"{value} {metric}, {origin} said."
    return Claim(metric=metric, value=value, actor=actor, origin=[origin], date=date,
                 subject=subject, location=location, quote=quote, start=0, end=len(quote),
                 confidence=confidence)


#: (document, its claims): Russia's toll (two names) over three days from one ministry, a
#: displacement count of no actor, Ukraine's detentions (as Kyiv) with no date
STORIES: list[tuple[Document, list[Claim]]] = [
    (Document(id="ridge-1", text="Ridge report one. " + filler(1), published="2024-04-01",
              url="https://north.example/1", outlet="North Desk", title="Ridge clashes"),
     [_claim("killed", 12, "Russian forces", "the health ministry", "2024-03-31",
             location="Harl", confidence=0.9),
      _claim("injured", 30, "Russian forces", "the health ministry", "2024-03-31",
             confidence=0.4)]),
    (Document(id="ridge-2", text="Ridge report two. " + filler(2), published="2024-04-03",
              outlet="North Desk", title="More clashes"),
     [_claim("killed", 15, "Russia", "health ministry", "2024-04-02", confidence=0.8)]),
    (Document(id="coast-1", text="Coast report. " + filler(3), published="2024-04-05",
              outlet="Coast Times", title="Families leave"),
     [_claim("displaced", 2000, None, "a UN agency", "2024-04-04", subject="families",
             location="the coast", confidence=0.7)]),
    (Document(id="coast-2", text="Harbour report. " + filler(4), outlet="Coast Times"),
     [_claim("detained", 40, "Kyiv", "the coast guard", None,
             subject="fishermen", confidence=0.2)]),
]


def fill(store: Store) -> None:
    for doc, claims in STORIES:
        store.add_document(doc, claims, V, source=doc.id)


def add_more(store: Store, seed: int, value: int, day: str) -> None:
    """One more report about Russia (a write the view must notice)."""
    doc = Document(id=f"ridge-late-{seed}", text="Ridge late. " + filler(100 + seed),
                   published=day)
    store.add_document(doc, [_claim("killed", value, "Russia", "health ministry", day)],
                       V, source=doc.id)
