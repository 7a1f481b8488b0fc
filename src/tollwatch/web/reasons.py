"""The words the claim page uses for a claim's recorded reasons (``data/reasons.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping

__all__ = ["Reason", "explain", "reason_words"]

Reason = tuple[str, str]  # (what the reason is about, its words)
_KINDS = ("how", "date_how", "carried_by")


@lru_cache(maxsize=1)
def reason_words() -> dict[str, dict[str, str]]:
    """``{kind: {value: words}}`` for the kinds ``how``, ``date_how``, ``carried_by`` and
    ``flags``, from the built-in ``reasons.yaml``."""
    data, where = read_mapping("reasons.yaml", None, "reason words", "are")
    try:
        return {kind: {str(k): str(v) for k, v in (data.get(kind) or {}).items()}
                for kind in (*_KINDS, "flags")}
    except AttributeError as e:
        raise ConfigError(f"bad reason words: {e}", source=where) from e


def explain(attribution: dict[str, Any] | None) -> list[Reason]:
    """The reasons of one claim in words, in a fixed order: source, date, what carried the
    statement on, then the flags set. A value with no words is given as it is (the template
    escapes it)."""
    if not attribution:
        return []
    words = reason_words()
    out: list[Reason] = []
    labels = {"how": "source", "date_how": "date", "carried_by": "carried by"}
    for kind in _KINDS:
        value = attribution.get(kind)
        if value is not None and value != "":
            out.append((labels[kind], words[kind].get(str(value), str(value))))
    for flag, text in words["flags"].items():
        if attribution.get(flag) is True:
            out.append(("note", text))
    return out
