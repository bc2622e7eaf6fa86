"""Planner changes to themes (rename, notes, publish, merge, move, split, recluster, quote, flag) and their undo.

Each change is one audit event whose details hold a snapshot of what it changed.
"""
from __future__ import annotations

import logging

import numpy as np
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, update

from .. import audit
from ..extensions import db
from ..models import (
    AnalysisRun,
    Answer,
    AuditEvent,
    EvidenceLink,
    Process,
    Response,
    Theme,
    ThemeAssignment,
)
from .embedding import TextItem, collect_texts, ensure_embeddings, stored_vectors
from .runs import (
    ANALYSIS_APPLIED,
    MIN_TEXTS_FOR_ANALYSIS,
    AnalysisError,
    _renumber,
    assign_new_answers,
    member_answer_ids,
    refresh_centroid,
)

log = logging.getLogger(__name__)


UNDO_ACTION = "theme.undo"
CHANGE_ACTIONS = ("theme.rename", "theme.notes", "theme.merge", "theme.split", "theme.recluster",
                  "theme.move_answers", "theme.quote", "theme.flag", "theme.unflag", "theme.publish",
                  "theme.unpublish")
THEME_FIELDS = ("label", "auto_label", "label_edited", "keywords", "keywords_by_language", "notes", "published",
                "archived", "merged_into_id", "position", "dissolved_run_id", "archive", "analysis_run_id",
                "question_id")
ASSIGNMENT_FIELDS = ("theme_id", "source", "similarity", "representative", "quote")

# ---------------------------------------------------------------------------------------------- planner changes

class Change:
    """Snapshot of what one planner change touches, saved with its audit event so it can be undone."""

    def __init__(self, process: Process):
        self.process = process
        self.themes: dict[str, dict] = {}
        self.assignments: dict[str, dict | None] = {}
        self.flags: dict[str, str | None] = {}
        self.created: list[int] = []
        self.links: dict[str, int] = {}
        self.removed_links: list[dict] = []

    def theme(self, theme: Theme) -> Theme:
        if theme.id is not None and str(theme.id) not in self.themes:
            self.themes[str(theme.id)] = {name: getattr(theme, name) for name in THEME_FIELDS}
        return theme

    def assignment(self, answer_id: int) -> ThemeAssignment | None:
        """Snapshot an answer's assignment before changing it; None for answers of other processes."""
        current = assignment_of(answer_id, self.process.id)
        if current is None:
            return None
        if str(answer_id) not in self.assignments:
            self.assignments[str(answer_id)] = {name: getattr(current, name) for name in ASSIGNMENT_FIELDS}
            if current.theme is not None:
                self.theme(current.theme)
        return current

    def flag(self, answer: Answer) -> None:
        self.flags.setdefault(str(answer.id), answer.review_flag)

    def new_theme(self, theme: Theme) -> None:
        db.session.flush()
        self.created.append(theme.id)

    def save(self, action: str, obj, user=None, **summary) -> AuditEvent:
        """Record the change with its snapshot; every theme it touched gets a new version (other tabs are stale)."""
        db.session.flush()
        for theme_id in self._touched_theme_ids():
            theme = db.session.get(Theme, theme_id)
            if theme is not None:
                refresh_centroid(theme)
                theme.version = (theme.version or 1) + 1
        _renumber(self.process.id)
        event = audit.record(action, obj, process_id=self.process.id, user=user, **summary,
                             undo={"themes": self.themes, "assignments": self.assignments, "flags": self.flags,
                                   "created": self.created, "links": self.links,
                                   "removed_links": self.removed_links})
        db.session.commit()
        return event

    def _touched_theme_ids(self) -> set[int]:
        ids = {int(theme_id) for theme_id in self.themes} | set(self.created)
        for answer_id in self.assignments:
            current = assignment_of(int(answer_id))
            if current is not None and current.theme_id:
                ids.add(current.theme_id)
        return ids


def assignment_of(answer_id: int, process_id: int | None = None) -> ThemeAssignment | None:
    query = db.select(ThemeAssignment).where(ThemeAssignment.answer_id == answer_id)
    if process_id is not None:
        query = query.join(Answer).join(Response).where(Response.process_id == process_id)
    return db.session.execute(query).scalar_one_or_none()


