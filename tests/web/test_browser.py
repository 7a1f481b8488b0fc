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


# ------------------------------------------------------------------ a story of many origins

MONITORS = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Juniper",
            "Larch", "Maple", "Nettle", "Oak", "Poplar", "Rowan", "Spruce"]


def _many_origins_db(path: str) -> int:
    """A store of invented reports about one actor from 16 named monitors and one unnamed
    official: each monitor's killed figures over three months, one monitor's injured
    figures too, and one range. Returns the number of origins."""
    from tollwatch.model import Claim, Document
    from tollwatch.store import Store

    with Store.open(path) as store:
        n = 0
        for k, tree in enumerate(MONITORS):
            origin = f"{tree} Conflict Monitor"
            for month in (1, 2, 3):
                n += 1
                value = 100 * (k + 1) + 40 * month
                day = f"2030-0{month}-{10 + k:02d}"
                text = (f"The {origin} said on {day} that {value} Freedonian soldiers had been "
                        f"killed since the offensive began.")
                claims = [Claim(metric="killed", value=value, actor="Russia",
                                origin=[origin], date=day, quote=text, start=0, end=len(text),
                                subject="soldiers")]
                if tree == "Alder":
                    extra = f" It said {value * 3} were wounded."
                    text += extra
                    claims.append(Claim(metric="injured", value=value * 3, actor="Russia",
                                        origin=[origin], date=day, quote=extra.strip(),
                                        start=len(text) - len(extra) + 1, end=len(text)))
                store.add_document(Document(id=f"many-{n}", text=text, published=day,
                                            outlet=f"Wire {n % 5}",
                                            url=f"https://wire.example/{n}"), claims, "test",
                                   source=f"many-{n}")
        text = "An official said between 900 and 1,300 soldiers had been killed."
        store.add_document(
            Document(id="many-range", text=text, published="2030-02-20", outlet="Wire 9",
                     url="https://wire.example/range"),
            [Claim(metric="killed", value=None, low=900, high=1300, qualifier="range",
                   actor="Russia", origin=["an official"], date="2030-02-20", quote=text,
                   start=0, end=len(text))], "test", source="many-range")
    return len(MONITORS) + 1


def test_chart_of_many_origins(tmp_path: Any) -> None:
    from playwright.sync_api import sync_playwright

    from .conftest import serving

    db = str(tmp_path / "many.db")
    n_origins = _many_origins_db(db)
    with serving(db) as base, tempfile.TemporaryDirectory(prefix="tw-chromium-") as profile, \
            sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1280, "height": 900})
        try:
            pg = context.new_page()
            errors: list[str] = []
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.goto(f"{base}/series?actor=Russia")
            pg.wait_for_selector("#chart[data-ready='1']")
            # a legend entry per origin, by its common name, each in its own colour
            legend = pg.locator("#legend li")
            assert legend.count() == n_origins
            texts = [legend.nth(i).inner_text() for i in range(legend.count())]
            assert any("an official (unnamed)" in t for t in texts)
            assert any(t.strip().startswith("Alder Conflict Monitor") for t in texts)
            colours = pg.eval_on_selector_all(
                "#legend .swatch", "els => els.map(e => getComputedStyle(e).backgroundColor)")
            assert len(set(colours)) == n_origins
            # one line per origin and measure; a line joins only its own series' points
            lines = pg.eval_on_selector_all(
                "#chart path.line", "els => els.map(e => [e.dataset.series, +e.dataset.n])")
            series = {s for s, _ in lines}
            assert len(lines) == len(series) == n_origins + 1  # Alder: killed and injured
            for key, n in lines:
                pts = pg.locator(f"#chart .pt[data-series='{key}']")
                assert pts.count() == n
            alder = [s for s, _ in lines if s.startswith("Alder")]
            assert len(alder) == 2 and any("injured" in s for s in alder)
            # the range is an error bar with two caps
            rng = pg.locator("#chart .pt[data-figure='900-1,300']")
            assert rng.count() == 1
            group = pg.locator("#chart g.series", has=pg.locator(".pt[data-figure='900-1,300']"))
            assert group.locator(".errbar").count() == 1 and group.locator(".cap").count() == 2
            # hover: a point's tooltip; a legend entry brings its origin forward
            pt = pg.locator("#chart .pt[data-series^='Oak']").first
            pt.hover()
            tip = pg.locator("#tooltip")
            tip.wait_for(state="visible")
            assert "Oak Conflict Monitor" in tip.inner_text()
            legend.nth(texts.index(next(t for t in texts if t.strip().startswith("Oak")))).hover()
            assert pg.locator("#chart g.series.dim").count() == n_origins + 1 - 1
            # click opens the claim
            pg.mouse.move(0, 0)
            pg.locator("#chart .pt[data-series^='Oak']").first.click()
            pg.wait_for_url("**/claims/*")
            assert "Oak Conflict Monitor" in pg.locator("#quote").inner_text()
            assert not errors, errors
        finally:
            context.close()
