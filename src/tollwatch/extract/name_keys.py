"""One source under two names: "Colonel Jane Doe" and "colonel Doe", "Dr Ana Ruiz" and
"Dr Ruiz"; a body and its spokesperson ("a spokesman for the Coast Guard", "Coast Guard
spokeswoman Jane Doe" and "the Coast Guard"). A name made of titles and capitalised words
gives its surname as a key, a spokesperson's name the body's; two sources sharing a key are
one. Titles, and the last words that are no surname
("Ministry", "Forces"), are data (``person_names`` in provenance.yaml).
"""

from __future__ import annotations

import re
import unicodedata

from tollwatch.extract.provenance import load_provenance

__all__ = ["body_key", "fold_name", "surname_key"]

_ARTICLE = re.compile(r"^(the|a|an)\s+")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold_name(name: str) -> str:
    """A source name as claims compare it: accents dropped, lower-cased, without a leading
    article, punctuation as spaces ("The Ministry of Défense" -> "ministry of defense")."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _NON_WORD.sub(" ", _ARTICLE.sub("", s)).strip()


def surname_key(name: str) -> str | None:
    """``"~doe"`` for "Colonel Jane Doe" or "colonel Doe"; None for a name that is not a
    titled or full personal name."""
    rules = load_provenance()
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if not 2 <= len(words) <= 5:
        return None
    titled = words[0].rstrip(".").lower() in rules.person_titles
    rest = [w for w in words if w.rstrip(".").lower() not in rules.person_titles]
    if not rest or not all(re.fullmatch(r"[A-Z][\w'’-]+", w) for w in rest):
        return None
    last = rest[-1].lower()
    if last in rules.not_surnames or (not titled and len(rest) < 2):
        return None
    return "~" + last


def _fold(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip().lower())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def body_key(name: str) -> str | None:
    """``"@coast guard"`` for "a spokesman for the Coast Guard" or "Coast Guard spokeswoman
    Jane Doe": the body a spokesperson speaks for; None for other names."""
    rules = load_provenance()
    words = name.strip().split()
    for i, w in enumerate(words):
        if w.lower().strip(",") not in rules.body_roles:
            continue
        after = words[i + 1:]
        if after and after[0].lower() in rules.body_role_preps and len(after) > 1:
            body = " ".join(after[1:])
            body = re.split(r",", body)[0]
            return "@" + _fold(body) if _fold(body) else None
        before = [x for x in words[:i] if x[:1].isupper() and x.lower() not in ("a", "an", "the")]
        if before and i <= 4:
            return "@" + _fold(" ".join(before))
        return None
    return None
