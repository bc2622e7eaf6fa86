"""embedding model per theme centre and per run, index on the model of stored vectors

Vectors of different embedding models are never compared: a theme's centre records the model it was computed
with, a run the model it clustered with. Existing centres and runs were made with USE v3.

Revision ID: 0015
Revises: 0013
Create Date: 2026-11-30 20:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0013'
branch_labels = None
depends_on = None

PREVIOUS_MODEL = 'use-multilingual-v3'


def upgrade():
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.add_column(sa.Column('embedding_model', sa.String(length=80), nullable=True))
    with op.batch_alter_table('analysis_run', schema=None) as batch_op:
        batch_op.add_column(sa.Column('embedding_model', sa.String(length=80), nullable=True))
    with op.batch_alter_table('answer_embedding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_embedding_model'), ['model'], unique=False)
    theme = sa.table('theme', sa.column('embedding_model', sa.String), sa.column('centroid', sa.LargeBinary))
    op.execute(theme.update().where(theme.c.centroid.is_not(None)).values(embedding_model=PREVIOUS_MODEL))
    run = sa.table('analysis_run', sa.column('embedding_model', sa.String), sa.column('status', sa.String))
    op.execute(run.update().values(embedding_model=PREVIOUS_MODEL))


def downgrade():
    with op.batch_alter_table('answer_embedding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answer_embedding_model'))
    with op.batch_alter_table('analysis_run', schema=None) as batch_op:
        batch_op.drop_column('embedding_model')
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.drop_column('embedding_model')
