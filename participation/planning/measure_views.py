"""Running measures: a measure's page, its resources and evaluation, the process's lists of bodies and
life stages, and the funding overview."""
from types import SimpleNamespace

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from .. import audit, strategy
from ..auth.access import role_required
from ..extensions import db
from ..forms.measures import ListsForm, MeasureResourcesForm
from ..models import Body, LifeStage, MeasureBudget, MeasureContribution, MeasureFunding
from ..strategy import funding, measures
from . import bp
from .loading import load_process
from .strategy_views import ensure_lists, owned

BLANK_ROWS = 2


def _page_context(process) -> dict:
    return {"process": process, "info": measures, "statuses": strategy.measure_status_labels(),
            "kinds": measures.contribution_kind_labels(), "evaluations": measures.evaluation_labels(),
            "timeline": strategy.timeline_text}


@bp.route("/processes/<int:process_id>/strategy/measures/<int:measure_id>")
@role_required("planner", "admin")
def measure_page(process_id: int, measure_id: int):
    process = load_process(process_id)
    measure = owned(process, "measure", measure_id)
    gaps = funding.funding_gaps([measure])
    return render_template("planning/measure.html", measure=measure,
                           doubles=[funding.double_funding_text(c) for c in funding.double_fundings([measure])],
                           gaps=[funding.gap_text(g) for g in gaps], **_page_context(process))


def _fill_resources(form: MeasureResourcesForm, measure) -> None:
    """The measure's rows plus blank ones to add to (no JS needed to get a new row)."""
    form.continuation.data = measure.continuation
    form.evaluation_result.data = measure.evaluation_result
    form.evaluated_on.data = measure.evaluated_on
    form.evaluation_note.data = measure.evaluation_note
    for line in measure.budget_lines:
        form.budget.append_entry(SimpleNamespace(year=str(line.year), amount=str(line.amount), funder=line.funder))
    for item in measure.contributions:
        form.contributions.append_entry(SimpleNamespace(
            kind=item.kind, description=item.description, value="" if item.value is None else str(item.value)))
    for item in measure.fundings:
        form.fundings.append_entry(item)
    for _row in range(BLANK_ROWS):
        form.budget.append_entry()
        form.contributions.append_entry()
        form.fundings.append_entry()


def _save_resources(form: MeasureResourcesForm, measure) -> None:
    measure.budget_lines = [
        MeasureBudget(year=int(row.year.data), amount=measures.parse_euros(row.amount.data) or 0,
                      funder=(row.funder.data or "").strip())
        for row in (entry.form for entry in form.budget) if not row.is_empty() and (row.year.data or "").strip()]
    measure.contributions = [
        MeasureContribution(kind=row.kind.data, description=(row.description.data or "").strip(),
                            value=measures.parse_euros(row.value.data) if (row.value.data or "").strip() else None)
        for row in (entry.form for entry in form.contributions) if not row.is_empty()]
    measure.fundings = [
        MeasureFunding(funder=row.funder.data.strip(), starts_on=row.starts_on.data, ends_on=row.ends_on.data)
        for row in (entry.form for entry in form.fundings) if not row.is_empty()]
    measure.continuation = (form.continuation.data or "").strip()
    measure.evaluation_result = form.evaluation_result.data or ""
    measure.evaluated_on = form.evaluated_on.data
    measure.evaluation_note = (form.evaluation_note.data or "").strip()


@bp.route("/processes/<int:process_id>/strategy/measures/<int:measure_id>/resources", methods=["GET", "POST"])
@role_required("planner", "admin")
def measure_resources(process_id: int, measure_id: int):
    process = load_process(process_id)
    measure = owned(process, "measure", measure_id)
    form = MeasureResourcesForm()
    if request.method == "GET":
        _fill_resources(form, measure)
    elif form.validate_on_submit():
        _save_resources(form, measure)
        audit.record("strategy_measure_resources_updated", measure, title=measure.title,
                     budget=measures.budget_total(measure), funders=", ".join(measures.funders(measure)),
                     evaluation=measure.evaluation_result)
        db.session.commit()
        flash(_("Gespeichert."), "success")
        return redirect(url_for("planning.measure_page", process_id=process.id, measure_id=measure.id))
    return render_template("planning/measure_resources.html", measure=measure, form=form,
                           funder_suggestions=measures.FUNDER_SUGGESTIONS,
                           **_page_context(process)), 400 if request.method == "POST" else 200


def _fill_lists(form: ListsForm, process) -> None:
    for body in measures.bodies_of(process):
        form.bodies.append_entry(SimpleNamespace(row_id=str(body.id), name=body.name, kind=body.kind, remove=False))
    for stage in measures.life_stages_of(process):
        form.stages.append_entry(SimpleNamespace(row_id=str(stage.id), name=stage.name, remove=False))
    for _row in range(BLANK_ROWS):
        form.bodies.append_entry()
        form.stages.append_entry()


def _save_list(process, model, existing, rows, with_kind: bool) -> list[str]:
    """Rename, remove and add rows of one list; ids of other processes are ignored. Returns what changed."""
    by_id = {str(item.id): item for item in existing}
    names = {item.name.casefold() for item in existing}
    changed = []
    for row in rows:
        name = (row.name.data or "").strip()
        item = by_id.get(row.row_id.data or "")
        if item is not None and row.remove.data:
            changed.append(f"-{item.name}")
            db.session.delete(item)
        elif item is not None and name and (name != item.name or (with_kind and row.kind.data != item.kind)):
            changed.append(f"{item.name}→{name}")
            item.name = name
            if with_kind:
                item.kind = row.kind.data
        elif item is None and name and name.casefold() not in names and not row.remove.data:
            names.add(name.casefold())
            changed.append(f"+{name}")
            db.session.add(model(process_id=process.id, name=name, position=len(by_id) + len(changed),
                                 **({"kind": row.kind.data} if with_kind else {})))
    return changed


@bp.route("/processes/<int:process_id>/strategy/lists", methods=["GET", "POST"])
@role_required("planner", "admin")
def strategy_lists(process_id: int):
    process = load_process(process_id)
    ensure_lists(process)
    form = ListsForm()
    if request.method == "GET":
        _fill_lists(form, process)
    elif form.validate_on_submit():
        bodies = measures.bodies_of(process)
        affected = measures.measures_with_bodies(body.id for body in bodies)
        changed = (_save_list(process, Body, bodies, [e.form for e in form.bodies], True)
                   + _save_list(process, LifeStage, measures.life_stages_of(process),
                                [e.form for e in form.stages], False))
        measures.sync_texts(affected)
        if changed:
            audit.record("strategy_lists_updated", process, changes=", ".join(changed)[:2000])
        db.session.commit()
        flash(_("Gespeichert."), "success")
        return redirect(url_for("planning.strategy_lists", process_id=process.id))
    return render_template("planning/strategy_lists.html", process=process, form=form,
                           kinds=measures.body_kind_labels()), 400 if request.method == "POST" else 200


@bp.route("/processes/<int:process_id>/strategy/funding")
@role_required("planner", "admin")
def funding_overview(process_id: int):
    process = load_process(process_id)
    all_measures = strategy.measures_of(process)
    rows = funding.funding_rows(all_measures)
    doubles = funding.double_fundings(all_measures)
    gaps = funding.funding_gaps(all_measures)
    return render_template(
        "planning/funding.html", rows=rows, totals=funding.totals(rows),
        doubles=[(case, funding.double_funding_text(case)) for case in doubles],
        gaps=[(gap, funding.gap_text(gap)) for gap in gaps],
        double_keys={(case.measure.id, case.year) for case in doubles}, **_page_context(process))
