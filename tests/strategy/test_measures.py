"""Running measures: bodies, life stages, status history, money and evaluation; the filter of the strategy
page; the funding overview with double funding and gaps; the workbook's two sheets; access of other planners."""
from datetime import date

import pytest
from flask_babel import force_locale

from participation.exports import collect
from participation.exports.workbook import write_ods, write_xlsx
from participation.extensions import db
from participation.models import (
    AuditEvent,
    Body,
    LifeStage,
    Measure,
    MeasureBudget,
    MeasureFunding,
    MeasureStatusChange,
    Process,
)
from participation.strategy import funding
from participation.strategy.measures import (
    BODY_SUGGESTIONS,
    LIFE_STAGE_SUGGESTIONS,
    bodies_of,
    life_stages_of,
    parse_euros,
    set_links,
)
from tests.conftest import login
from tests.strategy.conftest import body_id
from tests.strategy.conftest import strategy_base as _base


def _measure(title: str) -> Measure:
    return db.session.execute(db.select(Measure).filter_by(title=title)).scalar_one()


def _stage_id(process, name: str) -> str:
    return str(next(stage.id for stage in life_stages_of(process) if stage.name == name))


def _run(process, title, leads, partners=(), stages=(), budget=(), fundings=(), continuation="") -> Measure:
    """Give a measure of the fixture its running details directly (the forms are tested separately)."""
    measure = _measure(title)
    bodies, all_stages = bodies_of(process), life_stages_of(process)
    ids = {b.name: b.id for b in bodies}
    set_links(measure, [ids[n] for n in leads], [ids[n] for n in partners],
              [s.id for s in all_stages if s.name in stages], bodies, all_stages)
    measure.budget_lines = [MeasureBudget(year=y, amount=a, funder=f) for y, a, f in budget]
    measure.fundings = [MeasureFunding(funder=f, starts_on=s, ends_on=e) for f, s, e in fundings]
    measure.continuation = continuation
    db.session.commit()
    return measure


# --- model and lists ---------------------------------------------------------------------------------

def test_lists_start_with_the_suggestions_and_links_survive_a_round_trip(strategy_process):
    names = [body.name for body in bodies_of(strategy_process)]
    for name in ("Gesundheitsamt", "Jugendamt", "Sozialamt", "Schulamt", "Quartiersmanagement", "Umweltamt",
                 "Sportamt", "Selbsthilfe", "Ärzteschaft", "Krankenkassen"):
        assert name in names
    assert [s.name for s in life_stages_of(strategy_process)] == list(LIFE_STAGE_SUGGESTIONS)
    assert len(names) == len(BODY_SUGGESTIONS)
    measure = _run(strategy_process, "Kita-Ausbau Nordstadt", ["Jugendamt", "Gesundheitsamt"], ["Krankenkassen"],
                   ["Kita", "rund um die Geburt"], budget=[(2026, 1000, "Land")])
    measure.status_changes.append(MeasureStatusChange(status="planned", since=date(2026, 1, 5)))
    db.session.commit()
    db.session.expire_all()
    measure = _measure("Kita-Ausbau Nordstadt")
    assert measure.responsible == "Jugendamt / Gesundheitsamt" and measure.partners == "Krankenkassen"
    assert [s.name for s in measure.life_stages] == ["rund um die Geburt", "Kita"]
    assert [(line.year, line.amount, line.funder) for line in measure.budget_lines] == [(2026, 1000, "Land")]
    assert measure.status_changes[0].since == date(2026, 1, 5)
    body = db.session.execute(db.select(Body).filter_by(process_id=strategy_process.id, name="Gesundheitsamt")
                              ).scalar_one()
    db.session.delete(body)
    db.session.commit()
    db.session.expire_all()
    assert [link.body.name for link in _measure("Kita-Ausbau Nordstadt").body_links] == ["Jugendamt", "Krankenkassen"]
    db.session.delete(_measure("Kita-Ausbau Nordstadt"))
    db.session.commit()
    assert db.session.execute(db.select(db.func.count(MeasureBudget.id))).scalar_one() == 0
    assert db.session.execute(db.select(db.func.count(LifeStage.id))).scalar_one() == 7, "stages stay"