class StaleTheme(AnalysisError):
    """Someone else changed the theme since this form was loaded; nothing was saved."""

    def __init__(self, theme: Theme):
        super().__init__(_l("Jemand hat dieses Thema inzwischen geändert. Ihre Eingabe wurde noch nicht "
                            "gespeichert."))
        self.theme = theme


def _check_version(theme: Theme, expected_version) -> None:
    """Optimistic locking: a form carries the version it was loaded with (None = no check, e.g. scripts)."""
    if expected_version not in (None, "") and str(expected_version) != str(theme.version):
        raise StaleTheme(theme)


def rename_theme(theme: Theme, label: str, user=None, expected_version=None) -> None:
    _check_version(theme, expected_version)
    change = Change(theme.process)
    change.theme(theme)
    old = theme.label
    theme.label, theme.label_edited = label.strip(), True
    change.save("theme.rename", theme, user, old=old, new=theme.label)


def set_notes(theme: Theme, notes: str, user=None, expected_version=None) -> None:
    _check_version(theme, expected_version)
    change = Change(theme.process)
    change.theme(theme)
    theme.notes = notes.strip()
    change.save("theme.notes", theme, user, label=theme.label)


def set_published(theme: Theme, published: bool, user=None) -> None:
    """Show the theme (label and count) on the public results page, or take it back."""
    change = Change(theme.process)
    change.theme(theme)
    theme.published = published
    change.save("theme.publish" if published else "theme.unpublish", theme, user, label=theme.label)


def merge_themes(source: Theme, target: Theme, user=None) -> None:
    """All answers of `source` go to `target`; `source` is archived and remembers where it went."""
    if source.id == target.id or source.process_id != target.process_id:
        raise AnalysisError(_l("Ein Thema kann nur mit einem anderen Thema desselben Prozesses "
                               "zusammengeführt werden."))
    change = Change(source.process)
    change.theme(source)
    change.theme(target)
    for answer_id in member_answer_ids(source):
        assignment = change.assignment(answer_id)
        assignment.theme_id, assignment.source = target.id, "planner"
    _move_evidence(change, source, target)
    source.archived, source.merged_into_id = True, target.id
    change.save("theme.merge", target, user, source=source.label, target=target.label, source_id=source.id)


LINK_FIELDS = ("process_id", "theme_id", "field_id", "goal_id", "measure_id", "created_by_id")


def _move_evidence(change: Change, source: Theme, target: Theme) -> None:
    """Strategy links of a merged-away theme now point at the merge target (a link it already has is dropped)."""
    links = db.session.execute(db.select(EvidenceLink).where(EvidenceLink.theme_id.in_((source.id, target.id))))
    links = list(links.scalars())
    held = {(link.field_id, link.goal_id, link.measure_id) for link in links if link.theme_id == target.id}
    for link in links:
        if link.theme_id != source.id:
            continue
        if (link.field_id, link.goal_id, link.measure_id) in held:
            change.removed_links.append({name: getattr(link, name) for name in LINK_FIELDS})
            db.session.delete(link)
        else:
            change.links[str(link.id)] = source.id
            link.theme_id = target.id


def _restore_evidence(snapshot: dict) -> None:
    for link_id, theme_id in snapshot.get("links", {}).items():
        link = db.session.get(EvidenceLink, int(link_id))
        if link is not None:
            link.theme_id = theme_id
    for values in snapshot.get("removed_links", []):
        db.session.add(EvidenceLink(**values))


def move_answers(process: Process, answer_ids, target: Theme | None, user=None) -> int:
    """Put answers into another theme (or none); they stay there across reruns while that theme exists."""
    change = Change(process)
    moved = 0
    for answer_id in answer_ids:
        assignment = change.assignment(answer_id)
        if assignment is None:
            continue
        if target is not None:
            change.theme(target)
        assignment.theme_id, assignment.source = (target.id if target else None), "planner"
        moved += 1
    if moved:
        change.save("theme.move_answers", target or process, user, count=moved,
                    target=target.label if target else None, answers=list(answer_ids))
    return moved


