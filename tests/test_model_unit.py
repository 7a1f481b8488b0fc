"""Unit tests of model.py: from_dict/to_dict round trips and list normalisation."""

from __future__ import annotations

import pickle

import pytest

from tollwatch.model import (
    METRICS,
    QUALIFIERS,
    Claim,
    Document,
    Extraction,
    Report,
    Response,
    responses_of,
)


def _claim(**kw: object) -> Claim:
    base: dict[str, object] = {"metric": "killed", "value": 12, "origin": ["Orlan Vesk"],
                               "quote": "Orlan Vesk said 12 were killed near Kestburg."}
    base.update(kw)
    return Claim.from_dict(base)


@pytest.mark.parametrize("metric", METRICS)
def test_every_metric_round_trips(metric: str) -> None:
    c = _claim(metric=metric)
    assert Claim.from_dict(c.to_dict()) == c


@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_every_qualifier_round_trips(qualifier: str) -> None:
    c = _claim(qualifier=qualifier, value=None if qualifier == "range" else 5,
               low=3 if qualifier == "range" else None, high=9 if qualifier == "range" else None)
    d = c.to_dict()
    assert d["qualifier"] == qualifier
    assert Claim.from_dict(d) == c


def test_from_dict_origin_and_speaker_forms() -> None:
    assert _claim(origin=None).origin == []
    assert _claim(origin="Kest Monitor").origin == ["Kest Monitor"]
    assert _claim(origin=("A", "B")).origin == ["A", "B"]
    assert _claim(speaker="Tamsin Orrel").speaker == ["Tamsin Orrel"]


def test_from_dict_attribution_is_copied_or_dropped() -> None:
    att = {"how": "verb", "from": 4}
    c = _claim(attribution=att)
    assert c.attribution == att and c.attribution is not att
    assert _claim(attribution="verb").attribution is None


def test_to_dict_copies_the_attribution() -> None:
    c = _claim(attribution={"how": "chain"})
    d = c.to_dict()
    d["attribution"]["how"] = "quote"
    assert c.attribution == {"how": "chain"}


def test_from_dict_without_metric_fails() -> None:
    with pytest.raises(TypeError):
        Claim.from_dict({"value": 3})


def test_report_to_dict_overrides_nothing_of_the_claim_but_adds_the_document() -> None:
    r = Report(claim_id=7, doc_id="k1", claim=_claim(), url="https://example.test/k1",
               outlet="Kest Daily", published="2031-04-01", status="accepted")
    d = r.to_dict()
    assert d["value"] == 12 and d["origin"] == ["Orlan Vesk"]
    assert (d["claim_id"], d["doc_id"], d["status"], d["title"]) == (7, "k1", "accepted", None)


def test_response_from_dict_normalises() -> None:
    r = Response.from_dict({"kind": "denied", "responder": "Kest Army", "claims": ["0", 2],
                            "about": "the toll", "extra": 1})
    assert r.responder == ["Kest Army"] and r.speaker == [] and r.claims == [0, 2]
    assert Response.from_dict(r.to_dict()) == r


def test_extraction_keeps_claims_and_responses_through_pickle() -> None:
    e = Extraction([_claim()], [Response(kind="confirmed", responder=["Kest Army"])])
    back = pickle.loads(pickle.dumps(e))
    assert isinstance(back, Extraction)
    assert back.claims == e.claims and back.responses == e.responses
    assert responses_of(back) == e.responses
    assert responses_of([_claim()]) == []


def test_document_is_frozen_and_round_trips() -> None:
    d = Document(id="k2", text="Three were hurt in Vesk Harbour.", published="2031-05-05")
    assert Document(**d.to_dict()) == d
    with pytest.raises(AttributeError):
        d.text = "changed"  # type: ignore[misc]
