"""Planners decide on multipliers' guide proposals: accept (as proposed or changed) or decline with a reason."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import role_required
from ..extensions import db
from ..fieldwork.proposals import (
    Decision,
    ProposalError,
    accept,
    decision_from_proposal,
    decline,
    open_proposal_count,
    proposals_of,
)
from ..forms.proposals import AcceptProposalForm, DeclineProposalForm
from ..models import GuideProposal
from . import bp
from .loading import load_questionnaire

bp.add_app_template_global(open_proposal_count, "open_proposal_count")

PREFIX = "/processes/<int:process_id>/questionnaires/<int:questionnaire_id>/proposals"


@bp.route(PREFIX)
@role_required("planner", "admin")
def guide_proposals(process_id: int, questionnaire_id: int):
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    return render_template("planning/proposals/list.html", questionnaire=questionnaire,
                           process=questionnaire.process, proposals=proposals_of(questionnaire))


@bp.route(PREFIX + "/<int:proposal_id>", methods=["GET", "POST"])
@role_required("planner", "admin")
def guide_proposal(process_id: int, questionnaire_id: int, proposal_id: int):
    questionnaire = load_questionnaire(process_id, questionnaire_id)
    proposal = db.session.get(GuideProposal, proposal_id)
    if proposal is None or proposal.questionnaire_id != questionnaire.id:
        abort(404)
    start = decision_from_proposal(proposal)
    accept_form = AcceptProposalForm(prefix="accept", data={**vars(start), "section_id": start.section_id or (
        questionnaire.sections[-1].id if questionnaire.sections else 0)})
    accept_form.section_id.choices = [(section.id, section.title or _("Abschnitt %(number)d", number=number))
                                      for number, section in enumerate(questionnaire.sections, start=1)]
    decline_form = DeclineProposalForm(prefix="decline")
    planner = current_user._get_current_object()
    try:
        if accept_form.accept.data and accept_form.validate_on_submit():
            decision = Decision(**{name: accept_form[name].data or "" for name in (
                "text_de", "text_translated", "narrative_prompt_de", "narrative_prompt_translated", "followup_de",
                "followup_translated", "question_kind")}, section_id=accept_form.section_id.data)
            question = accept(proposal, planner, decision)
            db.session.commit()
            flash(_("Die Frage „%(question)s“ steht jetzt im Leitfaden.", question=question.text), "success")
            return redirect(url_for("planning.guide_proposals", process_id=process_id,
                                    questionnaire_id=questionnaire_id))
        if decline_form.decline.data and decline_form.validate_on_submit():
            decline(proposal, planner, decline_form.reason.data)
            db.session.commit()
            flash(_("Der Vorschlag wurde abgelehnt. Die Person sieht Ihren Grund."), "success")
            return redirect(url_for("planning.guide_proposals", process_id=process_id,
                                    questionnaire_id=questionnaire_id))
    except ProposalError as error:
        db.session.rollback()
        flash(str(error), "error")
    failed = bool(accept_form.errors or decline_form.errors)
    return render_template("planning/proposals/decide.html", questionnaire=questionnaire,
                           process=questionnaire.process, proposal=proposal, accept_form=accept_form,
                           decline_form=decline_form), (422 if failed else 200)
