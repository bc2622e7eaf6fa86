"""A guide on paper in the interview's language, and the multiplier's proposals for a guide."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import role_required
from ..extensions import db
from ..fieldwork.guides import untranslated_questions
from ..fieldwork.proposals import ProposalError, may_propose, proposals_of, propose
from ..fieldwork.records import may_record
from ..forms.proposals import ProposalForm
from ..models import Questionnaire
from . import bp
from .routes import RECORDING_ROLES, interview_language, interview_language_choices


def _questionnaire_for(check, questionnaire_id: int) -> Questionnaire:
    questionnaire = db.session.get(Questionnaire, questionnaire_id)
    if not check(current_user, questionnaire):
        abort(404)
    return questionnaire


@bp.route("/questionnaires/<int:questionnaire_id>/print")
@role_required(*RECORDING_ROLES)
def print_guide(questionnaire_id: int):
    """The guide for a session without a device (A4): questions, story prompts and follow-ups in the
    interview's language with the German beneath, and room for notes."""
    questionnaire = _questionnaire_for(may_record, questionnaire_id)
    language = interview_language()
    return render_template("interviews/print_guide.html", guide=questionnaire, lang=language,
                           language_choices=interview_language_choices(),
                           untranslated=untranslated_questions(questionnaire, language))


@bp.route("/questionnaires/<int:questionnaire_id>/proposals", methods=["GET", "POST"])
@role_required(*RECORDING_ROLES)
def proposals(questionnaire_id: int):
    """Propose a new question or a change, in any interview language; see what became of earlier ones."""
    questionnaire = _questionnaire_for(may_propose, questionnaire_id)
    form = ProposalForm()
    form.target.choices = proposal_targets(questionnaire)
    form.language.choices = interview_language_choices()
    if request.method == "GET":
        form.language.data = interview_language()
    if form.validate_on_submit():
        kind, _sep, target_id = form.target.data.partition(":")
        question = next((q for q in questionnaire.questions if str(q.id) == target_id), None) \
            if kind == "change" else None
        section = next((s for s in questionnaire.sections if str(s.id) == target_id), None) if kind == "new" else None
        try:
            propose(current_user._get_current_object(), questionnaire, language=form.language.data,
                    text=form.text.data, narrative_prompt=form.narrative_prompt.data or "",
                    followup=form.followup.data or "", comment=form.comment.data or "",
                    question=question, section=section)
        except ProposalError as error:
            db.session.rollback()
            form.text.errors = [*form.text.errors, str(error)]
        else:
            db.session.commit()
            flash(_("Danke! Ihr Vorschlag ist bei der Planungsgruppe."), "success")
            return redirect(url_for("interviews.proposals", questionnaire_id=questionnaire.id))
    return render_template("interviews/proposals.html", guide=questionnaire, form=form,
                           proposals=proposals_of(questionnaire, current_user)), (422 if form.errors else 200)


def proposal_targets(questionnaire: Questionnaire) -> list[tuple[str, str]]:
    """"A new question in section …" for every section, then "change: …" for every active question."""
    targets = [(f"new:{section.id}", _("Neue Frage im Abschnitt „%(section)s“",
                                       section=section.title or _("Abschnitt %(number)d", number=number)))
               for number, section in enumerate(questionnaire.sections, start=1)]
    targets += [(f"change:{question.id}", _("Änderung der Frage „%(question)s“", question=question.text))
                for section in questionnaire.sections for question in section.active_questions]
    return targets
