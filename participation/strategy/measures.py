"""Running measures: the process's bodies and life stages, links of a measure, its status history,
filters of the strategy page and short texts of its resources for pages and exports."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from ..extensions import db
from ..models import Body, LifeStage, Measure, MeasureBody, MeasureStatusChange

# (name, kind) offered when a process starts its list of bodies
BODY_SUGGESTIONS = (
    ("Gesundheitsamt", "office"), ("Jugendamt", "office"), ("Sozialamt", "office"), ("Schulamt", "office"),
    ("Umweltamt", "office"), ("Sportamt", "office"), ("Stadtplanung", "office"),
    ("Wirtschaftsförderung", "office"), ("Quartiersmanagement", "provider"), ("Jobcenter", "office"),
    ("Kitas und Schulen", "provider"), ("Wohlfahrtsverband", "provider"), ("Sportverein", "civil"),
    ("Selbsthilfe", "civil"), ("Migrantenselbstorganisation", "civil"), ("Freiwilligenagentur", "civil"),
    ("Ärzteschaft", "health"), ("Krankenkassen", "health"), ("Wohnungsbaugesellschaft", "other"),
)
LIFE_STAGE_SUGGESTIONS = ("rund um die Geburt", "Kita", "Schule", "Übergang Schule–Beruf", "Erwachsene",
                          "Übergang in den Ruhestand", "Alter")
FUNDER_SUGGESTIONS = ("GKV nach § 20a SGB V", "Land", "Bund", "Stiftung", "Kommune", "EU (ESF Plus)")
RUNNING = ("planned", "in_progress", "paused")


def body_kind_labels() -> dict[str, str]:
    return {"office": _("Amt"), "provider": _("Träger"), "health": _("Gesundheitswesen"),
            "civil": _("Zivilgesellschaft"), "other": _("Sonstige")}


def contribution_kind_labels() -> dict[str, str]:
    return {"money": _("Geld"), "staff": _("Personal (Stunden)"), "rooms": _("Räume"), "other": _("Sachmittel")}


def evaluation_labels() -> dict[str, str]:
    return {"effective": _("wirksam"), "partly": _("teilweise wirksam"), "not_effective": _("nicht wirksam"),
            "open": _("offen")}


def bodies_of(process) -> list[Body]:
    """The process's bodies; an empty list starts with the suggestions."""
    bodies = db.session.execute(db.select(Body).where(Body.process_id == process.id)
                                .order_by(Body.position, Body.id)).scalars().all()
    if not bodies:
        bodies = [Body(process_id=process.id, name=name, kind=kind, position=position)
                  for position, (name, kind) in enumerate(BODY_SUGGESTIONS)]
        db.session.add_all(bodies)
        db.session.flush()
    return bodies


def life_stages_of(process) -> list[LifeStage]:
    """The process's life stages; an empty list starts with the usual seven."""
    stages = db.session.execute(db.select(LifeStage).where(LifeStage.process_id == process.id)
                                .order_by(LifeStage.position, LifeStage.id)).scalars().all()
    if not stages:
        stages = [LifeStage(process_id=process.id, name=name, position=position)
                  for position, name in enumerate(LIFE_STAGE_SUGGESTIONS)]
        db.session.add_all(stages)
        db.session.flush()
    return stages


def ensure_lists(process) -> bool:
    """Start both lists from the suggestions if empty; True when something was added (the caller commits,
    so the ids a form shows are still valid when it comes back)."""
    had = {model: db.session.execute(db.select(model.id).where(model.process_id == process.id).limit(1)).first()
           is not None for model in (Body, LifeStage)}
    bodies_of(process)
    life_stages_of(process)
    return not all(had.values())


def leads(measure: Measure) -> list[Body]:
    return [link.body for link in measure.body_links if link.role == "lead"]


def partners(measure: Measure) -> list[Body]:
    return [link.body for link in measure.body_links if link.role == "partner"]


def set_links(measure: Measure, lead_ids, partner_ids, stage_ids, bodies, stages) -> dict:
    """Link the chosen bodies and life stages (ids of this process only); a body chosen as lead is no partner.

    The free-text columns keep the names, so pages and exports that read them stay right."""
    by_id = {body.id: body for body in bodies}
    wanted = {body_id: "lead" for body_id in lead_ids if body_id in by_id}
    wanted.update({body_id: "partner" for body_id in partner_ids if body_id in by_id and body_id not in wanted})
    before = {link.body_id: link.role for link in measure.body_links}
    for link in list(measure.body_links):
        if link.body_id not in wanted:
            measure.body_links.remove(link)
        else:
            link.role = wanted[link.body_id]
    for body_id, role in wanted.items():
        if body_id not in before:
            measure.body_links.append(MeasureBody(body=by_id[body_id], role=role))
    stage_by_id = {stage.id: stage for stage in stages}
    old_stages = sorted(stage.id for stage in measure.life_stages)
    measure.life_stages = [stage_by_id[i] for i in stage_ids if i in stage_by_id]
    measure.responsible = " / ".join(by_id[i].name for i, role in wanted.items() if role == "lead")[:300]
    measure.partners = ", ".join(by_id[i].name for i, role in wanted.items() if role == "partner")
    changes = {}
    if before != wanted:
        changes["bodies"] = measure.responsible + (f" + {measure.partners}" if measure.partners else "")
    if old_stages != sorted(stage.id for stage in measure.life_stages):
        changes["life_stages"] = ", ".join(stage.name for stage in measure.life_stages)
    return changes


