"""The Kooperationscheck: the partner survey's statements per wave and per committee, small groups hidden.

Per wave, respondents are grouped by their answer to the committee question (option codes are kept by
builder.create_wave, so a committee is the same group in every wave; no answer is a group of its own).
The group sizes are protected like every other breakdown (reach.suppression.protect_counts, with
complementary suppression against the wave's published number of respondents); a hidden group shows no
size and no mean. A shown group's mean is given only when at least the minimum answered the statement.

The overall distribution of a statement comes from reach.aggregates.scale_distribution (also shown on the
results and wave-comparison pages). Its mean is given only when no scale point is hidden, like the median
there: with the number who answered, a mean would narrow two hidden points down. For the same reason, when
the overall mean is withheld, the committee means must not add up to it: then at least one group with
answers keeps its mean hidden.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from ..extensions import db
from ..models import Answer, Response, Survey
from ..reach.aggregates import scale_distribution, total_responses
from ..reach.suppression import TOTAL, protect_counts
from ..surveys.display import choices
from .templates import COMMITTEE_CODE, LIKERT, partner_waves

NO_ANSWER = None


@dataclass
class Figure:
    """One mean: of a committee (or of everyone) in one wave. count is the group's size."""
    count: int | None
    mean: float | None
    hidden: bool = False


@dataclass
class Row:
    key: object
    label: str
    figures: list          # one Figure per wave

    @property
    def change(self) -> float | None:
        """The mean's change from the wave before the last to the last; None when either is not shown."""
        if len(self.figures) < 2:
            return None
        before, after = self.figures[-2], self.figures[-1]
        if before.mean is None or after.mean is None:
            return None
        return after.mean - before.mean


@dataclass
class StatementCheck:
    code: str
    text: str
    overall: Row
    distributions: list    # per wave: (points as reach Cells, number who answered or None)
    committees: list[Row] = field(default_factory=list)


@dataclass
class CooperationCheck:
    waves: list[Survey]
    participants: list[int]
    min_group_size: int
    statements: list[StatementCheck] = field(default_factory=list)

    @property
    def any_hidden(self) -> bool:
        return any(figure.hidden for statement in self.statements for row in statement.committees
                   for figure in row.figures)


def _groups(wave: Survey) -> dict[int, object]:
    """{response id: committee option code, or None without an answer} for one wave."""
    question = wave.question_by_code(COMMITTEE_CODE)
    responses = dict.fromkeys(db.session.execute(
        db.select(Response.id).where(Response.questionnaire_id == wave.id)).scalars(), NO_ANSWER)
    if question is not None:
        for response_id, codes in db.session.execute(
                db.select(Answer.response_id, Answer.choice_codes)
                .where(Answer.question_id == question.id, Answer.item_kind == "answer")).all():
            if codes:
                responses[response_id] = codes[0]
    return responses


def _ratings(wave: Survey, code: str) -> dict[int, float]:
    """{response id: rating} of one statement in one wave."""
    question = wave.question_by_code(code)
    if question is None:
        return {}
    return {response_id: float(value) for response_id, value in db.session.execute(
        db.select(Answer.response_id, Answer.number_value)
        .where(Answer.question_id == question.id, Answer.item_kind == "answer",
               Answer.number_value.is_not(None))).all()}


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _committee_figures(groups: dict, ratings: dict, hidden_groups: set, sizes: dict, minimum: int,
                       overall_shown: bool) -> dict:
    """{group: Figure} of one statement in one wave (see the module docstring for the rules)."""
    figures = {}
    for group, size in sizes.items():
        values = [rating for response_id, rating in ratings.items() if groups.get(response_id) == group]
        if group in hidden_groups:
            figures[group] = Figure(None, None, hidden=True)
        elif len(values) < minimum and values:
            figures[group] = Figure(size, None, hidden=True)
        else:
            figures[group] = Figure(size, _mean(values))
    answered = [group for group in sizes if any(groups.get(r) == group for r in ratings)]
    if not overall_shown and answered and all(figures[group].mean is not None for group in answered):
        smallest = min(answered, key=lambda group: (sizes[group], str(group)))
        figures[smallest] = Figure(sizes[smallest], None, hidden=True)
    return figures


def _group_labels(waves: list[Survey], language: str) -> dict:
    """{option code: label} of the committee question over all waves (the latest wave's label wins)."""
    labels: dict = {}
    for wave in waves:
        question = wave.question_by_code(COMMITTEE_CODE)
        if question is not None:
            labels.update(choices(question, language, wave.process))
    labels[NO_ANSWER] = _l("keine Angabe")
    return labels


def cooperation_check(process, language: str = "de") -> CooperationCheck:
    """Everything the Kooperationscheck page shows, for all waves of the process's partner survey."""
    waves = partner_waves(process)
    minimum = max(int(process.min_group_size or 1), 1)
    check = CooperationCheck(waves, [total_responses(process, wave.id) for wave in waves], minimum)
    if not waves:  # no partner survey yet: the page says where to make one
        return check
    labels = _group_labels(waves, language)
    per_wave = []
    for wave, participants in zip(waves, check.participants):
        groups = _groups(wave)
        sizes = {code: 0 for code in labels}
        for group in groups.values():
            sizes[group] = sizes.get(group, 0) + 1
        hidden = protect_counts(sizes, minimum, participants)
        per_wave.append((groups, set(sizes) if TOTAL in hidden else hidden, sizes))
    for code, statement in LIKERT.items():
        overall, distributions, by_group = [], [], {key: [] for key in labels}
        for wave, (groups, hidden, sizes) in zip(waves, per_wave):
            ratings = _ratings(wave, code)
            question = wave.question_by_code(code)
            points, answered, _median = scale_distribution(question, process) if question is not None \
                else ([], 0, None)
            shown = bool(ratings) and len(ratings) >= minimum and not any(point.hidden for point in points)
            base = answered if not answered or answered >= minimum else None
            overall.append(Figure(base, _mean(list(ratings.values())) if shown else None,
                                  hidden=bool(ratings) and not shown))
            distributions.append((points, base))
            figures = _committee_figures(groups, ratings, hidden, sizes, minimum, shown)
            for key in labels:
                by_group[key].append(figures.get(key, Figure(0, None)))
        latest = waves[-1].question_by_code(code)
        text = (latest.translated("text", language) if latest is not None else None) or statement
        check.statements.append(StatementCheck(
            code, text, Row("all", _l("Alle Antwortenden"), overall), distributions,
            [Row(key, labels[key], by_group[key]) for key in labels
             if key is not NO_ANSWER or any(figure.count != 0 for figure in by_group[key])]))
    return check

