"""Two planners at once: a version per theme stops the last save from silently winning; stale tabs on a
merged-away theme lead to the merge target with a note, keeping what was ticked or typed."""
import html
import re

import pytest

from participation.extensions import db
from participation.models import Theme
from participation.themes import review, runs
from tests.conftest import login


@pytest.fixture
def planner_client(client, make_user, process):
    login(client, make_user("planner", processes=[process]))
    return client


def _theme(process, word):
    return next(t for t in runs.active_themes(process) if word in t.label or word in t.keywords)


def _version(page: str, form: str) -> str:
    return re.search(rf'name="{form}-version" type="hidden" value="(\d+)"', page).group(1)


def test_second_tab_saving_notes_sees_both_texts_and_loses_nothing(planner_client, process, analysed):
    bus = _theme(process, "Bus")
    url = f"/planning/processes/{process.id}/themes/{bus.id}"
    first_tab, second_tab = planner_client.get(url).get_data(as_text=True), planner_client.get(url).get_data(as_text=True)
    version = _version(first_tab, "notes")
    assert version == _version(second_tab, "notes")

    saved = planner_client.post(f"{url}/notes", data={"notes-notes": "Mit den Verkehrsbetrieben sprechen",
                                                      "notes-version": version})
    assert saved.status_code == 302
    stale = planner_client.post(f"{url}/notes", data={"notes-notes": "Fahrplan am Abend prüfen",
                                                      "notes-version": version})

    assert stale.status_code == 409
    page = html.unescape(stale.get_data(as_text=True))
    assert "Mit den Verkehrsbetrieben sprechen" in page and "Fahrplan am Abend prüfen" in page
    assert db.session.get(Theme, bus.id).notes == "Mit den Verkehrsbetrieben sprechen"
    again = planner_client.post(f"{url}/notes", data={"notes-notes": "Beides: sprechen und Fahrplan prüfen",
                                                      "notes-version": _version(page, "notes")})
    assert again.status_code == 302
    db.session.expire_all()
    assert db.session.get(Theme, bus.id).notes == "Beides: sprechen und Fahrplan prüfen"


def test_stale_rename_is_refused_with_both_names(process, analysed):
    bus = _theme(process, "Bus")
    version = bus.version
    review.rename_theme(bus, "Busverbindungen", expected_version=version)
    with pytest.raises(review.StaleTheme):
        review.rename_theme(bus, "Nahverkehr", expected_version=version)
    assert db.session.get(Theme, bus.id).label == "Busverbindungen"


def test_stale_tab_on_a_merged_theme_goes_to_the_target_keeping_the_selection(planner_client, process, analysed):
    kita, playground = _theme(process, "Kita"), _theme(process, "Spielplatz")
    ticked = runs.member_answer_ids(playground)[:2]
    review.merge_themes(playground, kita)
    base = f"/planning/processes/{process.id}/themes"

    opened = planner_client.get(f"{base}/{playground.id}")
    assert opened.status_code == 302 and opened.location.endswith(f"/themes/{kita.id}")
    sent = planner_client.post(f"{base}/{playground.id}/answers",
                               data={"selection-answer_ids": ticked, "selection-target": kita.id,
                                     "selection-move": "1"})
    assert sent.status_code == 302 and f"/themes/{kita.id}?" in sent.location
    page = html.unescape(planner_client.get(sent.location).get_data(as_text=True))
    assert f"inzwischen mit „{kita.label}“ zusammengeführt" in page
    for answer_id in ticked:
        assert re.search(rf'value="{answer_id}" form="selection-form"\s*checked', page), answer_id
    notes = planner_client.post(f"{base}/{playground.id}/notes", data={"notes-notes": "Spielplatz Lindenhof"},
                                follow_redirects=True)
    assert "Spielplatz Lindenhof" in html.unescape(notes.get_data(as_text=True))
