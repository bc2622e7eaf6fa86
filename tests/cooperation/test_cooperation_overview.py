"""Issue 23's "done when" on the demo: the cooperation overview shows at a glance, before the lists of
committees and actors, which tasks are overdue, which committees overlap, which district's themes have no
actor at the table, who left, and how the network changed in a year (with the way to the full comparison)."""
from datetime import date, timedelta
import re
from html import unescape

import pytest

from participation.cooperation import network
from tests.conftest import login


@pytest.fixture
def overview(demo_outcomes, client, make_user) -> str:
    login(client, make_user("planner", processes=[demo_outcomes]))
    response = client.get(f"/planning/processes/{demo_outcomes.id}/cooperation")
    assert response.status_code == 200
    return unescape(response.get_data(as_text=True))


def _part(html: str, element_id: str, end: str) -> str:
    """The text of the element, without the tags inside it (names are isolated in <bdi>)."""
    return re.sub(r"<(?!/?d[dt]\b)[^>]+>", "", html.split(f'id="{element_id}"')[1].split(end)[0])


def test_overview_shows_the_four_checks_before_the_lists(overview):
    glance = overview.split('id="glance-heading"')[1].split('id="committees-heading"')[0]
    for element_id in ("overdue-tasks", "overlaps", "missing", "left", "year-change"):
        assert f'id="{element_id}"' in glance, element_id


def test_overdue_task_overlap_missing_district_and_leaver(overview):
    assert "Antrag Randzeitenbetreuung schreiben" in _part(overview, "overdue-tasks", "</ul>")
    overlap = _part(overview, "overlaps", "</ul>")
    assert "AG Gesund aufwachsen und Netzwerk Frühe Hilfen teilen sich" in overlap
    assert "Gesundheitsamt, Jugendamt, Kitas und Schulen" in overlap
    assert "Am Hafen" in _part(overview, "missing", "</ul>")
    assert "Wohnungsbaugesellschaft" in _part(overview, "left", "</ul>")


def test_how_the_network_changed_in_a_year(overview, demo_outcomes):
    today, year_ago = date.today(), date.today() - timedelta(days=365)
    change = network.compare(network.snapshot(demo_outcomes, year_ago), network.snapshot(demo_outcomes, today))
    facts = _part(overview, "year-change", "</dl>")
    new, gone, added, removed = (cell.split("</dd>")[0] for cell in facts.split("<dd>")[1:])
    assert "Familienzentrum Nordstadt" in new and "Türkisch-Deutscher Elternverein" in new
    assert gone == "Wohnungsbaugesellschaft"
    assert (int(added), int(removed)) == (len(change["edges_added"]), len(change["edges_removed"])) != (0, 0)
    assert f"Das Netzwerk am {year_ago.strftime('%d.%m.%Y')} verglichen mit heute." in overview
    assert f"/network?from={year_ago.isoformat()}&to={today.isoformat()}" in overview
