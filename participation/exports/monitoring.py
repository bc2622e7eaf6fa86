"""The monitoring chapter of the report and the "Indikatorwerte" sheet of the workbook (issue #19):
the council decisions, which measures run for whom where with whose money until when, the funding overview,
indicators over time with charts, what changed between survey waves, the quality self-check."""
from __future__ import annotations

from flask_babel import format_date, format_decimal, gettext as _

from .. import strategy
from ..strategy import funding, measures, quality
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
    return blocks + _council_blocks(process) + _status_blocks(process) + _funding_blocks(process) \
        + _indicator_blocks(process) + wave_blocks(process) + _quality_blocks(process)


def _council_blocks(process) -> list:
    decisions = decisions_of(process)
    blocks = [Heading(_("Ratsbeschlüsse"), 3)]
    if not decisions:
        return blocks + [Paragraph(_("Noch kein Ratsbeschluss eingetragen."))]
    return blocks + [Table([_("Datum"), _("Gremium"), _("Drucksache"), _("Link")],
                           [[format_date(d.decided_on), d.body, d.document_number, d.url] for d in decisions],
                           widths=[1.2, 2, 1.3, 2.5])]


def _status_blocks(process) -> list:
    """Per measure: status and since when, life stages, district, lead, funders with their periods, evaluation."""
    all_measures = strategy.measures_of(process)
    statuses = strategy.measure_status_labels()
    blocks = [Heading(_("Stand der Maßnahmen"), 3)]
    if not all_measures:
        return blocks + [Paragraph(_("Noch keine Maßnahmen."))]
    counts = {code: sum(1 for m in all_measures if m.status == code) for code in statuses}
    blocks.append(Paragraph("; ".join(f"{label}: {counts[code]}" for code, label in statuses.items()
                                      if counts[code])))
    rows = []
    for m in all_measures:
        since = measures.status_since(m)
        status = statuses.get(m.status, m.status)
        rows.append([m.title, _("%(status)s seit %(date)s", status=status, date=format_date(since)) if since
                     else status, ", ".join(stage.name for stage in m.life_stages), m.district,
                     " / ".join(b.name for b in measures.leads(m)) or m.responsible,
                     "\n".join(measures.period_text(f) for f in m.fundings) or ", ".join(measures.funders(m)),
                     measures.evaluation_text(m)])
    return blocks + [Table([_("Maßnahme"), _("Status"), _("Lebensphasen"), _("Stadtteil"), _("Federführung"),
                            _("Förderung und Zeitraum"), _("Bewertung")], rows,
                           widths=[2.4, 1.3, 1.5, 1.1, 1.5, 2.2, 2])]


def _funding_blocks(process) -> list:
    """The money per funder and year, and in words what to check: double funding and gaps after a period."""
    all_measures = strategy.measures_of(process)
    rows = funding.funding_rows(all_measures)
    blocks = [Heading(_("Förderübersicht"), 3)]
    if not rows:
        return blocks + [Paragraph(_("Noch keine Budgets oder Förderungen eingetragen."))]
    blocks.append(Table([_("Förderer"), _("Jahr"), _("Maßnahme"), _("Stadtteil"), _("Betrag")],
                        [[row.funder or _("eigene Mittel"), str(row.year), row.measure.title, row.district,
                          measures.euros(row.amount)] for row in rows], widths=[1.6, 0.7, 2.6, 1.2, 1.1]))
    checks = [funding.double_funding_text(case) for case in funding.double_fundings(all_measures)] + \
             [funding.gap_text(gap) for gap in funding.funding_gaps(all_measures)]
    if checks:
        blocks.append(Paragraph(_("Zu prüfen:"), bold=True))
        blocks += [Paragraph(text) for text in checks]
    return blocks


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


def wave_blocks(process) -> list:
    """What changed between survey waves: who took part, closed questions and themes (small groups hidden)."""
    from flask_babel import get_locale

    from ..surveys.waves import THEME_STATUS_LABELS, compare_waves, wave_pairs

    pairs = wave_pairs(process)
    if not pairs:
        return []
    language = str(get_locale() or "de").split("_")[0]
    blocks = [Heading(_("Was sich zwischen den Befragungswellen verändert hat"), 3),
              Paragraph(_("Anteile an den Personen, die geantwortet haben; Gruppen mit weniger als %(minimum)s "
                          "Personen werden nicht ausgewiesen, dann wird auch keine Veränderung angegeben.",
                          minimum=process.min_group_size))]
    for previous, current in pairs:
        comparison = compare_waves(previous, current, language)
        blocks.append(Paragraph(_("Welle %(before)s (%(people_before)s Teilnehmende) → Welle %(after)s "
                                  "(%(people_after)s Teilnehmende): %(title)s",
                                  before=previous.wave_number, after=current.wave_number, title=current.title,
                                  people_before=comparison.participants_before,
                                  people_after=comparison.participants_after), bold=True))
        if comparison.themes:
            blocks.append(Table([_("Thema"), _("Entwicklung"), _("vorher"), _("nachher")],
                                [[theme.label, str(THEME_STATUS_LABELS[theme.status]), _share_text(theme.before),
                                  _share_text(theme.after)] for theme in comparison.themes],
                                widths=[2.6, 1.6, 1, 1]))
        for question in comparison.questions:
            blocks.append(Paragraph(question.text))
            blocks.append(Table([_("Antwort"), _("vorher"), _("nachher"), _("Veränderung (Prozentpunkte)")],
                                [[row.label, _share_text(row.before), _share_text(row.after),
                                  "" if row.points is None else format_decimal(row.points, "+#,##0.0;-#,##0.0")]
                                 for row in question.rows], widths=[2.6, 1, 1, 1.4]))
    return blocks


def _share_text(cell) -> str:
    if cell.hidden:
        return _("nicht ausgewiesen")
    if cell.share is None:
        return "–"
    return f"{round(cell.share * 100)} % ({cell.count})"
