"""Cooperation in the demo: 25 actors, 4 committees over two years, 8 meetings with attendance, decisions
and tasks. It shows what the network page flags: the working group and the Frühe-Hilfen network on
"Gesund aufwachsen" share three actors (overlap), no actor from Am Hafen sits at any table although its
residents' themes are published (missing), the housing company left, one task is overdue, and the working
group's cooperation agreement was due for review two weeks ago (the reminder on the process overview)."""
from datetime import date, timedelta

from ..extensions import db
from ..models import (
    ActorContact,
    ActorProfile,
    AgreementPartner,
    Body,
    Committee,
    CommitteeMembership,
    CooperationAgreement,
    Meeting,
    MeetingDecision,
    MeetingTask,
    StrategyField,
)
from ..strategy.measures import bodies_of

GROWING, HEALTH, HOUSING = "Gesund aufwachsen", "Gesundheit und Teilhabe", "Wohnen und Mobilität"
# name: (kind, districts, fields, resources, interests)
ACTORS = {
    "Gesundheitsamt": ("department", ["Altstadt", "Nordstadt"], [GROWING, HEALTH],
                       "Koordinationsstelle, 20 Stunden pro Woche", "Gesundheitsberichterstattung verbessern"),
    "Jugendamt": ("department", ["Nordstadt", "Lindenhof"], [GROWING], "Fachberatung Kita", "Kitaplätze sichern"),
    "Sozialamt": ("department", ["Lindenhof", "Eichberg"], [HEALTH], "Mittel für Besuchsdienste", ""),
    "Schulamt": ("department", ["Nordstadt"], [GROWING], "Räume in Schulen am Nachmittag", ""),
    "Umweltamt": ("department", [], [HOUSING], "", "Lärm und Hitze im Quartier"),
    "Sportamt": ("department", [], [HEALTH], "Hallenzeiten", ""),
    "Stadtplanung": ("department", ["Nordstadt"], [HOUSING], "Planungsmittel", "Abendbus"),
    "Wirtschaftsförderung": ("department", [], [], "", "Fachkräfte im Quartier halten"),
    "Quartiersmanagement": ("welfare", ["Lindenhof", "Nordstadt"], [HEALTH, HOUSING],
                            "Stadtteilbüro, Zugang zu Nachbarschaftsgruppen", "Verstetigung nach der Förderung"),
    "Jobcenter": ("department", [], [], "", ""),
    "Kitas und Schulen": ("school", ["Nordstadt", "Lindenhof"], [GROWING], "Zugang zu Eltern", "Entlastung"),
    "Wohlfahrtsverband": ("welfare", ["Eichberg", "Altstadt"], [GROWING, HEALTH], "Beratungsstellen",
                          "Refinanzierung der Beratung"),
    "Sportverein": ("club", ["Lindenhof"], [HEALTH], "Übungsleitungen", "Mitglieder gewinnen"),
    "Selbsthilfe": ("initiative", ["Altstadt"], [HEALTH], "Gruppenräume", ""),
    "Migrantenselbstorganisation": ("migrant_org", ["Nordstadt"], [GROWING], "Sprachmittlung, Zugang zu Familien",
                                    "Anerkennung als Partner"),
    "Freiwilligenagentur": ("initiative", ["Eichberg"], [HEALTH], "Ehrenamtliche", ""),
    "Ärzteschaft": ("health", ["Altstadt"], [HEALTH], "", "Weniger Bürokratie"),
    "Krankenkassen": ("health_insurer", [], [GROWING, HEALTH], "Mittel nach § 20a SGB V", "Wirksamkeit belegen"),
    "Wohnungsbaugesellschaft": ("housing", ["Lindenhof"], [HOUSING], "Gemeinschaftsraum", "Ruhe im Quartier"),
    "Familienzentrum Nordstadt": ("kita", ["Nordstadt"], [GROWING], "Elterncafé", ""),
    "Grundschule Eichberg": ("school", ["Eichberg"], [GROWING], "Schulhof am Nachmittag", ""),
    "Türkisch-Deutscher Elternverein": ("migrant_org", ["Nordstadt", "Altstadt"], [GROWING], "Elternlotsen", ""),
    "Hebammenzentrale": ("health", ["Altstadt"], [GROWING], "Hausbesuche", "Mehr Hebammen"),
    "Seniorenbeirat": ("initiative", ["Eichberg", "Lindenhof"], [HEALTH], "", "Barrierefreie Wege"),
    "Stadtwerke Mobilität": ("business", ["Altstadt"], [HOUSING], "Fahrplandaten", "Auslastung"),
}
# name: (kind, field, purpose, days ago founded, members: (actor, days ago from, days ago to or None, role))
COMMITTEES = {
    "Steuerungsgruppe Gesunde Stadt": ("steering", None, "Steuert die integrierte Strategie und entscheidet über Prioritäten.", 720, [
        ("Gesundheitsamt", 720, None, "Vorsitz"), ("Jugendamt", 720, None, ""), ("Sozialamt", 720, None, ""),
        ("Quartiersmanagement", 720, None, ""), ("Krankenkassen", 720, None, ""),
        ("Wohlfahrtsverband", 600, None, "")]),
    "AG Gesund aufwachsen": ("working_group", GROWING, "Plant die Maßnahmen rund um Kita, Schule und Familie.", 700, [
        ("Jugendamt", 700, None, "Sprecherin"), ("Kitas und Schulen", 700, None, ""),
        ("Gesundheitsamt", 700, None, ""), ("Migrantenselbstorganisation", 500, None, ""),
        ("Schulamt", 700, None, ""), ("Wohnungsbaugesellschaft", 700, 300, "")]),
    "Netzwerk Frühe Hilfen": ("network", GROWING, "Austausch der Fachkräfte rund um die Geburt.", 400, [
        ("Jugendamt", 400, None, "Koordination"), ("Gesundheitsamt", 400, None, ""),
        ("Kitas und Schulen", 400, None, ""), ("Hebammenzentrale", 400, None, ""),
        ("Familienzentrum Nordstadt", 350, None, ""), ("Türkisch-Deutscher Elternverein", 200, None, "")]),
    "Stadtteilkonferenz Lindenhof": ("conference", HEALTH, "Jährliche Konferenz aller Einrichtungen im Lindenhof.", 500, [
        ("Quartiersmanagement", 500, None, "Moderation"), ("Sportverein", 500, None, ""),
        ("Seniorenbeirat", 500, None, ""), ("Freiwilligenagentur", 400, None, ""),
        ("Selbsthilfe", 500, None, "")]),
}
# committee: (days ago, attendees, decisions (text, public, field), tasks (text, actor, due in days, done))
MEETINGS = [
    ("Steuerungsgruppe Gesunde Stadt", 690, ["Gesundheitsamt", "Jugendamt", "Sozialamt", "Quartiersmanagement",
                                             "Krankenkassen"],
     [("Die Steuerungsgruppe trifft sich viermal im Jahr.", False, None)],
     [("Geschäftsordnung entwerfen", "Gesundheitsamt", -660, True)]),
    ("AG Gesund aufwachsen", 650, ["Jugendamt", "Kitas und Schulen", "Gesundheitsamt", "Schulamt",
                                   "Wohnungsbaugesellschaft"],
     [("Die AG schlägt den Kita-Ausbau in der Nordstadt als erste Maßnahme vor.", True, GROWING)],
     [("Bedarf an Kitaplätzen je Stadtteil zusammenstellen", "Jugendamt", -600, True)]),
    ("Stadtteilkonferenz Lindenhof", 480, ["Quartiersmanagement", "Sportverein", "Seniorenbeirat", "Selbsthilfe",
                                          "Sozialamt"],
     [("Der Nachbarschaftstreff soll im Gemeinschaftsraum starten.", True, HEALTH)],
     [("Gemeinschaftsraum für dienstags anfragen", "Quartiersmanagement", -450, True)]),
    ("Steuerungsgruppe Gesunde Stadt", 360, ["Gesundheitsamt", "Jugendamt", "Quartiersmanagement", "Krankenkassen",
                                             "Wohlfahrtsverband"],
     [("Die Strategie wird dem Rat zur Beschlussfassung vorgelegt.", True, None)], []),
    ("Netzwerk Frühe Hilfen", 300, ["Jugendamt", "Gesundheitsamt", "Kitas und Schulen", "Hebammenzentrale",
                                    "Familienzentrum Nordstadt"],
     [("Ein gemeinsamer Flyer in fünf Sprachen wird erstellt.", False, GROWING)],
     [("Flyer übersetzen lassen", "Familienzentrum Nordstadt", -250, True)]),
    ("AG Gesund aufwachsen", 200, ["Jugendamt", "Kitas und Schulen", "Gesundheitsamt",
                                   "Migrantenselbstorganisation", "Hebammenzentrale"],
     [("Die Randzeitenbetreuung wird für 2027 beantragt.", True, GROWING)],
     [("Antrag Randzeitenbetreuung schreiben", "Jugendamt", -20, False)]),
    ("Netzwerk Frühe Hilfen", 90, ["Jugendamt", "Gesundheitsamt", "Kitas und Schulen", "Hebammenzentrale",
                                   "Türkisch-Deutscher Elternverein"],
     [("Elternlotsen begleiten Familien zur U-Untersuchung.", False, GROWING)],
     [("Elternlotsen schulen", "Türkisch-Deutscher Elternverein", 30, False)]),
    ("Steuerungsgruppe Gesunde Stadt", 30, ["Gesundheitsamt", "Jugendamt", "Sozialamt", "Quartiersmanagement",
                                            "Krankenkassen", "Wohlfahrtsverband"],
     [("Der Gesundheitskiosk wird bis Ende 2027 fortgeführt.", True, HEALTH)],
     [("Zwischenbericht für den Rat vorbereiten", "Gesundheitsamt", 60, False)]),
]
# committee, title, (from, to, review) in days relative to today, notes, partners: (actor, role, goal, contribution)
AGREEMENT = ("AG Gesund aufwachsen", "Gesund aufwachsen in der Nordstadt", (-400, 330, -14),
             "Jährliche Überprüfung in der AG; Grundlage für den Antrag auf Randzeitenbetreuung.", [
                 ("Jugendamt", "Leitung der AG", "Kitaplätze in der Nordstadt sichern",
                  "Fachberatung Kita, Koordination der AG"),
                 ("Gesundheitsamt", "Fachliche Begleitung", "Früherkennung verbessern",
                  "Daten der Schuleingangsuntersuchung, 5 Stunden pro Woche"),
                 ("Kitas und Schulen", "Umsetzung vor Ort", "Eltern früher erreichen",
                  "Räume am Nachmittag, Zugang zu Eltern"),
                 ("Migrantenselbstorganisation", "Brücke zu Familien", "Familien mit wenig Deutsch erreichen",
                  "Sprachmittlung in drei Sprachen")])
