"""Alembic migrations of the log's schema, run in code by `monitor.log.migrate.upgrade`."""
