"""A process moves to another installation: export, delete, import gives the same process, all or nothing."""
import json
import zipfile
from collections import Counter

import pytest

from participation.exports.archive import MEMBER, ArchiveError, _owned_rows, export_process, import_process
from participation.extensions import db
from participation.models import Process, Response, User


def _content(process_id: int) -> dict[str, Counter]:
    """Every owned row without its ids (they change on import), per table."""
    from participation.exports.archive import _tables
    tables = {table.name: table for table in _tables()}
    result = {}
    for name, rows in _owned_rows(process_id).items():
        id_columns = {column.name for column in tables[name].columns if column.primary_key or column.foreign_keys}
        id_columns |= {"object_id"}  # the audit trail names objects by their old id
        result[name] = Counter(json.dumps({k: v for k, v in row.items() if k not in id_columns}, default=str,
                                          sort_keys=True) for row in rows)
    return result


def _add_themes_and_strategy(process) -> None:
    """Planner decisions the demo does not have yet: merged themes, quotes, nested goals, evidence."""
    from participation import audit
    from participation.models import Answer, EvidenceLink, Goal, StrategyField, Theme, ThemeAssignment
    answers = db.session.execute(db.select(Answer).join(Response).where(
        Response.process_id == process.id, Answer.text_value.is_not(None))).scalars().all()[:4]
    bus = Theme(process_id=process.id, label="Busverbindungen", keywords=["bus"], notes="Abends prüfen",
                centroid=b"\x00\x01\x02", published=True)
    night = Theme(process_id=process.id, label="Nachtbus", keywords=["nacht"])
    db.session.add_all([bus, night])
    db.session.flush()
    night.merged_into_id = bus.id
    db.session.add_all([ThemeAssignment(answer_id=answer.id, theme_id=bus.id, source="planner", quote=index == 0,
                                        similarity=0.8) for index, answer in enumerate(answers)])
    field = StrategyField(process_id=process.id, title="Mobilität")
    db.session.add(field)
    db.session.flush()
    goal = Goal(process_id=process.id, field_id=field.id, title="Abends mobil")
    db.session.add(goal)
    db.session.flush()
    db.session.add(Goal(process_id=process.id, field_id=field.id, parent_id=goal.id, level="handlungsziel",
                        title="Nachtbus ab 2028"))
    db.session.add(EvidenceLink(process_id=process.id, theme_id=bus.id, goal_id=goal.id))
    audit.record("themes.renamed", bus, process_id=process.id, user=False, label="Busverbindungen")
    db.session.commit()


def test_process_moves_completely_and_accounts_are_mapped_by_email(app, demo, tmp_path):
    _add_themes_and_strategy(demo)
    recorded = db.session.execute(db.select(Response).where(Response.recorded_by_id.is_not(None))).scalars().first()
    assert recorded is not None, "the demo has interviews recorded by multipliers"
    recorder_email = db.session.get(User, recorded.recorded_by_id).email
    before = _content(demo.id)
    assert before["answer"] and before["theme"] and before["strategy_goal"] and before["audit_event"]
    archive = tmp_path / "prozess.zip"
    counts = export_process(demo.id, archive)
    assert counts["process"] == 1 and counts["answer"] == sum(before["answer"].values())
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    db.session.delete(db.session.get(Process, demo.id))
    db.session.commit()
    new_id = import_process(archive)

    assert _content(new_id) == before
    recorders = db.session.execute(db.select(User.email).join(Response, Response.recorded_by_id == User.id)
                                   .where(Response.process_id == new_id)).scalars().all()
    assert recorder_email in recorders


def _rewrite(archive, change) -> None:
    with zipfile.ZipFile(archive) as source:
        document = json.loads(source.read(MEMBER))
    change(document)
    with zipfile.ZipFile(archive, "w") as target:
        target.writestr(MEMBER, json.dumps(document))


def _process_count() -> int:
    return db.session.execute(db.select(db.func.count(Process.id))).scalar_one()


def test_newer_archive_version_is_refused(app, survey, process, tmp_path):
    archive = tmp_path / "neu.zip"
    export_process(process.id, archive)
    _rewrite(archive, lambda document: document.update(version=99))
    with pytest.raises(ArchiveError, match="version 99"):
        import_process(archive)
    _rewrite(archive, lambda document: document.update(version=1) or document["tables"]["process"][0]
             .update(new_column="x"))
    with pytest.raises(ArchiveError, match="new_column"):
        import_process(archive)
    assert _process_count() == 1


def test_broken_archive_changes_nothing(app, survey, process, tmp_path):
    archive = tmp_path / "kaputt.zip"
    export_process(process.id, archive)

    def break_last_table(document):
        document["tables"]["section"][-1]["questionnaire_id"] = 987654
    _rewrite(archive, break_last_table)
    with pytest.raises(ArchiveError, match="nothing was changed|missing"):
        import_process(archive)
    assert _process_count() == 1


def test_commands_move_a_process(app, survey, process, tmp_path):
    runner = app.test_cli_runner()
    archive = tmp_path / "p.zip"
    result = runner.invoke(args=["process", "export", str(process.id), str(archive)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["process", "import", str(tmp_path / "fehlt.zip")])
    assert result.exit_code != 0
    (tmp_path / "kein.zip").write_text("kein Archiv")
    result = runner.invoke(args=["process", "import", str(tmp_path / "kein.zip")])
    assert result.exit_code == 1 and "not a process archive" in result.output
