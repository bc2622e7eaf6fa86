"""The survey and guide builder: thin views around participation.planning.builder."""
from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from ..auth.access import role_required
from ..extensions import db
from ..forms.builder import (
    KIND_LABELS,
    ActionForm,
    NewQuestionnaireForm,
    OptionForm,
    QuestionForm,
    SectionForm,
    SettingsForm,
    lines,
)
from ..languages import i18n
from ..models import QUESTION_KINDS
from ..surveys import builder, structure
from ..surveys.answering import parse_form
from ..surveys.builder import BuilderError
from . import bp
from .loading import load_option, load_process, load_question, load_questionnaire, load_section

PREFIX = "/processes/<int:process_id>/questionnaires/<int:questionnaire_id>"


def builder_url(questionnaire, anchor: str | None = None) -> str:
    return url_for("planning.questionnaire_builder", process_id=questionnaire.process_id,
                   questionnaire_id=questionnaire.id, _anchor=anchor)


def commit_or_flash(change, success: str | None = None) -> bool:
    """Run a builder change; commit it, or roll back and show the refusal to the planner."""
    try:
        change()
    except BuilderError as error:
        db.session.rollback()
        flash(str(error), "error")
        return False
    db.session.commit()
    if success:
        flash(success, "success")
    return True


def require_post_form() -> None:
    """Action buttons carry only a CSRF token; a request without a valid one is refused."""
    if not ActionForm().validate_on_submit():
        abort(400)


# --- questionnaires --------------------------------------------------------------------------------------

@bp.route("/processes/<int:process_id>/questionnaires/new/<kind>", methods=["GET", "POST"])
@role_required("planner", "admin")
def questionnaire_new(process_id: int, kind: str):
    process = load_process(process_id)
    if kind not in ("survey", "guide"):
        abort(404)
    form = NewQuestionnaireForm()
    if kind == "survey":
        del form.guide_type
    if form.validate_on_submit():
        questionnaire = builder.create_questionnaire(
            process, kind, form.title.data, guide_type=form.guide_type.data if kind == "guide" else None)
        db.session.commit()
        flash(_("Angelegt. Fügen Sie jetzt Fragen hinzu."), "success")
        return redirect(builder_url(questionnaire))
    return render_template("planning/builder/new.html", form=form, process=process, kind=kind)


@bp.route(PREFIX)
@role_required("planner", "admin")
def questionnaire_builder(process_id: int, questionnaire_id: int):
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    return render_template("planning/builder/builder.html", questionnaire=questionnaire,
                           process=questionnaire.process, counts=builder.answer_counts(questionnaire),
                           problems=builder.open_problems(questionnaire), action_form=ActionForm(),
                           kind_labels=KIND_LABELS, kinds=QUESTION_KINDS,
                           languages=i18n.offered_languages(questionnaire.languages))


@bp.route(PREFIX + "/settings", methods=["GET", "POST"])
@role_required("planner", "admin")
def questionnaire_settings(process_id: int, questionnaire_id: int):
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    form = SettingsForm(obj=questionnaire)
    form.languages.choices = [(lang.code, lang.native_name)
                              for lang in i18n.offered_languages(questionnaire.process.languages or ["de"])]
    if questionnaire.kind != "guide":
        del form.guide_type
    else:
        del form.results_published
    if request.method == "GET":
        form.opens_at.data = _local_date(questionnaire.opens_at)
        form.closes_at.data = _local_date(questionnaire.closes_at)
    if form.validate_on_submit():
        zone = current_app.config["BABEL_DEFAULT_TIMEZONE"]
        fields = {name: getattr(form, name).data.strip() if isinstance(getattr(form, name).data, str)
                  else getattr(form, name).data
                  for name in ("title", "intro", "consent_text", "thanks_text", "short_code")}
        fields.update(languages=list(form.languages.data),
                      opens_at=builder.local_day_bounds(form.opens_at.data, zone),
                      closes_at=builder.local_day_bounds(form.closes_at.data, zone, end=True))
        if questionnaire.kind == "guide":
            fields["guide_type"] = form.guide_type.data
        else:
            fields["results_published"] = bool(form.results_published.data)
        try:
            builder.update_settings(questionnaire, **fields)
        except BuilderError as error:
            db.session.rollback()
            target = getattr(form, error.field or "title", None) or form.title
            target.errors = [*target.errors, str(error)]
        else:
            db.session.commit()
            flash(_("Die Einstellungen wurden gespeichert."), "success")
            return redirect(builder_url(questionnaire))
    return render_template("planning/builder/settings.html", form=form, questionnaire=questionnaire,
                           process=questionnaire.process)


