"""Attribution end to end: the source names, date and ``attribution`` record that
``Extractor().extract`` gives each claim, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.model import Claim

Run = Callable[..., list[Claim]]
PUB = "2024-03-08"  # a Friday


def _one(claims_of: Run, text: str, value: int) -> Claim:
    found = [c for c in claims_of(text, PUB) if c.value == value]
    assert len(found) == 1, found
    return found[0]


def test_reporting_verb_after_the_figure(claims_of: Run) -> None:
    c = _one(claims_of, "Gunmen killed 20 villagers in the hills, police said.", 20)
    assert (c.metric, c.qualifier, c.subject) == ("killed", "exact", "villagers")
    assert c.origin == ["police"]
    assert c.speaker == []
    assert c.attribution == {"how": "verb", "from": 0}
    assert c.date is None  # "said" names no day


def test_reporting_verb_with_a_day(claims_of: Run) -> None:
    c = _one(claims_of, "At least 35 people were injured in the blast, the health ministry "
             "said on Friday.", 35)
    assert (c.metric, c.qualifier) == ("injured", "min")
    assert "health ministry" in c.origin
    assert c.date == "2024-03-08"
    assert c.attribution is not None
    assert c.attribution["how"] == "verb"
    assert c.attribution["date_how"] == "verb"


def test_weekday_resolves_before_publication(claims_of: Run) -> None:
    c = _one(claims_of, "Police arrested 14 protesters, a spokesman told reporters on "
             "Thursday.", 14)
    assert c.metric == "detained"
    assert "spokesman" in c.origin
    assert c.date == "2024-03-07"


def test_according_to(claims_of: Run) -> None:
    c = _one(claims_of, "Rebels abducted 12 aid workers, according to the United Nations.", 12)
    assert c.metric == "abducted"
    assert c.subject == "aid workers"
    assert "United Nations" in c.origin
    assert c.attribution is not None and c.attribution["how"] == "according_to"


def test_quoted_speaker_with_apposition(claims_of: Run) -> None:
    c = _one(claims_of, "\u201cWe counted 17 bodies,\u201d said Marta Lind, a local nurse.", 17)
    assert c.metric == "killed"
    assert "Marta Lind" in c.origin
    assert c.attribution is not None and c.attribution["how"] == "verb"


def test_own_voice_has_no_source(claims_of: Run) -> None:
    c = _one(claims_of, "The storm left 21 dead in the coastal villages.", 21)
    assert c.metric == "killed"
    assert c.origin == [] and c.speaker == []
    assert c.attribution == {"how": "own_voice"}


def test_pronoun_refers_back_to_the_earlier_source(claims_of: Run) -> None:
    text = ("The regional governor, Paul Okon, said on Wednesday that 9 police officers "
            "were wounded. He added that 4 others were missing.")
    first = _one(claims_of, text, 9)
    second = _one(claims_of, text, 4)
    assert first.metric == "injured" and second.metric == "missing"
    for c in (first, second):
        assert "Paul Okon" in c.origin
        assert "regional governor" in c.origin
        assert c.date == "2024-03-06"
    assert first.attribution is not None and second.attribution is not None
    assert first.attribution["how"] == "verb"
    assert second.attribution["how"] == "reference"
    assert second.attribution["from"] == text.index("He added")
    assert second.attribution["date_how"] == "source"


def test_one_source_for_a_coordinated_pair(claims_of: Run) -> None:
    claims = claims_of("Eight civilians were killed and 15 were wounded in the shelling, "
                       "local officials said.", PUB)
    got = sorted((c.value, c.metric, c.civilian, tuple(c.origin)) for c in claims)
    assert got == [(8, "killed", True, ("local officials",)),
                   (15, "injured", True, ("local officials",))]


def test_plural_unnamed_source(claims_of: Run) -> None:
    c = _one(claims_of, "Relief agencies said 4,500 people had fled their homes.", 4500)
    assert c.metric == "displaced"
    assert c.origin == ["Relief agencies"]


@pytest.mark.parametrize("published", [None, "2024-03-08"])
def test_claim_offsets_point_at_the_sentence(claims_of: Run, published: str | None) -> None:
    text = "Heavy rain fell overnight. Floods killed 6 people, rescuers said."
    claims = claims_of(text, published)
    assert [c.value for c in claims] == [6]
    c = claims[0]
    assert text[c.start:c.end] == c.quote
    assert c.quote.startswith("Floods killed 6")
