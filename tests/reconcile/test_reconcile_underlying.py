from __future__ import annotations

from conftest import expected, report  # type: ignore[import-not-found]
from tollwatch.model import Report
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.timeline import build_timeline, filter_claims
from tollwatch.reconcile.underlying import ReconcileOptions, underlying_claims

NIS = "National Intelligence Service (South Korea)"


def test_story_recovers_every_expected_claim(reports: list[Report], names: Names) -> None:
    claims = underlying_claims(reports, names=names)
    got = {(c.actor, c.metric, c.value, c.low, c.high, names.source_key(c.origin), c.date)
           for c in claims}
    for e in expected():
        key = (e["actor"], e["metric"], e["value"], e["low"], e["high"],
               names.source_key(e["origin"]), e["date"])
        if e["origin"] == "Oleksiy Dovhan":  # either spelling may be the display name
            assert any(c.metric == "captured" and c.date == e["date"] for c in claims)
            continue
        assert key in got, e
    assert len(claims) == len(expected())


def test_aliases_and_reports_of_one_claim(reports: list[Report], names: Names) -> None:
    claims = underlying_claims(reports, names=names)
    first = next(c for c in claims if c.metric == "deployed" and c.origin == NIS)
    assert first.date == "2030-01-15"
    assert [r.doc_id for r in first.reports] == ["story-01", "story-02", "story-03"]
    assert first.aliases == ["South Korea's National Intelligence Service", "Seoul's spy agency"]
    rec = first.to_record()
    assert set(rec) == {"actor", "metric", "value", "low", "high", "qualifier", "origin",
                        "aliases", "unnamed", "date", "kind", "revises", "id", "reason",
                        "group", "subset", "group_status", "own_voice", "reports"}
    assert rec["kind"] == "first" and rec["unnamed"] is False and rec["revises"] is None
    assert rec["own_voice"] is False
    assert rec["group"] == "soldiers" and rec["subset"] is None and rec["group_status"] is None
    assert set(rec["reports"][0]) == {"doc_id", "url", "outlet", "published", "quote", "reason"}
    assert rec["reports"][0]["reason"].split(";")[0] == "first report of the figure"
    assert all(r["reason"] for r in rec["reports"])


def test_updates_and_repeats(reports: list[Report], names: Names) -> None:
    claims = underlying_claims(reports, names=names)
    killed = [c for c in claims if c.metric == "killed" and c.origin == NIS]
    assert [(c.value, c.kind) for c in killed] == [(200, "first"), (600, "update"),
                                                  (1100, "update")]
    assert killed[1].revises == killed[0].id and killed[2].revises == killed[1].id
    deployed = [c.kind for c in claims if c.metric == "deployed" and c.origin == NIS]
    assert deployed == ["first", "repeat", "update"]


def test_undated_back_reference_joins_the_earlier_claim(reports: list[Report],
                                                         names: Names) -> None:
    claims = underlying_claims(reports, names=names)
    c = next(c for c in claims if c.metric == "killed" and c.value == 1100)
    assert [r.doc_id for r in c.reports] == ["story-18", "story-19", "story-20"]
    assert (c.date, c.last_date) == ("2030-11-05", "2030-12-02")
    strict = underlying_claims(reports, ReconcileOptions(attach_undated=False), names=names)
    assert len([c for c in strict if c.metric == "killed" and c.value == 1100]) == 2


def test_syndicated_own_voice_copies_share_the_first_outlet(reports: list[Report],
                                                            names: Names) -> None:
    claims = underlying_claims(reports, names=names)
    c = next(c for c in claims if c.metric == "killed" and c.value == 40)
    assert c.origin == "Harbour Ledger" and c.own_voice
    assert {r.outlet for r in c.reports} == {"Harbour Ledger", "Pacific Dispatch"}


def test_romanisation_variants_with_same_role_merge(reports: list[Report],
                                                    names: Names) -> None:
    claims = underlying_claims(reports, names=names)
    captured = [c for c in claims if c.metric == "captured"]
    assert len(captured) == 1 and len(captured[0].reports) == 2


