"""Theme analysis of a process's free text as background jobs, and the planners' review of its themes.

What other areas can rely on:

* A process has one *current theme set*: its `Theme` rows with `archived == False`. They come from the
  latest finished `AnalysisRun` of the process (`current_run`), whose scope is the whole process
  (`questionnaire_id` None) or one survey or guide.
* `ThemeAssignment`: at most one per answer. `theme_id` None means "analysed, but no theme fits"
  (shown as "ohne Thema"). Only answers in the current run's scope that are not flagged
  (`Answer.review_flag`) have one: flagging an answer deletes its assignment, so every count over
  assignments already leaves flagged answers out. `source` is "analysis" (clustering), "incremental"
  (a new answer joined the nearest theme after the run) or "planner" (moved or split off by hand).
  `quote` marks a quote a planner picked for the report; `representative` one of the theme's most
  typical answers at the last run.
* Archived themes are kept, so links to them stay valid: `merged_into_id` names the theme a planner
  merged them into; an archived theme without it was not found again by a rerun.
* A rerun keeps theme ids: new themes are matched to the old ones (and to themes merged away, which
  leads to their merge target) by centroid; the matched theme keeps its id, notes, published flag,
  and its label when a planner edited it. Quotes survive when the answer stays in the same theme,
  answers a planner moved stay where the planner put them while that theme exists.
* Every planner change is one audit event (`theme.*`) whose details hold a snapshot of what it
  changed; `undo_last_change` restores the latest one not undone since the last analysis.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
from flask import current_app, has_request_context
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import func, update

from . import audit
from .aggregates import Cell, suppress
from .extensions import db
from .i18n import LANGUAGES, language as language_info
from .jobs import enqueue, job
from .models import (AnalysisRun, Answer, AnswerEmbedding, AuditEvent, Job, Process, Question, Questionnaire,
                     Response, Theme, ThemeAssignment, utcnow)
from .models.themes import vector_to_bytes
from .models.questionnaire import TEXT_KINDS
from .privacy import mask_personal_data

log = logging.getLogger(__name__)

EMBEDDING_MODEL = "use-multilingual-v3"
EMBED_BATCH_SIZE = 64
MIN_TEXTS_FOR_ANALYSIS = 10
ANALYSIS_APPLIED = "themes.analysis_applied"
UNDO_ACTION = "theme.undo"
CHANGE_ACTIONS = ("theme.rename", "theme.notes", "theme.merge", "theme.split", "theme.recluster",
                  "theme.move_answers", "theme.quote", "theme.flag", "theme.unflag", "theme.publish",
                  "theme.unpublish")
THEME_FIELDS = ("label", "auto_label", "label_edited", "keywords", "keywords_by_language", "notes", "published",
                "archived", "merged_into_id", "position")
ASSIGNMENT_FIELDS = ("theme_id", "source", "similarity", "representative", "quote")
CROSSTAB_FIELDS = ("district", "language", "target_group", "channel")


class AnalysisError(Exception):
    """A problem the planner can act on; its message is shown with the failed run.

    The message is a lazy gettext string: translated inside a request, German in jobs and on the command line.
    """

    def __str__(self) -> str:
        message = self.args[0] if self.args else ""
        if has_request_context() or not isinstance(message, LazyString):
            return str(message)
        text, params = message._args[0], message._kwargs
        return text % params if params else text


# ---------------------------------------------------------------------------------------------- texts

@dataclass
class TextItem:
    """One free-text answer to analyse: the original text and language; German translation for display."""
    answer_id: int
    text: str
    language: str
    translation_de: str | None = None


def free_text_conditions(process_id: int, questionnaire_id: int | None = None, include_flagged: bool = False):
    """Free-text answers (incl. focus-group notes and quotes) of a process or one questionnaire."""
    conditions = [Response.process_id == process_id, Question.kind.in_(TEXT_KINDS),
                  Answer.text_value.is_not(None), Answer.text_value != ""]
    if questionnaire_id is not None:
        conditions.append(Response.questionnaire_id == questionnaire_id)
    if not include_flagged:
        conditions.append(Answer.review_flag.is_(None))
    return conditions


def collect_texts(process: Process, questionnaire: Questionnaire | None = None) -> list[TextItem]:
    """The texts an analysis of the process (or one survey or guide) works on, flagged answers left out."""
    rows = db.session.execute(
        db.select(Answer.id, Answer.text_value, Answer.language, Response.language, Answer.translation_de)
        .join(Response, Answer.response_id == Response.id).join(Question, Answer.question_id == Question.id)
        .where(*free_text_conditions(process.id, questionnaire.id if questionnaire else None))
        .order_by(Answer.id)).all()
    return [TextItem(answer_id, text, answer_language or response_language or "de", translation)
            for answer_id, text, answer_language, response_language, translation in rows]


# ---------------------------------------------------------------------------------------------- embeddings

def stored_vectors(answer_ids) -> dict[int, np.ndarray]:
    """Stored embeddings of the current model, by answer id."""
    vectors = {}
    ids = list(answer_ids)
    for start in range(0, len(ids), 500):
        rows = db.session.execute(
            db.select(AnswerEmbedding.answer_id, AnswerEmbedding.vector)
            .where(AnswerEmbedding.answer_id.in_(ids[start:start + 500]),
                   AnswerEmbedding.model == EMBEDDING_MODEL)).all()
        vectors.update({answer_id: np.frombuffer(vector, dtype=np.float32) for answer_id, vector in rows})
    return vectors


def ensure_embeddings(items: list[TextItem], report=None) -> dict[int, np.ndarray]:
    """Embed the items that have no stored vector yet (in batches), store and commit them, return all.

    Embeddings are a cache of the texts, not results: they are committed as soon as they exist, so a
    retried analysis does not compute them again.
    """
    from .analysis import embed_texts

    vectors = stored_vectors(item.answer_id for item in items)
    missing = [item for item in items if item.answer_id not in vectors]
    for start in range(0, len(missing), EMBED_BATCH_SIZE):
        batch = missing[start:start + EMBED_BATCH_SIZE]
        matrix = embed_texts([item.text for item in batch], [item.language for item in batch])
        _store_vectors({item.answer_id: np.asarray(vector, dtype=np.float32) for item, vector in zip(batch, matrix)})
        vectors.update({item.answer_id: np.asarray(vector, dtype=np.float32) for item, vector in zip(batch, matrix)})
        if report:
            report(start + len(batch), len(missing))
    return vectors


def _store_vectors(vectors: dict[int, np.ndarray]) -> None:
    """Upsert embeddings and commit; another job embedding the same answers at the same time is harmless."""
    rows = [{"answer_id": answer_id, "model": EMBEDDING_MODEL, "vector": vector_to_bytes(vector),
             "created_at": utcnow()} for answer_id, vector in vectors.items()]
    dialect = db.engine.dialect.name
    if dialect in ("postgresql", "sqlite"):
        module = __import__(f"sqlalchemy.dialects.{dialect}", fromlist=["insert"])
        statement = module.insert(AnswerEmbedding).values(rows)
        db.session.execute(statement.on_conflict_do_update(
            index_elements=["answer_id"], set_={"model": statement.excluded.model,
                                                "vector": statement.excluded.vector}))
    else:
        for row in rows:
            db.session.merge(AnswerEmbedding(**row))
    db.session.commit()


@job("themes.embed_pending")
def embed_pending(ctx, process: int, answer_ids: list[int] | None = None) -> dict:
    """Embed a process's free-text answers that have no vector yet, then let new answers join themes."""
    process = db.session.get(Process, process)
    if process is None:
        return {"embedded": 0, "assigned": 0}
    items = collect_texts(process)
    if answer_ids is not None:
        wanted = set(answer_ids)
        items = [item for item in items if item.answer_id in wanted]
    known = stored_vectors(item.answer_id for item in items)
    pending = [item for item in items if item.answer_id not in known]
    ensure_embeddings(pending, lambda done, total: ctx.progress(int(90 * done / total),
                                                                f"{done} von {total} Antworten eingebettet"))
    assigned = assign_new_answers(process)
    return {"embedded": len(pending), "assigned": assigned}


