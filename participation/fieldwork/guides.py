"""Guides as multipliers use them: texts in the interview's language and what is still untranslated there."""
from __future__ import annotations

from ..models import Question, Questionnaire

GUIDE_QUESTION_FIELDS = ("text", "help_text", "narrative_prompt", "followup")


def guide_texts_missing(question: Question, language: str) -> list[str]:
    """Fields of a question (and its options' labels) that have German text but none in `language`."""
    if language == "de":
        return []
    missing = [name for name in GUIDE_QUESTION_FIELDS if question.text_with_fallback(name, language)[1]]
    if any(option.text_with_fallback("label", language)[1] for option in question.active_options):
        missing.append("options")
    return missing


def untranslated_questions(questionnaire: Questionnaire, language: str) -> list[Question]:
    """Active questions that would show German somewhere when the guide is used in `language`."""
    return [question for section in questionnaire.sections for question in section.active_questions
            if guide_texts_missing(question, language)]
