"""The phase page: the process's steps with checklists; finish, re-open, rename, reorder, add, remove."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import role_required
from ..extensions import db
from ..forms.phases import ChecklistItemEditForm, ChecklistItemForm, PhaseNameForm, PhaseTemplateForm, ReopenForm
from ..forms.strategy import ConfirmForm
from ..models import PhaseChecklistItem, Process, ProcessPhase
from ..strategy import phases as logic
from . import bp
from .loading import load_process


@bp.app_template_global("phase_overview")
def phase_overview(process: Process) -> list[dict]:
    """Each phase with its state and checklist progress, for the compact step lists."""
    current = logic.current_phase(process)
    return [{"phase": phase, "state": logic.state(phase), "progress": logic.progress(phase),
             "current": phase is current} for phase in process.phases]


@bp.app_template_global("phase_state_labels")
def phase_state_labels() -> dict[str, str]:
    return logic.state_labels()


def _owned(process: Process, model, row_id: int):
    row = db.session.get(model, row_id)
    if row is None or row.process_id != process.id:
        abort(404)
    return row


def _page_url(process: Process, anchor: str = "") -> str:
    return url_for("planning.phases_page", process_id=process.id) + (f"#{anchor}" if anchor else "")


def _forms(process: Process, failed: tuple | None) -> dict:
    """Every form of the page, blank or filled from the stored rows; the one that failed keeps what was typed."""
    forms = {"template": PhaseTemplateForm(formdata=None), "new": PhaseNameForm(prefix="new", formdata=None)}
    for phase in process.phases:
        forms[f"rename-{phase.id}"] = PhaseNameForm(prefix=f"phase-{phase.id}", formdata=None, name=phase.name)
        forms[f"reopen-{phase.id}"] = ReopenForm(prefix=f"reopen-{phase.id}", formdata=None)
        forms[f"item-{phase.id}"] = ChecklistItemForm(prefix=f"item-{phase.id}", formdata=None)
        for item in phase.items:
            forms[f"edit-{item.id}"] = ChecklistItemEditForm(prefix=f"edit-{item.id}", formdata=None, text=item.text)
    if failed:
        forms[failed[0]] = failed[1]
    return forms


def _render(process: Process, status: int = 200, failed: tuple | None = None):
    """The page; `failed` = (key, form) puts back the form the planner just sent, with its errors and values."""
    return render_template("planning/phases.html", process=process, steps=phase_overview(process),
                           history=logic.history(process), forms=_forms(process, failed),
                           failed_key=failed[0] if failed else None, confirm_form=ConfirmForm()), status


def _done(process: Process, message: str, anchor: str = ""):
    db.session.commit()
    flash(message, "success")
    return redirect(_page_url(process, anchor))


@bp.route("/processes/<int:process_id>/phases")
@role_required("planner", "admin")
def phases_page(process_id: int):
    return _render(load_process(process_id))


@bp.route("/processes/<int:process_id>/phases/template", methods=["POST"])
@role_required("planner", "admin")
def phases_from_template(process_id: int):
    process = load_process(process_id)
    form = PhaseTemplateForm()
    if form.validate_on_submit() and logic.apply_template(process, form.template.data):
        return _done(process, _("Die Phasen sind angelegt. Sie können sie umbenennen, ergänzen und umsortieren."))
    if not form.errors:
        form.template.errors = [_("Dieser Prozess hat schon Phasen.")]
    return _render(process, 400, ("template", form))


@bp.route("/processes/<int:process_id>/phases/new", methods=["POST"])
@role_required("planner", "admin")
def add_phase(process_id: int):
    process = load_process(process_id)
    form = PhaseNameForm(prefix="new")
    if form.validate_on_submit():
        phase = logic.add_phase(process, form.name.data.strip())
        return _done(process, _("Phase hinzugefügt."), f"phase-{phase.id}")
    return _render(process, 400, ("new", form))


@bp.route("/processes/<int:process_id>/phases/<int:phase_id>/rename", methods=["POST"])
@role_required("planner", "admin")
def rename_phase(process_id: int, phase_id: int):
    process = load_process(process_id)
    phase = _owned(process, ProcessPhase, phase_id)
    form = PhaseNameForm(prefix=f"phase-{phase.id}")
    if form.validate_on_submit():
        logic.rename_phase(phase, form.name.data.strip())
        return _done(process, _("Phase gespeichert."), f"phase-{phase.id}")
    return _render(process, 400, (f"rename-{phase.id}", form))


@bp.route("/processes/<int:process_id>/phases/<int:phase_id>/<any(up, down):direction>", methods=["POST"])
@role_required("planner", "admin")
def move_phase(process_id: int, phase_id: int, direction: str):
    process = load_process(process_id)
    phase = _owned(process, ProcessPhase, phase_id)
    if ConfirmForm().validate_on_submit():
        logic.move_phase(process, phase, -1 if direction == "up" else 1)
        return _done(process, _("Reihenfolge gespeichert."), f"phase-{phase.id}")
    abort(400)


@bp.route("/processes/<int:process_id>/phases/<int:phase_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def delete_phase(process_id: int, phase_id: int):
    process = load_process(process_id)
    phase = _owned(process, ProcessPhase, phase_id)
    if ConfirmForm().validate_on_submit():
        logic.remove_phase(process, phase)
        return _done(process, _("Phase gelöscht."))
    abort(400)


@bp.route("/processes/<int:process_id>/phases/<int:phase_id>/finish", methods=["POST"])
@role_required("planner", "admin")
def finish_phase(process_id: int, phase_id: int):
    process = load_process(process_id)
    phase = _owned(process, ProcessPhase, phase_id)
    if ConfirmForm().validate_on_submit():
        logic.finish_phase(process, phase, current_user)
        return _done(process, _("Phase abgeschlossen. Sie können sie jederzeit wieder öffnen."), f"phase-{phase.id}")
    abort(400)


@bp.route("/processes/<int:process_id>/phases/<int:phase_id>/reopen", methods=["POST"])
@role_required("planner", "admin")
def reopen_phase(process_id: int, phase_id: int):
    process = load_process(process_id)
    phase = _owned(process, ProcessPhase, phase_id)
    form = ReopenForm(prefix=f"reopen-{phase.id}")
    if form.validate_on_submit():
        logic.reopen_phase(process, phase, current_user, (form.reason.data or "").strip())
        return _done(process, _("Phase wieder geöffnet."), f"phase-{phase.id}")
    return _render(process, 400, (f"reopen-{phase.id}", form))


@bp.route("/processes/<int:process_id>/phases/<int:phase_id>/items", methods=["POST"])
@role_required("planner", "admin")
def add_phase_item(process_id: int, phase_id: int):
    process = load_process(process_id)
    phase = _owned(process, ProcessPhase, phase_id)
    form = ChecklistItemForm(prefix=f"item-{phase.id}")
    if form.validate_on_submit():
        logic.add_item(phase, form.text.data.strip())
        return _done(process, _("Punkt hinzugefügt."), f"phase-{phase.id}")
    return _render(process, 400, (f"item-{phase.id}", form))


@bp.route("/processes/<int:process_id>/phase-items/<int:item_id>/<any(done, undone):action>", methods=["POST"])
@role_required("planner", "admin")
def tick_phase_item(process_id: int, item_id: int, action: str):
    process = load_process(process_id)
    item = _owned(process, PhaseChecklistItem, item_id)
    if ConfirmForm().validate_on_submit():
        logic.set_item_done(item, action == "done", current_user)
        return _done(process, _("Checkliste gespeichert."), f"phase-{item.phase_id}")
    abort(400)


@bp.route("/processes/<int:process_id>/phase-items/<int:item_id>/edit", methods=["POST"])
@role_required("planner", "admin")
def edit_phase_item(process_id: int, item_id: int):
    process = load_process(process_id)
    item = _owned(process, PhaseChecklistItem, item_id)
    form = ChecklistItemEditForm(prefix=f"edit-{item.id}")
    if form.validate_on_submit():
        logic.change_item_text(item, form.text.data.strip())
        return _done(process, _("Punkt gespeichert."), f"phase-{item.phase_id}")
    return _render(process, 400, (f"edit-{item.id}", form))


@bp.route("/processes/<int:process_id>/phase-items/<int:item_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def delete_phase_item(process_id: int, item_id: int):
    process = load_process(process_id)
    item = _owned(process, PhaseChecklistItem, item_id)
    phase_id = item.phase_id
    if ConfirmForm().validate_on_submit():
        logic.remove_item(item)
        return _done(process, _("Punkt gelöscht."), f"phase-{phase_id}")
    abort(400)
