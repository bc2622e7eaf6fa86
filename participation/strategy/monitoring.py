"""Monitoring of indicators: lenient numbers, dated values, whether they move toward the target, charts.

Baselines and targets are free text ("12,5 %", "< 10", "ca. 300"), so they are read leniently here and
left as typed in the database. Everything is a plain function: the pages, the report and tests share it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from io import BytesIO

from flask_babel import format_date, format_decimal, get_locale, gettext as _

NUMBER = re.compile(r"[-−]?\d[\d.,' \u00a0\u202f]*")


def parse_number(text) -> float | None:
    """The first number in a text, German or English style: "12,5 %" → 12.5, "1.234,5" → 1234.5,
    "1,234.5" → 1234.5, "3.000" → 3000; None when there is none."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text)
    match = NUMBER.search(str(text))
    if not match:
        return None
    raw = re.sub(r"[' \u00a0\u202f]", "", match.group().rstrip(".,' \u00a0\u202f")).replace("−", "-")
    if "," in raw and "." in raw:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
        raw = raw.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in raw:
        raw = raw.replace(",", "") if re.fullmatch(r"-?\d{1,3}(,\d{3}){2,}", raw) else raw.replace(",", ".")
    elif raw.count(".") > 1 or re.fullmatch(r"-?\d{1,3}\.\d{3}", raw):
        raw = raw.replace(".", "")     # German thousands: "3.000", "1.234.567"
    try:
        return float(raw)
    except ValueError:
        return None


def parse_date(text) -> date | None:
    """German (31.12.2025, 31.12.25) or ISO (2025-12-31) dates; None when neither."""
    if isinstance(text, date):
        return text
    text = (text or "").strip()
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


# --- toward the target ----------------------------------------------------------------------------

TOWARD, AWAY, UNCHANGED, REACHED, UNKNOWN = "toward", "away", "unchanged", "reached", "unknown"


def direction(baseline: float | None, target: float | None, latest: float | None) -> str:
    """Does the latest value move from the baseline toward the target? Works for falling targets too."""
    if baseline is None or target is None or latest is None or baseline == target:
        return UNKNOWN
    wanted = 1 if target > baseline else -1
    if (latest - target) * wanted >= 0:
        return REACHED
    if latest == baseline:
        return UNCHANGED
    return TOWARD if (latest - baseline) * wanted > 0 else AWAY


@dataclass
class Series:
    """An indicator with its numbers: what pages, charts and the report show."""
    name: str
    unit: str
    baseline: float | None
    target: float | None
    points: list[tuple[date, float]]

    @property
    def latest(self) -> float | None:
        return self.points[-1][1] if self.points else None

    @property
    def direction(self) -> str:
        return direction(self.baseline, self.target, self.latest)


def series_of(indicator) -> Series:
    return Series(indicator.name, indicator.unit or "", parse_number(indicator.baseline),
                  parse_number(indicator.target),
                  [(value.measured_on, value.value) for value in indicator.values])


def number_text(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    return f"{format_decimal(value, format='#,##0.##')} {unit}".strip()


def direction_text(series: Series) -> str:
    """The state in words, for pages, screen readers and the report."""
    state = series.direction
    values = dict(baseline=number_text(series.baseline, series.unit), target=number_text(series.target, series.unit),
                  latest=number_text(series.latest, series.unit))
    if not series.points:
        return _("Noch keine Messwerte.")
    if state == REACHED:
        return _("Zielwert erreicht: zuletzt %(latest)s (Ausgangswert %(baseline)s, Zielwert %(target)s).", **values)
    if state == TOWARD:
        return _("Entwickelt sich in Richtung Zielwert: von %(baseline)s auf zuletzt %(latest)s "
                 "(Zielwert %(target)s).", **values)
    if state == AWAY:
        return _("Entwickelt sich vom Zielwert weg: von %(baseline)s auf zuletzt %(latest)s "
                 "(Zielwert %(target)s).", **values)
    if state == UNCHANGED:
        return _("Unverändert beim Ausgangswert %(baseline)s (Zielwert %(target)s).", **values)
    return _("Die Richtung lässt sich nicht bestimmen: Ausgangswert und Zielwert brauchen je eine Zahl "
             "(zuletzt gemessen: %(latest)s).", **values)


# --- charts ---------------------------------------------------------------------------------------

@dataclass
class Frame:
    """Where things go on a chart of the given size: dates left to right, values bottom to top."""
    series: Series
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    def __post_init__(self):
        values = [v for _d, v in self.series.points] + [v for v in (self.series.baseline, self.series.target)
                                                        if v is not None]
        low, high = (min(values), max(values)) if values else (0.0, 1.0)
        pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
        self.low, self.high = low - pad, high + pad
        days = [d.toordinal() for d, _v in self.series.points]
        self.first, self.last = (min(days), max(days)) if days else (0, 1)

    def x(self, day: date) -> float:
        span = self.last - self.first
        inner = self.width - self.left - self.right
        return self.left + (inner / 2 if span == 0 else inner * (day.toordinal() - self.first) / span)

    def y(self, value: float) -> float:
        inner = self.height - self.top - self.bottom
        return self.top + inner * (self.high - value) / (self.high - self.low)


SVG_W, SVG_H = 440, 220
BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))


