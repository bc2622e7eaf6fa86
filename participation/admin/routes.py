from flask import Response, abort, flash, render_template, request
from flask_babel import gettext as _
from sqlalchemy import func

from .. import audit
from ..accounts import issue_password_reset
from ..audit import log
from ..audit.labels import action_label
from ..auth.access import role_required
from ..extensions import db
from ..forms.admin import AuditFilterForm, UserForm
from ..forms.privacy import ConfirmForm
from ..links import absolute_url
from ..models import Invitation, Process, Questionnaire, User
from . import bp


@bp.route("/", methods=["GET", "POST"])
@role_required("admin")
def index():
    """List accounts and invite new people with a one-time link, with their processes and guides at once."""
    form = _user_form()
    invitation_link = None
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        if db.session.execute(db.select(User).where(func.lower(User.email) == email)).first():
            form.email.errors.append(_("Diese E-Mail-Adresse hat schon ein Konto."))
        else:
            user = User(email=email, name=form.name.data.strip(), role=form.role.data, active=True)
            assign_work(user, form.processes.data, form.questionnaires.data)
            invitation, token = Invitation.issue(user)
            db.session.add_all([user, invitation])
            db.session.flush()
            audit.record("user_invited", user, role=user.role, processes=[p.id for p in user.processes],
                         questionnaires=[q.id for q in user.assigned_questionnaires])
            db.session.commit()
            invitation_link = absolute_url("auth.accept_invitation", token=token)
            flash(_("Einladung erstellt. Geben Sie den Link persönlich weiter; er gilt 7 Tage und nur einmal."),
                  "success")
            form = _user_form(formdata=None)
    return _index_page(form, invitation_link=invitation_link)


def _user_form(**kwargs) -> UserForm:
    form = UserForm(**kwargs)
    form.fill_choices(db.session.execute(db.select(Process).order_by(Process.title)).scalars().all())
    return form


def assign_work(user: User, process_ids, questionnaire_ids) -> None:
    """Processes the person works in, and (multipliers) the guides and surveys they may use.

    A guide chosen without its process brings its process along, so the multiplier is never left with a
    guide in a process whose planners cannot see them.
    """
    questionnaires = db.session.execute(
        db.select(Questionnaire).where(Questionnaire.id.in_(questionnaire_ids or []))).scalars().all() \
        if user.role == "multiplier" else []
    wanted = set(process_ids or []) | {q.process_id for q in questionnaires}
    user.processes = db.session.execute(db.select(Process).where(Process.id.in_(wanted))).scalars().all()
    user.assigned_questionnaires = list(questionnaires)


def _index_page(form, **links):
    users = db.session.execute(db.select(User).order_by(User.role, User.email)).scalars().all()
    return render_template("admin/index.html", form=form, users=users, reset_form=ConfirmForm(), **links)


@bp.route("/users/<int:user_id>/reset", methods=["POST"])
@role_required("admin")
def reset_password(user_id: int):
    """A one-time link with which the person sets a new password; earlier unused links stop working."""
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    token = issue_password_reset(user)
    flash(_("Link zum Zurücksetzen erstellt. Geben Sie ihn persönlich weiter; er gilt 2 Tage und nur einmal."),
          "success")
    return _index_page(_user_form(formdata=None),
                       reset_link=absolute_url("auth.accept_invitation", token=token), reset_user=user)


def _audit_filter_form() -> AuditFilterForm:
    form = AuditFilterForm(request.args)
    form.fill_choices(log.processes(), log.people(), log.known_actions(), action_label)
    return form


@bp.route("/audit")
@role_required("admin")
def audit_log():
    """The log with translated actions and titles as they were, filtered by process, person, action, date."""
    form = _audit_filter_form()
    selection = form.selection()
    return render_template("admin/audit.html", events=log.events(selection), form=form, action_label=action_label,
                           object_text=log.object_text, page_size=log.PAGE_SIZE, query=request.query_string.decode())


@bp.route("/audit.csv")
@role_required("admin")
def audit_log_csv():
    """The same selection as CSV (all rows, not only the first page)."""
    selection = _audit_filter_form().selection()
    audit.record("audit_log_exported", None)
    db.session.commit()
    return Response(log.audit_csv(log.events(selection, limit=None)), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": "attachment; filename=protokoll.csv"})
