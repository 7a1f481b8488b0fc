"""Bytes to text (decode.py) and duplicate detection (dedup.py), on inputs written here."""

from __future__ import annotations

import pytest

from tollwatch.errors import DecodeError, EmptyInputError, InputError
from tollwatch.ingest.decode import decode_bytes, looks_binary
from tollwatch.ingest.dedup import (
    NEAR_THRESHOLD,
    NUM_PERM,
    NearDupIndex,
    content_hash,
    from_bytes,
    normalise_text,
    signature,
    to_bytes,
)

REPORT = ("Border guards said 12 smugglers were detained overnight near the Ostrel crossing "
          "after a patrol stopped two lorries carrying unmarked crates. The district police "
          "chief told reporters that the drivers had been taken to the regional capital for "
          "questioning, and that a third vehicle had turned back before reaching the post. "
          "Officials in the capital said the crates held spare parts for agricultural "
          "machinery and medical supplies bound for a clinic in the hills. A spokesman for "
          "the customs service said inspections along the whole eastern frontier would be "
          "stepped up for the rest of the month, with extra dogs and scanners sent north.")

OTHER = ("Heavy rain flooded the lower town of Beresk on Saturday, and the mayor said about "
         "300 families had left their homes for schools and sports halls on higher ground. "
         "Volunteers carried elderly residents through water that reached the first floor of "
         "shops on the main street, while the river kept rising until the early evening. The "
         "regional weather office warned of more storms across the valley before Tuesday.")


# -- decode ---------------------------------------------------------------------------

def test_utf8_passes_through_unchanged() -> None:
    text = "Zoë's café — 7 wounded, «official» figure ✓"
    assert decode_bytes(text.encode("utf-8"), "a.txt") == text


def test_utf8_bom_is_removed() -> None:
    text = "Seven were injured in the blast."
    got = decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"), "bom.txt")
    assert got == text and not got.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_not_mistaken_for_binary_when_it_has_a_bom(encoding: str) -> None:
    # UTF-16 text is full of NUL bytes; only its BOM tells it from binary data.
    text = "Le maire a dit que 40 familles ont quitté le quartier."
    data = text.encode(encoding)
    if encoding != "utf-16":
        data = ("\ufeff" + text).encode(encoding)
    got = decode_bytes(data, "u16.txt")
    assert "40 familles" in got


def test_cp1252_quotes_and_latin1_accents_are_detected() -> None:
    text = ("\u201cWe counted 19 dead,\u201d the mayor of the small town said on Sunday "
            "morning, standing by the ruined caf\u00e9 near the market square.")
    got = decode_bytes(text.encode("cp1252"), "win.txt")
    assert "19 dead" in got and "caf\u00e9" in got and "\u201c" in got


def test_cyrillic_in_a_legacy_encoding_is_detected() -> None:
    text = ("\u0412 \u0440\u0435\u0437\u0443\u043b\u044c\u0442\u0430\u0442\u0435 "
            "\u043e\u0431\u0441\u0442\u0440\u0435\u043b\u0430 \u043f\u043e\u0433\u0438\u0431"
            "\u043b\u0438 \u0442\u0440\u0438 \u0447\u0435\u043b\u043e\u0432\u0435\u043a\u0430, "
            "\u0441\u043e\u043e\u0431\u0449\u0438\u043b \u0433\u0443\u0431\u0435\u0440\u043d"
            "\u0430\u0442\u043e\u0440 \u043e\u0431\u043b\u0430\u0441\u0442\u0438. ") * 4
    got = decode_bytes(text.encode("cp1251"), "ru.txt")
    assert got == text


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n\t \r\n"])
def test_empty_and_blank_are_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError) as e:
        decode_bytes(data, "blank.txt")
    assert e.value.code == "TW102" and e.value.source == "blank.txt"
    assert str(e.value) == "blank.txt: empty input [TW102]"


def test_a_bom_alone_is_not_text() -> None:
    with pytest.raises(InputError):
        decode_bytes(b"\xef\xbb\xbf\n", "bom-only.txt")


