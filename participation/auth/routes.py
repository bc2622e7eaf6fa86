from datetime import timedelta

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from sqlalchemy import func

from .. import audit
from ..extensions import db
from ..forms.auth import LoginForm, SetPasswordForm
from ..models import Invitation, User, utcnow
from . import bp


def home_for(user) -> str:
    if user.role == "multiplier":
        return url_for("interviews.index")
    if user.role == "admin":
        return url_for("admin.index")
    return url_for("planning.index")


def _safe_next(target: str | None) -> str | None:
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return None


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        user = db.session.execute(db.select(User).where(func.lower(User.email) == email)).scalar_one_or_none()
        now = utcnow()
        if user is not None and user.locked_until is not None and user.locked_until > now:
            flash(_("Zu viele Fehlversuche. Bitte warten Sie einige Minuten."), "error")
            return render_template("auth/login.html", form=form), 429
        if user is None or not user.active or not user.check_password(form.password.data):
            if user is not None:
                user.failed_logins += 1
                if user.failed_logins >= current_app.config["LOGIN_MAX_FAILURES"]:
                    user.locked_until = now + timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])
                    user.failed_logins = 0
                db.session.commit()
            flash(_("E-Mail-Adresse oder Passwort ist falsch."), "error")
            return render_template("auth/login.html", form=form), 401
        user.failed_logins = 0
        user.locked_until = None
        login_user(user)
        audit.record("login", user)
        db.session.commit()
        return redirect(_safe_next(request.args.get("next")) or home_for(user))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    return redirect(url_for("public.index"))


@bp.route("/invite/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    """First use of an invitation (or reset) link: set an own password, then log in."""
    invitation = Invitation.find_usable(token)
    if invitation is None:
        return render_template("error.html", title=_("Link nicht gültig"),
                               message=_("Dieser Link ist abgelaufen oder wurde schon benutzt. "
                                         "Bitte fragen Sie nach einem neuen Link."), status=410), 410
    form = SetPasswordForm()
    if form.validate_on_submit():
        user = invitation.user
        user.set_password(form.password.data)
        user.active = True
        invitation.used_at = utcnow()
        audit.record("invitation_accepted", user, user=user)
        db.session.commit()
        login_user(user)
        return redirect(home_for(user))
    return render_template("auth/set_password.html", form=form, user=invitation.user)
