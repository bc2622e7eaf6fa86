"""Planners cannot take over, switch off or discover accounts outside their processes (issue 13, item 1)."""
import re

import pytest
from flask import g

from participation.extensions import db
from participation.models import Process, User
from tests.conftest import login


def token_in(html: str) -> str:
    return re.search(r"/invite/([A-Za-z0-9_-]+)", html).group(1)


def switch_client() -> None:
    g.pop("_login_user", None)


@pytest.fixture
def two_processes(app, make_user):
    first, second = Process(title="Erster Prozess"), Process(title="Zweiter Prozess")
    db.session.add_all([first, second])
    db.session.commit()
    olena = make_user("multiplier", [first], email="olena@example.org", password="olenas own secret")
    planner_one = make_user("planner", [first])
    planner_two = make_user("planner", [second])
    return first, second, olena, planner_one, planner_two


def invite(client, process, email, name="Olena"):
    return client.post(f"/planning/processes/{process.id}/multipliers", data={"name": name, "email": email})


def notices(html: str) -> list[str]:
    """What the page says about the invitation, without the link's token and the typed address."""
    found = re.findall(r'<div class="notice[^"]*"[^>]*>(.*?)</div>', html, re.S)
    return [re.sub(r"/invite/[A-Za-z0-9_-]+", "/invite/T", notice) for notice in found]


def test_inviting_an_existing_account_links_nothing_and_reads_like_a_new_address(client, two_processes):
    first, second, olena, _planner_one, planner_two = two_processes
    login(client, planner_two)
    existing = invite(client, second, "olena@example.org")
    new = invite(client, second, "newcomer@example.org")
    assert existing.status_code == new.status_code == 200
    assert "hat schon ein Konto" not in existing.get_data(as_text=True)
    assert notices(existing.get_data(as_text=True)) == notices(new.get_data(as_text=True))
    pending = new.get_data(as_text=True).split("Eingeladen, Link noch nicht benutzt")[1]
    assert "olena@example.org" in pending and "newcomer@example.org" in pending
    db.session.expire_all()
    assert second not in olena.processes

    token = token_in(existing.get_data(as_text=True))
    client.post("/logout")
    switch_client()
    taken_over = client.post(f"/invite/{token}", data={"password": "planner chose this", "confirm": "planner chose this"})
    assert taken_over.status_code == 200
    db.session.expire_all()
    assert olena.check_password("olenas own secret") and not olena.check_password("planner chose this")
    assert second not in olena.processes
    refused = client.post("/login", data={"email": olena.email, "password": "planner chose this"})
    assert refused.status_code == 401


def test_the_account_holder_accepts_in_her_own_session(client, two_processes):
    first, second, olena, _planner_one, planner_two = two_processes
    login(client, planner_two)
    token = token_in(invite(client, second, "Olena@Example.org").get_data(as_text=True))
    client.post("/logout")
    switch_client()
    login(client, olena, password="olenas own secret")
    page = client.get(f"/invite/{token}")
    assert "Einladung annehmen" in page.get_data(as_text=True)
    assert client.post(f"/invite/{token}").status_code == 302
    db.session.expire_all()
    assert {first, second} <= set(olena.processes)
    assert client.get(f"/invite/{token}").status_code == 410


def test_planner_cannot_reset_or_deactivate_an_account_shared_with_another_process(client, two_processes):
    first, second, olena, planner_one, planner_two = two_processes
    olena.processes.append(second)
    db.session.commit()
    login(client, planner_two)
    assert client.post(f"/planning/processes/{second.id}/multipliers/{olena.id}/link").status_code == 403
    assert client.post(f"/planning/processes/{second.id}/multipliers/{olena.id}/active",
                       data={"active": "0"}).status_code == 403
    db.session.expire_all()
    assert olena.active
    assert client.post(f"/planning/processes/{second.id}/multipliers/{olena.id}/remove").status_code == 302
    db.session.expire_all()
    assert second not in olena.processes and first in olena.processes and olena.active

    client.post("/logout")
    switch_client()
    login(client, planner_one)
    assert client.post(f"/planning/processes/{first.id}/multipliers/{olena.id}/link").status_code == 200


def test_inviting_a_planner_address_does_not_reveal_the_role(client, two_processes, make_user):
    _first, second, _olena, planner_one, planner_two = two_processes
    login(client, planner_two)
    page = invite(client, second, planner_one.email, name="Petra")
    assert page.status_code == 200
    assert "anderen Rolle" not in page.get_data(as_text=True)
    db.session.expire_all()
    assert planner_one.role == "planner" and second not in planner_one.processes
