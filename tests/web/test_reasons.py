"""The claim page's words for a claim's recorded reasons (``data/reasons.yaml``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tollwatch.model import Claim, Document
from tollwatch.store import Store
from tollwatch.web.reasons import explain, reason_words

from .conftest import make_client

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_no_reasons_without_an_attribution() -> None:
    assert explain(None) == [] and explain({}) == []


def test_reasons_come_in_order_with_their_words() -> None:
    got = explain({"date_how": "source", "how": "continued", "from": 40,
                   "carried_by": "figure_anaphor", "headline": True})
    assert [what for what, _ in got] == ["source", "date", "carried by", "note"]
    assert got[0][1] == "continues a statement made before"
    assert got[1][1] == "the day its source’s statement was dated with"
    assert "counts back" in got[2][1]
    assert got[3][1] == "the figure is in the headline"


def test_a_flag_that_is_not_true_adds_nothing() -> None:
    assert explain({"how": "verb", "mirrored": False}) == [
        ("source", "named with a reporting verb in its sentence")]


def test_a_value_without_words_is_given_as_it_is() -> None:
    assert explain({"how": "new_rule", "date_how": "x"}) == [("source", "new_rule"),
                                                             ("date", "x")]


def test_every_documented_date_reason_has_words() -> None:
    text = (DOCS / "dates.md").read_text("utf-8")
    section = text[text.index("## `date_how` values"):]
    section = section[:section.index("\n## ", 5)]
    values = set(re.findall(r"`([a-z_]+)`", section)) - {"date_how"}
    assert {"source", "dateline", "earlier", "later"} <= values
    assert values <= set(reason_words()["date_how"])


def test_every_source_reason_of_the_model_has_words() -> None:
    from tollwatch import model

    comment = Path(model.__file__).read_text("utf-8")
    block = comment[comment.index("# why the claim has its source"):
                    comment.index("attribution: dict")]
    hows = set(re.findall(r'"([a-z_]+)"', block[:block.index('"from"')]))
    hows -= {"how"}
    assert {"verb", "own_voice", "continued"} <= hows
    assert hows <= set(reason_words()["how"])


def test_the_claim_page_gives_date_and_carrying_in_words(db: str, extractor: Any) -> None:
    why = {"how": "continued", "from": 0, "date_how": "dateline",
           "carried_by": "figure_anaphor", "mirrored": True}
    with Store.open(db) as store:
        store.add_document(
            Document(id="why-2", text="Another 20 guards were wounded."),
            [Claim(metric="injured", value=20, origin=["county sheriff"], quote="q", start=0,
                   end=30, attribution=why)], "test")
        cid = next(r.claim_id for r in store.reports(doc_id="why-2"))
    with make_client(db, extractor) as client:
        page = client.get(f"/claims/{cid}").text
    line = page[page.index('id="attribution"'):]
    line = line[:line.index("</p>")]
    assert "continues a statement made before" in line
    assert "(statement at character 0)" in line
    assert "the day of the wire dateline over its paragraph" in line
    assert "its figure counts back to the statement" in line
    assert "counted on each of two sides" in line