def embed_on_submit_enabled() -> bool:
    return bool(current_app.config.get("ANALYSIS_EMBED_ON_SUBMIT", True))


def after_response_stored(response: Response) -> None:
    """Queue embedding of a new response's free text; at most one queued embedding job per process.

    Never lets a problem reach the resident: their answers are already stored.
    """
    if not embed_on_submit_enabled():
        return
    try:
        if not any(answer.text_value and answer.question.kind in TEXT_KINDS for answer in response.answers):
            return
        waiting = db.session.execute(
            db.select(Job.id).where(Job.kind == "themes.embed_pending", Job.status == "queued",
                                    Job.process_id == response.process_id).limit(1)).first()
        if waiting is None:
            enqueue("themes.embed_pending", process_id=response.process_id, process=response.process_id)
    except Exception:  # the resident's submission is stored; embedding catches up with the next one
        db.session.rollback()
        log.exception("could not queue embedding for response %s", response.id)


# ---------------------------------------------------------------------------------------------- analysis runs

def current_run(process: Process) -> AnalysisRun | None:
    """The latest finished analysis: its scope and themes are what planners review."""
    return db.session.execute(
        db.select(AnalysisRun).where(AnalysisRun.process_id == process.id, AnalysisRun.status == "done")
        .order_by(AnalysisRun.id.desc()).limit(1)).scalar_one_or_none()


