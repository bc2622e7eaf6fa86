"""The monitoring chapter of the report and the "Indikatorwerte" sheet of the workbook (issue #19):
indicators over time with charts, the status of the measures, the council decisions, the quality self-check."""
from __future__ import annotations

from flask_babel import format_date, gettext as _

from .. import strategy
from ..strategy import quality
from ..strategy.council import decisions_of, strategy_name
from ..strategy.monitoring import chart_png, direction_text, number_text, series_of
from .report import Heading, Image, Paragraph, Table
from .workbook import Sheet


def indicators_of(process) -> list:
    """Every indicator of the strategy in its order: goals' first, then their measures'."""
    found = []
    for field in strategy.fields_of(process):
        for goal in field.goals:
            found += goal.indicators
            for measure in goal.measures:
                found += measure.indicators
    return found


def indicator_value_sheet(process) -> Sheet:
    rows = [[indicator.name, value.measured_on, value.value, value.source, value.note]
            for indicator in indicators_of(process) for value in indicator.values]
    return Sheet(_("Indikatorwerte"), [_("Indikator"), _("Datum"), _("Wert"), _("Quelle"), _("Notiz")], rows,
                 widths=[40, 12, 12, 30, 40])


def monitoring_blocks(process) -> list:
    blocks = [Heading(_("Monitoring"), 2),
              Paragraph(_("Wie weit die Strategie „%(strategy)s“ umgesetzt ist: Beschlüsse, Stand der Maßnahmen, "
                          "gemessene Werte der Indikatoren und der Qualitäts-Selbstcheck.",
                          strategy=strategy_name(process)))]
    return blocks + _council_blocks(process) + _status_blocks(process) + _indicator_blocks(process) \
        + _quality_blocks(process)


def _council_blocks(process) -> list:
    decisions = decisions_of(process)
    blocks = [Heading(_("Ratsbeschlüsse"), 3)]
    if not decisions:
        return blocks + [Paragraph(_("Noch kein Ratsbeschluss eingetragen."))]
    return blocks + [Table([_("Datum"), _("Gremium"), _("Drucksache"), _("Link")],
                           [[format_date(d.decided_on), d.body, d.document_number, d.url] for d in decisions],
                           widths=[1.2, 2, 1.3, 2.5])]


def _status_blocks(process) -> list:
    measures = strategy.measures_of(process)
    statuses = strategy.measure_status_labels()
    blocks = [Heading(_("Stand der Maßnahmen"), 3)]
    if not measures:
        return blocks + [Paragraph(_("Noch keine Maßnahmen."))]
    counts = {code: sum(1 for m in measures if m.status == code) for code in statuses}
    blocks.append(Paragraph("; ".join(f"{label}: {counts[code]}" for code, label in statuses.items()
                                      if counts[code])))
    return blocks + [Table([_("Maßnahme"), _("Status"), _("Zeitraum")],
                           [[m.title, statuses.get(m.status, m.status), strategy.timeline_text(m)] for m in measures],
                           widths=[3, 1.3, 1.3])]


def _indicator_blocks(process) -> list:
    blocks = [Heading(_("Indikatoren im Verlauf"), 3)]
    indicators = indicators_of(process)
    if not indicators:
        return blocks + [Paragraph(_("Noch keine Indikatoren."))]
    for indicator in indicators:
        series = series_of(indicator)
        blocks += [Paragraph(indicator.name, bold=True),
                   Paragraph(_("Ausgangswert: %(baseline)s · Zielwert: %(target)s",
                               baseline=f"{indicator.baseline or '–'} {indicator.unit}".strip(),
                               target=f"{indicator.target or '–'} {indicator.unit}".strip())),
                   Paragraph(direction_text(series))]
        if series.points:
            blocks.append(Image(chart_png(series), _("Liniendiagramm: %(name)s (blau: gemessene Werte, gestrichelt: "
                                                     "Ausgangswert grau, Zielwert rot)", name=indicator.name),
                                width_cm=14.0))
            blocks.append(Table([_("Datum"), _("Wert"), _("Quelle")],
                                [[format_date(v.measured_on), number_text(v.value, indicator.unit), v.source]
                                 for v in indicator.values], widths=[1, 1, 2.5]))
    return blocks


def _quality_blocks(process) -> list:
    labels = quality.rating_labels()
    blocks = [Heading(_("Qualitäts-Selbstcheck der Maßnahmen"), 3),
              Paragraph(_("Nach den 12 Kriterien für gute Praxis der soziallagenbezogenen Gesundheitsförderung des "
                          "Kooperationsverbunds Gesundheitliche Chancengleichheit."))]
    checked = [m for m in strategy.measures_of(process) if m.quality_ratings]
    if not checked:
        return blocks + [Paragraph(_("Noch keine Maßnahme geprüft."))]
    for measure in checked:
        ratings = quality.ratings_of(measure)
        blocks.append(Paragraph(_("Maßnahme: %(title)s", title=measure.title), bold=True))
        blocks.append(Table([_("Kriterium"), _("Bewertung"), _("Notiz")],
                            [[str(label), str(labels[ratings[key].rating if key in ratings else "open"]),
                              ratings[key].note if key in ratings else ""]
                             for key, label in quality.CRITERIA], widths=[2, 1.3, 3]))
    return blocks
