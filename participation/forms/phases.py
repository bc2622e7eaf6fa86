"""Forms of the phase page: start from a template, name a phase, re-open one, a checklist item."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..strategy.phases import template_choices


class PhaseTemplateForm(FlaskForm):
    template = RadioField(_l("Vorlage"), validators=[DataRequired(_l("Bitte wählen Sie eine Vorlage."))])
    submit = SubmitField(_l("Phasen anlegen"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.template.choices = template_choices()


class PhaseNameForm(FlaskForm):
    name = StringField(_l("Name der Phase"), validators=[
        DataRequired(_l("Bitte geben Sie einen Namen ein.")), Length(max=200)])
    submit = SubmitField(_l("Speichern"))


class ReopenForm(FlaskForm):
    reason = TextAreaField(_l("Warum wieder öffnen? (optional)"), validators=[Optional(), Length(max=2000)],
                           description=_l("z. B. Nach der Kommunalwahl gibt es neue Entscheidungsträger."))
    submit = SubmitField(_l("Wieder öffnen"))


class ChecklistItemForm(FlaskForm):
    text = StringField(_l("Neuer Punkt"), validators=[
        DataRequired(_l("Bitte geben Sie einen Text ein.")), Length(max=300)])
    submit = SubmitField(_l("Hinzufügen"))


class ChecklistItemEditForm(FlaskForm):
    text = StringField(_l("Text"), validators=[DataRequired(_l("Bitte geben Sie einen Text ein.")), Length(max=300)])
    submit = SubmitField(_l("Speichern"))
