"""Survey waves: a repeat knows its predecessor and keeps the codes; two waves compared with small groups hidden."""
import pytest

from participation.extensions import db
from participation.models import AuditEvent, Response, Survey, Theme, ThemeAssignment
from participation.surveys import builder, waves
from participation.surveys.answering import store_response
from tests.conftest import login


@pytest.fixture
def planner(make_user, process):
    return make_user("planner", processes=[process])


@pytest.fixture
def request_context(app):
    """Labels are translated (gettext needs a locale); the functions need no real request."""
    with app.test_request_context():
        yield


def compare_url(survey):
    return f"/planning/processes/{survey.process_id}/questionnaires/{survey.id}/waves/compare"


def _answer(survey, number: int, district: str, topics: list[str]) -> Response:
    response, _created = store_response(
        survey, {"district": district, "children": True, "topics": topics, "missing": f"Antwort {number}",
                 "name_short": f"Kurz {number}"}, submission_id=f"{survey.short_code}-{number:03d}")
    return response


def _fill(survey, district: str, topics_per_person: list[list[str]], themes: list[Theme]) -> None:
    """One response per topics list; `themes` go in order onto the people's two free-text answers
    (first everyone's long answer, then everyone's short one), so nobody is counted twice in a theme."""
    responses = [_answer(survey, number, district, topics) for number, topics in enumerate(topics_per_person)]
    db.session.flush()
    slots = [next(a for a in r.answers if a.question.code == "missing") for r in responses] + \
            [next(a for a in r.answers if a.question.code == "name_short") for r in responses]
    for answer, theme in zip(slots, themes):
        db.session.add(ThemeAssignment(answer_id=answer.id, theme_id=theme.id, source="analysis"))
    db.session.commit()


@pytest.fixture
def two_waves(survey):
    """Wave 1 and 2 of the small survey, twelve people each, with known answers and themes."""
    process = survey.process
    themes = {name: Theme(process_id=process.id, label=name) for name in ("Bus", "Kita", "Hitze", "Baustellen",
                                                                          "Selten")}
    db.session.add_all(themes.values())
    db.session.flush()
    t = themes
    _fill(survey, "Hafen", [["bus", "playgrounds"]] * 6 + [["bus"]] * 3 + [["doctors"]] * 2 + [["playgrounds"]],
          [t["Bus"]] * 6 + [t["Kita"]] * 8 + [t["Baustellen"]] * 6 + [t["Selten"]] * 2)
    builder.close_questionnaire(survey)
    second = builder.create_wave(survey)
    db.session.commit()
    builder.open_questionnaire(second)
    _fill(second, "Nordstadt", [["bus", "doctors"]] * 5 + [["doctors"]] + [[]] * 6,
          [t["Bus"]] * 8 + [t["Kita"]] * 5 + [t["Hitze"]] * 5 + [t["Selten"]] * 3)
    return survey, second, themes


def test_a_new_wave_keeps_the_codes_and_knows_its_predecessor(survey):
    wave = builder.create_wave(survey)
    db.session.commit()
    assert wave.previous_wave is survey and wave.wave_number == 2 and survey.wave_number == 1
    assert wave.status == "draft" and not wave.is_open() and wave.short_code != survey.short_code
    assert [q.code for q in wave.questions] == [q.code for q in survey.questions]
    assert [o.code for o in wave.question_by_code("topics").options] == ["bus", "doctors", "playgrounds"]
    assert wave.title == survey.title and wave.responses == []
    third = builder.create_wave(wave)
    db.session.commit()
    assert third.wave_number == 3 and third.previous_wave is wave
    assert waves.wave_pairs(survey.process) == [(survey, wave), (wave, third)]
    event = db.session.execute(db.select(AuditEvent).filter_by(action="survey_wave_created")).scalars().first()
    assert event.details["previous_wave_id"] == survey.id


def test_deleting_the_earlier_wave_leaves_the_later_one(survey):
    wave = builder.create_wave(survey)
    db.session.commit()
    survey.status = "draft"
    builder.delete_questionnaire(survey)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Survey, wave.id).previous_wave_id is None


def test_guides_are_not_repeated_as_waves(request_context, process):
    guide = builder.create_questionnaire(process, "guide", "Leitfaden", guide_type="interview")
    with pytest.raises(builder.BuilderError):
        builder.create_wave(guide)


def test_closed_questions_compare_shares_and_hide_small_options(request_context, two_waves):
    first, second, _themes = two_waves
    topics = next(q for q in waves.question_changes(first, second) if q.code == "topics")
    assert (topics.base_before, topics.base_after) == (12, 6)      # people who answered, per wave
    rows = {row.key: row for row in topics.rows}
    assert rows["bus"].before.count == 9 and rows["bus"].after.count == 5
    assert rows["bus"].points == pytest.approx((5 / 6 - 9 / 12) * 100)
    assert rows["doctors"].before.hidden and rows["doctors"].after.count == 6
    assert rows["doctors"].points is None                          # hidden in one wave: no change shown
    assert rows["playgrounds"].after.count == 0 and rows["playgrounds"].points == pytest.approx(-7 / 12 * 100)
    assert "children" in {q.code for q in waves.question_changes(first, second)}
    assert not {"district", "missing", "years"} & {q.code for q in waves.question_changes(first, second)}


def test_themes_new_grown_shrunk_and_disappeared(request_context, two_waves):
    first, second, _themes = two_waves
    changes = {change.label: change for change in waves.theme_changes(first, second)}
    assert {label: change.status for label, change in changes.items()} == {
        "Bus": "grown", "Kita": "shrunk", "Hitze": "new", "Baustellen": "disappeared", "Selten": "small"}
    assert changes["Bus"].before.count == 6 and changes["Bus"].after.count == 8
    assert changes["Bus"].points == pytest.approx((8 / 12 - 6 / 12) * 100)
    assert changes["Hitze"].before.count == 0 and changes["Baustellen"].after.count == 0
    assert changes["Selten"].before.hidden and changes["Selten"].after.hidden and changes["Selten"].points is None