def record_status(measure: Measure, since: date | None, status_changed: bool) -> dict:
    """Add a history row when the status changed (since today unless a date is given) or its date changed;
    an unchanged status without a date records nothing (a measure from before the history keeps none)."""
    current = measure.status_changes[-1] if measure.status_changes else None
    if status_changed and current is not None and since == current.since:
        since = None    # the form showed the old status's date; the new status holds from today
    if since is None and not status_changed:
        return {}
    since = since or date.today()
    if current is not None and current.status == measure.status and current.since == since:
        return {}
    measure.status_changes.append(MeasureStatusChange(status=measure.status, since=since))
    return {"status_since": since.isoformat()}


def measures_with_bodies(body_ids) -> list[Measure]:
    linked = db.select(MeasureBody.measure_id).where(MeasureBody.body_id.in_(list(body_ids)))
    return db.session.execute(db.select(Measure).where(Measure.id.in_(linked))).scalars().all()


def sync_texts(affected: list[Measure]) -> None:
    """After bodies were renamed or removed, the free-text columns name the bodies linked now."""
    db.session.flush()
    for measure in affected:
        db.session.expire(measure, ["body_links"])
        measure.responsible = " / ".join(body.name for body in leads(measure))[:300]
        measure.partners = ", ".join(body.name for body in partners(measure))


def status_since(measure: Measure) -> date | None:
    current = measure.status_changes[-1] if measure.status_changes else None
    return current.since if current is not None and current.status == measure.status else None


def parse_euros(text: str) -> int | None:
    """"12.000", "12 000 €", "12000,00 EUR" → 12000; None when it is no amount."""
    cleaned = re.sub(r"(?i)\s|€|eur", "", text or "")
    cleaned = re.sub(r",\d{1,2}$", "", cleaned)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")
    return int(cleaned) if cleaned.isdigit() and len(cleaned) <= 12 else None


def euros(amount: int | None) -> str:
    """12000 → "12.000 €" (German grouping on every page, never broken before the sign; exports keep the
    number)."""
    return "" if amount is None else f"{amount:,}\u00a0€".replace(",", ".")


# --- filters of the strategy page ------------------------------------------------------------------

@dataclass
class MeasureFilter:
    life_stage: int = 0
    body: int = 0
    district: str = ""
    funder: str = ""
    status: str = ""

    @property
    def active(self) -> bool:
        return bool(self.life_stage or self.body or self.district or self.funder or self.status)

    def matches(self, measure: Measure) -> bool:
        return ((not self.life_stage or any(stage.id == self.life_stage for stage in measure.life_stages))
                and (not self.body or any(link.body_id == self.body for link in measure.body_links))
                and (not self.district or measure.district.casefold() == self.district.casefold())
                and (not self.funder or self.funder.casefold() in {f.casefold() for f in funders(measure)})
                and (not self.status or measure.status == self.status))


def funders(measure: Measure) -> list[str]:
    """Every funder named for the measure, in its funding periods or its budget rows."""
    names = [funding.funder for funding in measure.fundings] + [line.funder for line in measure.budget_lines]
    return list(dict.fromkeys(name for name in names if name))


def filter_choices(process, measures) -> dict:
    """Districts and funders that occur, for the filter's lists."""
    districts = sorted({m.district for m in measures if m.district} | set(process.districts or []))
    return {"districts": districts,
            "funders": sorted({name for m in measures for name in funders(m)} | set(FUNDER_SUGGESTIONS))}


# --- short texts for pages and exports -----------------------------------------------------------

def budget_total(measure: Measure) -> int:
    return sum(line.amount for line in measure.budget_lines)


def own_contribution_total(measure: Measure) -> int:
    return sum(c.value or 0 for c in measure.contributions)


def contribution_text(measure: Measure) -> str:
    kinds = contribution_kind_labels()
    return "\n".join(f"{kinds.get(c.kind, c.kind)}: {c.description}" + (f" ({euros(c.value)})" if c.value else "")
                     for c in measure.contributions)


def period_text(funding) -> str:
    start = funding.starts_on.strftime("%d.%m.%Y") if funding.starts_on else "?"
    end = funding.ends_on.strftime("%d.%m.%Y") if funding.ends_on else "?"
    return f"{funding.funder}: {start} – {end}"


def evaluation_text(measure: Measure) -> str:
    if not measure.evaluation_result and not measure.evaluation_note:
        return ""
    parts = [evaluation_labels().get(measure.evaluation_result, measure.evaluation_result)]
    if measure.evaluated_on:
        parts[0] += f" ({measure.evaluated_on.strftime('%d.%m.%Y')})"
    if measure.evaluation_note:
        parts.append(measure.evaluation_note)
    return ": ".join(filter(None, parts))
