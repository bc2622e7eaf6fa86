"""Forms of the theme review: start an analysis, rename, notes, merge, split, move, flag."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..models import REVIEW_FLAGS

FLAG_LABELS = {"off_topic": _l("Passt nicht zur Frage"), "personal_data": _l("Enthält persönliche Daten"),
               "abusive": _l("Beleidigend")}
UNASSIGNED = 0


class StartAnalysisForm(FlaskForm):
    scope = SelectField(_l("Welche Antworten?"), coerce=int)
    n_themes = IntegerField(_l("Anzahl der Themen je Frage (leer lassen: automatisch)"), validators=[
        Optional(), NumberRange(min=2, max=30, message=_l("Bitte eine Zahl von 2 bis 30 eingeben."))])
    pool = SelectMultipleField(_l("Diese Fragen gemeinsam auswerten"), coerce=int, validate_choice=True)
    submit = SubmitField(_l("Analyse starten"))


class ActionForm(FlaskForm):
    """Only the CSRF token: for buttons such as undo, retry, quote, unflag, re-cluster."""


class RenameThemeForm(FlaskForm):
    label = StringField(_l("Name des Themas"), validators=[
        DataRequired(message=_l("Bitte geben Sie einen Namen ein.")), Length(max=200)])
    version = HiddenField()
    submit = SubmitField(_l("Umbenennen"))


class NotesForm(FlaskForm):
    notes = TextAreaField(_l("Notizen der Planungsgruppe"), validators=[Length(max=5000)])
    version = HiddenField()
    submit = SubmitField(_l("Notizen speichern"))


class MergeThemeForm(FlaskForm):
    target = SelectField(_l("Zusammenführen mit"), coerce=int)
    submit = SubmitField(_l("Zusammenführen"))


class AnswerSelectionForm(FlaskForm):
    """Answers ticked in the list: move them to another theme, or split them off into a new one."""
    answer_ids = SelectMultipleField(_l("Ausgewählte Antworten"), coerce=int, validate_choice=False)
    target = SelectField(_l("Verschieben nach"), coerce=int)
    new_label = StringField(_l("Name des neuen Themas (leer lassen: automatisch)"), validators=[Length(max=200)])
    move = SubmitField(_l("Ausgewählte verschieben"))
    split = SubmitField(_l("Ausgewählte als neues Thema abtrennen"))


class FlagForm(FlaskForm):
    flag = SelectField(_l("Grund"), choices=[(code, FLAG_LABELS[code]) for code in REVIEW_FLAGS])
    submit = SubmitField(_l("Ausschließen"))
