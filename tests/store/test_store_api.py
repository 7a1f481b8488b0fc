from __future__ import annotations

import pytest

from tollwatch.model import Claim, Document
from tollwatch.store import DUPLICATE, NEAR_DUPLICATE, NEW, SEEN, Incoming, Store

V = "test-1"

WIRE = ("Shelling of the riverside district of Varno killed at least 14 people overnight, "
        "the regional governor said on Tuesday. Rescue crews worked through the morning to "
        "reach families trapped under collapsed apartment blocks, and the city's main "
        "hospital said it had admitted 37 wounded, several of them children. The governor "
        "blamed artillery units stationed across the river and called for an independent "
        "inquiry into the strike, which also cut electricity to much of the district.\n"
        "Aid workers described queues for bread stretching around two blocks near the old "
        "tram depot, where a field kitchen had been set up the week before. Residents said "
        "the shelling began shortly after midnight and lasted for nearly three hours.\n"
        "Municipal engineers warned that a water main damaged in the attack could leave "
        "the eastern neighbourhoods without running water for several days.\n"
        "The governor said the final toll could rise as more bodies are recovered.")


def claim(metric: str = "killed", value: int | None = 14, actor: str | None = "the army",
          origin: list[str] | None = None, date: str | None = None) -> Claim:
    return Claim(metric=metric, value=value, actor=actor, origin=origin or ["regional governor"],
                 quote="q", start=0, end=1, date=date)


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store.open(db_url)
    yield s  # type: ignore[misc]
    s.close()


def test_new_then_seen_then_duplicate(store: Store) -> None:
    doc = Document(id="w1", text=WIRE, published="2024-05-02", outlet="Sample Times")
    r = store.add_document(doc, [claim()], V, source="feed-a")
    assert (r.outcome, r.doc_id, r.claims_added) == (NEW, "w1", 1)
    assert store.add_document(doc, [claim()], V, source="feed-a").outcome == SEEN
    copy = Document(id="w1-copy", text="  " + WIRE.replace(" ", "\n", 3).upper() + "\n")
    r = store.add_document(copy, [claim()], V, source="feed-b")
    assert (r.outcome, r.duplicate_of) == (DUPLICATE, "w1")
    stats = store.stats()
    assert (stats.documents, stats.claims, stats.copies) == (1, 1, 1)
    stored = store.get_document("w1")
    assert stored is not None and stored.copies == ["feed-a", "feed-b"]


def test_near_duplicate_is_kept_and_linked(store: Store) -> None:
    store.add_document(Document(id="orig", text=WIRE), [claim()], V)
    trimmed = "Dozens hurt as shells hit Varno\n" + WIRE.rsplit("\n", 1)[0]
    r = store.add_document(Document(id="syndicated", text=trimmed), [claim()], V)
    assert r.outcome == NEAR_DUPLICATE and r.duplicate_of == "orig"
    assert r.similarity is not None and r.similarity >= 0.8
    again = trimmed.replace("Dozens hurt", "Many hurt")
    r2 = store.add_document(Document(id="third", text=again), [claim()], V)
    assert r2.outcome == NEAR_DUPLICATE and r2.duplicate_of == "orig"  # linked to the story
    got = store.get_document("syndicated")
    assert got is not None and got.near_duplicate_of == "orig"
    assert store.stats().near_duplicates == 2 and store.count_reports() == 3


def test_near_duplicates_survive_reopening(db_url: str) -> None:
    with Store.open(db_url) as s:
        s.add_document(Document(id="orig", text=WIRE), [], V)
    with Store.open(db_url) as s:
        r = s.add_document(Document(id="n", text="Update: " + WIRE), [], V)
        assert r.outcome == NEAR_DUPLICATE


def test_same_id_different_text_gets_a_derived_id(store: Store) -> None:
    store.add_document(Document(id="report", text=WIRE), [claim()], V)
    other = Document(id="report", text="Border guards detained 9 smugglers near Arbel.")
    r = store.add_document(other, [claim("detained", 9)], V)
    assert r.outcome == NEW and r.renamed_from == "report" and r.doc_id.startswith("report~")
    got = store.get_document(r.doc_id)
    assert got is not None and got.document.text == other.text
    assert store.get_document("report").document.text == WIRE  # type: ignore[union-attr]


def test_long_ids_are_clipped_not_rejected(store: Store) -> None:
    r = store.add_document(Document(id="x" * 400, text=WIRE), [], V)
    assert len(r.doc_id) <= 255


def _fill(store: Store) -> None:
    store.add_document(Document(id="b", text="Two", published="2024-02-01"), [
        claim("killed", 3, actor="The Army", origin=["Health Ministry"]),
        claim("injured", 8, actor="rebels", origin=["the health ministry", "a medic"]),
    ], V)
    store.add_document(Document(id="a", text="One", published="2024-01-01"), [
        claim("killed", 5, actor="army", origin=["UN monitors"], date="2023-12-30"),
    ], V)
    store.add_document(Document(id="c", text="Three"), [claim("killed", 1, actor=None)], V)


