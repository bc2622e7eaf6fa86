"""Forms of the admin area."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length

ROLE_CHOICES = [("planner", _l("Planung")), ("multiplier", _l("Multiplikator*in")), ("admin", _l("Administration"))]


class UserForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-Mail-Adresse"), validators=[
        DataRequired(), Email(message=_l("Bitte geben Sie eine gültige E-Mail-Adresse ein.")), Length(max=254)])
    role = SelectField(_l("Rolle"), choices=ROLE_CHOICES)
    submit = SubmitField(_l("Person einladen"))
