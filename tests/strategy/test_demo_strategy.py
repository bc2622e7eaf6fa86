"""Done when: from the demo data a planner builds a small strategy (3 fields, 6 goals, 10 measures linked
to themes) through the pages and downloads the workbook and the report in both formats."""
import io

from participation.demo import content as demo_content
from participation.extensions import db
from participation.models import (
    Answer,
    Goal,
    Job,
    Measure,
    StrategyField,
    Theme,
    ThemeAssignment,
    User,
)
from tests.conftest import wait_for
from tests.strategy.conftest import body_id

PLAN = [
    ("Gesund aufwachsen", [
        ("leitziel", "Jedes Kind hat einen Kitaplatz im eigenen Stadtteil", [
            ("Kita-Ausbau Nordstadt", "Jugendamt", "childcare"),
            ("Randzeitenbetreuung für Schichtarbeitende", "Jugendamt", "childcare")]),
        ("handlungsziel", "Kein Kind geht hungrig zur Schule", [
            ("Kostenloses Schulfrühstück", "Schulamt", "child_poverty"),
            ("Bildungspaket ohne Antragshürden", "Sozialamt", "child_poverty")]),
    ]),
    ("Gesundheit und Teilhabe", [
        ("leitziel", "Ärztliche Versorgung in jedem Stadtteil", [
            ("Gesundheitskiosk im Quartier", "Gesundheitsamt", "doctors")]),
        ("handlungsziel", "Ältere Menschen sind nicht allein", [
            ("Nachbarschaftstreff", "Quartiersmanagement", "loneliness"),
            ("Bewegungstreff im Park", "Sportverein", "loneliness")]),
    ]),
    ("Wohnen und Mobilität", [
        ("leitziel", "Bezahlbar wohnen", [
            ("Belegungsbindungen", "Stadtplanung", "housing")]),
        ("handlungsziel", "Abends sicher nach Hause", [
            ("Abendbus Nordstadt", "Stadtplanung", "bus"),
            ("Beleuchtung der Wege", "Stadtplanung", "safety")]),
    ]),
]


def _themes_from_demo_coding(process) -> dict[str, Theme]:
    """Stand-in for the theme analysis: the demo's human coding becomes the themes, two quotes each."""
    coded = {entry["text"]: entry["theme"] for entry in demo_content.free_text_pool()
             if entry["question"] == "support_missing" and entry["theme"] != "none"}
    themes = {key: Theme(process_id=process.id, label=demo_content.THEME_LABELS[key], published=True)
              for key in sorted(set(coded.values()))}
    db.session.add_all(themes.values())
    db.session.flush()
    quotes: dict[str, int] = {}
    for answer in db.session.execute(db.select(Answer).where(Answer.text_value.in_(list(coded)))).scalars():
        key = coded[answer.text_value]
        quotes[key] = quotes.get(key, 0) + 1
        db.session.add(ThemeAssignment(answer_id=answer.id, theme_id=themes[key].id, quote=quotes[key] <= 2))
    db.session.commit()
    return themes


def _post(client, url, data):
    response = client.post(url, data=data)
    assert response.status_code == 302, response.get_data(as_text=True)


def test_planner_builds_the_strategy_from_the_demo_and_downloads_it(client, demo):
    themes = _themes_from_demo_coding(demo)
    measures_before = db.session.execute(db.select(db.func.count(Measure.id))).scalar_one()
    planner = db.session.execute(db.select(User).filter_by(email="planung@beispielstadt.de")).scalar_one()
    client.post("/login", data={"email": planner.email, "password": "demo-planung"})
    base = f"/planning/processes/{demo.id}/strategy"
    for field_title, goals in PLAN:
        _post(client, f"{base}/fields/new", {"title": field_title})
        field = db.session.execute(db.select(StrategyField).filter_by(title=field_title)).scalar_one()
        for level, goal_title, measures in goals:
            _post(client, f"{base}/fields/{field.id}/goals/new", {"level": level, "title": goal_title,
                                                                 "parent_id": "0"})
            goal = db.session.execute(db.select(Goal).filter_by(title=goal_title)).scalar_one()
            for title, responsible, theme_key in measures:
                _post(client, f"{base}/goals/{goal.id}/measures/new", {
                    "title": title, "leads": body_id(demo, responsible), "status": "planned",
                    "starts_on": "2026-04-01"})
                measure = db.session.execute(db.select(Measure).filter_by(title=title)).scalar_one()
                _post(client, f"{base}/evidence", {"target": f"measure:{measure.id}",
                                                   "theme_id": str(themes[theme_key].id), "answer_id": "0"})
    assert db.session.execute(db.select(db.func.count(Measure.id))).scalar_one() == measures_before + 10
    page = client.get(base).get_data(as_text=True)
    assert 'id="measures-without-evidence"' not in page
    assert "Deutschkurse" in page.split('id="themes-without-measure"')[1].split("</ul>")[0]

    downloads = {}
    for export in ("workbook:xlsx", "workbook:ods", "report:docx", "report:odt"):
        _post(client, f"/planning/processes/{demo.id}/exports", {"export": export, "language": "de"})
        record = db.session.execute(db.select(Job).order_by(Job.created_at.desc())).scalars().first()

        def finished():
            db.session.expire_all()
            return db.session.get(Job, record.id).finished
        wait_for(finished, timeout=120)
        assert db.session.get(Job, record.id).status == "done", db.session.get(Job, record.id).error
        response = client.get(f"/planning/processes/{demo.id}/exports/{record.id}/download")
        downloads[export.split(":")[1]] = response.data

    from docx import Document
    report = Document(io.BytesIO(downloads["docx"]))
    report_text = "\n".join([p.text for p in report.paragraphs] +
                            [c.text for t in report.tables for r in t.rows for c in r.cells])
    assert "Kita-Plätze und Kinderbetreuung" in report_text and "Kostenloses Schulfrühstück" in report_text
    assert len(report.inline_shapes) >= 4
    from openpyxl import load_workbook
    matrix = load_workbook(io.BytesIO(downloads["xlsx"]))["Strategie-Matrix"]
    assert matrix.max_row == 1 + measures_before + 10
    assert matrix.cell(1, 13).value == "Priorität"
    assert any(str(matrix.cell(row, 13).value or "").startswith("Rang 1 von 4") for row in range(2, matrix.max_row + 1))
    from odf import teletype, text
    from odf.opendocument import load
    odt_text = "\n".join(teletype.extractText(p) for p in load(io.BytesIO(downloads["odt"])).getElementsByType(text.P))
    assert "Abendbus Nordstadt" in odt_text
    ods = load(io.BytesIO(downloads["ods"]))
    assert "Beleuchtung der Wege" in teletype.extractText(ods.spreadsheet)
