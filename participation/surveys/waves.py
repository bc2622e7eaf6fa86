"""Comparing two waves of a survey: closed questions, themes and reach, with small groups hidden.

Waves share their question and option codes (surveys.builder.create_wave), so questions are matched by
code and options by code (scale points by value). Every count comes from the reach aggregates, which
hide groups below the process's minimum size and any count that would give one away; a change is only
given when both of its numbers are shown.

Themes belong to the process, not to a wave: an analysis over both waves keeps a theme's id wherever the
rerun mapping (themes.rerun, analysis.match_by_members) finds it again, so a theme of the new wave maps
onto the old one by that id. Each wave's people are counted per current theme.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import func

from ..extensions import db
from ..languages.labels import value_label
from ..models import Answer, Questionnaire, Response, Theme, ThemeAssignment
from ..reach.aggregates import (
    Cell,
    age_band_counts,
    age_band_questions,
    choice_frequencies,
    response_counts,
    scale_distribution,
    total_responses,
)
from ..reach.suppression import protect_counts
from .display import choices

COMPARED_KINDS = ("single_choice", "multiple_choice", "yes_no", "scale")
REACH_FIELDS = ("channel", "language", "district", "age_band")
HIDDEN = Cell(None, None, None, hidden=True)


@dataclass
class Change:
    """One value (an option, a theme, a group) in the earlier and the later wave."""
    key: object
    label: str
    before: Cell
    after: Cell

    @property
    def points(self) -> float | None:
        """The change of the share in percentage points; None when either side is hidden or unknown."""
        if self.before.hidden or self.after.hidden or self.before.share is None or self.after.share is None:
            return None
        return (self.after.share - self.before.share) * 100


@dataclass
class QuestionChange:
    code: str
    text: str
    kind: str
    base_before: int | None     # people who answered; None when not shown
    base_after: int | None
    rows: list[Change]


@dataclass
class ThemeChange(Change):
    status: str = "unchanged"   # new | disappeared | grown | shrunk | unchanged | small


@dataclass
class WaveComparison:
    previous: Questionnaire
    current: Questionnaire
    participants_before: int
    participants_after: int
    min_group_size: int
    questions: list[QuestionChange] = field(default_factory=list)
    themes: list[ThemeChange] = field(default_factory=list)
    reach: dict = field(default_factory=dict)     # field → [Change]

    @property
    def reach_hidden(self) -> bool:
        return any(row.before.hidden or row.after.hidden for rows in self.reach.values() for row in rows)


def wave_pairs(process) -> list[tuple[Questionnaire, Questionnaire]]:
    """(earlier wave, later wave) for every survey of the process that repeats another one of it."""
    return [(survey.previous_wave, survey) for survey in process.surveys
            if survey.previous_wave is not None and survey.previous_wave.process_id == process.id]


def compare_waves(previous: Questionnaire, current: Questionnaire, language: str = "de") -> WaveComparison:
    """Everything the comparison page and the workbook sheet show about two waves of one process."""
    process = current.process
    comparison = WaveComparison(previous, current, total_responses(process, previous.id),
                                total_responses(process, current.id), max(int(process.min_group_size or 1), 1))
    comparison.questions = question_changes(previous, current, language)
    comparison.themes = theme_changes(previous, current)
    comparison.reach = reach_changes(previous, current, language)
    return comparison


# --- closed questions ---------------------------------------------------------------------------------------

def _question_cells(question, process) -> tuple[dict, int | None]:
    """{code: Cell} of one question in one wave and the number who answered (None when hidden)."""
    if question.kind == "scale":
        cells, answered, _median = scale_distribution(question, process)
        return {str(cell.value): cell for cell in cells}, answered
    cells, answered = choice_frequencies(question, process)
    return {str(cell.value): cell for cell in cells}, answered


def _wave_cell(cells: dict, code: str, answered: int | None, minimum: int) -> Cell:
    """The cell of one option; an option nobody picked is a shown zero once enough people answered,
    unless the whole breakdown is withheld (then even which options are empty stays unsaid)."""
    if answered is None or answered < minimum:
        return HIDDEN if answered else Cell(code, None, None)
    if cells and all(cell.hidden for cell in cells.values()):
        return HIDDEN
    return cells.get(code) or Cell(code, 0, 0.0)


def question_changes(previous: Questionnaire, current: Questionnaire, language: str = "de") -> list[QuestionChange]:
    """Closed questions asked in both waves (same code and kind), share per option and its change."""
    process = current.process
    minimum = max(int(process.min_group_size or 1), 1)
    result = []
    for question in current.questions:
        earlier = previous.question_by_code(question.code)
        if question.archived or question.kind not in COMPARED_KINDS or earlier is None \
                or earlier.kind != question.kind:
            continue
        before, answered_before = _question_cells(earlier, process)
        after, answered_after = _question_cells(question, process)
        options = choices(question, language, process)
        known = {code for code, _label in options}
        options += [(code, label) for code, label in choices(earlier, language, process) if code not in known]
        rows = [Change(code, label, _wave_cell(before, code, answered_before, minimum),
                       _wave_cell(after, code, answered_after, minimum)) for code, label in options]
        result.append(QuestionChange(question.code, question.translated("text", language) or question.text,
                                     question.kind, _shown_base(answered_before, minimum),
                                     _shown_base(answered_after, minimum), rows))
    return result


def _shown_base(answered: int | None, minimum: int) -> int | None:
    return answered if answered is not None and (answered == 0 or answered >= minimum) else None


# --- themes -----------------------------------------------------------------------------------------------

def theme_people(process_id: int, questionnaire_id: int) -> dict[int, int]:
    """{theme id: people of this wave with at least one answer in the theme}, current themes only."""
    rows = db.session.execute(
        db.select(ThemeAssignment.theme_id, func.count(func.distinct(Response.id)))
        .join(Answer, Answer.id == ThemeAssignment.answer_id).join(Response, Response.id == Answer.response_id)
        .join(Theme, Theme.id == ThemeAssignment.theme_id)
        .where(Theme.process_id == process_id, Theme.archived.is_(False), Answer.review_flag.is_(None),
               Response.questionnaire_id == questionnaire_id)
        .group_by(ThemeAssignment.theme_id)).all()
    return dict(rows)


def _theme_cells(counts: dict, participants: int, minimum: int) -> dict:
    """Counts as cells of the wave's people; a person may be in several themes, so only small ones hide."""
    hidden = protect_counts(counts, minimum, participants, additive=False) if participants >= minimum \
        else {key for key, count in counts.items() if count}
    return {key: HIDDEN if key in hidden else Cell(key, count, count / participants if participants else 0.0)
            for key, count in counts.items()}


