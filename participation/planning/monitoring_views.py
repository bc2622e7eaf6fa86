"""Monitoring pages of the strategy: indicator values over time (by hand and CSV import), the council
decisions and the strategy's name, the quality self-check of a measure."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_decimal, gettext as _

from .. import audit
from ..auth.access import role_required
from ..extensions import db
from ..forms.monitoring import (
    CouncilDecisionForm,
    IndicatorValueForm,
    StrategyNameForm,
    ValueImportForm,
    quality_form,
)
from ..forms.strategy import ConfirmForm
from ..models import CouncilDecision, IndicatorValue, Process
from ..strategy import quality
from ..strategy.council import decisions_of, strategy_name
from ..strategy.monitoring import chart_svg, direction_text, number_text, parse_number, series_of
from ..strategy.value_import import MAX_UPLOAD_BYTES, parse_values
from . import bp
from .loading import load_process
from .strategy_views import owned


@bp.app_template_global("strategy_name")
def strategy_name_global(process) -> str:
    return strategy_name(process)


@bp.app_template_global("council_decisions")
def council_decisions(process) -> list[CouncilDecision]:
    return decisions_of(process)


@bp.app_template_global("indicator_state")
def indicator_state(indicator) -> str:
    """The indicator's movement toward its target in words, for the strategy page."""
    return direction_text(series_of(indicator))


@bp.app_template_global("quality_summary")
def quality_summary(measure) -> dict[str, int]:
    return quality.summary(measure)


def _typed(field) -> str:
    """A text field's value without surrounding spaces ("" when the field was not sent)."""
    return (field.data or "").strip()


def _owned_row(process: Process, model, row_id: int):
    row = db.session.get(model, row_id)
    if row is None or row.process_id != process.id:
        abort(404)
    return row


def _indicator_url(process, indicator) -> str:
    return url_for("planning.indicator_page", process_id=process.id, indicator_id=indicator.id)


def _render_indicator(process, indicator, form, status=200, value=None):
    series = series_of(indicator)
    return render_template("planning/indicator.html", process=process, indicator=indicator, form=form,
                           value=value, series=series, chart=chart_svg(series), state=direction_text(series),
                           number_text=number_text, confirm_form=ConfirmForm()), status