def test_reports_order_and_filters(store: Store) -> None:
    _fill(store)
    reports = store.reports()
    assert [(r.doc_id, r.claim.value) for r in reports] == [("a", 5), ("b", 3), ("b", 8),
                                                            ("c", 1)]
    assert reports[0].published == "2024-01-01" and reports[0].claim.date == "2023-12-30"
    assert [r.claim.value for r in store.reports(actor="ARMY", metric="killed")] == [5, 3]
    assert [r.claim.value for r in store.reports(actor="the army")] == [5, 3]
    assert [r.claim.value for r in store.reports(origin="health ministry")] == [3, 8]
    assert [r.claim.value for r in store.reports(origin="A Medic")] == [8]
    assert [r.claim.value for r in store.reports(since="2024-01-15")] == [3, 8]
    assert [r.claim.value for r in store.reports(until="2023-12")] == [5]
    assert [r.claim.value for r in store.reports(doc_id="b", metric="injured")] == [8]
    assert store.reports(actor="nobody") == []
    assert store.count_reports(actor="army") == 2 and store.count_reports() == 4
    assert [r.claim.value for r in store.reports(limit=2, offset=1)] == [3, 8]
    r = store.get_report(reports[2].claim_id)
    assert r is not None and r.claim.origin == ["the health ministry", "a medic"]
    assert store.get_report(10_000) is None
    stats = store.stats()
    assert (stats.actors, stats.sources) == (2, 4)  # army, rebels; ministry, medic, UN, governor


def test_latest_review_applies(store: Store) -> None:
    _fill(store)
    first = store.reports()[0]
    store.add_review(first.claim_id, "rejected", note="misread")
    store.add_review(first.claim_id, "accepted", {"value": 6, "bogus": 1}, reviewer="ana")
    got = store.get_report(first.claim_id)
    assert got is not None and got.status == "accepted" and got.claim.value == 6
    assert store.reports()[1].status is None
    with pytest.raises(ValueError):
        store.add_review(first.claim_id, "maybe")


def test_replace_claims_keeps_reviewed_as_superseded(store: Store) -> None:
    _fill(store)
    reviewed = store.reports(doc_id="b")[0]
    store.add_review(reviewed.claim_id, "accepted")
    stale = store.stale_documents("test-2")
    assert [d.id for _, d in stale] == ["b", "a", "c"]
    row_b = next(row for row, d in stale if d.id == "b")
    assert store.replace_claims([(row_b, [claim("killed", 4)])], "test-2") == 1
    assert [r.claim.value for r in store.reports(doc_id="b")] == [4]
    assert store.get_report(reviewed.claim_id) is None  # superseded, kept for the record
    assert [d.id for _, d in store.stale_documents("test-2")] == ["a", "c"]


def test_failed_batch_leaves_nothing(store: Store) -> None:
    good = Incoming(Document(id="g", text=WIRE), [claim()], source="s1")
    bad = Incoming(Document(id="h", text="Different words entirely here."), None, source="s2")
    with pytest.raises(ValueError):
        store.add_batch([good, bad], V)
    assert store.stats().documents == 0 and store.stats().actors == 0
    assert store.add_batch([good], V)[0].outcome == NEW  # caches were reset
    assert store.stats().claims == 1


def test_renormalise_with_a_plugged_canonicaliser(store: Store) -> None:
    _fill(store)

    def canon(name: str, kind: str) -> str:
        key = name.casefold().removeprefix("the ")
        return "armed forces" if key in ("army", "rebels") else key

    assert store.renormalise(canon) > 0
    assert store.count_reports(actor="armed forces") == 3
    assert store.stats().actors == 1


def test_untrusted_text_round_trips(store: Store) -> None:
    nasty = "'); DROP TABLE claims; -- \x1b[31m \u202e [bold]x[/bold] \U0001f600"
    store.add_document(Document(id=nasty, text=nasty + " 5 killed"), [claim(actor=nasty)], V)
    assert store.reports(actor=nasty)[0].claim.actor == nasty
    assert store.get_document(nasty) is not None


def test_nul_characters_are_stored_as_replacement_characters(store: Store) -> None:
    text = "Medics said 4 were hurt.\x00 More later."
    store.add_document(Document(id="n\x00ul", text=text, title="t\x00"),
                       [claim(actor="x\x00y", origin=["a\x00b"])], V)
    got = store.get_document("n\ufffdul")
    assert got is not None and got.document.text == text.replace("\x00", "\ufffd")
    assert len(got.document.text) == len(text)
    assert store.reports()[0].claim.origin == ["a\ufffdb"]