def test_romanisation_variants_with_different_roles_stay_apart(names: Names) -> None:
    rs = [report("a", "killed", 12, origin=["Colonel Pavlo Hrytsenko"], date="2031-03-01"),
          report("b", "killed", 12, origin=["Mayor Pavlo Hrytsenko"], date="2031-03-01"),
          report("c", "killed", 12, origin=["Colonel Pavlo Gritsenko"], date="2031-03-01")]
    claims = underlying_claims(rs, names=names)
    # the same name, one with another title, is still one person; a variant needs the role
    assert len(claims) == 1
    rs2 = [report("a", "killed", 12, origin=["Colonel Pavlo Hrytsenko"], date="2031-03-01"),
           report("b", "killed", 12, origin=["Mayor Pavlo Gritsenko"], date="2031-03-01")]
    assert len(underlying_claims(rs2, names=names)) == 2


def test_window(names: Names) -> None:
    rs = [report("a", "killed", 50, origin=["OCHA"], date="2031-01-01"),
          report("b", "killed", 50, origin=["UN humanitarian office"], date="2031-01-06"),
          report("c", "killed", 50, origin=["OCHA"], date="2031-01-12"),
          report("d", "killed", 50, origin=["OCHA"], date="2031-01-25")]
    claims = underlying_claims(rs, names=names)
    assert [[r.doc_id for r in c.reports] for c in claims] == [["a", "b", "c"], ["d"]]
    wide = underlying_claims(rs, ReconcileOptions(window_days=30), names=names)
    assert len(wide) == 1


def test_competing_origins_and_actor_variants(names: Names) -> None:
    rs = [report("a", "displaced", 4000, origin=["UNHCR"], actor="Sudanese", date="2031-02-01"),
          report("b", "displaced", 4000, origin=["IOM"], actor="Sudan", date="2031-02-01"),
          report("c", "displaced", 4000, origin=["UN refugee agency"], actor=None,
                 subject="Sudanese civilians", date="2031-02-02")]
    claims = underlying_claims(rs, names=names)
    assert sorted((c.origin, len(c.reports)) for c in claims) == [("IOM", 1), ("UNHCR", 2)]
    assert {c.actor for c in claims} == {"Sudan"}


def test_origin_falls_back_to_speaker_then_outlet(names: Names) -> None:
    rs = [report("a", "killed", 9, origin=[], speaker=["Governor Amina Yusuf"], date="2031-02-01"),
          report("b", "killed", 11, origin=[], outlet="Coast Gazette", date="2031-02-01")]
    claims = underlying_claims(rs, names=names)
    assert sorted((c.origin, c.own_voice) for c in claims) == [
        ("Amina Yusuf", False), ("Coast Gazette", True)]


def test_syndicated_copy_takes_the_named_origin(names: Names) -> None:
    q = "Officials said 31 miners were abducted near the border on Friday."
    rs = [report("a", "abducted", 31, origin=["Officials"], quote=q, outlet="One",
                 published="2031-04-05"),
          report("b", "abducted", 31, origin=[], quote=q, outlet="Two", published="2031-04-06")]
    claims = underlying_claims(rs, names=names)
    assert len(claims) == 1 and claims[0].origin == "Officials"


def test_filtered_reports_are_left_out(names: Names) -> None:
    rs = [report("a", "killed", 5, origin=["OCHA"], status="rejected"),
          report("b", "killed", 6, origin=["OCHA"], stance="denied"),
          report("c", "killed", 7, origin=["OCHA"], stance="hypothetical"),
          report("d", "killed", None, origin=["OCHA"]),
          report("e", "killed", 8, origin=["OCHA"], status="accepted")]
    assert [c.value for c in underlying_claims(rs, names=names)] == [8]
    opts = ReconcileOptions(include_rejected=True, include_denied=True)
    assert len(underlying_claims(rs, opts, names=names)) == 3


def test_reports_without_any_date(names: Names) -> None:
    rs = [report("a", "killed", 3, origin=["OCHA"], published=None),
          report("b", "killed", 3, origin=["OCHA"], published=None),
          report("c", "killed", 4, origin=["OCHA"], date="2031-01-01")]
    claims = underlying_claims(rs, names=names)
    assert [(c.value, c.date, len(c.reports)) for c in claims] == [(4, "2031-01-01", 1),
                                                                   (3, None, 2)]


