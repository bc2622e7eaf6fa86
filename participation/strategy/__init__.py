"""The integrated strategy: fields of action → goals → measures → indicators, linked to themes as evidence.

Plain functions behind the strategy page and the exports: the tree of a process, themes and quotes with
small groups hidden, evidence links and their gaps. The models are in `models.strategy`; the planners'
views in `planning.strategy_views`.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func

from ..extensions import db
from ..models import Answer, EvidenceLink, Goal, Indicator, Measure, StrategyField, Theme, ThemeAssignment
from ..privacy.masking import mask_personal_data
from ..reach.aggregates import Cell, suppress


def active_themes(process) -> list[Theme]:
    """Themes the planners work with: neither archived nor merged into another theme."""
    return db.session.execute(
        db.select(Theme).where(Theme.process_id == process.id, Theme.archived.is_(False),
                               Theme.merged_into_id.is_(None))
        .order_by(Theme.position, Theme.id)).scalars().all()


def theme_answer_counts(process) -> dict[int, int]:
    """Answers per theme, leaving out answers a planner flagged (off topic, personal data, abusive)."""
    rows = db.session.execute(
        db.select(ThemeAssignment.theme_id, func.count(ThemeAssignment.id))
        .join(Answer, Answer.id == ThemeAssignment.answer_id)
        .join(Theme, Theme.id == ThemeAssignment.theme_id)
        .where(Theme.process_id == process.id, Answer.review_flag.is_(None))
        .group_by(ThemeAssignment.theme_id)).all()
    return {theme_id: count for theme_id, count in rows}


def theme_cells(process) -> list[tuple[Theme, Cell]]:
    """Each active theme with its answer count, hidden when below the minimum group size."""
    themes = active_themes(process)
    counts = theme_answer_counts(process)
    cells = {cell.value: cell for cell in suppress({t.id: counts.get(t.id, 0) for t in themes},
                                                   process.min_group_size)}
    withheld = Cell(None, None, None, hidden=True)    # every count would give a small theme away
    return [(theme, cells.get(theme.id, withheld))
            for theme in sorted(themes, key=lambda t: (-counts.get(t.id, 0), t.id))]


def quotes_by_theme(process) -> dict[int, list[Answer]]:
    """Answers planners marked as quotes, per theme (flagged answers never appear)."""
    rows = db.session.execute(
        db.select(ThemeAssignment.theme_id, Answer)
        .join(Answer, Answer.id == ThemeAssignment.answer_id)
        .join(Theme, Theme.id == ThemeAssignment.theme_id)
        .where(Theme.process_id == process.id, ThemeAssignment.quote.is_(True), Answer.review_flag.is_(None))
        .order_by(Answer.id)).all()
    quotes: dict[int, list[Answer]] = {}
    for theme_id, answer in rows:
        quotes.setdefault(theme_id, []).append(answer)
    return quotes


def theme_of_answers(process) -> dict[int, int]:
    """answer id → theme id for every assigned answer of the process."""
    rows = db.session.execute(
        db.select(ThemeAssignment.answer_id, ThemeAssignment.theme_id)
        .join(Theme, Theme.id == ThemeAssignment.theme_id).where(Theme.process_id == process.id)).all()
    return {answer_id: theme_id for answer_id, theme_id in rows}


def fields_of(process) -> list[StrategyField]:
    return db.session.execute(
        db.select(StrategyField).where(StrategyField.process_id == process.id)
        .order_by(StrategyField.position, StrategyField.id)).scalars().all()


def measures_of(process) -> list[Measure]:
    return db.session.execute(
        db.select(Measure).where(Measure.process_id == process.id).order_by(Measure.id)).scalars().all()


def evidence_links(process) -> list[EvidenceLink]:
    return db.session.execute(
        db.select(EvidenceLink).where(EvidenceLink.process_id == process.id).order_by(EvidenceLink.id)
    ).scalars().all()


def linked_theme_ids(link: EvidenceLink, answer_themes: dict[int, int]) -> set[int]:
    """The theme a link stands for: its theme (with or without one of its quotes), or the theme of its
    quoted answer."""
    if link.theme_id is not None:
        return {link.theme_id}
    theme_id = answer_themes.get(link.answer_id)
    return {theme_id} if theme_id is not None else set()


@dataclass
class EvidenceTheme:
    """The theme a link names as the strategy page and every export show it: a merged-away theme leads to its
    merge target, a dissolved one stays itself, marked "aufgelöst", with the quotes it held."""
    theme: Theme
    dissolved: bool
    quotes: list

    @property
    def text(self) -> str:
        return _("%(label)s (aufgelöst)", label=self.theme.label) if self.dissolved else self.theme.label


def evidence_theme(link: EvidenceLink) -> EvidenceTheme | None:
    from ..themes.runs import merge_target

    theme = link.theme
    if theme is None:
        return None
    theme = merge_target(theme) or theme
    if not theme.archived:
        return EvidenceTheme(theme, False, [])
    quote_ids = (theme.archive or {}).get("quote_ids", [])
    quotes = db.session.execute(db.select(Answer).where(Answer.id.in_(quote_ids), Answer.review_flag.is_(None))
                                .order_by(Answer.id)).scalars().all() if quote_ids else []
    return EvidenceTheme(theme, True, list(quotes))


@dataclass
class EvidenceGaps:
    themes_without_measure: list[Theme]
    measures_without_evidence: list[Measure]


def measures_by_theme(process) -> dict[int, set[int]]:
    """theme id → ids of the measures that take it up (through the theme or one of its quotes)."""
    answer_themes = theme_of_answers(process)
    measures: dict[int, set[int]] = {}
    for link in evidence_links(process):
        if link.measure_id is not None:
            for theme_id in linked_theme_ids(link, answer_themes):
                measures.setdefault(theme_id, set()).add(link.measure_id)
    return measures


def evidence_gaps(process) -> EvidenceGaps:
    """Which themes no measure answers yet, and which measures rest on no theme or quote."""
    addressed = measures_by_theme(process)
    measures_with_evidence = {link.measure_id for link in evidence_links(process) if link.measure_id is not None}
    return EvidenceGaps(
        themes_without_measure=[t for t in active_themes(process) if t.id not in addressed],
        measures_without_evidence=[m for m in measures_of(process) if m.id not in measures_with_evidence],
    )


QUOTE_CHARACTERS = 200


@dataclass
class EvidenceItem:
    """One evidence link as the strategy page and every export show it: the theme with its weight, the
    quote (masked, shortened), or both."""
    link: EvidenceLink
    theme: EvidenceTheme | None
    weight: str
    quote: str

    @property
    def text(self) -> str:
        parts = []
        if self.theme is not None:
            parts.append(_("Thema: %(theme)s", theme=self.theme.text)
                         + (f" ({self.weight})" if self.weight else ""))
        if self.quote:
            parts.append(_("Zitat: „%(text)s“", text=self.quote))
        return " — ".join(parts)


def shortened(text: str, limit: int = QUOTE_CHARACTERS) -> str:
    """At most `limit` characters, cut at a space, with "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def evidence_item(link: EvidenceLink, weights: dict) -> EvidenceItem:
    from .weight import weight_text

    shown = evidence_theme(link)
    weight = weights.get(shown.theme.id) if shown is not None else None
    quote = shortened(mask_personal_data(link.answer.text_value or "")) if link.answer is not None else ""
    return EvidenceItem(link, shown, weight_text(weight) if weight is not None else "", quote)


