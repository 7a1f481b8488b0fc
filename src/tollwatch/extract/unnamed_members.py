"""An unnamed speaker of an unnamed group: "a military officer" and "the second military
source" of "two military sources said on Monday".

Reports often open with an unnamed group of speakers and go on quoting them one by one
("two security sources said ... a security official told reporters ... the second source
said"). Two unnamed descriptions (no capitalised word), one of them plural, with a head of
``unnamed_member.heads`` (data/coreference.yaml) and the same other words once articles,
numbers and ordinals (``unnamed_member.skip``) are left out, name one group: the day the
group was dated with reaches its members (``source_dates``). Different words ("a police
source", "military sources") keep them apart.
"""

from __future__ import annotations

import re

from tollwatch.extract.coreference_rules import load_coreference_rules

__all__ = ["description_key", "same_unnamed_group"]


def description_key(name: str) -> tuple[str, bool] | None:
    """The other words of an unnamed description and whether it is plural ("two military
    sources" -> ("military", True)); None for a name with a capital after its first word,
    a head not in the rules, or no other words."""
    rules = load_coreference_rules()
    words = re.findall(r"[\w'’-]+", name)
    if not words or any(w[:1].isupper() for w in words[1:]) or any(w.isdigit() for w in words):
        return None
    low = [w.lower() for w in words]
    head = low[-1]
    if head not in rules.member_heads:
        return None
    rest = [w for w in low[:-1] if w not in rules.member_skip]
    if not rest:
        return None
    return " ".join(rest), head.endswith("s")


def _keys(names: list[str]) -> set[tuple[str, bool]]:
    return {k for n in names if (k := description_key(n)) is not None}


def same_unnamed_group(a_names: list[str], b_names: list[str]) -> bool:
    """True when one source is an unnamed group and the other an unnamed speaker (or
    group) described with the same words."""
    a, b = _keys(a_names), _keys(b_names)
    return any(ka == kb and (pa or pb) for ka, pa in a for kb, pb in b)
