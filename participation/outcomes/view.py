"""What residents and data portals see of a process's outcome: one structure for the page and the JSON.

Only published things appear: published themes (current, not merged), published decisions, the measures
linked to them, and reach and answer counts with every group below the minimum group size hidden together
with whatever would give it away (reach.aggregates, reach.suppression). Counts appear only once a survey of
the process has published its results; themes and their counts only once the process has reached the
minimum group size.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func

from ..cooperation.instruments import resident_questionnaires
from ..extensions import db
from ..languages.labels import value_label
from ..models import Answer, ParticipationRules, Process, Response, Survey, Theme, ThemeAssignment
from ..reach.aggregates import Cell, response_counts, total_responses
from ..reach.suppression import protect_counts
from ..strategy import measure_status_labels
from ..surveys.results import SurveyResults, survey_results
from .labels import RULE_LABELS, decision_label, stage_label, stage_meaning
from .record import decisions_by_theme, published_themes


@dataclass
class Text:
    """A text in the reader's language; `german` when no translation exists yet (marked on the page)."""
    value: str
    german: bool = False


def _text(obj, name: str, language: str) -> Text:
    value, fell_back = obj.text_with_fallback(name, language)
    return Text(value, fell_back)


@dataclass
class MeasureView:
    title: Text
    status: str
    status_label: str


@dataclass
class DecisionView:
    status: str
    status_label: str
    reason: Text
    decided_on: object
    decided_by: Text


@dataclass
class ThemeView:
    id: int
    label: Text
    answers: int | None
    decision: DecisionView | None
    measures: list[MeasureView] = field(default_factory=list)


@dataclass
class Outcome:
    process: Process
    language: str
    survey: Survey | None = None
    stage: str | None = None
    stage_label: str = ""
    stage_meaning: str = ""
    rules: list[tuple[str, str, Text]] = field(default_factory=list)   # (key, label, text)
    counts_public: bool = False
    participants: int | None = None
    min_group_size: int = 5
    by_channel: list = field(default_factory=list)
    by_language: list = field(default_factory=list)
    themes: list[ThemeView] = field(default_factory=list)
    results: SurveyResults | None = None
    updated: datetime | None = None

    @property
    def decided(self) -> list[ThemeView]:
        return [theme for theme in self.themes if theme.decision is not None]


def public_surveys(process: Process) -> list[Survey]:
    """Surveys residents know of (anything but a draft; not the partner survey, which partners answer)."""
    return [survey for survey in resident_questionnaires(process, "survey") if survey.status != "draft"]


def is_public(process: Process | None) -> bool:
    return process is not None and bool(public_surveys(process))


def process_languages(process: Process) -> list[str]:
    return list(process.languages or ["de"])


def _theme_counts(process: Process, survey: Survey | None) -> dict[int, int]:
    query = (db.select(Theme.id, func.count(ThemeAssignment.id))
             .join(ThemeAssignment, ThemeAssignment.theme_id == Theme.id)
             .join(Answer, Answer.id == ThemeAssignment.answer_id)
             .join(Response, Response.id == Answer.response_id)
             .where(Theme.process_id == process.id, Answer.review_flag.is_(None))
             .group_by(Theme.id))
    if survey is not None:
        query = query.where(Response.questionnaire_id == survey.id)
    return dict(db.session.execute(query).all())


def _participants(process: Process, survey: Survey | None) -> int:
    return total_responses(process, survey.id if survey is not None else None)


def _fill_rules(view, process_id: int, language: str) -> ParticipationRules | None:
    rules = db.session.execute(db.select(ParticipationRules).filter_by(process_id=process_id)).scalar_one_or_none()
    if rules is not None:
        view.stage, view.stage_label, view.stage_meaning = rules.stage, stage_label(rules.stage), stage_meaning(rules.stage)
        view.rules = [(name, str(RULE_LABELS[name]), _text(rules, name, language))
                      for name in rules.TRANSLATABLE_FIELDS if (getattr(rules, name) or "").strip()]
    return rules


@dataclass
class RulesView:
    """The stage and rules alone: the start page shows them short, the results page in full."""
    stage: str | None = None
    stage_label: str = ""
    stage_meaning: str = ""
    rules: list = field(default_factory=list)

    @property
    def decided_by(self) -> Text:
        return next((text for key, _label, text in self.rules if key == "decided_by"), Text(""))


def rules_view(process_id: int, language: str) -> RulesView | None:
    """None until planners set the stage."""
    view = RulesView()
    return view if _fill_rules(view, process_id, language) is not None else None