def _local_date(moment):
    if moment is None:
        return None
    from zoneinfo import ZoneInfo
    return moment.astimezone(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()


@bp.route(PREFIX + "/open", methods=["POST"])
@role_required("planner", "admin")
def questionnaire_open(process_id: int, questionnaire_id: int):
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    require_post_form()
    commit_or_flash(lambda: builder.open_questionnaire(questionnaire), _("Geöffnet: jetzt kann geantwortet werden."))
    return redirect(builder_url(questionnaire))


@bp.route(PREFIX + "/close", methods=["POST"])
@role_required("planner", "admin")
def questionnaire_close(process_id: int, questionnaire_id: int):
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    require_post_form()
    commit_or_flash(lambda: builder.close_questionnaire(questionnaire),
                    _("Geschlossen: es werden keine neuen Antworten angenommen."))
    return redirect(builder_url(questionnaire))


@bp.route(PREFIX + "/copy", methods=["POST"])
@role_required("planner", "admin")
def questionnaire_copy(process_id: int, questionnaire_id: int):
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    require_post_form()
    copy = builder.copy_questionnaire(questionnaire)
    db.session.commit()
    flash(_("Kopie angelegt (Entwurf, neue Kurzadresse, ohne Antworten)."), "success")
    return redirect(builder_url(copy))


@bp.route(PREFIX + "/delete", methods=["POST"])
@role_required("planner", "admin")
def questionnaire_delete(process_id: int, questionnaire_id: int):
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    require_post_form()
    if commit_or_flash(lambda: builder.delete_questionnaire(questionnaire), _("Der Fragebogen wurde gelöscht.")):
        return redirect(url_for("planning.process_overview", process_id=process_id))
    return redirect(builder_url(questionnaire))


@bp.route(PREFIX + "/preview/<lang>", methods=["GET", "POST"])
@role_required("planner", "admin")
def questionnaire_preview(process_id: int, questionnaire_id: int, lang: str):
    """Show the questionnaire as residents see it in one language; a submit only checks, never stores."""
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    if lang not in questionnaire.languages or lang not in i18n.LANGUAGES:
        abort(404)
    questions = [q for section in questionnaire.sections for q in section.active_questions]
    g.content_language = lang
    g.offered_languages = list(questionnaire.languages)
    with force_locale(i18n.language(lang).ui_locale):
        parsed = parse_form(questions, questionnaire.process, request.form) if request.method == "POST" else None
        return render_template("planning/builder/preview.html", questionnaire=questionnaire,
                               process=questionnaire.process, lang=lang, parsed=parsed,
                               interviewer=questionnaire.kind == "guide")


# --- sections --------------------------------------------------------------------------------------------

@bp.route(PREFIX + "/sections", methods=["POST"])
@role_required("planner", "admin")
def section_add(process_id: int, questionnaire_id: int):
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    require_post_form()
    section = builder.add_section(questionnaire)
    db.session.commit()
    return redirect(url_for("planning.section_edit", process_id=process_id, questionnaire_id=questionnaire_id,
                            section_id=section.id))


@bp.route(PREFIX + "/sections/<int:section_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def section_edit(process_id: int, questionnaire_id: int, section_id: int):
    section = load_section(process_id, questionnaire_id, section_id)
    questionnaire = section.questionnaire
    form = SectionForm(obj=section)
    if questionnaire.kind != "guide":
        del form.planned_minutes
    if form.validate_on_submit():
        fields = {"title": (form.title.data or "").strip(), "intro": (form.intro.data or "").strip()}
        if questionnaire.kind == "guide":
            fields["planned_minutes"] = form.planned_minutes.data
        builder.update_section(section, **fields)
        db.session.commit()
        flash(_("Der Abschnitt wurde gespeichert."), "success")
        return redirect(builder_url(questionnaire, f"section-{section.id}"))
    return render_template("planning/builder/section.html", form=form, section=section,
                           questionnaire=questionnaire, process=questionnaire.process)


@bp.route(PREFIX + "/sections/<int:section_id>/move/<direction>", methods=["POST"])
@role_required("planner", "admin")
def section_move(process_id: int, questionnaire_id: int, section_id: int, direction: str):
    section = load_section(process_id, questionnaire_id, section_id)
    require_post_form()
    commit_or_flash(lambda: structure.move_item(section, direction))
    return redirect(builder_url(section.questionnaire, f"section-{section.id}"))


@bp.route(PREFIX + "/sections/<int:section_id>/delete", methods=["POST"])
@role_required("planner", "admin")
def section_delete(process_id: int, questionnaire_id: int, section_id: int):
    section = load_section(process_id, questionnaire_id, section_id)
    questionnaire = section.questionnaire
    require_post_form()
    commit_or_flash(lambda: builder.remove_section(section), _("Der Abschnitt wurde gelöscht."))
    return redirect(builder_url(questionnaire))


# --- questions -------------------------------------------------------------------------------------------

def condition_choices(questionnaire, question=None, section=None) -> list[tuple[str, str]]:
    """Select options "<question id>:<answer code>" for every earlier question a condition may use."""
    choices = [("", _("immer zeigen"))]
    for source in structure.condition_candidates(questionnaire, before=question, section=section):
        for code, label in structure.condition_answers(source):
            choices.append((f"{source.id}:{code}", f"„{source.text}“ = {label}"))
    return choices


def chosen_condition(questionnaire, value: str):
    """(source question, answer code) from the select's value, or None for "always"."""
    if not value:
        return None
    source_id, _sep, code = value.partition(":")
    source = next((q for q in questionnaire.questions if str(q.id) == source_id), None)
    if source is None:
        raise BuilderError(_("Bitte wählen Sie eine Bedingung aus der Liste."), "condition")
    return source, code


def question_fields(form: QuestionForm, kind: str) -> dict:
    fields = {"required": form.required.data, "help_text": form.help_text.data or "",
              "narrative_prompt": form.narrative_prompt.data or "",
              "followup": form.followup.data or "", "min_value": form.min_value.data,
              "max_value": form.max_value.data, "scale_min_label": form.scale_min_label.data or "",
              "scale_max_label": form.scale_max_label.data or "", "max_length": form.max_length.data,
              "min_choices": form.min_choices.data, "max_choices": form.max_choices.data}
    if kind == "single_choice":
        fields["profile_field"] = ("target_group" if form.target_group.data
                                   else "age_band" if form.age_band.data else None)
    return fields


def _show_builder_error(form: QuestionForm, error: BuilderError) -> None:
    """Put a refusal next to the field it is about."""
    field = getattr(form, error.field or "text", None) or form.text
    field.errors = [*field.errors, str(error)]


@bp.route(PREFIX + "/sections/<int:section_id>/questions/new", methods=["GET", "POST"])
@role_required("planner", "admin")
def question_new(process_id: int, questionnaire_id: int, section_id: int):
    section = load_section(process_id, questionnaire_id, section_id)
    questionnaire = section.questionnaire
    kind = request.values.get("kind")
    if kind not in QUESTION_KINDS:
        return render_template("planning/builder/choose_kind.html", section=section, questionnaire=questionnaire,
                               process=questionnaire.process, kinds=QUESTION_KINDS, kind_labels=KIND_LABELS)
    form = QuestionForm(kind=kind)
    del form.section_id  # a new question goes into the section it was added from
    form.condition.choices = condition_choices(questionnaire, section=section)
    if form.validate_on_submit():
        try:
            condition = chosen_condition(questionnaire, form.condition.data)
            question = structure.add_question(section, kind, form.text.data, options=lines(form.options.data),
                                            condition=condition, **question_fields(form, kind))
        except BuilderError as error:
            db.session.rollback()
            _show_builder_error(form, error)
        else:
            db.session.commit()
            flash(_("Die Frage wurde hinzugefügt."), "success")
            return redirect(builder_url(questionnaire, f"question-{question.id}"))
    return render_template("planning/builder/question.html", form=form, question=None, section=section,
                           questionnaire=questionnaire, process=questionnaire.process, kind=kind,
                           kind_label=KIND_LABELS[kind])


@bp.route(PREFIX + "/questions/<int:question_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def question_edit(process_id: int, questionnaire_id: int, question_id: int):
    question = load_question(process_id, questionnaire_id, question_id)
    questionnaire = question.section.questionnaire
    form = QuestionForm(obj=question)
    form.kind.data = question.kind
    if request.method == "GET":
        form.target_group.data = question.profile_field == "target_group"
        form.age_band.data = question.profile_field == "age_band"
    del form.options  # options of an existing question are edited one by one below the form
    form.section_id.choices = [(section.id, section.title or _("Abschnitt %(number)d", number=number))
                               for number, section in enumerate(questionnaire.sections, start=1)]
    form.condition.choices = condition_choices(questionnaire, question=question)
    if request.method == "GET" and question.condition_question is not None:
        form.condition.data = f"{question.condition_question.id}:{question.condition_option_code}"
    if form.validate_on_submit():
        def change():
            condition = chosen_condition(questionnaire, form.condition.data) or (None, None)
            structure.update_question(question, text=form.text.data, **question_fields(form, question.kind))
            target = next((s for s in questionnaire.sections if s.id == form.section_id.data), question.section)
            structure.move_question_to_section(question, target)
            if (question.condition_question, question.condition_option_code) != condition:
                structure.set_condition(question, *condition)
        try:
            change()
        except BuilderError as error:
            db.session.rollback()
            _show_builder_error(form, error)
        else:
            db.session.commit()
            flash(_("Die Frage wurde gespeichert."), "success")
            return redirect(builder_url(questionnaire, f"question-{question.id}"))
    return render_template("planning/builder/question.html", form=form, question=question, section=question.section,
                           questionnaire=questionnaire, process=questionnaire.process, kind=question.kind,
                           kind_label=KIND_LABELS[question.kind], option_form=OptionForm(formdata=None, prefix="new"),
                           action_form=ActionForm(), answer_count=builder.question_answer_count(question))


@bp.route(PREFIX + "/questions/<int:question_id>/<action>", methods=["POST"])
@role_required("planner", "admin")
def question_action(process_id: int, questionnaire_id: int, question_id: int, action: str):
    """Move up/down, delete, hide (archive) or show again."""
    question = load_question(process_id, questionnaire_id, question_id)
    questionnaire = question.section.questionnaire
    require_post_form()
    changes = {
        "up": (lambda: structure.move_item(question, "up"), None),
        "down": (lambda: structure.move_item(question, "down"), None),
        "delete": (lambda: structure.remove_question(question), _("Die Frage wurde gelöscht.")),
        "archive": (lambda: structure.archive_question(question),
                    _("Die Frage wird nicht mehr gestellt; ihre Antworten bleiben erhalten.")),
        "restore": (lambda: structure.restore_question(question), _("Die Frage wird wieder gestellt.")),
    }
    if action not in changes:
        abort(404)
    change, message = changes[action]
    done = commit_or_flash(change, message)
    anchor = None if action == "delete" and done else f"question-{question_id}"
    return redirect(builder_url(questionnaire, anchor))


# --- options ---------------------------------------------------------------------------------------------

def question_url(question) -> str:
    return url_for("planning.question_edit", process_id=question.section.questionnaire.process_id,
                   questionnaire_id=question.section.questionnaire_id, question_id=question.id, _anchor="options")


@bp.route(PREFIX + "/questions/<int:question_id>/options", methods=["POST"])
@role_required("planner", "admin")
def option_add(process_id: int, questionnaire_id: int, question_id: int):
    question = load_question(process_id, questionnaire_id, question_id)
    form = OptionForm(prefix="new")
    if not form.validate_on_submit():
        flash(_("Bitte geben Sie einen Text für die Antwortmöglichkeit ein."), "error")
    else:
        commit_or_flash(lambda: structure.add_option(question, form.label.data),
                        _("Die Antwortmöglichkeit wurde hinzugefügt."))
    return redirect(question_url(question))


@bp.route(PREFIX + "/questions/<int:question_id>/options/<int:option_id>/<action>", methods=["POST"])
@role_required("planner", "admin")
def option_action(process_id: int, questionnaire_id: int, question_id: int, option_id: int, action: str):
    """Rename, move up/down, delete, hide (archive) or offer again."""
    option = load_option(process_id, questionnaire_id, question_id, option_id)
    question = option.question
    if action == "rename":
        form = OptionForm()
        if not form.validate_on_submit():
            flash(_("Bitte geben Sie einen Text für die Antwortmöglichkeit ein."), "error")
            return redirect(question_url(question))
        commit_or_flash(lambda: structure.update_option(option, form.label.data),
                        _("Die Antwortmöglichkeit wurde umbenannt; ihr Code bleibt gleich."))
        return redirect(question_url(question))
    require_post_form()
    changes = {
        "up": (lambda: structure.move_item(option, "up"), None),
        "down": (lambda: structure.move_item(option, "down"), None),
        "delete": (lambda: structure.remove_option(option), _("Die Antwortmöglichkeit wurde gelöscht.")),
        "archive": (lambda: structure.archive_option(option),
                    _("Die Antwortmöglichkeit wird nicht mehr angeboten; gegebene Antworten bleiben erhalten.")),
        "restore": (lambda: structure.restore_option(option), _("Die Antwortmöglichkeit wird wieder angeboten.")),
    }
    if action not in changes:
        abort(404)
    change, message = changes[action]
    commit_or_flash(change, message)
    return redirect(question_url(question))
