"""The second half of the demo: the themes the planners found and published, the measures of the strategy,
and what was decided about each theme and why — so a newcomer sees the whole loop at once.

The themes are the demo's own human coding of the answers (the reference of `content`), recorded as an
analysis run of its own; that is deterministic, so every decision below meets its theme. A planner can
run the real analysis over it later: reruns keep published themes and their ids where they find them.
German texts here; their translations live in translations.json like the rest of the demo.
"""
from collections import Counter
from datetime import date, timedelta

from ..extensions import db
from ..models import (
    AnalysisRun,
    Answer,
    DecisionMeasure,
    EvidenceLink,
    Goal,
    Measure,
    OutcomePublication,
    ParticipationRules,
    Response,
    StrategyField,
    Theme,
    ThemeAssignment,
    ThemeDecision,
    utcnow,
)
from . import content
from .cooperation import load_cooperation
from .measures import load_running_measures

RULES = {
    "stage": "involvement",
    "residents_decide": "Bei dieser Umfrage entscheiden Sie nicht selbst. Ihre Antworten sind ein Rat an die Stadt.",
    "residents_advise": "Was in Ihrem Alltag fehlt, was hilft und was Sie selbst beitragen können. Daraus "
                        "entstehen die Themen der Strategie.",
    "decided_by": "Die Steuerungsgruppe „Gesunde Stadt“ schlägt vor, der Stadtrat entscheidet.",
    "timeline": "Umfrage bis März 2027, Vorschläge der Steuerungsgruppe im Juni 2027, Beschluss des Stadtrats "
                "im September 2027.",
    "contact": "Koordinierungsstelle Gesunde Stadt, Rathaus Auenstadt, Zimmer 114, Telefon 0123 456-789",
}
STEERING = "Steuerungsgruppe „Gesunde Stadt“"
COUNCIL = "Stadtrat Auenstadt"

# (field, goal, [(measure, responsible, status)])
STRATEGY = [
    ("Gesund aufwachsen", "Jedes Kind hat einen Kitaplatz im eigenen Stadtteil", [
        ("Kita-Ausbau Nordstadt", "Jugendamt", "in_progress"),
        ("Randzeitenbetreuung für Schichtarbeitende", "Jugendamt", "planned")]),
    ("Gesund aufwachsen", "Kein Kind geht hungrig zur Schule", [
        ("Kostenloses Schulfrühstück", "Schulamt", "in_progress")]),
    ("Gesundheit und Teilhabe", "Ältere Menschen sind nicht allein", [
        ("Nachbarschaftstreff Lindenhof", "Quartiersmanagement", "done"),
        ("Besuchsdienst mit Ehrenamtlichen", "Freiwilligenagentur", "planned")]),
    ("Gesundheit und Teilhabe", "Ärztliche Versorgung in jedem Stadtteil", [
        ("Gesundheitskiosk im Quartier", "Gesundheitsamt", "planned")]),
    ("Wohnen und Mobilität", "Abends sicher nach Hause", [
        ("Abendbus Nordstadt", "Stadtplanung", "in_progress")]),
]

# theme key: (status, reason, deciding body, days ago, measures)
DECISIONS = {
    "childcare": ("adopted", "Fehlende Kitaplätze waren eines der häufigsten Themen. Die Stadt baut in der Nordstadt "
                  "eine neue Kita und prüft längere Öffnungszeiten.", COUNCIL, 40,
                  ["Kita-Ausbau Nordstadt", "Randzeitenbetreuung für Schichtarbeitende"]),
    "child_poverty": ("adopted", "Viele Eltern haben geschrieben, dass Kinder ohne Frühstück in die Schule kommen. "
                      "Ab dem neuen Schuljahr gibt es an vier Grundschulen ein kostenloses Frühstück.", COUNCIL, 40,
                      ["Kostenloses Schulfrühstück"]),
    "loneliness": ("partly_adopted", "Einen Treffpunkt für ältere Menschen gibt es jetzt im Lindenhof. Einen "
                   "Fahrdienst kann die Stadt nicht bezahlen; stattdessen wird ein Besuchsdienst mit "
                   "Ehrenamtlichen aufgebaut.", STEERING, 55,
                   ["Nachbarschaftstreff Lindenhof", "Besuchsdienst mit Ehrenamtlichen"]),
    "bus": ("adopted", "Ab dem Fahrplanwechsel fährt ein Abendbus in die Nordstadt, montags bis samstags bis "
            "23 Uhr.", COUNCIL, 40, ["Abendbus Nordstadt"]),
    "doctors": ("under_review", "Die Stadt spricht mit der Kassenärztlichen Vereinigung über eine Praxis in der "
                "Nordstadt. Bis dahin plant das Gesundheitsamt einen Gesundheitskiosk.", STEERING, 20,
                ["Gesundheitskiosk im Quartier"]),
    "heat_green": ("postponed", "Das Geld für neue Bäume und Schattenplätze ist für 2027 schon verplant. Die "
                   "Steuerungsgruppe nimmt das Thema 2028 wieder auf.", STEERING, 55, []),
    "housing": ("not_implemented", "Mieten und Wohnungsbau kann diese Strategie nicht ändern. Die Stadt hat das "
                "Thema an den Ausschuss für Stadtentwicklung weitergegeben.", STEERING, 55, []),
}
PUBLISHED_THEMES = list(DECISIONS)


