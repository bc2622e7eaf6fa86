"""A survey's structure as residents see it: loaded once per version, shared by every request of a web process.

The residents' pages need the same structure on every request (survey texts and dates, the process's
districts, sections, questions, options, conditions). It is loaded with all relationships into objects
that no session owns, so a commit never expires them and no page lazy-loads them row by row. A request
reads only the survey's `structure_version` (one indexed row) to know whether its cached copy is current.

Every ORM change of a questionnaire, its sections, questions or options, or its process gives the
questionnaire a new version in the same transaction (the flush hook below), so every web process reloads
after a planner's edit. The cached objects are read-only: never add them to a session or change them
(store answers by `question_id`, not by attaching these objects).
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from flask import current_app
from sqlalchemy import event, or_, select, update
from sqlalchemy.orm import Session, selectinload

from ..extensions import db
from ..models import Option, Process, Question, Questionnaire, Section, Survey
from ..models.questionnaire import new_structure_version

CACHED_SURVEYS = 64
_lock = threading.Lock()


def survey_for_residents(code: str) -> Survey | None:
    """The survey with this short code and its whole structure, from the cache while its version is current."""
    row = db.session.execute(select(Questionnaire.id, Questionnaire.structure_version)
                             .where(Questionnaire.short_code == code, Questionnaire.kind == "survey")).first()
    return structure(row.id, row.structure_version) if row is not None else None


def structure(survey_id: int, version: str) -> Survey | None:
    """The cached structure of this survey version, loaded now if this web process has not seen it yet."""
    cache = _cache()
    with _lock:
        survey = cache.get((survey_id, version))
        if survey is not None:
            cache.move_to_end((survey_id, version))
            return survey
    survey = _load_detached(survey_id)
    if survey is not None:
        with _lock:
            for outdated in [key for key in cache if key[0] == survey.id]:
                del cache[outdated]
            cache[(survey.id, survey.structure_version)] = survey
            while len(cache) > CACHED_SURVEYS:
                cache.popitem(last=False)
    return survey


def _cache() -> OrderedDict:
    return current_app.extensions.setdefault("survey_structures", OrderedDict())


def _load_detached(survey_id: int) -> Survey | None:
    """Load the structure in a session of its own and close it, so the objects belong to no request."""
    with Session(db.engine, expire_on_commit=False) as session:
        survey = session.execute(select(Survey).where(Survey.id == survey_id).options(
            selectinload(Survey.process),
            selectinload(Survey.sections).selectinload(Section.questions).selectinload(Question.options),
            selectinload(Survey.sections).selectinload(Section.questions).selectinload(Question.condition_question),
        )).scalar_one_or_none()
        if survey is None:
            return None
        _load_back_references(survey)
    return survey


def _load_back_references(survey: Survey) -> None:
    """Templates walk upwards too (question → section → survey → process): fill those references from the
    identity map now, while the session is open (no SQL), so the detached objects never need a lazy load."""
    for section in survey.sections:
        section.questionnaire.process
        for question in section.questions:
            question.section
            for option in question.options:
                option.question


# ---------------------------------------------------------------------------------------------- versions

def _changed_structure(session: Session) -> tuple[set, set, set, set]:
    """Ids of the questionnaires, processes, sections and questions whose structure this flush changes."""
    questionnaires, processes, sections, questions = set(), set(), set(), set()
    changed = [item for item in session.dirty if session.is_modified(item, include_collections=False)]
    for item in (*session.new, *changed, *session.deleted):
        if isinstance(item, Questionnaire):
            questionnaires.add(item.id)
        elif isinstance(item, Process) and item not in session.new:
            processes.add(item.id)
        elif isinstance(item, Section):
            questionnaires.add(item.questionnaire_id if item.questionnaire_id is not None
                               else getattr(item.questionnaire, "id", None))
        elif isinstance(item, Question):
            sections.add(item.section_id if item.section_id is not None else getattr(item.section, "id", None))
        elif isinstance(item, Option):
            questions.add(item.question_id if item.question_id is not None else getattr(item.question, "id", None))
    return ({i for i in questionnaires if i is not None}, {i for i in processes if i is not None},
            {i for i in sections if i is not None}, {i for i in questions if i is not None})


@event.listens_for(Session, "after_flush")
def bump_structure_versions(session: Session, _context) -> None:
    """Give every questionnaire whose structure changed in this flush a new version (same transaction)."""
    questionnaires, processes, sections, questions = _changed_structure(session)
    if not (questionnaires or processes or sections or questions):
        return
    table = Questionnaire.__table__
    section_table, question_table = Section.__table__, Question.__table__
    conditions = []
    if questionnaires:
        conditions.append(table.c.id.in_(questionnaires))
    if processes:
        conditions.append(table.c.process_id.in_(processes))
    if sections:
        conditions.append(table.c.id.in_(select(section_table.c.questionnaire_id)
                                         .where(section_table.c.id.in_(sections))))
    if questions:
        conditions.append(table.c.id.in_(
            select(section_table.c.questionnaire_id).join(question_table, question_table.c.section_id
                                                          == section_table.c.id)
            .where(question_table.c.id.in_(questions))))
    session.connection().execute(update(table).where(or_(*conditions))
                                 .values(structure_version=new_structure_version()))
