"""A process with answers, themes and a small strategy: 3 fields, 6 goals, 10 measures linked to themes."""
from datetime import date

import pytest

from participation.extensions import db
from participation.models import EvidenceLink, Goal, Indicator, Measure, StrategyField, Theme, ThemeAssignment
from participation.surveys.answering import store_response
from tests.conftest import login

SECRET_EMAIL = "mehmet.beispiel@example.net"
HIDDEN_DISTRICT = "Hafen"

THEMES = {
    "kita": ("Fehlende Kitaplätze", ["Kita", "Warteliste"], "Wir warten seit einem Jahr auf einen Kitaplatz."),
    "bus": ("Schlechte Busverbindungen", ["Bus", "Abends"], "Abends fährt kein Bus mehr in die Nordstadt."),
    "doctors": ("Lange Wartezeiten beim Kinderarzt", ["Kinderarzt", "Termin"],
                "Beim Kinderarzt bekommt man erst nach Wochen einen Termin."),
    "lonely": ("Einsamkeit im Alter", ["allein", "Treffpunkt"], "Seit mein Mann tot ist, bin ich viel allein."),
}

STRATEGY = [
    ("Gesund aufwachsen", [
        ("leitziel", "Alle Kinder haben einen Kitaplatz", [
            ("Kita-Ausbau Nordstadt", "Jugendamt", "kita"),
            ("Tagespflege stärken", "Jugendamt", "kita"),
        ]),
        ("handlungsziel", "Kinderärztliche Versorgung sichern", [
            ("Kinderarztpraxis im Stadtteilzentrum", "Gesundheitsamt", "doctors"),
            ("Sprechstunde mit Dolmetschung", "Gesundheitsamt", "doctors"),
        ]),
    ]),
    ("Mobilität im Quartier", [
        ("leitziel", "Alle Stadtteile sind abends erreichbar", [
            ("Abendlinie Nordstadt", "Stadtplanung", "bus"),
            ("Rufbus am Wochenende", "Stadtplanung", "bus"),
        ]),
        ("handlungsziel", "Sichere Wege zur Schule", [
            ("Schulwegplan", "Schulamt", None),
        ]),
    ]),
    ("Gemeinsam älter werden", [
        ("leitziel", "Niemand ist im Alter allein", [
            ("Nachbarschaftstreff", "Quartiersmanagement", "lonely"),
            ("Besuchsdienst mit Ehrenamtlichen", "Sozialamt", "lonely"),
        ]),
        ("handlungsziel", "Bewegung für Ältere", [
            ("Bewegungstreff im Park", "Sportverein TSV Nordstadt", "lonely"),
        ]),
    ]),
]


def _answer(survey, number, district, text, language="de", translation=None):
    response, _created = store_response(
        survey, {"district": district, "children": True, "childcare": "waiting", "topics": ["bus"],
                 "missing": text, "satisfaction": 3},
        submission_id=f"strategy-test-{number:04d}", language=language,
        translations_de={"missing": translation} if translation else None, consent=True)
    return next(a for a in response.answers if a.question.code == "missing")


@pytest.fixture
def strategy_process(survey):
    """Answers (a small hidden group in Hafen, an e-mail in a text), four themes and the strategy."""
    process = survey.process
    process.quotas = {"district": {"Nordstadt": 0.5, "Lindenhof": 0.3}}
    themes = {key: Theme(process_id=process.id, label=label, keywords=keywords, published=True, position=index)
              for index, (key, (label, keywords, _quote)) in enumerate(THEMES.items())}
    db.session.add_all(themes.values())
    db.session.flush()
    number = 0
    for key, (_label, _keywords, quote) in THEMES.items():
        for copy in range(6):
            text = quote if copy == 0 else f"{quote} ({copy})"
            answer = _answer(survey, number, "Nordstadt" if copy % 2 else "Lindenhof", text)
            db.session.add(ThemeAssignment(answer_id=answer.id, theme_id=themes[key].id, quote=copy == 0))
            number += 1
    secret = _answer(survey, number, HIDDEN_DISTRICT, f"Bitte schreiben Sie mir: {SECRET_EMAIL}, Kita fehlt.")
    db.session.add(ThemeAssignment(answer_id=secret.id, theme_id=themes["kita"].id, quote=True))
    arabic = _answer(survey, number + 1, HIDDEN_DISTRICT, "لا توجد حافلة في المساء", language="ar",
                     translation="Abends gibt es keinen Bus.")
    db.session.add(ThemeAssignment(answer_id=arabic.id, theme_id=themes["bus"].id, quote=True))
    _build_strategy(process, themes)
    db.session.commit()
    return process


def _build_strategy(process, themes) -> None:
    for field_position, (field_title, goals) in enumerate(STRATEGY):
        field = StrategyField(process_id=process.id, title=field_title, position=field_position)
        db.session.add(field)
        for goal_position, (level, goal_title, measures) in enumerate(goals):
            goal = Goal(process_id=process.id, field=field, level=level, title=goal_title, position=goal_position)
            db.session.add(goal)
            for measure_position, (measure_title, responsible, theme_key) in enumerate(measures):
                measure = Measure(process_id=process.id, goal=goal, title=measure_title, responsible=responsible,
                                  partners="AOK, Kitas", target_group="Familien mit Kindern", district="Nordstadt",
                                  starts_on=date(2026, 3, 1), ends_on=date(2027, 12, 31), status="planned",
                                  position=measure_position)
                measure.indicators.append(Indicator(process_id=process.id, name=f"Umsetzung {measure_title}",
                                                    baseline="0", target="100", unit="%", source=responsible))
                db.session.add(measure)
                db.session.flush()
                if theme_key:
                    db.session.add(EvidenceLink(process_id=process.id, theme_id=themes[theme_key].id,
                                                measure_id=measure.id))


def body_id(process, name: str) -> str:
    """The id (as posted by a form) of a body of the process's list, added when the list lacks it."""
    from participation.models import Body
    from participation.strategy.measures import bodies_of

    body = next((b for b in bodies_of(process) if b.name == name), None)
    if body is None:
        body = Body(process_id=process.id, name=name)
        db.session.add(body)
    db.session.commit()
    return str(body.id)


def strategy_base(process) -> str:
    return f"/planning/processes/{process.id}/strategy"


@pytest.fixture
def planner_client(client, make_user, strategy_process):
    """A planner of the strategy process, logged in."""
    login(client, make_user("planner", processes=[strategy_process]))
    return client
