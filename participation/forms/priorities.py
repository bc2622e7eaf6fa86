"""Forms of prioritisation rounds: the planner's settings and items, and the residents' page (CSRF only)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from ..priorities.rounds import MAX_ROUND_POINTS
from .builder import REQUIRED, MultiCheckboxField


RANGE = _l("Bitte eine Zahl von %(min)s bis %(max)s.")


class RoundForm(FlaskForm):
    title = StringField(_l("Titel"), validators=[DataRequired(message=REQUIRED), Length(max=300)])
    intro = TextAreaField(_l("Einleitung für die Bürgerinnen und Bürger"), validators=[Optional(), Length(max=3000)])
    points_per_person = IntegerField(
        _l("Punkte pro Person"), default=3,
        validators=[InputRequired(REQUIRED), NumberRange(1, MAX_ROUND_POINTS, RANGE)])
    max_points_per_item = IntegerField(
        _l("Höchstens so viele Punkte auf einen Eintrag"), default=1,
        description=_l("1 heißt: jeder Eintrag höchstens einen Punkt. Mehr heißt: Punkte dürfen gehäuft werden."),
        validators=[InputRequired(REQUIRED), NumberRange(1, MAX_ROUND_POINTS, RANGE)])
    include_themes = BooleanField(_l("Veröffentlichte Themen priorisieren"), default=True)
    include_measures = BooleanField(_l("Vorgeschlagene Maßnahmen priorisieren"), default=True)
    opens_at = DateField(_l("Beginn (Datum, freiwillig)"), validators=[Optional()])
    closes_at = DateField(_l("Ende (Datum, freiwillig)"), validators=[Optional()])
    languages = MultiCheckboxField(_l("Sprachen"), choices=[])
    status = SelectField(_l("Stand"), choices=[("draft", _l("Entwurf")), ("open", _l("offen")),
                                                ("closed", _l("beendet"))])
    results_published = BooleanField(_l("Rangfolge öffentlich zeigen"))
    submit = SubmitField(_l("Speichern"))

    def validate_max_points_per_item(self, field):
        if field.data and self.points_per_person.data and field.data > self.points_per_person.data:
            raise ValidationError(_l("Nicht mehr als die Punkte pro Person."))

    def validate_closes_at(self, field):
        if field.data and self.opens_at.data and field.data < self.opens_at.data:
            raise ValidationError(_l("Das Ende liegt vor dem Beginn. Bitte prüfen Sie die Daten."))

    def validate_languages(self, field):
        if "de" not in (field.data or []):
            raise ValidationError(_l("Deutsch muss angeboten werden: es ist die Ausgangssprache aller Texte."))

    def validate_include_measures(self, field):
        if not field.data and not self.include_themes.data:
            raise ValidationError(_l("Bitte wählen Sie Themen, Maßnahmen oder beides."))


class ItemsForm(FlaskForm):
    """Which candidates are in the round; descriptions are read per item from the posted fields."""
    items = MultiCheckboxField(_l("Einträge"), choices=[])
    submit = SubmitField(_l("Einträge speichern"))


class ItemTextForm(FlaskForm):
    title = StringField(_l("Titel für die Bürgerinnen und Bürger"),
                        validators=[DataRequired(message=REQUIRED), Length(max=500)])
    description = TextAreaField(_l("Kurze Beschreibung"), validators=[Optional(), Length(max=1000)])
    show_quote = BooleanField(_l("Beispielzitat zeigen"))
    submit = SubmitField(_l("Speichern"))


class TranslationForm(FlaskForm):
    """Only CSRF: the texts per field are read by the view (their number depends on the round's items)."""
    submit = SubmitField(_l("Übersetzung speichern"))


class PointsForm(FlaskForm):
    """Only CSRF and the submission token: points and profile fields are read by priorities.points."""
    submission_id = HiddenField()


class DeleteForm(FlaskForm):
    """Confirming a deletion; `acknowledge` is asked for only where residents have seen the data (see the view)."""
    acknowledge = BooleanField(_l("Ja, ich möchte die Runde mit ihrer veröffentlichten Rangfolge und allen Punkten "
                                  "endgültig löschen."))
    submit = SubmitField(_l("Löschen"))
