"""Forms of the admin area."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, EmailField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length, Optional

from .multipliers import MultiCheckboxField
from .reach import UrlFilterForm

ROLE_CHOICES = [("planner", _l("Planung")), ("multiplier", _l("Multiplikator*in")), ("admin", _l("Administration"))]


class UserForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-Mail-Adresse"), validators=[
        DataRequired(), Email(message=_l("Bitte geben Sie eine gültige E-Mail-Adresse ein.")), Length(max=254)])
    role = SelectField(_l("Rolle"), choices=ROLE_CHOICES)
    processes = MultiCheckboxField(_l("Prozesse, in denen die Person mitarbeitet"), coerce=int, validate_choice=True)
    questionnaires = MultiCheckboxField(_l("Leitfäden und Umfragen für Multiplikator*innen"), coerce=int,
                                        validate_choice=True)
    submit = SubmitField(_l("Person einladen"))

    def fill_choices(self, processes) -> None:
        self.processes.choices = [(process.id, process.title) for process in processes]
        self.questionnaires.choices = [
            (q.id, f"{process.title}: {q.title} ({_l('Umfrage') if q.kind == 'survey' else _l('Leitfaden')})")
            for process in processes for q in process.questionnaires]


class AuditFilterForm(UrlFilterForm):
    """The audit log's selection; the CSV export takes the same URL parameters."""
    process_id = SelectField(_l("Prozess"), validate_choice=False)
    person = SelectField(_l("Person"), validate_choice=False)
    action = SelectField(_l("Aktion"), validate_choice=False)
    since = DateField(_l("von"), validators=[Optional()])
    until = DateField(_l("bis"), validators=[Optional()])
    submit = SubmitField(_l("Anzeigen"))

    def fill_choices(self, processes, people, actions, label) -> None:
        everything = [("", str(_l("alle")))]
        self.process_id.choices = everything + [(str(p.id), p.title) for p in processes]
        self.person.choices = everything + [(str(u.id), u.email) for u in people]
        self.action.choices = everything + sorted(((code, label(code)) for code in actions), key=lambda c: c[1])

    def selection(self):
        from ..audit.log import AuditFilter

        def number(value):
            return int(value) if value and str(value).isdigit() else None
        valid = self.validate()
        return AuditFilter(process_id=number(self.process_id.data), user_id=number(self.person.data),
                           action=self.action.data or None,
                           since=self.since.data if valid else None, until=self.until.data if valid else None)
