"""Correcting and deleting conference sessions, deleting rounds, a round's flyer and QR code, the report."""
import io
import re

import pytest
import segno

from participation.extensions import db
from participation.models import AuditEvent, PriorityItem, PriorityPoints, PriorityRound, PrioritySubmission
from tests.conftest import login


def _session_form(priority_round, points: dict, participants="4", **extra) -> dict:
    data = {"submission_id": extra.pop("token", "session-aaaaaaaa"), "held_on": "2026-11-20",
            "place": "Stadtteilzentrum", "participant_count": participants, **extra}
    for position, value in points.items():
        data[f"points_{priority_round.items[position].id}"] = value
    return data


def _login_as(client, user) -> None:
    client.post("/logout")
    login(client, user)


def _points() -> dict:
    rows = db.session.execute(db.select(PriorityPoints.item_id, PriorityPoints.points)).all()
    return dict(rows)


def _actions() -> list[str]:
    return db.session.execute(db.select(AuditEvent.action).order_by(AuditEvent.id)).scalars().all()


def _enter(client, url, priority_round, points, token="session-aaaaaaaa") -> PrioritySubmission:
    assert client.post(url, data=_session_form(priority_round, points, token=token)).status_code == 302
    return db.session.execute(db.select(PrioritySubmission).filter_by(submission_id=token)).scalar_one()


def test_planner_corrects_a_session_with_the_budget_checked_again(client, make_user, process, priority_round):
    login(client, make_user("planner", [process]))
    base = f"/planning/processes/{process.id}/priorities/{priority_round.id}/conference"
    session = _enter(client, base, priority_round, {0: "8", 2: "4"})
    listing = client.get(base).get_data(as_text=True)
    assert "Erfasste Sitzungen" in listing and f"{base}/{session.id}" in listing
    form = client.get(f"{base}/{session.id}").get_data(as_text=True)
    assert "Sitzung bearbeiten" in form and 'value="Stadtteilzentrum"' in form and 'value="8"' in form
    items = priority_round.items

    too_many = client.post(f"{base}/{session.id}", data=_session_form(priority_round, {0: "8", 1: "5"}))
    assert too_many.status_code == 422
    page = too_many.get_data(as_text=True)
    assert "Sie haben 13 Punkte vergeben – erlaubt sind höchstens 12" in page and 'value="5"' in page
    fewer_people = client.post(f"{base}/{session.id}", data=_session_form(priority_round, {0: "8", 2: "4"},
                                                                          participants="2"))
    assert fewer_people.status_code == 422 and "Höchstens 4 Punkte" in fewer_people.get_data(as_text=True)
    db.session.expire_all()
    assert _points() == {items[0].id: 8, items[2].id: 4}

    changed = client.post(f"{base}/{session.id}", data=_session_form(priority_round, {0: "3", 1: "6"},
                                                                     participants="5", place="Rathaus"))
    assert changed.status_code == 302 and changed.headers["Location"].endswith(base)
    db.session.expire_all()
    session = db.session.get(PrioritySubmission, session.id)
    assert (session.place, session.participant_count) == ("Rathaus", 5)
    assert _points() == {items[0].id: 3, items[1].id: 6}
    assert _actions()[-1] == "priority_conference_updated"


def test_moderator_changes_own_sessions_only_while_the_round_is_open(client, make_user, process, priority_round):
    moderator, colleague = make_user("multiplier", [process]), make_user("multiplier", [process])
    base = f"/interviews/priorities/{priority_round.id}/conference"
    _login_as(client, colleague)
    theirs = _enter(client, base, priority_round, {0: "2"}, token="session-colleague")
    _login_as(client, moderator)
    mine = _enter(client, base, priority_round, {1: "2"}, token="session-moderator")
    listing = client.get(base).get_data(as_text=True)
    assert f"{base}/{mine.id}" in listing and f"{base}/{theirs.id}" not in listing

    for url in (f"{base}/{theirs.id}", f"{base}/{theirs.id}/delete"):
        assert client.get(url).status_code == 404
        assert client.post(url, data=_session_form(priority_round, {0: "1"})).status_code == 404
    too_many = client.post(f"{base}/{mine.id}", data=_session_form(priority_round, {1: "13"}))
    assert too_many.status_code == 422
    assert client.post(f"{base}/{mine.id}", data=_session_form(priority_round, {1: "4"})).status_code == 302
    db.session.expire_all()
    assert [p.points for p in db.session.get(PrioritySubmission, mine.id).points] == [4]

    priority_round.status = "closed"
    db.session.commit()
    assert client.get(f"{base}/{mine.id}").status_code == 403
    assert client.post(f"{base}/{mine.id}/delete").status_code == 403
    priority_round.status, priority_round.results_published = "open", True
    db.session.commit()
    assert client.post(f"{base}/{mine.id}", data=_session_form(priority_round, {1: "1"})).status_code == 403
    db.session.expire_all()
    assert [p.points for p in db.session.get(PrioritySubmission, mine.id).points] == [4]

    _login_as(client, make_user("planner", [process]))   # planners correct any session, also after publishing
    planner_url = f"/planning/processes/{process.id}/priorities/{priority_round.id}/conference/{theirs.id}"
    assert client.post(planner_url, data=_session_form(priority_round, {0: "1"})).status_code == 302
    _login_as(client, make_user("planner", []))
    assert client.get(planner_url).status_code in (403, 404)


