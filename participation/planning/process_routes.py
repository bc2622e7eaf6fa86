"""Creating and editing processes; administrators add planners to a process."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import role_required
from ..extensions import db
from ..forms.builder import MemberForm, ProcessForm, lines
from ..models import User
from ..surveys.builder import BuilderError, add_member, create_process, update_process
from . import bp
from .loading import load_process


def process_fields(form: ProcessForm) -> dict:
    return {"title": form.title.data.strip(), "description": (form.description.data or "").strip(),
            "phase": form.phase.data, "districts": lines(form.districts.data),
            "target_groups": lines(form.target_groups.data), "languages": list(form.languages.data),
            "min_group_size": form.min_group_size.data}


@bp.route("/processes/new", methods=["GET", "POST"])
@role_required("planner", "admin")
def process_new():
    form = ProcessForm()
    if request.method == "GET":
        form.languages.data = ["de"]
    if form.validate_on_submit():
        process = create_process(current_user, **process_fields(form))
        db.session.commit()
        flash(_("Der Prozess wurde angelegt."), "success")
        return redirect(url_for("planning.process_overview", process_id=process.id))
    return render_template("planning/builder/process_form.html", form=form, process=None)


@bp.route("/processes/<int:process_id>/edit", methods=["GET", "POST"])
@role_required("planner", "admin")
def process_edit(process_id: int):
    process = load_process(process_id)
    form = ProcessForm(obj=process)
    if request.method == "GET":
        form.districts.data = "\n".join(process.districts or [])
        form.target_groups.data = "\n".join(process.target_groups or [])
    if form.validate_on_submit():
        update_process(process, **process_fields(form))
        db.session.commit()
        flash(_("Die Änderungen wurden gespeichert."), "success")
        return redirect(url_for("planning.process_overview", process_id=process.id))
    return render_template("planning/builder/process_form.html", form=form, process=process,
                           member_form=member_form(process))


def member_form(process) -> MemberForm | None:
    """Administrators choose from planners who are not members yet."""
    if current_user.role != "admin":
        return None
    form = MemberForm()
    candidates = db.session.execute(
        db.select(User).where(User.role == "planner", User.active.is_(True)).order_by(User.name)).scalars()
    form.user_id.choices = [(user.id, f"{user.name} ({user.email})") for user in candidates
                            if user not in process.members]
    return form


@bp.route("/processes/<int:process_id>/members", methods=["POST"])
@role_required("admin")
def process_add_member(process_id: int):
    process = load_process(process_id)
    form = member_form(process)
    if not form.validate_on_submit():
        flash(_("Bitte wählen Sie eine Person aus der Liste."), "error")
        return redirect(url_for("planning.process_edit", process_id=process.id))
    try:
        add_member(process, db.session.get(User, form.user_id.data))
    except BuilderError as error:
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("Die Person wurde dem Prozess zugeordnet."), "success")
    return redirect(url_for("planning.process_edit", process_id=process.id))
