"""The reach dashboard shows who answered, hides small groups and highlights groups falling short."""
from participation.extensions import db
from participation.reach.dashboard import reach_overview
from participation.surveys.answering import store_response
from tests.conftest import login


def _fill(survey, district, count, start, channel="online", language="de"):
    for number in range(start, start + count):
        store_response(survey, {"district": district, "children": False, "topics": ["bus"]},
                       submission_id=f"reach-{number:04d}", channel=channel, language=language)


def test_overview_counts_and_flags_shortfall_against_quota(survey):
    process = survey.process
    process.quotas = {"district": {"Nordstadt": 0.3, "Hafen": 0.5, "Lindenhof": 0.2}}
    db.session.commit()
    _fill(survey, "Nordstadt", 8, 0)
    _fill(survey, "Hafen", 6, 100, channel="paper", language="ar")
    overview = reach_overview(process)
    assert overview["total"] == 14
    rows = {row.value: row for row in overview["quotas"]["district"]}
    assert rows["Nordstadt"].falling_short is False          # 57 % reached, 30 % expected
    assert rows["Hafen"].falling_short is False              # 43 % reached, 50 % expected (≥ 80 % of it)
    assert rows["Lindenhof"].falling_short and rows["Lindenhof"].count == 0
    channels = {cell.value: cell.count for cell in overview["breakdowns"]["channel"].cells}
    assert channels == {"online": 8, "paper": 6}


def test_dashboard_hides_small_groups_and_shows_quota_gap(client, make_user, survey):
    process = survey.process
    process.quotas = {"district": {"Lindenhof": 0.25}}
    db.session.commit()
    _fill(survey, "Nordstadt", 7, 0)
    _fill(survey, "Hafen", 2, 50, language="ar")
    login(client, make_user("planner", processes=[process]))
    page = client.get(f"/planning/processes/{process.id}/reach").get_data(as_text=True)
    assert "Antworten insgesamt: 9" in page
    assert "Hier fehlen noch Stimmen" in page and "Lindenhof" in page
    assert "nicht ausgewiesen" in page           # Hafen with 2 answers and Arabic with 2 are hidden
    assert "7 (78 %)" not in page, "9 answers minus 7 in Nordstadt would give Hafen away"
    assert "<svg" in page and "<table" in page


def test_filtered_view_with_too_few_answers_shows_no_numbers(client, make_user, survey):
    _fill(survey, "Nordstadt", 7, 0)
    _fill(survey, "Hafen", 2, 50)
    login(client, make_user("planner", processes=[survey.process]))
    page = client.get(f"/planning/processes/{survey.process.id}/reach?district=Hafen").get_data(as_text=True)
    assert "weniger als 5 Antworten" in page
    assert "Antworten insgesamt" not in page


def test_quota_form_saves_shares_and_rejects_bad_values(client, make_user, survey):
    process = survey.process
    login(client, make_user("planner", processes=[process]))
    url = f"/planning/processes/{process.id}/quotas"
    bad = client.post(url, data={"district_0": "150", "district_1": "20"})
    html = bad.get_data(as_text=True)
    assert bad.status_code == 200 and "zwischen 0 und 100" in html and 'value="20"' in html
    over = client.post(url, data={"district_0": "70", "district_1": "50"})
    assert "mehr als 100 Prozent" in over.get_data(as_text=True)
    good = client.post(url, data={"district_0": "40", "district_1": "35", "target_group_0": "30"})
    assert good.status_code == 302
    db.session.expire_all()
    assert process.quotas["district"] == {"Nordstadt": 0.4, "Hafen": 0.35}
    assert process.quotas["target_group"] == {"Familien mit Kindern": 0.3}


def test_reach_of_other_process_is_refused(client, make_user, survey):
    login(client, make_user("planner"))
    assert client.get(f"/planning/processes/{survey.process.id}/reach").status_code == 403
    assert client.get(f"/planning/processes/{survey.process.id}/quotas").status_code == 403
