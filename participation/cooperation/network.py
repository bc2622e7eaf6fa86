"""The network of a process at a date: actors and committees, joined by membership and attendance.

Plain functions without Flask so they can be tested on known data and reused by exports. Node ids are
"a<body id>" for actors and "c<committee id>" for committees; they stay stable across dates, which makes
snapshots comparable.
"""
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from xml.etree import ElementTree

from ..extensions import db
from ..models import (
    Answer,
    Body,
    Committee,
    EvidenceLink,
    Goal,
    Measure,
    Response,
    Theme,
    ThemeAssignment,
)

# Two committees on the same field of action overlap when at least this many actors sit in both.
OVERLAP_MIN_SHARED = 2
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


@dataclass
class Node:
    id: str
    kind: str  # actor | committee
    name: str


@dataclass
class Edge:
    source: str  # always the actor
    target: str  # always the committee
    kind: str  # member | guest (attended without a seat)
    weight: int  # meetings attended up to the date


@dataclass
class Snapshot:
    at: date
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"at": self.at.isoformat(),
                "nodes": [{"id": n.id, "kind": n.kind, "name": n.name} for n in self.nodes],
                "edges": [{"source": e.source, "target": e.target, "kind": e.kind, "weight": e.weight}
                          for e in self.edges]}


def committees_of(process) -> list[Committee]:
    return list(db.session.execute(
        db.select(Committee).filter_by(process_id=process.id).order_by(Committee.name, Committee.id)).scalars())


def active(membership, at: date) -> bool:
    return ((membership.starts_on is None or membership.starts_on <= at)
            and (membership.ends_on is None or membership.ends_on >= at))


def attendance_counts(committee, at: date) -> dict[int, int]:
    """How often each actor attended the committee's meetings on or before the date."""
    counts: dict[int, int] = {}
    for meeting in committee.meetings:
        if meeting.held_on is not None and meeting.held_on <= at:
            for body in meeting.attendees:
                counts[body.id] = counts.get(body.id, 0) + 1
    return counts


def active_members(committee, at: date) -> dict[int, Body]:
    return {m.body_id: m.body for m in committee.memberships if active(m, at)}


def snapshot(process, at: date) -> Snapshot:
    """Committees with a seat or a meeting by the date, the actors at their tables and how often they met.

    Members are joined to their committee; actors who attended without ever holding a seat there are
    joined as guests. A former member (seat ended, or not yet begun) is not at the table at that date."""
    result = Snapshot(at=at)
    actors: dict[int, Body] = {}
    for committee in committees_of(process):
        members = active_members(committee, at)
        former = {m.body_id for m in committee.memberships if m.body_id not in members}
        counts = {i: n for i, n in attendance_counts(committee, at).items() if i not in former}
        if not members and not counts:
            continue
        result.nodes.append(Node(f"c{committee.id}", "committee", committee.name))
        attendees = {b.id: b for meeting in committee.meetings for b in meeting.attendees}
        for body_id in sorted(set(members) | set(counts)):
            actors[body_id] = members.get(body_id) or attendees[body_id]
            result.edges.append(Edge(f"a{body_id}", f"c{committee.id}",
                                     "member" if body_id in members else "guest", counts.get(body_id, 0)))
    result.nodes.extend(Node(f"a{body.id}", "actor", body.name)
                        for body in sorted(actors.values(), key=lambda b: (b.position, b.name, b.id)))
    return result


@dataclass
class Overlap:
    field_title: str
    committees: tuple[str, str]
    shared: list[str]


def overlaps(process, at: date) -> list[Overlap]:
    """Pairs of committees on the same field of action sharing at least OVERLAP_MIN_SHARED active actors."""
    found = []
    by_field: dict[int, list[Committee]] = {}
    for committee in committees_of(process):
        if committee.field_id is not None:
            by_field.setdefault(committee.field_id, []).append(committee)
    for committees in by_field.values():
        for index, first in enumerate(committees):
            for second in committees[index + 1:]:
                first_members, second_members = active_members(first, at), active_members(second, at)
                shared = sorted(first_members[i].name for i in set(first_members) & set(second_members))
                if len(shared) >= OVERLAP_MIN_SHARED:
                    found.append(Overlap(first.field.title, (first.name, second.name), shared))
    return found


def _actors_at_table(process, at: date) -> list[Body]:
    seen: dict[int, Body] = {}
    for committee in committees_of(process):
        seen.update(active_members(committee, at))
    return list(seen.values())


def theme_districts(process) -> list[str]:
    """Districts of the process where at least the minimum group of answers belongs to a published theme.

    Smaller groups are not named: a district with two such answers would point at two residents."""
    rows = db.session.execute(
        db.select(Response.district, db.func.count(Answer.id))
        .join(Answer, Answer.response_id == Response.id)
        .join(ThemeAssignment, ThemeAssignment.answer_id == Answer.id)
        .join(Theme, Theme.id == ThemeAssignment.theme_id)
        .where(Theme.process_id == process.id, Theme.published.is_(True), Response.process_id == process.id,
               Response.district.is_not(None))
        .group_by(Response.district)).all()
    counts = dict(rows)
    return [d for d in (process.districts or []) if counts.get(d, 0) >= max(process.min_group_size or 1, 1)]


def theme_fields(process) -> list:
    """Fields of action whose field, goals or measures cite a published theme as evidence."""
    links = db.session.execute(
        db.select(EvidenceLink).join(Theme, Theme.id == EvidenceLink.theme_id)
        .where(EvidenceLink.process_id == process.id, Theme.published.is_(True))).scalars()
    fields = {}
    for link in links:
        target = link.field or (link.goal and link.goal.field) or (link.measure and link.measure.goal.field)
        if target is not None:
            fields[target.id] = target
    return sorted(fields.values(), key=lambda f: (f.position, f.id))


