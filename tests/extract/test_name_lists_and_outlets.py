"""A list of the names of the dead counts the dead; "the media outlets" refers back to the
outlets that made the report (back_tallies.by_name, SourceMemory descriptions)."""

from __future__ import annotations

import pytest

from tollwatch.extract import Extractor
from tollwatch.model import Claim, Document

TEXT = ("The Open Ledger, an independent media outlet, together with the Radio Nord service, "
        "confirmed the names of 20,104 Zorvian soldiers killed since the war began.\n"
        "Since May, the names of 800 Zorvian soldiers have been added to the list of the "
        "dead.\n"
        "The media outlets estimated that 40,000 Zorvian soldiers had been killed.\n")


@pytest.fixture(scope="module")
def claims() -> dict[int | None, Claim]:
    out = Extractor().extract(Document(id="n", text=TEXT, published="2025-06-01"))
    return {c.value: c for c in out}


def test_names_added_to_a_list_of_the_dead_are_killed(claims: dict[int | None, Claim]) -> None:
    assert claims[800].metric == "killed"


def test_the_media_outlets_are_the_outlets_named_before(claims: dict[int | None, Claim]) -> None:
    origin = claims[40000].origin
    assert any("Open Ledger" in n for n in origin)
    assert (claims[40000].attribution or {}).get("how") == "reference"
