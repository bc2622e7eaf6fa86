from flask import abort, flash, render_template
from flask_babel import gettext as _
from sqlalchemy import func

from .. import audit
from ..auth.access import role_required
from ..accounts import issue_password_reset
from ..extensions import db
from ..forms.admin import UserForm
from ..forms.privacy import ConfirmForm
from ..links import absolute_url
from ..models import AuditEvent, Invitation, User
from . import bp


@bp.route("/", methods=["GET", "POST"])
@role_required("admin")
def index():
    """List accounts and invite new people with a one-time link."""
    form = UserForm()
    invitation_link = None
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        if db.session.execute(db.select(User).where(func.lower(User.email) == email)).first():
            form.email.errors.append(_("Diese E-Mail-Adresse hat schon ein Konto."))
        else:
            user = User(email=email, name=form.name.data.strip(), role=form.role.data, active=True)
            invitation, token = Invitation.issue(user)
            db.session.add_all([user, invitation])
            db.session.flush()
            audit.record("user_invited", user, role=user.role)
            db.session.commit()
            invitation_link = absolute_url("auth.accept_invitation", token=token)
            flash(_("Einladung erstellt. Geben Sie den Link persönlich weiter; er gilt 7 Tage und nur einmal."),
                  "success")
            form = UserForm(formdata=None)
    return _index_page(form, invitation_link=invitation_link)


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
    return _index_page(UserForm(formdata=None),
                       reset_link=absolute_url("auth.accept_invitation", token=token), reset_user=user)


@bp.route("/audit")
@role_required("admin")
def audit_log():
    events = db.session.execute(db.select(AuditEvent).order_by(AuditEvent.at.desc()).limit(500)).scalars().all()
    return render_template("admin/audit.html", events=events)
