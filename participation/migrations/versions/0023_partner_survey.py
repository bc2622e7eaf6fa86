"""cooperation templates: the partner survey and key-person interview guides of a process

Revision ID: 0023_partner_survey
Revises: 0022_coop_agreements
Create Date: 2026-12-01 03:10:00
"""
from alembic import op
import sqlalchemy as sa
import participation.models.core


# revision identifiers, used by Alembic.
revision = '0023_partner_survey'
down_revision = '0022_coop_agreements'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('coop_questionnaire',
    sa.Column('questionnaire_id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=30), nullable=False),
    sa.Column('created_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_coop_questionnaire_process_id_process'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['questionnaire_id'], ['questionnaire.id'], name=op.f('fk_coop_questionnaire_questionnaire_id_questionnaire'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('questionnaire_id', name=op.f('pk_coop_questionnaire'))
    )
    with op.batch_alter_table('coop_questionnaire', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coop_questionnaire_process_id'), ['process_id'], unique=False)


def downgrade():
    with op.batch_alter_table('coop_questionnaire', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coop_questionnaire_process_id'))
    op.drop_table('coop_questionnaire')