def evidence_by_target(process) -> dict[tuple[str, int], list[EvidenceLink]]:
    """("field"|"goal"|"measure"|"indicator", id) → its evidence links, for the strategy page and matrix."""
    grouped: dict[tuple[str, int], list[EvidenceLink]] = {}
    for link in evidence_links(process):
        grouped.setdefault(target_key(link), []).append(link)
    return grouped


def target_key(link: EvidenceLink) -> tuple[str, int]:
    if link.indicator_id is not None:
        return "indicator", link.indicator_id
    if link.measure_id is not None:
        return "measure", link.measure_id
    if link.goal_id is not None:
        return "goal", link.goal_id
    return "field", link.field_id


TARGET_MODELS = {"field": StrategyField, "goal": Goal, "measure": Measure, "indicator": Indicator}


def find_target(process, kind: str, object_id: int):
    """A field, goal, measure or indicator of this process, or None (never one of another process)."""
    model = TARGET_MODELS.get(kind)
    target = db.session.get(model, object_id) if model else None
    return target if target is not None and target.process_id == process.id else None


def quote_answers(process) -> list[tuple[Answer, int]]:
    """Every quote of the process with its theme id, for choosing single quotes as evidence."""
    return [(answer, theme_id) for theme_id, answers in quotes_by_theme(process).items() for answer in answers]


def link_evidence(process, kind: str, target_id: int, *, theme_id: int | None = None,
                  answer_id: int | None = None, user=None) -> EvidenceLink | None:
    """Link a theme, a quoted answer, or a theme with one of its quotes (one step) to a field, goal,
    measure or indicator of this process.

    Returns None when any part belongs to another process, when the quote is not one of the theme's,
    or when the same link exists already.
    """
    target = find_target(process, kind, target_id)
    if target is None or (theme_id is None and answer_id is None):
        return None
    if theme_id is not None:
        theme = db.session.get(Theme, theme_id)
        if theme is None or theme.process_id != process.id:
            return None
    if answer_id is not None:
        answer = db.session.get(Answer, answer_id)
        if answer is None or answer.response.process_id != process.id:
            return None
        if theme_id is not None and db.session.execute(db.select(ThemeAssignment.id).filter_by(
                answer_id=answer_id, theme_id=theme_id)).first() is None:
            return None
    existing = db.session.execute(db.select(EvidenceLink).filter_by(
        process_id=process.id, theme_id=theme_id, answer_id=answer_id, **{f"{kind}_id": target_id})).first()
    if existing is not None:
        return None
    link = EvidenceLink(process_id=process.id, theme_id=theme_id, answer_id=answer_id,
                        created_by_id=getattr(user, "id", None), **{f"{kind}_id": target_id})
    db.session.add(link)
    return link


def goal_level_labels() -> dict[str, str]:
    return {"leitziel": _("Leitziel"), "handlungsziel": _("Handlungsziel")}


def measure_status_labels() -> dict[str, str]:
    return {"planned": _("geplant"), "in_progress": _("in Umsetzung"), "done": _("umgesetzt"),
            "paused": _("zurückgestellt"), "dropped": _("eingestellt")}


def phase_labels() -> dict[str, str]:
    return {"bestandsaufnahme": _("Bestandsaufnahme"), "leitlinien": _("Leitlinien"),
            "handlungsempfehlungen": _("Handlungsempfehlungen")}


def channel_labels() -> dict[str, str]:
    return {"online": _("Online"), "peer_interview": _("Peer-Interview"), "focus_group": _("Fokusgruppe"),
            "paper": _("Papier")}


def timeline_text(measure: Measure) -> str:
    """"03/2026 – 12/2027", or one end of it, or empty."""
    start = measure.starts_on.strftime("%m/%Y") if measure.starts_on else ""
    end = measure.ends_on.strftime("%m/%Y") if measure.ends_on else ""
    if start and end:
        return f"{start} – {end}"
    if start:
        return _("ab %(date)s", date=start)
    return _("bis %(date)s", date=end) if end else ""
