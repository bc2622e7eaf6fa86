"""The audit log reads like a record: translated actions, objects named as they were, filters, CSV."""
import csv
import io

from participation import audit
from participation.extensions import db
from participation.models import AuditEvent, Process
from tests.conftest import login


def _event(action, obj, user, process_id=None):
    audit.record(action, obj, user=user, process_id=process_id)
    db.session.commit()


def test_log_names_objects_as_they_were_and_translates_actions(client, make_user, process):
    admin = make_user("admin")
    planner = make_user("planner", processes=[process])
    _event("process_updated", process, planner)
    process.title = "Neuer Titel"
    db.session.commit()
    _event("themes.analysis_applied", None, planner, process_id=process.id)
    _event("strategy_measure_deleted", process, planner)
    login(client, admin)
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "Prozess „Gesund aufwachsen in der Nordstadt“" in page, "the title at the time of the event"
    assert "Ergebnis der Themenanalyse übernommen" in page and "Maßnahme gelöscht" in page
    assert ">themes.analysis_applied<" not in page


def test_filters_by_process_person_action_and_date_and_exports_csv(client, make_user, process):
    admin = make_user("admin")
    planner = make_user("planner", processes=[process])
    other = Process(title="Anderer Prozess")
    db.session.add(other)
    db.session.commit()
    _event("quotas_changed", process, planner)
    _event("quotas_changed", other, admin)
    _event("export_requested", process, planner)
    login(client, admin)
    page = client.get(f"/admin/audit?process_id={process.id}&action=quotas_changed").get_data(as_text=True)
    assert page.count("Quoten geändert") >= 2   # the option and one row
    assert "Anderer Prozess</td>" not in page and "Export angefordert</span>" not in page
    by_person = client.get(f"/admin/audit?person={admin.id}").get_data(as_text=True)
    assert "Anderer Prozess</td>" in by_person and "Gesund aufwachsen in der Nordstadt</td>" not in by_person
    future = client.get("/admin/audit?since=2999-01-01").get_data(as_text=True)
    assert "Keine Einträge für diese Auswahl." in future
    bad_date = client.get("/admin/audit?since=gestern")
    assert bad_date.status_code == 200 and "Quoten geändert</span>" in bad_date.get_data(as_text=True)
    response = client.get(f"/admin/audit.csv?process_id={process.id}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["Zeit", "Person", "Prozess", "Aktion", "Aktionscode", "Objekt"]
    assert {row[3] for row in rows[1:]} == {"Quoten geändert", "Export angefordert"}
    assert db.session.execute(db.select(AuditEvent).filter_by(action="audit_log_exported")).first()


def test_titles_typed_as_formulas_are_not_run_in_spreadsheets(client, make_user):
    admin = make_user("admin")
    evil = Process(title="=HYPERLINK(\"http://evil.example\")")
    db.session.add(evil)
    db.session.commit()
    _event("process_created", evil, admin)
    login(client, admin)
    text = client.get("/admin/audit.csv").get_data(as_text=True).lstrip("\ufeff")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'=HYPERLINK(\"http://evil.example\")" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_planners_cannot_read_the_log(client, make_user):
    login(client, make_user("planner"))
    assert client.get("/admin/audit").status_code == 403
    assert client.get("/admin/audit.csv").status_code == 403


def test_old_events_without_a_title_say_so_instead_of_naming_todays_object(client, make_user, process):
    """Events written before titles were stored: the id alone would name whatever holds it now."""
    admin = make_user("admin")
    db.session.add_all([
        AuditEvent(action="strategy_measure_updated", object_type="Measure", object_id="1", object_title="",
                   process_id=process.id, details={}),
        AuditEvent(action="strategy_measure_deleted", object_type="Measure", object_id="2", object_title="",
                   process_id=process.id, details={"title": "Abendlinie"}),
    ])
    db.session.commit()
    login(client, admin)
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "Maßnahme #1 (Titel nicht erfasst)" in page
    assert "Maßnahme „Abendlinie“ (#2)" in page, "a title the event kept in its details is used"
    rows = list(csv.reader(io.StringIO(client.get("/admin/audit.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert "Maßnahme #1 (Titel nicht erfasst)" in {row[5] for row in rows}


def test_every_action_the_code_records_has_a_translated_name():
    """Scans the code for audit codes, so a new action without a name fails here, not in the admin's log."""
    import re
    from pathlib import Path

    from participation.audit.labels import action_label
    from participation.themes.review import CHANGE_ACTIONS, UNDO_ACTION
    from participation.themes.runs import ANALYSIS_APPLIED

    source = "\n".join(path.read_text() for path in Path("participation").rglob("*.py"))
    literal = set(re.findall(r'(?:audit\.record|_record|change\.save)\(\s*"([a-z_.]+)"', source))
    pairs = re.findall(r'(?:audit\.record|change\.save)\(\s*"([a-z_.]+)" if .+? else "([a-z_.]+)"', source)
    codes = literal | {code for pair in pairs for code in pair} | set(CHANGE_ACTIONS) | {UNDO_ACTION, ANALYSIS_APPLIED}
    codes |= {f"strategy_{kind}_{verb}" for kind in ("field", "goal", "measure", "indicator")
              for verb in ("created", "updated", "deleted")}
    codes |= {f"guide_proposal_{status}" for status in ("accepted", "changed", "declined")}
    assert len(codes) > 60, "the scan found the codes"
    unnamed = sorted(code for code in codes if action_label(code) == code)
    assert unnamed == []