def outcome(process: Process, language: str, survey: Survey | None = None) -> Outcome:
    """Everything public about the process's outcome (of one survey's answers when `survey` is given)."""
    minimum = max(int(process.min_group_size or 1), 1)
    view = Outcome(process=process, language=language, survey=survey, min_group_size=minimum)
    rules = _fill_rules(view, process.id, language)
    stamps = [rules.updated_at] if rules is not None else []
    surveys = [survey] if survey is not None else public_surveys(process)
    view.counts_public = any(s.results_published for s in surveys)
    if view.counts_public:
        view.participants = _participants(process, survey)
        if survey is None and view.participants >= minimum:
            view.by_channel = _labelled("channel", response_counts(process, "channel"))
            view.by_language = _labelled("language", response_counts(process, "language"))
    view.themes = _themes(process, language, survey, view, stamps)
    if survey is not None and survey.results_published:
        view.results = survey_results(survey, language)
    view.updated = max((stamp for stamp in stamps if stamp is not None), default=None)
    return view


def _themes(process: Process, language: str, survey: Survey | None, view: Outcome, stamps: list) -> list[ThemeView]:
    themes = published_themes(process)
    decisions = decisions_by_theme(process)
    counted = view.counts_public and (view.participants or 0) >= view.min_group_size
    counts = _theme_counts(process, survey) if counted else {}
    hidden = protect_counts({theme.id: counts.get(theme.id, 0) for theme in themes}, view.min_group_size,
                            additive=False) if counted else set()
    statuses = measure_status_labels()
    result = []
    for theme in themes:
        decision = decisions.get(theme.id)
        published = decision is not None and decision.published
        label = _text(decision, "theme_label", language) if decision is not None else Text(theme.label, language != "de")
        item = ThemeView(id=theme.id, label=label,
                         answers=None if (not counted or theme.id in hidden) else counts.get(theme.id, 0),
                         decision=None)
        if published:
            item.decision = DecisionView(status=decision.status, status_label=decision_label(decision.status),
                                         reason=_text(decision, "reason", language), decided_on=decision.decided_on,
                                         decided_by=_text(decision, "decided_by", language))
            item.measures = [MeasureView(title=_text(measure, "title", language), status=measure.status,
                                         status_label=statuses.get(measure.status, measure.status))
                             for measure in decision.measures]
            stamps.extend([decision.updated_at, decision.published_at])
        stamps.append(theme.updated_at)
        result.append(item)
    return result


def _labelled(breakdown: str, cells: list[Cell]) -> list[tuple[str, str, int | None]]:
    """(key, label, count or None when hidden) for each published group."""
    return [(cell.value or "", value_label(breakdown, cell.value), None if cell.hidden else cell.count)
            for cell in cells]


def _date(value) -> str | None:
    return value.isoformat() if value is not None else None


def as_json(view: Outcome, license_id: str, page_url: str) -> dict:
    """The open-data document (schema in the README): stable English keys, labels in `view.language`."""
    process, survey = view.process, view.survey
    document = {
        "process": {"id": process.id, "title": process.translated("title", view.language)},
        "survey": ({"code": survey.short_code, "title": survey.translated("title", view.language)}
                   if survey is not None else None),
        "updated": view.updated.date().isoformat() if view.updated else None,
        "language": view.language,
        "url": page_url,
        "participation": {"stage": view.stage, "stage_label": view.stage_label or None,
                          "stage_meaning": view.stage_meaning or None,
                          "rules": {key: text.value for key, _label, text in view.rules}},
        "participants": view.participants if view.participants is None or
        view.participants >= view.min_group_size else None,
        "min_group_size": view.min_group_size,
        "themes": [{
            "label": theme.label.value,
            "answers": theme.answers,
            "decision": ({"status": theme.decision.status, "status_label": theme.decision.status_label,
                          "reason": theme.decision.reason.value or None,
                          "decided_on": _date(theme.decision.decided_on),
                          "decided_by": theme.decision.decided_by.value or None}
                         if theme.decision is not None else None),
            "measures": [{"title": measure.title.value, "status": measure.status,
                          "status_label": measure.status_label} for measure in theme.measures],
        } for theme in view.themes],
        "questions": _questions_json(view.results, view.language),
        "license": license_id,
    }
    return document


def _questions_json(results: SurveyResults | None, language: str) -> list[dict]:
    if results is None or results.too_few:
        return []
    return [{"code": item.question.code, "question": item.question.translated("text", language),
             "answered": item.answered,
             "answers": [{"label": row.label, "count": None if row.hidden else row.count} for row in item.rows]}
            for item in results.questions]
