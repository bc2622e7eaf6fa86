"""Multipliers propose guide questions; planners accept, change or decline them (with a reason).

Practice reports describe focus-group guides written by the multipliers themselves. A proposal is kept in
the proposer's language; accepting it writes the German text into the guide and the proposer's wording as
that language's translation, so the guide's translation status shows what is still missing. Every step is
in the audit log. Functions change the session; the caller commits.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from .. import audit
from ..extensions import db
from ..models import GuideProposal, Question, Questionnaire, Section, User, utcnow
from ..surveys import structure
from ..surveys.answering import clean_text
from .records import INTERVIEW_LANGUAGES, may_record

PROPOSAL_TEXT_FIELDS = ("text", "narrative_prompt", "followup")
NEW_QUESTION_KINDS = ("long_text", "short_text")


class ProposalError(ValueError):
    """A proposal or decision that cannot be made; the message is for the person who tried."""


def may_propose(user: User, questionnaire: Questionnaire | None) -> bool:
    """Multipliers (and planners) propose for the guides they may record with."""
    return questionnaire is not None and questionnaire.kind == "guide" and may_record(user, questionnaire)


def propose(user: User, questionnaire: Questionnaire, *, language: str, text: str, comment: str = "",
            narrative_prompt: str = "", followup: str = "", question: Question | None = None,
            section: Section | None = None) -> GuideProposal:
    """A new question (into `section`) or a change of `question`, worded in `language`."""
    if not may_propose(user, questionnaire):
        raise ProposalError(_("Dieser Leitfaden ist Ihnen nicht zugewiesen."))
    if language not in INTERVIEW_LANGUAGES:
        raise ProposalError(_("Bitte wählen Sie die Sprache des Vorschlags."))
    if question is not None and (question.archived or question.section.questionnaire_id != questionnaire.id):
        raise ProposalError(_("Diese Frage gehört nicht zu diesem Leitfaden."))
    if section is not None and section.questionnaire_id != questionnaire.id:
        raise ProposalError(_("Dieser Abschnitt gehört nicht zu diesem Leitfaden."))
    proposal = GuideProposal(
        questionnaire_id=questionnaire.id, process_id=questionnaire.process_id, proposed_by_id=user.id,
        kind="change" if question is not None else "new", question_id=question.id if question else None,
        section_id=None if question is not None else (section.id if section else None), language=language,
        text=clean_text(text), narrative_prompt=clean_text(narrative_prompt), followup=clean_text(followup),
        comment=clean_text(comment), status="open")
    if not proposal.text:
        raise ProposalError(_("Bitte schreiben Sie die vorgeschlagene Frage."))
    db.session.add(proposal)
    db.session.flush()
    audit.record("guide_proposal_made", proposal, user=user, questionnaire_id=questionnaire.id,
                 kind=proposal.kind, language=language, question_id=proposal.question_id)
    return proposal


@dataclass
class Decision:
    """What the planner takes into the guide: German wording plus the wording in the proposal's language."""
    text_de: str
    text_translated: str = ""
    narrative_prompt_de: str = ""
    narrative_prompt_translated: str = ""
    followup_de: str = ""
    followup_translated: str = ""
    question_kind: str = "long_text"
    section_id: int | None = None

    def german(self, field: str) -> str:
        return clean_text(getattr(self, f"{field}_de") or "")

    def translated(self, field: str) -> str:
        return clean_text(getattr(self, f"{field}_translated") or "")


def decision_from_proposal(proposal: GuideProposal) -> Decision:
    """The starting point of the planner's form: the proposal as made, German where it was German."""
    german = proposal.language == "de"
    current = proposal.question
    fields = {}
    for field in PROPOSAL_TEXT_FIELDS:
        proposed = getattr(proposal, field) or ""
        if german:
            fields[f"{field}_de"] = proposed
        else:
            fields[f"{field}_de"] = (getattr(current, field) or "") if current is not None else ""
            fields[f"{field}_translated"] = proposed
    return Decision(section_id=proposal.section_id, **fields)