def axis_date(day: date) -> str:
    """A short date for the axis, without the direction marks some locales add (the axis runs left to right)."""
    return format_date(day, "short").translate(BIDI_MARKS)


def _label_attributes(x_right: float) -> str:
    """Right-aligned label text; in right-to-left languages written right to left from the same edge."""
    locale = get_locale()
    if locale is not None and locale.character_order == "right-to-left":
        return f'x="{x_right}" text-anchor="start" direction="rtl"'
    return f'x="{x_right}" text-anchor="end"'


def chart_svg(series: Series) -> str:
    """Values over time as inline SVG: a line with dots, dashed lines for baseline (grey) and target (red).

    No style attributes (strict CSP): presentation attributes and classes only; every text escaped.
    The page shows the values table next to it, so the SVG is one image with a title and description.
    """
    frame = Frame(series, SVG_W, SVG_H, left=8, right=8, top=12, bottom=28)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart indicator-chart" role="img" '
             f'viewBox="0 0 {SVG_W} {SVG_H}" width="100%" preserveAspectRatio="xMinYMin meet" focusable="false" '
             f'direction="ltr"><title>{escape(_("Verlauf: %(name)s", name=series.name))}</title>'
             f"<desc>{escape(direction_text(series))}</desc>",
             f'<line x1="{frame.left}" x2="{SVG_W - frame.right}" y1="{SVG_H - frame.bottom}" '
             f'y2="{SVG_H - frame.bottom}" stroke="#1b1f24" stroke-width="1"/>']
    for value, colour, label, css in ((series.baseline, "#5f6b78", _("Ausgangswert"), "baseline"),
                                      (series.target, "#b00020", _("Zielwert"), "target")):
        if value is None:
            continue
        y = frame.y(value)
        parts.append(f'<line class="chart-{css}" x1="{frame.left}" x2="{SVG_W - frame.right}" y1="{y:.1f}" '
                     f'y2="{y:.1f}" stroke="{colour}" stroke-width="2" stroke-dasharray="6 4"/>')
        parts.append(f'<text {_label_attributes(SVG_W - frame.right)} y="{y - 4:.1f}" font-size="13" '
                     f'fill="{colour}">{escape(label)}: {escape(number_text(value, series.unit))}</text>')
    if series.points:
        path = " ".join(f"{frame.x(d):.1f},{frame.y(v):.1f}" for d, v in series.points)
        parts.append(f'<polyline class="chart-values" points="{path}" fill="none" stroke="#0b5cad" '
                     f'stroke-width="3"/>')
        parts += [f'<circle cx="{frame.x(d):.1f}" cy="{frame.y(v):.1f}" r="4.5" fill="#0b5cad"/>'
                  for d, v in series.points]
        for day, anchor in ((series.points[0][0], "start"), (series.points[-1][0], "end")):
            parts.append(f'<text x="{frame.x(day) if len(series.points) > 1 else SVG_W / 2:.1f}" '
                         f'y="{SVG_H - 8}" text-anchor="{anchor if len(series.points) > 1 else "middle"}" '
                         f'font-size="13" fill="#1b1f24">{escape(axis_date(day))}</text>')
            if len(series.points) == 1:
                break
    return "".join(parts + ["</svg>"])


def chart_png(series: Series, width: int = 1200, height: int = 560) -> bytes:
    """The same chart as PNG for office documents (Pillow, system fonts, offline)."""
    from PIL import Image, ImageDraw

    from ..reach.charts import BAR, INK, TARGET, _font

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = _font(24)
    frame = Frame(series, width, height, left=20, right=20, top=30, bottom=60)
    draw.line([frame.left, height - frame.bottom, width - frame.right, height - frame.bottom], fill=INK, width=2)
    for value, colour, label in ((series.baseline, (95, 107, 120), _("Ausgangswert")),
                                 (series.target, TARGET, _("Zielwert"))):
        if value is None:
            continue
        y = frame.y(value)
        for x in range(int(frame.left), int(width - frame.right), 24):
            draw.line([x, y, min(x + 14, width - frame.right), y], fill=colour, width=3)
        draw.text((width - frame.right, y - 6), f"{label}: {number_text(value, series.unit)}", fill=colour,
                  font=font, anchor="rb")
    points = [(frame.x(d), frame.y(v)) for d, v in series.points]
    if len(points) > 1:
        draw.line(points, fill=BAR, width=5)
    for x, y in points:
        draw.ellipse([x - 8, y - 8, x + 8, y + 8], fill=BAR)
    if series.points:
        draw.text((points[0][0], height - 20), axis_date(series.points[0][0]), fill=INK, font=font,
                  anchor="ls" if len(points) > 1 else "ms")
        if len(points) > 1:
            draw.text((points[-1][0], height - 20), axis_date(series.points[-1][0]), fill=INK,
                      font=font, anchor="rs")
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
