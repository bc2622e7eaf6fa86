"""Exports of a process: start them as background jobs, watch progress, download when ready."""
from flask import abort, flash, jsonify, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit, jobs
from ..auth.access import role_required
from ..exports.jobs import EXPORT_JOB_KIND, MEDIA_TYPES, is_valid_request
from ..exports.storage import expires_at, is_expired, lifetime, open_export
from ..extensions import db
from ..forms.strategy import ExportForm
from ..models import Job
from . import bp
from .loading import load_process


def export_jobs(process) -> list[Job]:
    return db.session.execute(
        db.select(Job).where(Job.process_id == process.id, Job.kind == EXPORT_JOB_KIND)
        .order_by(Job.created_at.desc()).limit(50)).scalars().all()


def export_of(process, job_id: str) -> Job:
    """The export job of this process, or 404: a job id of another process never answers."""
    record = db.session.get(Job, job_id)
    if record is None or record.kind != EXPORT_JOB_KIND or record.process_id != process.id:
        abort(404)
    return record


def export_labels() -> dict:
    return {"workbook": _("Strategie-Arbeitsmappe"), "report": _("Beteiligungsbericht"), "data": _("Daten")}


@bp.route("/processes/<int:process_id>/exports", methods=["GET", "POST"])
@role_required("planner", "admin")
def exports_page(process_id: int):
    process = load_process(process_id)
    form = ExportForm()
    if form.validate_on_submit():
        kind, _separator, file_format = form.export.data.partition(":")
        if is_valid_request(kind, file_format, form.language.data):
            record = jobs.enqueue(EXPORT_JOB_KIND, process_id=process.id, created_by_id=current_user.id,
                                  export=kind, file_format=file_format, language=form.language.data)
            audit.record("export_requested", process, job_id=record.id, kind=kind, format=file_format,
                         language=form.language.data)
            db.session.commit()
            flash(_("Der Export wurde gestartet. Sie können ihn herunterladen, sobald er fertig ist."), "success")
            return redirect(url_for("planning.exports_page", process_id=process.id))
    records = export_jobs(process)
    return render_template("planning/exports.html", process=process, form=form, records=records,
                           labels=export_labels(), running=any(not r.finished for r in records),
                           is_expired=is_expired, expires_at=expires_at, lifetime_days=lifetime().days), \
        400 if form.errors else 200


@bp.route("/processes/<int:process_id>/exports/<job_id>")
@role_required("planner", "admin")
def export_status(process_id: int, job_id: str):
    """Progress as JSON, for the page's optional script that refreshes while exports run."""
    process = load_process(process_id)
    return jsonify(export_of(process, job_id).as_dict())


@bp.route("/processes/<int:process_id>/exports/<job_id>/download")
@role_required("planner", "admin")
def download_export(process_id: int, job_id: str):
    process = load_process(process_id)
    record = export_of(process, job_id)
    result = record.result or {}
    stored = open_export(record)
    if stored is None and record.status == "done":
        flash(_("Dieser Export ist nicht mehr verfügbar: Exportdateien werden nach %(days)s Tagen und beim "
                "Löschen der Freitexte entfernt. Bitte erstellen Sie ihn neu.", days=lifetime().days), "error")
        return redirect(url_for("planning.exports_page", process_id=process.id))
    if stored is None:
        abort(404)
    audit.record("export_downloaded", process, job_id=record.id, kind=result.get("kind"), format=result["format"])
    db.session.commit()
    return send_file(stored, mimetype=MEDIA_TYPES[result["format"]], as_attachment=True,
                     download_name=result["filename"], max_age=0)
