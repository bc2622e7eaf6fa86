"""Forms for actors: their profile (kind, districts, fields of action, resources, interests, the
confidential stakeholder profile) and contact roles, where a person's name needs recorded consent; for
committees, their memberships, meetings, decisions, tasks and cooperation agreements."""
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget


class CheckboxList(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ActorProfileForm(FlaskForm):
    actor_kind = SelectField(_l("Art des Akteurs"))
    districts = CheckboxList(_l("Stadtteile"), coerce=str)
    fields = CheckboxList(_l("Handlungsfelder"), coerce=int)
    resources = TextAreaField(_l("Ressourcen, die der Akteur einbringt"), validators=[Length(max=5000)],
                              description=_l("z. B. Räume, Personalstunden, Mittel, Zugang zu Gruppen"))
    interests = TextAreaField(_l("Anliegen und Interessen"), validators=[Length(max=5000)])
    confidential_profile = TextAreaField(
        _l("Vertrauliches Stakeholder-Profil"), validators=[Length(max=10000)],
        description=_l("Nur für die Planenden dieses Prozesses sichtbar. Erscheint in keinem Export."))
    submit = SubmitField(_l("Speichern"))


class ContactForm(FlaskForm):
    role_title = StringField(_l("Rolle (z. B. Leitung, Koordination)"), validators=[DataRequired(), Length(max=200)])
    person_name = StringField(_l("Name der Person (nur mit Einwilligung)"), validators=[Optional(), Length(max=200)])
    consent = BooleanField(_l("Die Person hat eingewilligt, dass ihr Name hier gespeichert wird."))
    consent_on = DateField(_l("Datum der Einwilligung"), validators=[Optional()])
    add_contact = SubmitField(_l("Kontaktrolle hinzufügen"))

    def validate_person_name(self, field):
        if (field.data or "").strip() and not (self.consent.data and self.consent_on.data):
            raise ValidationError(_l("Einen Namen speichern wir nur mit Einwilligung der Person: bitte die "
                                     "Einwilligung ankreuzen und ihr Datum eintragen, oder nur die Rolle angeben."))


class CommitteeForm(FlaskForm):
    name = StringField(_l("Name des Gremiums"), validators=[DataRequired(), Length(max=200)])
    kind = SelectField(_l("Art des Gremiums"))
    field_id = SelectField(_l("Handlungsfeld"), coerce=int)
    purpose = TextAreaField(_l("Zweck"), validators=[Length(max=5000)])
    save_committee = SubmitField(_l("Gremium speichern"))


class MembershipForm(FlaskForm):
    body_id = SelectField(_l("Akteur"), coerce=int)
    starts_on = DateField(_l("Mitglied seit"), validators=[DataRequired(message=_l("Bitte ein Datum angeben."))])
    ends_on = DateField(_l("Mitglied bis (leer: weiterhin)"), validators=[Optional()])
    role = StringField(_l("Rolle im Gremium"), validators=[Optional(), Length(max=200)])
    mandate = StringField(_l("Was die oder der Delegierte entscheiden darf"), validators=[Optional(), Length(max=1000)])
    add_member = SubmitField(_l("Mitgliedschaft eintragen"))

    def validate_ends_on(self, field):
        _end_not_before_start(self.starts_on.data, field.data)


def _end_not_before_start(starts_on, ends_on) -> None:
    if ends_on and starts_on and ends_on < starts_on:
        raise ValidationError(_l("Das Ende liegt vor dem Beginn."))


class EndMembershipForm(FlaskForm):
    """Ending a seat: the last day as a member. `starts_on` is set by the view from the membership."""
    ends_on = DateField(_l("Mitglied bis"), validators=[DataRequired(message=_l("Bitte ein Datum angeben."))])
    end_member = SubmitField(_l("Mitgliedschaft beenden"))
    member_since = None

    def validate_ends_on(self, field):
        _end_not_before_start(self.member_since, field.data)


class ConfirmDeleteForm(FlaskForm):
    """A deletion asks for a tick first, so that a slip of the finger deletes nothing."""
    confirm = BooleanField(_l("Ja, endgültig löschen."),
                           validators=[DataRequired(message=_l("Bitte bestätigen Sie das Löschen."))])
    delete = SubmitField(_l("Löschen"))


class MeetingForm(FlaskForm):
    held_on = DateField(_l("Datum der Sitzung"), validators=[DataRequired(message=_l("Bitte ein Datum angeben."))])
    agenda = TextAreaField(_l("Tagesordnung"), validators=[Length(max=10000)])
    attendees = CheckboxList(_l("Anwesende Akteure"), coerce=int)
    minutes = TextAreaField(_l("Sitzungsprotokoll"), validators=[Length(max=50000)])
    save_meeting = SubmitField(_l("Sitzung speichern"))


class DecisionForm(FlaskForm):
    text = TextAreaField(_l("Beschluss"), validators=[DataRequired(), Length(max=5000)])
    field_id = SelectField(_l("Handlungsfeld"), coerce=int, default=0)
    goal_id = SelectField(_l("Ziel"), coerce=int, default=0)
    measure_id = SelectField(_l("Maßnahme"), coerce=int, default=0)
    public = BooleanField(_l("Öffentlich auf „Was ist daraus geworden?“ zeigen"))
    add_decision = SubmitField(_l("Beschluss eintragen"))


class TaskForm(FlaskForm):
    text = StringField(_l("Aufgabe"), validators=[DataRequired(), Length(max=2000)])
    body_id = SelectField(_l("Zuständig"), coerce=int, default=0)
    due_on = DateField(_l("Fällig am"), validators=[Optional()])
    measure_id = SelectField(_l("Maßnahme"), coerce=int, default=0)
    add_task = SubmitField(_l("Aufgabe eintragen"))


class TaskEditForm(TaskForm):
    done = BooleanField(_l("Erledigt"))


class TaskDoneForm(FlaskForm):
    done = SubmitField(_l("Als erledigt markieren"))


class AgreementForm(FlaskForm):
    title = StringField(_l("Titel der Vereinbarung"), validators=[DataRequired(), Length(max=200)])
    starts_on = DateField(_l("Laufzeit von"), validators=[Optional()])
    ends_on = DateField(_l("Laufzeit bis (leer: unbefristet)"), validators=[Optional()])
    review_on = DateField(_l("Überprüfung am"), validators=[Optional()],
                          description=_l("Ab diesem Tag erinnert die Prozessübersicht an die Überprüfung."))
    notes = TextAreaField(_l("Notizen"), validators=[Length(max=10000)])
    save_agreement = SubmitField(_l("Vereinbarung speichern"))

    def validate_ends_on(self, field):
        _end_not_before_start(self.starts_on.data, field.data)


class PartnerForm(FlaskForm):
    body_id = SelectField(_l("Akteur"), coerce=int)
    role = StringField(_l("Rolle in der Vereinbarung"), validators=[Optional(), Length(max=200)])
    goal = TextAreaField(_l("Ziel dieses Partners"), validators=[Length(max=5000)])
    contribution = TextAreaField(_l("Beitrag dieses Partners"), validators=[Length(max=5000)],
                                 description=_l("z. B. Räume, Personalstunden, Mittel, Zugang zu Gruppen"))
    save_partner = SubmitField(_l("Partner speichern"))


class ReviewForm(FlaskForm):
    """Recording a review; the next review date has to lie ahead, or the reminder would stay."""
    next_review_on = DateField(_l("Nächste Überprüfung am (leer: keine geplant)"), validators=[Optional()])
    mark_reviewed = SubmitField(_l("Überprüft"))

    def validate_next_review_on(self, field):
        if field.data and field.data <= date.today():
            raise ValidationError(_l("Die nächste Überprüfung muss nach heute liegen."))
