"""audit events keep the object's title as it was

Revision ID: 0010
Revises: 0005
Create Date: 2026-11-30 17:25:00

Quotas for languages and age bands live in the existing JSON column process.quotas.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('object_title', sa.String(length=300), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_audit_event_action'), ['action'], unique=False)


def downgrade():
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_action'))
        batch_op.drop_column('object_title')
