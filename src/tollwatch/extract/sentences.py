"""A fast sentence splitter that keeps character offsets.

spaCy's parser would split sentences too, but only the sentences that can hold a claim are
worth parsing, so the text is split first with rules: terminal punctuation followed by a
capital, a digit or a quote; blank lines; single line breaks that end a headline-like
line; and line breaks before a list item ("- ...", "• ...", as trafilatura writes a page's
lists and as summaries list their key points). Hard-wrapped lines (a break inside a
sentence) are joined.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tollwatch.extract.datafile import read_mapping, word_list

__all__ = ["split_sentences"]

_ABBREV = frozenset(word_list(read_mapping("abbreviations.yaml", None, "abbreviations")[0]
                              .get("abbreviations"), "abbreviations",
                              "tollwatch/data/abbreviations.yaml"))
_FUNCTION_WORDS = {
    "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "and", "or", "with", "from",
    "as", "that", "which", "who", "its", "their", "his", "her", "into", "than", "but",
}

# End punctuation, optional closing quotes/brackets, then whitespace.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9À-Þ]")
# a list item's marker at the start of a line, then a space
_BULLET = re.compile(r"[-–—•*▪●◦‣·][ \t]+\S")


def _is_abbrev(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` closes an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if len(word) == 1 and text[j].isupper():
        return True  # an initial: "J. Smith"
    return word in _ABBREV


def _line_breaks(text: str) -> Iterator[int]:
    """Offsets where a line break ends a sentence."""
    line_start = 0
    for m in re.finditer(r"\n", text):
        pos = m.start()
        before = text[line_start:pos].rstrip(" \t\r")
        line_start = pos + 1
        if not before.strip():
            continue
        after = text[pos + 1:pos + 201]
        if re.match(r"[ \t\r]*\n", after):
            yield pos
            continue
        nxt = after.lstrip(" \t\r")
        if not nxt:
            continue
        if _BULLET.match(nxt):
            yield pos  # a list item starts
            continue
        words = before.split()
        last = words[-1] if words else ""
        if before[-1] in ".!?:;\"”’)" or (nxt[0].isupper() or nxt[0] in "\"“‘") and last.lower() not in _FUNCTION_WORDS \
                and last[-1:] not in ",-–":
            yield pos


def _headline_parts(text: str) -> set[int]:
    """Cuts between the parts of a first line that is a headline ("Rebels claim 57 killed;
    army says toll is 8"): each part is read as a sentence of its own."""
    line = text.split("\n", 1)[0].rstrip()
    if not line or line[-1] in ".!?…" or len(line) >= 200:
        return set()
    return {m.end() for m in re.finditer(r";(?=\s+\S)", line)}


def list_items(text: str, sents: list[tuple[int, int]]) -> set[int]:
    """The sentences (indexes into ``sents``) that are items of a list: their line opens
    with a list marker ("- North: 23 killed")."""
    out = set()
    for k, (s, _) in enumerate(sents):
        line = text.rfind("\n", 0, s) + 1
        if _BULLET.match(text, line) and not text[line:s].strip(" \t-–—•*▪●◦‣·"):
            out.add(k)
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) character spans of the sentences of ``text``, trimmed."""
    cuts: set[int] = set()
    for m in _END.finditer(text):
        end = m.end()
        last_dot = m.start()
        if _is_abbrev(text, last_dot) and m.end() - m.start() == 1:
            continue
        if not _NEXT_START.match(text, end):
            continue
        cuts.add(end)
    for pos in _line_breaks(text):
        cuts.add(pos)
    cuts |= _headline_parts(text)
    spans: list[tuple[int, int]] = []
    prev = 0
    for cut in sorted(cuts) + [len(text)]:
        s, e = prev, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if _BULLET.match(text, s, e):  # the item, without its marker
            s += 1
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            spans.append((s, e))
        prev = cut
    return spans
