"""Reach dashboard: who has been reached, against the quotas planners set."""
from decimal import Decimal

from flask import flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _

from .. import audit
from ..auth.access import role_required
from ..cooperation.instruments import resident_questionnaires
from ..extensions import db
from ..forms.reach import ReachFilterForm, quota_form_class
from ..languages.labels import FIELD_LABELS, value_label
from ..models import CHOICE_KINDS
from ..reach.aggregates import age_band_questions, choice_frequencies, scale_distribution, scope_hidden
from ..reach.charts import Bar, bar_chart_svg
from ..reach.dashboard import QUOTA_FIELDS, filter_values, reach_overview
from . import bp
from .loading import load_process


def _percent(share) -> str:
    return "–" if share is None else f"{share * 100:.0f} %"


def _breakdown_chart(field: str, breakdown, quotas: dict, labels) -> str:
    """Bars for every group (shares of those who answered), "keine Angabe" last and grey-free."""
    cells = breakdown.cells + ([breakdown.not_stated] if breakdown.not_stated is not None else [])
    bars = [Bar(labels(field, cell.value), cell.count or 0,
                display=_("nicht ausgewiesen") if cell.hidden else f"{cell.count} ({_percent(cell.share)})",
                target=(quotas[cell.value].expected_share * (breakdown.base or 0) if cell.value in quotas else None),
                hidden=cell.hidden) for cell in cells]
    return bar_chart_svg(bars, title=_("Antworten nach %(field)s", field=FIELD_LABELS[field]))


def _labeller(process):
    """value_label, plus the age band question's option labels."""
    age_labels = {code: label for question in age_band_questions(process)
                  for code, label in _choice_labels(question, process)}

    def label(field: str, value) -> str:
        if field == "age_band" and value is not None:
            return age_labels.get(value, str(value))
        return value_label(field, value)
    return label


@bp.route("/processes/<int:process_id>/reach")
@role_required("planner", "admin")
def reach(process_id: int):
    process = load_process(process_id)
    form = ReachFilterForm(request.args)
    questionnaires = resident_questionnaires(process)     # the partner survey is the cooperation check's
    form.fill_choices(questionnaires, {field: filter_values(process, field)
                                       for field in ("channel", "language", "district", "target_group")})
    questionnaire = None
    if form.survey.data and form.survey.data.isdigit():
        questionnaire = next((q for q in questionnaires if q.id == int(form.survey.data)), None)
    filters = form.filters()
    questionnaire_id = questionnaire.id if questionnaire else None
    if scope_hidden(process, questionnaire_id, **filters):
        return render_template("planning/reach.html", process=process, form=form, too_small=True)
    overview = reach_overview(process, questionnaire_id, **filters)
    labels = _labeller(process)
    charts = {field: _breakdown_chart(field, breakdown, {row.value: row for row in overview["quotas"].get(field, [])},
                                      labels)
              for field, breakdown in overview["breakdowns"].items()}
    weeks_chart = bar_chart_svg(
        [Bar(format_date(week), cell.count or 0, hidden=cell.hidden,
             display=_("nicht ausgewiesen") if cell.hidden else str(cell.count)) for week, cell in overview["weeks"]],
        title=_("Antworten pro Woche")) if overview["weeks"] else ""
    choice_tables = [_choice_table(q, process, filters)
                     for q in (questionnaire.questions if questionnaire else
                               [x for s in questionnaires if s.kind == "survey" for x in s.questions])
                     if q.kind in CHOICE_KINDS + ("yes_no", "scale", "district") and not q.archived]
    return render_template("planning/reach.html", process=process, form=form, overview=overview,
                           charts=charts, weeks_chart=weeks_chart, choice_tables=choice_tables,
                           too_small=False, percent=_percent, label=labels)


def _choice_table(question, process, filters: dict) -> dict:
    """Counts per option (or scale point, with the median) with chart, small groups hidden."""
    median = None
    if question.kind == "scale":
        cells, answered, median = scale_distribution(question, process, **filters)
        labels = {cell.value: _scale_point_label(question, cell.value) for cell in cells}
    else:
        cells, answered = choice_frequencies(question, process, **filters)
        labels = dict(_choice_labels(question, process))
    bars = [Bar(labels.get(cell.value, str(cell.value)), cell.count or 0, hidden=cell.hidden,
                display=_("nicht ausgewiesen") if cell.hidden else f"{cell.count} ({_percent(cell.share)})")
            for cell in cells]
    return {"question": question, "cells": cells, "answered": answered, "labels": labels, "median": median,
            "chart": bar_chart_svg(bars, title=question.text) if bars else ""}


def _scale_point_label(question, point) -> str:
    if point == question.min_value and question.scale_min_label:
        return f"{point} – {question.scale_min_label}"
    if point == question.max_value and question.scale_max_label:
        return f"{point} – {question.scale_max_label}"
    return str(point)


def _choice_labels(question, process) -> list[tuple[str, str]]:
    from ..surveys.display import choices
    return choices(question, "de", process)


@bp.route("/processes/<int:process_id>/quotas", methods=["GET", "POST"])
@role_required("planner", "admin")
def quotas(process_id: int):
    """Expected shares per district, target group, language and age band, e.g. from population statistics."""
    process = load_process(process_id)
    form_class = quota_form_class(process, _quota_groups(process))
    current = process.quotas or {}
    form = form_class(data={name: Decimal(str(round(current.get(field, {}).get(value, 0) * 100, 1)))
                            if value in current.get(field, {}) else None
                            for field, value, name in form_class.quota_fields})
    if form.validate_on_submit():
        new_quotas: dict = {field: {} for field in QUOTA_FIELDS}
        for field, value, name in form_class.quota_fields:
            entered = getattr(form, name).data
            if entered is not None:
                new_quotas[field][value] = float(entered) / 100
        problems = [field for field, shares in new_quotas.items() if sum(shares.values()) > 1.0001]
        if problems:
            flash(_("Die Anteile einer Gruppe ergeben zusammen mehr als 100 Prozent. Bitte prüfen Sie die Werte."),
                  "error")
        else:
            process.quotas = new_quotas
            audit.record("quotas_changed", process, quotas=new_quotas)
            db.session.commit()
            flash(_("Quoten gespeichert."), "success")
            return redirect(url_for("planning.reach", process_id=process.id))
    return render_template("planning/quotas.html", process=process, form=form,
                           quota_fields=form_class.quota_fields, quota_groups=QUOTA_FIELDS)


def _quota_groups(process) -> dict[str, list[tuple[str, str]]]:
    """(stored value, label) per quota field: districts, target groups, the process's languages, age bands."""
    age_bands = {}
    for question in age_band_questions(process):
        for code, label in _choice_labels(question, process):
            if code != "na":
                age_bands.setdefault(code, label)
    return {"district": [(value, value) for value in process.districts or []],
            "target_group": [(value, value) for value in process.target_groups or []],
            "language": [(code, value_label("language", code)) for code in process.languages or []],
            "age_band": list(age_bands.items())}
