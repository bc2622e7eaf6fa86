"""What a survey's public results page shows: participants, choice charts, published themes.

Every count between 1 and the process's minimum group size is hidden, together with any count that
would give it away through the number of answers (complementary suppression, see reach.suppression);
nothing is shown per question until the whole survey has reached that size, so no small group can be
singled out.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import func

from ..extensions import db
from ..models import Answer, Response, Survey, Theme, ThemeAssignment
from ..reach.charts import Bar, bar_chart_svg
from ..reach.suppression import protect_counts
from .display import choices

CHART_KINDS = ("single_choice", "multiple_choice", "scale", "district", "yes_no")


@dataclass
class Row:
    label: str
    count: int
    hidden: bool
    share: float = 0.0


@dataclass
class QuestionResult:
    question: object
    answered: int
    rows: list[Row]
    svg: str


@dataclass
class ThemeResult:
    label: str
    count: int
    hidden: bool


@dataclass
class SurveyResults:
    participants: int
    min_group_size: int
    questions: list[QuestionResult] = field(default_factory=list)
    themes: list[ThemeResult] = field(default_factory=list)

    @property
    def too_few(self) -> bool:
        return self.participants < self.min_group_size


def participant_count(survey: Survey) -> int:
    return db.session.execute(db.select(func.count(Response.id)).where(
        Response.questionnaire_id == survey.id)).scalar_one()


def survey_results(survey: Survey, language: str) -> SurveyResults:
    minimum = max(int(survey.process.min_group_size or 1), 1)
    results = SurveyResults(participants=participant_count(survey), min_group_size=minimum)
    if results.too_few:
        return results
    for question in survey.questions:
        if question.kind in CHART_KINDS and not question.archived:
            results.questions.append(question_result(survey, question, language, minimum))
    results.themes = published_themes(survey, minimum)
    return results


def question_result(survey: Survey, question, language: str, minimum: int) -> QuestionResult:
    rows = db.session.execute(
        db.select(Answer.choice_codes, Answer.number_value).join(Response)
        .where(Answer.question_id == question.id, Answer.item_kind == "answer", Answer.review_flag.is_(None),
               Response.questionnaire_id == survey.id)).all()
    counts: Counter = Counter()
    for codes, number in rows:
        if question.kind == "scale":
            if number is not None:
                counts[str(int(number))] += 1
        else:
            counts.update(codes or [])
    answered = len(rows)
    options = choices(question, language, survey.process)
    hidden = protect_counts({code: counts.get(code, 0) for code, _label in options}, minimum, total=answered,
                            additive=question.kind != "multiple_choice")
    table = []
    for code, label in options:
        count = counts.get(code, 0)
        table.append(Row(label=label, count=count, hidden=code in hidden,
                         share=(count / answered) if answered else 0.0))
    bars = [Bar(label=row.label, value=row.count, hidden=row.hidden,
                display=_("nicht ausgewiesen") if row.hidden else f"{row.count} ({row.share:.0%})")
            for row in table]
    title = question.text_with_fallback("text", language)[0]
    svg = bar_chart_svg(bars, title=title, description=_("Anzahl der Antworten je Auswahl; "
                                                         "die Tabelle daneben enthält dieselben Zahlen."))
    return QuestionResult(question=question, answered=answered, rows=table, svg=svg)


def published_themes(survey: Survey, minimum: int) -> list[ThemeResult]:
    """Published themes of the survey's process with the number of this survey's answers in each."""
    counted = db.session.execute(
        db.select(Theme.label, func.count(ThemeAssignment.id))
        .join(ThemeAssignment, ThemeAssignment.theme_id == Theme.id)
        .join(Answer, Answer.id == ThemeAssignment.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(Theme.process_id == survey.process_id, Theme.published.is_(True), Theme.archived.is_(False),
               Theme.merged_into_id.is_(None), Answer.review_flag.is_(None),
               Response.questionnaire_id == survey.id)
        .group_by(Theme.id, Theme.label, Theme.position)
        .order_by(func.count(ThemeAssignment.id).desc(), Theme.position)).all()
    hidden = protect_counts(dict(enumerate(count for _label, count in counted)), minimum, additive=False)
    return [ThemeResult(label=label, count=count, hidden=index in hidden)
            for index, (label, count) in enumerate(counted)]
