"""repeats.py: one claim per figure, source and group; headline repeats fold together."""

from __future__ import annotations

from typing import Any

from tollwatch.extract.repeats import dedup, described, same_group, same_source
from tollwatch.model import Claim


def _c(value: int, origin: list[str] | None = None, *, metric: str = "killed",
       start: int = 0, actor: str | None = None, date: str | None = None,
       attribution: dict[str, Any] | None = None, quote: str = "x") -> Claim:
    return Claim(metric=metric, value=value, origin=origin or [], start=start, end=start + 5,
                 actor=actor, date=date, attribution=attribution, quote=quote)


def test_same_source_by_shared_name() -> None:
    assert same_source(_c(5, ["the Health Ministry"]), _c(5, ["health ministry"]))
    assert same_source(_c(5, ["Dr Ana Ruiz", "the hospital"]), _c(5, ["The Hospital"]))


def test_different_sources() -> None:
    assert not same_source(_c(5, ["the police"]), _c(5, ["the Red Cross"]))


def test_article_voice_is_one_source() -> None:
    assert same_source(_c(5), _c(5))
    assert not same_source(_c(5), _c(5, ["the police"]))


def test_speaker_stands_in_for_origin() -> None:
    a = Claim(metric="killed", value=5, speaker=["the mayor"])
    b = Claim(metric="killed", value=5, origin=["The Mayor"])
    assert same_source(a, b)


def test_described_shares_a_word() -> None:
    a = _c(5, ["a security official"])
    b = _c(5, ["the security minister, General Jane Doe"])
    assert described(a, b)
    assert described(b, a)


def test_described_needs_a_description() -> None:
    assert not described(_c(5, ["the police"]), _c(5, ["police chief"]))
    assert not described(_c(5, ["a security official"]), _c(5))


def test_dedup_drops_a_later_repeat_from_one_source() -> None:
    first = _c(12, ["the police"], start=0)
    again = _c(12, ["police"], start=100)
    out = dedup([first, again])
    assert out == [first]


def test_dedup_keeps_other_sources() -> None:
    a = _c(12, ["the police"], start=0)
    b = _c(12, ["the Red Cross"], start=100)
    assert dedup([a, b]) == [a, b]


def test_dedup_keeps_other_metrics_and_values() -> None:
    a = _c(12, ["the police"], start=0)
    b = _c(12, ["the police"], start=50, metric="injured")
    c = _c(13, ["the police"], start=100)
    assert dedup([a, b, c]) == [a, b, c]


def test_dedup_keeps_other_groups() -> None:
    a = _c(12, ["the police"], start=0, actor="Atlantis")
    b = _c(12, ["the police"], start=100, actor="Lemuria")
    assert dedup([a, b]) == [a, b]


def test_dedup_repeat_lends_its_group() -> None:
    a = _c(12, ["the police"], start=0)
    b = _c(12, ["the police"], start=100, actor="Atlantis")
    out = dedup([a, b])
    assert out == [a]
    assert a.actor == "Atlantis"


def test_unsourced_headline_takes_the_body_source() -> None:
    head = _c(30, start=0, attribution={"how": "own_voice", "headline": True})
    body = _c(30, ["the regional governor"], start=80, date="2024-05-02",
              attribution={"how": "verb", "from": 80})
    out = dedup([head, body])
    assert out == [head]
    assert head.origin == ["the regional governor"]
    assert head.date == "2024-05-02"
    assert head.attribution is not None
    assert head.attribution["how"] == "repeat"
    assert head.attribution["headline"] is True


def test_body_own_voice_repeat_of_headline_is_dropped() -> None:
    head = _c(30, ["governor"], start=0, attribution={"how": "headline", "headline": True})
    body = _c(30, start=80, attribution={"how": "own_voice"})
    assert dedup([head, body]) == [head]


def test_end_to_end_repeat_is_one_claim(claims_of: Any) -> None:
    text = ("Floods killed 14 people in the valley, the civil defence agency said on Monday. "
            "The civil defence agency said the 14 people killed included four children.")
    fourteen = [c for c in claims_of(text, "2024-05-06") if c.value == 14]
    assert len(fourteen) == 1
    assert fourteen[0].metric == "killed"
    assert fourteen[0].start == 0


def _g(value: int, origin: list[str], *, start: int, subject: str | None = None,
       civilian: bool | None = None, quote: str = "x") -> Claim:
    return Claim(metric="killed", value=value, origin=origin, start=start, end=start + 5,
                 subject=subject, civilian=civilian, quote=quote)


def test_two_figures_of_one_sentence_are_two_groups() -> None:
    a = _g(6, ["the army"], start=40, subject="soldiers", civilian=False)
    b = _g(6, ["the army"], start=40, subject="others")
    assert dedup([a, b]) == [a, b]


def test_a_headline_run_into_its_lead_still_folds() -> None:
    quote = "Toll rises to 40\nThe agency said the toll rose to 40."
    a = _g(40, ["the agency"], start=0, quote=quote)
    b = _g(40, ["the agency"], start=0, quote=quote)
    assert dedup([a, b]) == [a]


def test_civilians_and_fighters_are_two_groups() -> None:
    a = _g(3, ["the governor"], start=0, subject="gunmen", civilian=False)
    b = _g(3, ["the governor"], start=90, subject="farmers", civilian=True)
    assert dedup([a, b]) == [a, b]


def test_soldiers_and_militants_are_two_groups() -> None:
    a = _g(3, ["the army"], start=0, subject="paratroopers", civilian=False)
    b = _g(3, ["the army"], start=90, subject="insurgents", civilian=False)
    assert dedup([a, b]) == [a, b]
    c = _g(3, ["the army"], start=150, subject="soldiers", civilian=False)
    assert same_group(a, c)


def test_a_short_name_opening_or_ending_the_long_one_is_one_source() -> None:
    assert same_source(_c(4, ["President Ana Ruiz"]), _c(4, ["the president"]))
    assert same_source(_c(4, ["the Interior Ministry"]), _c(4, ["the ministry"]))
    assert not same_source(_c(4, ["the registrar of the academy"]), _c(4, ["the academy"]))
    assert not same_source(_c(4, ["the police"]), _c(4, ["the mayor"]))


def test_a_description_and_a_title_name_one_person() -> None:
    assert same_source(_c(25, ["the regional governor"]), _c(25, ["Governor Lena Okafor"]))
    assert not same_source(_c(25, ["civilian militia"]), _c(25, ["militia leader Ada Kolo"]))
    assert not same_source(_c(25, ["the Vell Health Ministry"]),
                           _c(25, ["Ministry of Public Health"]))
