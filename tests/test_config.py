"""config.toml: typed settings, and errors that name the file, the key and what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.config import iter_documented, load_settings, parse_settings
from monitor.errors import ConfigError

SRC = Path("/somewhere/config.toml")


def test_defaults_when_the_file_is_empty() -> None:
    settings = parse_settings("", source=SRC)
    assert settings.database.url == "sqlite:///trade-monitor.db"
    assert settings.database_url() == "sqlite:////somewhere/trade-monitor.db"
    assert settings.delivery.method == "directory"
    assert settings.feeds == ()


def test_feeds_and_lists_are_read_into_typed_settings() -> None:
    settings = parse_settings(
        '[[feeds]]\nname = "ustr"\nurl = "https://example.org/feed.xml"\ninterval_minutes = 45\n'
        "[rules]\npause_expiring_days = [14, 7, 1]\n",
        source=SRC,
    )
    assert settings.feeds[0].name == "ustr"
    assert settings.feeds[0].interval_minutes == 45
    assert settings.feeds[0].full_text is False
    assert settings.rules.pause_expiring_days == (14, 7, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[fetch]\ntimeout = 3\n", "unknown key 'fetch.timeout'"),
        ('[fetch]\nconcurrency = "3"\n', "key 'fetch.concurrency' must be a whole number"),
        ('[[feeds]]\nurl = "https://example.org/x"\n', "missing required key 'feeds[0].name'"),
        ('[delivery]\nmethod = "pigeon"\n', "key 'delivery.method' must be one of 'directory', 'smtp'"),
        ('[daemon]\ntimezone = "Mars/Olympus"\n', "key 'daemon.timezone' must be an IANA time zone"),
        ('[[subscriptions]]\nname = "a"\nschedule = "every day"\n', "key 'subscriptions[0].schedule'"),
        ('[rules.severity]\nnew_rate = "loud"\n', "key 'rules.severity.new_rate' must be one of"),
        ("[database\n", "not valid TOML"),
    ],
)
def test_bad_settings_name_the_file_and_the_key(text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_settings(text, source=SRC)
    assert str(caught.value).startswith(str(SRC))
    assert expected in str(caught.value)


def test_two_feeds_with_one_name_are_refused() -> None:
    text = '[[feeds]]\nname = "a"\nurl = "https://x.org/1"\n[[feeds]]\nname = "a"\nurl = "https://x.org/2"\n'
    with pytest.raises(ConfigError, match="named twice"):
        parse_settings(text, source=SRC)


def test_secrets_come_from_the_environment_never_the_file() -> None:
    text = '[database]\nurl = "postgresql+psycopg://tm@db.example/tm"\npassword_env = "TM_DB_PASSWORD"\n'
    with pytest.raises(ConfigError, match="TM_DB_PASSWORD"):
        parse_settings(text, source=SRC, environ={})
    settings = parse_settings(text, source=SRC, environ={"TM_DB_PASSWORD": "s3cret"})
    assert settings.database_url() == "postgresql+psycopg://tm:s3cret@db.example/tm"


def test_a_missing_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="trade-monitor init"):
        load_settings(tmp_path / "config.toml", environ={})


def test_every_setting_is_documented() -> None:
    rows = list(iter_documented())
    assert len(rows) > 40
    undocumented = [key for key, _, _, doc in rows if len(doc) < 10]
    assert undocumented == []


def test_the_shipped_config_is_valid_and_matches_what_init_writes() -> None:
    root = Path(__file__).resolve().parent.parent
    shipped = (root / "config.toml").read_text(encoding="utf-8")
    packaged = (root / "monitor" / "default_config.toml").read_text(encoding="utf-8")
    assert shipped == packaged
    settings = parse_settings(shipped, source=root / "config.toml")
    assert settings.feeds, "the shipped config should poll real feeds"
