"""The process's phases: templates to start from, editing the list, finishing and re-opening, checklists.

The "current" phase is the earliest phase that is still open (all finished: the last one). When it is one of
the fixed phases (it has a `code`), Process.phase follows it, so residents' pages and exports that read
Process.phase keep working.
"""
from flask_babel import gettext as _, lazy_gettext as _l

from .. import audit
from ..extensions import db
from ..models import PHASES, PhaseChecklistItem, PhaseEvent, Process, ProcessPhase, utcnow

TEMPLATES = {
    "standard": (_l("Bestandsaufnahme → Leitlinien → Handlungsempfehlungen"), (
        (_l("Bestandsaufnahme"), "bestandsaufnahme"), (_l("Leitlinien"), "leitlinien"),
        (_l("Handlungsempfehlungen"), "handlungsempfehlungen"))),
    "change": (_l("Auftauen → Umsetzung → Stabilisierung"), (
        (_l("Auftauen"), ""), (_l("Umsetzung"), ""), (_l("Stabilisierung"), ""))),
    "cycle": (_l("Fünf Schritte: Analyse → Ziele → Maßnahmen → Umsetzung → Bewertung"), (
        (_l("Analyse"), ""), (_l("Ziele entwickeln"), ""), (_l("Maßnahmen planen"), ""), (_l("Umsetzung"), ""),
        (_l("Bewertung und Anpassung"), ""))),
}
HISTORY_LENGTH = 10


def template_choices() -> list[tuple[str, str]]:
    return [(key, str(label)) for key, (label, _steps) in TEMPLATES.items()]


def current_phase(process: Process) -> ProcessPhase | None:
    """The earliest open phase; when every phase is finished, the last one; None without phases."""
    phases = process.phases
    return next((phase for phase in phases if not phase.finished), phases[-1] if phases else None)


def current_phase_name(process: Process) -> str:
    """What residents and exports call the process's phase now."""
    from . import phase_labels
    phase = current_phase(process)
    if phase is not None:
        return phase.name
    return phase_labels().get(process.phase, process.phase)


def progress(phase: ProcessPhase) -> tuple[int, int]:
    """(done, all) items of the phase's checklist."""
    return sum(1 for item in phase.items if item.done), len(phase.items)


def state(phase: ProcessPhase) -> str:
    return "finished" if phase.finished else "reopened" if phase.reopened else "open"


def state_labels() -> dict[str, str]:
    return {"open": _("offen"), "finished": _("abgeschlossen"), "reopened": _("wieder geöffnet")}


def history(process: Process, limit: int = HISTORY_LENGTH) -> list[PhaseEvent]:
    """The latest finishes and re-opens, newest first."""
    return db.session.execute(db.select(PhaseEvent).filter_by(process_id=process.id)
                              .order_by(PhaseEvent.at.desc(), PhaseEvent.id.desc()).limit(limit)).scalars().all()


def _sync(process: Process) -> None:
    """Renumber positions and let Process.phase follow the current phase when it is a fixed one."""
    for position, phase in enumerate(process.phases):
        phase.position = position
    phase = current_phase(process)
    if phase is not None and phase.code in PHASES and process.phase != phase.code:
        audit.record("process_phase_changed", process, before=process.phase, after=phase.code)
        process.phase = phase.code


def seed(process: Process, key: str, current_code: str | None = None) -> list[ProcessPhase]:
    """The template's phases; with `current_code`, phases before that code are finished (used by the migration
    and the demo, which start from a process's fixed phase)."""
    codes = [code for _name, code in TEMPLATES[key][1]]
    reached = codes.index(current_code) if current_code in codes else 0
    for position, (name, code) in enumerate(TEMPLATES[key][1]):
        process.phases.append(ProcessPhase(process_id=process.id, name=str(name), code=code, position=position,
                                           finished=position < reached))
    return process.phases


def apply_template(process: Process, key: str) -> bool:
    """Start the list from a template; only while the process has no phases (never overwrite the planner's)."""
    if process.phases or key not in TEMPLATES:
        return False
    seed(process, key, process.phase)
    db.session.flush()
    audit.record("process_phases_created", process, template=key, phases=[phase.name for phase in process.phases])
    _sync(process)
    return True


def add_phase(process: Process, name: str) -> ProcessPhase:
    phase = ProcessPhase(process_id=process.id, name=name, position=len(process.phases))
    process.phases.append(phase)
    db.session.flush()
    audit.record("process_phase_added", phase)
    _sync(process)
    return phase


def rename_phase(phase: ProcessPhase, name: str) -> None:
    if name != phase.name:
        audit.record("process_phase_renamed", phase, before=phase.name, after=name)
        phase.name = name


def move_phase(process: Process, phase: ProcessPhase, step: int) -> bool:
    """One place up (-1) or down (+1); False at either end."""
    phases = list(process.phases)
    index = phases.index(phase)
    target = index + step
    if step not in (-1, 1) or not 0 <= target < len(phases):
        return False
    phases[index], phases[target] = phases[target], phases[index]
    for position, each in enumerate(phases):
        each.position = position
    db.session.flush()
    db.session.expire(process, ["phases"])
    audit.record("process_phase_moved", phase, before=index + 1, after=target + 1)
    _sync(process)
    return True


def remove_phase(process: Process, phase: ProcessPhase) -> None:
    audit.record("process_phase_deleted", phase, items=len(phase.items))
    process.phases.remove(phase)
    db.session.flush()
    _sync(process)


def finish_phase(process: Process, phase: ProcessPhase, user) -> bool:
    if phase.finished:
        return False
    phase.finished = True
    phase.events.append(PhaseEvent(process_id=process.id, kind="finished", by_id=getattr(user, "id", None)))
    audit.record("process_phase_finished", phase, open_items=sum(1 for item in phase.items if not item.done))
    _sync(process)
    return True


def reopen_phase(process: Process, phase: ProcessPhase, user, reason: str = "") -> bool:
    """Take a finished phase up again; the reason stays in the history."""
    if not phase.finished:
        return False
    phase.finished = False
    phase.events.append(PhaseEvent(process_id=process.id, kind="reopened", reason=reason,
                                   by_id=getattr(user, "id", None)))
    audit.record("process_phase_reopened", phase, reason=reason)
    _sync(process)
    return True


def add_item(phase: ProcessPhase, text: str) -> PhaseChecklistItem:
    item = PhaseChecklistItem(process_id=phase.process_id, text=text, position=len(phase.items))
    phase.items.append(item)
    db.session.flush()
    audit.record("phase_item_added", item, phase=phase.name)
    return item


def set_item_done(item: PhaseChecklistItem, done: bool, user) -> bool:
    """Tick or untick; remembers who ticked it and when."""
    if item.done == done:
        return False
    item.done = done
    item.done_at = utcnow() if done else None
    item.done_by_id = getattr(user, "id", None) if done else None
    audit.record("phase_item_checked" if done else "phase_item_unchecked", item, phase=item.phase.name)
    return True


def change_item_text(item: PhaseChecklistItem, text: str) -> None:
    if text != item.text:
        audit.record("phase_item_changed", item, before=item.text, after=text)
        item.text = text


def remove_item(item: PhaseChecklistItem) -> None:
    audit.record("phase_item_deleted", item, phase=item.phase.name)
    item.phase.items.remove(item)
