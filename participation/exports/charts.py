"""Horizontal bar charts as PNG for office documents (Pillow; fonts from the system, offline)."""
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                   "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
INK = (27, 31, 36)
BAR = (11, 92, 173)
TARGET = (176, 0, 32)


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
