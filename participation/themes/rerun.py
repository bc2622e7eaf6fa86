"""Reruns that never scramble planners' work: what a new clustering would change, applied as one undoable step.

The rules, the same for the preview, the page's "apply" and `flask themes run`:

* Answers a planner placed (moved, split off, merged into a theme; source "planner") stay where they are,
  and the theme holding them stays.
* A new theme inherits an old one (id, name, notes, published flag, evidence links) only when they clearly
  are the same theme: most of the old theme's answers and most of the new one's are shared (counted over
  the answers the clustering decides, i.e. not the planner-placed ones).
* Every other old theme is archived as dissolved ("aufgelöst"), keeping its name, notes and, in `archive`,
  the answers and quotes it held and where they went.
* Quote marks move with their answers. New themes get fresh labels and keywords.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..models import AnalysisRun, Answer, Response, Theme, ThemeAssignment, utcnow
from .review import ASSIGNMENT_FIELDS, Change
from .runs import ANALYSIS_APPLIED, AnalysisError, _update_run

PREVIEW = "preview"
DISCARDED = "discarded"
UNDONE = "undone"


@dataclass
class PlannedTheme:
    """One theme of the new clustering, with the answers it will hold and the old theme it continues."""
    index: int
    label: str
    keywords: list
    keywords_by_language: dict
    members: set
    representatives: set
    question_id: int | None = None
    inherits: Theme | None = None
    gathers: list = field(default_factory=list)


@dataclass
class RerunPlan:
    """What applying a run would do to the current themes (computed against the current state)."""
    run: AnalysisRun
    planned: list
    dissolved: list
    kept_by_planner: list
    destinations: dict
    pinned: dict
    labels: dict
    assignments: dict
    scope: set

    @property
    def kept(self) -> list:
        return [planned for planned in self.planned if planned.inherits is not None]

    @property
    def created(self) -> list:
        return [planned for planned in self.planned if planned.inherits is None]

    @property
    def merged(self) -> list:
        """New themes that gather most answers of two or more old themes."""
        return [planned for planned in self.planned if len(planned.gathers) >= 2]

    def destination_of(self, theme: Theme) -> PlannedTheme | None:
        return self.destinations.get(theme.id)


def has_planner_work(theme: Theme, quote_ids=()) -> bool:
    return bool(theme.label_edited or (theme.notes or "").strip() or theme.published or quote_ids)


def store_proposal(run: AnalysisRun, answer_ids: list[int], result) -> None:
    """Keep a clustering result with its run (plain JSON) so it can be previewed and applied later."""
    run.params = dict(run.params or {}, proposal={
        "answer_ids": list(answer_ids),
        "labels": [int(label) for label in result.labels],
        "themes": [{"label": found.label, "keywords": list(found.keywords),
                    "keywords_by_language": dict(found.keywords_by_language),
                    "representatives": [answer_ids[index] for index in found.representatives],
                    "question_id": question_id}
                   for found, question_id in zip(result.themes, result.question_ids)]})


def plan_rerun(run: AnalysisRun) -> RerunPlan:
    """Match the run's proposal with the current themes by shared answers (see the module's rules)."""
    from ..analysis import majority_destination, match_by_members

    proposal = (run.params or {}).get("proposal")
    if not proposal:
        raise AnalysisError(_l("Diese Analyse hat kein Ergebnis, das übernommen werden könnte."))
    process_id = run.process_id
    themes = list(db.session.execute(
        db.select(Theme).where(Theme.process_id == process_id, Theme.archived.is_(False))
        .order_by(Theme.position, Theme.id)).scalars())
    by_id = {theme.id: theme for theme in themes}
    in_process = (db.select(ThemeAssignment).join(Answer, ThemeAssignment.answer_id == Answer.id).join(Response)
                  .where(Response.process_id == process_id))
    held_elsewhere = set()
    if run.questionnaire_id is not None:
        # A run over one survey or guide (e.g. the latest wave) leaves the others' answers and their themes alone.
        held_elsewhere = {assignment.theme_id for assignment in db.session.execute(
            in_process.where(Response.questionnaire_id != run.questionnaire_id)).scalars()}
        in_process = in_process.where(Response.questionnaire_id == run.questionnaire_id)
    assignments = {assignment.answer_id: assignment for assignment in db.session.execute(in_process).scalars()}
    still_there = set(db.session.execute(
        db.select(Answer.id).where(Answer.id.in_(proposal["answer_ids"]), Answer.review_flag.is_(None))).scalars())
    labels = {answer_id: label for answer_id, label in zip(proposal["answer_ids"], proposal["labels"])
              if answer_id in still_there}
    pinned = {answer_id: assignment.theme_id for answer_id, assignment in assignments.items()
              if answer_id in labels and assignment.source == "planner"
              and (assignment.theme_id is None or assignment.theme_id in by_id)}
    free = {answer_id: label for answer_id, label in labels.items() if answer_id not in pinned}
    new_members = [{answer_id for answer_id, label in free.items() if label == index}
                   for index in range(len(proposal["themes"]))]
    old_members = {theme.id: {answer_id for answer_id, assignment in assignments.items()
                              if assignment.theme_id == theme.id and answer_id in free} for theme in themes}
    matches = match_by_members({key: members for key, members in old_members.items() if members}, new_members)

    planned = {}
    for index, found in enumerate(proposal["themes"]):
        if new_members[index]:
            planned[index] = PlannedTheme(index, found["label"], found["keywords"], found["keywords_by_language"],
                                          new_members[index], set(found["representatives"]),
                                          found.get("question_id"), inherits=by_id.get(matches.get(index)))
    destinations = {}
    for theme in themes:
        index = majority_destination(old_members[theme.id], new_members)
        destinations[theme.id] = planned.get(index) if index is not None else None
        if destinations[theme.id] is not None:
            destinations[theme.id].gathers.append(theme)
    inherited = {planned_theme.inherits.id for planned_theme in planned.values() if planned_theme.inherits}
    holding_pinned = set(pinned.values())
    kept = inherited | holding_pinned | held_elsewhere
    dissolved = [theme for theme in themes if theme.id not in kept]
    kept_by_planner = [theme for theme in themes if theme.id not in inherited and theme.id in holding_pinned]
    return RerunPlan(run=run, planned=list(planned.values()), dissolved=dissolved, kept_by_planner=kept_by_planner,
                     destinations=destinations, pinned=pinned, labels=labels, assignments=assignments,
                     scope=set(labels))


def apply_rerun(run: AnalysisRun, user=None) -> RerunPlan:
    """Write the run's proposal as the current themes under the rules above; one undoable audit event."""
    plan = plan_rerun(run)
    change = Change(run.process)
    for theme in [*plan.dissolved, *plan.kept_by_planner, *(p.inherits for p in plan.kept)]:
        change.theme(theme)
    for answer_id, assignment in plan.assignments.items():
        change.assignments[str(answer_id)] = {name: getattr(assignment, name) for name in ASSIGNMENT_FIELDS}
    target_of = {}
    for planned in plan.planned:
        theme = planned.inherits
        if theme is None:
            theme = Theme(process_id=run.process_id, label=planned.label, notes="")
            db.session.add(theme)
            change.new_theme(theme)
        theme.auto_label, theme.keywords = planned.label, list(planned.keywords)
        theme.keywords_by_language = dict(planned.keywords_by_language)
        if not theme.label_edited:
            theme.label = planned.label
        theme.analysis_run_id, theme.archived, theme.merged_into_id = run.id, False, None
        theme.question_id = planned.question_id
        target_of[planned.index] = theme
    db.session.flush()
    for theme in plan.dissolved:
        _dissolve(theme, plan, target_of, run)
    _write_assignments(plan, target_of, change)
    run.status, run.finished_at = "done", utcnow()
    run.text_count = len(plan.scope)
    run.theme_count = len(plan.planned) + len(plan.kept_by_planner)
    change.save(ANALYSIS_APPLIED, run, user if user is not None else False, texts=run.text_count,
                themes=run.theme_count, kept=len(plan.kept), new=len(plan.created), dissolved=len(plan.dissolved),
                rerun=bool(plan.assignments))
    return plan


