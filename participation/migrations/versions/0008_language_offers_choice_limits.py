"""language offers, choice limits, process translations

Revision ID: 0008
Revises: 0005
Create Date: 2026-11-30 16:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('process', schema=None) as batch_op:
        batch_op.add_column(sa.Column('i18n', sa.JSON(), nullable=False, server_default='{}'))

    with op.batch_alter_table('questionnaire', schema=None) as batch_op:
        batch_op.add_column(sa.Column('incomplete_languages_published', sa.JSON(), nullable=False,
                                      server_default='[]'))

    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('min_choices', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('max_choices', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('max_choices')
        batch_op.drop_column('min_choices')

    with op.batch_alter_table('questionnaire', schema=None) as batch_op:
        batch_op.drop_column('incomplete_languages_published')

    with op.batch_alter_table('process', schema=None) as batch_op:
        batch_op.drop_column('i18n')
