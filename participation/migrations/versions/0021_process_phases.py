"""process phases: editable phases with checklists, finishing and re-opening

Existing processes get the three fixed phases; those before the process's phase are finished.

Revision ID: 0021_process_phases
Revises: 0020_cooperation
Create Date: 2026-12-01 00:40:00
"""
from alembic import op
import sqlalchemy as sa
import participation.models.core


# revision identifiers, used by Alembic.
revision = '0021_process_phases'
down_revision = '0020_cooperation'
branch_labels = None
depends_on = None

# Frozen here: the migration must not change when the application's templates do.
DEFAULT_PHASES = (("Bestandsaufnahme", "bestandsaufnahme"), ("Leitlinien", "leitlinien"),
                  ("Handlungsempfehlungen", "handlungsempfehlungen"))


def upgrade():
    phase_table = op.create_table('process_phase',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('finished', sa.Boolean(), nullable=False),
    sa.Column('created_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_process_phase_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_process_phase'))
    )
    with op.batch_alter_table('process_phase', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_phase_process_id'), ['process_id'], unique=False)
    op.create_table('process_phase_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('phase_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('done_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.Column('done_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['done_by_id'], ['user_account.id'], name=op.f('fk_process_phase_item_done_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['phase_id'], ['process_phase.id'], name=op.f('fk_process_phase_item_phase_id_process_phase'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_process_phase_item_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_process_phase_item'))
    )
    with op.batch_alter_table('process_phase_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_phase_item_phase_id'), ['phase_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_process_phase_item_process_id'), ['process_id'], unique=False)
    op.create_table('process_phase_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('phase_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['by_id'], ['user_account.id'], name=op.f('fk_process_phase_event_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['phase_id'], ['process_phase.id'], name=op.f('fk_process_phase_event_phase_id_process_phase'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_process_phase_event_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_process_phase_event'))
    )
    with op.batch_alter_table('process_phase_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_phase_event_phase_id'), ['phase_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_process_phase_event_process_id'), ['process_id'], unique=False)
    _migrate_existing(phase_table)


def _migrate_existing(phase_table):
    """Each process's fixed phase becomes the current one of the three; the ones before it are finished."""
    codes = [code for _name, code in DEFAULT_PHASES]
    processes = op.get_bind().execute(sa.text("SELECT id, phase FROM process")).all()
    rows = []
    for process_id, phase in processes:
        reached = codes.index(phase) if phase in codes else 0
        rows += [{"process_id": process_id, "name": name, "code": code, "position": position,
                  "finished": position < reached} for position, (name, code) in enumerate(DEFAULT_PHASES)]
    if rows:
        op.bulk_insert(phase_table, rows)


def downgrade():
    with op.batch_alter_table('process_phase_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_process_phase_event_process_id'))
        batch_op.drop_index(batch_op.f('ix_process_phase_event_phase_id'))
    op.drop_table('process_phase_event')
    with op.batch_alter_table('process_phase_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_process_phase_item_process_id'))
        batch_op.drop_index(batch_op.f('ix_process_phase_item_phase_id'))
    op.drop_table('process_phase_item')
    with op.batch_alter_table('process_phase', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_process_phase_process_id'))
    op.drop_table('process_phase')
