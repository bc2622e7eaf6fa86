"""cooperation: actor profiles and contacts, committees, memberships, meetings, decisions, tasks

Revision ID: 0020_cooperation
Revises: 0019_survey_waves
"""
from alembic import op
import sqlalchemy as sa
import participation.models.core


revision = '0020_cooperation'
down_revision = '0019_survey_waves'
branch_labels = None
depends_on = None


def _fk(column, target, ondelete='CASCADE', nullable=False):
    return sa.Column(column, sa.Integer(), sa.ForeignKey(target, ondelete=ondelete), nullable=nullable)


def upgrade():
    op.create_table(
        'coop_actor',
        sa.Column('id', sa.Integer(), primary_key=True),
        _fk('body_id', 'strategy_body.id'),
        sa.Column('actor_kind', sa.String(length=30), nullable=False),
        sa.Column('districts', sa.JSON(), nullable=False),
        sa.Column('resources', sa.Text(), nullable=False),
        sa.Column('interests', sa.Text(), nullable=False),
        sa.Column('confidential_profile', sa.Text(), nullable=False),
        sa.UniqueConstraint('body_id', name=op.f('uq_coop_actor_body_id')),
    )
    op.create_table(
        'coop_actor_field',
        sa.Column('actor_id', sa.Integer(), sa.ForeignKey('coop_actor.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('field_id', sa.Integer(), sa.ForeignKey('strategy_field.id', ondelete='CASCADE'),
                  primary_key=True),
    )
    op.create_table(
        'coop_actor_contact',
        sa.Column('id', sa.Integer(), primary_key=True),
        _fk('actor_id', 'coop_actor.id'),
        sa.Column('role_title', sa.String(length=200), nullable=False),
        sa.Column('person_name', sa.String(length=200), nullable=False),
        sa.Column('consent_on', sa.Date(), nullable=True),
    )
    op.create_index(op.f('ix_coop_actor_contact_actor_id'), 'coop_actor_contact', ['actor_id'])
    op.create_table(
        'coop_committee',
        sa.Column('id', sa.Integer(), primary_key=True),
        _fk('process_id', 'process.id'),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('purpose', sa.Text(), nullable=False),
        _fk('field_id', 'strategy_field.id', 'SET NULL', True),
        sa.Column('created_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    )
    op.create_index(op.f('ix_coop_committee_process_id'), 'coop_committee', ['process_id'])
    op.create_table(
        'coop_membership',
        sa.Column('id', sa.Integer(), primary_key=True),
        _fk('committee_id', 'coop_committee.id'),
        _fk('body_id', 'strategy_body.id'),
        sa.Column('starts_on', sa.Date(), nullable=True),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('role', sa.String(length=200), nullable=False),
        sa.Column('mandate', sa.Text(), nullable=False),
    )
    op.create_index(op.f('ix_coop_membership_committee_id'), 'coop_membership', ['committee_id'])
    op.create_index(op.f('ix_coop_membership_body_id'), 'coop_membership', ['body_id'])
    op.create_table(
        'coop_meeting',
        sa.Column('id', sa.Integer(), primary_key=True),
        _fk('committee_id', 'coop_committee.id'),
        sa.Column('held_on', sa.Date(), nullable=True),
        sa.Column('agenda', sa.Text(), nullable=False),
        sa.Column('minutes', sa.Text(), nullable=False),
    )
    op.create_index(op.f('ix_coop_meeting_committee_id'), 'coop_meeting', ['committee_id'])
    op.create_table(
        'coop_attendance',
        sa.Column('meeting_id', sa.Integer(), sa.ForeignKey('coop_meeting.id', ondelete='CASCADE'),
                  primary_key=True),
        sa.Column('body_id', sa.Integer(), sa.ForeignKey('strategy_body.id', ondelete='CASCADE'), primary_key=True),
    )
    op.create_table(
        'coop_decision',
        sa.Column('id', sa.Integer(), primary_key=True),
        _fk('meeting_id', 'coop_meeting.id'),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('public', sa.Boolean(), nullable=False),
        _fk('field_id', 'strategy_field.id', 'SET NULL', True),
        _fk('goal_id', 'strategy_goal.id', 'SET NULL', True),
        _fk('measure_id', 'strategy_measure.id', 'SET NULL', True),
    )
    op.create_index(op.f('ix_coop_decision_meeting_id'), 'coop_decision', ['meeting_id'])
    op.create_table(
        'coop_task',
        sa.Column('id', sa.Integer(), primary_key=True),
        _fk('meeting_id', 'coop_meeting.id'),
        sa.Column('text', sa.Text(), nullable=False),
        _fk('body_id', 'strategy_body.id', 'SET NULL', True),
        sa.Column('due_on', sa.Date(), nullable=True),
        sa.Column('done', sa.Boolean(), nullable=False),
        _fk('measure_id', 'strategy_measure.id', 'SET NULL', True),
    )
    op.create_index(op.f('ix_coop_task_meeting_id'), 'coop_task', ['meeting_id'])


def downgrade():
    for table in ('coop_task', 'coop_decision', 'coop_attendance', 'coop_meeting', 'coop_membership',
                  'coop_committee', 'coop_actor_contact', 'coop_actor_field', 'coop_actor'):
        op.drop_table(table)
