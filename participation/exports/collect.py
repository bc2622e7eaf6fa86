"""Turn a process into the plain data the writers take, with privacy rules applied on the way.

Every count goes through participation.aggregates (groups below the minimum size are hidden and never
named), every free text through mask_personal_data, and answers a planner flagged are left out.
Labels are translated with the current gettext locale (the job sets it with force_locale).
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import format_date
from flask_babel import gettext as _

from .. import strategy
from ..cooperation.instruments import resident_questionnaires, responses_of
from ..extensions import db
from ..languages.i18n import LANGUAGES
from ..models import TEXT_KINDS, Answer, Question, Response, utcnow
from ..priorities.results import measure_priorities, published_rankings
from ..privacy.k_anonymity import generalise, k_anonymise
from ..privacy.masking import mask_personal_data
from ..reach.aggregates import BREAKDOWN_FIELDS, response_counts, total_responses
from ..reach.charts import bar_chart_png
from ..reach.dashboard import honest_breakdown
from ..strategy import funding, measures
from ..strategy.phases import current_phase_name
from ..strategy.weight import evidence_weights
from .monitoring import indicator_value_sheet, monitoring_blocks
from .report import Heading, Image, Orientation, Paragraph, Quote, Table
from .workbook import Sheet

QUOTA_FIELDS = ("district", "target_group", "language")


def breakdown_labels() -> dict[str, str]:
    return {"channel": _("Beteiligungskanal"), "language": _("Sprache"), "district": _("Stadtteil"),
            "target_group": _("Zielgruppe")}


def value_label(field: str, value) -> str:
    if value is None or value == "":
        return _("keine Angabe")
    if field == "channel":
        return strategy.channel_labels().get(value, value)
    if field == "language":
        return LANGUAGES[value].native_name if value in LANGUAGES else value
    return str(value)


def percent(share: float | None) -> str:
    return "" if share is None else f"{share * 100:.0f} %"


def small_group_label(process) -> str:
    return _("nicht ausgewiesen")


class BreakdownMask:
    """Replaces breakdown values of hidden small groups in answer-level rows, so no row names them."""

    def __init__(self, process):
        self.visible = {field: {cell.value for cell in response_counts(process, field) if not cell.hidden}
                        for field in BREAKDOWN_FIELDS}
        self.placeholder = _("kleine Gruppe")

    def __call__(self, field: str, value):
        if value is None or value in self.visible[field]:
            return value
        return self.placeholder


@dataclass
class ReachRow:
    field: str
    label: str
    count: int | str
    share: float | None     # numbers, so spreadsheets can sort and sum them
    quota: float | None


def reach_rows(process) -> list[ReachRow]:
    """Responses by channel, language, district and group; quotas beside them; small groups pooled.

    Shares as on the reach dashboard: of those who said, "keine Angabe" as a share of all answers."""
    names = breakdown_labels()
    quotas_by_field = process.quotas or {}
    total = total_responses(process)
    rows = []
    for field in BREAKDOWN_FIELDS:
        quotas = quotas_by_field.get(field, {}) if field in QUOTA_FIELDS else {}
        honest = honest_breakdown(response_counts(process, field), total)
        cells = honest.cells + ([honest.not_stated] if honest.not_stated is not None else [])
        shown = {cell.value for cell in cells if not cell.hidden}
        for cell in cells:
            if not cell.hidden:
                quota = quotas.get(cell.value)
                rows.append(ReachRow(names[field], value_label(field, cell.value), cell.count, cell.share, quota))
        for name, quota in quotas.items():
            if name not in shown:
                rows.append(ReachRow(names[field], value_label(field, name), small_group_label(process), None, quota))
        pooled = [cell for cell in cells if cell.hidden and cell.value not in quotas]
        if pooled:
            rows.append(ReachRow(names[field], _("weitere Gruppen (%(groups)s)", groups=len(pooled)),
                                 small_group_label(process), None, None))
    return rows


def quote_text(answer: Answer) -> str:
    """The quote as said, masked, with its German translation when it was given in another language."""
    text = mask_personal_data(answer.text_value)
    if answer.translation_de and (answer.language or "de") != "de":
        text += " — " + _("Übersetzung: %(text)s", text=mask_personal_data(answer.translation_de))
    return text


def quote_source(answer: Answer, mask: BreakdownMask) -> str:
    """Channel, language and district of a quote, leaving out every value of a hidden small group."""
    response = answer.response
    values = (("channel", response.channel), ("language", answer.language or response.language),
              ("district", response.district))
    return ", ".join(value_label(field, value) for field, value in values
                     if value and mask(field, value) == value)


@dataclass
class ThemeSummary:
    label: str
    count: int | None
    shown_count: str
    keywords: str
    quotes: list[tuple[str, str]]
    linked_to: list[str]


def theme_summaries(process, mask: BreakdownMask) -> list[ThemeSummary]:
    quotes = strategy.quotes_by_theme(process)
    targets = _linked_targets_by_theme(process)
    summaries = []
    for theme, cell in strategy.theme_cells(process):
        summaries.append(ThemeSummary(
            label=theme.label, count=cell.count,
            shown_count=small_group_label(process) if cell.hidden else str(cell.count),
            keywords=", ".join(theme.keywords or []),
            quotes=[(quote_text(answer), quote_source(answer, mask)) for answer in quotes.get(theme.id, [])],
            linked_to=targets.get(theme.id, [])))
    return summaries


def _target_title(link) -> str:
    if link.indicator is not None:
        return _("Indikator: %(title)s", title=link.indicator.name)
    if link.measure is not None:
        return _("Maßnahme: %(title)s", title=link.measure.title)
    if link.goal is not None:
        return _("Ziel: %(title)s", title=link.goal.title)
    return _("Handlungsfeld: %(title)s", title=link.field.title)


def _linked_targets_by_theme(process) -> dict[int, list[str]]:
    answer_themes = strategy.theme_of_answers(process)
    targets: dict[int, list[str]] = {}
    for link in strategy.evidence_links(process):
        for theme_id in strategy.linked_theme_ids(link, answer_themes):
            title = _target_title(link)
            if title not in targets.setdefault(theme_id, []):
                targets[theme_id].append(title)
    return targets


@dataclass
class StrategyEvidence:
    """Evidence links by target and the themes' weights, read once per export."""
    links: dict
    weights: dict

    @classmethod
    def of(cls, process) -> StrategyEvidence:
        return cls(strategy.evidence_by_target(process), evidence_weights(process))

    def text(self, kind: str, *items) -> str:
        """The evidence of these objects, one line per link, in the words of the strategy page."""
        links = [link for item in items for link in self.links.get((kind, item.id), [])]
        return "\n".join(strategy.evidence_item(link, self.weights).text for link in links)

    def indicators(self, indicators) -> str:
        """Each indicator with its target values and, below it, the evidence it rests on."""
        lines = []
        for indicator in indicators:
            lines.append(indicator_text(indicator))
            lines += [f"  {_('Beleg')}: {line}" for line in self.text("indicator", indicator).splitlines()]
        return "\n".join(lines)