def _reconciled(run: AnalysisRun | None) -> AnalysisRun | None:
    """A run whose job failed without saying so (worker killed, found by `flask jobs sweep`) failed too."""
    if run is not None and run.status in ("queued", "running") and run.job is not None and run.job.status == "failed":
        _update_run(run.id, status="failed", finished_at=run.job.finished_at or utcnow())
        db.session.refresh(run)
    return run


def latest_run(process: Process) -> AnalysisRun | None:
    return _reconciled(db.session.execute(
        db.select(AnalysisRun).where(AnalysisRun.process_id == process.id)
        .order_by(AnalysisRun.id.desc()).limit(1)).scalar_one_or_none())


def active_run(process: Process) -> AnalysisRun | None:
    """A queued or running analysis of the process, if any (only one at a time)."""
    run = _reconciled(db.session.execute(
        db.select(AnalysisRun).where(AnalysisRun.process_id == process.id,
                                     AnalysisRun.status.in_(("queued", "running")))
        .order_by(AnalysisRun.id.desc()).limit(1)).scalar_one_or_none())
    return run if run is not None and run.status in ("queued", "running") else None


def start_analysis(process: Process, questionnaire: Questionnaire | None = None, n_themes: int | None = None,
                   user=None) -> AnalysisRun:
    """Record an analysis run and queue its job; refuses while another one of the process is under way."""
    if questionnaire is not None and questionnaire.process_id != process.id:
        raise AnalysisError(_l("Dieser Fragebogen gehört nicht zu diesem Prozess."))
    if active_run(process) is not None:
        raise AnalysisError(_l("Für diesen Prozess läuft bereits eine Analyse."))
    run = AnalysisRun(process_id=process.id, questionnaire_id=questionnaire.id if questionnaire else None,
                      n_themes_requested=n_themes, created_by_id=getattr(user, "id", None), status="queued")
    db.session.add(run)
    audit.record("themes.analysis_started", run, process_id=process.id, user=user,
                 questionnaire_id=run.questionnaire_id, n_themes=n_themes)
    db.session.commit()
    record = enqueue("themes.run_analysis", process_id=process.id, created_by_id=getattr(user, "id", None),
                     run_id=run.id)
    _update_run(run.id, job_id=record.id)
    db.session.refresh(run)
    return run


def retry_analysis(run: AnalysisRun) -> AnalysisRun:
    """Queue a failed analysis again with the same parameters."""
    from .jobs import retry
    if run.status != "failed" or run.job is None:
        raise AnalysisError(_l("Nur eine fehlgeschlagene Analyse kann wiederholt werden."))
    if active_run(run.process) is not None:
        raise AnalysisError(_l("Für diesen Prozess läuft bereits eine Analyse."))
    _update_run(run.id, status="queued", finished_at=None)
    retry(run.job)
    db.session.refresh(run)
    return run


