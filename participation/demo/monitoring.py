"""The monitoring part of the demo: the strategy's name, a council decision, indicators with dated values
(most moving toward their target, one away from it) and the quality self-check of one measure."""
from datetime import date, timedelta

from ..extensions import db
from ..models import CouncilDecision, Goal, Indicator, IndicatorValue, Measure, QualityRating

STRATEGY_NAME = "Präventionskette"
HEALTH_REPORT = "Gesundheits- und Sozialbericht"
# (goal or measure title, indicator, baseline, target, unit, source, values from oldest to newest)
INDICATORS = [
    ("Jedes Kind hat einen Kitaplatz im eigenen Stadtteil", "Betreuungsquote der unter Dreijährigen in der Nordstadt",
     "28", "45", "%", "Jugendamt, Kita-Bedarfsplanung", (29.5, 33.0, 37.5)),
    ("Kostenloses Schulfrühstück", "Kinder ohne Frühstück bei der Schuleingangsuntersuchung", "18,5", "10", "%",
     "Gesundheitsamt, Schuleingangsuntersuchung", (17.8, 15.2, 13.9)),
    ("Ältere Menschen sind nicht allein", "Ältere, die sich oft einsam fühlen (Bürgerbefragung)", "24", "15", "%",
     HEALTH_REPORT, (23.0, 25.5, 27.0)),
    ("Abendbus Nordstadt", "Fahrgäste der Abendlinie pro Woche", "0", "1.500", "Fahrgäste",
     "Verkehrsbetriebe, Fahrgastzählung", (420.0, 880.0, 1150.0)),
]
QUALITY = {   # Kostenloses Schulfrühstück
    "concept": ("met", "Ziele, Zielgruppe und Ablauf sind im Konzept der Schulen beschrieben."),
    "target_group": ("met", "Vier Grundschulen mit dem höchsten Anteil an Kindern aus Familien mit wenig Geld."),
    "setting": ("met", "Findet in der Schule statt, wo alle Kinder erreicht werden."),
    "participation": ("partly", "Eltern- und Kinderbeirat wählen das Angebot mit aus; an zwei Schulen noch nicht."),
    "low_threshold": ("met", "Kostenlos, ohne Antrag, für alle Kinder der Klasse."),
    "documentation": ("partly", "Teilnahme wird gezählt; die Wirkung misst der Indikator der "
                                "Einschulungsuntersuchung."),
    "effects_costs": ("not", "Noch keine Auswertung der Kosten je erreichtem Kind."),
}


def load_monitoring(process) -> None:
    """Add the demo's monitoring data to the strategy that demo.outcomes built; the caller commits."""
    process.strategy_name = STRATEGY_NAME
    today = date.today()
    db.session.add(CouncilDecision(process_id=process.id, decided_on=today - timedelta(days=40), body="Stadtrat",
                                   document_number="DS 2026/0142",
                                   url="https://ratsinfo.beispielstadt.de/vo0050.asp?__kvonr=2026142",
                                   note="Beschluss der Präventionskette mit den Maßnahmen für 2026 bis 2028"))
    goals = {goal.title: goal for goal in db.session.scalars(db.select(Goal).filter_by(process_id=process.id))}
    measures = {m.title: m for m in db.session.scalars(db.select(Measure).filter_by(process_id=process.id))}
    dates = (today - timedelta(days=730), today - timedelta(days=365), today - timedelta(days=30))
    for owner, name, baseline, target, unit, source, values in INDICATORS:
        parent = {"goal_id": goals[owner].id} if owner in goals else {"measure_id": measures[owner].id}
        indicator = Indicator(process_id=process.id, name=name, baseline=baseline, target=target, unit=unit,
                              source=source, **parent)
        db.session.add(indicator)
        for day, value in zip(dates, values):
            indicator.values.append(IndicatorValue(process_id=process.id, measured_on=day, value=value,
                                                   source=source))
    breakfast = measures["Kostenloses Schulfrühstück"]
    for key, (rating, note) in QUALITY.items():
        db.session.add(QualityRating(process_id=process.id, measure_id=breakfast.id, criterion=key, rating=rating,
                                     note=note))
