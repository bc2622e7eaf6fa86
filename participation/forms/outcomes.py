"""Forms of "what came of it": the stage and rules, a decision on a theme, an address to hear back."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, EmailField, RadioField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..outcomes.labels import STAGE_LABELS, decision_labels

TEXT_LIMIT = 2000


class RulesForm(FlaskForm):
    stage = RadioField(_l("Stufe der Beteiligung"), choices=list(STAGE_LABELS.items()),
                       validators=[DataRequired(_l("Bitte wählen Sie eine Stufe der Beteiligung."))])
    residents_decide = TextAreaField(_l("Worüber die Bewohnerinnen und Bewohner mitentscheiden"),
                                     validators=[Optional(), Length(max=TEXT_LIMIT)],
                                     description=_l("Leer lassen, wenn sie über nichts selbst entscheiden."))
    residents_advise = TextAreaField(_l("Wozu sie beraten"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    decided_by = TextAreaField(_l("Wer entscheidet"), validators=[
        DataRequired(_l("Bitte nennen Sie, wer entscheidet (z. B. Steuerungsgruppe, Stadtrat).")),
        Length(max=TEXT_LIMIT)], description=_l("Gremien, keine Personen: z. B. Steuerungsgruppe, Stadtrat"))
    timeline = TextAreaField(_l("Zeitplan"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    contact = TextAreaField(_l("Koordinierungsstelle als Ansprechpartner"),
                            validators=[Optional(), Length(max=TEXT_LIMIT)])
    submit = SubmitField(_l("Spielregeln speichern"))


class DecisionForm(FlaskForm):
    status = RadioField(_l("Entscheidung"), choices=[],
                        validators=[DataRequired(_l("Bitte wählen Sie eine Entscheidung."))])
    reason = TextAreaField(_l("Begründung in einfachen Worten"), validators=[Optional(), Length(max=TEXT_LIMIT)],
                           description=_l("Pflicht bei „zurückgestellt“ und „nicht umgesetzt“."))
    decided_on = DateField(_l("Datum der Entscheidung"), validators=[Optional()])
    decided_by = StringField(_l("Entschieden von (Gremium)"), validators=[
        DataRequired(_l("Bitte nennen Sie das Gremium, das entschieden hat.")), Length(max=300)],
        description=_l("Ein Gremium, keine Person: z. B. Steuerungsgruppe, Stadtrat, Jugendhilfeausschuss"))
    measures = SelectMultipleField(_l("Maßnahmen, die das umsetzen"), coerce=int, choices=[],
                                   widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())
    submit = SubmitField(_l("Entscheidung speichern"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = list(decision_labels().items())


def _address(value):
    """Phones add spaces and capitals; the same address is stored once."""
    return value.strip().lower() if isinstance(value, str) else value


class SubscribeForm(FlaskForm):
    email = EmailField(_l("Ihre E-Mail-Adresse"), filters=[_address], validators=[
        DataRequired(_l("Bitte geben Sie Ihre E-Mail-Adresse ein.")),
        Email(message=_l("Bitte geben Sie eine gültige E-Mail-Adresse ein.")), Length(max=254)])
    submit = SubmitField(_l("Benachrichtigen Sie mich"))
