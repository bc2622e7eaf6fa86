from flask import flash, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import func

from .. import audit
from ..auth.access import role_required
from ..extensions import db
from ..forms.admin import UserForm
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
            invitation_link = url_for("auth.accept_invitation", token=token, _external=True)
            flash(_("Einladung erstellt. Geben Sie den Link persönlich weiter; er gilt 7 Tage und nur einmal."),
                  "success")
            form = UserForm(formdata=None)
    users = db.session.execute(db.select(User).order_by(User.role, User.email)).scalars().all()
    return render_template("admin/index.html", form=form, users=users, invitation_link=invitation_link)


@bp.route("/audit")
@role_required("admin")
def audit_log():
    events = db.session.execute(db.select(AuditEvent).order_by(AuditEvent.at.desc()).limit(500)).scalars().all()
    return render_template("admin/audit.html", events=events)