def split_theme(theme: Theme, answer_ids, label: str = "", user=None) -> Theme:
    """Take the chosen answers out of a theme into a new theme (named by the planner or from keywords)."""
    members = set(member_answer_ids(theme))
    chosen = [answer_id for answer_id in answer_ids if answer_id in members]
    if not chosen or len(chosen) == len(members):
        raise AnalysisError(_l("Bitte wählen Sie einige, aber nicht alle Antworten des Themas aus."))
    change = Change(theme.process)
    change.theme(theme)
    rest = [answer_id for answer_id in sorted(members) if answer_id not in chosen]
    described = describe_groups([rest, chosen])
    new = Theme(process_id=theme.process_id, analysis_run_id=theme.analysis_run_id, notes="",
                label=label.strip() or described[1]["label"], label_edited=bool(label.strip()),
                auto_label=described[1]["label"], keywords=described[1]["keywords"],
                keywords_by_language=described[1]["keywords_by_language"], position=theme.position + 1, question_id=theme.question_id)
    db.session.add(new)
    change.new_theme(new)
    _relabel(theme, described[0])
    for answer_id in chosen:
        assignment = change.assignment(answer_id)
        assignment.theme_id, assignment.source, assignment.representative = new.id, "planner", False
    change.save("theme.split", new, user, source=theme.label, source_id=theme.id, label=new.label,
                count=len(chosen))
    return new


def recluster_theme(theme: Theme, n_themes: int = 2, user=None) -> list[Theme]:
    """Let the clustering divide one theme; the largest part keeps the theme, the others become new themes."""
    from ..analysis import cluster_texts

    members = member_answer_ids(theme)
    items = [item for item in collect_texts(theme.process) if item.answer_id in set(members)]
    vectors = stored_vectors(item.answer_id for item in items)
    items = [item for item in items if item.answer_id in vectors]
    if len(items) < max(2 * n_themes, MIN_TEXTS_FOR_ANALYSIS):
        raise AnalysisError(_l("Dieses Thema hat zu wenige Antworten, um es aufzuteilen."))
    result = cluster_texts([item.text for item in items], [item.language for item in items], n_themes,
                           embeddings=np.vstack([vectors[item.answer_id] for item in items]))
    groups = sorted(range(len(result.themes)), key=lambda index: -result.themes[index].size)
    if len(groups) < 2:
        raise AnalysisError(_l("Die Antworten dieses Themas lassen sich nicht sinnvoll aufteilen."))
    change = Change(theme.process)
    change.theme(theme)
    largest = result.themes[groups[0]]
    _relabel(theme, {"label": largest.label, "keywords": list(largest.keywords),
                     "keywords_by_language": dict(largest.keywords_by_language)})
    created = []
    for group in groups[1:]:
        found = result.themes[group]
        new = Theme(process_id=theme.process_id, analysis_run_id=theme.analysis_run_id, notes="",
                    label=found.label, auto_label=found.label, keywords=list(found.keywords),
                    keywords_by_language=dict(found.keywords_by_language), position=theme.position + 1, question_id=theme.question_id)
        db.session.add(new)
        change.new_theme(new)
        created.append(new)
        for item, label in zip(items, result.labels):
            if label == group:
                assignment = change.assignment(item.answer_id)
                assignment.theme_id, assignment.source, assignment.representative = new.id, "planner", False
    change.save("theme.recluster", theme, user, label=theme.label, parts=len(groups))
    return created


def _relabel(theme: Theme, described: dict) -> None:
    """Fresh label and keywords for the part of a theme that stays after a split (a planner's name stays)."""
    theme.auto_label, theme.keywords = described["label"], described["keywords"]
    theme.keywords_by_language = described["keywords_by_language"]
    if not theme.label_edited:
        theme.label = described["label"]


def toggle_quote(assignment: ThemeAssignment, user=None) -> bool:
    """Mark or unmark an answer as a quote for the report."""
    process = db.session.get(Process, assignment.answer.response.process_id)
    change = Change(process)
    change.assignment(assignment.answer_id)
    assignment.quote = not assignment.quote
    change.save("theme.quote", assignment.answer, user, quote=assignment.quote)
    return assignment.quote


def flag_answer(answer: Answer, flag: str, user=None) -> None:
    """Leave an answer out of themes, counts and exports (off-topic, personal data, abusive)."""
    process = answer.response.process
    change = Change(process)
    change.flag(answer)
    assignment = change.assignment(answer.id)
    if assignment is not None:
        db.session.delete(assignment)
    answer.review_flag = flag
    change.save("theme.flag", answer, user, flag=flag)


def unflag_answer(answer: Answer, user=None) -> None:
    """Take an answer back into the analysis; it joins the nearest theme like a new answer."""
    process = answer.response.process
    change = Change(process)
    change.flag(answer)
    change.assignment(answer.id)
    answer.review_flag = None
    change.save("theme.unflag", answer, user)
    assign_new_answers(process)


