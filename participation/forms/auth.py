"""Login and password forms."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length

from ..accounts import PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH


class LoginForm(FlaskForm):
    email = EmailField(_l("E-Mail-Adresse"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Passwort"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Anmelden"))


class SetPasswordForm(FlaskForm):
    password = PasswordField(_l("Neues Passwort"), validators=[
        DataRequired(),
        Length(min=PASSWORD_MIN_LENGTH, max=PASSWORD_MAX_LENGTH, message=_l("Bitte mindestens 10 Zeichen."))])
    confirm = PasswordField(_l("Passwort wiederholen"), validators=[
        DataRequired(), EqualTo("password", message=_l("Die Passwörter stimmen nicht überein."))])
    submit = SubmitField(_l("Passwort speichern"))