def _update_run(run_id: int, **values) -> None:
    """Run state in its own short transaction (visible to the UI at once, never the job's results)."""
    with db.engine.begin() as connection:
        connection.execute(update(AnalysisRun).where(AnalysisRun.id == run_id).values(**values))


@job("themes.run_analysis")
def run_analysis(ctx, run_id: int) -> dict:
    """Collect → embed → cluster → write themes in one transaction; a failure leaves the old themes as they were."""
    _update_run(run_id, status="running", job_id=ctx.job_id)
    try:
        return _analyse(ctx, run_id)
    except Exception:
        db.session.rollback()
        _update_run(run_id, status="failed", finished_at=utcnow())
        raise


def _analyse(ctx, run_id: int) -> dict:
    from .analysis import cluster_texts

    run = db.session.get(AnalysisRun, run_id)
    process = run.process
    questionnaire = db.session.get(Questionnaire, run.questionnaire_id) if run.questionnaire_id else None
    ctx.progress(5, "Antworten werden gesammelt")
    items = collect_texts(process, questionnaire)
    if len(items) < MIN_TEXTS_FOR_ANALYSIS:
        raise AnalysisError(_l("Zu wenige freie Antworten für eine Analyse: %(count)s (mindestens %(minimum)s).",
                               count=len(items), minimum=MIN_TEXTS_FOR_ANALYSIS))
    ctx.progress(10, f"{len(items)} Antworten werden eingebettet")
    vectors = ensure_embeddings(items, lambda done, total: ctx.progress(
        10 + int(40 * done / total), f"{done} von {total} Antworten eingebettet"))
    ctx.progress(50, "Themen werden gebildet")
    matrix = np.vstack([vectors[item.answer_id] for item in items])
    result = cluster_texts([item.text for item in items], [item.language for item in items],
                           run.n_themes_requested, embeddings=matrix)
    ctx.progress(85, "Themen werden gespeichert")
    run = db.session.get(AnalysisRun, run_id)
    apply_analysis_result(run, items, vectors, result)
    _finish_run(run, len(items))
    db.session.commit()
    return {"run_id": run.id, "texts": run.text_count, "themes": run.theme_count}


def _finish_run(run: AnalysisRun, text_count: int) -> None:
    run.status = "done"
    run.text_count = text_count
    run.theme_count = db.session.execute(
        db.select(func.count(Theme.id)).where(Theme.process_id == run.process_id, Theme.archived.is_(False))
    ).scalar_one()
    run.finished_at = utcnow()
    audit.record(ANALYSIS_APPLIED, run, process_id=run.process_id, user=False,
                 texts=text_count, themes=run.theme_count)


def _merge_target(theme: Theme, by_id: dict) -> Theme | None:
    """Follow merged_into links to the active theme a merged-away theme now lives in."""
    seen = set()
    while theme is not None and theme.archived and theme.merged_into_id and theme.id not in seen:
        seen.add(theme.id)
        theme = by_id.get(theme.merged_into_id)
    return theme if theme is not None and not theme.archived else None