def last_undoable_change(process: Process) -> AuditEvent | None:
    """The latest planner change on the themes, or applied analysis, that was not undone yet.

    An applied analysis is undone as a whole; the first analysis of a process (no snapshot) ends the history.
    """
    undone = set()
    events = db.session.execute(
        db.select(AuditEvent).where(AuditEvent.process_id == process.id,
                                    AuditEvent.action.in_((*CHANGE_ACTIONS, UNDO_ACTION, ANALYSIS_APPLIED)))
        .order_by(AuditEvent.id.desc())).scalars()
    for event in events:
        if event.action == ANALYSIS_APPLIED and event.id not in undone:
            return event if (event.details or {}).get("rerun") else None
        if event.action == UNDO_ACTION:
            undone.add((event.details or {}).get("undoes"))
        elif event.id not in undone:
            return event
    return None


def undo_last_change(process: Process, user=None) -> AuditEvent | None:
    """Restore what the latest change touched; returns the event undone (None when nothing to undo)."""
    event = last_undoable_change(process)
    if event is None:
        return None
    snapshot = event.details.get("undo") or {}
    touched = set()
    for answer_id, state in snapshot.get("assignments", {}).items():
        current = assignment_of(int(answer_id))
        if current is not None and current.theme_id:
            touched.add(current.theme_id)
        if state is None:
            if current is not None:
                db.session.delete(current)
            continue
        if current is None:
            current = ThemeAssignment(answer_id=int(answer_id))
            db.session.add(current)
        for name, value in state.items():
            setattr(current, name, value)
        if state.get("theme_id"):
            touched.add(state["theme_id"])
    for answer_id, flag in snapshot.get("flags", {}).items():
        answer = db.session.get(Answer, int(answer_id))
        if answer is not None:
            answer.review_flag = flag
    _restore_evidence(snapshot)
    for theme_id, state in snapshot.get("themes", {}).items():
        theme = db.session.get(Theme, int(theme_id))
        if theme is not None:
            for name, value in state.items():
                setattr(theme, name, value)
            touched.add(theme.id)
    db.session.flush()
    for theme_id in snapshot.get("created", []):
        db.session.execute(db.delete(ThemeAssignment).where(ThemeAssignment.theme_id == theme_id))
        theme = db.session.get(Theme, theme_id)
        if theme is not None:
            db.session.delete(theme)
        touched.discard(theme_id)
    db.session.flush()
    for theme_id in touched:
        theme = db.session.get(Theme, theme_id)
        if theme is not None:
            refresh_centroid(theme)
    _renumber(process.id)
    if event.action == ANALYSIS_APPLIED:
        db.session.execute(update(AnalysisRun).where(AnalysisRun.id == int(event.object_id))
                           .values(status="undone"))
    audit.record(UNDO_ACTION, process, process_id=process.id, user=user, undoes=event.id,
                 undone_action=event.action)
    db.session.commit()
    assign_new_answers(process)
    return event


class _GivenGroups:
    """A "clusterer" that returns groups chosen by a planner, so the pipeline only labels them."""

    def __init__(self, labels):
        self.labels = np.asarray(labels, dtype=int)

    def fit_predict(self, vectors):
        return self.labels


def describe_groups(groups: list[list[int]]) -> list[dict]:
    """Label and keywords for groups of answers, each contrasted with the others (c-TF-IDF of the pipeline)."""
    from ..analysis import cluster_texts

    ids = [answer_id for group in groups for answer_id in group]
    rows = {answer_id: (text, language) for answer_id, text, language in db.session.execute(
        db.select(Answer.id, Answer.text_value, func.coalesce(Answer.language, Response.language)).join(Response)
        .where(Answer.id.in_(ids))).all()}
    items = [TextItem(answer_id, rows[answer_id][0], rows[answer_id][1] or "de") for answer_id in ids]
    vectors = ensure_embeddings(items)
    result = cluster_texts([item.text for item in items], [item.language for item in items],
                           embeddings=np.vstack([vectors[answer_id] for answer_id in ids]),
                           clusterer=_GivenGroups([index for index, group in enumerate(groups) for _ in group]))
    return [{"label": found.label, "keywords": list(found.keywords),
             "keywords_by_language": dict(found.keywords_by_language)} for found in result.themes]
