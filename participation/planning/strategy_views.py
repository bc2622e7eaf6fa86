"""The strategy page: phase, fields of action → goals → measures with indicators, evidence and its gaps."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit, strategy
from ..auth.access import role_required
from ..extensions import db
from ..forms.measures import MeasureFilterForm
from ..forms.strategy import (
    ConfirmForm,
    EvidenceForm,
    GoalForm,
    IndicatorForm,
    MeasureForm,
    PhaseForm,
    StrategyFieldForm,
)
from ..models import EvidenceLink, Goal, Indicator, Measure, Process, StrategyField
from ..priorities.results import measure_priorities
from ..privacy.masking import mask_personal_data
from ..strategy import measures
from ..strategy.weight import evidence_weights
from . import bp
from .loading import load_process

KINDS = {
    "field": (StrategyField, StrategyFieldForm, ("title", "description")),
    "goal": (Goal, GoalForm, ("level", "title", "parent_id", "description")),
    "measure": (Measure, MeasureForm, ("title", "description", "target_group", "district", "starts_on", "ends_on",
                                       "status")),
    "indicator": (Indicator, IndicatorForm, ("name", "baseline", "target", "unit", "source")),
}


def owned(process: Process, kind: str, object_id: int):
    """An object of this process, or 404 — ids of other processes are never reachable."""
    if kind not in KINDS:
        abort(404)
    item = db.session.get(KINDS[kind][0], object_id)
    if item is None or item.process_id != process.id:
        abort(404)
    return item


def strategy_url(process: Process, anchor: str = "") -> str:
    return url_for("planning.strategy_page", process_id=process.id) + (f"#{anchor}" if anchor else "")


def _apply(form, item, names) -> dict:
    """Copy the form's values to the object and return what changed (for the audit log)."""
    changes = {}
    for name in names:
        value = getattr(form, name).data
        if isinstance(value, str):
            value = value.strip()
        if name == "parent_id":
            value = value or None
        if getattr(item, name, None) != value:
            changes[name] = str(value) if value is not None else None
            setattr(item, name, value)
    return changes


def ensure_lists(process: Process) -> None:
    """Save lists just started from the suggestions at once: a form's choices must keep their ids."""
    if measures.ensure_lists(process):
        db.session.commit()


def _prepare_measure_form(process, form, measure) -> None:
    """Choices from the process's lists; on GET the measure's current bodies, life stages and status date."""
    ensure_lists(process)
    form.set_choices(measures.bodies_of(process), measures.life_stages_of(process))
    if request.method == "GET":
        form.leads.data = [body.id for body in measures.leads(measure)]
        form.partner_bodies.data = [body.id for body in measures.partners(measure)]
        form.stage_ids.data = [stage.id for stage in measure.life_stages]
        form.status_since.data = measures.status_since(measure)


def _apply_measure_links(process, form, measure, status_changed: bool) -> dict:
    changes = measures.set_links(measure, form.leads.data or [], form.partner_bodies.data or [],
                                 form.stage_ids.data or [], measures.bodies_of(process),
                                 measures.life_stages_of(process))
    return changes | measures.record_status(measure, form.status_since.data, status_changed)


def _indicator_targets(item, depth: str) -> list[tuple[str, str]]:
    return [(f"indicator:{i.id}", depth + _("Indikator: %(title)s", title=i.name)) for i in item.indicators]


def _evidence_form(process: Process, target: str | None = None) -> EvidenceForm:
    form = EvidenceForm(target=target) if target else EvidenceForm()
    levels = strategy.goal_level_labels()
    targets = []
    for field in strategy.fields_of(process):
        targets.append((f"field:{field.id}", _("Handlungsfeld: %(title)s", title=field.title)))
        for goal in field.goals:
            targets.append((f"goal:{goal.id}", f"— {levels.get(goal.level, goal.level)}: {goal.title}"))
            targets += _indicator_targets(goal, "—— ")
            for measure in goal.measures:
                targets.append((f"measure:{measure.id}", "—— " + _("Maßnahme: %(title)s", title=measure.title)))
                targets += _indicator_targets(measure, "——— ")
    form.target.choices = targets
    form.theme_id.choices = [(0, _("– kein Thema –"))] + [(t.id, t.label) for t in strategy.active_themes(process)]
    theme_labels = dict(form.theme_id.choices)
    quotes = strategy.quote_answers(process)
    form.quote_themes = {(answer.id, theme_id) for answer, theme_id in quotes}
    form.answer_id.choices = [(0, _("– kein Zitat –"))] + [
        (answer.id, f"{theme_labels.get(theme_id, '')}: „{strategy.shortened(mask_personal_data(text), 120)}“")
        for answer, theme_id in quotes for text in [answer.text_value or ""]]
    return form


@bp.route("/processes/<int:process_id>/strategy")
@role_required("planner", "admin")
def strategy_page(process_id: int):
    process = load_process(process_id)
    return _render_strategy(process, _evidence_form(process, request.args.get("target")))


