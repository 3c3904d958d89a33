"""What every command shares: the config file, and the engine and store opened from it.

Imported at start by every command, so the database layer is imported only
when a command first asks for the engine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.clock import Clock
from monitor.config import Settings, find_config, load_settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from monitor.log import EventStore


@dataclass
class CliContext:
    """Built once per invocation from the global options; opens things lazily."""

    config_option: str | None
    _settings: Settings | None = None
    _engine: Engine | None = None
    _upgraded: bool = field(default=False)

    def config_path(self) -> Path:
        """The config file this invocation reads."""
        return find_config(self.config_option, os.environ, Path.cwd())

    def settings(self) -> Settings:
        """The validated settings (read once)."""
        if self._settings is None:
            self._settings = load_settings(self.config_path(), os.environ)
        return self._settings

    def engine(self) -> Engine:
        """The engine of the configured database, its schema brought up to date."""
        from monitor.log import open_engine
        from monitor.log.migrate import upgrade

        if self._engine is None:
            self._engine = open_engine(self.settings().database_url())
        if not self._upgraded:
            upgrade(self._engine)
            self._upgraded = True
        return self._engine

    def store(self, clock: Clock) -> EventStore:
        """The event store on the configured database, writing times from `clock`."""
        from monitor.log import EventStore

        return EventStore(self.engine(), clock)

    def close(self) -> None:
        """Release the engine's connections."""
        if self._engine is not None:
            self._engine.dispose()
