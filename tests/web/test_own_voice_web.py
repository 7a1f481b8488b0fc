"""``own_voice=`` on ``/api/v1/timeline`` and the web series page (issues 11 and 16): an
outlet's own-voice figures hidden by default, shown marked or alone on request; the same
answers from the in-memory reconciliation and from the view kept in the store. Live
server on loopback, real SQLite, an invented story."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from own_voice_story import (  # type: ignore[import-not-found]
    MINISTRY,
    MONITOR,
    OWN_OUTLET,
    fill_own_voice_story,
)
from tollwatch.reconcile.stored import rebuild
from tollwatch.store import Store

from .conftest import make_client


@pytest.fixture
def story_db(tmp_path: Path) -> str:
    db = str(tmp_path / "ownvoice.db")
    with Store.open(db) as store:
        fill_own_voice_story(store)
    return db


def _answers(c: httpx.Client) -> list[Any]:
    out = []
    for voice in (None, "hide", "show", "only"):
        params = {"group": "detainees"} | ({"own_voice": voice} if voice else {})
        r = c.get("/api/v1/timeline", params=params)
        assert r.status_code == 200, params
        body = r.json()
        out.append((body["own_voice"], body["total"],
                    [(i["id"], i["origin"], i["own_voice"], len(i["reports"]))
                     for i in body["items"]]))
    return out


def test_timeline_api_in_memory_and_stored(story_db: str) -> None:
    with make_client(story_db) as c:
        memory = _answers(c)
        assert c.get("/api/v1/timeline", params={"group": "detainees",
                                                  "own_voice": "loud"}).status_code == 422
    with Store.open(story_db) as store:
        rebuild(store)
    with make_client(story_db) as c:
        assert c.get("/api/v1/health", params={"warm": 1}).json()["view"] == "stored"
        stored = _answers(c)
    assert stored == memory
    default, hide, show, only = memory
    assert default[0] == "hide" and default[1:] == hide[1:]
    assert [(o, ov, n) for _, o, ov, n in hide[2]] == [(MINISTRY, False, 2), (MONITOR, False, 2)]
    assert show[1] == 3 and [ov for _, _, ov, _ in show[2]] == [False, False, True]
    assert [(o, ov) for _, o, ov, _ in only[2]] == [(OWN_OUTLET, True)]


def test_restatement_reasons_in_the_api(story_db: str) -> None:
    with make_client(story_db) as c:
        items = c.get("/api/v1/timeline", params={"group": "detainees"}).json()["items"]
    reasons = [r["reason"] for r in items[0]["reports"]]
    assert reasons[1] == f"own-voice restatement of {MINISTRY}'s figure"
    assert OWN_OUTLET not in items[0]["aliases"]


def test_series_page_hides_shows_and_links_the_choice(story_db: str) -> None:
    with make_client(story_db) as c:
        hidden = c.get("/series", params={"group": "detainees"})
        shown = c.get("/series", params={"group": "detainees", "own_voice": "show"})
        only = c.get("/series", params={"group": "detainees", "own_voice": "only"})
        assert c.get("/series", params={"group": "detainees",
                                        "own_voice": "loud"}).status_code == 422
    assert hidden.status_code == shown.status_code == only.status_code == 200
    assert OWN_OUTLET not in hidden.text.split("<table", 1)[1]
    assert "2 underlying claims" in hidden.text
    assert "3 underlying claims" in shown.text
    assert f"{OWN_OUTLET} <span class=\"own-voice\">(own voice)</span>" in shown.text
    assert "1 underlying claims" in only.text and MINISTRY not in only.text.split("<table", 1)[1]
    # the choice is kept by the metric links and offered as three links
    assert 'href="/series?group=detainees&amp;own_voice=show"' in shown.text \
        or 'href="/series?group=detainees&own_voice=show"' in shown.text
    assert 'data-own-voice="hide"' in shown.text and 'data-own-voice="only"' in shown.text
    assert "own_voice=show&amp;metric=detained" in shown.text
    assert "own_voice" not in hidden.text.split('class="metrics"', 1)[1].split("</p>", 1)[0]


def test_the_series_list_counts_what_the_default_shows(story_db: str) -> None:
    with make_client(story_db) as c:
        items = c.get("/api/v1/series", params={"kind": "group"}).json()["items"]
    detainees = next(i for i in items if i["group"] == "detainees")
    # the ministry's and the monitor's claims with their restatements; not the outlet's own
    assert detainees["claims"] == 2 and detainees["reports"] == 4
