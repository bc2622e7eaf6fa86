"""Reach dashboard: who has been reached, against the quotas planners set."""
from decimal import Decimal

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from .. import audit
from ..auth.access import role_required
from ..extensions import db
from ..forms.reach import ReachFilterForm, quota_form_class
from ..languages.labels import FIELD_LABELS, value_label
from ..models import CHOICE_KINDS
from ..reach.aggregates import choice_frequencies, scope_hidden
from ..reach.charts import Bar, bar_chart_svg
from ..reach.dashboard import distinct_values, reach_overview
from . import bp
from .loading import load_process


def _percent(share) -> str:
    return "–" if share is None else f"{share * 100:.0f} %"


def _breakdown_chart(field: str, cells, rows_by_value=None) -> str:
    quotas = rows_by_value or {}
    bars = [Bar(value_label(field, cell.value), cell.count or 0,
                display=_("nicht ausgewiesen") if cell.hidden else f"{cell.count} ({_percent(cell.share)})",
                target=(quotas[cell.value].expected_share * sum(c.count or 0 for c in cells)
                        if cell.value in quotas else None),
                hidden=cell.hidden) for cell in cells]
    return bar_chart_svg(bars, title=_("Antworten nach %(field)s", field=FIELD_LABELS[field]))


@bp.route("/processes/<int:process_id>/reach")
@role_required("planner", "admin")
def reach(process_id: int):
    process = load_process(process_id)
    form = ReachFilterForm(request.args)
    form.fill_choices(process, {field: distinct_values(process, field)
                                for field in ("channel", "language", "district", "target_group")})
    questionnaire = None
    if form.survey.data and form.survey.data.isdigit():
        questionnaire = next((q for q in process.questionnaires if q.id == int(form.survey.data)), None)
    filters = form.filters()
    overview = reach_overview(process, questionnaire.id if questionnaire else None, **filters)
    too_small = scope_hidden(process, questionnaire.id if questionnaire else None, **filters)
    charts = {}
    for field, cells in overview["breakdowns"].items():
        quotas = {row.value: row for row in overview["quotas"].get(field, [])}
        charts[field] = _breakdown_chart(field, cells, quotas)
    weeks_chart = bar_chart_svg([Bar(str(week.isoformat()), count) for week, count in overview["weeks"]],
                                title=_("Antworten pro Woche"), label_width=120) if overview["weeks"] else ""
    choice_tables = []
    for q in (questionnaire.questions if questionnaire else [x for s in process.surveys for x in s.questions]):
        if q.kind not in CHOICE_KINDS + ("yes_no", "scale", "district") or q.archived:
            continue
        cells, answered = choice_frequencies(q, process, **filters)
        labels = dict(_choice_labels(q, process))
        bars = [Bar(labels.get(cell.value, str(cell.value)), cell.count or 0, hidden=cell.hidden,
                    display=_("nicht ausgewiesen") if cell.hidden else f"{cell.count} ({_percent(cell.share)})")
                for cell in cells]
        choice_tables.append({"question": q, "cells": cells, "answered": answered, "labels": labels,
                              "chart": bar_chart_svg(bars, title=q.text) if bars else ""})
    return render_template("planning/reach.html", process=process, form=form, overview=overview,
                           charts=charts, weeks_chart=weeks_chart, choice_tables=choice_tables,
                           too_small=too_small, percent=_percent)


def _choice_labels(question, process) -> list[tuple[str, str]]:
    from ..surveys.display import choices
    return choices(question, "de", process)


@bp.route("/processes/<int:process_id>/quotas", methods=["GET", "POST"])
@role_required("planner", "admin")
def quotas(process_id: int):
    """Expected shares per district and target group, e.g. from population statistics."""
    process = load_process(process_id)
    form_class = quota_form_class(process)
    current = process.quotas or {}
    form = form_class(data={name: Decimal(str(round(current.get(field, {}).get(value, 0) * 100, 1)))
                            if value in current.get(field, {}) else None
                            for field, value, name in form_class.quota_fields})
    if form.validate_on_submit():
        new_quotas: dict = {"district": {}, "target_group": {}}
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
                           quota_fields=form_class.quota_fields)
