"""The reach dashboard answers "who is missing": language and age band quotas, shares of those who
answered with "keine Angabe" apart, scale questions with their distribution and median, readable charts."""
import re

from participation.extensions import db
from participation.reach.charts import SVG_FONT, SVG_WIDTH, Bar, bar_chart_svg, wrap_label
from participation.reach.dashboard import reach_overview
from participation.surveys.answering import store_response
from tests.conftest import login


def _fill(survey, count, start, district=None, language="de", satisfaction=None):
    for number in range(start, start + count):
        answers = {"children": False, "topics": ["bus"]}
        if district:
            answers["district"] = district
        if satisfaction is not None:
            answers["satisfaction"] = satisfaction
        store_response(survey, answers, submission_id=f"quota-{number:04d}", language=language)


def test_shares_are_of_those_who_answered_and_keine_angabe_stands_apart(survey):
    process = survey.process
    process.quotas = {"district": {"Nordstadt": 0.5, "Hafen": 0.5}}
    db.session.commit()
    _fill(survey, 10, 0, district="Nordstadt")
    _fill(survey, 10, 100, district="Hafen")
    _fill(survey, 20, 200)                    # did not say where they live
    overview = reach_overview(process)
    districts = overview["breakdowns"]["district"]
    assert districts.base == 20 and districts.not_stated.count == 20
    assert {cell.value: cell.share for cell in districts.cells} == {"Nordstadt": 0.5, "Hafen": 0.5}
    assert not any(row.falling_short for row in overview["quotas"]["district"]), \
        "half of those who said live in Nordstadt: no shortfall although 25 % of all answers"


def test_language_quota_is_saved_and_compared(client, make_user, survey):
    process = survey.process
    login(client, make_user("planner", processes=[process]))
    form = client.get(f"/planning/processes/{process.id}/quotas").get_data(as_text=True)
    assert "Sprachen (Prozent)" in form and "العربية" in form
    names = dict(re.findall(r'<label for="(language_\d)">([^<]+)</label>', form))
    arabic = next(name for name, label in names.items() if "العربية" in label)
    assert client.post(f"/planning/processes/{process.id}/quotas", data={arabic: "30"}).status_code == 302
    db.session.expire_all()
    assert process.quotas["language"] == {"ar": 0.3}
    _fill(survey, 12, 0)
    _fill(survey, 5, 100, language="ar")
    rows = {row.value: row for row in reach_overview(process)["quotas"]["language"]}
    assert rows["ar"].falling_short is False and round(rows["ar"].reached_share, 2) == 0.29
    page = client.get(f"/planning/processes/{process.id}/reach").get_data(as_text=True)
    assert "Nach Sprache" in page and "Nach Altersgruppe" in page


def test_scale_question_shows_distribution_and_median(client, make_user, survey):
    for start, value in ((0, 2), (100, 4), (200, 5)):
        _fill(survey, 6, start, satisfaction=value)
    login(client, make_user("planner", processes=[survey.process]))
    page = client.get(f"/planning/processes/{survey.process.id}/reach").get_data(as_text=True)
    section = page.split(f'<h3>{survey.question_by_code("satisfaction").text}</h3>')[1].split("</section>")[0]
    assert "18 Personen haben geantwortet." in section and "Median: 4" in section
    assert "<svg" in section and "Skalenwert" in section
    assert re.search(r"<td>6</td><td>33 %</td>", section)


def test_long_labels_wrap_instead_of_being_cut():
    label = "Spielplätze und Treffpunkte für Jugendliche in der Nordstadt und am Hafen"
    lines = wrap_label(label)
    assert len(lines) == 2 and " ".join(lines) == label
    svg = bar_chart_svg([Bar(label, 12, display="12 (30 %)")], title="Themen")
    assert "…" not in svg and all(line in svg for line in lines)
    assert 'text-anchor="end"' not in svg, "labels start at the left edge, never clipped"
    assert SVG_FONT * 340 / SVG_WIDTH >= 12, "at least 12 px on a 390 px phone (340 px chart)"
    assert wrap_label("Donaudampfschifffahrtsgesellschaftskapitänskajütentürschlüsselanhänger")[0].endswith("-")


def test_planners_mark_an_age_band_question_and_set_age_quotas(client, make_user, survey):
    """No magic question code: the builder marks the question, the quota form then offers its bands."""
    from participation.models import Question
    process = survey.process
    login(client, make_user("planner", processes=[process]))
    quotas_url = f"/planning/processes/{process.id}/quotas"
    assert "Noch keine Frage nach der Altersgruppe" in client.get(quotas_url).get_data(as_text=True)
    section = survey.sections[0]
    new = f"/planning/processes/{process.id}/questionnaires/{survey.id}/sections/{section.id}/questions/new"
    both = client.post(new, data={"kind": "single_choice", "text": "Wie alt?", "age_band": "y", "target_group": "y"})
    assert "entweder die Zielgruppe oder die Altersgruppe" in both.get_data(as_text=True)
    assert client.post(new, data={"kind": "single_choice", "text": "Wie alt sind Sie?",
                                  "age_band": "y"}).status_code == 302
    question = db.session.execute(db.select(Question).filter_by(text="Wie alt sind Sie?")).scalar_one()
    assert question.profile_field == "age_band" and question.code != "age_band"
    assert [o.code for o in question.options][:2] == ["u18", "18_29"]
    form = client.get(quotas_url).get_data(as_text=True)
    names = dict(re.findall(r'<label for="(age_band_\d)">([^<]+)</label>', form))
    young = next(name for name, label in names.items() if label == "18 bis 29 Jahre")
    assert "möchte ich nicht sagen" not in names.values(), "keine Angabe is no group to aim for"
    assert client.post(quotas_url, data={young: "40"}).status_code == 302
    db.session.expire_all()
    assert process.quotas["age_band"] == {"18_29": 0.4}
    for number, band in enumerate(["18_29"] * 6 + ["65_79"] * 6 + ["na"] * 5):
        store_response(survey, {"children": False, "topics": ["bus"], question.code: band},
                       submission_id=f"age-{number:04d}")
    overview = reach_overview(process)
    ages = overview["breakdowns"]["age_band"]
    assert ages.base == 12 and ages.not_stated.count == 5, "\"möchte ich nicht sagen\" stands apart"
    row = overview["quotas"]["age_band"][0]
    assert row.value == "18_29" and row.reached_share == 0.5 and not row.falling_short
    page = client.get(f"/planning/processes/{process.id}/reach").get_data(as_text=True)
    assert "18 bis 29 Jahre" in page and "Nach Altersgruppe" in page


def test_the_quota_marker_never_strikes_through_the_value():
    svg = bar_chart_svg([Bar("Nordstadt", 42, display="42 (23 %)", target=55)], title="Stadtteile")
    marker = float(re.search(r'<line x1="([\d.]+)"', svg).group(1))
    value = float(re.search(r'<text x="([\d.]+)"[^>]*>42 \(23 %\)', svg).group(1))
    assert value > marker
