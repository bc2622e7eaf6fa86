"""Rankings: online and conference apart and together, every breakdown respecting the minimum group size."""
import pytest

from participation.exports.collect import workbook_sheets
from participation.extensions import db
from participation.models import PriorityPoints, PrioritySubmission, ThemeAssignment
from participation.priorities.results import measure_priorities, round_results
from participation.surveys.answering import store_response
from tests.conftest import login

_numbers = iter(range(10_000))


@pytest.fixture(autouse=True)
def german_request(app):
    """Labels are translated: the plain functions run inside a (German) request like in the views."""
    with app.test_request_context():
        yield


def _add(priority_round, points: dict, channel="online", participants=None, **facts):
    submission = PrioritySubmission(round_id=priority_round.id, process_id=priority_round.process_id,
                                    submission_id=f"test-{next(_numbers):06d}", channel=channel,
                                    participant_count=participants, **facts)
    submission.points = [PriorityPoints(item_id=priority_round.items[position].id, points=value)
                         for position, value in points.items()]
    db.session.add(submission)


def _fill(priority_round):
    """15 online (7 Nordstadt, 6 Lindenhof, 2 Hafen) and one conference session of 10 in no district."""
    for _ in range(7):
        _add(priority_round, {2: 2, 0: 1}, district="Nordstadt", age_band="30_49")
    for _ in range(6):
        _add(priority_round, {3: 1, 2: 1}, district="Lindenhof")
    for _ in range(2):
        _add(priority_round, {4: 3}, district="Hafen", target_group="Ältere Menschen")
    _add(priority_round, {4: 12, 1: 10, 2: 8}, channel="conference", participants=10)
    db.session.commit()


def _true_persons(priority_round, field_name):
    counts = {}
    for submission in priority_round.submissions:
        if field_name in ("age_band", "target_group") and submission.channel != "online":
            continue
        if field_name == "district" and submission.channel != "online" and submission.district is None:
            continue
        value = submission.channel if field_name == "channel" else getattr(submission, field_name)
        counts[value] = counts.get(value, 0) + submission.persons
    return counts


def test_ranking_online_and_conference_apart_and_together(priority_round):
    _fill(priority_round)
    results = round_results(priority_round)
    assert (results.persons, results.online_persons, results.conference_persons) == (25, 15, 10)
    top = results.ranking[0]
    assert (top.item.title, top.online, top.conference, top.total) == ("Kita-Ausbau Nordstadt", 20, 8, 28)
    assert [entry.rank for entry in results.ranking] == [1, 2, 3, 4, 5]
    assert results.ranking[1].total == 18 and results.ranking[1].online == 6


def test_minimum_group_size_holds_in_every_breakdown(priority_round):
    _fill(priority_round)
    k = priority_round.process.min_group_size
    results = round_results(priority_round)
    assert [b.field for b in results.breakdowns] == ["channel", "district", "age_band", "target_group"]
    for breakdown in results.breakdowns:
        truth = _true_persons(priority_round, breakdown.field)
        shown = {group.value: group for group in breakdown.groups}
        for value, persons in truth.items():
            if persons < k and not breakdown.withheld:
                assert shown[value].hidden and shown[value].points == {}, (breakdown.field, value)
        for group in breakdown.groups:
            assert group.hidden or group.persons >= k
        hidden = [group for group in breakdown.groups if group.hidden]
        assert len(hidden) != 1, f"{breakdown.field}: one hidden group is the total minus the others"
    district = {group.value: group for group in results.breakdowns[1].groups}
    assert district["Hafen"].hidden and district["Nordstadt"].persons == 7


def test_results_page_never_shows_a_small_group(client, make_user, process, priority_round):
    _fill(priority_round)
    login(client, make_user("planner", [process]))
    page = client.get(f"/planning/processes/{process.id}/priorities/{priority_round.id}/results").get_data(as_text=True)
    assert "Kita-Ausbau Nordstadt" in page and "keine gezählte Abstimmung" in page
    assert "2 Personen" not in page and "nicht ausgewiesen" in page


def test_too_few_people_withhold_the_whole_ranking(client, make_user, process, priority_round):
    for _ in range(3):
        _add(priority_round, {0: 3}, district="Hafen")
    db.session.commit()
    assert round_results(priority_round).withheld
    assert measure_priorities(process) == {}
    login(client, make_user("planner", [process]))
    page = client.get(f"/planning/processes/{process.id}/priorities/{priority_round.id}/results").get_data(as_text=True)
    assert "weniger als 5 Personen" in page and "Rangfolge" not in page


