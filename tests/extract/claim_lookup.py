"""Small lookups the extraction tests share: a claim by metric and value, its date reason,
its source names."""

from __future__ import annotations

from tollwatch.model import Claim


def get_claim(claims: list[Claim], metric: str, value: int) -> Claim:
    """The first claim of ``metric`` and ``value``; fails the test, listing what was found,
    when there is none."""
    found = [c for c in claims if c.metric == metric and c.value == value]
    assert found, f"no {metric} {value} in {[(c.metric, c.value) for c in claims]}"
    return found[0]


def date_how(c: Claim) -> object:
    """Why the claim got its date (``attribution.date_how``), or None."""
    return (c.attribution or {}).get("date_how")


def source_names(c: Claim) -> str:
    """The claim's origin and speaker names, lower-cased, joined by " | "."""
    return " | ".join(c.origin + c.speaker).lower()


def figures(claims: list[Claim]) -> list[tuple[str, int | None]]:
    """The claims' (metric, value) pairs, in text order."""
    return [(c.metric, c.value) for c in claims]


def by_value(claims: list[Claim]) -> dict[int | None, Claim]:
    """The claims by their value (the last of a value wins)."""
    return {c.value: c for c in claims}
