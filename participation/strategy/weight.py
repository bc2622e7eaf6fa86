"""How much a theme weighs as evidence: answers behind it, and in how many languages and districts.

Languages and districts are counted only where at least the minimum group size of the theme's answers
come from them, so the weight never points at a small group.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func

from ..extensions import db
from ..models import Answer, Response, Theme, ThemeAssignment
from . import theme_cells


@dataclass
class EvidenceWeight:
    answers: int | None      # None when hidden (small or would give a small theme away)
    languages: int
    districts: int


def _groups_per_theme(process, column) -> dict[int, int]:
    """theme id → number of values of `column` with at least min_group_size answers in the theme."""
    rows = db.session.execute(
        db.select(ThemeAssignment.theme_id, column, func.count(ThemeAssignment.id))
        .join(Answer, Answer.id == ThemeAssignment.answer_id).join(Response, Response.id == Answer.response_id)
        .join(Theme, Theme.id == ThemeAssignment.theme_id)
        .where(Theme.process_id == process.id, Answer.review_flag.is_(None), column.is_not(None))
        .group_by(ThemeAssignment.theme_id, column)).all()
    counted: dict[int, int] = {}
    for theme_id, _value, count in rows:
        if count >= process.min_group_size:
            counted[theme_id] = counted.get(theme_id, 0) + 1
    return counted


def evidence_weights(process) -> dict[int, EvidenceWeight]:
    languages = _groups_per_theme(process, func.coalesce(Answer.language, Response.language))
    districts = _groups_per_theme(process, Response.district)
    return {theme.id: EvidenceWeight(None if cell.hidden else cell.count, languages.get(theme.id, 0),
                                     districts.get(theme.id, 0))
            for theme, cell in theme_cells(process)}


def weight_text(weight: EvidenceWeight) -> str:
    """"12 Antworten, 3 Sprachen, 2 Stadtteile": the same words on the strategy page and in every export."""
    answers = (ngettext("%(num)s Antwort", "%(num)s Antworten", weight.answers) if weight.answers is not None
               else _("Antworten nicht ausgewiesen"))
    return ", ".join((answers, ngettext("%(num)s Sprache", "%(num)s Sprachen", weight.languages),
                      ngettext("%(num)s Stadtteil", "%(num)s Stadtteile", weight.districts)))