def missing_actors(process, at: date) -> dict[str, list]:
    """Districts and fields of action with residents' themes but no actor from them at any committee table."""
    seated = [body.profile for body in _actors_at_table(process, at) if body.profile is not None]
    districts = {d for profile in seated for d in (profile.districts or [])}
    field_ids = {f.id for profile in seated for f in profile.fields}
    return {"districts": [d for d in theme_districts(process) if d not in districts],
            "fields": [f for f in theme_fields(process) if f.id not in field_ids]}


def actors_who_left(process, at: date) -> list[Body]:
    """Actors whose seat ended by the date and who hold no seat at the date."""
    ended: dict[int, Body] = {}
    seated: set[int] = set()
    for committee in committees_of(process):
        for membership in committee.memberships:
            if active(membership, at):
                seated.add(membership.body_id)
            elif membership.ends_on is not None and membership.ends_on < at:
                ended[membership.body_id] = membership.body
    return sorted((b for i, b in ended.items() if i not in seated), key=lambda b: (b.position, b.name))


def compare(before: Snapshot, after: Snapshot) -> dict[str, list]:
    """What changed between two snapshots: nodes and edges added or removed (edges by actor, committee)."""
    nodes_before = {n.id: n for n in before.nodes}
    nodes_after = {n.id: n for n in after.nodes}
    edges_before = {(e.source, e.target): e for e in before.edges}
    edges_after = {(e.source, e.target): e for e in after.edges}
    return {
        "nodes_added": [nodes_after[i] for i in nodes_after if i not in nodes_before],
        "nodes_removed": [nodes_before[i] for i in nodes_before if i not in nodes_after],
        "edges_added": [edges_after[k] for k in edges_after if k not in edges_before],
        "edges_removed": [edges_before[k] for k in edges_before if k not in edges_after],
    }


def at_a_glance(process, today: date, days: int = 365) -> dict:
    """What the coordination office sees first on the cooperation overview: overlapping committees, districts
    and fields without an actor at the table, actors who left, and how the network changed since a year ago."""
    since = today - timedelta(days=days)
    return {"overlaps": overlaps(process, today), "missing": missing_actors(process, today),
            "left": actors_who_left(process, today), "since": since,
            "change": compare(snapshot(process, since), snapshot(process, today))}


# (key id, for, attr.name, attr.type). Gephi looks a key up by its id before its attr.name: the id "label"
# makes the actor's name the node label there (networkx reads attr.name, so it sees "name" as in
# network.json), and "weight" is Gephi's edge weight. Gephi also takes a node key with the id "d3" as the
# label (yEd's habit), so no generic d0, d1, … ids.
GRAPHML_KEYS = (("node_kind", "node", "kind", "string"), ("label", "node", "name", "string"),
                ("edge_kind", "edge", "kind", "string"), ("weight", "edge", "weight", "int"))


def graphml(snap: Snapshot) -> bytes:
    """The snapshot as GraphML for Gephi and networkx: node kind and name (Gephi's label), edge kind and
    weight (meetings attended)."""
    ElementTree.register_namespace("", GRAPHML_NS)

    def element(parent, tag, attributes=None, text=None):
        child = ElementTree.SubElement(parent, f"{{{GRAPHML_NS}}}{tag}", attributes or {})
        child.text = text
        return child

    root = ElementTree.Element(f"{{{GRAPHML_NS}}}graphml")
    for key, domain, name, kind in GRAPHML_KEYS:
        element(root, "key", {"id": key, "for": domain, "attr.name": name, "attr.type": kind})
    graph = element(root, "graph", {"id": "G", "edgedefault": "undirected"})
    for node in snap.nodes:
        parent = element(graph, "node", {"id": node.id})
        element(parent, "data", {"key": "node_kind"}, node.kind)
        element(parent, "data", {"key": "label"}, node.name)
    for index, edge in enumerate(snap.edges):
        parent = element(graph, "edge", {"id": f"e{index}", "source": edge.source, "target": edge.target})
        element(parent, "data", {"key": "edge_kind"}, edge.kind)
        element(parent, "data", {"key": "weight"}, str(edge.weight))
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


@dataclass
class Placed:
    node: Node
    x: float
    y: float
    label: str


SIZE = 600


def layout(snap: Snapshot) -> tuple[list[Placed], list[tuple[Placed, Placed, Edge]]]:
    """Committees on an inner circle, actors (numbered as in the table) on an outer one; deterministic."""
    centre = SIZE / 2

    def ring(nodes, radius, labels):
        count = max(len(nodes), 1)
        return [Placed(node, round(centre + radius * math.cos(2 * math.pi * i / count - math.pi / 2), 1),
                       round(centre + radius * math.sin(2 * math.pi * i / count - math.pi / 2), 1), labels(i, node))
                for i, node in enumerate(nodes)]

    committees = [n for n in snap.nodes if n.kind == "committee"]
    actors = [n for n in snap.nodes if n.kind == "actor"]
    placed = (ring(committees, 110 if len(committees) > 1 else 0, lambda i, n: n.name if len(n.name) <= 18 else n.name[:17] + "…")
              + ring(actors, 255, lambda i, n: str(i + 1)))
    by_id = {p.node.id: p for p in placed}
    return placed, [(by_id[e.source], by_id[e.target], e) for e in snap.edges]


def actor_numbers(snap: Snapshot) -> dict[str, int]:
    return {n.id: i + 1 for i, n in enumerate(n for n in snap.nodes if n.kind == "actor")}
