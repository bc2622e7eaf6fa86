"""Reading themes for pages and exports: summaries with quotes, unassigned and flagged answers.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import func

from ..extensions import db
from ..languages.i18n import LANGUAGES
from ..languages.i18n import language as language_info
from ..models import (
    Answer,
    EvidenceLink,
    Process,
    Question,
    Response,
    Theme,
    ThemeAssignment,
)
from ..privacy.masking import mask_personal_data
from .embedding import current_embedder, current_model, free_text_conditions, stored_vectors
from .runs import active_themes

log = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------------- reading

@dataclass
class QuoteView:
    """A free-text answer as planners see it: personal data masked, with its language and direction."""
    answer_id: int
    text: str
    language: str
    direction: str
    translation_de: str | None
    quote: bool
    representative: bool
    source: str
    item_kind: str
    channel: str
    question: str


def quote_views(assignments) -> list[QuoteView]:
    views = []
    for assignment in assignments:
        answer = assignment.answer
        language = answer.language or answer.response.language or "de"
        views.append(QuoteView(
            answer_id=answer.id, text=mask_personal_data(answer.text_value or ""), language=language,
            direction=language_info(language).direction if language in LANGUAGES else "ltr",
            translation_de=mask_personal_data(answer.translation_de) if answer.translation_de else None,
            quote=assignment.quote, representative=assignment.representative, source=assignment.source,
            item_kind=answer.item_kind, channel=answer.response.channel, question=answer.question.text))
    return views


def theme_assignments(process: Process, theme: Theme | None):
    """Assignments of one theme (or the unassigned ones when theme is None): quotes first, then typical ones."""
    condition = ThemeAssignment.theme_id == theme.id if theme is not None else ThemeAssignment.theme_id.is_(None)
    return list(db.session.execute(
        db.select(ThemeAssignment).join(Answer).join(Response)
        .where(Response.process_id == process.id, condition)
        .order_by(ThemeAssignment.quote.desc(), ThemeAssignment.representative.desc(), ThemeAssignment.answer_id)
    ).scalars())


FEW_ANSWERS_PER_THEME = 10
FEW_ANSWERS_PER_RUN = 50


@dataclass
class ThemeSummary:
    """A current theme as the overview shows it, with the signals that say how far to trust it."""
    theme: Theme
    size: int
    quotes: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    coherence: float | None = None

    @property
    def few_answers(self) -> bool:
        return self.size < FEW_ANSWERS_PER_THEME


def coherence_of(answer_ids, theme: Theme) -> float | None:
    """Mean cosine similarity of the members' vectors to the theme's centre (1 = all say the same); None while
    the centre is of another embedding model than the vectors."""
    model = current_model()
    centroid = theme.centroid_in(model)
    vectors = list(stored_vectors(answer_ids, model).values())
    if not vectors or centroid is None:
        return None
    return float(np.mean(np.vstack(vectors) @ centroid))


def coherence_level(value: float) -> str:
    """"high", "medium" or "low": the current embedder's calibrated levels (cosines differ between models)."""
    high, medium = current_embedder().coherence_levels
    return "high" if value >= high else "medium" if value >= medium else "low"


def language_mix(assignments) -> list[tuple[str, int]]:
    """(language code, share in per cent) of a theme's answers, largest first."""
    counts = Counter(a.answer.language or a.answer.response.language or "de" for a in assignments)
    total = sum(counts.values()) or 1
    return [(code, round(100 * count / total)) for code, count in counts.most_common()]


def theme_overview(process: Process, quotes_per_theme: int = 3) -> list[ThemeSummary]:
    """Current themes with their size, language mix, coherence and best quotes (planner-marked first)."""
    summaries = []
    for theme in active_themes(process):
        assignments = theme_assignments(process, theme)
        quotes, seen = [], set()
        for view in quote_views(assignments[:quotes_per_theme * 3]):
            if view.text.casefold() not in seen and len(quotes) < quotes_per_theme:
                seen.add(view.text.casefold())
                quotes.append(view)
        summaries.append(ThemeSummary(theme, len(assignments), quotes, language_mix(assignments),
                                      coherence_of([a.answer_id for a in assignments], theme)))
    return summaries


def free_text_questions(process: Process) -> list[Question]:
    """The free-text questions of a process that have answers (what an analysis can work on or pool)."""
    return list(db.session.execute(
        db.select(Question).where(Question.id.in_(
            db.select(Answer.question_id).join(Response).join(Question)
            .where(*free_text_conditions(process.id)))).order_by(Question.id)).scalars())


def by_question(summaries: list[ThemeSummary]) -> list[tuple[Question | None, list[ThemeSummary]]]:
    """Summaries grouped by the question their theme answers (None = pooled questions), in question order."""
    groups: dict[int | None, list[ThemeSummary]] = {}
    for summary in summaries:
        groups.setdefault(summary.theme.question_id, []).append(summary)
    return [(db.session.get(Question, key) if key else None, groups[key])
            for key in sorted(groups, key=lambda key: (key is None, key or 0))]


def duplicate_labels(process: Process) -> set[str]:
    """Names (case-folded) that two or more current themes share: planners are warned to tell them apart."""
    seen, duplicates = set(), set()
    for theme in active_themes(process):
        key = theme.label.strip().casefold()
        (duplicates if key in seen else seen).add(key)
    return duplicates


def unassigned_count(process: Process) -> int:
    return db.session.execute(
        db.select(func.count(ThemeAssignment.id)).join(Answer).join(Response)
        .where(Response.process_id == process.id, ThemeAssignment.theme_id.is_(None))).scalar_one()


def flagged_answers(process: Process) -> list[Answer]:
    return list(db.session.execute(
        db.select(Answer).join(Response).join(Question)
        .where(*free_text_conditions(process.id, include_flagged=True), Answer.review_flag.is_not(None))
        .order_by(Answer.id)).scalars())


class _ArchivedQuote:
    """A quote a dissolved theme held: the answer with the quote mark it had then (for quote_views)."""

    def __init__(self, answer: Answer):
        self.answer, self.quote, self.representative, self.source = answer, True, False, ""


@dataclass
class DissolvedTheme:
    """A theme a rerun did not find again: archived with the planners' name, notes and quotes."""
    theme: Theme
    size: int
    quotes: list
    went_to: list


def dissolved_view(theme: Theme) -> DissolvedTheme:
    archive = theme.archive or {}
    answers = [db.session.get(Answer, answer_id) for answer_id in archive.get("quote_ids", [])]
    went_to = []
    for theme_id, count in sorted((archive.get("went_to") or {}).items(), key=lambda item: -item[1]):
        target = db.session.get(Theme, int(theme_id))
        if target is not None and not target.archived:
            went_to.append((target, count))
    return DissolvedTheme(theme, len(archive.get("answer_ids", [])),
                          quote_views([_ArchivedQuote(answer) for answer in answers if answer is not None]), went_to)


def dissolved_themes(process: Process) -> list[DissolvedTheme]:
    """Dissolved themes that carry planners' work (a name, notes, quotes, publication, strategy links)."""
    linked = set(db.session.execute(db.select(EvidenceLink.theme_id).where(EvidenceLink.theme_id.is_not(None)))
                 .scalars())
    themes = db.session.execute(
        db.select(Theme).where(Theme.process_id == process.id, Theme.archived.is_(True),
                               Theme.dissolved_run_id.is_not(None)).order_by(Theme.id.desc())).scalars()
    return [dissolved_view(theme) for theme in themes
            if theme.label_edited or (theme.notes or "").strip() or theme.published or theme.id in linked
            or (theme.archive or {}).get("quote_ids")]