def _measure_filter(process: Process) -> tuple[MeasureFilterForm, measures.MeasureFilter]:
    """The filter from the query string; unknown values are dropped, the form shows what was chosen."""
    ensure_lists(process)
    form = MeasureFilterForm(request.args)
    choices = measures.filter_choices(process, strategy.measures_of(process))
    form.life_stage.choices = [(0, _("alle"))] + [(s.id, s.name) for s in measures.life_stages_of(process)]
    form.body.choices = [(0, _("alle"))] + [(b.id, b.name) for b in measures.bodies_of(process)]
    form.district.choices = [("", _("alle"))] + [(d, d) for d in choices["districts"]]
    form.funder.choices = [("", _("alle"))] + [(f, f) for f in choices["funders"]]
    form.status.choices = [("", _("alle"))] + list(strategy.measure_status_labels().items())
    chosen = {}
    for name in ("life_stage", "body", "district", "funder", "status"):
        field = getattr(form, name)
        empty = field.choices[0][0]
        if field.data not in {value for value, _label in field.choices}:
            field.data = empty
        chosen[name] = field.data
    return form, measures.MeasureFilter(**chosen)


def _render_strategy(process: Process, evidence_form: EvidenceForm, status: int = 200):
    filter_form, measure_filter = _measure_filter(process)
    all_measures = strategy.measures_of(process)
    filter_counts = (sum(1 for m in all_measures if measure_filter.matches(m)), len(all_measures))
    return render_template(
        "planning/strategy.html", process=process, fields=strategy.fields_of(process),
        theme_cells=strategy.theme_cells(process), gaps=strategy.evidence_gaps(process),
        weights=evidence_weights(process),
        measures_by_theme=strategy.measures_by_theme(process),
        evidence=strategy.evidence_by_target(process), evidence_item=strategy.evidence_item,
        field_form=StrategyFieldForm(formdata=None),
        evidence_form=evidence_form, phase_form=PhaseForm(phase=process.phase),
        confirm_form=ConfirmForm(), phases=strategy.phase_labels(), levels=strategy.goal_level_labels(),
        statuses=strategy.measure_status_labels(), timeline=strategy.timeline_text,
        mask=mask_personal_data, shortened=strategy.shortened,
        priorities=measure_priorities(process), filter_form=filter_form, measure_filter=measure_filter,
        filter_counts=filter_counts,
        measure_info=measures), status


@bp.route("/processes/<int:process_id>/strategy/phase", methods=["POST"])
@role_required("planner", "admin")
def set_phase(process_id: int):
    process = load_process(process_id)
    if process.phases:   # the editable list decides the phase now
        return redirect(url_for("planning.phases_page", process_id=process.id))
    form = PhaseForm()
    if form.validate_on_submit():
        if form.phase.data != process.phase:
            audit.record("process_phase_changed", process, before=process.phase, after=form.phase.data)
            process.phase = form.phase.data
            db.session.commit()
        flash(_("Die Phase ist jetzt: %(phase)s.", phase=strategy.phase_labels()[process.phase]), "success")
    else:
        flash(_("Bitte wählen Sie eine der drei Phasen."), "error")
    return redirect(strategy_url(process))


def _edit_page(process, kind, form, item=None, parent=None, parent_label=""):
    """The form page of one object; after a failed POST with the typed values and messages (400)."""
    return render_template("planning/strategy_form.html", process=process, kind=kind, form=form, item=item,
                           parent=parent, parent_label=parent_label), 400 if request.method == "POST" else 200


def _create(process, kind: str, form, parent_attributes: dict):
    """Validate and add a new object of the process; return the response, or None to show the form again."""
    model, _form_class, names = KINDS[kind]
    if not form.validate_on_submit():
        return None
    item = model(process_id=process.id, **parent_attributes)
    _apply(form, item, names)
    db.session.add(item)
    if kind == "measure":
        _apply_measure_links(process, form, item, status_changed=True)
    db.session.flush()
    audit.record(f"strategy_{kind}_created", item, title=getattr(item, "title", None) or getattr(item, "name", ""))
    db.session.commit()
    flash(_("Gespeichert."), "success")
    return redirect(strategy_url(process, f"{kind}-{item.id}"))


@bp.route("/processes/<int:process_id>/strategy/fields/new", methods=["GET", "POST"])
@role_required("planner", "admin")
def new_field(process_id: int):
    process = load_process(process_id)
    form = StrategyFieldForm()
    position = len(strategy.fields_of(process))
    return _create(process, "field", form, {"position": position}) or _edit_page(process, "field", form)


@bp.route("/processes/<int:process_id>/strategy/fields/<int:field_id>/goals/new", methods=["GET", "POST"])
@role_required("planner", "admin")
def new_goal(process_id: int, field_id: int):
    process = load_process(process_id)
    field = owned(process, "field", field_id)
    form = GoalForm()
    form.set_parent_choices([g for g in field.goals if g.level == "leitziel"])
    return (_create(process, "goal", form, {"field_id": field.id, "position": len(field.goals)})
            or _edit_page(process, "goal", form, parent=field, parent_label=field.title))


