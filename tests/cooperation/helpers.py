"""A small process with actors, a field with a goal, a committee and a meeting, and one of another process:
enough for the editing and agreement flows without loading the whole demo."""
from dataclasses import dataclass
from datetime import date

from participation.extensions import db
from participation.models import Body, Committee, CommitteeMembership, Goal, Meeting, Process, StrategyField


@dataclass
class World:
    process: Process
    actors: dict[str, Body]
    committee: Committee
    meeting: Meeting
    goal: Goal
    field: StrategyField

    @property
    def base(self) -> str:
        return f"/planning/processes/{self.process.id}/cooperation"


def make_world(title: str = "Kooperation", names=("Jugendamt", "Sportverein", "Schule")) -> World:
    process = Process(title=title, districts=["Nordstadt"])
    db.session.add(process)
    db.session.flush()
    actors = {name: Body(process_id=process.id, name=name, position=i) for i, name in enumerate(names)}
    field = StrategyField(process_id=process.id, title=f"Gesund aufwachsen ({title})", position=0)
    goal = Goal(process_id=process.id, field=field, level="leitziel", title=f"Mehr Bewegung ({title})")
    committee = Committee(process_id=process.id, name=f"AG {title}", kind="working_group", purpose="")
    first, second = list(actors.values())[:2]
    committee.memberships = [CommitteeMembership(body=first, starts_on=date(2025, 1, 1), role="Sprecherin",
                                                 mandate="")]
    meeting = Meeting(committee=committee, held_on=date(2025, 2, 1), agenda="", minutes="",
                      attendees=[first, second])
    db.session.add_all([*actors.values(), field, goal, committee, meeting])
    db.session.commit()
    return World(process, actors, committee, meeting, goal, field)