def test_order_of_reports_does_not_matter(reports: list[Report], names: Names) -> None:
    a = [c.to_dict() for c in underlying_claims(reports, names=names)]
    b = [c.to_dict() for c in underlying_claims(list(reversed(reports)), names=names)]
    assert [(x["id"], x["date"]) for x in a] == [(x["id"], x["date"]) for x in b]


def test_timeline_filters(reports: list[Report], names: Names) -> None:
    tl = build_timeline(reports, "Pyongyang", names=names)
    # one of the 18 is an outlet's own figure (no source named): hidden unless asked for
    assert len(tl) == 17 and all(c.actor == "North Korea" for c in tl)
    assert len(build_timeline(reports, "Pyongyang", names=names, voice="show")) == 18
    assert [c.date for c in tl] == sorted(c.date or "" for c in tl)
    assert len(build_timeline(reports, "DPRK", metric="killed", names=names)) == 4
    at = build_timeline(reports, "North Korean", location="Belgorod region", names=names)
    assert at and all(any((r.location or "").startswith("Belgorod") for r in c.reports)
                      for c in at)
    assert len(build_timeline(reports, "Russians", names=names)) == 1
    assert build_timeline(reports, "Ruritania", names=names) == []
    claims = underlying_claims(reports, names=names)
    assert len(filter_claims(claims, origin="Seoul's spy agency", names=names)) == 9


def test_person_given_as_origin_stands_for_the_body_they_relay(names: Names) -> None:
    rs = [report("a", "killed", 70, origin=["NIS"], speaker=["lawmaker Han Jeong-woo"],
                 date="2031-03-01"),
          report("b", "killed", 70, origin=["Opposition lawmaker Han Jung-woo"],
                 date="2031-03-01")]
    claims = underlying_claims(rs, names=names)
    assert len(claims) == 1 and claims[0].origin == NIS


def test_generic_names_beside_an_origin_do_not_merge_bodies(names: Names) -> None:
    rs = [report("a", "casualties", 500, origin=["Ukraine's General Staff", "General Staff"],
                 date="2031-03-01"),
          report("b", "casualties", 500, origin=["Russia's General Staff", "General Staff"],
                 date="2031-03-01"),
          report("c", "casualties", 500, origin=["The Defense Department", "US"],
                 date="2031-03-01")]
    origins = sorted(c.origin for c in underlying_claims(rs, names=names))
    assert origins == ["Armed forces (Russia)", "Department of Defense (United States)",
                       "General Staff of the Armed Forces of Ukraine"]


def test_actor_from_the_quote_when_the_claim_has_none(names: Names) -> None:
    r = report("a", "casualties", None, low=4000, high=5000, qualifier="range", actor=None,
               origin=["Britain's Defence Intelligence"],
               quote="Britain's Defence Intelligence said North Korea had suffered between "
                     "4,000 and 5,000 casualties.")
    assert underlying_claims([r], names=names)[0].actor == "North Korea"
    r2 = report("b", "killed", 30, actor="Ukraine", origin=["Ukrainian military intelligence"],
                subject="troops",
                quote="Ukrainian military intelligence said Pyongyang had lost 30 troops.")
    assert underlying_claims([r2], names=names)[0].actor == "North Korea"
    r3 = report("c", "killed", 30, actor="Ukraine", origin=["Ukraine's General Staff"],
                subject="Ukrainian soldiers",
                quote="Ukraine's General Staff said 30 Ukrainian soldiers were killed.")
    assert underlying_claims([r3], names=names)[0].actor == "Ukraine"


def test_a_non_name_origin_falls_back_to_a_body_named_in_the_quote(names: Names) -> None:
    q = "Seoul's spy agency believes some 900 soldiers were sent, according to a briefing."
    rs = [report("a", "deployed", 900, origin=["a briefing"], quote=q, date="2031-03-01"),
          report("b", "deployed", 900, origin=["NIS"], date="2031-03-02")]
    claims = underlying_claims(rs, names=names)
    assert len(claims) == 1 and claims[0].origin == NIS
    r = report("c", "deployed", 5, origin=["the statement"], quote="It said 5 were sent.",
               outlet="Coast Gazette")
    assert underlying_claims([r], names=names)[0].origin == "Coast Gazette"
