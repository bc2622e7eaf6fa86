"""themes planners can trust: dissolved themes, their archive, a version per theme, themes per question

Revision ID: 0009
Revises: 0005
Create Date: 2026-11-30 16:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dissolved_run_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('archive', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('question_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_theme_dissolved_run_id_analysis_run'), 'analysis_run',
                                    ['dissolved_run_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_theme_question_id_question'), 'question',
                                    ['question_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_theme_question_id_question'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_theme_dissolved_run_id_analysis_run'), type_='foreignkey')
        batch_op.drop_column('question_id')
        batch_op.drop_column('version')
        batch_op.drop_column('archive')
        batch_op.drop_column('dissolved_run_id')