def theme_status(before: int, after: int, change: Change) -> str:
    """new / disappeared from the raw zeros (zeros are published as zeros), grown / shrunk by the shares
    when both are shown; "small" when a hidden side leaves the direction open."""
    if before == 0 and after == 0:
        return "unchanged"
    if before == 0:
        return "new"
    if after == 0:
        return "disappeared"
    if change.points is None:
        return "small"
    if change.points > 0:
        return "grown"
    return "shrunk" if change.points < 0 else "unchanged"


THEME_ORDER = ("new", "grown", "shrunk", "disappeared", "unchanged", "small")
THEME_STATUS_LABELS = {"new": _l("neu"), "grown": _l("gewachsen"), "shrunk": _l("geschrumpft"),
                       "disappeared": _l("nicht mehr genannt"), "unchanged": _l("unverändert"),
                       "small": _l("kleine Gruppe, nicht vergleichbar")}


def theme_changes(previous: Questionnaire, current: Questionnaire) -> list[ThemeChange]:
    """Themes of either wave: which grew, shrank, are new or disappeared (shares of each wave's people)."""
    process = current.process
    minimum = max(int(process.min_group_size or 1), 1)
    before = theme_people(process.id, previous.id)
    after = theme_people(process.id, current.id)
    ids = set(before) | set(after)
    if not ids:
        return []
    themes = {theme.id: theme for theme in db.session.execute(
        db.select(Theme).where(Theme.id.in_(ids))).scalars()}
    full_before = {theme_id: before.get(theme_id, 0) for theme_id in ids}
    full_after = {theme_id: after.get(theme_id, 0) for theme_id in ids}
    cells_before = _theme_cells(full_before, total_responses(process, previous.id), minimum)
    cells_after = _theme_cells(full_after, total_responses(process, current.id), minimum)
    result = []
    for theme_id in ids:
        change = ThemeChange(theme_id, themes[theme_id].label, cells_before[theme_id], cells_after[theme_id])
        change.status = theme_status(full_before[theme_id], full_after[theme_id], change)
        result.append(change)
    result.sort(key=lambda item: (THEME_ORDER.index(item.status), -(abs(item.points or 0)),
                                  themes[item.key].position, item.label))
    return result


# --- reach ------------------------------------------------------------------------------------------------

def _reach_cells(process, field_name: str, questionnaire_id: int) -> dict | None:
    """{value: Cell} of one wave's breakdown; None when the breakdown is withheld as a whole."""
    cells = age_band_counts(process, questionnaire_id) if field_name == "age_band" \
        else response_counts(process, field_name, questionnaire_id)
    if not cells and total_responses(process, questionnaire_id):
        return None
    return {cell.value: cell for cell in cells}


def group_labeller(process, language: str = "de"):
    """The name of a breakdown value: channel and language names, age bands by their option labels."""
    age_labels = {code: label for question in age_band_questions(process)
                  for code, label in choices(question, language, process)}

    def label(field_name: str, value) -> str:
        if field_name == "age_band" and value is not None:
            return str(age_labels.get(value, value))
        return value_label(field_name, value)
    return label


def reach_changes(previous: Questionnaire, current: Questionnaire, language: str = "de") -> dict[str, list[Change]]:
    """Who took part in each wave by channel, language, district and age band (age band where asked)."""
    process = current.process
    labeller = group_labeller(process, language)
    result = {}
    for field_name in REACH_FIELDS:
        before = _reach_cells(process, field_name, previous.id)
        after = _reach_cells(process, field_name, current.id)
        values = set(before or {}) | set(after or {})
        if field_name == "age_band" and values <= {None}:
            continue
        result[field_name] = [Change(value, labeller(field_name, value),
                                     _reach_cell(before, value), _reach_cell(after, value))
                              for value in sorted(values, key=lambda v: (v is None, str(v)))]
    return result


def _reach_cell(cells: dict | None, value) -> Cell:
    if cells is None:
        return HIDDEN
    return cells.get(value) or Cell(value, 0, 0.0)
