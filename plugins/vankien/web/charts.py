"""Bar charts as inline SVG, drawn at build time: no JavaScript library, readable without JS."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

MONTH_NAMES = ("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12")


def bar_chart(
    bars: Sequence[tuple[str, int]],
    *,
    title: str,
    href: Callable[[str], str | None] = lambda label: None,
    height: int = 160,
) -> str:
    """One bar per (label, count); a bar links where `href(label)` says. Empty input draws nothing."""
    if not bars:
        return ""
    peak = max(count for _, count in bars) or 1
    bar_width, gap, top, bottom, left = 28, 8, 18, 34, 8
    width = left * 2 + len(bars) * (bar_width + gap)
    plot = height - top - bottom
    rotate = len(bars) > 16
    # A group, not an image: its bars are links, and an image may hold nothing focusable.
    # `--vk-width` lets the stylesheet shrink it only so far, then scroll it in its box.
    parts = [
        f'<svg class="vk-chart" role="group" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" style="--vk-width: {width}px" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line class="vk-chart__axis" x1="{left}" y1="{top + plot}" x2="{width - left}" y2="{top + plot}"/>',
    ]
    for index, (label, count) in enumerate(bars):
        x = left + index * (bar_width + gap) + gap / 2
        bar_height = round(plot * count / peak) if count else 0
        y = top + plot - bar_height
        tip = f"{label}: {count} văn bản"
        bar = (
            f'<rect class="vk-chart__bar" x="{x}" y="{y}" width="{bar_width}" height="{bar_height}"><title>'
            f"{escape(tip)}</title></rect>"
        )
        if count:
            bar += f'<text class="vk-chart__value" x="{x + bar_width / 2}" y="{y - 4}">{count}</text>'
        label_y = top + plot + 14
        transform = f' transform="rotate(-45 {x + bar_width / 2} {label_y})"' if rotate else ""
        bar += f'<text class="vk-chart__label" x="{x + bar_width / 2}" y="{label_y}"{transform}>{escape(label)}</text>'
        link = href(label) if count else None
        parts.append(f'<a href="{escape(link)}">{bar}</a>' if link else f"<g>{bar}</g>")
    parts.append("</svg>")
    return '<figure class="vk-chart-figure">' + "".join(parts) + "</figure>"
