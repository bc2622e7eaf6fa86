"""A process's phases: templates, editing, checklists, finishing and re-opening with a history that stays;
only the process's planners may change them; exports and the fixed Process.phase follow the current phase."""
import pytest
from flask_babel import force_locale

from participation.exports import collect
from participation.exports.report import write_docx, write_odt
from participation.extensions import db
from participation.models import AuditEvent, PhaseChecklistItem, PhaseEvent, Process, ProcessPhase
from participation.strategy import phases as logic
from tests.conftest import login
from tests.strategy.test_exports import _docx_text, _odt_text


def _base(process) -> str:
    return f"/planning/processes/{process.id}/phases"


def _actions(process) -> list[str]:
    return db.session.execute(db.select(AuditEvent.action).where(AuditEvent.process_id == process.id)
                              .order_by(AuditEvent.id)).scalars().all()


def _names(process) -> list[str]:
    db.session.expire(process, ["phases"])
    return [phase.name for phase in process.phases]


@pytest.fixture
def planner(client, make_user, process):
    user = make_user("planner", processes=[process])
    login(client, user)
    return user


@pytest.fixture
def phased(client, planner, process):
    """The process started from the three fixed phases, as the planner does it on the page."""
    assert client.post(f"{_base(process)}/template", data={"template": "standard"}).status_code == 302
    return process


def _phase(process, name) -> ProcessPhase:
    return db.session.execute(db.select(ProcessPhase).filter_by(process_id=process.id, name=name)).scalar_one()


def test_planner_starts_from_a_template_only_once(client, planner, process):
    page = client.get(_base(process)).get_data(as_text=True)
    assert "Auftauen → Umsetzung → Stabilisierung" in page and "Mit einer Vorlage beginnen" in page
    client.post(f"{_base(process)}/template", data={"template": "change"})
    assert _names(process) == ["Auftauen", "Umsetzung", "Stabilisierung"]
    response = client.post(f"{_base(process)}/template", data={"template": "cycle"})
    assert response.status_code == 400 and "Dieser Prozess hat schon Phasen." in response.get_data(as_text=True)
    assert _names(process) == ["Auftauen", "Umsetzung", "Stabilisierung"]
    assert _actions(process).count("process_phases_created") == 1


def test_template_starts_at_the_process_fixed_phase(client, planner, process):
    process.phase = "leitlinien"
    db.session.commit()
    client.post(f"{_base(process)}/template", data={"template": "standard"})
    assert [phase.finished for phase in process.phases] == [True, False, False]
    assert logic.current_phase(process).name == "Leitlinien"


def test_rename_add_reorder_and_remove(client, phased):
    base = _base(phased)
    first = _phase(phased, "Bestandsaufnahme")
    client.post(f"{base}/{first.id}/rename", data={f"phase-{first.id}-name": "Analyse der Lage"})
    client.post(f"{base}/new", data={"new-name": "Verstetigung"})
    assert _names(phased) == ["Analyse der Lage", "Leitlinien", "Handlungsempfehlungen", "Verstetigung"]
    client.post(f"{base}/{_phase(phased, 'Verstetigung').id}/up")
    client.post(f"{base}/{first.id}/down")
    assert _names(phased) == ["Leitlinien", "Analyse der Lage", "Verstetigung", "Handlungsempfehlungen"]
    client.post(f"{base}/{_phase(phased, 'Leitlinien').id}/delete")
    assert _names(phased) == ["Analyse der Lage", "Verstetigung", "Handlungsempfehlungen"]
    assert [phase.position for phase in phased.phases] == [0, 1, 2]
    for action in ("process_phase_renamed", "process_phase_added", "process_phase_moved", "process_phase_deleted"):
        assert action in _actions(phased)


