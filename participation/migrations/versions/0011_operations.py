"""operations: worker heartbeats, export files stored in the database

Revision ID: 0011
Revises: 0005
Create Date: 2026-11-30 17:00:00

"""
from alembic import op
import sqlalchemy as sa
import participation.models.core


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('worker_heartbeat',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('queue', sa.String(length=80), nullable=False),
    sa.Column('started_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.Column('seen_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_worker_heartbeat'))
    )
    with op.batch_alter_table('worker_heartbeat', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_worker_heartbeat_seen_at'), ['seen_at'], unique=False)

    op.create_table('stored_export',
    sa.Column('job_id', sa.String(length=36), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['job_id'], ['job.id'], name=op.f('fk_stored_export_job_id_job'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('job_id', name=op.f('pk_stored_export'))
    )


def downgrade():
    op.drop_table('stored_export')
    with op.batch_alter_table('worker_heartbeat', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_worker_heartbeat_seen_at'))
    op.drop_table('worker_heartbeat')
