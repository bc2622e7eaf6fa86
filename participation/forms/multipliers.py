"""Forms with which planners invite multipliers and decide what they may use."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length
from wtforms.widgets import CheckboxInput, ListWidget


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AssignmentForm(FlaskForm):
    questionnaires = MultiCheckboxField(_l("Leitfäden und Umfragen, die sie nutzen darf"), coerce=int,
                                        validate_choice=True)
    submit = SubmitField(_l("Zuweisung speichern"))


class InviteMultiplierForm(AssignmentForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-Mail-Adresse"), validators=[
        DataRequired(), Email(message=_l("Bitte geben Sie eine gültige E-Mail-Adresse ein.")), Length(max=254)])
    submit = SubmitField(_l("Einladungslink erstellen"))


class ConfirmForm(FlaskForm):
    """Only the CSRF token: for buttons that change one thing."""
