"""`config.toml` -> typed, validated, frozen settings.

Every setting is declared once, here, with its type, default and help text
(the `doc` metadata of each field); `trade-monitor config docs` prints them
and a test checks that none is undocumented. The file is parsed once at the
edge and the resulting `Settings` is passed in: nothing reads configuration
or the environment at import. Secrets never live in the file: the file names
an environment variable and the value is looked up in the `environ` passed to
`load_settings`.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from monitor.errors import ConfigError

CONFIG_ENV = "TRADE_MONITOR_CONFIG"
DEFAULT_CONFIG_NAME = "config.toml"
SEVERITIES = ("info", "warning", "critical")


def setting(default: Any = dataclasses.MISSING, *, doc: str, factory: Any = dataclasses.MISSING) -> Any:
    """Declare one setting with its help text; `doc` is required so nothing goes undocumented."""
    if factory is not dataclasses.MISSING:
        return field(default_factory=factory, metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True, kw_only=True)
class DatabaseSettings:
    url: str = setting(
        "sqlite:///trade-monitor.db",
        doc="SQLAlchemy URL of the event log. A relative SQLite path is taken from the config file's folder.",
    )
    password_env: str = setting(
        "",
        doc="Name of an environment variable holding the database password, put into the URL at start.",
    )


@dataclass(frozen=True, kw_only=True)
class DaemonSettings:
    timezone: str = setting("UTC", doc="Time zone of the scheduler and of cron schedules (IANA name).")
    tick_minutes: int = setting(15, doc="How often the clock rules (deadlines, expiries) run, in minutes.")
    digest_minutes: int = setting(1, doc="How often due digests are rendered and the outbox is flushed, in minutes.")
    log_format: Literal["text", "json"] = setting("text", doc="Log lines as readable text or one JSON object each.")
    log_level: Literal["debug", "info", "warning", "error"] = setting("info", doc="Least severe log level shown.")
    leader_lease_seconds: float = setting(
        15.0,
        doc="Several daemons on one PostgreSQL log: how long the leader's lease (rules, clock tick, digests) "
        "lasts unrenewed; when the leader dies another daemon takes over within this time.",
    )
    feed_lease_seconds: float = setting(
        60.0,
        doc="Several daemons on one PostgreSQL log: how long a daemon's claim on a feed it polls lasts unrenewed; "
        "the feeds of a daemon that dies are polled by another after this time.",
    )


@dataclass(frozen=True, kw_only=True)
class FetchSettings:
    connect_timeout_s: float = setting(10.0, doc="Seconds to wait for a feed server to accept a connection.")
    read_timeout_s: float = setting(30.0, doc="Seconds to wait for a feed server between bytes.")
    max_bytes: int = setting(10_000_000, doc="Largest feed or page body read, in bytes; a larger one is an error.")
    max_redirects: int = setting(5, doc="Most redirects followed for one request.")
    concurrency: int = setting(64, doc="Most feeds fetched at the same time.")
    user_agent: str = setting(
        "trade-monitor/0.1 (+https://example.org/trade-monitor)",
        doc="User-Agent header sent with every request.",
    )
    backoff_max_minutes: int = setting(
        360, doc="Longest wait before retrying a failing feed; the wait doubles up to this."
    )
    jitter_s: int = setting(30, doc="Random delay of up to this many seconds added to each feed's schedule.")


@dataclass(frozen=True, kw_only=True)
class FeedSettings:
    name: str = setting(doc="Short unique name of the feed, used in logs, `feeds` and the log's stream ids.")
    url: str = setting(doc="URL of the RSS or Atom feed.")
    interval_minutes: int = setting(30, doc="Minutes between two polls of this feed.")
    full_text: bool = setting(False, doc="Fetch each entry's linked page and read its main text.")
    enabled: bool = setting(True, doc="Set to false to keep the feed in the file but stop polling it.")
    official: bool = setting(
        False,
        doc="The feed is an official source (the Federal Register, a ministry): alerts say so, and "
        "`official_only` rules and subscriptions take its news.",
    )


@dataclass(frozen=True, kw_only=True)
class ExtractSettings:
    mode: Literal["builtin", "command", "both"] = setting(
        "builtin",
        doc="Who reads facts from articles: the built-in reader, the external `command`, or `both` "
        "(the union of their facts, each once).",
    )
    command: str = setting(
        "",
        doc="An external extractor: a program and its arguments (quoted as in a shell, run without one, "
        "in the config file's folder) that reads an article on stdin and prints the extraction contract's "
        "JSON; `{published}` in it becomes the article's date, also in $TRADE_MONITOR_PUBLISHED.",
    )
    timeout_seconds: float = setting(
        60.0,
        doc="Seconds the command may take on one article; then it is killed, with its process group, "
        "and the article is left for the next poll.",
    )


@dataclass(frozen=True, kw_only=True)
class RuleSettings:
    folders: tuple[str, ...] = setting(
        factory=lambda: ("rules",),
        doc="Folders of user rules (`*.toml` and `*.py`), relative to the config file's folder.",
    )
    builtins: bool = setting(True, doc="Run the built-in rules (new_rate, rate_change, pause_expiring, ...).")
    pause_expiring_days: tuple[int, ...] = setting(
        factory=lambda: (7,),
        doc="Lead times in days at which `pause_expiring` reminds before a pause ends, e.g. [14, 7, 1].",
    )
    tariff_expiring_days: tuple[int, ...] = setting(
        factory=lambda: (30, 7),
        doc="Lead times in days at which `tariff_expiring` reminds before a tariff's own expiry "
        '("until December 31"), e.g. [30, 7, 1].',
    )
    severity: dict[str, str] = setting(
        factory=dict,
        doc='Severity per rule name, overriding its default: a table of rule = "info"|"warning"|"critical".',
    )
    news_max_age_days: int = setting(
        14,
        doc="News about a day more than this many days before it is read updates measures and history "
        "but raises no alert (old news is not new).",
    )
    unconfirmed_hold_hours: int = setting(
        24,
        doc="How long an alert from one lone source contradicting a corroborated reading is held waiting "
        "for a second source before it is raised anyway (marked unconfirmed).",
    )


@dataclass(frozen=True, kw_only=True)
class SmtpSettings:
    host: str = setting("127.0.0.1", doc="SMTP server host name.")
    port: int = setting(587, doc="SMTP server port.")
    security: Literal["starttls", "ssl", "none"] = setting(
        "starttls", doc="How the connection is secured: STARTTLS, implicit TLS (ssl) or none."
    )
    username: str = setting("", doc="Login name; empty for no login.")
    password_env: str = setting("", doc="Name of the environment variable holding the SMTP password.")
    sender: str = setting("trade-monitor@localhost", doc="From address of the digests.")
    timeout_s: float = setting(30.0, doc="Seconds to wait for the mail server.")
    verify_tls: bool = setting(True, doc="Check the server's TLS certificate.")
    ca_file: str = setting(
        "",
        doc="A PEM file of certificate authorities to trust instead of the system's (a private mail server); "
        "relative to the config file.",
    )


@dataclass(frozen=True, kw_only=True)
class DeliverySettings:
    method: Literal["directory", "smtp"] = setting(
        "directory", doc="Where digests go: `directory` writes .eml and .html files, `smtp` sends mail."
    )
    directory: str = setting("digests", doc="Folder the `directory` method writes to, relative to the config file.")
    templates: str = setting(
        "",
        doc="A folder of your own templates; a file there overrides the shipped one of the same name.",
    )
    retry_max_minutes: int = setting(240, doc="Longest wait between retries of an undelivered digest.")
    batch_window_s: int = setting(
        60, doc="An `immediate` subscription waits this long to gather alerts raised together into one digest."
    )
    unsubscribe: str = setting("", doc="URL or mailto: for the List-Unsubscribe header; empty to leave the header out.")
    deadline_days: int = setting(30, doc="How many days ahead the digest's table of upcoming deadlines looks.")
    measures_shown: int = setting(
        50, doc="Most measures listed in a digest's 'measures in scope' section; the rest are counted."
    )
    max_attempts: int = setting(
        5,
        doc="Tries of a digest that is refused for good (a 5xx from the mail server, a 4xx from a webhook) "
        "before it is dead-lettered; `outbox retry ID` sends it again.",
    )
    give_up_hours: int = setting(
        72,
        doc="A digest that keeps failing for a passing reason (server down, 4xx mail reply, 429/5xx webhook) "
        "is dead-lettered this many hours after it was queued (or retried).",
    )
    hold_above: int = setting(
        50,
        doc="When more alerts than this are raised at once (one poll or tick), they are recorded but not "
        "delivered until `trade-monitor alerts release`; 0 turns the guard off.",
    )
    web_url: str = setting(
        "",
        doc="The address of the web pages as readers reach them (e.g. https://monitor.example.org); "
        "chat and webhook messages link to its alerts page. Empty: web.base_url, and with neither, no link.",
    )
    smtp: SmtpSettings = setting(factory=SmtpSettings, doc='The SMTP server, for method = "smtp".')


ChannelKind = Literal["webhook", "slack", "teams", "matrix", "ntfy"]


@dataclass(frozen=True, kw_only=True)
class ChannelSettings:
    name: str = setting(doc="Unique name of the channel, as subscriptions' `channels` name it.")
    kind: ChannelKind = setting(
        doc="What the target is: `webhook` (JSON POST), `slack` or `teams` (incoming webhook), "
        "`matrix` (a room on a homeserver), `ntfy` (a topic)."
    )
    url: str = setting(
        "",
        doc="The target's address (webhook URL, Matrix homeserver, ntfy topic URL) when it is no secret.",
    )
    url_env: str = setting(
        "", doc="Name of an environment variable holding the address instead (Slack and Teams URLs are secrets)."
    )
    token_env: str = setting(
        "",
        doc="Name of an environment variable holding a bearer token (Matrix access token, ntfy or webhook "
        "token); empty for none.",
    )
    room: str = setting("", doc='The Matrix room id (!abc:example.org), for kind = "matrix".')
    timeout_s: float = setting(10.0, doc="Seconds to wait for the target.")


@dataclass(frozen=True, kw_only=True)
class SubscriptionSettings:
    name: str = setting(doc="Unique name of the subscription.")
    recipients: tuple[str, ...] = setting(factory=tuple, doc="Email addresses the digest goes to.")
    schedule: str = setting(
        "immediate",
        doc='`immediate`, or a five-field cron expression such as "0 7 * * *" (daily at 07:00).',
    )
    timezone: str = setting("UTC", doc="Time zone of the cron schedule (IANA name).")
    rules: tuple[str, ...] = setting(factory=tuple, doc="Only alerts of these rules; empty for all.")
    min_severity: Literal["info", "warning", "critical"] = setting("info", doc="Only alerts at least this severe.")
    imposers: tuple[str, ...] = setting(factory=tuple, doc="Only alerts on measures by these imposers (ISO codes, EU).")
    targets: tuple[str, ...] = setting(factory=tuple, doc="Only alerts on measures hitting these targets.")
    sectors: tuple[str, ...] = setting(factory=tuple, doc="Only alerts on these sectors; empty for all.")
    title: str = setting("Trade-policy digest", doc="Title shown at the top of the digest and in its subject.")
    channels: tuple[str, ...] = setting(
        factory=tuple, doc="Names of [[channels]] that get a short message per digest, besides the recipients' mail."
    )
    min_sources: int = setting(0, doc="Only alerts stated by at least this many independent sources when raised.")
    official_only: bool = setting(False, doc="Only alerts an official source (a feed with official = true) states.")
    min_confidence: float = setting(
        0.0, doc="Only alerts whose facts the extractor read with at least this confidence (0 to 1)."
    )


@dataclass(frozen=True, kw_only=True)
class WebSettings:
    enabled: bool = setting(False, doc="Serve the read-only web pages and JSON API from the daemon (`run`).")
    bind: str = setting("127.0.0.1", doc="Address the web server listens on; anything but loopback needs token_env.")
    port: int = setting(8080, doc="TCP port the web server listens on.")
    token_env: str = setting(
        "",
        doc="Name of an environment variable holding the access token asked of every page and API call.",
    )
    base_url: str = setting(
        "",
        doc="Public address of the web pages (e.g. https://tm.example.org), used in calendar links; "
        "empty: the address each request came to.",
    )
    stuck_after_s: int = setting(
        300, doc="Seconds a projection may stay behind the log without moving before /readyz says not ready."
    )


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything trade-monitor reads from `config.toml`, validated."""

    database: DatabaseSettings = setting(factory=DatabaseSettings, doc="The event log's database.")
    daemon: DaemonSettings = setting(factory=DaemonSettings, doc="The background daemon.")
    fetch: FetchSettings = setting(factory=FetchSettings, doc="How feeds and pages are fetched.")
    feeds: tuple[FeedSettings, ...] = setting(factory=tuple, doc="The news feeds polled, one [[feeds]] table each.")
    extract: ExtractSettings = setting(
        factory=ExtractSettings, doc="Who reads facts from articles: the built-in reader, your own command, or both."
    )
    rules: RuleSettings = setting(factory=RuleSettings, doc="The rule engine.")
    delivery: DeliverySettings = setting(factory=DeliverySettings, doc="How digests are delivered.")
    channels: tuple[ChannelSettings, ...] = setting(
        factory=tuple, doc="Chat and webhook targets of digests, one [[channels]] table each."
    )
    subscriptions: tuple[SubscriptionSettings, ...] = setting(
        factory=tuple, doc="Who gets which alerts, when: one [[subscriptions]] table each."
    )
    web: WebSettings = setting(factory=WebSettings, doc="The read-only web pages, JSON API, calendar and metrics.")
    # Not settings: where the file was, so relative paths resolve against its folder.
    source: Path = field(default=Path(DEFAULT_CONFIG_NAME), metadata={"internal": True})
    environ: Mapping[str, str] = field(default_factory=dict, metadata={"internal": True}, repr=False)

    @property
    def base_dir(self) -> Path:
        """The folder relative paths in the config are taken from."""
        return self.source.parent

    def path(self, value: str) -> Path:
        """Resolve a path setting against the config file's folder."""
        p = Path(value).expanduser()
        return p if p.is_absolute() else self.base_dir / p

    def database_url(self) -> str:
        """The database URL with relative SQLite paths resolved and the password filled in."""
        url = self.database.url
        if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
            rest = url[len("sqlite:///") :]
            if rest and rest != ":memory:":
                url = "sqlite:///" + str(self.path(rest).resolve())
        if self.database.password_env:
            secret = self.environ.get(self.database.password_env)
            if secret is None:
                raise ConfigError(
                    f"{self.source}: database.password_env names {self.database.password_env!r}, "
                    "which is not set in the environment"
                )
            from sqlalchemy.engine import make_url

            url = make_url(url).set(password=secret).render_as_string(hide_password=False)
        return url

    def smtp_password(self) -> str | None:
        """The SMTP password from the environment variable the config names, if any."""
        name = self.delivery.smtp.password_env
        if not name:
            return None
        value = self.environ.get(name)
        if value is None:
            raise ConfigError(
                f"{self.source}: delivery.smtp.password_env names {name!r}, which is not set in the environment"
            )
        return value

    def secret(self, name: str, key: str) -> str:
        """The value of the environment variable `name` that the setting `key` names; a ConfigError if unset."""
        value = self.environ.get(name)
        if value is None:
            raise ConfigError(f"{self.source}: {key} names {name!r}, which is not set in the environment")
        return value

    def channel(self, name: str) -> ChannelSettings:
        """The channel of that name, or a ConfigError listing the known ones."""
        for c in self.channels:
            if c.name == name:
                return c
        known = ", ".join(c.name for c in self.channels) or "none"
        raise ConfigError(f"{self.source}: no channel named {name!r} (known: {known})")

    def feed(self, name: str) -> FeedSettings:
        """The feed of that name, or a ConfigError listing the known ones."""
        for f in self.feeds:
            if f.name == name:
                return f
        known = ", ".join(f.name for f in self.feeds) or "none"
        raise ConfigError(f"{self.source}: no feed named {name!r} (known: {known})")

    def subscription(self, name: str) -> SubscriptionSettings:
        """The subscription of that name, or a ConfigError listing the known ones."""
        for s in self.subscriptions:
            if s.name == name:
                return s
        known = ", ".join(s.name for s in self.subscriptions) or "none"
        raise ConfigError(f"{self.source}: no subscription named {name!r} (known: {known})")


