"""Forms of the planner side: processes, surveys and guides, sections, questions, options."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..languages.i18n import LANGUAGES

PHASE_CHOICES = [("bestandsaufnahme", _l("Bestandsaufnahme")), ("leitlinien", _l("Leitlinien")),
                 ("handlungsempfehlungen", _l("Handlungsempfehlungen"))]
KIND_CHOICES = [
    ("single_choice", _l("Auswahl: eine Antwort")), ("multiple_choice", _l("Auswahl: mehrere Antworten")),
    ("scale", _l("Skala")), ("short_text", _l("Kurzer Text")), ("long_text", _l("Langer Text")),
    ("number", _l("Zahl")), ("district", _l("Stadtteil")), ("yes_no", _l("Ja/Nein")),
]
KIND_LABELS = dict(KIND_CHOICES)
GUIDE_TYPE_CHOICES = [("interview", _l("Interview")), ("focus_group", _l("Fokusgruppe"))]
REQUIRED = _l("Bitte füllen Sie dieses Feld aus.")


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes (each with its own label) instead of a multi-select box."""
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def lines(text: str | None) -> list[str]:
    """One entry per line, blanks and duplicates dropped, order kept."""
    return list(dict.fromkeys(line.strip() for line in (text or "").splitlines() if line.strip()))


class ProcessForm(FlaskForm):
    title = StringField(_l("Titel"), validators=[DataRequired(message=REQUIRED), Length(max=200)])
    description = TextAreaField(_l("Beschreibung"), validators=[Optional(), Length(max=5000)])
    phase = SelectField(_l("Phase"), choices=PHASE_CHOICES)
    districts = TextAreaField(_l("Stadtteile (einer pro Zeile)"), validators=[Optional(), Length(max=5000)])
    target_groups = TextAreaField(_l("Zielgruppen (eine pro Zeile)"), validators=[Optional(), Length(max=5000)])
    languages = MultiCheckboxField(_l("Angebotene Sprachen"),
                                   choices=[(code, lang.native_name) for code, lang in LANGUAGES.items()])
    min_group_size = IntegerField(_l("Mindestgröße einer Gruppe in Auswertungen"), default=5, validators=[
        InputRequired(message=_l("Bitte geben Sie eine ganze Zahl ein.")),
        NumberRange(min=2, max=1000, message=_l("Bitte eine Zahl von 2 bis 1000: kleinere Gruppen "
                                                "könnten einzelne Personen erkennbar machen."))])
    submit = SubmitField(_l("Speichern"))

    def validate_languages(self, field):
        if "de" not in (field.data or []):
            raise ValidationError(_l("Deutsch muss angeboten werden: es ist die Ausgangssprache aller Texte."))

    def validate_districts(self, field):
        if any(len(line) > 120 for line in lines(field.data)):
            raise ValidationError(_l("Ein Stadtteilname darf höchstens 120 Zeichen haben."))

    def validate_target_groups(self, field):
        if any(len(line) > 120 for line in lines(field.data)):
            raise ValidationError(_l("Eine Zielgruppe darf höchstens 120 Zeichen haben."))


class MemberForm(FlaskForm):
    user_id = SelectField(_l("Person aus der Planung"), coerce=int, choices=[])
    submit = SubmitField(_l("Zum Prozess hinzufügen"))


class NewQuestionnaireForm(FlaskForm):
    title = StringField(_l("Titel"), validators=[DataRequired(message=REQUIRED), Length(max=300)])
    guide_type = SelectField(_l("Art des Leitfadens"), choices=GUIDE_TYPE_CHOICES)
    submit = SubmitField(_l("Anlegen"))


class SettingsForm(FlaskForm):
    title = StringField(_l("Titel"), validators=[DataRequired(message=REQUIRED), Length(max=300)])
    guide_type = SelectField(_l("Art des Leitfadens"), choices=GUIDE_TYPE_CHOICES)
    intro = TextAreaField(_l("Einleitung"), validators=[Optional(), Length(max=5000)])
    consent_text = TextAreaField(_l("Einwilligungstext"), validators=[Optional(), Length(max=5000)])
    thanks_text = TextAreaField(_l("Dankeschön-Text"), validators=[Optional(), Length(max=5000)])
    short_code = StringField(_l("Kurzadresse"), validators=[DataRequired(message=REQUIRED), Length(max=40)],
                             filters=[lambda value: value.strip().lower() if value else value])
    opens_at = DateField(_l("Beginn (Datum, freiwillig)"), validators=[Optional()],
                         render_kw={"autocomplete": "off"})
    closes_at = DateField(_l("Ende (Datum, freiwillig)"), validators=[Optional()],
                          render_kw={"autocomplete": "off"})
    languages = MultiCheckboxField(_l("Sprachen dieses Fragebogens"), choices=[])
    results_published = BooleanField(_l("Ergebnisseite öffentlich zeigen"))
    submit = SubmitField(_l("Speichern"))

    def validate_languages(self, field):
        if "de" not in (field.data or []):
            raise ValidationError(_l("Deutsch muss angeboten werden: es ist die Ausgangssprache aller Texte."))