def apply_analysis_result(run: AnalysisRun, items: list[TextItem], vectors: dict, result) -> None:
    """Write a clustering result as the process's current themes, carrying planners' work over.

    Adds everything to the session and flushes, but does not commit: the caller commits once.
    """
    from .analysis import map_themes

    process_id = run.process_id
    themes = db.session.execute(db.select(Theme).where(Theme.process_id == process_id)).scalars().all()
    by_id = {theme.id: theme for theme in themes}
    candidates = [theme for theme in themes if theme.centroid is not None and _merge_target(theme, by_id)]
    old_centroids = np.vstack([theme.centroid_vector for theme in candidates]) if candidates else np.zeros((0, 512))
    mapping = map_themes(old_centroids, result.centroids) if len(result.themes) else {}

    previous = {assignment.answer_id: assignment for assignment in db.session.execute(
        db.select(ThemeAssignment).join(Answer, ThemeAssignment.answer_id == Answer.id).join(Response)
        .where(Response.process_id == process_id)).scalars()}
    labels = np.asarray(result.labels)
    target_of_new: dict[int, Theme] = {}
    for index, found in enumerate(result.themes):
        old_index = mapping.get(index)
        target = _merge_target(candidates[old_index], by_id) if old_index is not None else None
        if target is None:
            target = Theme(process_id=process_id, label=found.label, notes="")
            db.session.add(target)
        if target not in target_of_new.values() or found.size > _size_of(target, target_of_new, result):
            target.auto_label = found.label
            target.keywords = list(found.keywords)
            target.keywords_by_language = dict(found.keywords_by_language)
            if not target.label_edited:
                target.label = found.label
        target.analysis_run_id = run.id
        target.archived = False
        target.merged_into_id = None
        target_of_new[index] = target
    db.session.flush()

    kept = set(target_of_new.values())
    in_scope = {item.answer_id for item in items}
    planner_pinned = {assignment.theme_id for answer_id, assignment in previous.items()
                      if assignment.source == "planner" and answer_id in in_scope and assignment.theme_id}
    for theme in themes:
        if not theme.archived and theme not in kept:
            if theme.id in planner_pinned:
                kept.add(theme)
            else:
                theme.archived = True
    kept_ids = {theme.id for theme in kept}
    representatives = {item_index for found in result.themes for item_index in found.representatives}

    for answer_id, assignment in previous.items():
        if answer_id not in in_scope:
            db.session.delete(assignment)
    for position, item in enumerate(items):
        label = int(labels[position])
        theme = target_of_new.get(label) if label >= 0 else None
        old = previous.get(item.answer_id)
        if old is not None and old.source == "planner" and old.theme_id in kept_ids:
            theme_id, source = old.theme_id, "planner"
        else:
            theme_id, source = (theme.id if theme else None), "analysis"
        assignment = old or ThemeAssignment(answer_id=item.answer_id)
        keeps_quote = old is not None and old.quote and old.theme_id == theme_id
        assignment.theme_id, assignment.source, assignment.quote = theme_id, source, keeps_quote
        assignment.representative = position in representatives and theme_id == (theme.id if theme else None)
        assignment.similarity = None
        if old is None:
            db.session.add(assignment)
    db.session.flush()
    for theme in kept:
        refresh_centroid(theme)
    _renumber(process_id)
    db.session.flush()


def _size_of(theme: Theme, target_of_new: dict, result) -> int:
    """Size of the largest new theme already written into this target (its keywords win)."""
    return max((result.themes[index].size for index, target in target_of_new.items() if target is theme), default=0)


def _renumber(process_id: int) -> None:
    """Positions by size, largest theme first (the order planners read them)."""
    sizes = dict(db.session.execute(
        db.select(ThemeAssignment.theme_id, func.count(ThemeAssignment.id)).join(Theme)
        .where(Theme.process_id == process_id).group_by(ThemeAssignment.theme_id)).all())
    themes = db.session.execute(
        db.select(Theme).where(Theme.process_id == process_id, Theme.archived.is_(False))).scalars().all()
    for position, theme in enumerate(sorted(themes, key=lambda t: (-sizes.get(t.id, 0), t.id))):
        theme.position = position


def member_answer_ids(theme: Theme) -> list[int]:
    return list(db.session.execute(
        db.select(ThemeAssignment.answer_id).where(ThemeAssignment.theme_id == theme.id)
        .order_by(ThemeAssignment.answer_id)).scalars())


def refresh_centroid(theme: Theme) -> None:
    """Centroid = unit mean of the members' stored vectors; new answers are compared with it."""
    vectors = list(stored_vectors(member_answer_ids(theme)).values())
    if not vectors:
        return
    mean = np.mean(np.vstack(vectors), axis=0)
    norm = float(np.linalg.norm(mean))
    theme.centroid = vector_to_bytes(mean / norm if norm else mean)


def active_themes(process: Process) -> list[Theme]:
    return list(db.session.execute(
        db.select(Theme).where(Theme.process_id == process.id, Theme.archived.is_(False))
        .order_by(Theme.position, Theme.id)).scalars())


