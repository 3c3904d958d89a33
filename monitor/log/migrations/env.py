"""Alembic's entry point: runs the migrations on the connection `upgrade` hands over.

There is no alembic.ini: `monitor.log.migrate` builds the configuration in code
and passes an open connection (already in a transaction that holds the write
lock) in `config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context

from monitor.log.schema import VERSION_TABLE, metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
