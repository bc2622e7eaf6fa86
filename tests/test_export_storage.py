"""Export files follow retention: private, expiring, deleted with the free text or the process; database backend."""
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from participation import jobs
from participation.exports.storage import expire_exports
from participation.extensions import db
from participation.models import Job, Process, StoredExport, utcnow
from participation.privacy.retention import apply_retention
from tests.conftest import login


@pytest.fixture
def instance(app, tmp_path):
    """This test's own instance folder, so export files of other runs are never touched."""
    app.instance_path = str(tmp_path / "instance")
    return Path(app.instance_path)


def _export(process) -> Job:
    record = Job(kind="export", process_id=process.id,
                 params={"export": "data", "file_format": "zip", "language": "de"})
    db.session.add(record)
    db.session.commit()
    jobs.run(record.id)
    db.session.expire_all()
    done = db.session.get(Job, record.id)
    assert done.status == "done", done.error
    return done


def _download(client, process, record):
    return client.get(f"/planning/processes/{process.id}/exports/{record.id}/download")


def test_export_file_is_private_and_goes_when_its_lifetime_ends(app, client, make_user, survey, process, instance):
    record = _export(process)
    path = instance / "exports" / f"{record.id}.zip"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    login(client, make_user("planner", processes=[process]))
    assert _download(client, process, record).status_code == 200

    assert expire_exports(now=utcnow() + timedelta(days=6)) == 0
    assert expire_exports(now=utcnow() + timedelta(days=8)) == 1
    assert not path.exists()
    gone = _download(client, process, record)
    assert gone.status_code == 302
    page = client.get(gone.headers["Location"]).get_data(as_text=True)
    assert "nicht mehr verfügbar" in page and "gelöscht" in page


def test_expired_export_is_refused_even_before_the_sweep_ran(app, client, make_user, survey, process, instance):
    record = _export(process)
    record.finished_at = utcnow() - timedelta(days=8)
    db.session.commit()
    login(client, make_user("planner", processes=[process]))
    assert _download(client, process, record).status_code == 302


def test_retention_deletes_the_process_export_files(app, survey, process, instance):
    record = _export(process)
    other = Process(title="Anderer Prozess")
    db.session.add(other)
    db.session.commit()
    kept = _export(other)
    process.retention_until = utcnow() - timedelta(days=1)
    db.session.commit()

    [result] = apply_retention()
    assert result["exports_deleted"] == 1
    assert not (instance / "exports" / f"{record.id}.zip").exists()
    assert (instance / "exports" / f"{kept.id}.zip").exists()
    assert db.session.get(Job, record.id).result["expired"] is True


def test_deleting_a_process_deletes_its_export_files(app, survey, process, instance):
    record = _export(process)
    path = instance / "exports" / f"{record.id}.zip"
    db.session.delete(db.session.get(Process, process.id))
    db.session.commit()
    assert not path.exists()


def test_files_no_job_knows_are_removed_by_the_expiry_sweep(app, instance):
    folder = instance / "exports"
    folder.mkdir(parents=True)
    (folder / "0000-gone.zip").write_bytes(b"old")
    assert expire_exports() == 1 and not any(folder.iterdir())


def test_database_backend_serves_exports_without_a_shared_folder(app, client, make_user, survey, process, instance):
    app.config["EXPORT_STORAGE"] = "database"
    record = _export(process)
    assert not list((instance / "exports").glob("*.zip")) if (instance / "exports").exists() else True
    stored = db.session.get(StoredExport, record.id)
    assert stored is not None and stored.content[:2] == b"PK"
    login(client, make_user("planner", processes=[process]))
    response = _download(client, process, record)
    assert response.status_code == 200 and response.data == stored.content

    process.retention_until = utcnow() - timedelta(days=1)
    db.session.commit()
    apply_retention()
    assert db.session.get(StoredExport, record.id) is None
    assert _download(client, process, record).status_code == 302
