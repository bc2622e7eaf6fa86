"""Analysis runs: start, run as a job, apply the result to the theme set, assign new answers on the way.
"""
from __future__ import annotations

import logging

import numpy as np
from flask import has_request_context
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import func, update

from .. import audit
from ..extensions import db
from ..jobs import enqueue, job
from ..models import (
    AnalysisRun,
    Answer,
    Job,
    Process,
    Questionnaire,
    Response,
    Theme,
    ThemeAssignment,
    utcnow,
)
from ..models.themes import vector_to_bytes
from .embedding import collect_texts, current_embedder, current_model, ensure_embeddings, stored_vectors

log = logging.getLogger(__name__)


MIN_TEXTS_FOR_ANALYSIS = 10
ANALYSIS_APPLIED = "themes.analysis_applied"

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


def _new_run(process: Process, questionnaire, n_themes, user, preview: bool, pool) -> AnalysisRun:
    """A queued run, added to the session; refused while another analysis of the process runs."""
    if active_run(process) is not None:
        raise AnalysisError(_l("Für diesen Prozess läuft bereits eine Analyse."))
    run = AnalysisRun(process_id=process.id, questionnaire_id=questionnaire.id if questionnaire else None,
                      n_themes_requested=n_themes, created_by_id=getattr(user, "id", None), status="queued",
                      params={"preview": preview, "pool": list(pool or ())})
    db.session.add(run)
    return run


def start_analysis(process: Process, questionnaire: Questionnaire | None = None, n_themes: int | None = None,
                   user=None, preview: bool = False, pool=()) -> AnalysisRun:
    """Record an analysis run and queue its job; refuses while another one of the process is under way.

    With `preview`, a rerun waits for the planner to apply or discard it (the first analysis applies at once).
    Each question's answers form their own themes; the questions in `pool` are analysed together.
    """
    if questionnaire is not None and questionnaire.process_id != process.id:
        raise AnalysisError(_l("Dieser Fragebogen gehört nicht zu diesem Prozess."))
    run = _new_run(process, questionnaire, n_themes, user, preview, pool)
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
    from ..jobs import retry
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
    from .questions import cluster_per_question
    from .rerun import PREVIEW, apply_rerun, store_proposal

    run = db.session.get(AnalysisRun, run_id)
    process = run.process
    questionnaire = db.session.get(Questionnaire, run.questionnaire_id) if run.questionnaire_id else None
    ctx.progress(5, "Antworten werden gesammelt")
    items = collect_texts(process, questionnaire)
    if len(items) < MIN_TEXTS_FOR_ANALYSIS:
        raise AnalysisError(_l("Zu wenige freie Antworten für eine Analyse: %(count)s (mindestens %(minimum)s).",
                               count=len(items), minimum=MIN_TEXTS_FOR_ANALYSIS))
    ctx.progress(10, f"{len(items)} Antworten werden eingebettet")
    _update_run(run_id, embedding_model=current_model())
    vectors = ensure_embeddings(items, lambda done, total: ctx.progress(
        10 + int(40 * done / total), f"{done} von {total} Antworten eingebettet"))
    ctx.progress(50, "Themen werden gebildet")
    matrix = np.vstack([vectors[item.answer_id] for item in items])
    result = cluster_per_question(items, matrix, run.n_themes_requested, (run.params or {}).get("pool", ()),
                                  current_embedder().term_merge_threshold)
    ctx.progress(85, "Themen werden gespeichert")
    run = db.session.get(AnalysisRun, run_id)
    store_proposal(run, [item.answer_id for item in items], result)
    if (run.params or {}).get("preview") and active_themes(process):
        run.status, run.finished_at = PREVIEW, utcnow()
        run.text_count, run.theme_count = len(items), len(result.themes)
        db.session.commit()
    else:
        apply_rerun(run)
    return {"run_id": run.id, "texts": run.text_count, "themes": run.theme_count, "status": run.status}


def _renumber(process_id: int) -> None:
    """Positions by size, largest theme first (the order planners read them); "Weitere Nennungen" (short answers
    nobody else gave) last."""
    from ..analysis.terms import OTHER_MENTIONS
    sizes = dict(db.session.execute(
        db.select(ThemeAssignment.theme_id, func.count(ThemeAssignment.id)).join(Theme)
        .where(Theme.process_id == process_id).group_by(ThemeAssignment.theme_id)).all())
    themes = db.session.execute(
        db.select(Theme).where(Theme.process_id == process_id, Theme.archived.is_(False))).scalars().all()
    for position, theme in enumerate(sorted(themes, key=lambda t: (t.auto_label == OTHER_MENTIONS,
                                                                    -sizes.get(t.id, 0), t.id))):
        theme.position = position


