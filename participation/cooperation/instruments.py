"""The cooperation check's own instruments: the partner survey with all its waves, and the interview guides
for key people (with any waves of them).

Their answers come from partners and key people of the cooperation, not from residents. They are ordinary
responses of the process, so every figure about residents (reach dashboard, totals, public results,
exports, theme analysis) selects responses through `responses_of`, and lists of questionnaires for
residents through `resident_questionnaires`. Deliberately light (models only): reach, themes and exports
import it.
"""
from __future__ import annotations

from ..extensions import db
from ..models import CooperationQuestionnaire, Questionnaire, Response


def instrument_ids(process_id: int) -> set[int]:
    """Ids of the process's partner survey, key-person guides and every later wave of them (questionnaires
    whose previous_wave chain leads to a marked one)."""
    ids = set(db.session.execute(db.select(CooperationQuestionnaire.questionnaire_id)
                                 .where(CooperationQuestionnaire.process_id == process_id)).scalars())
    if not ids:
        return ids
    links = db.session.execute(db.select(Questionnaire.id, Questionnaire.previous_wave_id)
                               .where(Questionnaire.process_id == process_id,
                                      Questionnaire.previous_wave_id.is_not(None))).all()
    grown = True
    while grown:
        grown = False
        for questionnaire_id, previous_id in links:
            if previous_id in ids and questionnaire_id not in ids:
                ids.add(questionnaire_id)
                grown = True
    return ids


def responses_of(process_id: int, questionnaire_id: int | None = None) -> list:
    """WHERE conditions on Response for figures about a process: the residents' responses, the cooperation
    instruments' left out. With questionnaire_id of an instrument, the instruments' responses instead, so a
    partner wave's own figures are counted and protected among partners, never together with residents."""
    conditions = [Response.process_id == process_id]
    ids = instrument_ids(process_id)
    if ids:
        conditions.append(Response.questionnaire_id.in_(ids) if questionnaire_id in ids
                          else Response.questionnaire_id.not_in(ids))
    return conditions


def resident_questionnaires(process, kind: str | None = None) -> list[Questionnaire]:
    """The process's questionnaires (or only surveys/guides) without the cooperation instruments."""
    ids = instrument_ids(process.id)
    return [questionnaire for questionnaire in process.questionnaires
            if questionnaire.id not in ids and (kind is None or questionnaire.kind == kind)]
