"""Unit tests of reconcile/identity.py: which reports are one underlying claim, and why
(observed through ``underlying_claims``, which groups with ``group_items``)."""

from __future__ import annotations

from tests.reconcile.conftest import report

from tollwatch.model import Report
from tollwatch.reconcile.identity import COPY, FIRST, UNDATED, WINDOW
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.underlying import ReconcileOptions, UnderlyingClaim, underlying_claims

QUOTE = "Kest Monitor said 40 North Korean soldiers were killed."


def _claims(names: Names, rs: list[Report], **opts: object) -> list[UnderlyingClaim]:
    options = ReconcileOptions(**opts) if opts else None  # type: ignore[arg-type]
    return sorted(underlying_claims(rs, options, names=names),
                  key=lambda c: (c.date or "9999", c.origin))


def _reasons(c: UnderlyingClaim) -> list[tuple[str, str]]:
    return [(r["doc_id"], r["reason"]) for r in c.to_record()["reports"]]


def _r(doc: str, date: str | None, *, value: int = 40, origin: str = "Kest Monitor",
       published: str | None = None, quote: str | None = None, **kw: object) -> Report:
    return report(doc, "killed", value, origin=[origin], date=date,
                  published=published or date or "2031-06-01", quote=quote,
                  outlet=f"Outlet {doc}", **kw)  # type: ignore[arg-type]


def test_within_the_window_one_claim_with_reasons(names: Names) -> None:
    (c,) = _claims(names, [_r("i1", "2031-03-01", quote=QUOTE), _r("i2", "2031-03-04"),
                           _r("i3", "2031-03-04", quote=QUOTE)])
    assert _reasons(c) == [("i1", FIRST), ("i2", WINDOW.format(w=7)), ("i3", COPY)]
    assert c.date == "2031-03-01"


def test_beyond_the_window_a_second_claim(names: Names) -> None:
    a, b = _claims(names, [_r("i1", "2031-03-01"), _r("i2", "2031-03-20")])
    assert (a.kind, b.kind) == ("first", "repeat")
    assert _reasons(b) == [("i2", FIRST)]


def test_the_window_chains_from_the_latest_report(names: Names) -> None:
    # each report within 7 days of the previous one: one claim over 18 days
    (c,) = _claims(names, [_r("i1", "2031-03-01"), _r("i2", "2031-03-07"),
                           _r("i3", "2031-03-13"), _r("i4", "2031-03-19")])
    assert len(c.reports) == 4


def test_a_wider_window(names: Names) -> None:
    (c,) = _claims(names, [_r("i1", "2031-03-01"), _r("i2", "2031-03-20")], window_days=30)
    assert _reasons(c)[1] == ("i2", WINDOW.format(w=30))


def test_an_undated_report_joins_the_earlier_claim_however_late(names: Names) -> None:
    (c,) = _claims(names, [_r("i1", "2031-03-01"), _r("i2", None, published="2031-05-20")])
    assert _reasons(c)[1] == ("i2", UNDATED)


def test_attach_undated_off_keeps_it_apart(names: Names) -> None:
    cs = _claims(names, [_r("i1", "2031-03-01"), _r("i2", None, published="2031-05-20")],
                 attach_undated=False)
    assert len(cs) == 2


def test_different_figures_metrics_or_origins_are_different_claims(names: Names) -> None:
    rs = [_r("i1", "2031-03-01"), _r("i2", "2031-03-02", value=41),
          report("i3", "injured", 40, origin=["Kest Monitor"], date="2031-03-02"),
          _r("i4", "2031-03-02", origin="Orlan Vesk")]
    assert len(_claims(names, rs)) == 4


def test_a_sides_bare_name_joins_its_body(names: Names) -> None:
    (c,) = _claims(names, [_r("i1", "2031-03-01", origin="Ukraine's defence ministry"),
                           _r("i2", "2031-03-02", origin="Ukraine")])
    assert c.origin == "Ministry of Defence (Ukraine)"
    doc, reason = _reasons(c)[1]
    assert doc == "i2" and reason.startswith("'Ukraine' is the side's own voice")


def test_two_voices_of_one_side_on_one_day(names: Names) -> None:
    (c,) = _claims(names, [
        _r("i1", "2031-03-01", origin="Ukraine's defence ministry"),
        _r("i2", "2031-03-01", origin="Ukraine's health ministry", published="2031-03-03")])
    assert "dated the same day, from another voice of the same side" in _reasons(c)[1][1]


def test_two_voices_of_one_side_on_different_days_stay_apart(names: Names) -> None:
    cs = _claims(names, [
        _r("i1", "2031-03-01", origin="Ukraine's defence ministry"),
        _r("i2", "2031-03-05", origin="Ukraine's health ministry")])
    assert len(cs) == 2


def test_voices_of_different_sides_stay_apart(names: Names) -> None:
    cs = _claims(names, [_r("i1", "2031-03-01", origin="Ukraine's defence ministry"),
                         _r("i2", "2031-03-01", origin="Russia")])
    assert len(cs) == 2
