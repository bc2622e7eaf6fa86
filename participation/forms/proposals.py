"""Forms for guide proposals: multipliers propose, planners accept (possibly changed) or decline."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from .builder import KIND_LABELS, REQUIRED


class ProposalForm(FlaskForm):
    """`target` is "new:<section id>" for a new question or "change:<question id>"; choices set by the view."""
    target = SelectField(_l("Was schlagen Sie vor?"), choices=[], validate_choice=True)
    language = SelectField(_l("Sprache Ihres Vorschlags"), choices=[])
    text = TextAreaField(_l("Frage"), validators=[DataRequired(message=REQUIRED), Length(max=2000)])
    narrative_prompt = TextAreaField(_l("Erzählstimulus (freiwillig)"), validators=[Optional(), Length(max=2000)])
    followup = TextAreaField(_l("Nachfragen (freiwillig)"), validators=[Optional(), Length(max=2000)])
    comment = TextAreaField(_l("Kommentar für die Planungsgruppe (freiwillig)"),
                            validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Vorschlag senden"))


class AcceptProposalForm(FlaskForm):
    text_de = TextAreaField(_l("Fragetext (Deutsch)"), validators=[DataRequired(message=REQUIRED), Length(max=2000)])
    text_translated = TextAreaField(_l("Fragetext in der Sprache des Vorschlags"),
                                    validators=[Optional(), Length(max=2000)])
    narrative_prompt_de = TextAreaField(_l("Erzählstimulus (Deutsch)"), validators=[Optional(), Length(max=2000)])
    narrative_prompt_translated = TextAreaField(_l("Erzählstimulus in der Sprache des Vorschlags"),
                                                validators=[Optional(), Length(max=2000)])
    followup_de = TextAreaField(_l("Nachfragen (Deutsch)"), validators=[Optional(), Length(max=2000)])
    followup_translated = TextAreaField(_l("Nachfragen in der Sprache des Vorschlags"),
                                        validators=[Optional(), Length(max=2000)])
    question_kind = SelectField(_l("Art der Frage"), choices=[(kind, KIND_LABELS[kind])
                                                              for kind in ("long_text", "short_text")])
    section_id = SelectField(_l("Abschnitt"), coerce=int, choices=[], validate_choice=True)
    accept = SubmitField(_l("In den Leitfaden übernehmen"))


class DeclineProposalForm(FlaskForm):
    reason = TextAreaField(_l("Grund (die Person, die den Vorschlag gemacht hat, sieht ihn)"),
                           validators=[DataRequired(message=REQUIRED), Length(max=2000)])
    decline = SubmitField(_l("Ablehnen"))
