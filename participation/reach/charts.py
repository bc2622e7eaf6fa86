"""Horizontal bar charts, drawn on the server for two outputs: SVG inline in pages, PNG in office documents.

No JavaScript, no external service, readable in print. On pages every chart is paired with a table
(screen readers, print); the SVG itself carries a title and description and is marked as an image.
The PNG version uses Pillow with the system fonts, offline.
"""
from dataclasses import dataclass
from html import escape
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                   "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
INK = (27, 31, 36)
BAR = (11, 92, 173)
TARGET = (176, 0, 32)


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


def _font(size: int):
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def bar_chart_png(bars: list[tuple[str, float, str]], targets: dict[str, float] | None = None,
                  width: int = 1200, bar_height: int = 34, label_width: int = 430) -> bytes:
    """Bars of (label, value, text shown after the bar); optional target markers by label."""
    targets = targets or {}
    gap, top = 14, 16
    height = top * 2 + max(len(bars), 1) * (bar_height + gap)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = _font(22)
    maximum = max([value for _label, value, _text in bars] + list(targets.values()) + [1e-9])
    plot_width = width - label_width - 170
    for index, (label, value, text) in enumerate(bars):
        y = top + index * (bar_height + gap)
        shown = _fit(draw, label, font, label_width - 24)
        draw.text((label_width - 12, y + bar_height / 2), shown, fill=INK, font=font, anchor="rm")
        length = plot_width * value / maximum
        draw.rectangle([label_width, y, label_width + max(length, 1), y + bar_height], fill=BAR)
        if label in targets:
            x = label_width + plot_width * targets[label] / maximum
            draw.line([x, y - 4, x, y + bar_height + 4], fill=TARGET, width=4)
        draw.text((label_width + length + 10, y + bar_height / 2), text, fill=INK, font=font, anchor="lm")
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _fit(draw, text: str, font, width: int) -> str:
    """Shorten a label with an ellipsis until it fits the label column."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"
