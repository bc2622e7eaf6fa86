"""monitoring: indicator values, council decisions, quality self-check, strategy name

Revision ID: 0018_monitoring
Revises: 0017_measure_implementation
Create Date: 2026-11-30 23:50:00
"""
from alembic import op
import sqlalchemy as sa
import participation.models.core


# revision identifiers, used by Alembic.
revision = '0018_monitoring'
down_revision = '0017_measure_implementation'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('process', schema=None) as batch_op:
        batch_op.add_column(sa.Column('strategy_name', sa.String(length=120), server_default='', nullable=False))
    op.create_table('strategy_indicator_value',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('measured_on', sa.Date(), nullable=True),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['indicator_id'], ['strategy_indicator.id'], name=op.f('fk_strategy_indicator_value_indicator_id_strategy_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_strategy_indicator_value_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_indicator_value'))
    )
    with op.batch_alter_table('strategy_indicator_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strategy_indicator_value_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_strategy_indicator_value_process_id'), ['process_id'], unique=False)
    op.create_table('strategy_council_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('body', sa.String(length=200), nullable=False),
    sa.Column('document_number', sa.String(length=100), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_strategy_council_decision_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_council_decision'))
    )
    with op.batch_alter_table('strategy_council_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strategy_council_decision_process_id'), ['process_id'], unique=False)
    op.create_table('strategy_quality_rating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('criterion', sa.String(length=40), nullable=False),
    sa.Column('rating', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('updated_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['measure_id'], ['strategy_measure.id'], name=op.f('fk_strategy_quality_rating_measure_id_strategy_measure'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_strategy_quality_rating_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_quality_rating')),
    sa.UniqueConstraint('measure_id', 'criterion', name=op.f('uq_strategy_quality_rating_measure_id'))
    )
    with op.batch_alter_table('strategy_quality_rating', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strategy_quality_rating_measure_id'), ['measure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_strategy_quality_rating_process_id'), ['process_id'], unique=False)


def downgrade():
    op.drop_table('strategy_quality_rating')
    op.drop_table('strategy_council_decision')
    op.drop_table('strategy_indicator_value')
    with op.batch_alter_table('process', schema=None) as batch_op:
        batch_op.drop_column('strategy_name')
