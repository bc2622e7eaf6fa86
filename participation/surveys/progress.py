"""One resident's way through a survey: the draft with its answers parsed once, its pages, visibility and errors.

A route builds a `SurveyInProgress` once per request and asks it everything it needs (which questions a
page shows, which page comes next, what is still wrong); stored draft answers are parsed only once, and
again only after the page's new input was recorded. A page is one section with at least one active
question; pages are numbered from 1.
"""
from __future__ import annotations

from ..models import Question, Section, Survey
from .answering import ParsedAnswers, is_visible, parse_form, parse_question, validate_values
from .flow import Draft, merge_raw, write_draft


def survey_pages(survey: Survey) -> list[Section]:
    """The sections residents page through: those with at least one active question."""
    return [section for section in survey.sections if section.active_questions]


def _as_list(raw) -> list:
    return raw if isinstance(raw, list) else [raw]


class SurveyInProgress:
    """A survey and one draft of it, with the draft's raw answers parsed into values and errors once."""

    def __init__(self, survey: Survey, draft: Draft):
        self.survey = survey
        self.draft = draft
        self.pages = survey_pages(survey)
        self._questions = [question for question in survey.questions if not question.archived]
        self._parse()

    def _parse(self) -> None:
        """Every stored raw answer parsed once: valid values before visibility, and the errors of invalid ones."""
        self._parsed: dict = {}
        self._invalid: dict = {}
        raw_answers = self.draft.raw_answers
        process = self.survey.process
        for question in self._questions:
            if question.code not in raw_answers:
                continue
            value, error = parse_question(question, process, _as_list(raw_answers[question.code]))
            if error is not None:
                self._invalid[question.code] = error
            elif value is not None:
                self._parsed[question.code] = value

    def values(self, exclude: frozenset[str] | set[str] = frozenset()) -> dict:
        """Valid answers, leaving out `exclude` and answers to questions that are hidden by their condition."""
        values = {code: value for code, value in self._parsed.items() if code not in exclude}
        for question in self._questions:
            if question.code in values and not is_visible(question, values):
                values.pop(question.code)
        return values

    # ------------------------------------------------------------------------------------------ pages

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def has_page(self, number: int) -> bool:
        return 1 <= number <= len(self.pages)

    def section(self, number: int) -> Section:
        return self.pages[number - 1]

    def codes_on(self, number: int) -> set[str]:
        return {question.code for question in self.section(number).active_questions}

    def questions_on(self, number: int, values: dict | None = None) -> list[Question]:
        """A page's questions; a question whose condition lies on another page is shown only if it is met.

        Conditions on the same page are decided in the browser (survey.js) or, without JavaScript, by the
        resident reading the note under the question.
        """
        on_page = self.codes_on(number)
        known = self.values(exclude=on_page) if values is None else values
        return [question for question in self.section(number).active_questions
                if question.condition_question is None or question.condition_question.code in on_page
                or is_visible(question, known)]

    def neighbour(self, number: int, step: int) -> int | None:
        """The next page (step +1) or previous page (step -1) that has a question to show; None past the end."""
        values = self.values()
        candidate = number + step
        while self.has_page(candidate):
            if self.questions_on(candidate, values):
                return candidate
            candidate += step
        return None

    def first_page(self) -> int:
        return self.neighbour(0, 1) or 1

    def is_last(self, number: int) -> bool:
        return self.neighbour(number, 1) is None

    # ------------------------------------------------------------------------------------------ input

    def take_page(self, number: int, formdata) -> ParsedAnswers:
        """Take what the resident typed on a page, valid or not, into the draft; `keep()` stores it."""
        questions = self.questions_on(number)
        parsed = parse_form(questions, self.survey.process, formdata,
                            known_values=self.values(exclude=self.codes_on(number)))
        merge_raw(self.draft, questions, parsed.raw)
        self._parse()
        return parsed

    def keep(self) -> bool:
        """Store the draft as it is now; False when it is gone (submitted meanwhile by a parallel request)."""
        return write_draft(self.draft)

    def complete(self, number: int, parsed: ParsedAnswers) -> bool:
        """The last page was answered and nothing is missing or wrong anywhere: ready to be submitted."""
        return (not parsed.errors and self.is_last(number) and not self.final_errors()
                and (not self.survey.consent_text or self.draft.consent))

    def restart_with(self, draft: Draft) -> None:
        """Continue with another draft (the old one was submitted by a parallel request)."""
        self.draft = draft
        self._parse()

    def final_errors(self) -> dict:
        """Problems with the whole set of answers (e.g. a required question on a page that was skipped)."""
        values = self.values()
        errors = validate_values(self.survey, values)
        for question in self._questions:
            if question.code in self._invalid and is_visible(question, values):
                errors[question.code] = self._invalid[question.code]
        return errors

    def first_page_with_error(self, errors: dict) -> int:
        for number, section in enumerate(self.pages, start=1):
            if any(question.code in errors for question in section.active_questions):
                return number
        return 1
