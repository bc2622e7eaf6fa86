"""close the loop: participation stage and rules, decisions on themes, measure titles translatable, hearing back

Revision ID: 0013
Revises: 0009
Create Date: 2026-11-30 19:50:53

"""
from alembic import op
import sqlalchemy as sa
import participation.models.core


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('outcome_publication',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('decision_count', sa.Integer(), nullable=False),
    sa.Column('published_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_outcome_publication_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcome_publication'))
    )
    with op.batch_alter_table('outcome_publication', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcome_publication_process_id'), ['process_id'], unique=False)

    op.create_table('outcome_subscription',
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('confirmation_sent', sa.Boolean(), nullable=False),
    sa.Column('notified_round', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_outcome_subscription_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_outcome_subscription')),
    sa.UniqueConstraint('process_id', 'email', name='uq_outcome_subscription_email')
    )
    with op.batch_alter_table('outcome_subscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcome_subscription_process_id'), ['process_id'], unique=False)

    op.create_table('participation_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=40), nullable=False),
    sa.Column('residents_decide', sa.Text(), nullable=False),
    sa.Column('residents_advise', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.Text(), nullable=False),
    sa.Column('timeline', sa.Text(), nullable=False),
    sa.Column('contact', sa.Text(), nullable=False),
    sa.Column('i18n', sa.JSON(), nullable=False),
    sa.Column('updated_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_participation_rules_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participation_rules')),
    sa.UniqueConstraint('process_id', name=op.f('uq_participation_rules_process_id'))
    )
    op.create_table('theme_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decided_by', sa.String(length=300), nullable=False),
    sa.Column('i18n', sa.JSON(), nullable=False),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('published_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.Column('updated_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_theme_decision_process_id_process'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_theme_decision_theme_id_theme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_decision')),
    sa.UniqueConstraint('theme_id', name=op.f('uq_theme_decision_theme_id'))
    )
    with op.batch_alter_table('theme_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_decision_process_id'), ['process_id'], unique=False)

    op.create_table('theme_decision_measure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['theme_decision.id'], name=op.f('fk_theme_decision_measure_decision_id_theme_decision'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['measure_id'], ['strategy_measure.id'], name=op.f('fk_theme_decision_measure_measure_id_strategy_measure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_decision_measure')),
    sa.UniqueConstraint('decision_id', 'measure_id', name='uq_theme_decision_measure')
    )
    with op.batch_alter_table('theme_decision_measure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_decision_measure_decision_id'), ['decision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_theme_decision_measure_measure_id'), ['measure_id'], unique=False)

    with op.batch_alter_table('strategy_measure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('i18n', sa.JSON(), nullable=False, server_default='{}'))



def downgrade():
    with op.batch_alter_table('strategy_measure', schema=None) as batch_op:
        batch_op.drop_column('i18n')

    with op.batch_alter_table('theme_decision_measure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_decision_measure_measure_id'))
        batch_op.drop_index(batch_op.f('ix_theme_decision_measure_decision_id'))

    op.drop_table('theme_decision_measure')
    with op.batch_alter_table('theme_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_decision_process_id'))

    op.drop_table('theme_decision')
    op.drop_table('participation_rules')
    with op.batch_alter_table('outcome_subscription', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcome_subscription_process_id'))

    op.drop_table('outcome_subscription')
    with op.batch_alter_table('outcome_publication', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcome_publication_process_id'))

    op.drop_table('outcome_publication')