def indicator_text(indicator) -> str:
    unit = f" {indicator.unit}" if indicator.unit else ""
    text = indicator.name
    if indicator.baseline or indicator.target:
        text += f": {indicator.baseline or '?'}{unit} → {indicator.target or '?'}{unit}"
    if indicator.source:
        text += " (" + _("Quelle: %(source)s", source=indicator.source) + ")"
    return text


@dataclass
class MatrixRow:
    field: str
    level: str
    goal: str
    measure: str
    responsible: str
    partners: str
    target_group: str
    district: str
    timeline: str
    status: str
    indicators: str
    evidence: str
    priority: str = ""


def strategy_matrix(process) -> list[MatrixRow]:
    """One row per measure; goals without measures and fields without goals still get a row."""
    levels = strategy.goal_level_labels()
    statuses = strategy.measure_status_labels()
    evidence = StrategyEvidence.of(process)
    priorities = measure_priorities(process)
    rows = []
    for field in strategy.fields_of(process):
        if not field.goals:
            rows.append(MatrixRow(field.title, "", "", "", "", "", "", "", "", "", "", evidence.text("field", field)))
        for goal in field.goals:
            goal_indicators = evidence.indicators(goal.indicators)
            if not goal.measures:
                rows.append(MatrixRow(field.title, levels.get(goal.level, goal.level), goal.title, "", "", "", "",
                                      "", "", "", goal_indicators,
                                      "\n".join(filter(None, [evidence.text("field", field),
                                                               evidence.text("goal", goal)]))))
            for measure in goal.measures:
                rows.append(MatrixRow(
                    field.title, levels.get(goal.level, goal.level), goal.title, measure.title, measure.responsible,
                    measure.partners, measure.target_group, measure.district, strategy.timeline_text(measure),
                    statuses.get(measure.status, measure.status),
                    "\n".join(filter(None, [goal_indicators, evidence.indicators(measure.indicators)])),
                    evidence.text("measure", measure),
                    priorities[measure.id].text() if measure.id in priorities else ""))
    return rows


