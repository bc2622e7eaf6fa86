"""Planners record how far residents' say reaches and what was decided about each published theme.

Every change is audited. A decision stays a draft until the planners publish; a correction of a published
decision is public at once (the page shows when it was last changed). Publishing queues one mail per
confirmed address (see `hearing`).
"""
from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l

from .. import audit
from ..extensions import db
from ..models import EvidenceLink, Measure, Process, Theme, utcnow
from ..models.outcomes import (
    DECISION_STATUSES,
    PARTICIPATION_STAGES,
    REASON_REQUIRED,
    DecisionMeasure,
    OutcomePublication,
    ParticipationRules,
    ThemeDecision,
)


class DecisionError(ValueError):
    """A decision a planner must correct; the message is shown next to the field."""

    def __init__(self, field: str, message):
        super().__init__(str(message))
        self.field = field
        self.message = message


def rules_of(process: Process) -> ParticipationRules | None:
    return db.session.execute(db.select(ParticipationRules).filter_by(process_id=process.id)).scalar_one_or_none()


def save_rules(process: Process, stage: str, texts: dict[str, str], user=None) -> ParticipationRules:
    """Set the stage and the German rules; the caller commits."""
    if stage not in PARTICIPATION_STAGES:
        raise DecisionError("stage", _l("Bitte wählen Sie eine Stufe der Beteiligung."))
    rules = rules_of(process)
    if rules is None:
        rules = ParticipationRules(process_id=process.id, i18n={})
        db.session.add(rules)
    changed = {"stage": stage} if rules.stage != stage else {}
    rules.stage = stage
    for name in ParticipationRules.TRANSLATABLE_FIELDS:
        value = (texts.get(name) or "").strip()
        if value != (getattr(rules, name) or ""):
            changed[name] = value[:200]
        setattr(rules, name, value)
    rules.updated_at = utcnow()
    audit.record("outcome.rules_saved", process, user=user, **changed)
    return rules


def published_themes(process: Process) -> list[Theme]:
    """The themes residents see: published, current, not merged into another."""
    return db.session.execute(
        db.select(Theme).where(Theme.process_id == process.id, Theme.published.is_(True),
                               Theme.archived.is_(False), Theme.merged_into_id.is_(None))
        .order_by(Theme.position, Theme.id)).scalars().all()


def decisions_by_theme(process: Process) -> dict[int, ThemeDecision]:
    return {decision.theme_id: decision for decision in db.session.execute(
        db.select(ThemeDecision).filter_by(process_id=process.id)).scalars()}


def process_measures(process: Process) -> list[Measure]:
    return db.session.execute(db.select(Measure).filter_by(process_id=process.id)
                              .order_by(Measure.goal_id, Measure.position, Measure.id)).scalars().all()


def measures_with_evidence(process: Process, theme: Theme) -> list[int]:
    """Measures the strategy already links to this theme: the first suggestion for a new decision."""
    return db.session.execute(db.select(EvidenceLink.measure_id).where(
        EvidenceLink.process_id == process.id, EvidenceLink.theme_id == theme.id,
        EvidenceLink.measure_id.is_not(None)).distinct()).scalars().all()


def save_decision(process: Process, theme: Theme, *, status: str, reason: str, decided_on: date | None,
                  decided_by: str, measure_ids: list[int], user=None) -> ThemeDecision:
    """Create or change the decision on a published theme of the process; the caller commits.

    A reason is required for "zurückgestellt" and "nicht umgesetzt"; measures must belong to the process.
    """
    if theme.process_id != process.id or theme not in published_themes(process):
        raise DecisionError("theme", _l("Entscheidungen gibt es nur zu veröffentlichten Themen."))
    if status not in DECISION_STATUSES:
        raise DecisionError("status", _l("Bitte wählen Sie eine Entscheidung."))
    reason = (reason or "").strip()
    if status in REASON_REQUIRED and not reason:
        raise DecisionError("reason", _l("Bitte begründen Sie, warum das Thema zurückgestellt oder nicht "
                                         "umgesetzt wird."))
    decided_by = (decided_by or "").strip()
    if not decided_by:
        raise DecisionError("decided_by", _l("Bitte nennen Sie das Gremium, das entschieden hat."))
    measures = {measure.id: measure for measure in process_measures(process)}
    if any(measure_id not in measures for measure_id in measure_ids):
        raise DecisionError("measures", _l("Diese Maßnahme gehört nicht zu diesem Prozess."))
    decision = decisions_by_theme(process).get(theme.id)
    created = decision is None
    if created:
        decision = ThemeDecision(process_id=process.id, theme_id=theme.id, i18n={})
        db.session.add(decision)
    before = {"status": decision.status, "reason": decision.reason, "decided_by": decision.decided_by,
              "decided_on": decision.decided_on.isoformat() if decision.decided_on else None}
    decision.status, decision.reason, decision.decided_on, decision.decided_by = status, reason, decided_on, decided_by
    decision.theme = theme
    wanted = list(dict.fromkeys(measure_ids))
    decision.measure_links = [link for link in decision.measure_links if link.measure_id in wanted] + [
        DecisionMeasure(measure=measures[measure_id]) for measure_id in wanted
        if measure_id not in {link.measure_id for link in decision.measure_links}]
    decision.updated_at = utcnow()
    after = {"status": status, "reason": reason, "decided_by": decided_by,
             "decided_on": decided_on.isoformat() if decided_on else None}
    db.session.flush()
    audit.record("outcome.decision_saved", decision, user=user, theme_id=theme.id, created=created,
                 published=decision.published, measure_ids=wanted,
                 changes={key: value for key, value in after.items() if before.get(key) != value or created})
    return decision


def drafts(process: Process) -> list[ThemeDecision]:
    """Decisions on published themes that residents do not see yet."""
    visible = {theme.id for theme in published_themes(process)}
    return [decision for decision in decisions_by_theme(process).values()
            if not decision.published and decision.theme_id in visible]


def publish_decisions(process: Process, user=None) -> OutcomePublication | None:
    """Publish every draft decision at once; None when there was nothing to publish. The caller commits and
    then queues the mails (`hearing.queue_notifications`)."""
    pending = drafts(process)
    if not pending:
        return None
    now = utcnow()
    for decision in pending:
        decision.published, decision.published_at = True, now
    last = db.session.execute(db.select(db.func.max(OutcomePublication.round)).filter_by(
        process_id=process.id)).scalar_one() or 0
    publication = OutcomePublication(process_id=process.id, round=last + 1, decision_count=len(pending),
                                     published_at=now)
    db.session.add(publication)
    audit.record("outcome.decisions_published", process, user=user, round=publication.round,
                 decision_ids=[decision.id for decision in pending])
    return publication


def withdraw_decision(decision: ThemeDecision, user=None) -> None:
    """Take a published decision off the public page (it stays as a draft)."""
    decision.published, decision.published_at = False, None
    audit.record("outcome.decision_withdrawn", decision, user=user, theme_id=decision.theme_id)
