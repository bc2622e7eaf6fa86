"""The public results page: only when published, counts and charts, small groups hidden, themes."""
import re

from participation.extensions import db
from participation.models import Answer, Theme, ThemeAssignment
from participation.surveys.answering import store_response
from tests.public.conftest import seed_responses

ANSWERS = (
    [{"district": "Hafen", "children": True, "childcare": "waiting", "topics": ["bus", "doctors"],
      "missing": "Mehr Ärzte", "satisfaction": 4}] * 6
    + [{"district": "Nordstadt", "children": False, "topics": ["bus"], "missing": "Busse fahren selten",
        "satisfaction": 2}] * 2
)


def table_rows(html: str, block_id: str) -> list[list[str]]:
    """Cells of the table in one result block, whitespace collapsed."""
    block = re.search(rf'id="{block_id}".*?</table>', html, re.S).group(0)
    return [[" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", block, re.S) if "<td" in row]


def publish(survey):
    survey.results_published = True
    db.session.commit()


def test_results_are_not_shown_before_the_planner_publishes_them(client, survey):
    seed_responses(survey, ANSWERS)
    response = client.get("/s/kurz/ergebnisse")
    assert response.status_code == 404
    assert "Noch keine Ergebnisse" in response.get_data(as_text=True)
    assert "Hafen" not in response.get_data(as_text=True)


def test_too_few_participants_show_only_the_count(client, survey):
    seed_responses(survey, ANSWERS[:3])
    publish(survey)
    html = client.get("/s/kurz/ergebnisse").get_data(as_text=True)
    assert '<p class="big-number">3</p>' in html
    assert "mindestens 5 Personen" in html
    assert "<svg" not in html and "Hafen" not in html


def test_choice_questions_are_charted_with_a_table_and_small_groups_are_hidden(client, survey):
    seed_responses(survey, ANSWERS)
    publish(survey)
    html = client.get("/s/kurz/ergebnisse").get_data(as_text=True)
    assert '<p class="big-number">8</p>' in html
    for code in ("district", "children", "childcare", "satisfaction", "topics"):
        assert f'id="result-{code}"' in html
    assert 'id="result-missing"' not in html, "free text is not charted"
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"') == 5
    # Nordstadt: 2 people, fewer than the minimum group size of 5; Hafen's 6 would give it away (8 − 6)
    assert table_rows(html, "result-district") == [
        ["Nordstadt", "nicht ausgewiesen"], ["Hafen", "nicht ausgewiesen"], ["Lindenhof", "0", "0 %"]]
    district_chart = html.split('id="result-district"')[1].split('id="result-')[0]
    assert ">2 (25%)<" not in district_chart and ">6 (75%)<" not in district_chart, "the chart hides both as well"
    assert district_chart.count(">nicht ausgewiesen<") >= 2
    assert table_rows(html, "result-topics")[0] == ["Bus", "8", "100 %"]


def test_min_group_size_of_the_process_is_respected(client, survey):
    survey.process.min_group_size = 2
    seed_responses(survey, ANSWERS)
    publish(survey)
    html = client.get("/s/kurz/ergebnisse").get_data(as_text=True)
    assert table_rows(html, "result-district")[0] == ["Nordstadt", "2", "25 %"]


def test_published_themes_are_listed_with_counts_and_small_themes_without(client, survey, process):
    seed_responses(survey, ANSWERS + [{"district": "Hafen", "missing": "Spielplatz kaputt"}] * 5)
    publish(survey)
    doctors = Theme(process=process, label="Ärztliche Versorgung", published=True)
    buses = Theme(process=process, label="Busverbindungen", published=True)
    secret = Theme(process=process, label="Noch nicht freigegeben", published=False)
    db.session.add_all([doctors, buses, secret])
    texts = db.session.execute(db.select(Answer).where(Answer.text_value.is_not(None),
                                                       Answer.question.has(code="missing"))).scalars().all()
    for answer in texts:
        theme = {"Mehr Ärzte": doctors, "Busse fahren selten": buses}.get(answer.text_value, secret)
        db.session.add(ThemeAssignment(answer=answer, theme=theme))
    db.session.commit()
    html = client.get("/s/kurz/ergebnisse").get_data(as_text=True)
    assert table_rows(html, "result-themes") == [["Ärztliche Versorgung", "6"], ["Busverbindungen", "nicht ausgewiesen"]]
    assert "Noch nicht freigegeben" not in html


def test_answers_to_other_surveys_and_flagged_answers_do_not_count(client, survey, process):
    from participation.demo.loader import build_questionnaire
    from participation.models import Survey
    from tests.conftest import SMALL_SURVEY
    other = build_questionnaire(Survey, process, {**SMALL_SURVEY, "short_code": "andere"}, status="open")
    db.session.commit()
    seed_responses(survey, ANSWERS[:6])
    seed_responses(other, ANSWERS)
    response, _created = store_response(survey, {"district": "Lindenhof"}, submission_id="flagged-0001")
    for answer in response.answers:
        answer.review_flag = "abusive"
    db.session.commit()
    publish(survey)
    html = client.get("/s/kurz/ergebnisse").get_data(as_text=True)
    assert '<p class="big-number">7</p>' in html
    assert table_rows(html, "result-district") == [["Nordstadt", "0", "0 %"], ["Hafen", "6", "100 %"],
                                                   ["Lindenhof", "0", "0 %"]]


def test_results_of_a_closed_survey_stay_public_and_the_closed_page_links_them(client, survey):
    seed_responses(survey, ANSWERS)
    survey.status = "closed"
    publish(survey)
    assert client.get("/s/kurz/ergebnisse").status_code == 200
    assert 'href="/s/kurz/ergebnisse"' in client.get("/s/kurz").get_data(as_text=True)


def test_results_page_in_arabic_is_right_to_left(client, survey):
    seed_responses(survey, ANSWERS)
    publish(survey)
    html = client.get("/s/kurz/ergebnisse?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