def coded_answers(process, mask: BreakdownMask) -> list[dict]:
    """Free-text answers, notes and quotes with their theme; flagged answers left out; text masked."""
    answer_themes = strategy.theme_of_answers(process)
    theme_labels = {theme.id: theme.label for theme in strategy.active_themes(process)}
    rows = db.session.execute(
        db.select(Answer, Response, Question).join(Response, Response.id == Answer.response_id)
        .join(Question, Question.id == Answer.question_id)
        .where(*responses_of(process.id), Answer.review_flag.is_(None), Answer.text_value.is_not(None),
               (Question.kind.in_(TEXT_KINDS)) | (Answer.item_kind != "answer"))
        .order_by(Answer.id)).all()
    coded = []
    for answer, response, question in rows:
        theme_id = answer_themes.get(answer.id)
        coded.append({
            "answer_id": answer.id, "response_id": response.id, "question_code": question.code,
            "question": question.text, "item_kind": answer.item_kind,
            "channel": mask("channel", response.channel), "language": mask("language", answer.language),
            "district": mask("district", response.district),
            "target_group": mask("target_group", response.target_group),
            "theme_id": theme_id if theme_id in theme_labels else None,
            "theme": theme_labels.get(theme_id, ""),
            "text": mask_personal_data(answer.text_value),
            "translation_de": mask_personal_data(answer.translation_de) if answer.translation_de else "",
        })
    return coded


# --- the workbook ---------------------------------------------------------------------------------

def workbook_sheets(process) -> list[Sheet]:
    return (_participation_sheets(process) + measure_sheets(process) + [indicator_value_sheet(process)]
            + wave_comparison_sheets(process))


def _participation_sheets(process) -> list[Sheet]:
    mask = BreakdownMask(process)
    matrix = strategy_matrix(process)
    themes = theme_summaries(process, mask)
    item_kinds = {"answer": _("Antwort"), "note": _("Notiz"), "quote": _("Zitat")}
    return [
        Sheet(_("%(strategy)s – Matrix", strategy=process.strategy_name) if process.strategy_name
              else _("Strategie-Matrix"),
              [_("Handlungsfeld"), _("Zielebene"), _("Ziel"), _("Maßnahme"), _("Zuständigkeit"), _("Partner"),
               _("Zielgruppe"), _("Stadtteil"), _("Zeitraum"), _("Status"), _("Indikatoren"),
               _("Belege (Themen und Zitate)"), _("Priorität")],
              [list(vars(row).values()) for row in matrix],
              widths=[16, 14, 24, 24, 16, 16, 13, 12, 12, 11, 30, 26, 18]),
        Sheet(_("Themen"), [_("Thema"), _("Antworten"), _("Schlagwörter"), _("Verknüpft mit"), _("Zitate")],
              [[t.label, t.count if t.count is not None else t.shown_count, t.keywords, "\n".join(t.linked_to),
                "\n".join(f"„{text}“ ({source})" for text, source in t.quotes)] for t in themes],
              widths=[30, 12, 30, 40, 70]),
        Sheet(_("Reichweite"), [_("Merkmal"), _("Gruppe"), _("Antworten"), _("Anteil"), _("Zielanteil (Quote)")],
              [[r.field, r.label, r.count, r.share, r.quota] for r in reach_rows(process)],
              widths=[20, 30, 14, 12, 18], formats={3: "0 %", 4: "0 %"}),
        Sheet(_("Codierte Antworten"),
              [_("Antwort-Nr."), _("Frage"), _("Art"), _("Beteiligungskanal"), _("Sprache"), _("Stadtteil"),
               _("Zielgruppe"), _("Thema"), _("Antwort"), _("Übersetzung (Deutsch)")],
              [[row["answer_id"], row["question"], item_kinds.get(row["item_kind"], row["item_kind"]),
                value_label("channel", row["channel"]),
                value_label("language", row["language"]), row["district"] or "", row["target_group"] or "",
                row["theme"], row["text"], row["translation_de"]] for row in coded_answers(process, mask)],
              widths=[10, 30, 10, 16, 14, 16, 18, 24, 60, 60]),
    ]


# --- running measures and their money (sheets "Maßnahmen" and "Förderübersicht") -------------------

