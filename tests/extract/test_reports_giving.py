"""Reports that give a figure in a participle clause ("reports putting the number of dead
at 40") are its source (extract/document_refs.py, data/document_refs.yaml: reports_giving).
Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.document_refs import load_document_refs
from tollwatch.model import Claim

from .claim_lookup import get_claim, source_names

Run = Callable[..., list[Claim]]


@pytest.mark.parametrize("text", [
    "There were reports saying 40 guards had died in the riot.",
    ("Officials in the capital later called the reports putting the number of guards "
     "killed at 40 exaggerated."),
])
def test_reports_giving_the_figure(claims_of: Run, text: str) -> None:
    c = get_claim(claims_of(text), "killed", 40)
    assert "reports" in source_names(c)


def test_reports_of_something_else_give_no_figure(claims_of: Run) -> None:
    c = get_claim(claims_of("Forty guards died in the riot, amid reports suggesting unrest "
                            "in other prisons."), "killed", 40)
    assert "reports" not in source_names(c)


def test_rules() -> None:
    assert {"put", "say"} <= load_document_refs().giving_verbs
