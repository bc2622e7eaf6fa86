"""Forms for survey translations (planners) and German translations of answers (multipliers)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SubmitField, TextAreaField
from wtforms.validators import Length, ValidationError

from ..languages.translation_files import FILE_SUFFIXES, MAX_UPLOAD_BYTES


def _readable_translation_file(form, field) -> None:
    upload = field.data
    name = (getattr(upload, "filename", "") or "").lower()
    if not any(name.endswith(suffix) for suffix in FILE_SUFFIXES):
        raise ValidationError(_l("Bitte laden Sie eine .po-, .xlf- oder .csv-Datei hoch."))


class TranslationImportForm(FlaskForm):
    file = FileField(_l("Übersetzte Datei"), validators=[
        FileRequired(_l("Bitte wählen Sie eine Datei aus.")), _readable_translation_file])
    submit = SubmitField(_l("Übersetzung prüfen und übernehmen"))

    def read_upload(self) -> bytes | None:
        """The uploaded bytes, or None if the file is larger than allowed (nothing is stored)."""
        data = self.file.data.read(MAX_UPLOAD_BYTES + 1)
        return None if len(data) > MAX_UPLOAD_BYTES else data


class AnswerTranslationForm(FlaskForm):
    translation_de = TextAreaField(_l("Deutsche Übersetzung"), validators=[Length(max=5000)])
    submit = SubmitField(_l("Übersetzung speichern"))