@bp.route("/processes/<int:process_id>/strategy/indicators/<int:indicator_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def indicator_page(process_id: int, indicator_id: int):
    """The indicator's values over time; a POST adds a value."""
    process = load_process(process_id)
    indicator = owned(process, "indicator", indicator_id)
    form = IndicatorValueForm()
    if form.validate_on_submit():
        value = IndicatorValue(process_id=process.id, indicator_id=indicator.id, measured_on=form.measured_on.data,
                               value=parse_number(form.value.data), source=_typed(form.source),
                               note=_typed(form.note))
        indicator.values.append(value)
        db.session.flush()
        audit.record("indicator_value_added", value, title=value.title, value=value.value)
        db.session.commit()
        flash(_("Wert gespeichert."), "success")
        return redirect(_indicator_url(process, indicator))
    return _render_indicator(process, indicator, form, 400 if request.method == "POST" else 200)


@bp.route("/processes/<int:process_id>/strategy/values/<int:value_id>/edit", methods=["GET", "POST"])
@role_required("planner", "admin")
def edit_indicator_value(process_id: int, value_id: int):
    process = load_process(process_id)
    value = _owned_row(process, IndicatorValue, value_id)
    form = IndicatorValueForm(obj=value)
    if request.method == "GET":
        form.value.data = format_decimal(value.value, format="0.####")   # no grouping: read back unambiguously
    if form.validate_on_submit():
        before = value.value
        value.measured_on, value.value = form.measured_on.data, parse_number(form.value.data)
        value.source, value.note = _typed(form.source), _typed(form.note)
        audit.record("indicator_value_updated", value, title=value.title, before=before, after=value.value)
        db.session.commit()
        flash(_("Wert gespeichert."), "success")
        return redirect(_indicator_url(process, value.indicator))
    return _render_indicator(process, value.indicator, form, 400 if request.method == "POST" else 200, value=value)


@bp.route("/processes/<int:process_id>/strategy/values/<int:value_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def delete_indicator_value(process_id: int, value_id: int):
    process = load_process(process_id)
    value = _owned_row(process, IndicatorValue, value_id)
    indicator = value.indicator
    if ConfirmForm().validate_on_submit():
        audit.record("indicator_value_deleted", value, title=value.title, value=value.value)
        indicator.values.remove(value)
        db.session.commit()
        flash(_("Wert gelöscht."), "success")
    return redirect(_indicator_url(process, indicator))


@bp.route("/processes/<int:process_id>/strategy/values/import", methods=["GET", "POST"])
@role_required("planner", "admin")
def import_indicator_values(process_id: int):
    """CSV import, all or nothing: with one bad row nothing is stored and every bad row is listed."""
    process = load_process(process_id)
    form = ValueImportForm()
    errors = []
    if form.validate_on_submit():
        data = form.read_upload()
        if data is None:
            form.file.errors.append(_("Die Datei ist größer als %(mb)s MB.", mb=MAX_UPLOAD_BYTES // (1024 * 1024)))
        else:
            result = parse_values(process, data)
            errors = result.errors
            if result.ok:
                db.session.add_all(result.values)
                audit.record("indicator_values_imported", process, count=len(result.values))
                db.session.commit()
                flash(_("%(n)s Werte übernommen.", n=len(result.values)), "success")
                return redirect(url_for("planning.strategy_page", process_id=process.id) + "#monitoring")
    status = 400 if request.method == "POST" else 200
    return render_template("planning/indicator_import.html", process=process, form=form, errors=errors), status


def _render_council(process, form=None, name_form=None, status=200):
    return render_template("planning/council.html", process=process, decisions=decisions_of(process),
                           form=form or CouncilDecisionForm(formdata=None),
                           name_form=name_form or StrategyNameForm(formdata=None,
                                                                   strategy_name=process.strategy_name),
                           confirm_form=ConfirmForm()), status


@bp.route("/processes/<int:process_id>/strategy/council", methods=["GET", "POST"])
@role_required("planner", "admin")
def council_page(process_id: int):
    """The strategy's name and its council decisions; a POST adds a decision."""
    process = load_process(process_id)
    if request.method == "GET":
        return _render_council(process)
    form = CouncilDecisionForm()
    if not form.validate_on_submit():
        return _render_council(process, form=form, status=400)
    decision = CouncilDecision(process_id=process.id, decided_on=form.decided_on.data, body=_typed(form.body),
                               document_number=_typed(form.document_number), url=_typed(form.url),
                               note=_typed(form.note))
    db.session.add(decision)
    db.session.flush()
    audit.record("council_decision_added", decision, title=decision.title)
    db.session.commit()
    flash(_("Beschluss gespeichert."), "success")
    return redirect(url_for("planning.council_page", process_id=process.id))


@bp.route("/processes/<int:process_id>/strategy/council/<int:decision_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def delete_council_decision(process_id: int, decision_id: int):
    process = load_process(process_id)
    decision = _owned_row(process, CouncilDecision, decision_id)
    if ConfirmForm().validate_on_submit():
        audit.record("council_decision_deleted", decision, title=decision.title)
        db.session.delete(decision)
        db.session.commit()
        flash(_("Gelöscht."), "success")
    return redirect(url_for("planning.council_page", process_id=process.id))


@bp.route("/processes/<int:process_id>/strategy/name", methods=["POST"])
@role_required("planner", "admin")
def set_strategy_name(process_id: int):
    process = load_process(process_id)
    form = StrategyNameForm()
    if not form.validate_on_submit():
        return _render_council(process, name_form=form, status=400)
    name = _typed(form.strategy_name)
    if name != process.strategy_name:
        audit.record("strategy_name_changed", process, before=process.strategy_name, after=name)
        process.strategy_name = name
        db.session.commit()
    flash(_("Gespeichert."), "success")
    return redirect(url_for("planning.council_page", process_id=process.id))


@bp.route("/processes/<int:process_id>/strategy/measures/<int:measure_id>/quality", methods=["GET", "POST"])
@role_required("planner", "admin")
def measure_quality(process_id: int, measure_id: int):
    """The good-practice self-check of one measure."""
    process = load_process(process_id)
    measure = owned(process, "measure", measure_id)
    form = quality_form(quality.ratings_of(measure))
    if form.validate_on_submit():
        entries = {key: (form[f"rating_{key}"].data, _typed(form[f"note_{key}"]))
                   for key in quality.CRITERION_KEYS}
        changes = quality.save_ratings(measure, entries)
        if changes:
            audit.record("measure_quality_checked", measure, changes=changes)
            db.session.commit()
        flash(_("Gespeichert."), "success")
        return redirect(url_for("planning.strategy_page", process_id=process.id) + f"#measure-{measure.id}")
    return render_template("planning/measure_quality.html", process=process, measure=measure, form=form,
                           criteria=quality.CRITERIA), 400 if request.method == "POST" else 200