def assign_new_answers(process: Process) -> int:
    """Let answers that arrived after the analysis join the nearest theme (or none) without a rerun."""
    from .analysis import assign_to_themes

    run = current_run(process)
    if run is None:
        return 0
    questionnaire = db.session.get(Questionnaire, run.questionnaire_id) if run.questionnaire_id else None
    assigned = set(db.session.execute(
        db.select(ThemeAssignment.answer_id).join(Answer).join(Response)
        .where(Response.process_id == process.id)).scalars())
    items = [item for item in collect_texts(process, questionnaire) if item.answer_id not in assigned]
    vectors = stored_vectors(item.answer_id for item in items)
    items = [item for item in items if item.answer_id in vectors]
    if not items:
        return 0
    themes = [theme for theme in active_themes(process) if theme.centroid is not None]
    matrix = np.vstack([vectors[item.answer_id] for item in items])
    threshold = current_app.config.get("ANALYSIS_ASSIGN_THRESHOLD")
    if themes:
        centroids = np.vstack([theme.centroid_vector for theme in themes])
        nearest = assign_to_themes(matrix, centroids, *([threshold] if threshold is not None else []))
        similarity = (matrix @ centroids.T).max(axis=1)
    else:
        nearest, similarity = np.full(len(items), -1), np.zeros(len(items))
    for item, index, score in zip(items, nearest, similarity):
        db.session.add(ThemeAssignment(answer_id=item.answer_id, source="incremental", similarity=float(score),
                                       theme_id=themes[int(index)].id if index >= 0 else None))
    db.session.commit()
    return len(items)


# ---------------------------------------------------------------------------------------------- planner changes

class Change:
    """Snapshot of what one planner change touches, saved with its audit event so it can be undone."""

    def __init__(self, process: Process):
        self.process = process
        self.themes: dict[str, dict] = {}
        self.assignments: dict[str, dict | None] = {}
        self.flags: dict[str, str | None] = {}
        self.created: list[int] = []

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
        db.session.flush()
        for theme_id in self._touched_theme_ids():
            theme = db.session.get(Theme, theme_id)
            if theme is not None:
                refresh_centroid(theme)
        _renumber(self.process.id)
        event = audit.record(action, obj, process_id=self.process.id, user=user, **summary,
                             undo={"themes": self.themes, "assignments": self.assignments, "flags": self.flags,
                                   "created": self.created})
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


def rename_theme(theme: Theme, label: str, user=None) -> None:
    change = Change(theme.process)
    change.theme(theme)
    old = theme.label
    theme.label, theme.label_edited = label.strip(), True
    change.save("theme.rename", theme, user, old=old, new=theme.label)


def set_notes(theme: Theme, notes: str, user=None) -> None:
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
        change.assignment(answer_id).theme_id = target.id
    source.archived, source.merged_into_id = True, target.id
    change.save("theme.merge", target, user, source=source.label, target=target.label, source_id=source.id)


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
                keywords_by_language=described[1]["keywords_by_language"], position=theme.position + 1)
    db.session.add(new)
    change.new_theme(new)
    for answer_id in chosen:
        assignment = change.assignment(answer_id)
        assignment.theme_id, assignment.source, assignment.representative = new.id, "planner", False
    change.save("theme.split", new, user, source=theme.label, source_id=theme.id, label=new.label,
                count=len(chosen))
    return new


def recluster_theme(theme: Theme, n_themes: int = 2, user=None) -> list[Theme]:
    """Let the clustering divide one theme; the largest part keeps the theme, the others become new themes."""
    from .analysis import cluster_texts

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
    created = []
    for group in groups[1:]:
        found = result.themes[group]
        new = Theme(process_id=theme.process_id, analysis_run_id=theme.analysis_run_id, notes="",
                    label=found.label, auto_label=found.label, keywords=list(found.keywords),
                    keywords_by_language=dict(found.keywords_by_language), position=theme.position + 1)
        db.session.add(new)
        change.new_theme(new)
        created.append(new)
        for item, label in zip(items, result.labels):
            if label == group:
                assignment = change.assignment(item.answer_id)
                assignment.theme_id, assignment.source, assignment.representative = new.id, "planner", False
    change.save("theme.recluster", theme, user, label=theme.label, parts=len(groups))
    return created


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
    """The latest planner change on the themes since the last analysis that was not undone yet."""
    undone = set()
    events = db.session.execute(
        db.select(AuditEvent).where(AuditEvent.process_id == process.id,
                                    AuditEvent.action.in_((*CHANGE_ACTIONS, UNDO_ACTION, ANALYSIS_APPLIED)))
        .order_by(AuditEvent.id.desc())).scalars()
    for event in events:
        if event.action == ANALYSIS_APPLIED:
            return None
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
    from .analysis import cluster_texts

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


