"""Cooperation models on both databases: what goes when an actor or a committee goes, and migration 0020
down and up again."""
from datetime import date

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from participation.extensions import db
from participation.models import (
    ActorContact,
    ActorProfile,
    Body,
    Committee,
    CommitteeMembership,
    Meeting,
    MeetingDecision,
    MeetingTask,
    Process,
)
from tests.test_migrations import migrated_to

SCHEMA = "coop_migration"
COOP_TABLES = {"coop_actor", "coop_actor_field", "coop_actor_contact", "coop_committee", "coop_membership",
               "coop_meeting", "coop_attendance", "coop_decision", "coop_task"}



def _world():
    process = Process(title="Kooperation", districts=["Nordstadt"])
    db.session.add(process)
    db.session.flush()
    actor, other = Body(process_id=process.id, name="Jugendamt"), Body(process_id=process.id, name="Verein")
    actor.profile = ActorProfile(actor_kind="department", districts=["Nordstadt"], resources="", interests="",
                                 confidential_profile="geheim",
                                 contacts=[ActorContact(role_title="Leitung", person_name="")])
    committee = Committee(process_id=process.id, name="AG", kind="working_group", purpose="")
    committee.memberships = [CommitteeMembership(body=actor, starts_on=date(2025, 1, 1), role="", mandate=""),
                             CommitteeMembership(body=other, starts_on=date(2025, 1, 1), role="", mandate="")]
    meeting = Meeting(committee=committee, held_on=date(2025, 2, 1), agenda="", minutes="", attendees=[actor, other])
    meeting.decisions = [MeetingDecision(text="Beschluss", public=True)]
    meeting.tasks = [MeetingTask(text="Aufgabe", body=actor, due_on=date(2025, 3, 1), done=False)]
    db.session.add_all([actor, other, committee])
    db.session.commit()
    return process, actor, committee, meeting


def _count(model) -> int:
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar()


def test_removing_an_actor_removes_its_seats_profile_and_attendance_but_keeps_the_task(app):
    process, actor, committee, meeting = _world()
    db.session.delete(actor)
    db.session.commit()
    db.session.expire_all()
    assert (_count(ActorProfile), _count(ActorContact), _count(CommitteeMembership)) == (0, 0, 1)
    assert [b.name for b in meeting.attendees] == ["Verein"]
    [task] = meeting.tasks
    assert task.text == "Aufgabe" and task.body_id is None  # the task stays, now without anyone responsible


def test_removing_a_process_removes_its_committees_and_meetings(app):
    process, _actor, _committee, _meeting = _world()
    db.session.delete(process)
    db.session.commit()
    assert [_count(m) for m in (Committee, Meeting, MeetingDecision, MeetingTask, Body)] == [0, 0, 0, 0, 0]


def test_migration_0020_goes_down_and_up_again(backend, postgres_url, tmp_path):
    with migrated_to("0020_cooperation", backend, postgres_url, tmp_path, SCHEMA):
        assert COOP_TABLES <= set(inspect(db.engine).get_table_names())
        downgrade(revision="0019_survey_waves")
        assert not COOP_TABLES & set(inspect(db.engine).get_table_names())
        upgrade(revision="0020_cooperation")
        assert COOP_TABLES <= set(inspect(db.engine).get_table_names())
