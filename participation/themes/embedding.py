"""Free texts of a process and their sentence embeddings: collected once, stored per answer, computed in jobs.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import numpy as np
from flask import current_app
from sqlalchemy import func, or_

from ..cooperation.instruments import responses_of
from ..extensions import db
from ..jobs import enqueue
from ..models import (
    Answer,
    AnswerEmbedding,
    Job,
    Process,
    Question,
    Questionnaire,
    Response,
    utcnow,
)
from ..models.questionnaire import TEXT_KINDS
from ..models.themes import vector_to_bytes

log = logging.getLogger(__name__)


EMBED_BATCH_SIZE = 64

# ---------------------------------------------------------------------------------------------- texts

@dataclass
class TextItem:
    """One free-text answer to analyse: the original text and language; German translation for display."""
    answer_id: int
    text: str
    language: str
    translation_de: str | None = None
    question_id: int | None = None


def free_text_conditions(process_id: int, questionnaire_id: int | None = None, include_flagged: bool = False):
    """Free-text answers (incl. focus-group notes and quotes) of a process or one questionnaire, residents' only:
    partners' and key people's answers (cooperation instruments) are the cooperation check's, not themes."""
    conditions = [*responses_of(process_id), Question.kind.in_(TEXT_KINDS),
                  Answer.text_value.is_not(None), Answer.text_value != ""]
    if questionnaire_id is not None:
        conditions.append(Response.questionnaire_id == questionnaire_id)
    if not include_flagged:
        conditions.append(Answer.review_flag.is_(None))
    return conditions


def collect_texts(process: Process, questionnaire: Questionnaire | None = None) -> list[TextItem]:
    """The texts an analysis of the process (or one survey or guide) works on, flagged answers left out."""
    rows = db.session.execute(
        db.select(Answer.id, Answer.text_value, Answer.language, Response.language, Answer.translation_de,
                  Answer.question_id)
        .join(Response, Answer.response_id == Response.id).join(Question, Answer.question_id == Question.id)
        .where(*free_text_conditions(process.id, questionnaire.id if questionnaire else None))
        .order_by(Answer.id)).all()
    return [TextItem(answer_id, text, answer_language or response_language or "de", translation, question_id)
            for answer_id, text, answer_language, response_language, translation, question_id in rows]


# ---------------------------------------------------------------------------------------------- embeddings

def current_embedder():
    """The embedder of ANALYSIS_EMBEDDING_MODEL (default: the benchmark's choice), USE when it cannot load here."""
    from ..analysis.embed import get_embedder

    return get_embedder(current_app.config.get("ANALYSIS_EMBEDDING_MODEL") or None)


def current_model() -> str:
    """Id of the vector space analyses work in; vectors of any other model are treated as missing."""
    return current_embedder().model_id


def stored_vectors(answer_ids, model: str | None = None) -> dict[int, np.ndarray]:
    """Stored embeddings of the current model (or `model`), by answer id."""
    model = model or current_model()
    vectors = {}
    ids = list(answer_ids)
    for start in range(0, len(ids), 500):
        rows = db.session.execute(
            db.select(AnswerEmbedding.answer_id, AnswerEmbedding.vector)
            .where(AnswerEmbedding.answer_id.in_(ids[start:start + 500]), AnswerEmbedding.model == model)).all()
        vectors.update({answer_id: np.frombuffer(vector, dtype=np.float32) for answer_id, vector in rows})
    return vectors


def ensure_embeddings(items: list[TextItem], report=None) -> dict[int, np.ndarray]:
    """Embed the items that have no vector of the current model yet (in batches), store and commit them, return all.

    A vector of another model counts as missing and is replaced. Embeddings are a cache of the texts, not
    results: they are committed as soon as they exist, so a retried analysis does not compute them again.
    """
    from ..analysis import embed_texts

    embedder = current_embedder()
    vectors = stored_vectors((item.answer_id for item in items), embedder.model_id)
    missing = [item for item in items if item.answer_id not in vectors]
    for start in range(0, len(missing), EMBED_BATCH_SIZE):
        batch = missing[start:start + EMBED_BATCH_SIZE]
        matrix = embed_texts([item.text for item in batch], [item.language for item in batch], embedder=embedder)
        batch_vectors = {item.answer_id: np.asarray(vector, dtype=np.float32) for item, vector in zip(batch, matrix)}
        _store_vectors(batch_vectors, embedder.model_id)
        vectors.update(batch_vectors)
        if report:
            report(start + len(batch), len(missing))
    return vectors


def _store_vectors(vectors: dict[int, np.ndarray], model: str) -> None:
    """Upsert embeddings and commit; another job embedding the same answers at the same time is harmless."""
    rows = [{"answer_id": answer_id, "model": model, "vector": vector_to_bytes(vector),
             "created_at": utcnow()} for answer_id, vector in vectors.items()]
    dialect = db.engine.dialect.name
    if dialect in ("postgresql", "sqlite"):
        module = __import__(f"sqlalchemy.dialects.{dialect}", fromlist=["insert"])
        statement = module.insert(AnswerEmbedding).values(rows)
        db.session.execute(statement.on_conflict_do_update(
            index_elements=["answer_id"], set_={"model": statement.excluded.model,
                                                "vector": statement.excluded.vector,
                                                "created_at": statement.excluded.created_at}))
    else:
        for row in rows:
            db.session.merge(AnswerEmbedding(**row))
    db.session.commit()


