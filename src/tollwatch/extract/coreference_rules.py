"""The rules of the document-level source coreference (``data/coreference.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tollwatch.errors import ConfigError
from tollwatch.extract.datafile import read_mapping

__all__ = ["CoreferenceRules", "load_coreference_rules"]


@dataclass(frozen=True)
class CoreferenceRules:
    """Which kinds of body a bare kind phrase ("the military") may name."""

    bare_kind_links: frozenset[str]


def _words(value: object, key: str, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of words", source=where)
    return frozenset(v.strip().lower() for v in value if v.strip())


@lru_cache(maxsize=8)
def load_coreference_rules(path: str | None = None) -> CoreferenceRules:
    """The coreference rules of ``path`` (None: the built-in ``coreference.yaml``)."""
    data, where = read_mapping("coreference.yaml", path, "coreference rules", "are")
    return CoreferenceRules(
        bare_kind_links=_words(data.get("bare_kind_links"), "bare_kind_links", where))
