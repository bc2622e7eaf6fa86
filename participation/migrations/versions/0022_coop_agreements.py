"""cooperation agreements: per committee a term, a review date and partners with goal, contribution and role

Revision ID: 0022_coop_agreements
Revises: 0021_process_phases
"""
from alembic import op
import sqlalchemy as sa
import participation.models.core


revision = '0022_coop_agreements'
down_revision = '0021_process_phases'
branch_labels = None
depends_on = None


def _fk(column, target):
    return sa.Column(column, sa.Integer(), sa.ForeignKey(target, ondelete='CASCADE'), nullable=False)


def upgrade():
    op.create_table(
        'coop_agreement',
        sa.Column('id', sa.Integer(), primary_key=True),
        _fk('committee_id', 'coop_committee.id'),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=True),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('review_on', sa.Date(), nullable=True),
        sa.Column('reviewed_on', sa.Date(), nullable=True),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('created_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    )
    op.create_index(op.f('ix_coop_agreement_committee_id'), 'coop_agreement', ['committee_id'])
    op.create_table(
        'coop_agreement_partner',
        sa.Column('id', sa.Integer(), primary_key=True),
        _fk('agreement_id', 'coop_agreement.id'),
        _fk('body_id', 'strategy_body.id'),
        sa.Column('goal', sa.Text(), nullable=False),
        sa.Column('contribution', sa.Text(), nullable=False),
        sa.Column('role', sa.String(length=200), nullable=False),
    )
    op.create_index(op.f('ix_coop_agreement_partner_agreement_id'), 'coop_agreement_partner', ['agreement_id'])
    op.create_index(op.f('ix_coop_agreement_partner_body_id'), 'coop_agreement_partner', ['body_id'])


def downgrade():
    op.drop_table('coop_agreement_partner')
    op.drop_table('coop_agreement')
