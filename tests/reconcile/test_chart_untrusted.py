"""Charts carry names that come from article text (origins, titles): the SVG stays well-formed
XML with them as text only, never markup, and a chart of random claims always renders
(every metric a panel, every named origin in the legend)."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET

import pytest
from tests.reconcile.conftest import report

from tollwatch.reconcile.chart import render_chart
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.underlying import underlying_claims

SVG = "{http://www.w3.org/2000/svg}"

HOSTILE = [
    '<script>alert("x")</script> Monitor',
    "Tom & Jerry's <b>Watch</b>",
    'Evil"><svg onload=alert(1)> Board',
    "]]></text><script>bad()</script>",
    "Zero\u200bwidth \u202eright-to-left Desk",
    "--><script>alert(1)</script><!-- Desk",
]


def _comments(svg: bytes) -> str:
    """The text matplotlib writes beside each glyph run, as XML comments."""
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    root = ET.fromstring(svg, parser=parser)  # raises when the SVG is not well-formed
    return " ".join(el.text or "" for el in root.iter(ET.Comment))


def _elements(svg: bytes) -> set[str]:
    return {el.tag.removeprefix(SVG) for el in ET.fromstring(svg).iter()}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_origin_is_text_in_a_well_formed_svg(names: Names, name: str) -> None:
    reps = [report("h1", "killed", 12, origin=[name], date="2032-05-01", claim_id=1),
            report("h2", "killed", 18, origin=[name], date="2032-05-09", claim_id=2,
                   quote="A later sentence with eighteen dead.")]
    claims = underlying_claims(reps, names=names)
    svg = render_chart(claims, "svg", title=f"Timeline: {name}")
    assert "script" not in _elements(svg) and "b" not in _elements(svg)
    assert all(not tag.startswith("on") for el in ET.fromstring(svg).iter() for tag in el.attrib)
    assert b"<script" not in svg
    # the name is still there, as text (its last word, whatever was escaped around it)
    assert re.findall(r"[A-Za-z]{3,}", name)[-1] in _comments(svg)


def test_a_hostile_title_is_escaped(names: Names) -> None:
    claims = underlying_claims([report("t1", "injured", 5, origin=["Valley Clinic"],
                                       date="2032-06-02", claim_id=1)], names=names)
    svg = render_chart(claims, "svg", title='Injured <img src=x onerror="boom()">')
    assert "img" not in _elements(svg)
    assert all("onerror" not in el.attrib for el in ET.fromstring(svg).iter())
    assert "Injured" in _comments(svg)


@pytest.mark.parametrize("seed", range(4))
def test_random_claims_always_render(names: Names, seed: int) -> None:
    rnd = random.Random(seed)
    origins = ["Valley Clinic", "Kell Coast Watch", "the regional governor", "an official"]
    reps = []
    for i in range(30):
        value = rnd.choice([5, 8, 13, 21, 34, None])
        reps.append(report(
            f"r{i}", rnd.choice(["killed", "injured", "missing"]), value,
            low=10 if value is None else None, high=20 if value is None else None,
            qualifier="range" if value is None else rnd.choice(["exact", "approx", "min",
                                                               "max"]),
            origin=[rnd.choice(origins)], actor=rnd.choice(["Peru", "Chile"]),
            date=f"2032-0{rnd.randrange(1, 10)}-{rnd.randrange(10, 28)}",
            claim_id=i + 1, quote=f"Sentence {i} with a figure."))
    claims = underlying_claims(reps, names=names)
    svg = render_chart(claims, "svg", title="random")
    text = _comments(svg)
    for metric in {c.metric for c in claims if c.date}:
        assert metric in text
    png = render_chart(claims, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000