def measure_sheets(process) -> list[Sheet]:
    """Who leads each measure with which money, and the money per funder and year with what to check.

    Amounts are numbers (whole euros) so the sheets can be summed and filtered."""
    all_measures = strategy.measures_of(process)
    statuses = strategy.measure_status_labels()
    priorities = measure_priorities(process)
    measure_rows = []
    for m in all_measures:
        since = measures.status_since(m)
        measure_rows.append([
            m.goal.field.title, m.goal.title, m.title, m.district, strategy.timeline_text(m),
            statuses.get(m.status, m.status), since.strftime("%d.%m.%Y") if since else "",
            " / ".join(b.name for b in measures.leads(m)) or m.responsible,
            ", ".join(b.name for b in measures.partners(m)) or m.partners,
            ", ".join(stage.name for stage in m.life_stages),
            measures.budget_total(m) if m.budget_lines else None,
            measures.own_contribution_total(m) if m.contributions else None, measures.contribution_text(m),
            ", ".join(measures.funders(m)), "\n".join(measures.period_text(f) for f in m.fundings),
            m.continuation, measures.evaluation_text(m),
            priorities[m.id].text() if m.id in priorities else ""])
    doubles = {(case.measure.id, case.year): funding.double_funding_text(case)
               for case in funding.double_fundings(all_measures)}
    gaps = {gap.measure.id: funding.gap_text(gap) for gap in funding.funding_gaps(all_measures)}
    funding_rows = [[row.funder or _("eigene Mittel"), row.year, row.measure.title, row.district, row.amount,
                     "\n".join(filter(None, [doubles.get((row.measure.id, row.year)) if row.funder else "",
                                             gaps.get(row.measure.id)]))]
                    for row in funding.funding_rows(all_measures)]
    return [
        Sheet(_("Maßnahmen"),
              [_("Handlungsfeld"), _("Ziel"), _("Maßnahme"), _("Stadtteil"), _("Zeitraum"), _("Status"),
               _("Status seit"), _("Federführung"), _("Beteiligte"), _("Lebensphasen"), _("Budget (EUR)"),
               _("Eigenanteil"), _("Eigenanteil (Art)"), _("Förderung"), _("Förderzeitraum"), _("Verstetigung"),
               _("Bewertung"), _("Priorität")],
              measure_rows, widths=[16, 22, 24, 12, 12, 11, 10, 18, 20, 18, 11, 11, 24, 18, 24, 24, 24, 16]),
        Sheet(_("Förderübersicht"),
              [_("Förderer"), _("Jahr"), _("Maßnahme"), _("Stadtteil"), _("Betrag (EUR)"), _("Zu prüfen")],
              funding_rows, widths=[22, 8, 30, 14, 13, 50]),
    ]


# --- the report -----------------------------------------------------------------------------------

def report_title(process) -> str:
    if process.strategy_name:
        return _("Beteiligungsbericht: %(title)s – %(strategy)s", title=process.title, strategy=process.strategy_name)
    return _("Beteiligungsbericht: %(title)s", title=process.title)


def report_blocks(process) -> list:
    """The participation report a council member can read: method, reach, themes, strategy, open points."""
    mask = BreakdownMask(process)
    blocks = [Heading(report_title(process), 1)]
    if process.description:
        blocks.append(Paragraph(process.description))
    blocks.append(Paragraph(_("Stand: %(date)s · Phase: %(phase)s", date=format_date(utcnow().date(), "long"),
                              phase=current_phase_name(process))))
    blocks += _method_blocks(process)
    blocks += _theme_blocks(process, mask)
    blocks += _strategy_blocks(process)
    blocks += _priority_blocks(process)
    blocks += monitoring_blocks(process)
    gaps = strategy.evidence_gaps(process)
    if gaps.themes_without_measure:
        blocks.append(Heading(_("Noch offene Themen"), 2))
        blocks.append(Paragraph(_("Zu diesen Themen gibt es noch keine Maßnahme. Die Planungsgruppe berät, "
                                  "ob und wie sie aufgegriffen werden.")))
        blocks.append(Table([_("Thema")], [[theme.label] for theme in gaps.themes_without_measure], widths=[1]))
    return blocks


