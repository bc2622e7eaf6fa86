"""Residents prioritise without an account: one plain form, points checked on the server, once per device."""
import secrets

from flask import abort, g, redirect, render_template, request, session, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from ..languages import i18n
from ..links import absolute_url
from ..models import PriorityRound, utcnow
from ..forms.priorities import PointsForm
from ..priorities import points as priority_points
from ..priorities.results import round_results
from ..priorities.rounds import example_quote, find_round
from ..privacy.flooding import round_within_limits
from . import bp
from .common import missing_language_notice
from .material import flyer_blocks, qr_response, scan_hint

DONE_KEY = "priority_rounds_done"


def _round_language(priority_round: PriorityRound | None) -> str:
    offered = [code for code in (priority_round.languages if priority_round else []) if code in i18n.LANGUAGES]
    offered = offered or ["de"]
    code = i18n.offer_languages(offered).code
    g.language_notice = missing_language_notice(offered, code)
    return code


def done_on_this_device(priority_round: PriorityRound) -> bool:
    """The signed session cookie lists the rounds this browser took part in (nothing is stored server-side)."""
    return priority_round.id in (session.get(DONE_KEY) or [])


def mark_done(priority_round: PriorityRound) -> None:
    session[DONE_KEY] = [*(session.get(DONE_KEY) or [])[-49:], priority_round.id]
    session.permanent = True


def ended(priority_round: PriorityRound | None) -> bool:
    if priority_round is None:
        return False
    return priority_round.status == "closed" or (
        priority_round.closes_at is not None and priority_round.closes_at < utcnow())


def _render(priority_round, language, form, checked=None, status=200, notice=None):
    checked = checked or priority_points.CheckedPoints()
    if not form.submission_id.data or not priority_points.valid_submission_id(form.submission_id.data):
        form.submission_id.data = secrets.token_urlsafe(24)
    return render_template("public/priority.html", priority_round=priority_round, lang=language, form=form,
                           checked=checked, notice=notice, quote=example_quote,
                           error_items=priority_points.error_items,
                           age_bands=priority_points.AGE_BANDS), status


@bp.route("/p/<code>", methods=["GET", "POST"])
def priority_page(code: str):
    priority_round = find_round(code)
    language = _round_language(priority_round)
    if priority_round is None or not priority_round.is_open() or not priority_round.items:
        return render_template("public/priority_unavailable.html", priority_round=priority_round, lang=language,
                               ended=ended(priority_round)), 404 if priority_round is None else 200
    form = PointsForm()
    if request.method == "GET":
        if done_on_this_device(priority_round):
            return redirect(url_for(".priority_thanks", code=code))
        return _render(priority_round, language, form)
    # The form token was checked app-wide (CSRFProtect) before this view runs.
    checked = priority_points.check_online(priority_round, request.form)
    submission_id = form.submission_id.data
    if not priority_points.valid_submission_id(submission_id):
        return _render(priority_round, language, form, checked, 400,
                       _("Bitte senden Sie das Formular noch einmal ab."))
    if priority_points.find_submission(submission_id) is not None:   # double click, reload, back button
        return redirect(url_for(".priority_thanks", code=code))
    if done_on_this_device(priority_round):
        return _render(priority_round, language, form, checked, 409,
                       _("Von diesem Gerät wurden für diese Runde schon Punkte abgegeben. "
                         "Jede Person macht einmal mit."))
    if checked.errors:
        return _render(priority_round, language, form, checked, 422)
    if not round_within_limits(priority_round):
        return _render(priority_round, language, form, checked, 429,
                       _("Gerade kommen sehr viele Punkte auf einmal an. Ihre Punkte sind noch da – "
                         "bitte senden Sie sie später noch einmal ab."))
    priority_points.store(priority_round, checked, submission_id=submission_id, channel="online", language=language)
    mark_done(priority_round)
    return redirect(url_for(".priority_thanks", code=code))


@bp.route("/p/<code>/ergebnisse")
def priority_public_results(code: str):
    """The overall ranking, online and conference apart and together, once planners publish it."""
    priority_round = find_round(code)
    language = _round_language(priority_round)
    if priority_round is None or not priority_round.results_published:
        return render_template("public/priority_unavailable.html", priority_round=None, lang=language,
                               ended=False), 404
    return render_template("public/priority_results.html", priority_round=priority_round, lang=language,
                           results=round_results(priority_round))


@bp.route("/p/<code>/danke")
def priority_thanks(code: str):
    priority_round = find_round(code)
    language = _round_language(priority_round)
    if priority_round is None:
        return render_template("public/priority_unavailable.html", priority_round=None, lang=language,
                               ended=False), 404
    return render_template("public/priority_thanks.html", priority_round=priority_round, lang=language)


# --- flyer and QR code, as surveys have them (public.material) ------------------------------------

def shown_round(code: str) -> PriorityRound | None:
    """A round whose material is public: anything but a draft (planners of its process see drafts too)."""
    priority_round = find_round(code)
    if priority_round is None or (priority_round.status == "draft" and not (
            current_user.is_authenticated and current_user.can_plan(priority_round.process))):
        return None
    return priority_round


def round_link(priority_round: PriorityRound) -> str:
    """The absolute short link printed on the flyer and encoded in the QR code."""
    return absolute_url("public.priority_page", code=priority_round.short_code)


def period_text(priority_round: PriorityRound) -> str:
    """When residents can take part, in the current locale and the platform's time zone ("" when open-ended)."""
    start = format_date(priority_round.opens_at, "long") if priority_round.opens_at else None
    end = format_date(priority_round.closes_at, "long") if priority_round.closes_at else None
    if start and end:
        return _("Mitmachen vom %(start)s bis zum %(end)s", start=start, end=end)
    if end:
        return _("Mitmachen bis zum %(end)s", end=end)
    return _("Mitmachen ab dem %(start)s", start=start) if start else ""


@bp.route("/p/<code>/qr.<any(svg, png):kind>")
def priority_qr(code: str, kind: str):
    priority_round = shown_round(code)
    if priority_round is None:
        abort(404)
    return qr_response(round_link(priority_round), priority_round.short_code, kind)


@bp.route("/p/<code>/flyer")
def priority_flyer(code: str):
    """A printable A4 invitation: title, period, link and QR code, in every language of the round."""
    priority_round = shown_round(code)
    language = _round_language(priority_round)
    if priority_round is None:
        return render_template("public/priority_unavailable.html", priority_round=None, lang=language,
                               ended=False), 404
    link = round_link(priority_round)

    def texts() -> dict:
        return {"invitation": _("Was ist Ihnen am wichtigsten? Verteilen Sie Ihre Punkte – ohne Anmeldung, in "
                                "wenigen Minuten."),
                "period": period_text(priority_round),
                "how": scan_hint()}
    return render_template("public/flyer.html", lang=language, link=link,
                           title=priority_round.translated("title", language),
                           qr_svg=url_for("public.priority_qr", code=priority_round.short_code, kind="svg"),
                           qr_png=url_for("public.priority_qr", code=priority_round.short_code, kind="png"),
                           qr_alt=_("QR-Code mit dem Link zur Runde: %(link)s", link=link),
                           blocks=flyer_blocks(priority_round, priority_round.languages, texts), outcome_link=None)
