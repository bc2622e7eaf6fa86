"""Forms of the residents' area and of paper data entry.

The survey questions themselves are read by participation.answering.parse_form (the same rules for
every channel); these forms carry what lies around them: consent, language, CSRF.
"""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField
from wtforms.validators import DataRequired

CONSENT_MISSING = _l("Bitte bestätigen Sie Ihr Einverständnis, damit Sie teilnehmen können.")


class StartForm(FlaskForm):
    """First page of a survey; the consent field is removed when the survey asks for no consent."""
    consent = BooleanField(_l("Ja, ich bin einverstanden."), validators=[DataRequired(message=CONSENT_MISSING)])


class PaperEntryForm(FlaskForm):
    """One paper questionnaire typed in by a planner or multiplier."""
    language = SelectField(_l("Sprache des Papierbogens"), choices=[], validate_choice=False)
    consent = BooleanField(_l("Auf dem Papierbogen ist das Einverständnis angekreuzt."),
                           validators=[DataRequired(message=_l(
                               "Ohne angekreuztes Einverständnis darf der Bogen nicht erfasst werden."))])
    submission_id = HiddenField()
