"""The network on the demo (counts, JSON, GraphML, comparison) and overlap / missing-actor detection on
known data."""
import io
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest

from participation.cooperation import network
from participation.extensions import db
from participation.models import ActorProfile, Body, Committee, CommitteeMembership, Meeting, StrategyField
from tests.conftest import login
from tests.strategy.conftest import strategy_process  # noqa: F401  (fixture)

G = "{http://graphml.graphdrawing.org/xmlns}"
TODAY = date.today()


def _planner(client, make_user, process):
    login(client, make_user("planner", processes=[process]))


def test_demo_network_today_counts_members_guests_and_attendance(demo_outcomes, client, make_user):
    _planner(client, make_user, demo_outcomes)
    data = client.get(f"/planning/processes/{demo_outcomes.id}/network.json?at={TODAY}").get_json()
    kinds = [node["kind"] for node in data["nodes"]]
    assert (kinds.count("committee"), kinds.count("actor"), len(data["edges"])) == (4, 16, 24)
    names = {node["id"]: node["name"] for node in data["nodes"]}
    edges = {(names[e["source"]], names[e["target"]]): e for e in data["edges"]}
    assert edges[("Jugendamt", "Steuerungsgruppe Gesunde Stadt")] == {
        "source": next(i for i, n in names.items() if n == "Jugendamt"),
        "target": next(i for i, n in names.items() if n == "Steuerungsgruppe Gesunde Stadt"),
        "kind": "member", "weight": 3}
    assert edges[("Hebammenzentrale", "AG Gesund aufwachsen")]["kind"] == "guest"
    assert "Wohnungsbaugesellschaft" not in names.values()  # left the working group 300 days ago


def test_network_a_year_ago_and_what_changed_since(demo_outcomes):
    year_ago = TODAY - timedelta(days=365)
    before, after = network.snapshot(demo_outcomes, year_ago), network.snapshot(demo_outcomes, TODAY)
    assert (len(before.nodes), len(before.edges)) == (19, 22)
    change = network.compare(before, after)
    assert sorted(n.name for n in change["nodes_added"]) == ["Familienzentrum Nordstadt",
                                                             "Türkisch-Deutscher Elternverein"]
    assert [n.name for n in change["nodes_removed"]] == ["Wohnungsbaugesellschaft"]
    assert [b.name for b in network.actors_who_left(demo_outcomes, TODAY)] == ["Wohnungsbaugesellschaft"]
    assert network.actors_who_left(demo_outcomes, year_ago) == []


def test_demo_flags_the_overlap_and_the_district_without_an_actor(demo_outcomes):
    [overlap] = network.overlaps(demo_outcomes, TODAY)
    assert overlap.field_title == "Gesund aufwachsen"
    assert set(overlap.committees) == {"AG Gesund aufwachsen", "Netzwerk Frühe Hilfen"}
    assert overlap.shared == ["Gesundheitsamt", "Jugendamt", "Kitas und Schulen"]
    assert network.missing_actors(demo_outcomes, TODAY)["districts"] == ["Am Hafen"]


def test_graphml_has_the_snapshots_nodes_and_weighted_edges(demo_outcomes, client, make_user):
    """The file's GraphML structure; that networkx reads it is the next test."""
    _planner(client, make_user, demo_outcomes)
    response = client.get(f"/planning/processes/{demo_outcomes.id}/network.graphml?at={TODAY}")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    root = ElementTree.fromstring(response.data)
    assert root.tag == f"{G}graphml"
    keys = {k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in root.iter(f"{G}key")}
    assert set(keys.values()) == {("node", "kind", "string"), ("node", "name", "string"),
                                  ("edge", "kind", "string"), ("edge", "weight", "int")}
    [graph] = root.findall(f"{G}graph")
    nodes = {n.get("id"): {keys[d.get("key")][1]: d.text for d in n.findall(f"{G}data")}
             for n in graph.findall(f"{G}node")}
    edges = graph.findall(f"{G}edge")
    assert (len(nodes), len(edges)) == (20, 24)
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    assert {"kind": "committee", "name": "Netzwerk Frühe Hilfen"} in nodes.values()
    weights = [int(d.text) for e in edges for d in e.findall(f"{G}data") if keys[d.get("key")][1] == "weight"]
    assert len(weights) == 24 and max(weights) == 3


def test_networkx_reads_the_graphml_as_network_json_describes_it(demo_outcomes, client, make_user):
    """Analysts open the export in networkx (or Gephi): same nodes, names, edges, kinds and weights as the JSON,
    today and a year ago; Gephi takes the name as the node label and "weight" as the edge weight."""
    import networkx  # test extra (pyproject.toml [test])
    _planner(client, make_user, demo_outcomes)
    base = f"/planning/processes/{demo_outcomes.id}/network"
    for at in (TODAY, TODAY - timedelta(days=365)):
        data = client.get(f"{base}.json?at={at}").get_json()
        graph = networkx.read_graphml(io.BytesIO(client.get(f"{base}.graphml?at={at}").data))
        assert not graph.is_directed() and not graph.is_multigraph()
        assert (graph.number_of_nodes(), graph.number_of_edges()) == (len(data["nodes"]), len(data["edges"]))
        assert dict(graph.nodes(data=True)) == {n["id"]: {"kind": n["kind"], "name": n["name"]}
                                                for n in data["nodes"]}
        edges = {frozenset((s, t)): (values["kind"], values["weight"]) for s, t, values in graph.edges(data=True)}
        assert edges == {frozenset((e["source"], e["target"])): (e["kind"], e["weight"]) for e in data["edges"]}
        assert all(isinstance(weight, int) for _kind, weight in edges.values())
    keys = {k.get("attr.name") + "@" + k.get("for"): k.get("id")
            for k in ElementTree.fromstring(client.get(f"{base}.graphml").data).iter(f"{G}key")}
    assert keys["name@node"] == "label" and keys["weight@edge"] == "weight"