# --- loading -----------------------------------------------------------------------------------------

_TYPE_NAMES = {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}


def _describe(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if tp in _TYPE_NAMES:
        return _TYPE_NAMES[tp]
    if origin is Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(tp))
    if origin is tuple:
        return f"a list of {_describe(typing.get_args(tp)[0]).removeprefix('a ').removeprefix('an ')}s"
    if origin is dict:
        return "a table"
    if dataclasses.is_dataclass(tp):
        return "a table"
    return str(tp)


def _convert(value: Any, tp: Any, key: str, where: str) -> Any:
    origin = typing.get_origin(tp)

    def wrong() -> ConfigError:
        shown = repr(value) if not isinstance(value, dict) else "a table"
        return ConfigError(f"{where}: key {key!r} must be {_describe(tp)}, got {shown}")

    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise wrong()
        return _build(tp, value, key, where)
    if origin is Literal:
        if value not in typing.get_args(tp):
            raise wrong()
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise wrong()
        inner = typing.get_args(tp)[0]
        return tuple(_convert(v, inner, f"{key}[{i}]", where) for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict):
            raise wrong()
        vtype = typing.get_args(tp)[1]
        return {str(k): _convert(v, vtype, f"{key}.{k}", where) for k, v in value.items()}
    if tp is bool:
        if not isinstance(value, bool):
            raise wrong()
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong()
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise wrong()
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise wrong()
        return value
    raise wrong()  # pragma: no cover - a type this loader was never taught


