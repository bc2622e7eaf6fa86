"""The confidential stakeholder profile leaves the installation in no file: not in any workbook, report or data
export (every format and export language), not in the audit log's CSV, the network's JSON or GraphML, and not in
the process archive, which says that it left the profiles out; after a move everything else is there and the
profiles are empty."""
import json
import zipfile
from collections import Counter

import pytest
from flask_babel import force_locale

from participation.exports.archive import MEMBER, _owned_rows, _tables, export_process, import_process
from participation.exports.jobs import EXPORT_FORMATS, EXPORT_LANGUAGES, write_export
from participation.extensions import db
from participation.models import ActorProfile, Body, Process
from tests.conftest import login

SECRET = "VERTRAULICH-Haltung-7Z: blockiert gern"
DEMO_SECRETS = "Vertraulich: Haltung von"  # the start of every demo actor's confidential profile


@pytest.fixture
def planner(demo_outcomes, client, make_user):
    """The coordination office writes a stakeholder profile through the actor's form."""
    login(client, make_user("planner", processes=[demo_outcomes], email="koordination@example.org"))
    body = db.session.execute(db.select(Body).filter_by(process_id=demo_outcomes.id, name="Jugendamt")).scalar_one()
    response = client.post(f"/planning/processes/{demo_outcomes.id}/cooperation/actors/{body.id}", data={
        "actor_kind": "department", "districts": ["Nordstadt"], "resources": "Fachberatung Kita",
        "interests": "Kitaplätze sichern", "confidential_profile": SECRET})
    assert response.status_code == 302
    db.session.expire_all()
    assert body.profile.confidential_profile == SECRET
    return demo_outcomes


def _profiles(process) -> list[ActorProfile]:
    return list(db.session.execute(db.select(ActorProfile).join(Body).where(Body.process_id == process.id)).scalars())


def _unpacked(path) -> bytes:
    """A file's bytes and, for the zip containers (xlsx, ods, docx, odt, data zip, archive), every member's."""
    content = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as container:
            content += b"".join(container.read(name) for name in container.namelist())
    return content


def _assert_no_confidential_text(content: bytes, where: str) -> None:
    for text in (SECRET, DEMO_SECRETS, "blockiert gern"):
        for encoded in (text.encode(), json.dumps(text).encode()):  # plain and JSON-escaped (ä, quotes)
            assert encoded not in content, f"{text!r} in {where}"


def test_the_demo_has_confidential_profiles_to_protect(planner):
    profiles = [p.confidential_profile for p in _profiles(planner)]
    assert SECRET in profiles and sum(DEMO_SECRETS in text for text in profiles) >= 20


@pytest.mark.parametrize("language", EXPORT_LANGUAGES)
def test_no_workbook_report_or_data_export_carries_the_profile(planner, tmp_path, language):
    for kind, formats in EXPORT_FORMATS.items():
        for file_format in formats + (("json",) if kind == "data" else ()):
            path = tmp_path / f"{kind}.{file_format}"
            with force_locale(language):
                write_export(planner, kind, file_format, path, language)
            _assert_no_confidential_text(_unpacked(path), path.name)


def test_audit_csv_and_network_files_do_not_carry_the_profile(planner, client, make_user):
    network = f"/planning/processes/{planner.id}/network"
    for url in (f"{network}.json", f"{network}.graphml"):
        _assert_no_confidential_text(client.get(url).data, url)
    client.post("/logout")
    login(client, make_user("admin", email="admin-pruefung@example.org"))
    response = client.get("/admin/audit.csv")
    assert response.status_code == 200 and "koordination@example.org" in response.get_data(as_text=True)
    _assert_no_confidential_text(response.data, "audit.csv")


def _content_without_profiles(process_id: int) -> dict[str, Counter]:
    """Every owned row without ids (they change on import) and without the confidential column."""
    tables = {table.name: table for table in _tables()}
    result = {}
    for name, rows in _owned_rows(process_id).items():
        left_out = {c.name for c in tables[name].columns if c.primary_key or c.foreign_keys or c.info.get("confidential")}
        left_out |= {"object_id"}  # the audit trail names objects by their old id
        result[name] = Counter(json.dumps({k: v for k, v in row.items() if k not in left_out}, default=str,
                                          sort_keys=True) for row in rows)
    return result


def test_process_archive_leaves_the_profiles_out_and_says_so(planner, tmp_path):
    archive = tmp_path / "prozess.zip"
    before = _content_without_profiles(planner.id)
    export_process(planner.id, archive)
    _assert_no_confidential_text(_unpacked(archive), archive.name)
    with zipfile.ZipFile(archive) as container:
        document = json.loads(container.read(MEMBER))
    assert document["left_out"] == {"coop_actor": {"columns": ["confidential_profile"], "reason": "confidential"}}
    assert len(document["tables"]["coop_actor"]) == len(_profiles(planner)) >= 20
    assert all("confidential_profile" not in row for row in document["tables"]["coop_actor"])

    db.session.delete(db.session.get(Process, planner.id))
    db.session.commit()
    moved = db.session.get(Process, import_process(archive))
    assert _content_without_profiles(moved.id) == before  # actors, contacts, committees, meetings all moved
    assert {p.confidential_profile for p in _profiles(moved)} == {""}


def test_commands_say_the_profiles_stay_behind(app, planner, tmp_path):
    runner = app.test_cli_runner()
    archive = tmp_path / "p.zip"
    result = runner.invoke(args=["process", "export", str(planner.id), str(archive)])
    assert result.exit_code == 0, result.output
    assert "coop_actor.confidential_profile" in result.output and "stay in this installation" in result.output
    db.session.delete(db.session.get(Process, planner.id))
    db.session.commit()
    result = runner.invoke(args=["process", "import", str(archive)])
    assert result.exit_code == 0, result.output
    assert "coop_actor.confidential_profile" in result.output and "empty here" in result.output
