"""Asking a projection to fold again what it holds: a mark a migration leaves for the projection's own code.

A migration that adds a column to a projection's table cannot fill it: the
log room does not know how the projection derives its rows (and a migration
must not import code that will change after it). It leaves a mark in
`trade_monitor_meta` (key `refold:<projection name>`, value the reason); the
projection, on its next run, finds the mark, fills its rows again from what it
keeps, and clears the mark in the same transaction.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, select

from monitor.log.schema import meta

_PREFIX = "refold:"


def refold_key(name: str) -> str:
    """The meta key that marks projection `name` to be folded again."""
    return _PREFIX + name


def refold_reason(conn: Connection, name: str) -> str | None:
    """Why projection `name` must fold its rows again; None when it need not."""
    value: str | None = conn.execute(select(meta.c.value).where(meta.c.key == refold_key(name))).scalar()
    return value


def clear_refold(conn: Connection, name: str) -> None:
    """Remove the mark (in the transaction that folded the rows again)."""
    conn.execute(delete(meta).where(meta.c.key == refold_key(name)))
