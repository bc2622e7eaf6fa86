"""Points from residents online and from conferences: budget on the server, once per submission and device."""
import pytest

from participation.extensions import db
from participation.models import PriorityPoints, PrioritySubmission
from tests.conftest import login
from tests.priorities.conftest import make_round


def _count() -> int:
    return db.session.execute(db.select(db.func.count(PrioritySubmission.id))).scalar_one()


def _form(priority_round, points: dict, token="token-aaaaaaaa", **extra) -> dict:
    data = {"submission_id": token, **extra}
    for position, value in points.items():
        data[f"points_{priority_round.items[position].id}"] = value
    return data


def test_round_offers_published_themes_and_measures_only(priority_round):
    titles = [item.title for item in priority_round.items]
    assert "Noch nicht freigegeben" not in titles
    assert len(titles) == 5


def test_online_budget_is_enforced_on_the_server_and_keeps_what_was_typed(client, priority_round):
    response = client.post("/p/prio1", data=_form(priority_round, {0: "2", 1: "2"}, district="Hafen"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Sie haben 4 Punkte vergeben – erlaubt sind höchstens 3" in page
    assert 'value="2"' in page and '<option value="Hafen" selected>' in page
    assert _count() == 0


@pytest.mark.parametrize("typed, message", [("3", "Höchstens 2 Punkte"), ("-1", "ganze Zahl"), ("zwei", "ganze Zahl"),
                                            ("9999999", "ganze Zahl")])
def test_points_per_item_must_be_a_whole_number_within_the_limit(client, priority_round, typed, message):
    response = client.post("/p/prio1", data=_form(priority_round, {0: typed}))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _count() == 0


def test_no_points_at_all_is_refused(client, priority_round):
    response = client.post("/p/prio1", data=_form(priority_round, {}))
    assert response.status_code == 422
    assert "mindestens einen Punkt" in response.get_data(as_text=True)


def test_forged_profile_values_are_refused(client, priority_round):
    response = client.post("/p/prio1", data=_form(priority_round, {0: "1"}, district="Atlantis", age_band="x"))
    assert response.status_code == 422
    assert _count() == 0


def test_double_submission_is_stored_once(client, priority_round):
    data = _form(priority_round, {0: "2", 3: "1"}, age_band="30_49", target_group="Ältere Menschen")
    first = client.post("/p/prio1", data=data)
    second = client.post("/p/prio1", data=data)
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"].endswith("/p/prio1/danke")
    assert _count() == 1
    submission = db.session.execute(db.select(PrioritySubmission)).scalar_one()
    assert (submission.channel, submission.age_band, submission.target_group) == ("online", "30_49", "Ältere Menschen")
    assert sorted(p.points for p in submission.points) == [1, 2]


def test_once_per_device(app, client, priority_round):
    assert client.post("/p/prio1", data=_form(priority_round, {0: "1"})).status_code == 302
    again = client.post("/p/prio1", data=_form(priority_round, {1: "1"}, token="token-bbbbbbbb"))
    assert again.status_code == 409
    assert "schon Punkte abgegeben" in again.get_data(as_text=True)
    assert client.get("/p/prio1").status_code == 302
    other_device = app.test_client()
    other = other_device.post("/p/prio1", data=_form(priority_round, {1: "1"}, token="token-cccccccc"))
    assert other.status_code == 302
    assert _count() == 2


def test_flood_limit_per_client_applies(app, priority_round):
    app.config["SUBMISSIONS_PER_CLIENT_PER_HOUR"] = 1
    assert app.test_client().post("/p/prio1", data=_form(priority_round, {0: "1"})).status_code == 302
    refused = app.test_client().post("/p/prio1", data=_form(priority_round, {0: "2"}, token="token-dddddddd"))
    assert refused.status_code == 429
    assert 'value="2"' in refused.get_data(as_text=True)
    assert _count() == 1


def test_checkboxes_when_one_point_per_item(client, process, strategy_items):
    priority_round = make_round(process, strategy_items, short_code="einer", points_per_person=2, max_points_per_item=1)
    page = client.get("/p/einer").get_data(as_text=True)
    assert 'type="checkbox"' in page and "keine Abstimmung" in page
    forged = client.post("/p/einer", data=_form(priority_round, {0: "2"}))
    assert forged.status_code == 422
    assert client.post("/p/einer", data=_form(priority_round, {0: "1", 1: "1"})).status_code == 302


def test_closed_round_takes_no_points(client, priority_round):
    priority_round.status = "closed"
    db.session.commit()
    response = client.post("/p/prio1", data=_form(priority_round, {0: "1"}))
    assert "beendet" in response.get_data(as_text=True)
    assert _count() == 0


def test_arabic_page_is_right_to_left(client, priority_round):
    page = client.get("/p/prio1?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in page and "ما هو الأكثر إلحاحًا؟" in page


def _session(priority_round, points: dict, token="session-aaaaaaaa", participants="4") -> dict:
    return _form(priority_round, points, token=token, held_on="2026-11-20", place="Stadtteilzentrum",
                 participant_count=participants, comp_target_group_0="3")


def test_conference_budget_is_enforced_per_session(client, make_user, process, priority_round):
    login(client, make_user("planner", [process]))
    url = f"/planning/processes/{process.id}/priorities/{priority_round.id}/conference"
    too_many = client.post(url, data=_session(priority_round, {0: "8", 1: "5"}))   # 4 people × 3 points = 12
    assert too_many.status_code == 422
    assert "Sie haben 13 Punkte vergeben – erlaubt sind höchstens 12" in too_many.get_data(as_text=True)
    per_item = client.post(url, data=_session(priority_round, {0: "9"}))            # 4 people × 2 per item = 8
    assert per_item.status_code == 422 and "Höchstens 8 Punkte" in per_item.get_data(as_text=True)
    crowded = client.post(url, data=_session(priority_round, {0: "1"}, participants="2"))  # 3 of 2 people in a group
    assert crowded.status_code == 422
    assert _count() == 0
    data = _session(priority_round, {0: "8", 2: "4"})
    assert client.post(url, data=data).status_code == 302
    assert client.post(url, data=data).status_code == 302
    assert _count() == 1
    session = db.session.execute(db.select(PrioritySubmission)).scalar_one()
    assert (session.channel, session.participant_count, session.composition) == (
        "conference", 4, {"target_group": {"Familien mit Kindern": 3}})
    assert db.session.execute(db.select(db.func.sum(PriorityPoints.points))).scalar_one() == 12


def test_planner_pages_are_scoped_to_the_process(client, make_user, process, priority_round):
    from participation.models import Process
    other = Process(title="Anderer Prozess")
    db.session.add(other)
    db.session.commit()
    login(client, make_user("planner", [other]))
    base = f"/planning/processes/{process.id}/priorities/{priority_round.id}"
    for url in (base, base + "/items", base + "/conference", base + "/results", base + "/posters"):
        assert client.get(url).status_code in (403, 404), url
    assert client.post(base + "/conference", data=_session(priority_round, {0: "1"})).status_code in (403, 404)
    wrong_round = f"/planning/processes/{other.id}/priorities/{priority_round.id}/results"
    assert client.get(wrong_round).status_code == 404
    assert _count() == 0


def test_planner_translates_round_and_items_and_residents_read_them(client, make_user, process, priority_round):
    login(client, make_user("planner", [process]))
    item = priority_round.items[2]
    url = f"/planning/processes/{process.id}/priorities/{priority_round.id}/translations/ar"
    assert client.get(url).status_code == 200
    too_long = client.post(url, data={f"item_{item.id}_title": "x" * 501, "round_title": "عنوان"})
    assert too_long.status_code == 422 and "عنوان" in too_long.get_data(as_text=True)
    assert client.post(url, data={f"item_{item.id}_title": "توسيع الحضانات", "round_title": "عنوان"}).status_code == 302
    assert client.get(url.replace("/ar", "/tr")).status_code == 404     # not a language of the round
    page = client.get("/p/prio1?lang=ar").get_data(as_text=True)
    assert "توسيع الحضانات" in page and "عنوان" in page


@pytest.mark.csrf
def test_without_a_valid_form_token_nothing_is_stored(client, priority_round):
    page = client.get("/p/prio1").get_data(as_text=True)
    assert 'name="csrf_token"' in page
    refused = client.post("/p/prio1", data=_form(priority_round, {0: "2"}))
    assert refused.status_code == 400 and "Formular abgelaufen" in refused.get_data(as_text=True)
    assert _count() == 0
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    assert client.post("/p/prio1", data=_form(priority_round, {0: "2"}, csrf_token=token)).status_code == 302
    assert _count() == 1


def test_a_missing_submission_token_keeps_the_points_and_asks_to_send_again(client, priority_round):
    data = _form(priority_round, {0: "2"})
    del data["submission_id"]
    response = client.post("/p/prio1", data=data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "noch einmal ab" in page and 'value="2"' in page and 'name="submission_id"' in page
    assert _count() == 0


def test_multiplier_who_moderated_the_session_enters_its_dots(client, make_user, process, priority_round):
    multiplier = make_user("multiplier", [process])
    login(client, multiplier)
    home = client.get("/interviews/").get_data(as_text=True)
    url = f"/interviews/priorities/{priority_round.id}/conference"
    assert url in home
    too_many = client.post(url, data=_session(priority_round, {0: "8", 1: "5"}))
    assert too_many.status_code == 422 and "erlaubt sind höchstens 12" in too_many.get_data(as_text=True)
    assert 'value="8"' in too_many.get_data(as_text=True)   # what was typed stays
    assert client.post(url, data=_session(priority_round, {0: "8", 2: "4"})).headers["Location"].endswith("/interviews/")
    session = db.session.execute(db.select(PrioritySubmission)).scalar_one()
    assert (session.channel, session.recorded_by_id) == ("conference", multiplier.id)


def test_conference_dots_stay_with_the_process_and_its_open_rounds(client, make_user, process, priority_round):
    from participation.models import Process
    other = Process(title="Anderer Prozess")
    db.session.add(other)
    db.session.commit()
    login(client, make_user("multiplier", [other]))
    url = f"/interviews/priorities/{priority_round.id}/conference"
    assert url not in client.get("/interviews/").get_data(as_text=True)
    assert client.get(url).status_code == 404
    assert client.post(url, data=_session(priority_round, {0: "1"})).status_code == 404
    assert client.get("/interviews/priorities/99999999999/conference").status_code == 404
    priority_round.status = "draft"
    db.session.commit()
    login(client, make_user("multiplier", [process]))
    assert client.get(url).status_code == 404
    assert _count() == 0
