"""Exports as background jobs: stored by exports.storage (files or database), downloaded when ready."""
from __future__ import annotations

from flask_babel import force_locale, gettext as _

from .. import audit
from ..extensions import db
from ..jobs import job
from ..models import Job, Process, User
from .storage import EXPORT_JOB_KIND, writing
EXPORT_LANGUAGES = ("de", "en")
# What can be exported, and in which formats (the format is also the file extension).
EXPORT_FORMATS = {
    "workbook": ("xlsx", "ods"),
    "report": ("docx", "odt"),
    "data": ("zip",),
}
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "zip": "application/zip",
}


def is_valid_request(kind: str, file_format: str, language: str) -> bool:
    return file_format in EXPORT_FORMATS.get(kind, ()) and language in EXPORT_LANGUAGES


def download_name(process: Process, kind: str, file_format: str, language: str) -> str:
    names = {"workbook": "Strategie-Arbeitsmappe", "report": "Beteiligungsbericht", "data": "Daten"}
    return f"{names[kind]}-{process.id}-{language}.{file_format}"


def write_export(process: Process, kind: str, file_format: str, path, language: str = "de",
                 progress=lambda percent, message: None) -> None:
    """Collect the process's data and write one export file: the web jobs and `flask export` share this.
    The caller sets the locale (force_locale)."""
    from . import collect
    from .data import write_data_json, write_data_zip
    from .report import write_docx, write_odt
    from .workbook import write_ods, write_xlsx

    progress(10, _("Daten werden zusammengestellt"))
    if kind == "workbook":
        sheets = collect.workbook_sheets(process)
        progress(70, _("Datei wird geschrieben"))
        (write_xlsx if file_format == "xlsx" else write_ods)(sheets, path)
    elif kind == "report":
        blocks = collect.report_blocks(process)
        progress(70, _("Datei wird geschrieben"))
        writer = write_docx if file_format == "docx" else write_odt
        writer(blocks, path, collect.report_title(process), language)
    else:
        data = collect.dataset(process)
        progress(70, _("Datei wird geschrieben"))
        (write_data_json if file_format == "json" else write_data_zip)(data, path)


@job(EXPORT_JOB_KIND)
def run_export(ctx, export: str, file_format: str, language: str = "de") -> dict:
    """Collect the data of the job's process, write the file, record the export in the audit log."""
    kind = export
    if not is_valid_request(kind, file_format, language):
        raise ValueError(f"unknown export {kind}/{file_format}/{language}")
    record = db.session.get(Job, ctx.job_id)
    process = db.session.get(Process, record.process_id)
    with force_locale(language), writing(ctx.job_id, file_format) as path:
        write_export(process, kind, file_format, path, language, ctx.progress)
        size = path.stat().st_size
    user = db.session.get(User, record.created_by_id) if record.created_by_id else None
    audit.record("export_created", process, user=user, job_id=ctx.job_id, kind=kind, format=file_format,
                 language=language)
    return {"kind": kind, "format": file_format, "language": language, "size": size,
            "filename": download_name(process, kind, file_format, language)}