def _method_blocks(process) -> list:
    total = total_responses(process)
    blocks = [Heading(_("Vorgehen und Reichweite"), 2),
              Paragraph(_("Die Bewohnerinnen und Bewohner wurden über verschiedene Wege gefragt: online, in "
                          "Gesprächen mit Multiplikatorinnen und Multiplikatoren, in Fokusgruppen und auf Papier. "
                          "Insgesamt liegen %(total)s Antworten vor.", total=total)),
              Paragraph(_("Gruppen mit weniger als %(n)s Antworten werden nicht einzeln ausgewiesen, damit "
                          "niemand erkannt werden kann. Kontaktdaten in Freitexten sind unkenntlich gemacht.",
                          n=process.min_group_size))]
    names = breakdown_labels()
    rows = reach_rows(process)
    for field in BREAKDOWN_FIELDS:
        field_rows = [row for row in rows if row.field == names[field]]
        if not field_rows or [row.label for row in field_rows] == [_("keine Angabe")]:
            continue
        blocks.append(Heading(_("Antworten nach %(feature)s", feature=names[field]), 3))
        bars = [(row.label, float(row.count), f"{row.count} ({percent(row.share)})") for row in field_rows
                if isinstance(row.count, int) and row.count > 0]
        quotas = (process.quotas or {}).get(field, {}) if field in QUOTA_FIELDS else {}
        if bars:
            not_stated = sum(row.count for row in field_rows if row.label == _("keine Angabe")
                             and isinstance(row.count, int))
            targets = {value_label(field, name): share * (total - not_stated) for name, share in quotas.items()}
            description = _("Balkendiagramm: Antworten nach %(feature)s", feature=names[field])
            if targets:
                description += " " + _("(rote Linie: Zielanteil)")
            blocks.append(Image(bar_chart_png(bars, targets), description))
        header = [names[field], _("Antworten"), _("Anteil")] + ([_("Zielanteil (Quote)")] if quotas else [])
        blocks.append(Table(header, [[row.label, row.count, percent(row.share)] + ([percent(row.quota)] if quotas else [])
                                     for row in field_rows], widths=[3, 1.2, 1, 1.4][:len(header)]))
    return blocks


def _theme_blocks(process, mask: BreakdownMask) -> list:
    themes = theme_summaries(process, mask)
    blocks = [Heading(_("Themen aus den Antworten"), 2)]
    if not themes:
        return blocks + [Paragraph(_("Die Themenanalyse liegt noch nicht vor."))]
    blocks.append(Paragraph(_("Die freien Antworten in allen Sprachen wurden zu Themen zusammengefasst und von der "
                              "Planungsgruppe geprüft.")))
    bars = [(t.label, float(t.count), str(t.count)) for t in themes if t.count]
    if bars:
        blocks.append(Image(bar_chart_png(bars), _("Balkendiagramm: Antworten je Thema")))
    blocks.append(Table([_("Thema"), _("Antworten")], [[t.label, t.count if t.count is not None else t.shown_count]
                                                       for t in themes], widths=[3, 1]))
    for theme in themes:
        if theme.quotes:
            blocks.append(Heading(theme.label, 3))
            blocks += [Quote(text, source) for text, source in theme.quotes]
    return blocks


def _strategy_blocks(process) -> list:
    fields = strategy.fields_of(process)
    blocks = [Heading(_("%(strategy)s: Handlungsfelder, Ziele und Maßnahmen", strategy=process.strategy_name)
                      if process.strategy_name else _("Handlungsfelder, Ziele und Maßnahmen"), 2)]
    if not fields:
        return blocks + [Paragraph(_("Die Strategie wird noch erarbeitet."))]
    blocks.insert(0, Orientation(True))      # the measure tables need the width
    levels = strategy.goal_level_labels()
    statuses = strategy.measure_status_labels()
    evidence = StrategyEvidence.of(process)
    priorities = measure_priorities(process)
    for field in fields:
        blocks.append(Heading(_("Handlungsfeld: %(title)s", title=field.title), 3))
        if field.description:
            blocks.append(Paragraph(field.description))
        for goal in field.goals:
            blocks.append(Paragraph(f"{levels.get(goal.level, goal.level)}: {goal.title}", bold=True))
            if goal.description:
                blocks.append(Paragraph(goal.description))
            if goal.indicators:
                blocks.append(Paragraph(_("Indikatoren: %(list)s",
                                          list="; ".join(evidence.indicators([i]).replace("\n", " ")
                                                         for i in goal.indicators))))
            if goal.measures:
                blocks.append(Table(
                    [_("Maßnahme"), _("Partner"), _("Zuständigkeit"), _("Zeitraum"), _("Status"), _("Indikatoren"),
                     _("Belege"), _("Priorität")],
                    [[measure.title, measure.partners, measure.responsible,
                      strategy.timeline_text(measure), statuses.get(measure.status, measure.status),
                      evidence.indicators(measure.indicators), evidence.text("measure", measure),
                      priorities[measure.id].text() if measure.id in priorities else ""]
                     for measure in goal.measures], widths=[3.6, 2.4, 3.6, 2.2, 2, 3.2, 3.4, 3]))
    return blocks + [Orientation(False)]