def _translate(target, field: str, german: str) -> None:
    for language, text in content.MORE_TRANSLATIONS.get(german, {}).items():
        target.set_text(field, language, text)


def load_outcomes(process, planner) -> None:
    """Themes, strategy, rules and published decisions of the demo process; the caller commits."""
    themes = _themes(process, planner)
    measures = _strategy(process, themes)
    load_running_measures(process, measures)
    load_cooperation(process, measures)
    rules = ParticipationRules(process_id=process.id, stage=RULES["stage"], i18n={})
    for name in ParticipationRules.TRANSLATABLE_FIELDS:
        setattr(rules, name, RULES[name])
        _translate(rules, name, RULES[name])
    db.session.add(rules)
    now = utcnow()
    for key, (status, reason, body, days_ago, measure_titles) in DECISIONS.items():
        decision = ThemeDecision(process_id=process.id, theme_id=themes[key].id, status=status, reason=reason,
                                 decided_by=body, decided_on=date.today() - timedelta(days=days_ago), i18n={},
                                 published=True, published_at=now)
        decision.theme = themes[key]
        for field, german in (("reason", reason), ("decided_by", body), ("theme_label", themes[key].label)):
            _translate(decision, field, german)
        decision.measure_links = [DecisionMeasure(measure=measures[title]) for title in measure_titles]
        db.session.add(decision)
    db.session.add(OutcomePublication(process_id=process.id, round=1, decision_count=len(DECISIONS),
                                      published_at=now))
    from .monitoring import load_monitoring
    load_monitoring(process)


def _themes(process, planner) -> dict[str, Theme]:
    """The human coding of "where is support missing" as an analysis run with published themes."""
    coded = {entry["text"]: entry["theme"] for entry in content.free_text_pool()
             if entry["question"] == "support_missing" and entry["theme"] != "none"}
    answers = db.session.execute(db.select(Answer).join(Response).where(
        Response.process_id == process.id, Answer.text_value.in_(list(coded))).order_by(Answer.id)).scalars().all()
    sizes = Counter(coded[answer.text_value] for answer in answers)
    run = AnalysisRun(process_id=process.id, status="done", text_count=len(answers), theme_count=len(sizes),
                      params={"source": "demo_coding"}, created_by_id=planner.id, finished_at=utcnow())
    db.session.add(run)
    db.session.flush()
    themes = {}
    for position, (key, _size) in enumerate(sorted(sizes.items(), key=lambda item: (-item[1], item[0]))):
        themes[key] = Theme(process_id=process.id, analysis_run_id=run.id, label=content.THEME_LABELS[key],
                            auto_label=content.THEME_LABELS[key], position=position,
                            published=key in PUBLISHED_THEMES)
    db.session.add_all(themes.values())
    db.session.flush()
    quotes: Counter = Counter()
    for answer in answers:
        key = coded[answer.text_value]
        quotes[key] += 1
        db.session.add(ThemeAssignment(answer_id=answer.id, theme_id=themes[key].id, source="analysis",
                                       quote=quotes[key] <= 2))
    return themes


def _strategy(process, themes) -> dict[str, Measure]:
    fields, measures = {}, {}
    by_measure = {title: key for key, decision in DECISIONS.items() for title in decision[4]}
    for position, (field_title, goal_title, items) in enumerate(STRATEGY):
        if field_title not in fields:
            fields[field_title] = StrategyField(process_id=process.id, title=field_title, position=len(fields))
            db.session.add(fields[field_title])
            db.session.flush()
        goal = Goal(process_id=process.id, field_id=fields[field_title].id, title=goal_title, position=position)
        db.session.add(goal)
        db.session.flush()
        for index, (title, responsible, status) in enumerate(items):
            measure = Measure(process_id=process.id, goal_id=goal.id, title=title, responsible=responsible,
                              status=status, position=index, i18n={})
            _translate(measure, "title", title)
            db.session.add(measure)
            db.session.flush()
            measures[title] = measure
            if title in by_measure:
                db.session.add(EvidenceLink(process_id=process.id, theme_id=themes[by_measure[title]].id,
                                            measure_id=measure.id))
    return measures
