"""Responses linked to the underlying claims their answered reports belong to."""

from __future__ import annotations

from tollwatch.model import Claim, Report
from tollwatch.reconcile import underlying_claims
from tollwatch.reconcile.responses import link_responses, response_label
from tollwatch.store.responses import StoredResponse


def _report(cid: int, doc: str, value: int, origin: str, published: str) -> Report:
    c = Claim("deployed", value, actor="Ruritania", origin=[origin], quote=f"q{cid}",
              start=0, end=2, date=published)
    return Report(cid, doc, c, outlet=f"outlet-{doc}", published=published)


def _resp(rid: int, kind: str, who: str, date: str | None, published: str | None,
          claims: list[int]) -> StoredResponse:
    return StoredResponse(rid, f"d{rid}", kind, [who], [], None, date, "q", 0, 1, 0.9,
                          published=published, claim_ids=claims)


def test_label() -> None:
    assert response_label("neither", ["Russia"], "2025-01-13") == \
        "Russia: neither confirmed nor denied, 2025-01-13"
    assert response_label("no_comment", [], None) == "unnamed: declined to comment"


def test_a_response_to_one_report_reaches_every_report_of_its_figure() -> None:
    reports = [_report(1, "a", 5000, "Borduria intelligence", "2025-02-01"),
               _report(2, "b", 5000, "Borduria intelligence", "2025-02-03"),
               _report(3, "c", 800, "Syldavia monitor", "2025-02-04")]
    claims = underlying_claims(reports)
    denial = _resp(10, "denied", "Ruritania", None, "2025-02-05", [2])
    later = _resp(11, "neither", "Ruritania", "2025-02-09", None, [1, 2])
    marks = link_responses(claims, {1: [later], 2: [denial, later]})
    five = next(c for c in claims if c.value == 5000)
    eight = next(c for c in claims if c.value == 800)
    got = marks[five.id]
    assert [(m.kind, m.date) for m in got] == [("denied", "2025-02-05"),
                                               ("neither", "2025-02-09")]
    assert got[1].claim_ids == (1, 2)
    assert got[0].label == "Ruritania: denied, 2025-02-05"
    assert eight.id not in marks
    assert got[0].to_dict()["claims"] == [2]