def _fields(cls: Any) -> dict[str, dataclasses.Field[Any]]:
    hints = typing.get_type_hints(cls)
    out = {}
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal"):
            continue
        f.type = hints[f.name]
        out[f.name] = f
    return out


def _build(cls: Any, table: dict[str, Any], prefix: str, where: str) -> Any:
    known = _fields(cls)
    values: dict[str, Any] = {}
    for name, value in table.items():
        key = f"{prefix}.{name}" if prefix else name
        if name not in known:
            choices = ", ".join(sorted(known))
            raise ConfigError(f"{where}: unknown key {key!r}", hint=f"expected one of: {choices}")
        values[name] = _convert(value, known[name].type, key, where)
    for name, f in known.items():
        if name not in values and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            key = f"{prefix}.{name}" if prefix else name
            raise ConfigError(
                f"{where}: missing required key {key!r}", hint=f"expected {_describe(f.type)}: {f.metadata['doc']}"
            )
    return cls(**values)


_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def _validate(settings: Settings, where: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    def zone(value: str, key: str) -> None:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(f"{where}: key {key!r} must be an IANA time zone, got {value!r}") from exc

    def positive(value: float, key: str) -> None:
        if value <= 0:
            raise ConfigError(f"{where}: key {key!r} must be greater than 0, got {value!r}")

    zone(settings.daemon.timezone, "daemon.timezone")
    for key in ("tick_minutes", "digest_minutes", "leader_lease_seconds", "feed_lease_seconds"):
        positive(getattr(settings.daemon, key), f"daemon.{key}")
    for key in ("connect_timeout_s", "read_timeout_s", "max_bytes", "concurrency", "backoff_max_minutes"):
        positive(getattr(settings.fetch, key), f"fetch.{key}")
    if settings.fetch.max_redirects < 0:
        raise ConfigError(f"{where}: key 'fetch.max_redirects' must be 0 or more")
    seen: set[str] = set()
    for i, feed in enumerate(settings.feeds):
        key = f"feeds[{i}]"
        if not _NAME.match(feed.name):
            raise ConfigError(f"{where}: key '{key}.name' must be letters, digits, '.', '_' or '-', got {feed.name!r}")
        if feed.name in seen:
            raise ConfigError(f"{where}: key '{key}.name': feed {feed.name!r} is named twice")
        seen.add(feed.name)
        if not feed.url.startswith(("http://", "https://", "file://")):
            raise ConfigError(f"{where}: key '{key}.url' must be an http(s) URL, got {feed.url!r}")
        positive(feed.interval_minutes, f"{key}.interval_minutes")
    _validate_extract(settings.extract, where)
    for name, sev in settings.rules.severity.items():
        if sev not in SEVERITIES:
            raise ConfigError(
                f"{where}: key 'rules.severity.{name}' must be one of {', '.join(SEVERITIES)}, got {sev!r}"
            )
    for days in settings.rules.pause_expiring_days:
        positive(days, "rules.pause_expiring_days")
    for days in settings.rules.tariff_expiring_days:
        positive(days, "rules.tariff_expiring_days")
    if settings.rules.news_max_age_days < 0:
        raise ConfigError(f"{where}: key 'rules.news_max_age_days' must be 0 or more")
    if settings.rules.unconfirmed_hold_hours < 0:
        raise ConfigError(f"{where}: key 'rules.unconfirmed_hold_hours' must be 0 or more")
    seen = set()
    for i, channel in enumerate(settings.channels):
        key = f"channels[{i}]"
        if not _NAME.match(channel.name):
            raise ConfigError(f"{where}: key '{key}.name' must be letters, digits, '.', '_' or '-'")
        if channel.name in seen:
            raise ConfigError(f"{where}: key '{key}.name': channel {channel.name!r} is named twice")
        seen.add(channel.name)
        if bool(channel.url) == bool(channel.url_env):
            raise ConfigError(f"{where}: key '{key}': set exactly one of 'url' and 'url_env'")
        if channel.url and not channel.url.startswith(("http://", "https://")):
            raise ConfigError(f"{where}: key '{key}.url' must be an http(s) URL, got {channel.url!r}")
        if channel.kind == "matrix" and not (channel.room and channel.token_env):
            raise ConfigError(f"{where}: key '{key}': a matrix channel needs 'room' and 'token_env'")
        positive(channel.timeout_s, f"{key}.timeout_s")
    channels = seen
    seen = set()
    for i, sub in enumerate(settings.subscriptions):
        key = f"subscriptions[{i}]"
        if not _NAME.match(sub.name):
            raise ConfigError(f"{where}: key '{key}.name' must be letters, digits, '.', '_' or '-'")
        if sub.name in seen:
            raise ConfigError(f"{where}: key '{key}.name': subscription {sub.name!r} is named twice")
        seen.add(sub.name)
        zone(sub.timezone, f"{key}.timezone")
        for name in sub.channels:
            if name not in channels:
                known = ", ".join(sorted(channels)) or "none"
                raise ConfigError(f"{where}: key '{key}.channels': no channel named {name!r} (known: {known})")
        if sub.min_sources < 0 or not 0 <= sub.min_confidence <= 1:
            raise ConfigError(f"{where}: keys '{key}.min_sources' (0 or more) and '{key}.min_confidence' (0 to 1)")
        if sub.schedule != "immediate" and len(sub.schedule.split()) != 5:
            raise ConfigError(
                f"{where}: key '{key}.schedule' must be \"immediate\" or a five-field cron expression, "
                f"got {sub.schedule!r}"
            )
        if sub.schedule != "immediate":
            from apscheduler.triggers.cron import CronTrigger

            try:
                CronTrigger.from_crontab(sub.schedule, timezone=sub.timezone)
            except ValueError as exc:
                raise ConfigError(f"{where}: key '{key}.schedule': {exc}") from exc
    for key in ("retry_max_minutes", "deadline_days", "max_attempts", "give_up_hours"):
        positive(getattr(settings.delivery, key), f"delivery.{key}")
    if settings.delivery.hold_above < 0:
        raise ConfigError(f"{where}: key 'delivery.hold_above' must be 0 or more")
    if settings.delivery.web_url and not settings.delivery.web_url.startswith(("http://", "https://")):
        raise ConfigError(f"{where}: key 'delivery.web_url' must be an http(s) URL, got {settings.delivery.web_url!r}")
    if settings.delivery.batch_window_s < 0 or settings.delivery.measures_shown < 0:
        raise ConfigError(f"{where}: keys 'delivery.batch_window_s' and 'delivery.measures_shown' must be 0 or more")
    positive(settings.delivery.smtp.port, "delivery.smtp.port")
    if not 0 < settings.web.port < 65536:
        raise ConfigError(f"{where}: key 'web.port' must be a TCP port (1-65535), got {settings.web.port!r}")
    positive(settings.web.stuck_after_s, "web.stuck_after_s")
    positive(settings.delivery.smtp.timeout_s, "delivery.smtp.timeout_s")
    if settings.delivery.method == "smtp" and not settings.subscriptions:
        pass  # sending mail to nobody is allowed: the outbox stays empty
    if settings.database.password_env and settings.database.password_env not in settings.environ:
        raise ConfigError(
            f"{where}: database.password_env names {settings.database.password_env!r}, "
            "which is not set in the environment"
        )


def _validate_extract(extract: ExtractSettings, where: str) -> None:
    import shlex

    if extract.timeout_seconds <= 0:
        raise ConfigError(
            f"{where}: key 'extract.timeout_seconds' must be greater than 0, got {extract.timeout_seconds!r}"
        )
    if extract.mode != "builtin" and not extract.command.strip():
        raise ConfigError(
            f"{where}: key 'extract.command' is needed with extract.mode = {extract.mode!r}",
            hint='the program that prints the facts, e.g. "python3 tagger.py"',
        )
    if extract.mode == "builtin" and extract.command.strip():
        # A command that is set but never run would look like it reads articles while it does not.
        raise ConfigError(
            f"{where}: key 'extract.command' is set but extract.mode is 'builtin', so it would never run",
            hint='set extract.mode = "command" or "both", or remove the command',
        )
    try:
        shlex.split(extract.command)
    except ValueError as exc:
        raise ConfigError(f"{where}: key 'extract.command' cannot be split into words: {exc}") from exc


def parse_settings(text: str, *, source: Path, environ: Mapping[str, str] | None = None) -> Settings:
    """Parse and validate config text; errors name `source`, the key and what was expected."""
    where = str(source)
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from exc
    settings: Settings = _build(Settings, table, "", where)
    settings = dataclasses.replace(settings, source=source, environ=dict(environ or {}))
    _validate(settings, where)
    return settings


def find_config(explicit: str | None, environ: Mapping[str, str], cwd: Path) -> Path:
    """The config file to read: `--config`, else $TRADE_MONITOR_CONFIG, else ./config.toml."""
    if explicit:
        return Path(explicit)
    if environ.get(CONFIG_ENV):
        return Path(environ[CONFIG_ENV])
    return cwd / DEFAULT_CONFIG_NAME


def load_settings(path: Path, environ: Mapping[str, str] | None = None) -> Settings:
    """Read and validate the config file at `path`."""
    env = dict(os.environ if environ is None else environ)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(
            f"{path}: no such config file", hint="run `trade-monitor init` or pass --config PATH"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from exc
    return parse_settings(text, source=path.resolve(), environ=env)


def iter_documented(cls: Any = Settings, prefix: str = "") -> typing.Iterator[tuple[str, str, Any, str]]:
    """Every setting as (key, type description, default, help), depth first, for docs and tests."""
    for name, f in _fields(cls).items():
        key = f"{prefix}{name}"
        tp = f.type
        inner = typing.get_args(tp)[0] if typing.get_origin(tp) is tuple else None
        if dataclasses.is_dataclass(tp):
            yield key, "table", None, f.metadata.get("doc", "")
            yield from iter_documented(tp, key + ".")
        elif inner is not None and dataclasses.is_dataclass(inner):
            yield key, "list of tables", None, f.metadata.get("doc", "")
            yield from iter_documented(inner, key + "[].")
        else:
            if f.default is not dataclasses.MISSING:
                default: Any = f.default
            elif f.default_factory is not dataclasses.MISSING:
                default = f.default_factory()
            else:
                default = "(required)"
            yield key, _describe(tp), default, f.metadata.get("doc", "")
