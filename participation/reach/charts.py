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


SVG_WIDTH = 440           # viewBox units; on a 390 px phone the chart is about 340 px wide …
SVG_FONT = 16             # … so text stays ≥ 12 px there; capped at 28rem (about 17 px text) on wide screens
LINE_CHARS = 44           # characters per label line at that size (average glyph ≈ 0.55 em)


def wrap_label(text: str, width: int = LINE_CHARS) -> list[str]:
    """Break a label at spaces (or inside over-long words) into lines of at most `width` characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width - 1] + "-")
            word = word[width - 1:]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


def bar_chart_svg(bars: list[Bar], title: str, description: str = "", bar_height: int = 22) -> str:
    """A horizontal bar chart as inline SVG markup (safe to embed: every text is escaped).

    Each label stands on its own lines above its bar, wrapped, never cut, so long answer options and
    district names read in full on a phone and on a wide screen alike.
    """
    line_height = SVG_FONT * 1.25
    value_room = 150
    plot_width = SVG_WIDTH - value_room
    maximum = max([b.value for b in bars if not b.hidden] + [b.target or 0 for b in bars] + [1])
    parts, y = [], 6.0
    for bar in bars:
        for line in wrap_label(bar.label):
            y += line_height
            parts.append(f'<text x="0" y="{y - 4:.1f}" font-size="{SVG_FONT}" fill="#1b1f24">{escape(line)}</text>')
        top = y + 2
        length = 0 if bar.hidden else plot_width * bar.value / maximum
        parts.append(f'<rect x="0" y="{top:.1f}" width="{length:.1f}" height="{bar_height}" '
                     f'fill="{"#9aa5b1" if bar.hidden else "#0b5cad"}" rx="3"/>')
        text_x = length + 6
        if bar.target is not None:
            x = plot_width * bar.target / maximum
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 3:.1f}" y2="{top + bar_height + 3:.1f}" '
                         f'stroke="#b00020" stroke-width="3"/>')
            text_x = max(text_x, x + 8)     # the value is never struck through by the quota marker
        display = bar.display or ("–" if bar.hidden else f"{bar.value:g}")
        parts.append(f'<text x="{text_x:.1f}" y="{top + bar_height * 0.75:.1f}" font-size="{SVG_FONT}" '
                     f'fill="#1b1f24">{escape(display)}</text>')
        y = top + bar_height + 12
    height = y + 4
    head = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {SVG_WIDTH} {height:.0f}" '
            f'width="100%" preserveAspectRatio="xMinYMin meet" focusable="false" direction="ltr">', f"<title>{escape(title)}</title>"]
    if description:
        head.append(f"<desc>{escape(description)}</desc>")
    return "".join(head + parts + ["</svg>"])


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
