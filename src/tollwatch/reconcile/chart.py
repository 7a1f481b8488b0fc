"""The timeline as a chart (PNG or SVG), drawn with matplotlib's Agg backend.

One panel per metric; in each, every series (:class:`~tollwatch.reconcile.updates.SeriesKey`:
one origin's figures for one measure; a part of a force is a series of its own, and so is
each status of a counted group, "released" against "still held", drawn dashed) is a line
in its origin's colour (the same in every panel; 20 distinct colours, then dashes), and
lines join only the successive figures of one series. A legend under the chart names
every origin by its common name (unnamed sources marked); with few series each is also
named at its last point. Each point carries its figure as text. Marker shapes give the
hedge: a filled circle is an exact figure, a hollow circle an approximate one, an
up-triangle "at least", a down-triangle "at most", and a square a range, drawn as an error
bar from low to high (successive ranges also as a shaded band). A caption repeats this key.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Sequence
from datetime import date as Date
from pathlib import Path
from typing import Any, Literal

from tollwatch.reconcile.underlying import UnderlyingClaim, parse_date

__all__ = ["HEDGE_MARKERS", "ChartFormat", "render_chart", "write_chart"]

ChartFormat = Literal["png", "svg"]

HEDGE_MARKERS: dict[str, str] = {"exact": "o", "approx": "o", "min": "^", "max": "v",
                                 "range": "s"}
_CAPTION = ("\u25cf exact   \u25cb approximate   \u25b2 at least   \u25bc at most   "
            "\u25a0 range (bar = low to high)   each line is one origin's figures for one measure")


def _bounds(c: UnderlyingClaim) -> tuple[float, float]:
    if c.value is not None:
        return float(c.value), float(c.value)
    lo = c.low if c.low is not None else c.high
    hi = c.high if c.high is not None else c.low
    return float(lo or 0), float(hi or 0)


def render_chart(claims: Sequence[UnderlyingClaim], fmt: ChartFormat = "png", *,
                 title: str | None = None) -> bytes:
    """The chart of ``claims`` as PNG or SVG bytes."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import dates as mdates
    from matplotlib import ticker
    from matplotlib.figure import Figure

    dated = [c for c in claims if parse_date(c.date) is not None]
    metrics = sorted({c.metric for c in dated}) or ["(no dated claims)"]
    fig = Figure(figsize=(11, 3.6 * len(metrics) + 0.8), layout="constrained")
    axes = fig.subplots(len(metrics), 1, squeeze=False, sharex=True)[:, 0]
    origins = sorted({c.origin for c in dated})
    unnamed = {c.origin for c in dated if c.unnamed}
    palette: list[Any] = (list(matplotlib.colormaps["tab20"].colors[0::2])  # type: ignore[attr-defined]
                          + list(matplotlib.colormaps["tab20"].colors[1::2]))  # type: ignore[attr-defined]
    colour = {o: palette[i % len(palette)] for i, o in enumerate(origins)}
    dashes: dict[str, Literal["-", "--"]] = {
        o: "-" if i < len(palette) else "--" for i, o in enumerate(origins)}
    n_series = len({(c.metric, c.series) for c in dated})
    for ax, metric in zip(axes, metrics, strict=True):
        series: dict[Any, list[UnderlyingClaim]] = defaultdict(list)
        for c in dated:
            if c.metric == metric:
                series[c.series].append(c)
        for key, seq in sorted(series.items(), key=lambda kv: (kv[1][0].origin, str(kv[0]))):
            seq.sort(key=lambda c: c.date or "")
            origin = seq[0].origin
            col = colour[origin]
            xs: list[Date] = [d for c in seq if (d := parse_date(c.date)) is not None]
            ys = [c.point for c in seq]
            style: Literal["-", "--"] = "--" if seq[0].group_status else dashes[origin]
            ax.plot(xs, ys, color=col, linewidth=1.4, alpha=0.8, linestyle=style)
            lows = [_bounds(c)[0] for c in seq]
            highs = [_bounds(c)[1] for c in seq]
            ranged = [c.value is None for c in seq]
            if sum(ranged) >= 2:
                ax.fill_between(xs, lows, highs, color=col, alpha=0.15, linewidth=0)
            for x, c, lo, hi, r in zip(xs, seq, lows, highs, ranged, strict=True):
                if r:
                    ax.errorbar([x], [c.point], yerr=[[c.point - lo], [hi - c.point]],
                                color=col, capsize=4, linewidth=1.2, linestyle="none")
                marker = HEDGE_MARKERS.get(c.qualifier if c.value is not None else "range", "o")
                hollow = c.qualifier == "approx" and c.value is not None
                ax.plot([x], [c.point], marker=marker, markersize=8, color=col,
                        markerfacecolor="white" if hollow else col, markeredgewidth=1.6,
                        linestyle="none")
                ax.annotate(c.figure(), (x, c.point), textcoords="offset points",
                            xytext=(0, 8), ha="center", fontsize=7.5, color=col)
            if n_series <= 8:
                label = origin + (f" ({key.part})" if key.part else "") \
                    + (f" \u00b7 {seq[0].group_status}" if seq[0].group_status else "")
                ax.annotate(f" {label}", (xs[-1], ys[-1]), textcoords="offset points",
                            xytext=(10, -3), ha="left", fontsize=8.5, color=col,
                            fontweight="bold", annotation_clip=False)
        ax.set_ylabel(metric)
        ax.set_ylim(bottom=0)
        ax.grid(True, alpha=0.25)
        ax.margins(x=0.08, y=0.15)
        ax.yaxis.set_major_locator(ticker.MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(ticker.StrMethodFormatter("{x:,.0f}"))
        ax.xaxis.set_major_formatter(
            mdates.DateFormatter("%Y-%m-%d"))  # type: ignore[no-untyped-call]
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    axes[-1].tick_params(axis="x", labelrotation=30)
    if title:
        fig.suptitle(title, fontsize=12)
    if origins:
        from matplotlib.lines import Line2D

        handles = [Line2D([0], [0], color=colour[o], linestyle=dashes[o], linewidth=2,
                          label=o + (" (unnamed)" if o in unnamed else "")) for o in origins]
        fig.legend(handles=handles, loc="outside lower center", ncols=min(4, len(origins)),
                   fontsize=8, frameon=False)
    fig.supxlabel(_CAPTION, fontsize=8, color="0.3")
    buf = io.BytesIO()
    # the SVG writer's clip-path and glyph ids are random unless salted: a fixed salt makes
    # the same claims give the same file
    with matplotlib.rc_context({"svg.hashsalt": "tollwatch"}):
        fig.savefig(buf, format=fmt, dpi=120, metadata=_metadata(fmt))
    return buf.getvalue()


def _metadata(fmt: ChartFormat) -> dict[str, Any]:
    # no creation date, so that the same claims give the same file
    return {"Date": None} if fmt == "svg" else {"Software": "tollwatch"}


def write_chart(claims: Sequence[UnderlyingClaim], path: str | Path,
                fmt: ChartFormat | None = None, *, title: str | None = None) -> Path:
    """Write the chart to ``path`` (format from ``fmt`` or the file suffix)."""
    p = Path(path)
    chosen: ChartFormat = fmt or ("svg" if p.suffix.lower() == ".svg" else "png")
    p.write_bytes(render_chart(claims, chosen, title=title))
    return p
