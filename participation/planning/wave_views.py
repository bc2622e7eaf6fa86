"""Survey waves: repeat a survey as its next wave, compare a wave with the one before it."""
from flask import abort, flash, redirect, render_template
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import role_required
from ..cooperation import templates as cooperation_templates
from ..extensions import db
from ..surveys import builder, waves
from . import bp
from .builder_routes import PREFIX, builder_url, require_post_form
from .loading import load_questionnaire
from .reach_views import _percent


@bp.route(PREFIX + "/waves/new", methods=["POST"])
@role_required("planner", "admin")
def survey_wave_new(process_id: int, questionnaire_id: int):
    survey = load_questionnaire(process_id, questionnaire_id)
    require_post_form()
    try:
        wave = builder.create_wave(survey, user=current_user)
        new_committees = cooperation_templates.add_new_committees(wave, user=current_user)
    except builder.BuilderError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(builder_url(survey))
    db.session.commit()
    flash(_("Welle %(number)s angelegt (Entwurf mit neuer Kurzadresse, ohne Antworten). Öffnen Sie sie, "
            "wenn die Befragung beginnt.", number=wave.wave_number), "success")
    if new_committees:
        flash(_("Neu in der Frage nach dem Gremium: %(names)s.", names=", ".join(new_committees)), "success")
    return redirect(builder_url(wave))


@bp.route(PREFIX + "/waves/compare")
@role_required("planner", "admin")
def survey_wave_compare(process_id: int, questionnaire_id: int):
    survey = load_questionnaire(process_id, questionnaire_id)
    previous = survey.previous_wave
    if survey.kind != "survey" or previous is None or previous.process_id != survey.process_id:
        abort(404)
    language = str(get_locale() or "de").split("_")[0]
    comparison = waves.compare_waves(previous, survey, language)
    return render_template("planning/waves/compare.html", comparison=comparison, questionnaire=survey,
                           process=survey.process, percent=_percent,
                           status_labels=waves.THEME_STATUS_LABELS)
