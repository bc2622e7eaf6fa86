"""indicators can rest on evidence too

Revision ID: 0014
Revises: 0015
Create Date: 2026-12-01 10:00:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('strategy_evidence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('indicator_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_strategy_evidence_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_strategy_evidence_indicator_id_strategy_indicator'),
                                    'strategy_indicator', ['indicator_id'], ['id'], ondelete='CASCADE')


def downgrade():
    with op.batch_alter_table('strategy_evidence', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_strategy_evidence_indicator_id_strategy_indicator'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_strategy_evidence_indicator_id'))
        batch_op.drop_column('indicator_id')
