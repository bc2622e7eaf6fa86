"""Template helpers for showing questions: choices with labels in the reader's language."""
from flask_babel import gettext as _

from .answering import choice_limit_hint


def choices(question, language: str, process) -> list[tuple[str, str]]:
    """(code, label) pairs a person can pick for a question."""
    if question.kind == "district":
        return [(name, name) for name in (process.districts or [])]
    if question.kind == "yes_no":
        return [("yes", _("Ja")), ("no", _("Nein"))]
    if question.kind == "scale":
        low = question.min_value if question.min_value is not None else 1
        high = question.max_value if question.max_value is not None else 5
        labels = {low: question.translated("scale_min_label", language),
                  high: question.translated("scale_max_label", language)}
        return [(str(value), f"{value} – {labels[value]}" if labels.get(value) else str(value))
                for value in range(low, high + 1)]
    return [(option.code, option.translated("label", language)) for option in question.active_options]


def choice_label(question, code: str, language: str) -> str:
    return dict(choices(question, language, question.section.questionnaire.process)).get(code, code)


def init_app(app) -> None:
    app.jinja_env.globals.update(choices=choices, choice_label=choice_label, choice_limit_hint=choice_limit_hint)
