"""What a round offers: published themes and proposed measures, each with a description and a quote."""
from __future__ import annotations

from ..extensions import db
from ..models import Measure, PriorityItem, PriorityRound, PrioritySubmission, Theme
from ..privacy.masking import mask_personal_data
from ..strategy import active_themes, measures_of, quotes_by_theme

OFFERED_MEASURE_STATUSES = ("planned", "in_progress", "paused")
MAX_ROUND_POINTS = 20


def rounds_of(process) -> list[PriorityRound]:
    return db.session.execute(db.select(PriorityRound).where(PriorityRound.process_id == process.id)
                              .order_by(PriorityRound.id)).scalars().all()


def may_enter_conference_dots(user, priority_round: PriorityRound | None) -> bool:
    """A session's moderator enters its dots: multipliers of the process, and its planners. Never a draft round."""
    if priority_round is None or user is None or not user.is_active or priority_round.status == "draft":
        return False
    if user.role == "multiplier":
        return priority_round.process in user.processes
    return user.can_plan(priority_round.process)


def may_change_session(user, submission: PrioritySubmission | None) -> bool:
    """Planners of the process may correct or remove any session; the moderator who entered it only while the
    round is open and its ranking unpublished (afterwards the numbers others have seen stay as they are)."""
    if submission is None or submission.channel != "conference" or user is None or not user.is_active:
        return False
    priority_round = submission.round
    if user.can_plan(priority_round.process):
        return True
    return (user.role == "multiplier" and submission.recorded_by_id == user.id
            and priority_round.process in user.processes
            and priority_round.status == "open" and not priority_round.results_published)


def conference_sessions(user, priority_round: PriorityRound) -> list[PrioritySubmission]:
    """The sessions a user sees beside the entry form: planners all of the round's, a moderator their own."""
    query = db.select(PrioritySubmission).where(PrioritySubmission.round_id == priority_round.id,
                                                PrioritySubmission.channel == "conference")
    if not user.can_plan(priority_round.process):
        query = query.where(PrioritySubmission.recorded_by_id == user.id)
    return db.session.execute(query.order_by(PrioritySubmission.held_on.desc(), PrioritySubmission.id.desc())
                              ).scalars().all()


def delete_round(priority_round: PriorityRound) -> dict:
    """Delete a round with its items, submissions and points; return what went, for the audit log."""
    counts = round_counts(priority_round)
    db.session.delete(priority_round)
    return counts


def round_counts(priority_round: PriorityRound) -> dict:
    submissions = db.session.execute(
        db.select(PrioritySubmission.channel, db.func.count(PrioritySubmission.id))
        .where(PrioritySubmission.round_id == priority_round.id).group_by(PrioritySubmission.channel)).all()
    by_channel = dict(submissions)
    return {"title": priority_round.title, "items": len(priority_round.items),
            "online": by_channel.get("online", 0), "conference": by_channel.get("conference", 0),
            "results_published": priority_round.results_published}


def conference_rounds(user) -> list[PriorityRound]:
    """The rounds a multiplier can enter conference dots for, newest first."""
    if user.role != "multiplier" or not user.processes:
        return []
    rounds = db.session.execute(
        db.select(PriorityRound).where(PriorityRound.process_id.in_([p.id for p in user.processes]),
                                       PriorityRound.status != "draft")
        .order_by(PriorityRound.id.desc())).scalars().all()
    return [r for r in rounds if may_enter_conference_dots(user, r)]


def candidate_themes(process) -> list[Theme]:
    """Only published themes: residents never see a theme the planners have not released."""
    return [theme for theme in active_themes(process) if theme.published]


def candidate_measures(process) -> list[Measure]:
    """Measures still open to weighing (not done, not dropped)."""
    return [measure for measure in measures_of(process) if measure.status in OFFERED_MEASURE_STATUSES]


def candidate_keys(priority_round: PriorityRound) -> list[tuple[str, int, str]]:
    """(kind, id, title) of everything the planner may put into the round, per its settings."""
    process = priority_round.process
    keys = []
    if priority_round.include_themes:
        keys += [("theme", theme.id, theme.label) for theme in candidate_themes(process)]
    if priority_round.include_measures:
        keys += [("measure", measure.id, measure.title) for measure in candidate_measures(process)]
    return keys


def item_key(item: PriorityItem) -> str:
    return f"{item.kind}:{item.measure_id or item.theme_id}"


def set_items(priority_round: PriorityRound, chosen: list[str]) -> tuple[list[str], list[str]]:
    """Make the round's items the chosen "theme:<id>" / "measure:<id>" keys; return (added, removed) titles.

    Keys that are no candidate of this round's process are ignored, so a forged id reaches nothing.
    Points already given to a removed item are deleted with it.
    """
    candidates = {f"{kind}:{object_id}": (kind, object_id, title) for kind, object_id, title
                  in candidate_keys(priority_round)}
    wanted = [key for key in dict.fromkeys(chosen) if key in candidates]
    existing = {item_key(item): item for item in priority_round.items}
    removed = [item.title for key, item in existing.items() if key not in wanted]
    for key, item in existing.items():
        if key not in wanted:
            priority_round.items.remove(item)
    added = []
    for position, key in enumerate(wanted):
        item = existing.get(key)
        if item is None:
            kind, object_id, title = candidates[key]
            item = PriorityItem(process_id=priority_round.process_id, title=title[:500])
            if kind == "theme":
                item.theme_id = object_id
                item.quote_answer_id = first_quote_id(priority_round.process, object_id)
            else:
                item.measure_id = object_id
                item.description = (db.session.get(Measure, object_id).description or "")[:1000]
            priority_round.items.append(item)
            added.append(title)
        item.position = position
    return added, removed


def first_quote_id(process, theme_id: int) -> int | None:
    quotes = quotes_by_theme(process).get(theme_id) or []
    return quotes[0].id if quotes else None


def example_quote(item: PriorityItem) -> str:
    """The marked quote, masked: no name, address or phone number reaches the residents' page."""
    answer = item.quote_answer
    if answer is None or answer.review_flag:
        return ""
    return mask_personal_data(answer.text_value)[:300]


def find_round(code: str) -> PriorityRound | None:
    if not isinstance(code, str) or len(code) > 40:
        return None
    return db.session.execute(db.select(PriorityRound).filter_by(short_code=code)).scalar_one_or_none()
