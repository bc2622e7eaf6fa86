"""Planners build the strategy through forms; other planners cannot see or change it."""
import re

import pytest

from participation.extensions import db
from participation.models import AuditEvent, EvidenceLink, Goal, Measure, Process, StrategyField, Theme
from tests.conftest import login
from tests.strategy.conftest import body_id
from tests.strategy.conftest import strategy_base as _base


def _actions(process) -> list[str]:
    return db.session.execute(db.select(AuditEvent.action).where(AuditEvent.process_id == process.id)
                              .order_by(AuditEvent.id)).scalars().all()


def test_strategy_page_shows_tree_gaps_and_phase(planner_client, strategy_process):
    db.session.add(Theme(process_id=strategy_process.id, label="Hitze im Sommer"))
    db.session.commit()
    page = planner_client.get(_base(strategy_process)).get_data(as_text=True)
    assert "Handlungsfeld: Gesund aufwachsen" in page and "Bewegungstreff im Park" in page
    assert "Sportverein TSV Nordstadt" in page and "03/2026 – 12/2027" in page
    gaps_themes = page.split('id="themes-without-measure"')[1].split("</ul>")[0]
    assert "Hitze im Sommer" in gaps_themes and "Fehlende Kitaplätze" not in gaps_themes
    gaps_measures = page.split('id="measures-without-evidence"')[1].split("</ul>")[0]
    assert "Schulwegplan" in gaps_measures and "Abendlinie" not in gaps_measures
    assert 'aria-current="step"' in page and "Bestandsaufnahme" in page
    theme_rows = re.sub(r"\s+", " ", page.split('id="themes-heading"')[1])
    assert re.search(r"<td>Schlechte Busverbindungen</td><td>7</td>\s*<td>\d+</td><td>\d+</td>\s*<td>2</td>",
                     theme_rows), "answers, languages, districts, measures"
    assert "mehmet.beispiel" not in page


def test_planner_creates_field_goal_measure_and_indicator(planner_client, strategy_process):
    base = _base(strategy_process)
    response = planner_client.post(f"{base}/fields/new", data={"title": "Wohnen", "description": "Bezahlbar"})
    assert response.status_code == 302
    field = db.session.execute(db.select(StrategyField).filter_by(title="Wohnen")).scalar_one()
    planner_client.post(f"{base}/fields/{field.id}/goals/new",
                        data={"level": "leitziel", "title": "Genug bezahlbare Wohnungen", "parent_id": "0"})
    leitziel = db.session.execute(db.select(Goal).filter_by(title="Genug bezahlbare Wohnungen")).scalar_one()
    planner_client.post(f"{base}/fields/{field.id}/goals/new",
                        data={"level": "handlungsziel", "title": "200 Sozialwohnungen bis 2030",
                              "parent_id": str(leitziel.id)})
    goal = db.session.execute(db.select(Goal).filter_by(title="200 Sozialwohnungen bis 2030")).scalar_one()
    assert goal.parent_id == leitziel.id and goal.field_id == field.id
    response = planner_client.post(f"{base}/goals/{goal.id}/measures/new", data={
        "title": "Belegungsbindungen kaufen", "leads": body_id(strategy_process, "Stadtplanung"),
        "partner_bodies": body_id(strategy_process, "Wohnungsbaugesellschaft"),
        "target_group": "Familien mit Kindern", "district": "Hafen", "starts_on": "2026-01-01",
        "ends_on": "2030-12-31", "status": "in_progress"})
    assert response.status_code == 302
    measure = db.session.execute(db.select(Measure).filter_by(title="Belegungsbindungen kaufen")).scalar_one()
    assert measure.status == "in_progress" and measure.ends_on.year == 2030
    assert (measure.responsible, measure.partners) == ("Stadtplanung", "Wohnungsbaugesellschaft")
    planner_client.post(f"{base}/measure/{measure.id}/indicators/new", data={
        "name": "Gebundene Wohnungen", "baseline": "0", "target": "200", "unit": "Wohnungen",
        "source": "Wohnungsamt"})
    assert [i.name for i in measure.indicators] == ["Gebundene Wohnungen"]
    actions = _actions(strategy_process)
    for action in ("strategy_field_created", "strategy_goal_created", "strategy_measure_created",
                   "strategy_indicator_created"):
        assert action in actions