# ---------------------------------------------------------------------------------------------- reading

@dataclass
class QuoteView:
    """A free-text answer as planners see it: personal data masked, with its language and direction."""
    answer_id: int
    text: str
    language: str
    direction: str
    translation_de: str | None
    quote: bool
    representative: bool
    source: str
    item_kind: str
    channel: str
    question: str


def quote_views(assignments) -> list[QuoteView]:
    views = []
    for assignment in assignments:
        answer = assignment.answer
        language = answer.language or answer.response.language or "de"
        views.append(QuoteView(
            answer_id=answer.id, text=mask_personal_data(answer.text_value or ""), language=language,
            direction=language_info(language).direction if language in LANGUAGES else "ltr",
            translation_de=mask_personal_data(answer.translation_de) if answer.translation_de else None,
            quote=assignment.quote, representative=assignment.representative, source=assignment.source,
            item_kind=answer.item_kind, channel=answer.response.channel, question=answer.question.text))
    return views


def theme_assignments(process: Process, theme: Theme | None):
    """Assignments of one theme (or the unassigned ones when theme is None): quotes first, then typical ones."""
    condition = ThemeAssignment.theme_id == theme.id if theme is not None else ThemeAssignment.theme_id.is_(None)
    return list(db.session.execute(
        db.select(ThemeAssignment).join(Answer).join(Response)
        .where(Response.process_id == process.id, condition)
        .order_by(ThemeAssignment.quote.desc(), ThemeAssignment.representative.desc(), ThemeAssignment.answer_id)
    ).scalars())


@dataclass
class ThemeSummary:
    theme: Theme
    size: int
    quotes: list = field(default_factory=list)


def theme_overview(process: Process, quotes_per_theme: int = 3) -> list[ThemeSummary]:
    """Current themes with their size and best quotes (planner-marked first, then representatives)."""
    summaries = []
    for theme in active_themes(process):
        assignments = theme_assignments(process, theme)
        quotes, seen = [], set()
        for view in quote_views(assignments[:quotes_per_theme * 3]):
            if view.text.casefold() not in seen and len(quotes) < quotes_per_theme:
                seen.add(view.text.casefold())
                quotes.append(view)
        summaries.append(ThemeSummary(theme, len(assignments), quotes))
    return summaries


def unassigned_count(process: Process) -> int:
    return db.session.execute(
        db.select(func.count(ThemeAssignment.id)).join(Answer).join(Response)
        .where(Response.process_id == process.id, ThemeAssignment.theme_id.is_(None))).scalar_one()


def flagged_answers(process: Process) -> list[Answer]:
    return list(db.session.execute(
        db.select(Answer).join(Response).join(Question)
        .where(*free_text_conditions(process.id, include_flagged=True), Answer.review_flag.is_not(None))
        .order_by(Answer.id)).scalars())


@dataclass
class CrossTabRow:
    theme: Theme
    cells: list          # one Cell per column, aligned with CrossTab.columns
    total: Cell


@dataclass
class CrossTab:
    """Themes × one breakdown: distinct responses per cell; shares are of the column's analysed responses."""
    field: str
    columns: list
    column_totals: list
    rows: list


def _breakdown_column(field_name: str):
    if field_name == "language":
        return func.coalesce(Answer.language, Response.language)
    if field_name not in CROSSTAB_FIELDS:
        raise ValueError(f"unknown breakdown {field_name}")
    return getattr(Response, field_name)


