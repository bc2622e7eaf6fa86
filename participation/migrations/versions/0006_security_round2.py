"""security round 2: session tokens, membership invitations, no login counters in the database

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 17:05:00

"""
import secrets

from alembic import op
import sqlalchemy as sa
import participation.models.core


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('membership_invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('questionnaire_ids', sa.JSON(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.Column('expires_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.Column('used_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_membership_invitation_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership_invitation')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_membership_invitation_token_hash'))
    )
    with op.batch_alter_table('membership_invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_invitation_process_id'), ['process_id'], unique=False)

    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_token', sa.String(length=32), nullable=True))
    accounts = sa.table('user_account', sa.column('id', sa.Integer), sa.column('session_token', sa.String))
    connection = op.get_bind()
    for (account_id,) in connection.execute(sa.select(accounts.c.id)).all():
        connection.execute(accounts.update().where(accounts.c.id == account_id)
                           .values(session_token=secrets.token_hex(16)))
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.alter_column('session_token', existing_type=sa.String(length=32), nullable=False)
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_logins')


def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('locked_until', participation.models.core.UTCDateTime(timezone=True), nullable=True))
        batch_op.drop_column('session_token')

    with op.batch_alter_table('membership_invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_invitation_process_id'))

    op.drop_table('membership_invitation')