def test_planner_renames_removes_and_adds_list_entries(planner_client, strategy_process):
    _run(strategy_process, "Schulwegplan", ["Schulamt"])
    url = f"{_base(strategy_process)}/lists"
    page = planner_client.get(url).get_data(as_text=True)
    assert 'value="Ärzteschaft"' in page and 'value="Übergang Schule–Beruf"' in page
    bodies, stages = bodies_of(strategy_process), life_stages_of(strategy_process)
    data = {}
    for index, body in enumerate(bodies):
        data |= {f"bodies-{index}-row_id": str(body.id), f"bodies-{index}-kind": body.kind,
                 f"bodies-{index}-name": "Schul- und Sportamt" if body.name == "Schulamt" else body.name}
        if body.name == "Sportamt":
            data[f"bodies-{index}-remove"] = "y"
    data |= {f"bodies-{len(bodies)}-row_id": "", f"bodies-{len(bodies)}-name": "Familienbüro",
             f"bodies-{len(bodies)}-kind": "office"}
    for index, stage in enumerate(stages):
        data |= {f"stages-{index}-row_id": str(stage.id), f"stages-{index}-name": stage.name}
    assert planner_client.post(url, data=data).status_code == 302
    names = [body.name for body in bodies_of(strategy_process)]
    assert "Schul- und Sportamt" in names and "Sportamt" not in names and "Familienbüro" in names
    db.session.expire_all()
    page = planner_client.get(_base(strategy_process)).get_data(as_text=True)
    measure = _measure("Schulwegplan")
    assert "Schul- und Sportamt" in page.split(f'id="measure-{measure.id}"')[1].split('class="item-actions"')[0]
    assert measure.responsible == "Schul- und Sportamt", "the matrix and the residents' pages read the text"
    assert "strategy_lists_updated" in db.session.execute(db.select(AuditEvent.action)).scalars().all()


# --- forms ---------------------------------------------------------------------------------------------

def test_measure_form_sets_tandem_life_stages_and_status_since(planner_client, strategy_process):
    measure = _measure("Schulwegplan")
    response = planner_client.post(f"{_base(strategy_process)}/measure/{measure.id}/edit", data={
        "title": "Schulwegplan", "leads": [body_id(strategy_process, "Schulamt"),
                                           body_id(strategy_process, "Stadtplanung")],
        "partner_bodies": body_id(strategy_process, "Selbsthilfe"), "stage_ids": _stage_id(strategy_process, "Schule"),
        "status": "in_progress", "status_since": "2026-09-01"})
    assert response.status_code == 302
    assert measure.responsible == "Schulamt / Stadtplanung" and [s.name for s in measure.life_stages] == ["Schule"]
    page = planner_client.get(f"{_base(strategy_process)}/measures/{measure.id}").get_data(as_text=True)
    assert "in Umsetzung (seit 01.09.2026)" in page and "Selbsthilfe" in page
    form = {"title": "Schulwegplan", "leads": body_id(strategy_process, "Schulamt"), "status": "done",
            "status_since": "2026-09-01"}
    assert planner_client.post(f"{_base(strategy_process)}/measure/{measure.id}/edit", data=form).status_code == 302
    assert [c.status for c in measure.status_changes] == ["in_progress", "done"]
    assert measure.status_changes[-1].since > date(2026, 9, 1), "the shown old date is not the new status's"


def test_an_unchanged_status_without_date_records_no_history(planner_client, strategy_process):
    measure = _measure("Rufbus am Wochenende")
    response = planner_client.post(f"{_base(strategy_process)}/measure/{measure.id}/edit", data={
        "title": "Rufbus", "leads": body_id(strategy_process, "Stadtplanung"), "status": "planned"})
    assert response.status_code == 302 and measure.title == "Rufbus" and measure.status_changes == []


