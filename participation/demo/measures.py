"""How the demo's measures are run: leads (one tandem), life stages, budgets, funders, one evaluation.

It shows both cases the funding overview flags: the school breakfast is paid in 2026 by two funders
(double funding to check) and the health kiosk's funding ends in 2027 with no plan for afterwards (gap)."""
from datetime import date, timedelta

from ..models import MeasureBudget, MeasureContribution, MeasureFunding, MeasureStatusChange
from ..strategy.measures import bodies_of, life_stages_of, set_links

GKV = "GKV nach § 20a SGB V"
# title: (district, leads, partners, life stages, days in status, budget rows, own contributions, funding
#         periods, Verstetigung, evaluation (result, days ago, note) or None)
RUNNING = {
    "Kita-Ausbau Nordstadt": (
        "Nordstadt", ["Jugendamt"], ["Kitas und Schulen"], ["Kita"], 200,
        [(2026, 120000, "Land"), (2027, 150000, "Land")],
        [("rooms", "Räume im Familienzentrum Nordstadt", 12000), ("staff", "200 Stunden Fachberatung Kita", 9000)],
        [("Land", date(2026, 1, 1), date(2027, 12, 31))],
        "Ab 2028 trägt das Jugendamt die Betriebskosten im Regelhaushalt.", None),
    "Randzeitenbetreuung für Schichtarbeitende": (
        "Am Hafen", ["Jugendamt"], ["Wohlfahrtsverband"], ["Kita", "Schule"], 90,
        [(2027, 40000, "")], [], [], "", None),
    "Kostenloses Schulfrühstück": (
        "Nordstadt", ["Schulamt", "Gesundheitsamt"], ["Wohlfahrtsverband", "Krankenkassen"], ["Schule"], 300,
        [(2026, 30000, GKV), (2026, 20000, "Stiftung"), (2027, 30000, GKV)],
        [("staff", "Koordination, 4 Stunden pro Woche", 6000)],
        [(GKV, date(2026, 1, 1), date(2027, 12, 31)), ("Stiftung", date(2026, 1, 1), date(2026, 12, 31))],
        "Ab 2028 teilen sich Stadt und Förderverein der Schulen die Kosten.",
        ("partly", 40, "Mehr Kinder frühstücken, aber an zwei von fünf Schulen kommt das Angebot kaum an.")),
    "Nachbarschaftstreff Lindenhof": (
        "Lindenhof", ["Quartiersmanagement"], ["Selbsthilfe", "Sozialamt"], ["Erwachsene", "Alter"], 120,
        [(2025, 25000, "Kommune")], [("rooms", "Gemeinschaftsraum der Wohnungsbaugesellschaft", None)],
        [("Kommune", date(2025, 1, 1), date(2025, 12, 31))], "Läuft ehrenamtlich weiter.", None),
    "Besuchsdienst mit Ehrenamtlichen": (
        "Eichberg", ["Freiwilligenagentur"], ["Sozialamt", "Selbsthilfe"], ["Alter"], 60, [], [], [], "", None),
    "Gesundheitskiosk im Quartier": (
        "Nordstadt", ["Gesundheitsamt"], ["Ärzteschaft", "Krankenkassen"],
        ["Erwachsene", "Übergang in den Ruhestand", "Alter"], 30,
        [(2026, 60000, GKV), (2027, 60000, GKV)], [("staff", "Halbe Stelle Gesundheitsfachkraft", 30000)],
        [(GKV, date(2026, 1, 1), date(2027, 12, 31))], "", None),
    "Abendbus Nordstadt": (
        "Nordstadt", ["Stadtplanung"], ["Umweltamt"], ["Schule", "Erwachsene"], 150,
        [(2026, 80000, "")], [], [], "", None),
}


def load_running_measures(process, measures: dict) -> None:
    """Fill in the running details of the demo's measures (by title); the caller commits."""
    bodies = bodies_of(process)
    stages = life_stages_of(process)
    body_ids = {body.name: body.id for body in bodies}
    stage_ids = {stage.name: stage.id for stage in stages}
    today = date.today()
    for title, (district, leads, partners, life_stages, days, budget, own, periods, continuation,
                evaluation) in RUNNING.items():
        measure = measures[title]
        measure.district = district
        set_links(measure, [body_ids[name] for name in leads], [body_ids[name] for name in partners],
                  [stage_ids[name] for name in life_stages], bodies, stages)
        measure.status_changes.append(MeasureStatusChange(status=measure.status, since=today - timedelta(days)))
        measure.budget_lines = [MeasureBudget(year=year, amount=amount, funder=funder)
                                for year, amount, funder in budget]
        measure.contributions = [MeasureContribution(kind=kind, description=text, value=value)
                                 for kind, text, value in own]
        measure.fundings = [MeasureFunding(funder=funder, starts_on=start, ends_on=end)
                            for funder, start, end in periods]
        measure.continuation = continuation
        if evaluation:
            measure.evaluation_result, days_ago, measure.evaluation_note = evaluation
            measure.evaluated_on = today - timedelta(days_ago)