@bp.route("/processes/<int:process_id>/strategy/goals/<int:goal_id>/measures/new", methods=["GET", "POST"])
@role_required("planner", "admin")
def new_measure(process_id: int, goal_id: int):
    process = load_process(process_id)
    goal = owned(process, "goal", goal_id)
    form = MeasureForm()
    ensure_lists(process)
    form.set_choices(measures.bodies_of(process), measures.life_stages_of(process))
    return (_create(process, "measure", form, {"goal_id": goal.id, "position": len(goal.measures)})
            or _edit_page(process, "measure", form, parent=goal, parent_label=goal.title))


@bp.route("/processes/<int:process_id>/strategy/<kind>/<int:object_id>/indicators/new", methods=["GET", "POST"])
@role_required("planner", "admin")
def new_indicator(process_id: int, kind: str, object_id: int):
    process = load_process(process_id)
    if kind not in ("goal", "measure"):
        abort(404)
    parent = owned(process, kind, object_id)
    form = IndicatorForm()
    return (_create(process, "indicator", form, {f"{kind}_id": parent.id})
            or _edit_page(process, "indicator", form, parent=parent, parent_label=parent.title))


@bp.route("/processes/<int:process_id>/strategy/<kind>/<int:object_id>/edit", methods=["GET", "POST"])
@role_required("planner", "admin")
def edit_item(process_id: int, kind: str, object_id: int):
    process = load_process(process_id)
    item = owned(process, kind, object_id)
    model, form_class, names = KINDS[kind]
    form = form_class(obj=item)
    if kind == "goal":
        if request.method == "GET":
            form.parent_id.data = item.parent_id or 0
        form.set_parent_choices([g for g in item.field.goals if g.level == "leitziel"], exclude_id=item.id)
    if kind == "measure":
        _prepare_measure_form(process, form, item)
    if form.validate_on_submit():
        changes = _apply(form, item, names)
        if kind == "measure":
            changes |= _apply_measure_links(process, form, item, status_changed="status" in changes)
        if changes:
            audit.record(f"strategy_{kind}_updated", item, changes=changes)
            db.session.commit()
        flash(_("Gespeichert."), "success")
        return redirect(strategy_url(process))
    return _edit_page(process, kind, form, item=item)


@bp.route("/processes/<int:process_id>/strategy/<kind>/<int:object_id>/delete", methods=["GET", "POST"])
@role_required("planner", "admin")
def delete_item(process_id: int, kind: str, object_id: int):
    """Ask first (a field takes its goals and measures with it), then delete on POST."""
    process = load_process(process_id)
    item = owned(process, kind, object_id)
    form = ConfirmForm()
    if request.method == "GET":
        return render_template("planning/strategy_delete.html", process=process, kind=kind, item=item, form=form,
                               label=getattr(item, "title", None) or item.name)
    if form.validate_on_submit():
        audit.record(f"strategy_{kind}_deleted", item,
                     title=getattr(item, "title", None) or getattr(item, "name", ""))
        db.session.delete(item)
        db.session.commit()
        flash(_("Gelöscht."), "success")
    return redirect(strategy_url(process))


@bp.route("/processes/<int:process_id>/strategy/evidence", methods=["POST"])
@role_required("planner", "admin")
def link_evidence(process_id: int):
    process = load_process(process_id)
    form = _evidence_form(process)
    if form.validate_on_submit() and form.quote_fits_theme():
        kind, _separator, target_id = form.target.data.partition(":")
        link = strategy.link_evidence(process, kind, int(target_id), theme_id=form.theme_id.data or None,
                                      answer_id=form.answer_id.data or None, user=current_user)
        if link is None:
            flash(_("Dieser Beleg ist schon verknüpft."), "warning")
        else:
            db.session.flush()
            audit.record("strategy_evidence_linked", link, target=form.target.data, theme_id=link.theme_id,
                         answer_id=link.answer_id)
            db.session.commit()
            flash(_("Beleg verknüpft."), "success")
        return redirect(strategy_url(process))
    return _render_strategy(process, form, status=400)


@bp.route("/processes/<int:process_id>/strategy/evidence/<int:link_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def unlink_evidence(process_id: int, link_id: int):
    process = load_process(process_id)
    link = db.session.get(EvidenceLink, link_id)
    if link is None or link.process_id != process.id:
        abort(404)
    if ConfirmForm().validate_on_submit():
        audit.record("strategy_evidence_unlinked", link, theme_id=link.theme_id, answer_id=link.answer_id)
        db.session.delete(link)
        db.session.commit()
        flash(_("Verknüpfung entfernt."), "success")
    return redirect(strategy_url(process))
