"""What ``tollwatch timeline`` needs for series by counted group (issue 16): checking
``--group`` against ``--actor`` and the vocabulary, and the series' title.

Cheap to import: the group vocabulary is loaded inside the functions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tollwatch.commands.common import fail

if TYPE_CHECKING:
    from tollwatch.reconcile.names import Names
    from tollwatch.reconcile.underlying import UnderlyingClaim

__all__ = ["check_group", "group_cell", "series_title"]


def check_group(actor: str | None, group: str | None, names: Names) -> None:
    """Exit with a one-line error unless at least one of actor and group is given and the
    group names something the vocabulary knows."""
    from tollwatch.errors import TollwatchError
    from tollwatch.reconcile.group_series import parse_group
    from tollwatch.reconcile.groups import groups_for

    if not actor and not group:
        raise fail("give --actor, --group or both")
    if group is not None:
        try:
            parse_group(group, groups_for(names.aliases_path))
        except TollwatchError as e:
            raise fail(str(e)) from e


def series_title(actor: str | None, group: str | None, names: Names) -> str:
    """"Russia", "hostages", "Israel, hostages (children)": the series' name."""
    from tollwatch.reconcile.group_series import parse_group
    from tollwatch.reconcile.groups import groups_for

    parts: list[str] = []
    if actor:
        parts.append(names.actor(actor) or actor)
    if group:
        q = parse_group(group, groups_for(names.aliases_path))
        label = q.head or "any group"
        if q.subset:
            label += f" ({q.subset})"
        if q.status:
            label += f", {q.status}"
        parts.append(label)
    return ", ".join(parts)


def group_cell(c: UnderlyingClaim) -> str:
    """A claim's group for a table cell: "hostages (children), released"."""
    out = c.group or ""
    if c.subset:
        out += f" ({c.subset})"
    if c.group_status:
        out += f", {c.group_status}"
    return out