def crosstab(process: Process, field_name: str) -> CrossTab:
    """Counts of responses per theme and district/language/target group/channel, small cells hidden.

    A response counts once per theme and value even when several of its answers are in the theme.
    Cells with fewer responses than the process's minimum group size show no number.
    """
    column = _breakdown_column(field_name)
    base = (db.select(ThemeAssignment.theme_id, column, func.count(func.distinct(Response.id)))
            .join(Answer, ThemeAssignment.answer_id == Answer.id).join(Response)
            .where(Response.process_id == process.id))
    rows = db.session.execute(base.group_by(ThemeAssignment.theme_id, column)).all()
    totals_rows = db.session.execute(
        db.select(column, func.count(func.distinct(Response.id))).select_from(ThemeAssignment)
        .join(Answer, ThemeAssignment.answer_id == Answer.id).join(Response)
        .where(Response.process_id == process.id).group_by(column)).all()
    theme_totals = dict(db.session.execute(
        base.with_only_columns(ThemeAssignment.theme_id, func.count(func.distinct(Response.id)))
        .group_by(ThemeAssignment.theme_id)).all())
    minimum = process.min_group_size
    column_counts = {value: count for value, count in totals_rows}
    columns = sorted(column_counts, key=lambda value: (-column_counts[value], str(value)))
    column_cells = {cell.value: cell for cell in suppress(column_counts, minimum)}
    per_theme: dict = {}
    for theme_id, value, count in rows:
        per_theme.setdefault(theme_id, {})[value] = count
    table_rows = []
    for theme in active_themes(process):
        counts = per_theme.get(theme.id, {})
        cells = {cell.value: cell for cell in suppress(counts, minimum)}
        aligned = []
        for value in columns:
            cell = cells.get(value) or Cell(value, 0, 0.0)
            total = column_counts[value]
            if not cell.hidden and not column_cells[value].hidden:
                cell = Cell(value, cell.count, cell.count / total if total else 0.0)
            elif not cell.hidden:
                cell = Cell(value, cell.count, None)
            aligned.append(cell)
        table_rows.append(CrossTabRow(theme, aligned, suppress({"all": theme_totals.get(theme.id, 0)}, minimum)[0]))
    return CrossTab(field_name, columns, [column_cells[value] for value in columns], table_rows)


def resolve_scope(target: str) -> tuple[Process | None, Questionnaire | None]:
    """Read a CLI target: a process id, `process:<id>`, `survey:<id or short code>` or a short code."""
    kind, _, value = target.rpartition(":")
    if kind == "process" or (not kind and value.isdigit()):
        return (db.session.get(Process, int(value)) if value.isdigit() else None), None
    if kind not in ("", "survey", "guide"):
        return None, None
    questionnaire = db.session.get(Questionnaire, int(value)) if value.isdigit() else db.session.execute(
        db.select(Questionnaire).filter_by(short_code=value)).scalar_one_or_none()
    return (questionnaire.process, questionnaire) if questionnaire else (None, None)


def analyse_in_this_process(process: Process, questionnaire: Questionnaire | None = None,
                            n_themes: int | None = None, user=None, progress=None) -> AnalysisRun:
    """Run an analysis right here, without a queue (command line, tests); the job record shows it all the same."""
    from . import jobs

    if active_run(process) is not None:
        raise AnalysisError(_l("Für diesen Prozess läuft bereits eine Analyse."))
    run = AnalysisRun(process_id=process.id, questionnaire_id=questionnaire.id if questionnaire else None,
                      n_themes_requested=n_themes, created_by_id=getattr(user, "id", None), status="queued")
    db.session.add(run)
    db.session.flush()
    record = Job(kind="themes.run_analysis", params={"run_id": run.id}, process_id=process.id, runner="local",
                 created_by_id=getattr(user, "id", None))
    db.session.add(record)
    db.session.flush()
    run.job_id = record.id
    audit.record("themes.analysis_started", run, process_id=process.id, user=user or False,
                 questionnaire_id=run.questionnaire_id, n_themes=n_themes)
    db.session.commit()
    jobs.run(record.id)
    db.session.expire_all()
    return db.session.get(AnalysisRun, run.id)
