"""An administrator invites a multiplier with processes and guides in one step."""
import re

from participation.extensions import db
from participation.models import AuditEvent, User
from tests.conftest import login


def _checkbox(page: str, label_part: str) -> tuple[str, str]:
    for match in re.finditer(r'<input[^>]*name="(\w+)"[^>]*value="(\d+)"[^>]*>\s*<span>([^<]*)</span>', page):
        if label_part in match.group(3):
            return match.group(1), match.group(2)
    raise AssertionError(f"no checkbox for {label_part}")


def test_invited_multiplier_has_guide_and_appears_in_the_planners_list(client, make_user, survey):
    process = survey.process
    admin = make_user("admin")
    login(client, admin)
    page = client.get("/admin/").get_data(as_text=True)
    name, value = _checkbox(page, survey.title)
    response = client.post("/admin/", data={"name": "Aylin", "email": "Aylin@Example.org", "role": "multiplier",
                                            name: value})
    assert response.status_code == 200 and "Einladungslink:" in response.get_data(as_text=True)
    user = db.session.execute(db.select(User).filter_by(email="aylin@example.org")).scalar_one()
    assert user.processes == [process], "the guide brings its process along"
    assert user.assigned_questionnaires == [survey]
    event = db.session.execute(db.select(AuditEvent).filter_by(action="user_invited")).scalar_one()
    assert event.details["questionnaires"] == [survey.id] and event.object_title == "Aylin"
    planner = make_user("planner", processes=[process])
    client.get("/logout")
    login(client, planner)
    assert "aylin@example.org" in client.get(f"/planning/processes/{process.id}/multipliers").get_data(as_text=True)


def test_unknown_process_or_guide_ids_are_refused_and_nothing_is_lost(client, make_user, survey):
    login(client, make_user("admin"))
    response = client.post("/admin/", data={"name": "Olena", "email": "olena@example.org", "role": "planner",
                                            "processes": "99999"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'value="olena@example.org"' in html
    assert db.session.execute(db.select(User).filter_by(email="olena@example.org")).first() is None
