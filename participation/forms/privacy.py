"""Forms for data protection: deleting one's own response, retention dates."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional


class DeletionForm(FlaskForm):
    code = StringField(_l("Ihr Lösch-Code"), validators=[
        DataRequired(message=_l("Bitte geben Sie Ihren Lösch-Code ein.")), Length(max=60)])
    submit = SubmitField(_l("Meine Antworten löschen"))


class RetentionForm(FlaskForm):
    retention_until = DateField(_l("Freitexte löschen ab"), validators=[Optional()],
                                description=_l("Ab diesem Tag werden alle Freitexte dieses Prozesses gelöscht. "
                                               "Codierte Antworten, Themen und Zahlen bleiben erhalten."))
    submit = SubmitField(_l("Speichern"))


class ConfirmForm(FlaskForm):
    """An empty form for buttons that change something (CSRF token only)."""
    submit = SubmitField(_l("Bestätigen"))
