"""Forms of the reach dashboard: filters (GET) and quotas."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, SelectField, SubmitField
from wtforms.validators import NumberRange, Optional

from ..languages.labels import value_label


class UrlFilterForm(FlaskForm):
    """Filters travel in the URL (GET, no CSRF: they change nothing), so a view can be bookmarked and shared."""

    class Meta:
        csrf = False


class ReachFilterForm(UrlFilterForm):

    survey = SelectField(_l("Umfrage oder Leitfaden"), validate_choice=False)
    channel = SelectField(_l("Beteiligungskanal"), validate_choice=False)
    language = SelectField(_l("Sprache"), validate_choice=False)
    district = SelectField(_l("Stadtteil"), validate_choice=False)
    target_group = SelectField(_l("Zielgruppe"), validate_choice=False)
    submit = SubmitField(_l("Anzeigen"))

    def fill_choices(self, questionnaires, values: dict) -> None:
        everything = [("", str(_l("alle")))]
        self.survey.choices = everything + [(str(q.id), q.title) for q in questionnaires]
        for field in ("channel", "language", "district", "target_group"):
            getattr(self, field).choices = everything + [(v, value_label(field, v)) for v in values[field]]

    def filters(self) -> dict:
        return {field: getattr(self, field).data or None
                for field in ("channel", "language", "district", "target_group")}


def quota_form_class(process, groups: dict):
    """A form with one percentage field per group: groups is {field: [(stored value, label)]}."""
    class QuotaForm(FlaskForm):
        submit = SubmitField(_l("Quoten speichern"))

    fields = []
    for field, values in groups.items():
        for index, (value, label) in enumerate(values):
            name = f"{field}_{index}"
            setattr(QuotaForm, name, DecimalField(
                label, places=1, validators=[Optional(), NumberRange(min=0, max=100, message=_l(
                    "Bitte einen Anteil zwischen 0 und 100 Prozent eingeben."))]))
            fields.append((field, value, name))
    QuotaForm.quota_fields = fields
    return QuotaForm