def test_deleting_a_session_asks_first_and_removes_its_points(client, make_user, process, priority_round):
    moderator = make_user("multiplier", [process])
    login(client, moderator)
    base = f"/interviews/priorities/{priority_round.id}/conference"
    session = _enter(client, base, priority_round, {0: "2", 1: "3"})
    _enter(client, base, priority_round, {2: "1"}, token="session-bbbbbbbb")
    question = client.get(f"{base}/{session.id}/delete").get_data(as_text=True)
    assert "Sitzung löschen?" in question and "Stadtteilzentrum" in question and "Punkte: 5" in question
    db.session.expire_all()
    assert db.session.get(PrioritySubmission, session.id) is not None    # asking deletes nothing
    response = client.post(f"{base}/{session.id}/delete")
    assert response.status_code == 302 and response.headers["Location"].endswith(base)
    db.session.expire_all()
    assert db.session.get(PrioritySubmission, session.id) is None
    assert _points() == {priority_round.items[2].id: 1}
    assert _actions()[-1] == "priority_conference_deleted"


def _fill(priority_round, online=6):
    for number in range(online):
        submission = PrioritySubmission(round_id=priority_round.id, process_id=priority_round.process_id,
                                        submission_id=f"fill-{priority_round.id}-{number:04d}", channel="online")
        submission.points = [PriorityPoints(item_id=priority_round.items[number % 3].id, points=1)]
        db.session.add(submission)
    session = PrioritySubmission(round_id=priority_round.id, process_id=priority_round.process_id,
                                 submission_id=f"fill-{priority_round.id}-conference", channel="conference",
                                 participant_count=10, place="Rathaus")
    session.points = [PriorityPoints(item_id=priority_round.items[0].id, points=12)]
    db.session.add(session)
    db.session.commit()


def _round_rows() -> tuple[int, int, int, int]:
    return tuple(db.session.execute(db.select(db.func.count(model.id))).scalar_one()
                 for model in (PriorityRound, PriorityItem, PrioritySubmission, PriorityPoints))


def test_planner_deletes_a_round_after_confirming(client, make_user, process, priority_round):
    _fill(priority_round)
    url = f"/planning/processes/{process.id}/priorities/{priority_round.id}/delete"
    login(client, make_user("planner", []))
    assert client.post(url).status_code in (403, 404)
    _login_as(client, make_user("planner", [process]))
    question = client.get(url).get_data(as_text=True)
    assert "Einträge: 5, Punkte von 6 Personen online und 1 Konferenzsitzungen" in question
    assert "noch offen" in question and 'name="acknowledge"' not in question
    assert _round_rows() == (1, 5, 7, 7)
    response = client.post(url)
    assert response.status_code == 302 and response.headers["Location"].endswith("/priorities")
    db.session.expire_all()
    assert _round_rows() == (0, 0, 0, 0)
    event = db.session.execute(db.select(AuditEvent).filter_by(action="priority_round_deleted")).scalar_one()
    assert (event.object_title, event.details["online"], event.details["conference"]) == (
        "Was ist am dringendsten?", 6, 1)
    assert client.get("/p/prio1").status_code == 404


def test_a_published_round_needs_an_explicit_tick(client, make_user, process, priority_round):
    _fill(priority_round)
    priority_round.results_published = True
    db.session.commit()
    login(client, make_user("planner", [process]))
    url = f"/planning/processes/{process.id}/priorities/{priority_round.id}/delete"
    question = client.get(url).get_data(as_text=True)
    assert "Rangfolge dieser Runde ist veröffentlicht" in question and 'name="acknowledge"' in question
    refused = client.post(url)
    assert refused.status_code == 422 and "Bitte bestätigen Sie" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert _round_rows() == (1, 5, 7, 7)
    assert client.post(url, data={"acknowledge": "y"}).status_code == 302
    db.session.expire_all()
    assert _round_rows() == (0, 0, 0, 0)
    assert client.get("/p/prio1/ergebnisse").status_code == 404