def _priority_blocks(process) -> list:
    """A short section per round whose ranking residents already see (published, large enough)."""
    blocks = []
    kinds = {"measure": _("Maßnahme"), "theme": _("Thema")}
    hidden = _("nicht ausgewiesen")
    for results in published_rankings(process):
        blocks += [Heading(_("Gemeinsam priorisiert: %(title)s", title=results.priority_round.title), 2),
                   Paragraph(_("Bewohnerinnen, Bewohner und Konferenzen haben Punkte auf Themen und Maßnahmen "
                               "verteilt. Die Punkte sind keine Abstimmung; sie zeigen, was den Mitmachenden am "
                               "wichtigsten ist.")),
                   Paragraph(_("Personen insgesamt: %(count)d", count=results.persons)),
                   Table([_("Rangfolge"), _("Online"), _("Konferenz"), _("Zusammen")],   # fits a portrait page
                         [[f"{entry.rank}. {entry.item.title} ({kinds[entry.item.kind]})",
                           hidden if entry.online is None else entry.online,
                           hidden if entry.conference is None else entry.conference, entry.total]
                          for entry in results.ranking], widths=[4, 1.6, 1.6, 1.6])]
    return blocks


# --- the data export ------------------------------------------------------------------------------

def _answer_value(answer: Answer, question: Question, coarse: dict):
    """The stored value in plain form; answers that are quasi-identifiers carry the coarsened value."""
    if question.kind == "district" or question.profile_field == "district":
        return coarse["district"]
    if question.profile_field == "target_group":
        return coarse["target_group"]
    if is_age_band(question):
        return coarse["age_band"]
    if question.is_text or answer.item_kind != "answer":
        return mask_personal_data(answer.text_value)
    if question.kind in ("number", "scale"):
        value = answer.number_value
        return int(value) if value is not None and float(value).is_integer() else value
    if question.kind == "multiple_choice":
        return list(answer.choice_codes or [])
    return (answer.choice_codes or [None])[0]


def _codes_text(question: Question, process) -> str:
    if question.kind in ("single_choice", "multiple_choice"):
        return "; ".join(f"{option.code}={option.label}" for option in question.options)
    if question.kind == "yes_no":
        return f"yes={_('ja')}; no={_('nein')}"
    if question.kind == "district":
        return "; ".join(process.districts or [])
    if question.kind == "scale":
        low = f" ({question.scale_min_label})" if question.scale_min_label else ""
        high = f" ({question.scale_max_label})" if question.scale_max_label else ""
        return f"{question.min_value}{low} … {question.max_value}{high}"
    if question.kind == "number" and (question.min_value is not None or question.max_value is not None):
        return f"{question.min_value if question.min_value is not None else ''} … " \
               f"{question.max_value if question.max_value is not None else ''}"
    return ""


def codebook_rows(process, themes, anonymity: str) -> list[dict]:
    small = _("„%(placeholder)s“ steht für eine Gruppe unter der Mindestgröße von %(n)s",
              placeholder=_("kleine Gruppe"), n=process.min_group_size)
    blank = _("leer: vergröbert oder ausgeblendet (siehe k_anonymity)")
    channels = "; ".join(f"{code}={label}" for code, label in strategy.channel_labels().items())
    languages = "; ".join(f"{code}={language.native_name}" for code, language in LANGUAGES.items())
    rows = [
        ("responses.csv", "response_id", _("Nummer der Antwort (Person, Interview oder Fokusgruppen-Sitzung)"),
         "integer", ""),
        ("responses.csv", "questionnaire_id", _("Nummer der Umfrage oder des Leitfadens"), "integer", ""),
        ("responses.csv", "questionnaire", _("Titel der Umfrage oder des Leitfadens"), "string", ""),
        ("responses.csv", "channel", _("Beteiligungskanal"), "code", channels + "; " + small),
        ("responses.csv", "language", _("Sprache der Antwort"), "code",
         languages + "; other=" + _("andere Sprache") + "; " + blank),
        ("responses.csv", "district", _("Stadtteil"), "string", blank),
        ("responses.csv", "target_group", _("Zielgruppe"), "string", blank),
        ("responses.csv", "age_band", _("Altersgruppe"), "code",
         "u30=" + _("unter 30") + "; 30_64=" + _("30 bis 64") + "; 65plus=" + _("65 und älter") + "; " + blank),
        ("responses.csv", "period", _("Zeitraum der Antwort"), "YYYY-MM | YYYY-Qn | YYYY", blank),
        ("responses.csv", "k_anonymity", anonymity, "", ""),
        ("responses.csv", "consent", _("Einwilligung erteilt"), "0/1", ""),
        ("responses.csv", "participant_count", _("Teilnehmende (nur Fokusgruppen)"), "integer", ""),
        ("answers.csv", "answer_id", _("Nummer der Antwort auf eine Frage"), "integer", ""),
        ("answers.csv", "response_id", _("Verweis auf responses.csv"), "integer", ""),
        ("answers.csv", "question_code", _("Kürzel der Frage (siehe die Zeilen je Frage)"), "string", ""),
        ("answers.csv", "item_kind", _("Art des Eintrags"), "code",
         f"answer={_('Antwort')}; note={_('Notiz')}; quote={_('Zitat')}"),
        ("answers.csv", "value", _("Wert: Text (Kontaktdaten unkenntlich), Zahl oder Codes mit ; getrennt"),
         "string", ""),
        ("answers.csv", "language", _("Sprache des Textes"), "code", languages),
        ("answers.csv", "translation_de", _("Deutsche Übersetzung des Textes"), "string", ""),
        ("answers.csv", "theme_id", _("Thema der Antwort"), "code",
         "; ".join(f"{theme['id']}={theme['label']}" for theme in themes)),
        ("answers.csv", "theme", _("Name des Themas"), "string", ""),
    ]
    codebook = [dict(zip(("file", "variable", "label", "type", "codes"), row), questionnaire_id=None)
                for row in rows]
    for questionnaire in resident_questionnaires(process):
        for question in questionnaire.questions:
            codebook.append({"file": "answers.csv", "questionnaire_id": questionnaire.id,
                             "variable": question.code, "label": question.text, "type": question.kind,
                             "codes": _codes_text(question, process)})
    return codebook


