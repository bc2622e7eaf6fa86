"""Exports run as background jobs, are downloaded through a checked route and land in the audit log."""
import io
import subprocess
import shutil
import zipfile
from pathlib import Path

import pytest

from participation.extensions import db
from participation.models import AuditEvent, Job, Process
from tests.conftest import login, wait_for


def _exports_url(process) -> str:
    return f"/planning/processes/{process.id}/exports"


def _start_export(client, process, export: str, language: str = "de") -> Job:
    response = client.post(_exports_url(process), data={"export": export, "language": language})
    assert response.status_code == 302, response.get_data(as_text=True)
    return db.session.execute(db.select(Job).where(Job.kind == "export").order_by(Job.created_at.desc())
                              ).scalars().first()


def _finished(record: Job) -> Job:
    def done():
        db.session.expire_all()
        current = db.session.get(Job, record.id)
        return current if current.finished else None
    return wait_for(done, timeout=60)


@pytest.fixture
def planner(make_user, strategy_process):
    return make_user("planner", processes=[strategy_process])


def test_workbook_export_runs_in_a_thread_and_downloads(client, planner, strategy_process, app):
    login(client, planner)
    record = _start_export(client, strategy_process, "workbook:xlsx")
    assert record.runner == "thread" and record.process_id == strategy_process.id
    finished = _finished(record)
    assert finished.status == "done", finished.error
    assert Path(app.instance_path, "exports", f"{record.id}.xlsx").exists()
    page = client.get(_exports_url(strategy_process)).get_data(as_text=True)
    assert "Herunterladen" in page
    response = client.get(f"{_exports_url(strategy_process)}/{record.id}/download")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f"Strategie-Arbeitsmappe-{strategy_process.id}-de.xlsx" in response.headers["Content-Disposition"]
    from openpyxl import load_workbook
    workbook = load_workbook(io.BytesIO(response.data))
    assert "Strategie-Matrix" in workbook.sheetnames
    actions = db.session.execute(db.select(AuditEvent.action).where(
        AuditEvent.process_id == strategy_process.id)).scalars().all()
    assert {"export_requested", "export_created", "export_downloaded"} <= set(actions)
    created = db.session.execute(db.select(AuditEvent).filter_by(action="export_created")).scalar_one()
    assert created.user_id == planner.id and created.details["format"] == "xlsx"


def test_progress_is_readable_as_json(client, planner, strategy_process):
    login(client, planner)
    record = _finished(_start_export(client, strategy_process, "data:zip"))
    status = client.get(f"{_exports_url(strategy_process)}/{record.id}").get_json()
    assert status["status"] == "done" and status["progress"] == 100 and status["result"]["format"] == "zip"
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{_exports_url(strategy_process)}/{record.id}/download").data))
    assert "codebook.csv" in archive.namelist()


def test_unknown_export_choice_is_refused_with_a_message(client, planner, strategy_process):
    login(client, planner)
    response = client.post(_exports_url(strategy_process), data={"export": "report:exe", "language": "de"})
    assert response.status_code == 400
    assert db.session.execute(db.select(Job).where(Job.kind == "export")).first() is None


def test_other_planner_cannot_download_or_watch_an_export(client, make_user, planner, strategy_process):
    login(client, planner)
    record = _finished(_start_export(client, strategy_process, "report:odt"))
    client.post("/logout")
    other = Process(title="Andere Stadt")
    db.session.add(other)
    db.session.commit()
    login(client, make_user("planner", processes=[other]))
    assert client.get(f"{_exports_url(strategy_process)}/{record.id}/download").status_code == 403
    assert client.get(f"{_exports_url(strategy_process)}/{record.id}").status_code == 403
    # through their own process the job id of another process answers nothing
    assert client.get(f"{_exports_url(other)}/{record.id}/download").status_code == 404
    assert client.get(f"{_exports_url(other)}/{record.id}").status_code == 404


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (scripts/install.sh --test)")
@pytest.mark.slow
def test_libreoffice_opens_the_report_and_workbook(client, planner, strategy_process, tmp_path):
    """Real office software opens every generated document and finds its content."""
    login(client, planner)
    files = {}
    for export in ("report:docx", "report:odt", "workbook:xlsx", "workbook:ods"):
        record = _finished(_start_export(client, strategy_process, export))
        assert record.status == "done", record.error
        extension = export.split(":")[1]
        path = tmp_path / f"export.{extension}"
        path.write_bytes(client.get(f"{_exports_url(strategy_process)}/{record.id}/download").data)
        files[extension] = path
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    converted = tmp_path / "converted"
    for extension, target in (("docx", "txt:Text"), ("odt", "txt:Text"), ("xlsx", "csv"), ("ods", "csv")):
        out = converted / extension
        subprocess.run([SOFFICE, profile, "--headless", "--convert-to", target, "--outdir", str(out),
                        str(files[extension])], check=True, capture_output=True, timeout=180)
        text = next(out.iterdir()).read_text(encoding="utf-8-sig", errors="replace")
        if extension in ("docx", "odt"):
            assert "Beteiligungsbericht: Gesund aufwachsen in der Nordstadt" in text, extension
            assert "Bewegungstreff im Park" in text and "Seit mein Mann tot ist" in text
        else:   # the first sheet, the strategy matrix
            assert "Handlungsfeld" in text and "Kita-Ausbau Nordstadt" in text and "Jugendamt" in text


def test_english_report_is_marked_english(client, planner, strategy_process):
    login(client, planner)
    record = _finished(_start_export(client, strategy_process, "report:docx", language="en"))
    assert record.status == "done", record.error
    assert record.result["filename"].endswith("-en.docx")
    from docx import Document
    document = Document(io.BytesIO(client.get(f"{_exports_url(strategy_process)}/{record.id}/download").data))
    assert document.core_properties.language == "en"
    assert document.paragraphs[0].text.endswith("Gesund aufwachsen in der Nordstadt")