def test_bad_amounts_keep_what_was_typed_and_say_why(planner_client, strategy_process):
    measure = _measure("Abendlinie Nordstadt")
    url = f"{_base(strategy_process)}/measures/{measure.id}/resources"
    assert planner_client.get(url).status_code == 200
    response = planner_client.post(url, data={
        "budget-0-year": "2026", "budget-0-amount": "zwölftausend", "budget-0-funder": "Land",
        "budget-1-year": "", "budget-1-amount": "500", "budget-1-funder": "",
        "contributions-0-kind": "staff", "contributions-0-description": "100 Stunden", "contributions-0-value": "viel",
        "continuation": "Haushalt ab 2028", "evaluation_result": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert page.count("Bitte geben Sie den Betrag als ganze Zahl in Euro ein") == 2
    assert "Bitte nennen Sie das Jahr zu diesem Betrag." in page
    assert 'value="zwölftausend"' in page and 'value="100 Stunden"' in page and "Haushalt ab 2028" in page
    assert measure.budget_lines == [] and measure.continuation == ""


def test_resources_are_saved_from_german_amounts(planner_client, strategy_process):
    measure = _measure("Abendlinie Nordstadt")
    url = f"{_base(strategy_process)}/measures/{measure.id}/resources"
    response = planner_client.post(url, data={
        "budget-0-year": "2026", "budget-0-amount": "12.000 €", "budget-0-funder": "Land",
        "budget-1-year": "", "budget-1-amount": "", "budget-1-funder": "",
        "contributions-0-kind": "rooms", "contributions-0-description": "Raum im Rathaus", "contributions-0-value": "",
        "fundings-0-funder": "Land", "fundings-0-starts_on": "2026-01-01", "fundings-0-ends_on": "2026-12-31",
        "continuation": "", "evaluation_result": "partly", "evaluated_on": "2026-11-01",
        "evaluation_note": "Mehr Fahrgäste, aber nicht am Wochenende"})
    assert response.status_code == 302
    assert [(b.year, b.amount, b.funder) for b in measure.budget_lines] == [(2026, 12000, "Land")]
    assert [(c.kind, c.value) for c in measure.contributions] == [("rooms", None)]
    assert measure.fundings[0].ends_on == date(2026, 12, 31) and measure.evaluation_result == "partly"
    page = planner_client.get(f"{_base(strategy_process)}/measures/{measure.id}").get_data(as_text=True)
    assert "12.000\xa0€" in page and "teilweise wirksam (01.11.2026)" in page
    assert "Förderlücke" not in page and "läuft bis 31.12.2027" in page, "ends after its funding, no plan"


@pytest.mark.parametrize("text,amount", [("12000", 12000), ("12.000", 12000), ("12 000 €", 12000),
                                         ("12000,50 EUR", 12000), ("1.5", None), ("-3", None), ("abc", None)])
def test_parse_euros(text, amount):
    assert parse_euros(text) == amount


# --- filter ------------------------------------------------------------------------------------------

def test_strategy_page_filters_by_life_stage_body_district_funder_and_status(planner_client, strategy_process):
    _run(strategy_process, "Kita-Ausbau Nordstadt", ["Jugendamt"], stages=["Kita"], budget=[(2026, 5, "Land")])
    _run(strategy_process, "Schulwegplan", ["Schulamt"], stages=["Schule"])
    _measure("Schulwegplan").district = "Lindenhof"
    db.session.commit()
    base = _base(strategy_process)

    def shown(**params):
        page = planner_client.get(base, query_string=params).get_data(as_text=True)
        return page, {m.title for m in db.session.execute(db.select(Measure)).scalars()
                      if f'id="measure-{m.id}"' in page}

    page, titles = shown(life_stage=_stage_id(strategy_process, "Kita"))
    assert titles == {"Kita-Ausbau Nordstadt"} and "1 von 10 Maßnahmen passen zum Filter." in page
    assert f'<option selected value="{_stage_id(strategy_process, "Kita")}">' in page, "the form keeps its value"
    assert shown(body=body_id(strategy_process, "Schulamt"))[1] == {"Schulwegplan"}
    assert shown(district="Lindenhof")[1] == {"Schulwegplan"}
    assert shown(funder="Land")[1] == {"Kita-Ausbau Nordstadt"}
    assert len(shown(status="planned")[1]) == 10 and shown(status="done")[1] == set()
    page, titles = shown(life_stage="nonsense", district="<script>")
    assert len(titles) == 10 and "passen zum Filter" not in page


# --- funding overview -----------------------------------------------------------------------------------

def _transient(title, status="in_progress", ends_on=None, budget=(), fundings=(), continuation=""):
    measure = Measure(title=title, status=status, ends_on=ends_on, continuation=continuation, district="Nord")
    measure.budget_lines = [MeasureBudget(year=y, amount=a, funder=f) for y, a, f in budget]
    measure.fundings = [MeasureFunding(funder=f, starts_on=None, ends_on=e) for f, e in fundings]
    return measure


def test_double_funding_and_gap_detection_on_known_data(app):
    two_funders = _transient("Frühstück", budget=[(2026, 300, "GKV"), (2026, 200, "Stiftung"), (2027, 300, "GKV"),
                                                  (2026, 100, "")])
    same_funder_twice = _transient("Kiosk", budget=[(2026, 100, "GKV"), (2026, 50, "GKV")])
    doubles = funding.double_fundings([two_funders, same_funder_twice])
    assert [(d.measure.title, d.year, d.funders, d.amount) for d in doubles] == [
        ("Frühstück", 2026, ["GKV", "Stiftung"], 500)], "own money and one funder's two rows are no double funding"

    end = date(2026, 12, 31)
    cases = [
        _transient("offen ohne Plan", fundings=[("GKV", end)]),
        _transient("läuft länger", ends_on=date(2027, 6, 30), fundings=[("GKV", date(2025, 12, 31)), ("Land", end)]),
        _transient("endet mit Förderung", ends_on=end, fundings=[("GKV", end)]),
        _transient("mit Plan", fundings=[("GKV", end)], continuation="Regelhaushalt"),
        _transient("umgesetzt", status="done", fundings=[("GKV", end)]),
        _transient("ohne Förderzeitraum"),
    ]
    gaps = funding.funding_gaps(cases)
    assert [(g.measure.title, g.funding_ends, g.runs_until) for g in gaps] == [
        ("offen ohne Plan", end, None), ("läuft länger", end, date(2027, 6, 30))]
    rows = funding.funding_rows([two_funders])
    assert [(r.funder, r.year, r.amount) for r in rows] == [("GKV", 2026, 300), ("GKV", 2027, 300),
                                                            ("Stiftung", 2026, 200), ("", 2026, 100)]
    with app.test_request_context(), force_locale("de"):
        assert "GKV, Stiftung" in funding.double_funding_text(doubles[0])
        assert "kein Enddatum" in funding.gap_text(gaps[0]) and "30.06.2027" in funding.gap_text(gaps[1])


def test_funding_overview_explains_both_cases_in_words(planner_client, strategy_process):
    _run(strategy_process, "Kita-Ausbau Nordstadt", ["Jugendamt"], budget=[(2026, 300, "GKV"), (2026, 200, "Land")])
    _run(strategy_process, "Schulwegplan", ["Schulamt"], budget=[(2026, 900, "Land")],
         fundings=[("Land", date(2026, 1, 1), date(2026, 12, 31))])
    page = planner_client.get(f"{_base(strategy_process)}/funding").get_data(as_text=True)
    doubles = page.split('id="double-funding"')[1].split("</ul>")[0]
    assert "Kita-Ausbau Nordstadt" in doubles and "doppelt gefördert" in doubles
    gaps = page.split('id="funding-gaps"')[1].split("</ul>")[0]
    assert "Schulwegplan" in gaps and "31.12.2026" in gaps and "31.12.2027" in gaps
    table = page.split('id="funding-table"')[1]
    assert "1.100\xa0€" in table, "sum of Land in 2026"


# --- workbook ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("file_format", ["xlsx", "ods"])
def test_workbook_has_measures_and_funding_sheets(strategy_process, tmp_path, file_format):
    from tests.strategy.test_exports import _ods_text, _xlsx_text
    _run(strategy_process, "Kita-Ausbau Nordstadt", ["Jugendamt", "Gesundheitsamt"], ["Krankenkassen"], ["Kita"],
         budget=[(2026, 30000, "GKV nach § 20a SGB V"), (2026, 20000, "Stiftung")],
         fundings=[("Stiftung", date(2026, 1, 1), date(2026, 12, 31))])
    path = tmp_path / f"strategy.{file_format}"
    with force_locale("de"):
        (write_xlsx if file_format == "xlsx" else write_ods)(collect.workbook_sheets(strategy_process), path)
    content = _xlsx_text(path) if file_format == "xlsx" else _ods_text(path)
    header, *rows = content["Maßnahmen"]
    for column in ("Status", "Federführung", "Beteiligte", "Lebensphasen", "Budget (EUR)", "Eigenanteil",
                   "Förderung", "Förderzeitraum", "Bewertung", "Priorität"):
        assert column in header
    kita = dict(zip(header, next(row for row in rows if row[2] == "Kita-Ausbau Nordstadt")))
    assert kita["Federführung"] == "Jugendamt / Gesundheitsamt" and kita["Lebensphasen"] == "Kita"
    assert kita["Budget (EUR)"] == (50000 if file_format == "xlsx" else "50000"), "a number in xlsx"
    assert set(kita["Förderung"].split(", ")) == {"GKV nach § 20a SGB V", "Stiftung"}
    assert "31.12.2026" in kita["Förderzeitraum"]
    assert kita["Status"] == "geplant"
    funding_header, *funding_rows = content["Förderübersicht"]
    assert funding_header[:5] == ["Förderer", "Jahr", "Maßnahme", "Stadtteil", "Betrag (EUR)"]
    gkv = next(row for row in funding_rows if row[0] == "GKV nach § 20a SGB V")
    assert gkv[1:5] == ([2026, "Kita-Ausbau Nordstadt", "Nordstadt", 30000] if file_format == "xlsx"
                        else ["2026", "Kita-Ausbau Nordstadt", "Nordstadt", "30000"])
    assert "doppelt gefördert" in gkv[5] and "Verstetigung" in gkv[5]


# --- access ------------------------------------------------------------------------------------------

def test_planners_of_another_process_get_403_and_foreign_ids_404(client, make_user, strategy_process):
    other = Process(title="Andere Stadt")
    db.session.add(other)
    db.session.commit()
    measure = _measure("Schulwegplan")
    foreign_body = bodies_of(strategy_process)[0]
    db.session.commit()
    login(client, make_user("planner", processes=[other]))
    base = _base(strategy_process)
    for url in (f"{base}/measures/{measure.id}", f"{base}/measures/{measure.id}/resources", f"{base}/lists",
                f"{base}/funding", f"{base}?status=planned"):
        assert client.get(url).status_code == 403, url
    own = _base(other)
    assert client.get(f"{own}/measures/{measure.id}").status_code == 404
    assert client.post(f"{own}/measures/{measure.id}/resources", data={"continuation": "x"}).status_code == 404
    response = client.post(f"{own}/lists", data={"bodies-0-row_id": str(foreign_body.id),
                                                 "bodies-0-name": "Übernommen", "bodies-0-kind": "office"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Body, foreign_body.id).name != "Übernommen", "another process's body stays untouched"


def test_lists_started_by_a_form_are_saved_so_its_ids_stay_valid(planner_client, strategy_process):
    goal = _measure("Schulwegplan").goal
    page = planner_client.get(f"{_base(strategy_process)}/goals/{goal.id}/measures/new").get_data(as_text=True)
    assert "Krankenkassen" in page and "Übergang in den Ruhestand" in page
    db.session.rollback()
    count = db.session.execute(db.select(db.func.count(Body.id)).filter_by(process_id=strategy_process.id))
    assert count.scalar_one() == len(BODY_SUGGESTIONS)


def test_demo_measures_show_a_tandem_both_funding_cases_and_an_evaluation(demo_outcomes):
    from participation.strategy import measures as running
    process = db.session.execute(db.select(Process)).scalars().first()
    demo_measures = db.session.execute(db.select(Measure).filter_by(process_id=process.id)).scalars().all()
    assert any(len(running.leads(m)) == 2 for m in demo_measures), "a tandem"
    assert all(m.life_stages and m.district for m in demo_measures if m.budget_lines)
    assert [(d.measure.title, d.year) for d in funding.double_fundings(demo_measures)] == [
        ("Kostenloses Schulfrühstück", 2026)]
    assert [g.measure.title for g in funding.funding_gaps(demo_measures)] == ["Gesundheitskiosk im Quartier"]
    assert [m.evaluation_result for m in demo_measures if m.evaluation_result] == ["partly"]