class SectionForm(FlaskForm):
    title = StringField(_l("Überschrift des Abschnitts"), validators=[Optional(), Length(max=300)])
    intro = TextAreaField(_l("Einleitung des Abschnitts"), validators=[Optional(), Length(max=5000)])
    planned_minutes = IntegerField(_l("Geplante Minuten"), validators=[
        Optional(), NumberRange(min=1, max=600, message=_l("Bitte eine Zahl von 1 bis 600."))])
    submit = SubmitField(_l("Abschnitt speichern"))


class QuestionForm(FlaskForm):
    """New and edited questions. The type is chosen once; the condition's choices are set by the view."""
    kind = SelectField(_l("Art der Frage"), choices=KIND_CHOICES)
    text = TextAreaField(_l("Fragetext"), validators=[DataRequired(message=REQUIRED), Length(max=2000)])
    help_text = TextAreaField(_l("Hilfetext (freiwillig)"), validators=[Optional(), Length(max=2000)])
    narrative_prompt = TextAreaField(_l("Erzählstimulus (freiwillig)"), validators=[Optional(), Length(max=2000)])
    followup = TextAreaField(_l("Nachfragen für Interviewende (freiwillig)"),
                             validators=[Optional(), Length(max=2000)])
    required = BooleanField(_l("Pflichtfrage"))
    target_group = BooleanField(_l("Die Antwort ordnet die Person einer Zielgruppe des Prozesses zu"))
    age_band = BooleanField(_l("Die Antwort gibt die Altersgruppe der Person an (für Altersquoten)"))
    options = TextAreaField(_l("Antwortmöglichkeiten (eine pro Zeile)"), validators=[Length(max=10000)])
    min_value = IntegerField(_l("Kleinster Wert"), validators=[Optional(), NumberRange(
        min=-10**9, max=10**9, message=_l("Bitte eine Zahl zwischen -1.000.000.000 und 1.000.000.000."))])
    max_value = IntegerField(_l("Größter Wert"), validators=[Optional(), NumberRange(
        min=-10**9, max=10**9, message=_l("Bitte eine Zahl zwischen -1.000.000.000 und 1.000.000.000."))])
    scale_min_label = StringField(_l("Beschriftung des kleinsten Werts"), validators=[Optional(), Length(max=200)])
    scale_max_label = StringField(_l("Beschriftung des größten Werts"), validators=[Optional(), Length(max=200)])
    min_choices = IntegerField(_l("Mindestens so viele Antworten (freiwillig)"), validators=[
        Optional(), NumberRange(min=1, max=100, message=_l("Bitte eine Zahl von 1 bis 100."))])
    max_choices = IntegerField(_l("Höchstens so viele Antworten (freiwillig)"), validators=[
        Optional(), NumberRange(min=1, max=100, message=_l("Bitte eine Zahl von 1 bis 100."))])
    max_length = IntegerField(_l("Höchstzahl an Zeichen (freiwillig)"), validators=[
        Optional(), NumberRange(min=1, max=20000, message=_l("Bitte eine Zahl von 1 bis 20000."))])
    # Not limited to the offered choices: the builder explains why another condition is not possible.
    condition = SelectField(_l("Nur zeigen, wenn …"), choices=[("", _l("immer zeigen"))], default="",
                            validate_choice=False)
    section_id = SelectField(_l("Abschnitt"), coerce=int, choices=[], validate_choice=False)
    submit = SubmitField(_l("Frage speichern"))

    def validate_age_band(self, field):
        if field.data and self.target_group.data:
            raise ValidationError(_l("Eine Frage gibt entweder die Zielgruppe oder die Altersgruppe an, nicht "
                                     "beides."))

    def validate_options(self, field):
        from_target_groups = self.kind.data == "single_choice" and (self.target_group.data or self.age_band.data)
        if self.kind.data in ("single_choice", "multiple_choice") and not lines(field.data) and not from_target_groups:
            raise ValidationError(_l("Bitte geben Sie mindestens eine Antwortmöglichkeit ein."))
        if any(len(line) > 500 for line in lines(field.data)):
            raise ValidationError(_l("Eine Antwortmöglichkeit darf höchstens 500 Zeichen haben."))


class OptionForm(FlaskForm):
    label = StringField(_l("Neue Antwortmöglichkeit"), validators=[DataRequired(message=REQUIRED), Length(max=500)])
    submit = SubmitField(_l("Speichern"))


class ActionForm(FlaskForm):
    """A button that changes something (move, delete, open, copy): carries only the CSRF token."""
    submit = SubmitField(_l("Ausführen"))
