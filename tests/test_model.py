from __future__ import annotations

import dataclasses

from tollwatch.model import Claim, Report


def test_claim_to_dict_has_every_field_and_copies_lists() -> None:
    c = Claim(metric="killed", value=3, origin=["a"], speaker=["b"], civilian=True,
              quote="q", start=1, end=2, confidence=0.9)
    d = c.to_dict()
    assert d == dataclasses.asdict(c)
    assert list(d) == [f.name for f in dataclasses.fields(Claim)]
    d["origin"].append("x")
    assert c.origin == ["a"]
    assert Claim.from_dict(d) != c and Claim.from_dict(c.to_dict()) == c


def test_report_to_dict_puts_the_document_beside_the_claim() -> None:
    r = Report(7, "doc", Claim(metric="injured", value=2), url="u", outlet="o",
               published="2024-01-02", title="t", status="accepted")
    d = r.to_dict()
    assert d["claim_id"] == 7 and d["doc_id"] == "doc" and d["status"] == "accepted"
    assert d["metric"] == "injured" and d["published"] == "2024-01-02"