def merge_target(theme: Theme) -> Theme | None:
    """The active theme a merged-away theme now lives in (following chains of merges), else None."""
    seen = set()
    while theme is not None and theme.archived and theme.merged_into_id and theme.id not in seen:
        seen.add(theme.id)
        theme = db.session.get(Theme, theme.merged_into_id)
    return theme if theme is not None and not theme.archived and seen else None


def member_answer_ids(theme: Theme) -> list[int]:
    return list(db.session.execute(
        db.select(ThemeAssignment.answer_id).where(ThemeAssignment.theme_id == theme.id)
        .order_by(ThemeAssignment.answer_id)).scalars())


def refresh_centroid(theme: Theme) -> None:
    """Centroid = unit mean of the members' stored vectors of the current model (recorded with it); new answers
    are compared with it."""
    model = current_model()
    vectors = list(stored_vectors(member_answer_ids(theme), model).values())
    if not vectors:
        return
    mean = np.mean(np.vstack(vectors), axis=0)
    norm = float(np.linalg.norm(mean))
    theme.centroid, theme.embedding_model = vector_to_bytes(mean / norm if norm else mean), model


def refresh_stale_centroids(process: Process) -> int:
    """Centres computed with another model (the configured one changed) are computed again from the members'
    new vectors, so new answers keep joining themes. Returns how many were renewed."""
    model = current_model()
    stale = [theme for theme in active_themes(process) if theme.embedding_model != model]
    for theme in stale:
        refresh_centroid(theme)
    db.session.commit()
    return len(stale)


def active_themes(process: Process) -> list[Theme]:
    return list(db.session.execute(
        db.select(Theme).where(Theme.process_id == process.id, Theme.archived.is_(False))
        .order_by(Theme.position, Theme.id)).scalars())


def assign_new_answers(process: Process) -> int:
    """Let answers that arrived after the analysis join the nearest theme (or none) without a rerun."""
    from ..analysis import assign_to_themes

    run = current_run(process)
    if run is None:
        return 0
    questionnaire = db.session.get(Questionnaire, run.questionnaire_id) if run.questionnaire_id else None
    assigned = set(db.session.execute(
        db.select(ThemeAssignment.answer_id).join(Answer).join(Response)
        .where(Response.process_id == process.id)).scalars())
    items = [item for item in collect_texts(process, questionnaire) if item.answer_id not in assigned]
    embedder = current_embedder()
    vectors = stored_vectors((item.answer_id for item in items), embedder.model_id)
    items = [item for item in items if item.answer_id in vectors]
    if not items:
        return 0
    current = active_themes(process)
    if any(theme.centroid is not None and theme.embedding_model != embedder.model_id for theme in current):
        return 0  # centres of another model: the embedding job renews them first, then these answers join
    themes = [theme for theme in current if theme.centroid is not None]
    matrix = np.vstack([vectors[item.answer_id] for item in items])
    if themes:
        centroids = np.vstack([theme.centroid_vector for theme in themes])
        nearest = assign_to_themes(matrix, centroids, embedder.assign_threshold)
        similarity = (matrix @ centroids.T).max(axis=1)
    else:
        nearest, similarity = np.full(len(items), -1), np.zeros(len(items))
    for item, index, score in zip(items, nearest, similarity):
        db.session.add(ThemeAssignment(answer_id=item.answer_id, source="incremental", similarity=float(score),
                                       theme_id=themes[int(index)].id if index >= 0 else None))
    db.session.commit()
    return len(items)



@job("themes.embed_pending")
def embed_pending(ctx, process: int, answer_ids: list[int] | None = None) -> dict:
    """Embed a process's free-text answers that have no vector of the current model yet (new answers, or all of
    them after the configured model changed), renew theme centres of another model, let new answers join."""
    process = db.session.get(Process, process)
    if process is None:
        return {"embedded": 0, "assigned": 0}
    items = collect_texts(process)
    if answer_ids is not None:
        wanted = set(answer_ids)
        items = [item for item in items if item.answer_id in wanted]
    model = current_model()
    known = stored_vectors((item.answer_id for item in items), model)
    pending = [item for item in items if item.answer_id not in known]
    ensure_embeddings(pending, lambda done, total: ctx.progress(
        int(90 * done / total), f"{done} von {total} Antworten eingebettet ({model})"))
    renewed = refresh_stale_centroids(process)
    assigned = assign_new_answers(process)
    return {"embedded": len(pending), "assigned": assigned, "centres_renewed": renewed, "model": model}


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
                            n_themes: int | None = None, user=None, progress=None,
                            preview: bool = False, pool=()) -> AnalysisRun:
    """Run an analysis right here, without a queue (command line, tests); the job record shows it all the same.

    Without `preview` the result is applied at once, under the same rules that protect planners' work.
    """
    from .. import jobs

    run = _new_run(process, questionnaire, n_themes, user, preview, pool)
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
