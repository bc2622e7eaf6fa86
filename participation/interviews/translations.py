"""German translations of free-text answers, added after an interview was recorded.

The original text and its language stay untouched; the translation is stored beside it. A multiplier
may translate only the records they made; planners may translate any answer of a process they plan.
"""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit
from ..answering import clean_text
from ..auth.access import role_required
from ..extensions import db
from ..i18n import language as language_of
from ..models import Answer, Response
from ..forms.translations import AnswerTranslationForm
from . import bp


def may_translate(user, response: Response) -> bool:
    return response.recorded_by_id == user.id or user.can_plan(response.process)


def translatable_answers(response: Response) -> list[Answer]:
    """Free-text answers, notes and quotes of a record: the texts that can have a German translation."""
    return [answer for answer in response.answers
            if answer.text_value and (answer.question.is_text or answer.item_kind != "answer")]


def _response_for_translation(response_id: int) -> Response:
    response = db.session.get(Response, response_id)
    if response is None:
        abort(404)
    if not may_translate(current_user, response):
        abort(403)
    return response


@bp.route("/records/<int:response_id>/translations")
@role_required("multiplier", "planner", "admin")
def record_translations(response_id: int):
    response = _response_for_translation(response_id)
    return render_template("interviews/record_translations.html", record=response,
                           answers=translatable_answers(response), language_of=language_of)


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
                           language_of=language_of)
