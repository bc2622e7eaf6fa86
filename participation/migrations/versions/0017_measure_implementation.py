"""measures that can be run: bodies, life stages, status history, budgets, funders, evaluation

Revision ID: 0017_measure_implementation
Revises: 0016

The free-text "Zuständigkeit" and "Partner" of existing measures become bodies of the process (one per
distinct name) linked as lead and partners; the text columns stay and keep the names as plain text.
"""
import re

from alembic import op
import sqlalchemy as sa
import participation.models.core


revision = '0017_measure_implementation'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('strategy_body',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_strategy_body_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_body'))
    )
    op.create_index(op.f('ix_strategy_body_process_id'), 'strategy_body', ['process_id'], unique=False)
    op.create_table('strategy_life_stage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], name=op.f('fk_strategy_life_stage_process_id_process'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_life_stage'))
    )
    op.create_index(op.f('ix_strategy_life_stage_process_id'), 'strategy_life_stage', ['process_id'], unique=False)
    op.create_table('strategy_measure_life_stage',
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('life_stage_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['life_stage_id'], ['strategy_life_stage.id'], name=op.f('fk_strategy_measure_life_stage_life_stage_id_strategy_life_stage'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['measure_id'], ['strategy_measure.id'], name=op.f('fk_strategy_measure_life_stage_measure_id_strategy_measure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('measure_id', 'life_stage_id', name=op.f('pk_strategy_measure_life_stage'))
    )
    op.create_table('strategy_measure_body',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['strategy_body.id'], name=op.f('fk_strategy_measure_body_body_id_strategy_body'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['measure_id'], ['strategy_measure.id'], name=op.f('fk_strategy_measure_body_measure_id_strategy_measure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_measure_body')),
    sa.UniqueConstraint('measure_id', 'body_id', name=op.f('uq_strategy_measure_body_measure_id'))
    )
    op.create_index(op.f('ix_strategy_measure_body_body_id'), 'strategy_measure_body', ['body_id'], unique=False)
    op.create_index(op.f('ix_strategy_measure_body_measure_id'), 'strategy_measure_body', ['measure_id'], unique=False)
    op.create_table('strategy_measure_status',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('created_at', participation.models.core.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['measure_id'], ['strategy_measure.id'], name=op.f('fk_strategy_measure_status_measure_id_strategy_measure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_measure_status'))
    )
    op.create_index(op.f('ix_strategy_measure_status_measure_id'), 'strategy_measure_status', ['measure_id'], unique=False)
    op.create_table('strategy_measure_budget',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('funder', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['measure_id'], ['strategy_measure.id'], name=op.f('fk_strategy_measure_budget_measure_id_strategy_measure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_measure_budget'))
    )
    op.create_index(op.f('ix_strategy_measure_budget_measure_id'), 'strategy_measure_budget', ['measure_id'], unique=False)
    op.create_table('strategy_measure_contribution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('value', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['measure_id'], ['strategy_measure.id'], name=op.f('fk_strategy_measure_contribution_measure_id_strategy_measure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_measure_contribution'))
    )
    op.create_index(op.f('ix_strategy_measure_contribution_measure_id'), 'strategy_measure_contribution', ['measure_id'], unique=False)
    op.create_table('strategy_measure_funding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('funder', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['measure_id'], ['strategy_measure.id'], name=op.f('fk_strategy_measure_funding_measure_id_strategy_measure'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_measure_funding'))
    )
    op.create_index(op.f('ix_strategy_measure_funding_measure_id'), 'strategy_measure_funding', ['measure_id'], unique=False)
    with op.batch_alter_table('strategy_measure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('continuation', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('evaluation_note', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('evaluated_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('evaluation_result', sa.String(length=20), server_default='', nullable=False))
    _bodies_from_free_text()


def _names(text: str) -> list[str]:
    """"AOK, Kitas; Sportverein" → three names; over-long pieces are cut to the column's length."""
    return [name.strip()[:200] for name in re.split(r"[,;\n]", text or "") if name.strip()]


def _bodies_from_free_text():
    connection = op.get_bind()
    measures = connection.execute(sa.text(
        "SELECT id, process_id, responsible, partners FROM strategy_measure ORDER BY id")).all()
    bodies: dict[tuple[int, str], int] = {}
    for measure_id, process_id, responsible, partners in measures:
        linked = set()
        for role, text in (("lead", responsible), ("partner", partners)):
            for name in _names(text):
                key = (process_id, name.casefold())
                if key not in bodies:
                    position = sum(1 for other in bodies if other[0] == process_id)
                    connection.execute(sa.text(
                        "INSERT INTO strategy_body (process_id, name, kind, position) "
                        "VALUES (:process_id, :name, 'other', :position)"),
                        {"process_id": process_id, "name": name, "position": position})
                    bodies[key] = connection.execute(sa.text(
                        "SELECT max(id) FROM strategy_body WHERE process_id = :process_id"),
                        {"process_id": process_id}).scalar()
                if bodies[key] in linked:
                    continue
                linked.add(bodies[key])
                connection.execute(sa.text(
                    "INSERT INTO strategy_measure_body (measure_id, body_id, role) VALUES (:m, :b, :role)"),
                    {"m": measure_id, "b": bodies[key], "role": role})


def downgrade():
    with op.batch_alter_table('strategy_measure', schema=None) as batch_op:
        batch_op.drop_column('evaluation_result')
        batch_op.drop_column('evaluated_on')
        batch_op.drop_column('evaluation_note')
        batch_op.drop_column('continuation')
    for table in ('strategy_measure_funding', 'strategy_measure_contribution', 'strategy_measure_budget',
                  'strategy_measure_status', 'strategy_measure_body', 'strategy_measure_life_stage',
                  'strategy_life_stage', 'strategy_body'):
        op.drop_table(table)