def embedding_status(process_id: int) -> tuple[int, int]:
    """(answers whose vector is missing or of another model, free-text answers) of a process."""
    total, missing = db.session.execute(
        db.select(func.count(Answer.id),
                  func.count(Answer.id).filter(or_(AnswerEmbedding.answer_id.is_(None),
                                                   AnswerEmbedding.model != current_model())))
        .join(Response, Answer.response_id == Response.id).join(Question, Answer.question_id == Question.id)
        .outerjoin(AnswerEmbedding, AnswerEmbedding.answer_id == Answer.id)
        .where(*free_text_conditions(process_id))).one()
    return int(missing or 0), int(total or 0)


@dataclass
class EmbeddingProgress:
    """Answers of a process still without a vector of the current model, and the job embedding them."""
    missing: int
    total: int
    model: str
    job: Job | None


def embedding_progress(process_id: int) -> EmbeddingProgress | None:
    """What the themes page shows while answers are (re-)embedded, e.g. after the configured model changed.

    When nothing is queued for them yet, an embedding job is queued (at most one per process).
    """
    missing, total = embedding_status(process_id)
    if not missing:
        return None
    active = db.session.execute(
        db.select(Job).where(Job.kind == "themes.embed_pending", Job.process_id == process_id,
                             Job.status.in_(("queued", "running"))).order_by(Job.created_at.desc()).limit(1)
    ).scalar_one_or_none()
    if active is None and embed_on_submit_enabled():
        queue_embedding(process_id)
    return EmbeddingProgress(missing, total, current_model(), active)


def embed_on_submit_enabled() -> bool:
    return bool(current_app.config.get("ANALYSIS_EMBED_ON_SUBMIT", True))


def free_text_stored(process_id: int) -> None:
    """New free text in a process: make sure an embedding job will pick it up, never at the resident's cost.

    With ANALYSIS_EMBED_DELAY_SECONDS (default 10) the job is asked for once per delay and web process,
    after the delay: everything stored meanwhile is embedded by one job, and the request that stored the
    answer does no queue work at all. 0 asks right away (tests, command line). Answers whose request was
    lost with its process are picked up by `queue_pending_embeddings` (`flask jobs sweep`).
    """
    if not embed_on_submit_enabled():
        return
    delay = float(current_app.config.get("ANALYSIS_EMBED_DELAY_SECONDS", 0) or 0)
    if delay <= 0:
        queue_embedding(process_id)
        return
    app = current_app._get_current_object()
    scheduled = app.extensions.setdefault("embedding_timers", {})
    with _schedule_lock:
        if process_id in scheduled:
            return
        timer = scheduled[process_id] = threading.Timer(delay, queue_scheduled_embedding, args=(app, process_id))
    timer.daemon = True
    timer.start()


_schedule_lock = threading.Lock()


def queue_scheduled_embedding(app, process_id: int) -> None:
    """The delay is over: later answers ask again, and the job embeds everything stored until it runs."""
    with _schedule_lock:
        app.extensions.get("embedding_timers", {}).pop(process_id, None)
    with app.app_context():
        queue_embedding(process_id)


def cancel_scheduled_embeddings(app) -> None:
    """Stop waiting timers (shutdown, tests); the answers are picked up by the next sweep."""
    with _schedule_lock:
        timers = app.extensions.pop("embedding_timers", {})
    for timer in timers.values():
        timer.cancel()


def queue_embedding(process_id: int) -> None:
    """Queue embedding of a process's new free text; at most one queued embedding job per process.

    Never lets a problem reach the resident: their answers are already stored.
    """
    try:
        waiting = db.session.execute(
            db.select(Job.id).where(Job.kind == "themes.embed_pending", Job.status == "queued",
                                    Job.process_id == process_id).limit(1)).first()
        if waiting is None:
            enqueue("themes.embed_pending", process_id=process_id, process=process_id)
    except Exception:  # the answers are stored; embedding catches up with the next one or the sweep
        db.session.rollback()
        log.exception("could not queue embedding for process %s", process_id)


def processes_with_pending_embeddings() -> list[int]:
    """Processes with free-text answers that have no embedding of the current model yet (their web process died,
    or the configured model changed: then every answer is embedded again)."""
    rows = db.session.execute(
        db.select(Response.process_id).distinct()
        .join(Answer, Answer.response_id == Response.id).join(Question, Answer.question_id == Question.id)
        .outerjoin(AnswerEmbedding, AnswerEmbedding.answer_id == Answer.id)
        .where(Question.kind.in_(TEXT_KINDS), Answer.text_value.is_not(None), Answer.text_value != "",
               Answer.review_flag.is_(None),
               or_(AnswerEmbedding.answer_id.is_(None), AnswerEmbedding.model != current_model()))).scalars()
    return sorted(process_id for process_id in rows if embedding_status(process_id)[0])   # partners' never are


def queue_pending_embeddings() -> int:
    """Queue embedding for every process with unembedded free text; returns how many processes."""
    if not embed_on_submit_enabled():
        return 0
    processes = processes_with_pending_embeddings()
    for process_id in processes:
        queue_embedding(process_id)
    return len(processes)