def expected_qr(url: str, kind: str) -> bytes:
    buffer = io.BytesIO()
    if kind == "svg":
        segno.make(url, error="m").save(buffer, kind="svg", scale=8, border=4, title=url)
    else:
        segno.make(url, error="m").save(buffer, kind="png", scale=12, border=4)
    return buffer.getvalue()


def test_round_flyer_has_title_period_link_and_qr_in_the_rounds_languages(app, client, priority_round):
    from datetime import datetime, timezone
    priority_round.opens_at = datetime(2026, 3, 2, 8, tzinfo=timezone.utc)
    priority_round.closes_at = datetime(2026, 3, 31, 20, tzinfo=timezone.utc)
    db.session.commit()
    for kind in ("svg", "png"):
        response = client.get(f"/p/prio1/qr.{kind}")
        assert response.status_code == 200 and response.data == expected_qr("http://localhost/p/prio1", kind)
    html = client.get("/p/prio1/flyer").get_data(as_text=True)
    assert 'src="/p/prio1/qr.svg"' in html and 'alt="QR-Code mit dem Link zur Runde: http://localhost/p/prio1"' in html
    assert "<h1>Was ist am dringendsten?</h1>" in html
    blocks = re.findall(r'<section class="flyer-language" lang="([^"]+)" dir="([^"]+)">(.*?)</section>', html, re.S)
    assert [(lang, direction) for lang, direction, _body in blocks] == [("de", "ltr"), ("ar", "rtl")]
    assert "Mitmachen vom 2. März 2026 bis zum 31. März 2026" in blocks[0][2]
    assert "ما هو الأكثر إلحاحًا؟" in blocks[1][2] and "مارس" in blocks[1][2]
    assert all("http://localhost/p/prio1" in body for _lang, _direction, body in blocks)
    arabic = client.get("/p/prio1/flyer?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in arabic and "<h1>ما هو الأكثر إلحاحًا؟</h1>" in arabic
    app.config["PUBLIC_BASE_URL"] = "https://mitmachen.beispielstadt.de/"
    assert client.get("/p/prio1/qr.svg").data == expected_qr("https://mitmachen.beispielstadt.de/p/prio1", "svg")


@pytest.mark.parametrize("path", ["/p/prio1/flyer", "/p/prio1/qr.svg", "/p/prio1/qr.png", "/p/unbekannt/flyer"])
def test_material_of_a_draft_round_is_not_public(client, make_user, process, priority_round, path):
    priority_round.status = "draft"
    db.session.commit()
    assert client.get(path).status_code == 404
    login(client, make_user("planner", [process]))
    assert client.get(path).status_code == (404 if "unbekannt" in path else 200)


@pytest.mark.parametrize("file_format", ["docx", "odt"])
def test_report_shows_each_measures_priority_and_the_published_ranking(app, process, priority_round, tmp_path,
                                                                       file_format):
    from participation.exports import collect
    from participation.exports.report import write_docx, write_odt
    from tests.strategy.test_exports import _docx_text, _odt_text
    _fill(priority_round)
    path = tmp_path / f"report.{file_format}"
    with app.test_request_context():
        unpublished = collect.report_blocks(process)
        priority_round.results_published = True
        db.session.commit()
        blocks = collect.report_blocks(process)
        (write_docx if file_format == "docx" else write_odt)(blocks, path, "Bericht")
    assert not any("Gemeinsam priorisiert" in getattr(block, "text", "") for block in unpublished)
    text, headings, _images = (_docx_text if file_format == "docx" else _odt_text)(path)
    assert "Gemeinsam priorisiert: Was ist am dringendsten?" in headings
    section = text.split("Personen insgesamt: 16")[1] if file_format == "odt" else text
    assert "Personen insgesamt: 16" in text
    assert "1. Fehlende Kitaplätze (Thema)" in section and "3. Kita-Ausbau Nordstadt (Maßnahme)" in section
    assert "Rang 1 von 5 (14 Punkte, „Was ist am dringendsten?“)" not in text   # a theme leads, not a measure
    assert "Rang 3 von 5 (2 Punkte, „Was ist am dringendsten?“)" in text        # the measure's priority column