AGE_BAND_CODE = "age_band"


def is_age_band(question: Question) -> bool:
    return question.profile_field == AGE_BAND_CODE or question.code == AGE_BAND_CODE


def _age_bands(process) -> dict[int, str]:
    """response id → the age band it gave (the answer to the age band question), for k-anonymity."""
    rows = db.session.execute(
        db.select(Answer.response_id, Answer.choice_codes, Question.code, Question.profile_field)
        .join(Question, Question.id == Answer.question_id).join(Response, Response.id == Answer.response_id)
        .where(*responses_of(process.id), Answer.item_kind == "answer")).all()
    return {response_id: codes[0] for response_id, codes, code, profile_field in rows
            if codes and AGE_BAND_CODE in (code, profile_field)}


def anonymised_responses(process) -> tuple[list, object]:
    """Responses with their quasi-identifiers coarsened to k-anonymity (k = minimum group size)."""
    responses = db.session.execute(
        db.select(Response).where(*responses_of(process.id)).order_by(Response.id)).scalars().all()
    age_bands = _age_bands(process)
    rows = [{"response": response, "language": response.language, "district": response.district,
             "target_group": response.target_group, "age_band": age_bands.get(response.id),
             "month": response.created_at.strftime("%Y-%m") if response.created_at else None}
            for response in responses]
    return responses, k_anonymise(rows, process.min_group_size)


def k_anonymity_note(process, result) -> str:
    """What was coarsened, in words, for the codebook."""
    steps = {"month": [_("Monat"), _("Quartal"), _("Jahr"), _("leer")],
             "age_band": [_("Altersgruppe"), _("drei breite Altersgruppen"), _("leer")],
             "language": [_("Sprache"), _("Deutsch / andere Sprache"), _("leer")],
             "target_group": [_("Zielgruppe"), _("leer")], "district": [_("Stadtteil"), _("leer")]}
    columns = {"month": "period"}
    taken = "; ".join(f"{columns.get(name, name)}: {steps[name][level]}" for name, level in result.levels.items())
    return _("Jede Kombination aus Sprache, Stadtteil, Zielgruppe, Altersgruppe und Zeitraum kommt mindestens "
             "%(k)s-mal vor (k-Anonymität). Vergröbert: %(steps)s. Bei %(rows)s Zeilen wurden diese Angaben "
             "ganz geleert.", k=process.min_group_size, steps=taken, rows=len(result.suppressed))


