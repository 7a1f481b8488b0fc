"""An invented story with figures in outlets' own voice (issues 11 and 16), for the
command-line, API and browser tests: two origins of a detainee series (a ministry and a
monitor), an outlet restating the ministry's figure, another restating a number within
the monitor's range, and an outlet's own tally that no one else gave."""

from __future__ import annotations

from tollwatch.model import Claim, Document
from tollwatch.store import Store

MINISTRY = "Ministry of Interior"
MONITOR = "Lantern Rights Watch"
OWN_OUTLET = "Harrow Gazette"
V = "own-voice-story"

#: (id, outlet, published, origin or None, value, low, high, sentence)
_ROWS: list[tuple[str, str, str, str | None, int | None, int | None, int | None, str]] = [
    ("ov-01", "Valley Courier", "2031-05-02", MINISTRY, 120, None, None,
     "The Ministry of Interior said 120 protesters were detained in the capital."),
    ("ov-02", "Plains Herald", "2031-05-04", None, 120, None, None,
     "Police detained 120 protesters on Friday in the capital."),
    ("ov-03", "Ridge Post", "2031-05-05", MONITOR, None, 300, 350,
     "Lantern Rights Watch said between 300 and 350 protesters were detained."),
    ("ov-04", "Coast Daily", "2031-05-06", None, 320, None, None,
     "Some 320 protesters were detained across the country."),
    ("ov-05", OWN_OUTLET, "2031-06-20", None, 77, None, None,
     "By our own count 77 protesters were detained in the northern towns."),
]


def fill_own_voice_story(store: Store) -> None:
    for doc_id, outlet, day, origin, value, low, high, text in _ROWS:
        claim = Claim(metric="detained", value=value, low=low, high=high, actor=None,
                      origin=[origin] if origin else [], subject="protesters",
                      date=day if origin else None, quote=text, start=0, end=len(text))
        store.add_document(Document(id=doc_id, text=text, published=day, outlet=outlet,
                                    url=f"https://example.test/{doc_id}"), [claim], V,
                           source=doc_id)