def test_reach_per_wave(request_context, two_waves):
    first, second, _themes = two_waves
    comparison = waves.compare_waves(first, second)
    assert (comparison.participants_before, comparison.participants_after) == (12, 12)
    districts = {row.key: row for row in comparison.reach["district"]}
    assert districts["Hafen"].before.count == 12 and districts["Hafen"].after.count == 0
    assert districts["Nordstadt"].after.count == 12 and districts["Nordstadt"].points == pytest.approx(100)
    assert "age_band" not in comparison.reach          # the survey does not ask for it


def test_planner_compares_waves_on_one_page(client, planner, two_waves):
    first, second, _themes = two_waves
    login(client, planner)
    builder_page = client.get(f"/planning/processes/{second.process_id}/questionnaires/{second.id}")
    assert "Neue Welle anlegen" in builder_page.get_data(as_text=True)
    assert compare_url(second) in builder_page.get_data(as_text=True)
    assert "(Welle 2)" in client.get(f"/planning/processes/{second.process_id}").get_data(as_text=True)
    page = client.get(compare_url(second))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Wellenvergleich" in html and "Baustellen" in html and "nicht ausgewiesen" in html
    assert 'class="data stack"' in html and 'data-label="Welle 1"' in html
    assert client.get(compare_url(first)).status_code == 404      # the first wave has nothing before it


def test_planner_creates_a_wave_from_the_survey_page(client, planner, survey):
    login(client, planner)
    response = client.post(f"/planning/processes/{survey.process_id}/questionnaires/{survey.id}/waves/new")
    assert response.status_code == 302
    wave = db.session.execute(db.select(Survey).filter_by(previous_wave_id=survey.id)).scalar_one()
    assert response.headers["Location"].endswith(f"/questionnaires/{wave.id}")


def test_waves_are_only_for_planners_of_the_process(client, make_user, two_waves):
    first, second, _themes = two_waves
    assert client.get(compare_url(second)).status_code == 302                       # residents: to the login
    login(client, make_user("multiplier", processes=[second.process]))
    assert client.get(compare_url(second)).status_code == 403
    client.post("/logout")
    from participation.models import Process
    other = Process(title="Anderer Prozess", districts=["Süd"], languages=["de"])
    db.session.add(other)
    db.session.commit()
    login(client, make_user("planner", processes=[other]))
    assert client.get(compare_url(second)).status_code == 403                       # not their process
    foreign = f"/planning/processes/{other.id}/questionnaires/{second.id}/waves/compare"
    assert client.get(foreign).status_code == 404                                   # not in their process
    assert client.post(f"/planning/processes/{other.id}/questionnaires/{second.id}/waves/new").status_code == 404
    assert db.session.execute(db.select(Survey).filter_by(previous_wave_id=second.id)).first() is None


@pytest.mark.parametrize("file_format", ["xlsx", "ods"])
def test_workbook_sheet_compares_the_waves(two_waves, tmp_path, file_format):
    from flask_babel import force_locale

    from participation.exports import collect
    from participation.exports.workbook import write_ods, write_xlsx
    from tests.strategy.test_exports import _ods_text, _xlsx_text
    first, second, _themes = two_waves
    path = tmp_path / f"waves.{file_format}"
    with force_locale("de"):
        (write_xlsx if file_format == "xlsx" else write_ods)(collect.workbook_sheets(first.process), path)
    content = (_xlsx_text if file_format == "xlsx" else _ods_text)(path)
    rows = content["Wellenvergleich"]
    assert rows[0][:5] == ["Wellen", "Bereich", "Frage, Thema oder Merkmal", "Antwort oder Gruppe", "Entwicklung"]
    themes = {row[2]: row for row in rows if row[1] == "Thema"}
    assert themes["Baustellen"][4] == "nicht mehr genannt" and themes["Hitze"][4] == "neu"
    assert str(themes["Bus"][6]) == "6" and str(themes["Bus"][8]) == "8"
    assert themes["Selten"][6] == themes["Selten"][8] == "nicht ausgewiesen" and themes["Selten"][9] in (None, "")
    doctors = next(row for row in rows if row[1] == "Frage" and row[3] == "Ärzte")
    assert doctors[6] == "nicht ausgewiesen" and doctors[9] in (None, "")     # hidden in wave 1: no change


def test_libreoffice_opens_the_wave_sheet(two_waves, tmp_path):
    import shutil
    import subprocess

    from flask_babel import force_locale

    from participation.exports import collect
    from participation.exports.workbook import write_ods
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed")
    first, _second, _themes = two_waves
    path = tmp_path / "waves.ods"
    with force_locale("de"):
        write_ods([sheet for sheet in collect.workbook_sheets(first.process) if sheet.title == "Wellenvergleich"],
                  path)
    utf8_csv = "csv:Text - txt - csv (StarCalc):44,34,76"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", utf8_csv, "--outdir", str(tmp_path / "csv"), str(path)],
                   check=True, capture_output=True, timeout=180)
    text = (tmp_path / "csv" / "waves.csv").read_text(encoding="utf-8-sig")
    assert "Baustellen" in text and "nicht mehr genannt" in text and "Welle 1 → Welle 2" in text


def test_no_wave_sheet_without_waves(survey):
    from flask_babel import force_locale

    from participation.exports import collect
    with force_locale("de"):
        assert "Wellenvergleich" not in [sheet.title for sheet in collect.workbook_sheets(survey.process)]