CONTACTS = {"Gesundheitsamt": [("Leitung Gesundheitsplanung", "Dr. Anna Beispiel", 700), ("Koordination", "", 0)],
            "Jugendamt": [("Fachdienstleitung Kita", "", 0)]}


def _bodies(process) -> dict[str, Body]:
    bodies = {body.name: body for body in bodies_of(process)}
    for name in ACTORS:
        if name not in bodies:
            bodies[name] = Body(process_id=process.id, name=name, kind="other", position=len(bodies))
            db.session.add(bodies[name])
    db.session.flush()
    return bodies


def load_cooperation(process, measures: dict) -> None:
    """Actors, committees, memberships and meetings of the demo process; the caller commits."""
    today = date.today()
    fields = {f.title: f for f in db.session.execute(
        db.select(StrategyField).filter_by(process_id=process.id)).scalars()}
    bodies = _bodies(process)
    for name, (kind, districts, field_titles, resources, interests) in ACTORS.items():
        bodies[name].profile = ActorProfile(
            actor_kind=kind, districts=districts, fields=[fields[t] for t in field_titles], resources=resources,
            interests=interests, confidential_profile=f"Vertraulich: Haltung von {name} zur Strategie.")
        bodies[name].profile.contacts = [ActorContact(role_title=role, person_name=person,
                                                      consent_on=today - timedelta(days) if person else None)
                                         for role, person, days in CONTACTS.get(name, [])]
    committees = {}
    for name, (kind, field_title, purpose, _founded, members) in COMMITTEES.items():
        committee = Committee(process_id=process.id, name=name, kind=kind, purpose=purpose,
                              field=fields.get(field_title))
        committee.memberships = [CommitteeMembership(
            body=bodies[actor], starts_on=today - timedelta(start), role=role,
            ends_on=today - timedelta(end) if end is not None else None,
            mandate="Entscheidet über eigene Mittel bis 5.000 Euro." if role else "")
            for actor, start, end, role in members]
        committees[name] = committee
        db.session.add(committee)
    _load_agreement(committees, bodies, today)
    kita = measures.get("Kita-Ausbau Nordstadt")
    # the Kita decisions link measure and goal; the goal is read before any meeting exists (autoflush)
    links = {"measure": kita, "goal": kita.goal} if kita is not None else {}
    for committee, days_ago, attendees, decisions, tasks in MEETINGS:
        meeting = Meeting(committee=committees[committee], held_on=today - timedelta(days_ago),
                          agenda="1. Begrüßung\n2. Stand der Maßnahmen\n3. Verschiedenes",
                          minutes="Die Teilnehmenden berichten aus ihren Einrichtungen.",
                          attendees=[bodies[name] for name in attendees])
        meeting.decisions = [MeetingDecision(text=text, public=public, field=fields.get(field_title),
                                             **(links if "Kita" in text else {}))
                             for text, public, field_title in decisions]
        meeting.tasks = [MeetingTask(text=text, body=bodies[actor], due_on=today + timedelta(due), done=done,
                                     measure=kita if "Kita" in text else None)
                         for text, actor, due, done in tasks]
        db.session.add(meeting)


def _load_agreement(committees: dict, bodies: dict, today: date) -> None:
    committee, title, (start, end, review), notes, partners = AGREEMENT
    committees[committee].agreements = [CooperationAgreement(
        title=title, starts_on=today + timedelta(start), ends_on=today + timedelta(end),
        review_on=today + timedelta(review), notes=notes,
        partners=[AgreementPartner(body=bodies[actor], role=role, goal=goal, contribution=contribution)
                  for actor, role, goal, contribution in partners])]