def accept(proposal: GuideProposal, planner: User, decision: Decision) -> Question:
    """Take the proposal into the guide: "accepted" when taken as proposed, "changed" when edited first."""
    _require_open(proposal, planner)
    if not decision.german("text"):
        raise ProposalError(_("Bitte geben Sie den deutschen Fragetext an: Deutsch ist die Ausgangssprache."))
    german = {field: decision.german(field) for field in PROPOSAL_TEXT_FIELDS}
    if proposal.kind == "change":
        question = proposal.question
        if question is None or question.archived:
            raise ProposalError(_("Die Frage gibt es im Leitfaden nicht mehr. Bitte lehnen Sie den Vorschlag ab."))
        structure.update_question(question, user=planner, **german)
    else:
        section = _target_section(proposal, decision)
        kind = decision.question_kind if decision.question_kind in NEW_QUESTION_KINDS else "long_text"
        question = structure.add_question(section, kind, german["text"], narrative_prompt=german["narrative_prompt"],
                                          followup=german["followup"], user=planner)
    if proposal.language != "de":
        for field in PROPOSAL_TEXT_FIELDS:
            question.set_text(field, proposal.language, decision.translated(field))
    # adding the German of a proposal made in another language is translating it, not changing it
    taken = decision.german if proposal.language == "de" else decision.translated
    unchanged = all(taken(field) == (getattr(proposal, field) or "") for field in PROPOSAL_TEXT_FIELDS)
    _decide(proposal, planner, "accepted" if unchanged else "changed")
    proposal.resulting_question_id = question.id
    audit.record(f"guide_proposal_{proposal.status}", proposal, user=planner,
                 questionnaire_id=proposal.questionnaire_id, question_id=question.id, question_code=question.code)
    return question


def decline(proposal: GuideProposal, planner: User, reason: str) -> None:
    """Declined with a reason the multiplier reads."""
    _require_open(proposal, planner)
    reason = clean_text(reason or "")
    if not reason:
        raise ProposalError(_("Bitte schreiben Sie einen Grund. Die Person, die den Vorschlag gemacht hat, sieht ihn."))
    _decide(proposal, planner, "declined")
    proposal.decision_reason = reason
    audit.record("guide_proposal_declined", proposal, user=planner, questionnaire_id=proposal.questionnaire_id,
                 reason=reason)


def proposals_of(questionnaire: Questionnaire, user: User | None = None) -> list[GuideProposal]:
    """Open proposals first, then the decided ones, newest first; a multiplier's own only when `user` is given."""
    query = db.select(GuideProposal).where(GuideProposal.questionnaire_id == questionnaire.id)
    if user is not None:
        query = query.where(GuideProposal.proposed_by_id == user.id)
    proposals = db.session.execute(query.order_by(GuideProposal.created_at.desc(), GuideProposal.id.desc())).scalars()
    return sorted(proposals, key=lambda proposal: proposal.status != "open")


def _require_open(proposal: GuideProposal, planner: User) -> None:
    if not planner.can_plan(proposal.questionnaire.process):
        raise ProposalError(_("Sie haben keine Berechtigung für diese Seite."))
    if proposal.status != "open":
        raise ProposalError(_("Über diesen Vorschlag wurde schon entschieden."))


def _decide(proposal: GuideProposal, planner: User, status: str) -> None:
    proposal.status = status
    proposal.decided_by_id = planner.id
    proposal.decided_at = utcnow()


def _target_section(proposal: GuideProposal, decision: Decision) -> Section:
    sections = proposal.questionnaire.sections
    if not sections:
        raise ProposalError(_("Der Leitfaden hat noch keinen Abschnitt. Bitte legen Sie zuerst einen an."))
    chosen = decision.section_id or proposal.section_id
    return next((section for section in sections if section.id == chosen), sections[-1])


def open_proposal_count(questionnaire: Questionnaire) -> int:
    return db.session.execute(db.select(db.func.count(GuideProposal.id)).where(
        GuideProposal.questionnaire_id == questionnaire.id, GuideProposal.status == "open")).scalar()
