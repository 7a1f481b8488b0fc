from tollwatch.extract.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_on_terminal_punctuation() -> None:
    assert _split("Two were hurt. Five died! Was it true?") == [
        "Two were hurt.", "Five died!", "Was it true?"]


def test_keeps_abbreviations_and_initials() -> None:
    text = "Gen. Amadou Diallo met Mr. J. Okafor on Jan. 3 in the capital. It rained."
    assert _split(text) == ["Gen. Amadou Diallo met Mr. J. Okafor on Jan. 3 in the capital.",
                            "It rained."]


def test_headline_line_is_its_own_sentence() -> None:
    text = "Blast kills nine in market town\nNine people died on Sunday, police said."
    assert _split(text) == ["Blast kills nine in market town",
                            "Nine people died on Sunday, police said."]


def test_hard_wrapped_lines_are_joined() -> None:
    text = "Gunmen seized a bus carrying\nforty passengers near the river, police said."
    assert _split(text) == [text]


def test_offsets_are_exact() -> None:
    text = "  First one.  Second one.\n\nThird one."
    for s, e in split_sentences(text):
        assert text[s:e].strip() == text[s:e]
