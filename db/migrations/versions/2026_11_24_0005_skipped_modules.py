"""skipped modules: a progress status for modules a person does not need, with the reason

Revision ID: 20261124_0005
Revises: 20261123_0004
Create Date: 2026-11-24 01:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '20261124_0005'
down_revision: str | None = '20261123_0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_STATUSES = ("not_started", "in_progress", "completed")
_NEW_STATUSES = (*_OLD_STATUSES, "skipped")


def _statuses(allowed: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{value}'" for value in allowed)
    with op.batch_alter_table('module_progress', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_module_progress_progressstatus'), type_='check')
    with op.batch_alter_table('module_progress', schema=None) as batch_op:
        batch_op.create_check_constraint(
            batch_op.f('ck_module_progress_progressstatus'), f"status IN ({listed})"
        )


def upgrade() -> None:
    _statuses(_NEW_STATUSES)
    with op.batch_alter_table('module_progress', schema=None) as batch_op:
        batch_op.add_column(sa.Column('note', sa.String(length=300), nullable=True))


def downgrade() -> None:
    # A skipped module goes back to "not started" (the reason is dropped with the column).
    op.execute(sa.text("DELETE FROM module_progress WHERE status = 'skipped'"))
    with op.batch_alter_table('module_progress', schema=None) as batch_op:
        batch_op.drop_column('note')
    _statuses(_OLD_STATUSES)
