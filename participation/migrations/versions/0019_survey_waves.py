"""survey waves: a repeated survey knows the wave before it

Revision ID: 0019_survey_waves
Revises: 0018_monitoring
Create Date: 2026-11-30 23:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019_survey_waves'
down_revision = '0018_monitoring'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('questionnaire', schema=None) as batch_op:
        batch_op.add_column(sa.Column('previous_wave_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('wave_number', sa.Integer(), server_default='1', nullable=False))
        batch_op.create_index(batch_op.f('ix_questionnaire_previous_wave_id'), ['previous_wave_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_questionnaire_previous_wave_id_questionnaire'), 'questionnaire',
                                    ['previous_wave_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('questionnaire', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_questionnaire_previous_wave_id_questionnaire'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_questionnaire_previous_wave_id'))
        batch_op.drop_column('wave_number')
        batch_op.drop_column('previous_wave_id')
