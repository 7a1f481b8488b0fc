"""Responses on hand-written reports (none taken from evaluation data)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from tollwatch.errors import ConfigError
from tollwatch.extract import Extractor
from tollwatch.extract.response_cues import load_response_lexicon
from tollwatch.model import Claim, Document, Extraction, Response, responses_of

FIXTURE = Path(__file__).parents[1] / "fixtures" / "responses_gold.jsonl"


def _run(extractor: Extractor, text: str, published: str | None = "2025-03-14") -> Extraction:
    return extractor.extract_full(Document(id="t", text=text, published=published))


def _gold() -> list[dict[str, object]]:
    return [json.loads(x) for x in FIXTURE.read_text("utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("rec", _gold(), ids=lambda r: str(r["id"]))
def test_each_annotated_report(extractor: Extractor, rec: dict[str, object]) -> None:
    got = _run(extractor, str(rec["text"]), str(rec["published"]))
    gold = list(rec["responses"])  # type: ignore[call-overload]
    assert len(got.responses) == len(gold)
    for g, r in zip(gold, got.responses, strict=True):
        assert r.kind == g["kind"]
        assert any(n.lower() in [x.lower() for x in r.responder] for n in g["responder"])
        linked = [(got[i].metric, got[i].value) for i in r.claims]
        want = [(rec["claims"][i]["metric"], rec["claims"][i]["value"])  # type: ignore[index]
                for i in g["claims"]]
        assert linked == want
        assert g["quote"] in r.quote
        assert r.quote == str(rec["text"])[r.start:r.end]


def test_a_denial_answers_the_clash_it_names(extractor: Extractor) -> None:
    text = ("Villagers said 9 militiamen were killed in an ambush on the hill road. "
            "Separately, 40 families fled the valley, a charity said. "
            "The governor later denied that the ambush had happened.")
    got = _run(extractor, text)
    (r,) = got.responses
    assert r.kind == "denied"
    assert [(got[i].metric, got[i].value) for i in r.claims] == [("killed", 9)]


def test_neither_confirmed_nor_denied_is_not_a_denial(extractor: Extractor) -> None:
    got = _run(extractor, "Some 2,000 Ruritanian troops were sent to the front, an envoy said. "
                          "Ruritania has neither confirmed nor denied the deployment.")
    (r,) = got.responses
    assert r.kind == "neither"
    assert r.responder[0] == "Ruritania"
    assert r.about == "the deployment"
    assert [got[i].value for i in r.claims] == [2000]


def test_a_pronoun_responder_is_the_source_named_before(extractor: Extractor) -> None:
    text = ("A rebel commander said 17 police officers were abducted on the highway. "
            "The Interior Ministry issued a statement on Monday. "
            "It said it could not confirm the abductions.")
    got = _run(extractor, text)
    (r,) = got.responses
    assert r.kind == "no_comment"
    assert any("Interior Ministry" in n for n in r.responder)
    assert [got[i].value for i in r.claims] == [17]  # captured or abducted: either answers


def test_a_spokesman_speaks_for_his_body(extractor: Extractor) -> None:
    got = _run(extractor, "The Red Hand group said it had captured 6 border guards. "
                          "A spokesman for the border police refused to comment.")
    (r,) = got.responses
    assert r.kind == "no_comment"
    assert r.responder[0].lower() == "the border police"
    assert any("spokesman" in n for n in r.speaker)
    assert r.claims == [0]


def test_a_denial_of_its_own_sentence_figure(extractor: Extractor) -> None:
    got = _run(extractor, "The army denied reports that 30 of its soldiers had been killed.")
    (r,) = got.responses
    assert r.kind == "denied"
    assert [(got[i].metric, got[i].value) for i in r.claims] == [("killed", 30)]


def test_a_confirmation_that_only_states_a_figure_is_a_claim(extractor: Extractor) -> None:
    got = _run(extractor, "The health ministry confirmed that 12 people were killed in the floods.")
    assert [(c.metric, c.value) for c in got] == [("killed", 12)]
    assert got.responses == []


def test_a_confirmation_of_another_source_figure(extractor: Extractor) -> None:
    text = ("The rebels said 25 soldiers were killed in the attack. "
            "The ministry confirmed that 25 soldiers were killed.")
    got = _run(extractor, text)
    (r,) = got.responses
    assert r.kind == "confirmed"
    assert [got[i].value for i in r.claims] == [25]
    assert got[r.claims[0]].start == 0


@pytest.mark.parametrize("text", [
    "Aid convoys were denied access to the town for a week.",
    "The region has 40 confirmed cases of measles among 300 children.",
    "Reporters could not independently confirm the figures.",
    "The company confirmed the appointment of a new director.",
    "The court denied bail to the two men.",
    "Officials confirmed that talks would resume in the spring.",
])
def test_cue_words_that_answer_nothing(extractor: Extractor, text: str) -> None:
    assert _run(extractor, text).responses == []


def test_a_refusal_to_comment_on_nothing_reported_answers_no_claim(extractor: Extractor) -> None:
    got = _run(extractor, "The embassy declined to comment on the trade talks.")
    (r,) = got.responses
    assert (r.kind, r.claims) == ("no_comment", [])


def test_a_repeated_response_is_one(extractor: Extractor) -> None:
    text = ("Navy denies sinking claims\nInsurgents said 40 sailors were killed when a ship sank. "
            "The navy denied the claims on Tuesday. A navy statement again denied the claims.")
    got = _run(extractor, text)
    assert [r.kind for r in got.responses] == ["denied"]
    assert got.responses[0].claims == [0]


def test_response_date_is_resolved(extractor: Extractor) -> None:
    got = _run(extractor, "Rebels said 11 soldiers were captured. The army denied the claim on "
                          "Monday.", published="2025-03-14")
    assert got.responses[0].date == "2025-03-10"


def test_extract_still_returns_the_claims_list(extractor: Extractor) -> None:
    text = "The rebels said 25 soldiers were killed. The ministry denied the reports."
    claims = extractor.extract(Document(id="t", text=text))
    assert isinstance(claims, list)
    assert [(c.metric, c.value) for c in claims] == [("killed", 25)]
    assert [r.kind for r in responses_of(claims)] == ["denied"]
    assert responses_of([Claim("killed", 3)]) == []


def test_extraction_pickles_with_its_responses() -> None:
    e = Extraction([Claim("killed", 3)], [Response("denied", ["the army"], claims=[0])])
    back = pickle.loads(pickle.dumps(e))
    assert back == [Claim("killed", 3)]
    assert back.responses[0].responder == ["the army"]
    assert back.claims == [Claim("killed", 3)]


def test_response_round_trips() -> None:
    r = Response("neither", ["Ruritania"], about="x", claims=[1, 2], date="2025-01-02")
    assert Response.from_dict(r.to_dict()) == r
    assert Response.from_dict({"kind": "denied", "responder": "army"}).responder == ["army"]


def test_response_lexicon_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "r.yaml"
    bad.write_text("kinds:\n  shrugged: [meh]\nabout: {}\n", "utf-8")
    with pytest.raises(ConfigError, match="shrugged"):
        load_response_lexicon(str(bad))
    with pytest.raises(ConfigError, match="cannot read"):
        load_response_lexicon(str(tmp_path / "missing.yaml"))


def test_a_spokesperson_of_a_nation_answers_for_it(extractor: Extractor) -> None:
    got = _run(extractor, "Monitors said 3,000 Moroccan volunteers had fled the camp. "
                          "A Moroccan spokesperson dismissed the figures as false.")
    (r,) = got.responses
    assert (r.kind, r.responder[0]) == ("denied", "Morocco")
    assert any("spokesperson" in n for n in r.speaker)


def test_it_after_a_named_reporter_is_that_reporter(extractor: Extractor) -> None:
    text = ("Alliance Strike Hits Depot\nThe coalition said it had struck a depot near the "
            "port, and it could not confirm whether 20 workers had been killed.")
    got = _run(extractor, text)
    (r,) = got.responses
    assert r.kind == "no_comment"
    assert r.responder[0].lower() in ("the coalition", "coalition")