def test_finish_and_reopen_keeps_the_history(client, planner, phased):
    base = _base(phased)
    first = _phase(phased, "Bestandsaufnahme")
    client.post(f"{base}/{first.id}/finish")
    assert first.finished and logic.current_phase(phased).name == "Leitlinien" and phased.phase == "leitlinien"
    reason = "Nach der Wahl sitzen neue Entscheidungsträger im Ausschuss."
    client.post(f"{base}/{first.id}/reopen", data={f"reopen-{first.id}-reason": reason})
    client.post(f"{base}/{first.id}/finish")
    client.post(f"{base}/{first.id}/reopen", data={})
    events = db.session.execute(db.select(PhaseEvent).filter_by(phase_id=first.id).order_by(PhaseEvent.id)
                                ).scalars().all()
    assert [(event.kind, event.reason) for event in events] == [
        ("finished", ""), ("reopened", reason), ("finished", ""), ("reopened", "")]
    assert all(event.by_id == planner.id for event in events)
    db.session.refresh(first)
    assert not first.finished and first.reopened and logic.state(first) == "reopened"
    # several phases open at once; the current one is the earliest open phase again
    assert logic.current_phase(phased) == first and phased.phase == "bestandsaufnahme"
    page = client.get(base).get_data(as_text=True)
    assert reason in page and "wieder geöffnet" in page
    overview = client.get(f"/planning/processes/{phased.id}").get_data(as_text=True)
    assert "wieder geöffnet" in overview and "Leitlinien" in overview
    assert _actions(phased).count("process_phase_reopened") == 2


def test_reopen_of_an_open_phase_changes_nothing(client, phased):
    first = _phase(phased, "Bestandsaufnahme")
    client.post(f"{_base(phased)}/{first.id}/reopen", data={f"reopen-{first.id}-reason": "x"})
    assert db.session.execute(db.select(PhaseEvent)).first() is None


def test_checklist_progress_and_who_ticked(client, planner, phased):
    base = _base(phased)
    phase = _phase(phased, "Bestandsaufnahme")
    for text in ("Sozialdaten zusammentragen", "Neue Entscheidungsträger nach der Wahl informieren", "Weg damit"):
        client.post(f"{base}/{phase.id}/items", data={f"item-{phase.id}-text": text})
    items = {item.text: item for item in phase.items}
    client.post(f"/planning/processes/{phased.id}/phase-items/{items['Weg damit'].id}/delete")
    client.post(f"/planning/processes/{phased.id}/phase-items/{items['Sozialdaten zusammentragen'].id}/done")
    db.session.refresh(phase)
    assert logic.progress(phase) == (1, 2)
    done = items["Sozialdaten zusammentragen"]
    assert done.done_by_id == planner.id and done.done_at is not None
    assert "1 von 2 erledigt" in client.get(f"/planning/processes/{phased.id}").get_data(as_text=True)
    client.post(f"/planning/processes/{phased.id}/phase-items/{done.id}/edit",
                data={f"edit-{done.id}-text": "Sozialdaten der Stadtteile zusammentragen"})
    response = client.post(f"/planning/processes/{phased.id}/phase-items/{done.id}/edit",
                           data={f"edit-{done.id}-text": ""})
    assert response.status_code == 400 and "Bitte geben Sie einen Text ein." in response.get_data(as_text=True)
    db.session.refresh(done)
    assert done.text == "Sozialdaten der Stadtteile zusammentragen" and done.done
    client.post(f"/planning/processes/{phased.id}/phase-items/{done.id}/undone")
    db.session.refresh(done)
    assert not done.done and done.done_by_id is None and logic.progress(phase) == (0, 2)
    assert {"phase_item_added", "phase_item_checked", "phase_item_unchecked", "phase_item_deleted",
            "phase_item_changed"} <= set(
        _actions(phased))


