"""German translations of free-text answers, added after an interview was recorded.

The original text and its language stay untouched; the translation is stored beside it. Who may see a
record may translate it (records.may_view): a multiplier only the records they made, planners any record
of a process they plan. Others' records are not found. Planners see contact data in the original masked.
"""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit
from ..auth.access import role_required
from ..extensions import db
from ..fieldwork.records import may_view
from ..forms.translations import AnswerTranslationForm
from ..languages.i18n import language as language_of
from ..models import Answer, Response
from ..privacy.masking import mask_personal_data
from ..surveys.answering import clean_text
from . import bp


def translatable_answers(response: Response) -> list[Answer]:
    """Free-text answers, notes and quotes of a record: the texts that can have a German translation."""
    return [answer for answer in response.answers
            if answer.text_value and (answer.question.is_text or answer.item_kind != "answer")]


def _response_for_translation(response_id: int) -> Response:
    response = db.session.get(Response, response_id)
    if not may_view(current_user, response):
        abort(404)
    return response


def _show_text(response: Response):
    """The person who recorded the interview sees it as typed; planners see contact data masked."""
    return (lambda text: text) if response.recorded_by_id == current_user.id else mask_personal_data


@bp.route("/records/<int:response_id>/translations")
@role_required("multiplier", "planner", "admin")
def record_translations(response_id: int):
    response = _response_for_translation(response_id)
    return render_template("interviews/record_translations.html", record=response,
                           answers=translatable_answers(response), language_of=language_of,
                           show_text=_show_text(response))


@bp.route("/answers/<int:answer_id>/translation", methods=["GET", "POST"])
@role_required("multiplier", "planner", "admin")
def answer_translation(answer_id: int):
    answer = db.session.get(Answer, answer_id)
    if answer is None:
        abort(404)
    response = _response_for_translation(answer.response_id)
    if answer not in translatable_answers(response):
        abort(404)
    form = AnswerTranslationForm(data={"translation_de": answer.translation_de or ""})
    if form.validate_on_submit():
        answer.translation_de = clean_text(form.translation_de.data or "") or None
        audit.record("answer_translation_saved", answer, process_id=response.process_id,
                     response_id=response.id)
        db.session.commit()
        flash(_("Die deutsche Übersetzung ist gespeichert."), "success")
        return redirect(url_for("interviews.record_translations", response_id=response.id))
    return render_template("interviews/answer_translation.html", record=response, answer=answer, form=form,
                           language_of=language_of, show_text=_show_text(response))
