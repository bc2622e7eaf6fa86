"""The demo process's phases: the three fixed phases with checklists; the first was finished and re-opened
after the local election, so the planner sees several open phases and a re-open with its reason."""
from datetime import timedelta

from ..models import PhaseChecklistItem, PhaseEvent, Process, ProcessPhase, User, utcnow

NAMES = {"bestandsaufnahme": "Bestandsaufnahme", "leitlinien": "Leitlinien",
         "handlungsempfehlungen": "Handlungsempfehlungen"}
CHECKLISTS = {
    "bestandsaufnahme": (("Sozialdaten der Stadtteile zusammentragen", True),
                         ("Online-Umfrage in sechs Sprachen öffnen", True),
                         ("Peer-Interviews mit Multiplikator*innen führen", True),
                         ("Neue Entscheidungsträger nach der Wahl informieren", False)),
    "leitlinien": (("Themen der Auswertung mit der Steuerungsgruppe besprechen", True),
                   ("Entwurf der Leitlinien im Stadtteilforum vorstellen", False)),
    "handlungsempfehlungen": (("Maßnahmen mit den Fachämtern abstimmen", False),
                              ("Beschlussvorlage für den Rat vorbereiten", False)),
}
REOPEN_REASON = ("Nach der Kommunalwahl sind neue Ratsmitglieder im Ausschuss; sie kennen die Ergebnisse "
                 "noch nicht und haben eigene Fragen zu den Stadtteilen.")


def load_phases(process: Process, planner: User) -> None:
    now = utcnow()
    for position, (code, name) in enumerate(NAMES.items()):
        phase = ProcessPhase(process_id=process.id, name=name, code=code, position=position)
        process.phases.append(phase)
        for number, (text, done) in enumerate(CHECKLISTS[code]):
            phase.items.append(PhaseChecklistItem(
                process_id=process.id, text=text, position=number, done=done,
                done_at=now - timedelta(days=50 - 10 * number) if done else None,
                done_by_id=planner.id if done else None))
    first = process.phases[0]
    first.events += [
        PhaseEvent(process_id=process.id, kind="finished", at=now - timedelta(days=40), by_id=planner.id),
        PhaseEvent(process_id=process.id, kind="reopened", reason=REOPEN_REASON, at=now - timedelta(days=5),
                   by_id=planner.id)]
