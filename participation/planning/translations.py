"""Planners translate a survey's texts: completeness per language, export for translators, import back."""
from flask import Response as HttpResponse
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from .. import audit
from ..auth.access import require_planner_of, role_required
from ..extensions import db
from ..forms.builder import ActionForm
from ..forms.translations import TranslationImportForm
from ..languages.i18n import LANGUAGES
from ..languages.translation_files import (
    FORMATS,
    export_file,
    export_filename,
    import_translations,
    offered_translation_languages,
    text_units,
    translation_completeness,
)
from ..models import Questionnaire
from . import bp


def _questionnaire_for_planner(questionnaire_id: int) -> Questionnaire:
    questionnaire = db.session.get(Questionnaire, questionnaire_id)
    if questionnaire is None:
        abort(404)
    require_planner_of(questionnaire.process)
    return questionnaire


def _offered_language(questionnaire, language: str) -> str:
    if language not in offered_translation_languages(questionnaire):
        abort(404)
    return language


bp.add_app_template_global(translation_completeness, "translation_completeness")
bp.add_app_template_global(LANGUAGES, "all_languages")


def problem_message(problem) -> str:
    """A planner-readable sentence for a problem found in an imported file."""
    messages = {
        "unsupported_type": _("Diese Dateiart wird nicht unterstützt. Bitte nutzen Sie .po, .xlf oder .csv."),
        "too_large": _("Die Datei ist zu groß."),
        "not_utf8": _("Die Datei ist nicht in UTF-8 gespeichert. Bitte speichern Sie sie als „CSV UTF-8“ "
                      "bzw. mit der Kodierung UTF-8."),
        "unreadable": _("Die Datei lässt sich nicht lesen: %(detail)s", detail=problem.detail),
        "wrong_language": _("Die Datei ist für eine andere Sprache (%(language)s).", language=problem.detail),
        "unknown_id": _("Diesen Text gibt es im Fragebogen nicht: %(id)s", id=problem.unit_id),
        "missing_placeholder": _("In der Übersetzung von %(id)s fehlt der Platzhalter %(placeholder)s.",
                                 id=problem.unit_id, placeholder=problem.detail),
        "too_long": _("Die Übersetzung von %(id)s ist länger als %(limit)s Zeichen.",
                      id=problem.unit_id, limit=problem.detail),
        "source_changed": _("Der deutsche Text von %(id)s wurde seit dem Export geändert. "
                            "Bitte lassen Sie die Übersetzung prüfen.", id=problem.unit_id),
    }
    return messages.get(problem.code, problem.code)


@bp.route("/questionnaires/<int:questionnaire_id>/translations")
@role_required("planner", "admin")
def translations(questionnaire_id: int):
    questionnaire = _questionnaire_for_planner(questionnaire_id)
    missing = {language: [unit for unit in text_units(questionnaire, language) if not unit.target.strip()]
               for language in offered_translation_languages(questionnaire)}
    return render_template("planning/translations.html", questionnaire=questionnaire,
                           completeness=translation_completeness(questionnaire), missing=missing)


@bp.route("/questionnaires/<int:questionnaire_id>/translations/<language>/export.<file_format>")
@role_required("planner", "admin")
def export_translation(questionnaire_id: int, language: str, file_format: str):
    questionnaire = _questionnaire_for_planner(questionnaire_id)
    _offered_language(questionnaire, language)
    if file_format not in FORMATS:
        abort(404)
    filename = export_filename(questionnaire, language, file_format)
    return HttpResponse(export_file(questionnaire, language, file_format),
                        mimetype=FORMATS[file_format] + ("; charset=utf-8" if file_format != "xliff" else ""),
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/questionnaires/<int:questionnaire_id>/translations/<language>/import", methods=["GET", "POST"])
@role_required("planner", "admin")
def import_translation(questionnaire_id: int, language: str):
    questionnaire = _questionnaire_for_planner(questionnaire_id)
    _offered_language(questionnaire, language)
    form = TranslationImportForm()
    report = None
    if form.validate_on_submit():
        data = form.read_upload()
        if data is None:
            form.file.errors.append(_("Die Datei ist zu groß."))
        else:
            report = import_translations(questionnaire, language, form.file.data.filename, data)
            if report.ok:
                audit.record("translation_imported", questionnaire, process_id=questionnaire.process_id,
                             language=language, applied=report.applied)
                db.session.commit()
                flash(_("%(count)s Übersetzungen übernommen.", count=report.applied), "success")
                if not report.warnings:
                    return redirect(url_for("planning.translations", questionnaire_id=questionnaire.id))
            else:
                db.session.rollback()
    units = text_units(questionnaire, language)
    return render_template("planning/translation_import.html", questionnaire=questionnaire, form=form,
                           language=LANGUAGES[language], report=report, problem_message=problem_message,
                           done=sum(1 for unit in units if unit.target.strip()), total=len(units))


@bp.route("/questionnaires/<int:questionnaire_id>/translations/<language>/publish-incomplete", methods=["POST"])
@role_required("planner", "admin")
def publish_incomplete(questionnaire_id: int, language: str):
    """A planner confirms that residents may read an incomplete language (untranslated texts marked) – or not."""
    questionnaire = _questionnaire_for_planner(questionnaire_id)
    _offered_language(questionnaire, language)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    publish = request.form.get("publish") == "yes"
    published = [code for code in (questionnaire.incomplete_languages_published or []) if code != language]
    questionnaire.incomplete_languages_published = published + ([language] if publish else [])
    audit.record("translation_published_incomplete" if publish else "translation_unpublished_incomplete",
                 questionnaire, process_id=questionnaire.process_id, language=language)
    db.session.commit()
    flash(_("%(language)s wird Befragten jetzt angeboten; fehlende Texte stehen markiert auf Deutsch.",
            language=LANGUAGES[language].native_name) if publish else
          _("%(language)s wird Befragten erst angeboten, wenn die Übersetzung vollständig ist.",
            language=LANGUAGES[language].native_name), "success")
    return redirect(url_for("planning.translations", questionnaire_id=questionnaire.id))
