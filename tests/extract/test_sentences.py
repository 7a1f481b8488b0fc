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


def test_list_items_are_sentences_without_their_markers() -> None:
    # trafilatura writes a page's list items as "- item"; summaries list key points so
    text = ("Floods strand thousands in river valley\n"
            "KEY POINTS\n"
            "- Forty villagers drowned overnight\n"
            "• Rescue boats reached 12 hamlets\n"
            "* Roads north of the dam are closed\n"
            "Forty villagers drowned overnight, the governor said on Friday.")
    assert _split(text) == ["Floods strand thousands in river valley", "KEY POINTS",
                            "Forty villagers drowned overnight",
                            "Rescue boats reached 12 hamlets",
                            "Roads north of the dam are closed",
                            "Forty villagers drowned overnight, the governor said on Friday."]


def test_a_dash_inside_a_line_or_a_negative_number_starts_no_item() -> None:
    text = ("Temperatures fell to\n-5 degrees in the hills - the lowest in years - and "
            "two climbers died, rescuers said.")
    assert _split(text) == [text]
