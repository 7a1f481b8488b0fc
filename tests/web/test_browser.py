"""End to end in Debian's Chromium, headless, driven by Playwright: the series chart draws
its points, a hover shows the figure, outlet, date and quote, a click opens the claim,
accepting it (with a corrected figure) shows in the timeline, and no page asks for
anything but the test server."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"

if not os.path.exists(CHROMIUM) and os.environ.get("TOLLWATCH_REQUIRE_BROWSER") == "1":
    raise RuntimeError(f"{CHROMIUM} is absent but TOLLWATCH_REQUIRE_BROWSER=1 (CI)")

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"{CHROMIUM} is absent (apt-get install chromium; "
                                       "see .ci/system-deps)")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def page(live_server: str) -> Iterator[tuple[Any, str, list[str]]]:
    from playwright.sync_api import sync_playwright

    requested: list[str] = []
    with tempfile.TemporaryDirectory(prefix="tw-chromium-") as profile, \
            sync_playwright() as p:
        # a fresh --user-data-dir: Playwright passes the profile directory itself
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            pg = context.new_page()
            pg.on("request", lambda r: requested.append(r.url))
            errors: list[str] = []
            pg.on("pageerror", lambda e: errors.append(str(e)))
            yield pg, live_server, requested
            assert not errors, errors
        finally:
            context.close()


def test_series_chart_hover_open_accept(page: tuple[Any, str, list[str]]) -> None:
    from playwright.sync_api import expect

    from .conftest import TOKEN

    pg, base, requested = page
    pg.goto(f"{base}/series?actor=Russia&metric=killed")
    pg.wait_for_selector("#chart[data-ready='1']")
    points = pg.locator("#chart .pt")
    assert points.count() == int(pg.get_attribute("#chart", "data-points") or 0) == 4
    assert pg.locator("#legend li").count() == 3

    isw = pg.locator("#chart .pt[data-figure='\u2265400']")
    isw.hover()
    tip = pg.locator("#tooltip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert "\u2265400 killed" in text and "Valley Times" in text and "2025-02-14" in text
    assert "Institute for the Study of War" in text and "at least 400 Russian soldiers" in text

    isw.click()
    pg.wait_for_url("**/claims/*")
    claim_url = pg.url
    assert pg.locator("#quote").inner_text().startswith("The Institute for the Study of War")
    pg.locator("details.token summary").click()
    pg.fill("#token", TOKEN)
    pg.click("#token-save")
    pg.fill("#f-value", "425")
    pg.fill("#f-qualifier", "exact")
    pg.fill("#note", "checked against the briefing")
    pg.click("#accept")
    expect(pg.locator("#status")).to_have_text("accepted")

    pg.goto(f"{base}/series?actor=Russia&metric=killed")
    pg.wait_for_selector("#chart[data-ready='1']")
    accepted = pg.locator("#chart .pt.accepted")
    assert accepted.count() == 1 and accepted.get_attribute("data-figure") == "425"
    assert pg.locator("#chart .pt[data-figure='\u2265400']").count() == 0
    accepted.hover()
    assert "reviewed: accepted" in pg.locator("#tooltip").inner_text()
    row = pg.locator("table.timeline tr", has_text="425")
    assert "accepted" in row.inner_text()

    # keyboard review from the queue: reject the first claim with 'r'
    pg.goto(f"{base}/review")
    first = pg.locator("#queue tbody tr").first
    claim_id = first.get_attribute("data-claim")
    pg.keyboard.press("r")
    expect(first.locator(".st")).to_have_text("rejected")
    pg.goto(f"{base}/claims/{claim_id}")
    assert pg.locator("#status").inner_text() == "rejected"
    assert claim_url.startswith(base)

    # every request of every page went to the test server
    outside = [u for u in requested if not u.startswith(base) and not u.startswith("data:")]
    assert not outside, outside


def test_hostile_article_runs_no_script(page: tuple[Any, str, list[str]]) -> None:
    pg, base, requested = page
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(f"{base}/documents/web-hostile")
    assert "<script>alert(\"text\")</script>" in pg.locator("#article").inner_text()
    assert pg.locator("#article img, #article script, #article iframe, #article svg").count() == 0
    pg.goto(f"{base}/series?actor=Russia&metric=killed")
    pg.wait_for_selector("#chart[data-ready='1']")
    for i in range(pg.locator("#chart .pt").count()):
        pg.locator("#chart .pt").nth(i).hover()
    assert not dialogs
    outside = [u for u in requested if not u.startswith(base) and not u.startswith("data:")]
    assert not outside, outside