def test_bad_input_keeps_the_typed_values(client, phased):
    base = _base(phased)
    phase = _phase(phased, "Leitlinien")
    response = client.post(f"{base}/{phase.id}/items", data={f"item-{phase.id}-text": "x" * 301})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "x" * 301 in page and "Bitte prüfen Sie Ihre Eingabe" in page
    response = client.post(f"{base}/{phase.id}/rename", data={f"phase-{phase.id}-name": "   "})
    assert response.status_code == 400 and "Bitte geben Sie einen Namen ein." in response.get_data(as_text=True)
    first = _phase(phased, "Bestandsaufnahme")
    client.post(f"{base}/{first.id}/finish")
    long_reason = "Zu lang. " * 300
    response = client.post(f"{base}/{first.id}/reopen", data={f"reopen-{first.id}-reason": long_reason})
    assert response.status_code == 400 and long_reason.strip() in response.get_data(as_text=True)
    assert _phase(phased, "Bestandsaufnahme").finished and not phase.items
    assert client.post(f"{base}/template", data={"template": "chaos"}).status_code == 400


def test_other_process_planner_gets_404_and_403_multiplier_403(client, make_user, phased):
    phase = phased.phases[0]
    phase.items.append(PhaseChecklistItem(process_id=phased.id, text="Punkt"))
    db.session.commit()
    item = phase.items[0]
    other = Process(title="Andere Stadt")
    db.session.add(other)
    db.session.commit()
    client.post("/logout")
    login(client, make_user("planner", processes=[other]))
    assert client.get(_base(phased)).status_code == 403
    assert client.post(f"{_base(phased)}/{phase.id}/finish").status_code == 403
    own = _base(other)
    for url in (f"{own}/{phase.id}/finish", f"{own}/{phase.id}/delete", f"{own}/{phase.id}/up",
                f"/planning/processes/{other.id}/phase-items/{item.id}/done",
                f"/planning/processes/{other.id}/phase-items/{item.id}/edit",
                f"/planning/processes/{other.id}/phase-items/{item.id}/delete"):
        assert client.post(url, data={f"phase-{phase.id}-name": "x"}).status_code == 404, url
    assert client.post(f"{own}/{phase.id}/rename", data={f"phase-{phase.id}-name": "x"}).status_code == 404
    client.post("/logout")
    login(client, make_user("multiplier", processes=[phased]))
    assert client.get(_base(phased)).status_code == 403
    assert client.post(f"{_base(phased)}/{phase.id}/delete").status_code == 403
    db.session.refresh(phase)
    assert phase.name == "Bestandsaufnahme" and not phase.finished and not item.done


@pytest.mark.parametrize("file_format", ["docx", "odt"])
def test_report_shows_the_current_phase(strategy_process, tmp_path, file_format):
    with force_locale("de"):
        strategy_process.phases.append(ProcessPhase(process_id=strategy_process.id, name="Auftauen", finished=True))
        strategy_process.phases.append(ProcessPhase(process_id=strategy_process.id, name="Umsetzung", position=1))
        db.session.commit()
        path = tmp_path / f"report.{file_format}"
        (write_docx if file_format == "docx" else write_odt)(collect.report_blocks(strategy_process), path, "Bericht")
        text = (_docx_text if file_format == "docx" else _odt_text)(path)[0]
    assert "Phase: Umsetzung" in text


def test_report_without_phases_shows_the_fixed_phase(strategy_process):
    strategy_process.phase = "leitlinien"
    with force_locale("de"):
        assert logic.current_phase_name(strategy_process) == "Leitlinien"


def test_strategy_page_phase_form_gives_way_to_the_list(client, phased):
    page = client.get(f"/planning/processes/{phased.id}/strategy").get_data(as_text=True)
    assert "Phasen und Checklisten bearbeiten" in page and 'name="phase"' not in page
    response = client.post(f"/planning/processes/{phased.id}/strategy/phase", data={"phase": "leitlinien"})
    assert response.status_code == 302 and phased.phase == "bestandsaufnahme"


def test_demo_has_a_reopened_phase_with_a_reason(demo):
    first, second, third = demo.phases
    assert first.reopened and "Kommunalwahl" in first.events[-1].reason
    assert not second.finished and logic.current_phase(demo) == first and demo.phase == "bestandsaufnahme"
    assert any(item.text == "Neue Entscheidungsträger nach der Wahl informieren" and not item.done
               for item in first.items)
    assert all(phase.items for phase in (first, second, third))
