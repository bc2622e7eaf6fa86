"""The demo's partner survey: two waves a year apart and a key-person interview guide.

Wave 1 (closed, a year ago) had 28 partners; the Stadtteilkonferenz Lindenhof had only 3 of them and
"Anderes Gremium" 4, so both stay hidden (each below the minimum of 5, together 7: neither can be worked
out). Wave 2 (just closed) has 35 partners and every group shows. Every scale point of a statement is
chosen by none or by at least 5 partners, so each wave's overall mean is shown too. The Netzwerk Frühe
Hilfen rates the cooperation clearly better in wave 2; the Steuerungsgruppe a little worse on clear roles.
Partners give no free text here, so the residents' theme analysis stays as it is, and both waves are
closed, so the residents' list of open surveys stays as it is.
"""
from datetime import timedelta

from ..extensions import db
from ..models import utcnow
from ..surveys.answering import store_response
from ..surveys.builder import close_questionnaire, create_wave, open_questionnaire
from .waves import YEAR

STEERING, GROWING, EARLY = "Steuerungsgruppe Gesunde Stadt", "AG Gesund aufwachsen", "Netzwerk Frühe Hilfen"
LINDENHOF, OTHER = "Stadtteilkonferenz Lindenhof", None
# Per wave: committees in order of how well they rate the cooperation (best first), with their partners.
GROUPS = (
    [(STEERING, 7), (GROWING, 8), (OTHER, 4), (EARLY, 6), (LINDENHOF, 3)],
    [(EARLY, 7), (GROWING, 9), (STEERING, 8), (LINDENHOF, 6), (OTHER, 5)],
)
# Per wave and statement: how many partners chose each point (best first; each 0 or at least 5).
RATINGS = (
    {"partner_goals": {5: 6, 4: 10, 3: 7, 2: 5}, "partner_trust": {5: 5, 4: 9, 3: 9, 2: 5},
     "partner_roles": {4: 8, 3: 10, 2: 5, 1: 5}, "partner_benefit": {5: 7, 4: 11, 3: 10}},
    {"partner_goals": {5: 10, 4: 14, 3: 6, 2: 5}, "partner_trust": {5: 8, 4: 15, 3: 7, 2: 5},
     "partner_roles": {5: 5, 4: 12, 3: 12, 2: 6}, "partner_benefit": {5: 12, 4: 13, 3: 10}},
)
# Statements on which a group rates unlike its usual place (the Steuerungsgruppe's roles in wave 2).
ORDER_OVERRIDES = {(1, "partner_roles"): [EARLY, GROWING, LINDENHOF, OTHER, STEERING]}


def _answers(wave_index: int, codes: dict) -> list[dict]:
    """One answer dict per partner of a wave: committee option code and the four ratings."""
    groups = GROUPS[wave_index]
    people = [name for name, size in groups for _n in range(size)]
    answers = [{"partner_committee": codes[name]} for name in people]
    for statement, points in RATINGS[wave_index].items():
        ratings = [point for point, count in sorted(points.items(), reverse=True) for _n in range(count)]
        order = ORDER_OVERRIDES.get((wave_index, statement), [name for name, _size in groups])
        ranked = sorted(range(len(people)), key=lambda person: (order.index(people[person]), person))
        for rating, person in zip(ratings, ranked):
            answers[person][statement] = rating
    return answers


def load_partner_survey(process, planner) -> None:
    """The partner survey with its two waves and answers, and one key-person guide (committed)."""
    from ..cooperation.templates import OTHER_OPTION, create_key_person_guide, create_partner_survey

    first = create_partner_survey(process, user=planner)
    first.created_at = utcnow() - YEAR - timedelta(days=14)
    open_questionnaire(first, user=planner)
    committees = {option.label: option.code for option in first.question_by_code("partner_committee").options}
    codes = {name: committees[name] for name in (STEERING, GROWING, EARLY, LINDENHOF)} | {OTHER: OTHER_OPTION}
    db.session.commit()
    _store(first, _answers(0, codes), "demo-partner-1", YEAR)
    close_questionnaire(first, user=planner)
    second = create_wave(first, user=planner)
    open_questionnaire(second, user=planner)
    create_key_person_guide(process, user=planner)
    db.session.commit()
    _store(second, _answers(1, codes), "demo-partner-2", timedelta(0))
    close_questionnaire(second, user=planner)
    db.session.commit()


def _store(wave, answers: list[dict], prefix: str, age: timedelta) -> None:
    for number, values in enumerate(answers):
        response, _created = store_response(wave, values, submission_id=f"{prefix}-{number:03d}", consent=True)
        response.created_at = utcnow() - age - timedelta(days=number % 9, hours=number % 7)
    db.session.commit()
