"""to_dict/from_dict round trips of the shared types (tollwatch.model)."""

from __future__ import annotations

import json
import pickle

import pytest

from tollwatch.model import (
    METRICS,
    QUALIFIERS,
    RESPONSE_KINDS,
    STANCES,
    Claim,
    Document,
    Extraction,
    Report,
    Response,
    responses_of,
)


def full_claim() -> Claim:
    return Claim(metric="displaced", value=None, low=1200, high=1500, qualifier="range",
                 subject="residents", actor="flooding", civilian=True, location="Tarsk",
                 origin=["the UN refugee agency", "UNHCR"], speaker=["a spokeswoman"],
                 date="2024-09-30", stance="asserted",
                 quote="Between 1,200 and 1,500 residents fled, UNHCR said.", start=40,
                 end=92, confidence=0.83, attribution={"how": "verb", "from": 40})


def test_claim_round_trips_through_json() -> None:
    c = full_claim()
    back = Claim.from_dict(json.loads(json.dumps(c.to_dict())))
    assert back == c
    assert back.origin is not c.origin and back.attribution is not c.attribution


def test_claim_defaults() -> None:
    c = Claim.from_dict({"metric": "killed", "value": 3})
    assert (c.qualifier, c.stance, c.origin, c.speaker, c.quote) == \
        ("exact", "asserted", [], [], "")
    assert (c.start, c.end, c.confidence, c.attribution) == (0, 0, 0.5, None)


def test_claim_from_dict_normalises_names_and_drops_unknown_keys() -> None:
    c = Claim.from_dict({"metric": "injured", "value": 4, "origin": "police",
                         "speaker": ("a", "b"), "claim_id": 99, "doc_id": "x",
                         "attribution": "not a dict", "extra": 1})
    assert c.origin == ["police"] and c.speaker == ["a", "b"] and c.attribution is None
    c = Claim.from_dict({"metric": "injured", "value": 4, "origin": None, "speaker": None})
    assert c.origin == [] and c.speaker == []


def test_claim_from_dict_needs_metric_and_value() -> None:
    with pytest.raises(TypeError):
        Claim.from_dict({"metric": "killed"})


def test_claim_to_dict_is_a_copy() -> None:
    c = full_claim()
    d = c.to_dict()
    d["origin"].append("someone else")
    assert d["attribution"] is not None
    d["attribution"]["how"] = "quote"
    assert c.origin == ["the UN refugee agency", "UNHCR"] and c.attribution == \
        {"how": "verb", "from": 40}


def test_document_to_dict_round_trip() -> None:
    d = Document(id="n1", text="Text with 2 killed.", published="2024-01-01",
                 url="https://example.org/n1", outlet="Example", title="Two killed")
    assert Document(**d.to_dict()) == d
    assert list(d.to_dict()) == ["id", "text", "published", "url", "outlet", "title"]
    with pytest.raises(AttributeError):
        d.id = "other"  # type: ignore[misc]


def test_report_to_dict_keeps_claim_fields_and_reads_back() -> None:
    r = Report(claim_id=5, doc_id="n1", claim=full_claim(), url="u", outlet="o",
               published="2024-10-01", title="t", status="accepted")
    d = r.to_dict()
    assert d["claim_id"] == 5 and d["status"] == "accepted" and d["low"] == 1200
    assert Claim.from_dict(d) == r.claim  # the report's extra keys are ignored


def test_response_round_trip_and_normalisation() -> None:
    r = Response(kind="denied", responder=["the defence ministry"], speaker=["Col. Vane"],
                 about="the strike", claims=[0, 2], date="2024-03-03",
                 quote="The ministry denied the report.", start=10, end=41, confidence=0.7)
    assert Response.from_dict(json.loads(json.dumps(r.to_dict()))) == r
    back = Response.from_dict({"kind": "confirmed", "responder": "army",
                               "claims": ["1", 3], "ignored": True})
    assert back.responder == ["army"] and back.speaker == [] and back.claims == [1, 3]


def test_extraction_is_a_list_carrying_responses() -> None:
    c, resp = full_claim(), Response(kind="no_comment")
    ex = Extraction([c], [resp])
    assert list(ex) == [c] and ex.claims == [c] and ex.claims is not ex
    assert responses_of(ex) == [resp] and responses_of([c]) == []
    back = pickle.loads(pickle.dumps(ex))
    assert isinstance(back, Extraction) and back == [c] and back.responses == [resp]
    assert Extraction().responses == [] and len(Extraction()) == 0


def test_vocabularies() -> None:
    assert len(METRICS) == 10 and len(set(METRICS)) == 10 and "killed" in METRICS
    assert QUALIFIERS[0] == "exact" and STANCES[0] == "asserted"
    assert set(RESPONSE_KINDS) == {"confirmed", "denied", "no_comment", "neither"}
    # a claim's default fields lie in the vocabularies
    c = Claim(metric="killed", value=1)
    assert c.qualifier in QUALIFIERS and c.stance in STANCES
