"""Server-side SVG charts: no JavaScript, no external service, readable in print.

Every chart is paired with a table in the templates (screen readers, print); the SVG itself carries
a title and description and is marked as an image.
"""
from dataclasses import dataclass
from html import escape


@dataclass
class Bar:
    label: str
    value: float
    display: str = ""        # text shown at the end of the bar, e.g. "12 (30 %)"
    target: float | None = None   # optional marker (quota) on the same scale
    hidden: bool = False     # suppressed because the group is smaller than the minimum


def bar_chart_svg(bars: list[Bar], title: str, description: str = "", width: int = 640,
                  bar_height: int = 28, label_width: int = 200) -> str:
    """A horizontal bar chart as inline SVG markup (safe to embed: every text is escaped)."""
    gap = 10
    top = 8
    height = top + len(bars) * (bar_height + gap) + 4
    maximum = max([b.value for b in bars if not b.hidden] + [b.target or 0 for b in bars] + [1])
    plot_width = width - label_width - 90
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" focusable="false">',
        f"<title>{escape(title)}</title>",
    ]
    if description:
        parts.append(f"<desc>{escape(description)}</desc>")
    for index, bar in enumerate(bars):
        y = top + index * (bar_height + gap)
        label = bar.label if len(bar.label) <= 30 else bar.label[:29] + "…"
        parts.append(f'<text x="{label_width - 8}" y="{y + bar_height * 0.68:.1f}" text-anchor="end" '
                     f'font-size="14" fill="#1b1f24">{escape(label)}</text>')
        length = 0 if bar.hidden else plot_width * bar.value / maximum
        parts.append(f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
                     f'fill="{"#9aa5b1" if bar.hidden else "#0b5cad"}" rx="3"/>')
        if bar.target is not None:
            x = label_width + plot_width * bar.target / maximum
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 3}" y2="{y + bar_height + 3}" '
                         f'stroke="#b00020" stroke-width="3"/>')
        display = bar.display or ("–" if bar.hidden else f"{bar.value:g}")
        parts.append(f'<text x="{label_width + length + 6:.1f}" y="{y + bar_height * 0.68:.1f}" font-size="14" '
                     f'fill="#1b1f24">{escape(display)}</text>')
    parts.append("</svg>")
    return "".join(parts)
