"""The cooperation check: the partner survey and key-person guides made from templates in one click, and
the Kooperationscheck page (the partner survey by wave and committee)."""
from flask import flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import role_required
from ..cooperation import templates
from ..cooperation.check import cooperation_check
from ..extensions import db
from . import bp
from .builder_routes import builder_url, require_post_form
from .loading import load_process
from .reach_views import _percent


@bp.route("/processes/<int:process_id>/cooperation/partner-survey", methods=["POST"])
@role_required("planner", "admin")
def partner_survey_new(process_id: int):
    process = load_process(process_id)
    require_post_form()
    try:
        survey = templates.create_partner_survey(process, user=current_user)
    except templates.TemplateError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(_overview_url(process))
    db.session.commit()
    flash(_("Partnerbefragung angelegt (Entwurf). Prüfen Sie die Fragen und öffnen Sie sie dann."), "success")
    return redirect(builder_url(survey))


@bp.route("/processes/<int:process_id>/cooperation/key-person-guide", methods=["POST"])
@role_required("planner", "admin")
def key_person_guide_new(process_id: int):
    process = load_process(process_id)
    require_post_form()
    guide = templates.create_key_person_guide(process, user=current_user)
    db.session.commit()
    flash(_("Interviewleitfaden angelegt (Entwurf). Passen Sie ihn an und öffnen Sie ihn dann für die "
            "Interviews."), "success")
    return redirect(builder_url(guide))


@bp.route("/processes/<int:process_id>/cooperation/check")
@role_required("planner", "admin")
def cooperation_check_page(process_id: int):
    process = load_process(process_id)
    language = str(get_locale() or "de").split("_")[0]
    return render_template("planning/cooperation_check.html", process=process,
                           check=cooperation_check(process, language), percent=_percent)


def _overview_url(process) -> str:
    return url_for("planning.cooperation_overview", process_id=process.id)
