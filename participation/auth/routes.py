from flask import flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from .. import audit
from ..extensions import db
from ..fieldwork import membership
from ..forms.auth import LoginForm, SetPasswordForm
from ..forms.multipliers import ConfirmForm
from ..models import Invitation, MembershipInvitation, utcnow
from . import bp
from .login import LoginRefused, authenticate, safe_next


def home_for(user) -> str:
    if user.role == "multiplier":
        return url_for("interviews.index")
    if user.role == "admin":
        return url_for("admin.index")
    return url_for("planning.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = authenticate(form.email.data, form.password.data)
        except LoginRefused as refused:
            if refused.throttled:
                flash(_("Zu viele Fehlversuche. Bitte warten Sie einige Minuten."), "error")
                return render_template("auth/login.html", form=form), 429
            flash(_("E-Mail-Adresse oder Passwort ist falsch."), "error")
            return render_template("auth/login.html", form=form), 401
        login_user(user)
        audit.record("login", user)
        db.session.commit()
        return redirect(safe_next(request.args.get("next")) or home_for(user))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    """Ends the session on the server too (a copied cookie stops working) and clears the browser's cache
    of this site, also without JavaScript; records waiting offline stay in the device's storage."""
    if current_user.is_authenticated:
        current_user.end_sessions()
        db.session.commit()
    logout_user()
    response = make_response(redirect(url_for("public.index")))
    response.headers["Clear-Site-Data"] = '"cache"'
    return response


def _link_gone():
    return render_template("error.html", title=_("Link nicht gültig"),
                           message=_("Dieser Link ist abgelaufen oder wurde schon benutzt. "
                                     "Bitte fragen Sie nach einem neuen Link."), status=410), 410


@bp.route("/invite/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    """First use of an invitation (or reset) link: set an own password, then log in."""
    if len(token) > 100:
        return _link_gone()
    invitation = Invitation.find_usable(token)
    if invitation is None:
        joining = MembershipInvitation.find_usable(token)
        return _join_process(joining) if joining is not None else _link_gone()
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


def _join_process(invitation: MembershipInvitation):
    """A planner's invitation: a new person sets a password; an account holder accepts while logged in."""
    account = membership.account_with_email(invitation.email)
    if account is None:
        form = SetPasswordForm()
        if form.validate_on_submit():
            user = membership.create_account_from(invitation, form.password.data)
            login_user(user)
            return redirect(home_for(user))
        return render_template("auth/set_password.html", form=form, user=invitation)
    signed_in_as_invitee = current_user.is_authenticated and current_user.id == account.id
    fits = signed_in_as_invitee and account.role == "multiplier"
    form = ConfirmForm()
    if fits and form.validate_on_submit():
        membership.accept(invitation, account)
        flash(_("Sie arbeiten jetzt auch im Prozess „%(title)s“.", title=invitation.process.title), "success")
        return redirect(home_for(account))
    return render_template("auth/join.html", invitation=invitation, form=form, fits=fits,
                           signed_in_as_invitee=signed_in_as_invitee)
