"""A counted group's series in Debian's Chromium, headless, driven by Playwright: the
overview links the detainee series, its page draws one line per origin and status
(released and still held dashed, apart from the figures taken), a hover names the
group's status, a click opens the claim, and nothing is asked of any other server."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import serving
from .group_story import MINISTRY, MONITOR, group_db, group_template_db  # noqa: F401

CHROMIUM = "/usr/bin/chromium"

if not os.path.exists(CHROMIUM) and os.environ.get("TOLLWATCH_REQUIRE_BROWSER") == "1":
    raise RuntimeError(f"{CHROMIUM} is absent but TOLLWATCH_REQUIRE_BROWSER=1 (CI)")

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"{CHROMIUM} is absent (apt-get install chromium)")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def page(group_db: str, extractor: Any) -> Iterator[tuple[Any, str, list[str]]]:  # noqa: F811
    from playwright.sync_api import sync_playwright

    requested: list[str] = []
    with serving(group_db, extractor) as base, \
            tempfile.TemporaryDirectory(prefix="tw-chromium-") as profile, \
            sync_playwright() as p:
        # a fresh --user-data-dir: Playwright passes the profile directory itself
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            pg = context.new_page()
            pg.on("request", lambda r: requested.append(r.url))
            errors: list[str] = []
            pg.on("pageerror", lambda e: errors.append(str(e)))
            yield pg, base, requested
            assert not errors, errors
        finally:
            context.close()


def test_group_series_in_the_browser(page: tuple[Any, str, list[str]]) -> None:
    pg, base, requested = page
    pg.goto(f"{base}/")
    link = pg.locator("tr.group-series a", has_text="detainees")
    assert link.count() == 1
    link.click()
    pg.wait_for_url("**/series?group=detainees&metric=detained")
    pg.wait_for_selector("#chart[data-ready='1']")
    assert pg.locator("h1").inner_text() == "detainees: detained"

    points = pg.locator("#chart .pt")
    assert points.count() == int(pg.get_attribute("#chart", "data-points") or 0) == 7
    # one line per series (SeriesKey): each origin's detainees, and each status and subset
    # a series of its own: taken, released, still held, children
    series = sorted(pg.locator("#chart g.series").evaluate_all(
        "gs => gs.map(g => [g.getAttribute('data-origin'), g.getAttribute('data-series')])"))
    assert sorted({o for o, _ in series}) == sorted([MINISTRY, MONITOR])
    assert len(series) == 5
    keys = [k for _, k in series]
    assert any(k.startswith(MINISTRY) and k.endswith("[detainees, released]") for k in keys)
    assert any(k.startswith(MONITOR) and k.endswith("[detainees, held]") for k in keys)
    assert any(k.startswith(MONITOR) and k.endswith("[detainees (children)]") for k in keys)
    assert sum(k.endswith("[detainees]") for k in keys) == 2
    dashed = pg.locator("#chart g.series path.line[stroke-dasharray]")
    assert dashed.count() == 2  # the status sub-series
    # the legend names each origin once, in its colour, with its points
    legend = pg.locator("#legend li").all_inner_texts()
    assert any(f"{MINISTRY} (3)" in t for t in legend)
    assert any(f"{MONITOR} (4)" in t for t in legend)

    held = pg.locator("#chart .pt[data-figure$='430']")
    held.hover()
    tip = pg.locator("#tooltip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert "430 detained" in text and "group: detainees, held" in text
    assert MONITOR in text and "2031-06-02" in text and "still held" in text

    row = pg.locator("table.timeline tr", has_text="150")
    assert "detainees, released" in row.inner_text()

    held.click()
    pg.wait_for_url("**/claims/*")
    assert "430 detainees were still held" in pg.locator("#quote").inner_text()

    outside = [u for u in requested if not u.startswith(base) and not u.startswith("data:")]
    assert not outside, outside


def test_group_page_metric_links(page: tuple[Any, str, list[str]]) -> None:
    pg, base, _ = page
    pg.goto(f"{base}/series?group=captives")
    pg.wait_for_selector("#chart[data-ready='1']")
    assert pg.get_attribute("#chart", "data-points") == "0"  # no hostages in this story
    pg.goto(f"{base}/series?group=detainees")
    pg.wait_for_selector("#chart[data-ready='1']")
    pg.locator("p.metrics a", has_text="detained").click()
    pg.wait_for_url("**/series?group=detainees&metric=detained")
    assert pg.locator("#chart .pt").count() == 7