@pytest.mark.parametrize("data", [
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!",
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    b"\x7fELF\x02\x01\x01" + bytes(range(32)) * 4,
])
def test_binary_is_refused_with_tw101(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(DecodeError) as e:
        decode_bytes(data, "blob.bin")
    assert e.value.code == "TW101" and "blob.bin" in str(e.value)


def test_control_bytes_threshold() -> None:
    base = b"a" * 1000
    assert not looks_binary(base)
    assert not looks_binary(b"\x01" * 40 + base[40:])   # 4%: text with a few stray bytes
    assert looks_binary(b"\x01" * 60 + base[60:])       # 6%: over the 5% limit
    # tabs, line feeds, form feeds and carriage returns are text
    assert not looks_binary(b"\t\n\r\x0c" * 250)
    assert not looks_binary(b"")


def test_only_the_first_8k_are_sampled() -> None:
    late_nul = b"plain words " * 1000 + b"\x00"
    assert len(late_nul) > 8192
    assert not looks_binary(late_nul)
    assert looks_binary(b"\x00" + late_nul)


# -- dedup: exact copies --------------------------------------------------------------

def test_normalise_folds_case_width_and_whitespace() -> None:
    assert normalise_text("  The\tARMY\n\nsaid  ") == "the army said"
    assert normalise_text("\uff11\uff12 killed") == "12 killed"  # full-width digits, NFKC
    assert normalise_text("Stra\u00dfe") == "strasse"            # casefold, not lower


def test_content_hash_ignores_layout_but_not_words() -> None:
    h = content_hash(REPORT)
    assert len(h) == 64 and all(c in "0123456789abcdef" for c in h)
    assert content_hash("\n" + REPORT.upper().replace(" ", "  \n")) == h
    assert content_hash(REPORT.replace("12 smugglers", "13 smugglers")) != h


# -- dedup: near copies ---------------------------------------------------------------

def test_signature_bytes_round_trip() -> None:
    m = signature(REPORT)
    data = to_bytes(m)
    assert len(data) == NUM_PERM * 8
    back = from_bytes(data)
    assert back.jaccard(m) == 1.0
    assert to_bytes(back) == data


def test_signatures_are_deterministic_across_calls() -> None:
    assert to_bytes(signature(REPORT)) == to_bytes(signature(REPORT))


def test_trimmed_copy_is_near_and_other_story_is_not() -> None:
    sentences = REPORT.split(". ")
    trimmed = "Smugglers held at Ostrel\n" + ". ".join(sentences[:-1]) + "."
    index = NearDupIndex()
    index.add(1, signature(OTHER))
    index.add(2, signature(REPORT))
    assert len(index) == 2
    match = index.best_match(signature(trimmed))
    assert match is not None and match[0] == 2 and match[1] >= NEAR_THRESHOLD
    unrelated = ("The national football team won its qualifier four goals to one in front "
                 "of a full stadium, and the coach praised the young defenders afterwards "
                 "for keeping their shape through a long and tiring second half.")
    assert index.best_match(signature(unrelated)) is None


def test_index_load_matches_add_and_prefers_the_closest() -> None:
    exact = signature(REPORT)
    half = REPORT[: len(REPORT) * 2 // 3]
    index = NearDupIndex()
    index.load([(7, to_bytes(signature(half))), (3, to_bytes(exact))])
    match = index.best_match(signature(REPORT))
    assert match is not None and match == (3, 1.0)


def test_ties_go_to_the_lowest_id_and_add_is_idempotent() -> None:
    m = signature(OTHER)
    index = NearDupIndex()
    for key in (9, 4, 6):
        index.add(key, m)
    index.add(4, signature(REPORT))  # already there: not replaced
    assert len(index) == 3
    assert index.best_match(m) == (4, 1.0)


def test_higher_threshold_rejects_a_looser_copy() -> None:
    sentences = REPORT.split(". ")
    loose = ". ".join(sentences[:3]) + ". " + OTHER
    strict = NearDupIndex(threshold=0.9)
    strict.add(1, signature(REPORT))
    assert strict.best_match(signature(loose)) is None


def test_short_texts_are_one_shingle() -> None:
    a, b = signature("five were killed"), signature("Five  were\nkilled")
    assert a.jaccard(b) == 1.0
    assert signature("six were killed").jaccard(a) < 0.5
