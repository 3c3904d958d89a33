"""The project's exceptions: one root, one subclass per thing a user can fix.

They are raised where the problem is found and caught only at the edges: the
command line turns one into a single line and an exit code, and the daemon's
loops over feeds, rules and deliveries log it with its subject and go on.
"""

from __future__ import annotations


class MonitorError(Exception):
    """Root of every error trade-monitor raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(MonitorError):
    """A setting is missing, unknown or of the wrong type; names the file and key."""

    exit_code = 2


class DaemonConflictError(ConfigError):
    """A daemon cannot start beside the one(s) already running on the database; names them and why."""


class InputError(MonitorError):
    """A file or argument the user gave cannot be read as expected."""

    exit_code = 2


class StoreError(MonitorError):
    """The event log cannot be opened, read or written."""

    exit_code = 3


class SchemaError(StoreError):
    """The database is not ours, is corrupt, or was made by a newer version."""


class ConcurrencyError(StoreError):
    """Another writer appended to the stream first: re-read and decide again."""

    exit_code = 4

    def __init__(self, stream_id: str, expected: int, actual: int) -> None:
        super().__init__(
            f"stream {stream_id!r} is at version {actual}, not {expected} as expected",
            hint="another writer appended first; re-read the stream and try again",
        )
        self.stream_id = stream_id
        self.expected = expected
        self.actual = actual


class EventTypeError(StoreError):
    """An event in the log has a type or schema version this code cannot read."""


class ProjectionStuckError(StoreError):
    """A projection cannot apply an event: it stops there, having applied every event before it,
    until the event applies (after a fix) or a user skips it. `new` is False when it was
    already stuck there for the same reason (a caller that retries can say so more quietly)."""

    def __init__(self, name: str, position: int, type_: str, stream_id: str, reason: str, *, new: bool) -> None:
        super().__init__(
            f"projection {name!r} is stuck at position {position} ({type_} in {stream_id!r}): {reason}",
            hint=f"it applied every event before it; fix the cause and run again, or skip the event with "
            f"'trade-monitor projections skip {name} {position}'",
        )
        self.name = name
        self.position = position
        self.reason = reason
        self.new = new


class FeedError(MonitorError):
    """A feed could not be fetched or parsed; names the feed."""

    def __init__(self, feed: str, message: str, *, hint: str | None = None) -> None:
        super().__init__(f"feed {feed!r}: {message}", hint=hint)
        self.feed = feed
        self.reason = message


class ExtractionError(MonitorError):
    """An article could not be read for facts."""


class RuleError(MonitorError):
    """A rule file is invalid or a rule failed; names the file, line and key."""

    exit_code = 2


class DeliveryError(MonitorError):
    """A digest could not be delivered (mail server down, refused, directory unwritable).

    `permanent` says the other side refused for good (a 5xx reply, a 4xx from a
    webhook): trying again as it is would get the same answer. `retry_after_s`
    is how long the other side asked us to wait (an HTTP Retry-After), if it did.
    """

    def __init__(
        self, message: str, *, hint: str | None = None, permanent: bool = False, retry_after_s: float | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.permanent = permanent
        self.retry_after_s = retry_after_s