def _dissolve(theme: Theme, plan: RerunPlan, target_of: dict, run: AnalysisRun) -> None:
    """Archive a theme the rerun did not find again, keeping what it held and where its answers went."""
    members = sorted(answer_id for answer_id, assignment in plan.assignments.items()
                     if assignment.theme_id == theme.id)
    quotes = [answer_id for answer_id in members if plan.assignments[answer_id].quote]
    went_to = {}
    for answer_id in members:
        label = plan.labels.get(answer_id)
        target = target_of.get(label) if label is not None else None
        if target is not None:
            went_to[str(target.id)] = went_to.get(str(target.id), 0) + 1
    theme.archive = {"answer_ids": members, "quote_ids": quotes, "went_to": went_to}
    theme.archived, theme.merged_into_id, theme.dissolved_run_id = True, None, run.id


def _write_assignments(plan: RerunPlan, target_of: dict, change: Change) -> None:
    for answer_id, assignment in plan.assignments.items():
        if answer_id not in plan.scope:
            db.session.delete(assignment)
    for answer_id, label in plan.labels.items():
        assignment = plan.assignments.get(answer_id)
        if assignment is None:
            change.assignments[str(answer_id)] = None
            assignment = ThemeAssignment(answer_id=answer_id, quote=False)
            db.session.add(assignment)
        if answer_id in plan.pinned:
            assignment.representative = False
        else:
            target = target_of.get(label)
            planned = next((p for p in plan.planned if p.index == label), None)
            assignment.theme_id, assignment.source = (target.id if target else None), "analysis"
            assignment.representative = planned is not None and answer_id in planned.representatives
        assignment.similarity = None
    db.session.flush()


def pending_preview(process) -> AnalysisRun | None:
    """The finished analysis waiting for the planner to apply or discard it, if it is the latest run."""
    latest = db.session.execute(
        db.select(AnalysisRun).where(AnalysisRun.process_id == process.id)
        .order_by(AnalysisRun.id.desc()).limit(1)).scalar_one_or_none()
    return latest if latest is not None and latest.status == PREVIEW else None


def apply_preview(run: AnalysisRun, user=None) -> RerunPlan:
    if run.status != PREVIEW or pending_preview(run.process) is not run:
        raise AnalysisError(_l("Diese Vorschau ist nicht mehr aktuell."))
    return apply_rerun(run, user)


def discard_preview(run: AnalysisRun, user=None) -> None:
    from .. import audit

    if run.status != PREVIEW:
        raise AnalysisError(_l("Diese Vorschau ist nicht mehr aktuell."))
    _update_run(run.id, status=DISCARDED)
    audit.record("themes.analysis_discarded", run, process_id=run.process_id, user=user)
    db.session.commit()
    db.session.refresh(run)