def test_invalid_measure_keeps_typed_values_and_explains(planner_client, strategy_process):
    goal = db.session.execute(db.select(Goal)).scalars().first()
    response = planner_client.post(f"{_base(strategy_process)}/goals/{goal.id}/measures/new", data={
        "title": "Familienzentrum", "starts_on": "2027-05-01", "ends_on": "2026-01-01",
        "status": "planned"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'value="Familienzentrum"' in page
    assert "Bitte wählen Sie mindestens ein Amt oder einen Akteur für die Federführung" in page
    assert "Das Ende liegt vor dem Beginn" in page
    assert db.session.execute(db.select(Measure).filter_by(title="Familienzentrum")).first() is None


def test_handlungsziel_only_may_name_a_leitziel(planner_client, strategy_process):
    field = db.session.execute(db.select(StrategyField)).scalars().first()
    leitziel = next(g for g in field.goals if g.level == "leitziel")
    response = planner_client.post(f"{_base(strategy_process)}/fields/{field.id}/goals/new", data={
        "level": "leitziel", "title": "Doppelt", "parent_id": str(leitziel.id)})
    assert response.status_code == 400
    assert "Nur ein Handlungsziel" in response.get_data(as_text=True)


def test_edit_and_delete_are_audited(planner_client, strategy_process):
    measure = db.session.execute(db.select(Measure).filter_by(title="Schulwegplan")).scalar_one()
    base = _base(strategy_process)
    form = {"title": "Schulwegplan mit Kindern", "leads": body_id(strategy_process, "Schulamt"), "status": "done"}
    assert planner_client.post(f"{base}/measure/{measure.id}/edit", data=form).status_code == 302
    assert measure.title == "Schulwegplan mit Kindern" and measure.status == "done"
    event = db.session.execute(db.select(AuditEvent).filter_by(action="strategy_measure_updated")).scalar_one()
    assert event.details["changes"]["status"] == "done"
    field = measure.goal.field
    confirm = planner_client.get(f"{base}/field/{field.id}/delete").get_data(as_text=True)
    assert "Ziele: 2, Maßnahmen: 3" in confirm
    assert planner_client.post(f"{base}/measure/{measure.id}/delete").status_code == 302
    assert db.session.get(Measure, measure.id) is None
    assert "strategy_measure_deleted" in _actions(strategy_process)


def test_phase_is_set_and_audited(planner_client, strategy_process):
    response = planner_client.post(f"{_base(strategy_process)}/phase", data={"phase": "leitlinien"})
    assert response.status_code == 302
    assert strategy_process.phase == "leitlinien"
    assert "process_phase_changed" in _actions(strategy_process)
    planner_client.post(f"{_base(strategy_process)}/phase", data={"phase": "chaos"})
    assert strategy_process.phase == "leitlinien"


def test_linking_evidence_closes_a_gap_and_unlinking_reopens_it(planner_client, strategy_process):
    measure = db.session.execute(db.select(Measure).filter_by(title="Schulwegplan")).scalar_one()
    theme = db.session.execute(db.select(Theme).filter_by(label="Schlechte Busverbindungen")).scalar_one()
    base = _base(strategy_process)
    response = planner_client.post(f"{base}/evidence", data={
        "target": f"measure:{measure.id}", "theme_id": str(theme.id), "answer_id": "0"})
    assert response.status_code == 302
    link = db.session.execute(db.select(EvidenceLink).filter_by(measure_id=measure.id)).scalar_one()
    page = planner_client.get(base).get_data(as_text=True)
    assert 'id="measures-without-evidence"' not in page
    planner_client.post(f"{base}/evidence/{link.id}/delete")
    assert 'id="measures-without-evidence"' in planner_client.get(base).get_data(as_text=True)
    actions = _actions(strategy_process)
    assert "strategy_evidence_linked" in actions and "strategy_evidence_unlinked" in actions


def test_evidence_needs_a_theme_or_a_quote(planner_client, strategy_process):
    measure = db.session.execute(db.select(Measure)).scalars().first()
    response = planner_client.post(f"{_base(strategy_process)}/evidence", data={
        "target": f"measure:{measure.id}", "theme_id": "0", "answer_id": "0"})
    assert response.status_code == 400
    assert "Bitte wählen Sie ein Thema, ein Zitat oder beides." in response.get_data(as_text=True)


def test_other_planners_get_403_and_foreign_ids_404(client, make_user, strategy_process):
    other_process = Process(title="Andere Stadt")
    db.session.add(other_process)
    db.session.commit()
    outsider = make_user("planner", processes=[other_process])
    login(client, outsider)
    base = _base(strategy_process)
    measure = db.session.execute(db.select(Measure)).scalars().first()
    field = db.session.execute(db.select(StrategyField)).scalars().first()
    for url in (base, f"{base}/measure/{measure.id}/edit", f"{base}/fields/{field.id}/goals/new",
                f"/planning/processes/{strategy_process.id}/exports"):
        assert client.get(url).status_code == 403, url
    for url in (f"{base}/measure/{measure.id}/delete", f"{base}/phase", f"{base}/fields/new", f"{base}/evidence"):
        assert client.post(url, data={"title": "x", "phase": "leitlinien"}).status_code == 403, url
    assert db.session.get(Measure, measure.id) is not None and strategy_process.phase == "bestandsaufnahme"
    own_base = f"/planning/processes/{other_process.id}/strategy"
    assert client.get(f"{own_base}/measure/{measure.id}/edit").status_code == 404
    assert client.post(f"{own_base}/field/{field.id}/delete").status_code == 404
    assert db.session.get(StrategyField, field.id) is not None


def test_residents_and_multipliers_cannot_open_the_strategy(client, make_user, strategy_process):
    assert client.get(_base(strategy_process)).status_code == 302
    login(client, make_user("multiplier", processes=[strategy_process]))
    assert client.get(_base(strategy_process)).status_code == 403


@pytest.mark.csrf
def test_strategy_changes_need_the_csrf_token(client, strategy_process):
    response = client.post(f"{_base(strategy_process)}/fields/new", data={"title": "Ohne Token"})
    assert response.status_code == 400
    assert db.session.execute(db.select(StrategyField).filter_by(title="Ohne Token")).first() is None
