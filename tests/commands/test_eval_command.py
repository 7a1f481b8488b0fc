"""``tollwatch eval`` and ``tollwatch extract`` in process, on a gold file written here.

What is checked is the commands' contract, not how good extraction is: the JSON measures'
shape, that scoring extraction against its own predictions is perfect, that ``eval
--predictions`` writes what ``extract --jsonl`` prints, that ``--errors`` lists every class,
and that a bad gold file is one line naming it and its line, exit 2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.evaluate import ERROR_CLASSES

RECORDS: list[dict[str, Any]] = [
    {"id": "g1", "published": "2031-02-03", "text": (
        "At least 14 dock workers were killed when a crane collapsed at the Vesk harbour on "
        "Tuesday, the port authority said. Another 22 were injured, according to the city "
        "hospital."),
     "claims": [{"metric": "killed", "value": 14, "qualifier": "min"},
                {"metric": "injured", "value": 22}]},
    {"id": "g2", "published": "2031-02-05", "text": (
        "Border guards detained 9 men near the northern crossing overnight, a spokesman for "
        "the interior ministry said."),
     "claims": [{"metric": "detained", "value": 9}]},
    {"id": "g3", "published": "2031-02-06", "text": (
        "The council met on Thursday to discuss the new bridge and voted 7 to 2 for it."),
     "claims": []},
]


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "120"})


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("gold") / "gold.jsonl", RECORDS)


@pytest.fixture(scope="module")
def evaluated(gold: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any],
                                                                               Path]:
    preds = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    r = run("eval", str(gold), "--json", "-j", "1", "--predictions", str(preds))
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout), preds


def test_the_json_measures_have_their_shape(evaluated: tuple[dict[str, Any], Path]) -> None:
    measures, _ = evaluated
    assert measures["docs"] == 3 and measures["gold"] == 3
    for k in ("precision", "recall", "f1"):
        assert 0.0 <= measures[k] <= 1.0
    assert 0 <= measures["matched"] <= min(measures["gold"], measures["predicted"])
    for k in ("qualifier_acc", "actor_acc", "civilian_acc", "source_acc", "date_acc"):
        assert k in measures
    assert set(measures["per_metric"]) <= {"killed", "injured", "detained", "casualties",
                                           "captured", "missing", "deployed", "displaced",
                                           "abducted", "defected"}
    gold_per_metric = sum(int(v["gold"]) for v in measures["per_metric"].values())
    assert gold_per_metric == measures["gold"]


def test_predictions_are_one_line_a_document(evaluated: tuple[dict[str, Any], Path]) -> None:
    measures, preds = evaluated
    lines = [json.loads(ln) for ln in preds.read_text(encoding="utf-8").splitlines()]
    assert [ln["id"] for ln in lines] == ["g1", "g2", "g3"]
    assert sum(len(ln["claims"]) for ln in lines) == measures["predicted"]
    for ln, rec in zip(lines, RECORDS, strict=True):
        for c in ln["claims"]:
            assert rec["text"][c["start"]:c["end"]] == c["quote"]
        assert isinstance(ln["responses"], list)


def test_extraction_scored_against_itself_is_perfect(evaluated: tuple[dict[str, Any], Path],
                                                     tmp_path: Path) -> None:
    _, preds = evaluated
    by_id = {ln["id"]: ln for ln in map(json.loads, preds.read_text("utf-8").splitlines())}
    own = [{**{k: v for k, v in rec.items() if k != "claims"},
            "claims": by_id[rec["id"]]["claims"]} for rec in RECORDS]
    if not any(r["claims"] for r in own):
        pytest.skip("nothing extracted to score")
    r = run("eval", str(_write(tmp_path / "own.jsonl", own)), "--json", "-j", "1")
    assert r.exit_code == 0, r.output
    m = json.loads(r.stdout)
    assert m["gold"] == m["predicted"] == m["matched"]
    assert (m["precision"], m["recall"], m["f1"]) == (1.0, 1.0, 1.0)
    for k in ("qualifier_acc", "actor_acc", "civilian_acc", "date_acc"):
        assert m[k] in (1.0, None)


def test_eval_predictions_are_what_extract_prints(gold: Path,
                                                  evaluated: tuple[dict[str, Any], Path]
                                                  ) -> None:
    _, preds = evaluated
    r = run("extract", str(gold), "--jsonl", "-j", "1")
    assert r.exit_code == 0, r.output
    printed = {ln["id"]: ln for ln in map(json.loads, r.stdout.splitlines())}
    written = {ln["id"]: ln for ln in map(json.loads, preds.read_text("utf-8").splitlines())}
    assert set(printed) == set(written) == {"g1", "g2", "g3"}
    for doc_id, ln in written.items():
        strip = [{k: v for k, v in c.items() if k in ln["claims"][0]} for c in
                 printed[doc_id]["claims"]] if ln["claims"] else printed[doc_id]["claims"]
        assert strip == ln["claims"]


def test_errors_lists_every_class(gold: Path) -> None:
    r = run("eval", str(gold), "--errors", "2", "-j", "1")
    assert r.exit_code == 0, r.output
    head = next(ln for ln in r.stderr.splitlines() if ln.startswith("errors by class:"))
    for cls in ERROR_CLASSES:
        assert f"{cls} " in head
    counts = dict(part.rsplit(" ", 1) for part in head.split(": ", 1)[1].split(", "))
    shown = [ln.split("\t", 1)[0] for ln in r.stderr.splitlines()[1:] if "\t" in ln]
    for cls in ERROR_CLASSES:
        assert shown.count(cls) == min(2, int(counts[cls]))


def test_the_table_names_the_gold_file(gold: Path) -> None:
    r = run("eval", str(gold), "-j", "1")
    assert r.exit_code == 0
    flat = " ".join(r.stdout.split())  # the title may wrap
    assert "3 documents" in flat and "per metric" in flat
    assert str(gold) in "".join(r.stdout.split())
    for k in ("precision", "recall", "f1"):
        assert k in r.stdout


@pytest.mark.parametrize("content,line,what", [
    ('{"id": "a", "text": "Four were hurt."}\n{"id": "b", "text": \n', 2, "malformed JSON"),
    ('{"id": "a"}\n', 1, "needs id and text"),
    ('\n\n["not", "a", "record"]\n', 3, "needs id and text"),
])
def test_a_bad_gold_file_is_named_with_its_line(tmp_path: Path, content: str, line: int,
                                                what: str) -> None:
    path = tmp_path / "bad-gold.jsonl"
    path.write_text(content, encoding="utf-8")
    r = run("eval", str(path), "-j", "1")
    assert r.exit_code == 2
    err = r.stderr.replace("\n", " ")
    assert f"{path}:{line}" in err and what in err and "TW103" in err
    assert r.stdout == ""


def test_a_gold_file_that_is_not_text_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gold.bin"
    path.write_bytes(b"\xff\xfe\x00\x00\x80\x81" * 50)
    r = run("eval", str(path), "-j", "1")
    assert r.exit_code == 2
    assert str(path) in r.stderr.replace("\n", "") and "TW100" in r.stderr


def test_a_missing_gold_file_is_a_usage_error(tmp_path: Path) -> None:
    r = run("eval", str(tmp_path / "absent.jsonl"), "-j", "1")
    assert r.exit_code == 2
    assert "absent.jsonl" in r.output


# -- extract: bad inputs are named and the rest is still read ---------------------------

def test_extract_names_each_bad_input_and_reads_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Rangers said 5 hikers were missing near the pass.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    broken = tmp_path / "lines.jsonl"
    broken.write_text('{"id": "ok", "text": "Medics said 3 were injured."}\n{oops\n',
                      encoding="utf-8")
    r = run("extract", str(empty), str(good), str(binary), str(broken), str(tmp_path / "no.txt"),
            "--jsonl", "-j", "1")
    assert r.exit_code == 1
    ids = [json.loads(ln)["id"] for ln in r.stdout.splitlines()]
    assert ids == ["good", "ok"]
    err = r.stderr.replace("\n", " ")
    assert f"{empty}: empty input [TW102]" in err
    assert f"{binary}: binary data, not text [TW101]" in err
    assert f"{broken}:2: malformed JSON line" in err
    assert "no.txt" in err
    assert "4 input(s) failed" in err


def test_extract_with_a_published_day_dates_inputs_without_one(tmp_path: Path) -> None:
    path = tmp_path / "undated.jsonl"
    path.write_text(json.dumps({"id": "u", "text": "Medics said 3 were injured on Monday."})
                    + "\n", encoding="utf-8")
    r = run("extract", str(path), "--jsonl", "-j", "1", "--published", "2031-03-05")
    assert r.exit_code == 0, r.output
    (line,) = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert all(c["date"] is None or c["date"] <= "2031-03-05" for c in line["claims"])
    bad = run("extract", str(path), "--published", "2031-02-30")
    assert bad.exit_code == 2 and "2031-02-30" in bad.output
