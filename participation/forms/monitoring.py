"""Forms of the monitoring part of the strategy: indicator values, their CSV import, council decisions,
the strategy's name and the quality self-check of a measure."""
from urllib.parse import urlparse

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..strategy.monitoring import parse_number
from ..strategy.quality import CRITERION_KEYS, rating_labels
from ..strategy.value_import import MAX_UPLOAD_BYTES


class IndicatorValueForm(FlaskForm):
    measured_on = DateField(_l("Datum der Messung"), validators=[DataRequired(
        _l("Bitte geben Sie ein gültiges Datum ein."))])
    value = StringField(_l("Wert"), validators=[DataRequired(_l("Bitte geben Sie einen Wert ein.")),
                                                 Length(max=40)],
                        description=_l("Eine Zahl, z. B. 12,5"))
    source = StringField(_l("Quelle"), validators=[Optional(), Length(max=300)],
                         description=_l("z. B. Schuleingangsuntersuchung 2025, Sozialbericht"))
    note = TextAreaField(_l("Notiz"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Wert speichern"))

    def validate_value(self, field):
        if parse_number(field.data) is None:
            raise ValidationError(_l("Bitte geben Sie eine Zahl ein, z. B. 12,5."))


class ValueImportForm(FlaskForm):
    file = FileField(_l("CSV-Datei"), validators=[FileRequired(_l("Bitte wählen Sie eine Datei aus."))],
                     description=_l("Spalten: Indikator (Name oder Nummer); Datum; Wert; Quelle; Notiz. Datum als "
                                    "31.12.2025 oder 2025-12-31, Dezimalkomma erlaubt. Höchstens 1 MB."))
    submit = SubmitField(_l("Werte prüfen und übernehmen"))

    def validate_file(self, field):
        if not (getattr(field.data, "filename", "") or "").lower().endswith((".csv", ".txt")):
            raise ValidationError(_l("Bitte laden Sie eine .csv-Datei hoch."))

    def read_upload(self) -> bytes | None:
        """The uploaded bytes, or None if the file is larger than allowed."""
        data = self.file.data.read(MAX_UPLOAD_BYTES + 1)
        return None if len(data) > MAX_UPLOAD_BYTES else data


def is_web_link(text: str) -> bool:
    """Only http and https links with a host: no javascript:, data: or file: links on our pages."""
    parsed = urlparse((text or "").strip())
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and " " not in text.strip()


class CouncilDecisionForm(FlaskForm):
    decided_on = DateField(_l("Datum des Beschlusses"), validators=[DataRequired(
        _l("Bitte geben Sie ein gültiges Datum ein."))])
    body = StringField(_l("Gremium"), validators=[DataRequired(_l("Bitte nennen Sie das Gremium.")),
                                                  Length(max=200)],
                       description=_l("z. B. Stadtrat, Ausschuss für Soziales und Gesundheit"))
    document_number = StringField(_l("Drucksache"), validators=[Optional(), Length(max=100)])
    url = StringField(_l("Link zum Beschluss"), validators=[Optional(), Length(max=500)],
                      description=_l("Adresse im Ratsinformationssystem, beginnt mit https://"))
    note = TextAreaField(_l("Notiz"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Beschluss speichern"))

    def validate_url(self, field):
        if field.data and not is_web_link(field.data):
            raise ValidationError(_l("Bitte geben Sie eine Web-Adresse ein, die mit http:// oder https:// "
                                     "beginnt."))


class StrategyNameForm(FlaskForm):
    strategy_name = StringField(_l("Name der Strategie"), validators=[Optional(), Length(max=120)],
                                description=_l("z. B. Präventionskette, Integriertes Handlungskonzept, Gesunde "
                                               "Stadt. Leer lassen für „Strategie“."))
    submit = SubmitField(_l("Namen speichern"))


def quality_form(measure_ratings: dict):
    """A form with a rating and a note per criterion (the page names the criterion in each fieldset's legend),
    filled with the stored ratings."""

    class QualityForm(FlaskForm):
        submit = SubmitField(_l("Selbstcheck speichern"))

    choices = list(rating_labels().items())
    for key in CRITERION_KEYS:
        setattr(QualityForm, f"rating_{key}", SelectField(_l("Bewertung"), choices=choices, default="open"))
        setattr(QualityForm, f"note_{key}", TextAreaField(_l("Notiz"), validators=[Optional(), Length(max=2000)]))
    data = {}
    for key, rating in measure_ratings.items():
        data[f"rating_{key}"], data[f"note_{key}"] = rating.rating, rating.note
    return QualityForm(data=data)
