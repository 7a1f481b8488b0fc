"""The lexicon is data: the built-in ``lexicon.yaml`` written to a file and loaded from there
(``ExtractOptions(lexicon=...)``) extracts exactly what the built-in one does; emptying one
metric's cue words takes away that metric's claims and leaves the others; a broken file is
a ConfigError naming it before any text is read."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from tollwatch.errors import ConfigError
from tollwatch.extract import ExtractOptions, Extractor
from tollwatch.model import Document

DOCS = [
    Document(id="mix", published="2031-06-07", text=(
        "Border guards detained 9 men near the northern crossing overnight, the interior "
        "ministry said. Another 4 guards were injured in a scuffle, the ministry said.")),
    Document(id="quay", published="2031-04-02", text=(
        "At least 14 dock workers were killed when a crane collapsed at the Vesk harbour on "
        "Tuesday, the port authority said. Another 22 were injured, according to the city "
        "hospital.")),
    Document(id="flood", published="2031-05-19", text=(
        "Floods in the lower valley have forced about 3,000 people from their homes, the "
        "relief agency said on Sunday, and 12 people were missing.")),
]


def _builtin() -> dict[str, Any]:
    text = resources.files("tollwatch.data").joinpath("lexicon.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _write(tmp_path: Path, data: dict[str, Any], name: str = "lexicon.yaml") -> str:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def _found(ex: Extractor) -> dict[str, list[tuple[str, int | None]]]:
    return {d.id: [(c.metric, c.value) for c in ex.extract(d)] for d in DOCS}


@pytest.fixture(scope="module")
def builtin_found(extractor: Extractor) -> dict[str, list[tuple[str, int | None]]]:
    return _found(extractor)


def test_the_builtin_lexicon_from_a_file_extracts_the_same(
        tmp_path: Path, extractor: Extractor) -> None:
    path = _write(tmp_path, _builtin())
    from_file = Extractor(ExtractOptions(lexicon=path))
    for d in DOCS:
        assert from_file.extract(d) == extractor.extract(d)


@pytest.mark.parametrize("metric", ["detained", "injured", "killed", "missing"])
def test_emptying_a_metrics_cues_takes_its_claims_away(
        tmp_path: Path, metric: str,
        builtin_found: dict[str, list[tuple[str, int | None]]]) -> None:
    if not any(m == metric for found in builtin_found.values() for m, _ in found):
        pytest.skip(f"the built-in lexicon finds no {metric} claim here")
    data = _builtin()
    data["metrics"][metric] = {k: [] for k in data["metrics"][metric]}
    found = _found(Extractor(ExtractOptions(lexicon=_write(tmp_path, data))))
    for doc_id, claims in found.items():
        assert metric not in {m for m, _ in claims}, (doc_id, claims)
        # a document that gave no claim of this metric gives exactly what it gave
        before = builtin_found[doc_id]
        if metric not in {m for m, _ in before}:
            assert claims == before, (doc_id, claims, before)
    untouched = [d for d, before in builtin_found.items()
                 if metric not in {m for m, _ in before}]
    assert untouched, "no document to compare with"


def test_a_lexicon_missing_a_section_is_named(tmp_path: Path) -> None:
    data = _builtin()
    del data["metrics"]
    path = _write(tmp_path, data, "no-metrics.yaml")
    with pytest.raises(ConfigError) as e:
        Extractor(ExtractOptions(lexicon=path))
    assert e.value.code == "TW500" and e.value.source is not None
    assert path in e.value.source


@pytest.mark.parametrize("text,what", [
    ("metrics: [killed, injured]\n", ""),
    ("- just\n- a list\n", "must be a mapping"),
    ("metrics:\n  killed: {verbs: [kill\n", "not valid YAML"),
])
def test_a_broken_lexicon_is_a_config_error_naming_the_file(tmp_path: Path, text: str,
                                                            what: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        Extractor(ExtractOptions(lexicon=str(path)))
    assert e.value.source is not None and str(path) in e.value.source
    assert what in e.value.message
    assert "\n" not in e.value.message.split(": ", 1)[0]


def test_a_missing_lexicon_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    with pytest.raises(ConfigError) as e:
        Extractor(ExtractOptions(lexicon=str(path)))
    assert e.value.source == str(path) and "cannot read lexicon" in e.value.message


@pytest.mark.parametrize(("text", "metric", "value", "civilian"), [
    ("Commandos killed 40 pirates in a raid on the island.", "killed", 40, False),
    ("Police said three dissidents had surrendered.", "captured", 3, False),
    ("Two drivers were missing after the ambush, the agency said.", "missing", 2, True),
])
def test_more_people_nouns(claims_of, text: str, metric: str, value: int,  # type: ignore[no-untyped-def]
                           civilian: bool) -> None:
    """Pirates and dissidents are armed people; drivers are civilians (lexicon data)."""
    hits = [c for c in claims_of(text) if c.metric == metric and c.value == value]
    assert hits and hits[0].civilian is civilian
