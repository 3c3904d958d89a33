"""Tests of the event log: its contract on both databases, migrations, concurrency, projections."""
