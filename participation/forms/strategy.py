"""Forms of the strategy page: fields of action, goals, measures, indicators, evidence, phase, exports."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..models import PHASES

TITLE_REQUIRED = _l("Bitte geben Sie einen Titel ein.")


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes: usable without JS and on phones, unlike a multiple select."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class StrategyFieldForm(FlaskForm):
    title = StringField(_l("Handlungsfeld"), validators=[DataRequired(TITLE_REQUIRED), Length(max=300)])
    description = TextAreaField(_l("Beschreibung"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Speichern"))


class GoalForm(FlaskForm):
    level = SelectField(_l("Zielebene"), choices=[("leitziel", _l("Leitziel")),
                                                  ("handlungsziel", _l("Handlungsziel"))])
    title = StringField(_l("Ziel"), validators=[DataRequired(TITLE_REQUIRED), Length(max=500)],
                        description=_l("Möglichst konkret und messbar, z. B. „Bis 2028 hat jedes Kind "
                                       "einen Kitaplatz in seinem Stadtteil.“"))
    parent_id = SelectField(_l("Gehört zum Leitziel"), coerce=int, choices=[(0, _l("– keines –"))])
    description = TextAreaField(_l("Beschreibung"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Speichern"))

    def set_parent_choices(self, leitziele, exclude_id=None) -> None:
        self.parent_id.choices = [(0, _l("– keines –"))] + [
            (goal.id, goal.title) for goal in leitziele if goal.id != exclude_id]

    def validate_parent_id(self, field):
        if field.data and self.level.data != "handlungsziel":
            raise ValidationError(_l("Nur ein Handlungsziel kann zu einem Leitziel gehören."))


class MeasureForm(FlaskForm):
    """The measure itself; bodies and life stages come from the process's lists (`set_choices`)."""

    title = StringField(_l("Maßnahme"), validators=[DataRequired(TITLE_REQUIRED), Length(max=500)])
    description = TextAreaField(_l("Beschreibung"), validators=[Optional(), Length(max=5000)])
    leads = MultiCheckboxField(_l("Federführung"), coerce=int, choices=[], validators=[DataRequired(
        _l("Bitte wählen Sie mindestens ein Amt oder einen Akteur für die Federführung."))],
        description=_l("Mehrere bilden ein Tandem."))
    partner_bodies = MultiCheckboxField(_l("Beteiligte"), coerce=int, choices=[])
    stage_ids = MultiCheckboxField(_l("Lebensphasen"), coerce=int, choices=[])
    target_group = StringField(_l("Zielgruppe"), validators=[Optional(), Length(max=200)])
    district = StringField(_l("Stadtteil"), validators=[Optional(), Length(max=200)])
    starts_on = DateField(_l("Beginn"), validators=[Optional()])
    ends_on = DateField(_l("Ende"), validators=[Optional()])
    status = SelectField(_l("Stand"), choices=[
        ("planned", _l("geplant")), ("in_progress", _l("in Umsetzung")), ("done", _l("umgesetzt")),
        ("paused", _l("zurückgestellt")), ("dropped", _l("eingestellt"))])
    status_since = DateField(_l("Stand seit"), validators=[Optional()],
                             description=_l("Leer lassen: heute, wenn sich der Stand ändert."))
    submit = SubmitField(_l("Speichern"))

    def set_choices(self, bodies, stages) -> None:
        self.leads.choices = self.partner_bodies.choices = [(body.id, body.name) for body in bodies]
        self.stage_ids.choices = [(stage.id, stage.name) for stage in stages]

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("Das Ende liegt vor dem Beginn. Bitte prüfen Sie die Daten."))


class IndicatorForm(FlaskForm):
    name = StringField(_l("Indikator"), validators=[DataRequired(_l("Bitte geben Sie einen Namen ein.")),
                                                    Length(max=300)])
    baseline = StringField(_l("Ausgangswert"), validators=[Optional(), Length(max=100)])
    target = StringField(_l("Zielwert"), validators=[Optional(), Length(max=100)])
    unit = StringField(_l("Einheit"), validators=[Optional(), Length(max=60)])
    source = StringField(_l("Datenquelle"), validators=[Optional(), Length(max=300)],
                         description=_l("Wer liefert die Daten, z. B. Schuleingangsuntersuchung des Gesundheitsamts"))
    submit = SubmitField(_l("Speichern"))


class EvidenceForm(FlaskForm):
    """Link a theme, one quote, or a theme with one of its quotes to a field, goal, measure or indicator;
    choices are set per process (quote_themes: the (answer id, theme id) pairs of the quotes)."""

    target = SelectField(_l("Verknüpfen mit"), choices=[])
    theme_id = SelectField(_l("Thema"), coerce=int, choices=[])
    answer_id = SelectField(_l("Zitat (allein oder zusammen mit seinem Thema)"), coerce=int, choices=[])
    submit = SubmitField(_l("Als Beleg verknüpfen"))
    quote_themes: set = set()

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not self.theme_id.data and not self.answer_id.data:
            self.theme_id.errors.append(_l("Bitte wählen Sie ein Thema, ein Zitat oder beides."))
            return False
        return True

    def quote_fits_theme(self) -> bool:
        """A theme and a quote together only when the quote is one of the theme's."""
        if self.theme_id.data and self.answer_id.data and \
                (self.answer_id.data, self.theme_id.data) not in self.quote_themes:
            self.answer_id.errors.append(_l("Dieses Zitat gehört nicht zum gewählten Thema. Bitte wählen Sie ein "
                                            "Zitat des Themas oder nur eines von beiden."))
            return False
        return True


class PhaseForm(FlaskForm):
    phase = SelectField(_l("Phase des Prozesses"), choices=list(zip(PHASES, (
        _l("Bestandsaufnahme"), _l("Leitlinien"), _l("Handlungsempfehlungen")))))
    submit = SubmitField(_l("Phase speichern"))


class ExportForm(FlaskForm):
    export = SelectField(_l("Was möchten Sie exportieren?"), choices=[
        ("workbook:xlsx", _l("Strategie-Arbeitsmappe (XLSX, Excel)")),
        ("workbook:ods", _l("Strategie-Arbeitsmappe (ODS, LibreOffice)")),
        ("report:docx", _l("Beteiligungsbericht (DOCX, Word)")),
        ("report:odt", _l("Beteiligungsbericht (ODT, LibreOffice)")),
        ("data:zip", _l("Daten für Statistik (CSV und JSON mit Codebuch, ZIP)")),
    ])
    language = SelectField(_l("Sprache"), choices=[("de", "Deutsch"), ("en", "English")])
    submit = SubmitField(_l("Export starten"))


class ConfirmForm(FlaskForm):
    """A bare form for buttons that change something (delete, unlink): CSRF only."""

    submit = SubmitField(_l("Löschen"))
