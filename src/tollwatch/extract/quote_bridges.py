"""A paragraph between two paragraphs of one speaker's quoted speech.

"“... 8,500 personnel left,” he said. / In the past 24 hours, 300 more were evacuated. /
“We continue to ...”": the paragraph in the middle names no source and carries the
speaker's report on in the writer's words (a paraphrase between two quotations). It
continues the statement of the paragraph before when that statement quotes its speaker, it
is the paragraph right after that statement's, it does not open with a quotation mark
itself (a quotation run is read elsewhere), and the paragraph after it opens with one
whose tag names the same speaker again ("he said", "Marsh said"; not another speaker).
Whether the rule applies, and how long the paragraph may be, is data (``quote_bridges.yaml``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping

__all__ = ["bridges_quotes", "load_bridge_rules", "same_speaker"]

_MARKS = "“\""


@lru_cache(maxsize=4)
def load_bridge_rules(path: str | None = None) -> tuple[bool, int]:
    """Whether a paragraph between quotations continues the statement before it, and how
    many sentences long it may be (``quote_bridges.yaml``)."""
    data, where = read_mapping("quote_bridges.yaml", path, "quote-bridge rules", "are")
    on, most = data.get("enabled", True), data.get("max_sentences", 2)
    if not isinstance(on, bool) or not isinstance(most, int) or isinstance(most, bool):
        raise ConfigError("enabled must be true or false, max_sentences a number",
                          source=where)
    return on, most


def bridges_quotes(statement_text: str, statement_para: int, para: int,
                   para_starts: dict[int, str], para_sizes: dict[int, int],
                   sentence: str, after: tuple[str, list[str]]) -> bool:
    """True when ``sentence``, in paragraph ``para``, sits between the quoted paragraph of
    the statement (``statement_text``, in ``statement_para``) and a quoted paragraph after
    it (``para_starts``: each paragraph's first characters; ``para_sizes``: its sentences)
    of the same speaker (``after``: that paragraph's text, and the statement's source
    names; see ``same_speaker``)."""
    if not same_speaker(*after):
        return False
    on, most = load_bridge_rules()
    first = sentence.lstrip()[:1]
    if not on or para != statement_para + 1 or (first != "" and first in _MARKS):
        return False
    if not any(q in statement_text for q in _MARKS + "”") or para_sizes.get(para, 0) > most:
        return False
    nxt = para_starts.get(para + 1, "")[:1]
    return nxt != "" and nxt in _MARKS


def same_speaker(paragraph: str, names: list[str]) -> bool:
    """True when the tag after the first closing mark of quoted ``paragraph`` names the
    speaker of ``names`` again: a pronoun ("..., he said") or a word of one of the names
    ("..., Marsh said"); False for another speaker or no tag."""
    m = _TAG.search(paragraph.lstrip()[1:])  # (after the mark opening it)
    if m is None:
        return False
    words = re.findall(r"[\w'’-]+", m.group(1))
    if not words:
        return False
    if words[0].lower() in _tag_pronouns():
        return True
    known = {w.lower() for n in names for w in re.findall(r"[\w'’-]+", n) if w[:1].isupper()}
    return any(w[:1].isupper() and w.lower() in known for w in words)


_TAG = re.compile(r"[”\"]\s*([^“”\".!?]*)")


@lru_cache(maxsize=1)
def _tag_pronouns() -> frozenset[str]:
    data, _ = read_mapping("quote_bridges.yaml", None, "quote-bridge rules", "are")
    return frozenset(str(w).lower() for w in data.get("tag_pronouns") or [])
