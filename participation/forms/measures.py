"""Forms for running measures: resources and evaluation, the process's lists of bodies and life stages,
and the filter of the strategy page. Rows are sub-forms of a FieldList; an empty row is simply not saved."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, Optional, ValidationError

from ..strategy.measures import parse_euros

AMOUNT_MESSAGE = _l("Bitte geben Sie den Betrag als ganze Zahl in Euro ein, z. B. 12000.")


def _euro_field(label):
    return StringField(label, validators=[Optional(), Length(max=30)])


def _check_euros(field):
    if field.data and field.data.strip() and parse_euros(field.data) is None:
        raise ValidationError(AMOUNT_MESSAGE)


class BudgetRowForm(Form):
    year = StringField(_l("Jahr"), validators=[Optional(), Length(max=4)])
    amount = _euro_field(_l("Betrag (EUR)"))
    funder = StringField(_l("Förderer"), validators=[Optional(), Length(max=200)],
                         description=_l("Leer lassen für eigene Mittel."))

    def validate_amount(self, field):
        _check_euros(field)
        if field.data and field.data.strip() and not (self.year.data or "").strip():
            raise ValidationError(_l("Bitte nennen Sie das Jahr zu diesem Betrag."))

    def validate_year(self, field):
        if field.data and field.data.strip() and not (field.data.strip().isdigit()
                                                      and 2000 <= int(field.data) <= 2100):
            raise ValidationError(_l("Bitte geben Sie ein Jahr zwischen 2000 und 2100 ein."))

    def is_empty(self) -> bool:
        return not any((value or "").strip() for value in (self.year.data, self.amount.data, self.funder.data))


class ContributionRowForm(Form):
    kind = SelectField(_l("Art"), choices=[("money", _l("Geld")), ("staff", _l("Personal (Stunden)")),
                                           ("rooms", _l("Räume")), ("other", _l("Sachmittel"))])
    description = StringField(_l("Beschreibung"), validators=[Optional(), Length(max=300)],
                              description=_l("z. B. 120 Stunden Sozialarbeit, Raum im Stadtteilzentrum"))
    value = _euro_field(_l("Wert (EUR)"))

    def validate_value(self, field):
        _check_euros(field)

    def is_empty(self) -> bool:
        return not ((self.description.data or "").strip() or (self.value.data or "").strip())


class FundingRowForm(Form):
    funder = StringField(_l("Förderer"), validators=[Optional(), Length(max=200)])
    starts_on = DateField(_l("Förderung ab"), validators=[Optional()])
    ends_on = DateField(_l("Förderung bis"), validators=[Optional()])

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("Das Ende liegt vor dem Beginn. Bitte prüfen Sie die Daten."))

    def validate_funder(self, field):
        if not (field.data or "").strip() and (self.starts_on.data or self.ends_on.data):
            raise ValidationError(_l("Bitte nennen Sie den Förderer zu diesem Zeitraum."))

    def is_empty(self) -> bool:
        return not ((self.funder.data or "").strip() or self.starts_on.data or self.ends_on.data)


class MeasureResourcesForm(FlaskForm):
    budget = FieldList(FormField(BudgetRowForm), min_entries=0)
    contributions = FieldList(FormField(ContributionRowForm), min_entries=0)
    fundings = FieldList(FormField(FundingRowForm), min_entries=0)
    continuation = TextAreaField(_l("Verstetigung"), validators=[Optional(), Length(max=5000)],
                                 description=_l("Wie wird die Maßnahme nach dem Ende der Förderung bezahlt?"))
    evaluation_result = SelectField(_l("Bewertung"), choices=[
        ("", _l("– noch keine –")), ("effective", _l("wirksam")), ("partly", _l("teilweise wirksam")),
        ("not_effective", _l("nicht wirksam")), ("open", _l("offen"))])
    evaluated_on = DateField(_l("Bewertet am"), validators=[Optional()])
    evaluation_note = TextAreaField(_l("Notiz zur Bewertung"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Speichern"))

    def validate_evaluated_on(self, field):
        if field.data and not self.evaluation_result.data:
            raise ValidationError(_l("Bitte wählen Sie auch das Ergebnis der Bewertung."))


class ListRowForm(Form):
    row_id = HiddenField()
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    remove = BooleanField(_l("Entfernen"))


class BodyRowForm(ListRowForm):
    kind = SelectField(_l("Art"), choices=[("office", _l("Amt")), ("provider", _l("Träger")),
                                           ("health", _l("Gesundheitswesen")), ("civil", _l("Zivilgesellschaft")),
                                           ("other", _l("Sonstige"))])


class ListsForm(FlaskForm):
    """Both lists of a process in one form: bodies (with their kind) and life stages."""

    bodies = FieldList(FormField(BodyRowForm), min_entries=0)
    stages = FieldList(FormField(ListRowForm), min_entries=0)
    submit = SubmitField(_l("Listen speichern"))


class MeasureFilterForm(FlaskForm):
    """GET filter of the strategy page: bookmarkable, works without JS; no CSRF (it changes nothing)."""

    class Meta:
        csrf = False

    life_stage = SelectField(_l("Lebensphase"), coerce=int, choices=[], validators=[Optional()])
    body = SelectField(_l("Amt oder Akteur"), coerce=int, choices=[], validators=[Optional()])
    district = SelectField(_l("Stadtteil"), choices=[], validators=[Optional()])
    funder = SelectField(_l("Förderer"), choices=[], validators=[Optional()])
    status = SelectField(_l("Stand"), choices=[], validators=[Optional()])
    submit = SubmitField(_l("Filtern"))