def test_a_bad_date_gets_a_stable_json_error_and_a_message_on_the_page(demo_outcomes, client, make_user):
    _planner(client, make_user, demo_outcomes)
    response = client.get(f"/planning/processes/{demo_outcomes.id}/network.json?at=31.12.2025")
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "invalid_date"
    page = client.get(f"/planning/processes/{demo_outcomes.id}/network?at=gestern")
    assert page.status_code == 200 and "JJJJ-MM-TT" in page.get_data(as_text=True)


def test_network_page_shows_flags_table_and_comparison(demo_outcomes, client, make_user):
    _planner(client, make_user, demo_outcomes)
    year_ago = TODAY - timedelta(days=365)
    html = client.get(f"/planning/processes/{demo_outcomes.id}/network?from={year_ago}&to={TODAY}").get_data(
        as_text=True)
    assert "Am Hafen" in html and "Netzwerk Frühe Hilfen" in html and 'id="network-table"' in html
    assert "<svg" in html and "style=" not in html
    assert "Türkisch-Deutscher Elternverein" in html.split('id="comparison"')[1]


# --- known data ------------------------------------------------------------------------------------

def _actor(process, name, districts=(), fields=()):
    body = Body(process_id=process.id, name=name)
    body.profile = ActorProfile(actor_kind="other", districts=list(districts), fields=list(fields), resources="",
                                interests="", confidential_profile="")
    db.session.add(body)
    return body


def _committee(process, name, field, members, start=date(2025, 1, 1), end=None):
    committee = Committee(process_id=process.id, name=name, kind="working_group", purpose="", field=field)
    committee.memberships = [CommitteeMembership(body=b, starts_on=start, ends_on=end, role="", mandate="")
                             for b in members]
    db.session.add(committee)
    return committee


def _field(process, title):
    return db.session.execute(db.select(StrategyField).filter_by(process_id=process.id, title=title)).scalar_one()


def test_overlap_needs_two_shared_actors_on_the_same_field(strategy_process):
    process = strategy_process
    growing, mobility = _field(process, "Gesund aufwachsen"), _field(process, "Mobilität im Quartier")
    a, b, c, d = (_actor(process, name) for name in ("A", "B", "C", "D"))
    _committee(process, "AG 1", growing, [a, b, c])
    _committee(process, "AG 2", growing, [a, b])
    _committee(process, "AG 3", growing, [c, d])  # shares only C with AG 1
    _committee(process, "AG 4", mobility, [a, b])  # same actors, other field
    _committee(process, "AG 5", growing, [a, b], end=date(2025, 6, 30))  # over by the date asked
    db.session.commit()
    found = network.overlaps(process, date(2026, 1, 1))
    assert [(o.committees, o.shared) for o in found] == [(("AG 1", "AG 2"), ["A", "B"])]


def test_missing_actors_names_districts_and_fields_with_themes_but_nobody_at_the_table(strategy_process):
    """Nordstadt and Lindenhof have 12 themed answers each, Hafen 2 (below the minimum group: never named)."""
    process = strategy_process
    growing = _field(process, "Gesund aufwachsen")
    at_table = _actor(process, "Kita-Träger", districts=["Nordstadt"], fields=[growing])
    _actor(process, "Verein Lindenhof", districts=["Lindenhof"], fields=[_field(process, "Mobilität im Quartier")])
    _committee(process, "AG Kita", growing, [at_table])
    db.session.commit()
    missing = network.missing_actors(process, date(2026, 1, 1))
    assert missing["districts"] == ["Lindenhof"]
    assert [f.title for f in missing["fields"]] == ["Mobilität im Quartier", "Gemeinsam älter werden"]
    before = network.missing_actors(process, date(2024, 1, 1))  # before the committee existed
    assert before["districts"] == ["Nordstadt", "Lindenhof"]


def test_attendance_weights_count_meetings_up_to_the_date(strategy_process):
    process = strategy_process
    member, guest = _actor(process, "Mitglied"), _actor(process, "Gast")
    committee = _committee(process, "AG", None, [member])
    for day in (date(2025, 2, 1), date(2025, 3, 1), date(2025, 9, 1)):
        db.session.add(Meeting(committee=committee, held_on=day, agenda="", minutes="",
                               attendees=[member] + ([guest] if day.month == 3 else [])))
    db.session.commit()
    edges = {(e.source, e.kind): e.weight for e in network.snapshot(process, date(2025, 6, 1)).edges}
    assert edges == {(f"a{member.id}", "member"): 2, (f"a{guest.id}", "guest"): 1}