def dataset(process) -> dict:
    """Responses and answers as plain rows with the codebook: k-anonymous, contact data masked."""
    mask = BreakdownMask(process)
    answer_themes = strategy.theme_of_answers(process)
    themes = [{"id": theme.id, "label": theme.label, "keywords": list(theme.keywords or []),
               "answers": cell.count} for theme, cell in strategy.theme_cells(process)]
    theme_labels = {theme["id"]: theme["label"] for theme in themes}
    responses, anonymised = anonymised_responses(process)
    coarse = {response.id: row for response, row in zip(responses, anonymised.rows)}
    response_rows = [{
        "response_id": response.id, "questionnaire_id": response.questionnaire_id,
        "questionnaire": response.questionnaire.title, "channel": mask("channel", response.channel),
        "language": coarse[response.id]["language"], "district": coarse[response.id]["district"],
        "target_group": coarse[response.id]["target_group"], "age_band": coarse[response.id]["age_band"],
        "period": coarse[response.id]["month"],
        "consent": bool(response.consent), "participant_count": response.participant_count,
    } for response in responses]
    rows = db.session.execute(
        db.select(Answer, Response, Question).join(Response, Response.id == Answer.response_id)
        .join(Question, Question.id == Answer.question_id)
        .where(*responses_of(process.id), Answer.review_flag.is_(None)).order_by(Answer.id)).all()
    answer_rows = []
    for answer, response, question in rows:
        theme_id = answer_themes.get(answer.id)
        theme_id = theme_id if theme_id in theme_labels else None
        answer_rows.append({
            "answer_id": answer.id, "response_id": response.id, "questionnaire_id": response.questionnaire_id,
            "question_code": question.code, "item_kind": answer.item_kind,
            "value": _answer_value(answer, question, coarse[response.id]),
            "language": _answer_language(answer, response, anonymised.levels, coarse[response.id]),
            "translation_de": mask_personal_data(answer.translation_de) if answer.translation_de else None,
            "theme_id": theme_id, "theme": theme_labels.get(theme_id, ""),
        })
    return {
        "process": {"id": process.id, "title": process.title, "min_group_size": process.min_group_size,
                    "exported_at": utcnow().isoformat(timespec="seconds")},
        "responses": response_rows, "answers": answer_rows,
        "codebook": codebook_rows(process, themes, k_anonymity_note(process, anonymised)),
        "themes": themes,
    }


def _answer_language(answer: Answer, response: Response, levels: dict, coarse: dict):
    """The text's language at the same coarseness as the response's (blank where the response's is)."""
    if not answer.language:
        return None
    if answer.language == response.language or coarse["language"] is None:
        return coarse["language"]
    return generalise("language", answer.language, levels["language"])


# --- survey waves ("Wellenvergleich") -------------------------------------------------------------

def wave_comparison_sheets(process) -> list[Sheet]:
    """One sheet comparing every survey wave with the one before it; none when no survey has waves."""
    from flask_babel import get_locale

    from ..languages.labels import FIELD_LABELS
    from ..surveys.waves import THEME_STATUS_LABELS, compare_waves, wave_pairs

    pairs = wave_pairs(process)
    if not pairs:
        return []
    language = str(get_locale() or "de").split("_")[0]
    hidden = small_group_label(process)
    rows = []
    for previous, current in pairs:
        comparison = compare_waves(previous, current, language)
        waves = _("Welle %(before)s → Welle %(after)s", before=previous.wave_number, after=current.wave_number)
        rows.append([waves, _("Teilnehmende"), current.title, "", "", None, comparison.participants_before,
                     None, comparison.participants_after, None])
        for question in comparison.questions:
            rows += [_wave_row([waves, _("Frage"), question.text, row.label, ""], row, hidden)
                     for row in question.rows]
        rows += [_wave_row([waves, _("Thema"), theme.label, "", str(THEME_STATUS_LABELS[theme.status])], theme, hidden)
                 for theme in comparison.themes]
        for field_name, changes in comparison.reach.items():
            rows += [_wave_row([waves, _("Teilnehmende"), str(FIELD_LABELS[field_name]), row.label, ""], row, hidden)
                     for row in changes]
    return [Sheet(_("Wellenvergleich"),
                  [_("Wellen"), _("Bereich"), _("Frage, Thema oder Merkmal"), _("Antwort oder Gruppe"),
                   _("Entwicklung"), _("Anteil vorher"), _("Anzahl vorher"), _("Anteil nachher"),
                   _("Anzahl nachher"), _("Veränderung (Prozentpunkte)")],
                  rows, widths=[16, 14, 34, 26, 16, 10, 12, 10, 12, 14], formats={5: "0 %", 7: "0 %"})]


def _wave_row(leading: list, change, hidden: str) -> list:
    """The leading text columns, then both waves' share and count and the change in percentage points.
    Hidden cells say so instead of a number; a change is given only when both sides are shown."""
    def side(cell):
        return (None, hidden) if cell.hidden else (cell.share, cell.count)
    points = change.points
    return [*leading, *side(change.before), *side(change.after), round(points, 1) if points is not None else None]
