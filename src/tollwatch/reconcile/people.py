"""People as sources: a name with its title taken off, the role the title gives, and
whether two spellings are one person's name."""

from __future__ import annotations

import difflib
import re

from tollwatch.reconcile.folding import _romanise, _strip_article, _strip_possessive, _tidy, fold
from tollwatch.reconcile.tables import NameTables, Person

__all__ = ["PersonNames"]


class PersonNames(NameTables):
    """The person resolver of :class:`tollwatch.reconcile.names.Names`."""

    def person(self, name: str) -> Person | None:
        """The person a source name gives, with any title removed and its role.

        None when the name carries no title and does not look like a personal name
        (two to five capitalised words).
        """
        result: Person | None = self._cached("person", name, self._parse_person)
        return result

    def _take_title(self, tokens: list[str]) -> tuple[int, str | None]:
        """Length of a leading title (with any modifiers before it) and its role."""
        folded = [fold(t) for t in tokens]
        start = 0
        moved = True
        while moved:
            moved = False
            for mod in self._title_modifiers:
                parts = mod.split(" ")
                if folded[start:start + len(parts)] == parts:
                    start += len(parts)
                    moved = True
                    break
        for phrase, role in self._titles:
            parts = phrase.split(" ")
            if folded[start:start + len(parts)] == parts:
                return start + len(parts), role
        return 0, None

    def _parse_person(self, name: str) -> Person | None:
        text = _strip_possessive(_tidy(name))
        role: str | None = None
        words = _strip_article(fold(text)).split(" ")
        if any(self._kind_of(" ".join(words[k:])) is not None for k in range(min(4, len(words)))):
            return None  # "General Staff", "Russia's General Staff": a body, not a person
        if self._sources.get(text, plurals=False) is not None:
            return None
        # "Lee Seong-kweun, a lawmaker" / "Lee Seong-kweun (lawmaker)"
        m = re.match(r"^(.+?)\s*(?:,|\()\s*(.+?)\)?$", text)
        if m is not None:
            rest = m.group(2).split()
            for i in range(len(rest)):
                n, r = self._take_title(rest[i:])
                if n and r is not None:
                    text, role = m.group(1), r
                    break
        tokens = text.split()
        changed = True
        while changed and tokens:
            changed = False
            n, r = self._take_title(tokens)
            if n and n < len(tokens):
                tokens, role, changed = tokens[n:], role or r, True
                continue
            # a country word before a title: "Ukrainian President ...", "South Korean lawmaker ..."
            for k in (3, 2, 1):
                if k < len(tokens) and self._actors.get(" ".join(tokens[:k])) is not None:
                    n, r = self._take_title(tokens[k:])
                    if n and k + n < len(tokens):
                        tokens, role, changed = tokens[k + n:], role or r, True
                        break
        if not tokens:
            return None
        words = [t for t in tokens if t.lower() not in ("al", "bin", "ibn", "van", "von", "de", "da", "el")]
        looks_like_name = 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words)
        if role is None and not (2 <= len(tokens) <= 5 and looks_like_name):
            return None
        if not looks_like_name:
            return None
        return Person(" ".join(tokens), role)

    def same_person(self, a: str, b: str) -> bool:
        """Whether two personal names are spellings of one name (titles ignored).

        Surnames must agree (or be listed as variants); the other parts must be close
        after romanisation folding ("Seong-kweun" / "Sung-kwon"). Roles are the caller's
        to check.
        """
        pa, pb = self.person(a), self.person(b)
        na = pa.name if pa is not None else a
        nb = pb.name if pb is not None else b
        if fold(na) == fold(nb):
            return True
        ta = [fold(t).replace(" ", "") for t in na.split()]
        tb = [fold(t).replace(" ", "") for t in nb.split()]
        if not ta or not tb:
            return False
        sa = {self._surnames.get(t, t) for t in ta}
        sb = {self._surnames.get(t, t) for t in tb}
        common = sa & sb
        if not common:
            return False
        rest_a = "".join(_romanise(t) for t in ta if self._surnames.get(t, t) not in common)
        rest_b = "".join(_romanise(t) for t in tb if self._surnames.get(t, t) not in common)
        if not rest_a or not rest_b:
            # "Zelensky" / "Volodymyr Zelensky": one name is only the surname
            return True
        return difflib.SequenceMatcher(None, rest_a, rest_b).ratio() >= 0.72

    # ------------------------------------------------------------------ places