def test_gap_between_theme_size_and_points(priority_round, survey):
    often_said = priority_round.items[1].theme   # "Schlechte Busverbindungen": many answers, few points
    for number in range(6):
        response, _created = store_response(survey, {"district": "Nordstadt", "children": False,
                                                     "missing": f"Der Bus fährt abends nicht ({number})."},
                                            submission_id=f"gap-answer-{number:03d}")
        answer = next(a for a in response.answers if a.question.code == "missing")
        db.session.add(ThemeAssignment(answer_id=answer.id, theme_id=often_said.id))
    db.session.commit()
    for _ in range(6):
        _add(priority_round, {0: 2, 1: 1})
    db.session.commit()
    entries = {entry.item.title: entry for entry in round_results(priority_round).ranking}
    bus = entries["Schlechte Busverbindungen"]
    assert (bus.theme_answers.count, bus.answers_rank, bus.rank) == (6, 1, 2)
    assert bus.gap == -1
    assert entries["Kita-Ausbau Nordstadt"].theme_answers is None


def test_measure_priority_in_strategy_page_and_workbook(client, make_user, process, priority_round):
    _fill(priority_round)
    login(client, make_user("planner", [process]))
    page = client.get(f"/planning/processes/{process.id}/strategy").get_data(as_text=True)
    assert "Rang 1 von 5 (28 Punkte" in page
    matrix = workbook_sheets(process)[0]
    column = matrix.header.index("Priorität")
    priorities = {row[3]: row[column] for row in matrix.rows}
    assert priorities["Kita-Ausbau Nordstadt"].startswith("Rang 1 von 5")
    assert priorities["Abendlinie Nordstadt"].startswith("Rang 5 von 5")


def test_demo_has_a_finished_round_with_online_and_conference_points(client, demo):
    from participation.models import PriorityRound, User
    priority_round = db.session.execute(db.select(PriorityRound)).scalar_one()
    assert priority_round.status == "closed" and len([i for i in priority_round.items if i.measure_id]) >= 3
    results = round_results(priority_round)
    assert not results.withheld and results.online_persons > 50 and results.conference_persons == 52
    assert all(entry.online and entry.conference for entry in results.ranking)
    assert any(not group.hidden for group in results.breakdowns[1].groups)
    planner = db.session.execute(db.select(User).filter_by(email="planung@beispielstadt.de")).scalar_one()
    login(client, planner, "demo-planung")
    page = client.get(f"/planning/processes/{demo.id}/strategy").get_data(as_text=True)
    assert "Rang 1 von 4" in page and 'id="measures-without-evidence"' not in page


def test_residents_see_the_ranking_only_once_published_and_large_enough(client, priority_round):
    assert client.get("/p/prio1/ergebnisse").status_code == 404
    priority_round.results_published = True
    for _ in range(3):
        _add(priority_round, {0: 3})
    db.session.commit()
    small = client.get("/p/prio1/ergebnisse").get_data(as_text=True)
    assert "weniger als 5 Personen" in small and "Fehlende Kitaplätze" not in small
    _fill(priority_round)
    page = client.get("/p/prio1/ergebnisse?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in page and "Kita-Ausbau Nordstadt" in page and "<td>28</td>" in page


def test_full_demo_round_ranks_themes_and_measures_and_shows_the_gap(client, demo_outcomes):
    from participation.models import PriorityRound, User
    priority_round = db.session.execute(db.select(PriorityRound)).scalar_one()
    kinds = [item.kind for item in priority_round.items]
    assert kinds.count("theme") >= 2 and kinds.count("measure") >= 3
    assert all(item.theme.published for item in priority_round.items if item.theme_id)
    results = round_results(priority_round)
    assert all(entry.online and entry.conference for entry in results.ranking)
    gaps = {entry.item.title: entry for entry in results.themes}
    housing, heat = gaps["Wohnungsnot und Mieten"], gaps["Hitze, Grün und Schatten"]
    most_said = next(entry for entry in results.themes if entry.answers_rank == 1)
    assert most_said.item.title in ("Wohnungsnot und Mieten", "Busverbindungen") and most_said.gap <= -2
    assert housing.answers_rank <= 2 and housing.gap <= -2       # said very often, weighed last among the themes
    assert heat.theme_answers.count < housing.theme_answers.count and heat.gap >= 2
    district = results.breakdowns[1]
    assert any(not group.hidden and any(group.points.get(item.id) for item in priority_round.items if item.theme_id)
               for group in district.groups)
    planner = db.session.execute(db.select(User).filter_by(email="planung@beispielstadt.de")).scalar_one()
    login(client, planner, "demo-planung")
    page = client.get(f"/planning/processes/{demo_outcomes.id}/priorities/{priority_round.id}/results"
                      ).get_data(as_text=True)
    gap_table = page.split('id="gap-heading"')[1].split("</table>")[0]
    assert "Wohnungsnot und Mieten" in gap_table and "oft genannt, weniger priorisiert" in gap_table
    assert "höher priorisiert als oft genannt" in gap_table
    arabic = client.get(f"/p/{priority_round.short_code}/ergebnisse?lang=ar").get_data(as_text=True)
    assert "نقص المساكن والإيجارات" in arabic and "الحر والمساحات الخضراء والظل" in arabic
