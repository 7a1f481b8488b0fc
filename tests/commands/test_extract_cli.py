"""The extract and eval commands, run as a user runs them (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

GOOD = "Twelve villagers were killed when gunmen attacked the market, police said."


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tollwatch", *args], input=stdin, check=False,
                          capture_output=True, timeout=300)


def test_jsonl_output_one_line_per_document(tmp_path: Path) -> None:
    a = tmp_path / "first.txt"
    a.write_text(GOOD, encoding="utf-8")
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "d-1", "text": "Three journalists were detained, "
                                "the union said on Monday.", "published": "2024-05-08",
                                "extra": 1}) + "\n", encoding="utf-8")
    r = run("extract", "--jsonl", str(a), str(docs))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert [x["id"] for x in lines] == ["first", "d-1"]
    assert lines[0]["claims"][0]["metric"] == "killed"
    assert lines[0]["claims"][0]["value"] == 12
    detained = lines[1]["claims"][0]
    assert (detained["metric"], detained["value"], detained["date"]) == (
        "detained", 3, "2024-05-06")
    assert detained["attribution"] == {"how": "verb", "from": 0, "date_how": "verb"}


def test_bad_inputs_are_named_and_the_rest_processed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin.txt").write_bytes(
        "Seventeen d\u00e9plac\u00e9s: 17 people fled the caf\u00e9 district, the mayor said."
        .encode("latin-1"))
    (tmp_path / "broken.jsonl").write_text(
        '{"id": "ok-1", "text": "' + GOOD + '"}\n{"id": "bad", "text": \n', encoding="utf-8")
    r = run("extract", "--jsonl", str(tmp_path))
    err = r.stderr.decode()
    assert r.returncode == 1
    assert "empty.txt" in err and "blob.txt" in err
    assert "broken.jsonl:2" in err
    ids = [json.loads(x)["id"] for x in r.stdout.decode().splitlines()]
    assert sorted(ids) == ["good", "latin", "ok-1"]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    r = run("extract", str(tmp_path / "nope.txt"))
    assert r.returncode == 1
    assert "nope.txt" in r.stderr.decode()


def test_stdin_and_table_output() -> None:
    r = run("extract", stdin=GOOD.encode())
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "killed" in out and "12" in out


def test_html_input_uses_article_text(tmp_path: Path) -> None:
    body = "<p>" + GOOD + " The attack happened before dawn, and residents fled.</p>" * 3
    page = (f"<html><head><title>Market attack</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Market attack</h1>{body}</article><footer>(c) Paper</footer>"
            f"</body></html>")
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    r = run("extract", "--jsonl", str(f))
    assert r.returncode == 0, r.stderr
    (line,) = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert any(c["value"] == 12 for c in line["claims"])
    assert all("Home | World" not in c["quote"] for c in line["claims"])


def test_unknown_model_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    r = run("extract", "--model", "no_such_pipeline", str(f))
    assert r.returncode == 2
    assert "no_such_pipeline" in r.stderr.decode() and "TW300" in r.stderr.decode()


def test_eval_scores_own_gold(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rec = {"id": "g1", "published": "2024-01-10", "url": None, "outlet": None,
           "text": GOOD + " Separately, 40 trucks were seized.",
           "claims": [{"metric": "killed", "value": 12, "low": None, "high": None,
                       "qualifier": "exact", "subject": "villagers", "actor": None,
                       "civilian": True, "location": None, "origin": ["police"],
                       "speaker": [], "date": None, "stance": "asserted", "quote": GOOD},
                      {"metric": "injured", "value": 5, "low": None, "high": None,
                       "qualifier": "exact", "subject": "people", "actor": None,
                       "civilian": None, "location": None, "origin": [], "speaker": [],
                       "date": None, "stance": "asserted", "quote": GOOD}]}
    gold.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    r = run("eval", str(gold), "--json", "--errors", "5")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert (out["gold"], out["predicted"], out["matched"]) == (2, 1, 1)
    assert out["precision"] == 1.0 and out["recall"] == 0.5
    assert out["source_acc"] == 1.0 and out["civilian_acc"] == 1.0
    assert "missed" in r.stderr.decode()
    assert "errors by class: missed 1, spurious 0, wrong metric 0" in r.stderr.decode()


def test_bench_reports_every_pass_on_distinct_texts(tmp_path: Path) -> None:
    """The benchmark runs its three passes and reports their figures (no timing asserted)."""
    corpus = tmp_path / "c.jsonl"
    texts = [f"{n} villagers were killed when gunmen attacked the market, police said."
             for n in (12, 340, 5600)]
    corpus.write_text("\n".join(json.dumps({"id": f"b{i}", "text": t})
                                for i, t in enumerate(texts)), encoding="utf-8")
    r = run("bench", str(corpus), "--repeat", "2", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["documents"] == 6 and out["claims"] == 6 and out["tollwatch_j1_claims"] == 6
    assert out["distinct_texts"] == 6  # the copies have their figures redrawn
    assert out["processes"] == "default"
    assert out["tollwatch_seconds"] > 0 and out["spacy_seconds"] > 0
    assert out["speedup_vs_spacy"] > 0 and out["speedup_j1_vs_spacy"] > 0
    assert 0 < out["parsed_char_share"] <= 1


def test_table_shows_markup_in_the_text_as_written() -> None:
    text = "Officials said 12 people were killed [/bold] in the [red]attack[/red] on Monday."
    r = run("extract", "--published", "2024-05-06", stdin=text.encode())
    assert r.returncode == 0, r.stderr.decode()
    flat = "".join(line.strip("│ ") for line in r.stdout.decode().splitlines())
    assert "[/bold]" in flat and "[red]attack[/red]" in flat


ANSWERED = ("Insurgents said 40 sailors were killed when a patrol boat sank. "
            "The navy denied the claims on Tuesday.")


def test_jsonl_lines_carry_responses_linked_to_their_claims(tmp_path: Path) -> None:
    a = tmp_path / "navy.txt"
    a.write_text(ANSWERED, encoding="utf-8")
    r = run("extract", "--jsonl", "--published", "2025-03-14", str(a))
    assert r.returncode == 0, r.stderr
    (line,) = [json.loads(x) for x in r.stdout.decode().splitlines()]
    (resp,) = line["responses"]
    assert (resp["kind"], resp["responder"][0], resp["date"]) == (
        "denied", "The navy", "2025-03-11")
    assert [line["claims"][i]["value"] for i in resp["claims"]] == [40]
    assert ANSWERED[resp["start"]:resp["end"]] == resp["quote"]
    plain = run("extract", "--jsonl", stdin=GOOD.encode())
    assert json.loads(plain.stdout.decode())["responses"] == []


def test_table_output_lists_responses() -> None:
    r = run("extract", stdin=ANSWERED.encode())
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "1 response(s)" in out and "denied" in out and "The navy" in out
